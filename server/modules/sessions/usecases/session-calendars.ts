/**
 * Calendars (SPEC §5): one session as an `.ics` file, and a private feed
 * per user (every session they may see, from a month back to half a year
 * ahead) at a URL whose token only its owner knows and can revoke.
 */
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { NotFound } from '../../../core/errors.js';
import { VIETNAM_ZONE } from '../../../core/time/calendar-date.js';
import { mentorsRepository } from '../../mentors/mentors.repository.js';
import { visibleScope } from '../../requests/usecases/list-requests.js';
import { usersRepository } from '../../users/users.repository.js';
import { calendarFeeds } from '../calendar-feeds.js';
import { sessionsCalendar } from '../session-calendar.js';
import { visibleSession } from '../session-access.js';
import { sessionsRepository } from '../sessions.repository.js';

const DAY_MS = 86_400_000;
/** The most events one feed carries. */
const FEED_LIMIT = 500;

/** A mentor reads times on their own clock; everyone else on Can Tho's. */
async function zoneOf(user: Pick<AuthUser, 'id' | 'role'>): Promise<string> {
  if (user.role !== 'mentor') return VIETNAM_ZONE;
  return (await mentorsRepository.findByUserId(user.id))?.timezone ?? VIETNAM_ZONE;
}

export async function sessionIcs(actor: AuthUser, id: string, deps: { now(): Date }): Promise<string> {
  const { session } = await visibleSession(actor, id);
  return sessionsCalendar([session], { name: `Runway: ${session.topic}`, zone: await zoneOf(actor), now: deps.now() });
}

/** A new private feed URL for the caller (any earlier one stops working). */
export async function issueCalendarFeed(actor: AuthUser, deps: { now(): Date }): Promise<{ path: string; createdAt: Date }> {
  const { token, createdAt } = await calendarFeeds.issue(actor.id, deps.now());
  return { path: `/api/v1/calendar-feeds/${token}`, createdAt };
}

export async function revokeCalendarFeed(actor: AuthUser): Promise<void> {
  await calendarFeeds.revoke(actor.id);
}

const feedNotFound = () => new NotFound('feed_not_found', 'No calendar feed with this address; it may have been replaced or revoked.');

/** The feed behind a token: the owner's sessions as they may see them now. */
export async function feedIcs(token: string, deps: { now(): Date }): Promise<string> {
  const ownerId = await calendarFeeds.ownerOf(token);
  const owner = ownerId && (await usersRepository.findById(ownerId));
  if (!owner || owner.status !== 'active') throw feedNotFound();
  const reader = { id: ownerId, role: owner.role, email: owner.email, name: owner.name };
  const now = deps.now();
  const sessions = await sessionsRepository.forCalendar(
    { ...(await visibleScope(reader, undefined)), from: new Date(now.getTime() - 30 * DAY_MS), to: new Date(now.getTime() + 183 * DAY_MS) },
    FEED_LIMIT,
  );
  return sessionsCalendar(sessions, { name: 'Runway', zone: await zoneOf(reader), now });
}
