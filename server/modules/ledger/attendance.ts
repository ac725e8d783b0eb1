/**
 * Turning attendance input (JSON entries or CSV rows) into stored
 * attendees: every startup named must exist (422 naming each row that names
 * one that does not), emails link the users who have them, and one person
 * appears once per activity — by email, or by startup and folded name when
 * there is no email.
 */
import mongoose from 'mongoose';
import { RuleViolated, type FieldError } from '../../core/errors.js';
import { normalizeText } from '../../core/text/clean-text.js';
import { foldText } from '../../core/text/search-text.js';
import { startupsRepository } from '../startups/startups.repository.js';
import { usersRepository } from '../users/users.repository.js';
import type { AttendeeRecord } from './activities.repository.js';

export interface AttendeeInput {
  name: string;
  email?: string | null;
  startupId?: string | null;
  organisation?: string | null;
  /** Where the entry came from, for problems: `attendance.3` or `csv.4`. */
  field: string;
}

/** The key that makes an attendee the same person twice. */
export const attendeeKey = (a: { name: string; email?: string | null; startupId?: { toString(): string } | null }) =>
  a.email ? `email:${a.email.toLowerCase()}` : `name:${a.startupId?.toString() ?? ''}:${foldText(a.name)}`;

/** Checks the startups named and links users; throws 422 `unknown_startup` naming every bad entry. */
export async function resolveAttendees(inputs: readonly AttendeeInput[]): Promise<AttendeeRecord[]> {
  const startupIds = [...new Set(inputs.flatMap((a) => (a.startupId ? [a.startupId.toLowerCase()] : [])))];
  const known = new Set((await startupsRepository.briefsByIds(startupIds.map((id) => new mongoose.Types.ObjectId(id)))).map((s) => s._id.toHexString()));
  const errors: FieldError[] = inputs
    .filter((a) => a.startupId && !known.has(a.startupId.toLowerCase()))
    .map((a) => ({ field: `${a.field}.startupId`, code: 'unknown_startup', message: `No startup has the id ${a.startupId}.` }));
  if (errors.length > 0) throw new RuleViolated('unknown_startup', 'Some attendees name a startup that does not exist.', errors);
  const userIds = await usersRepository.idsByEmails(inputs.flatMap((a) => (a.email ? [a.email] : [])));
  return inputs.map((a) => {
    const email = a.email ? a.email.trim().toLowerCase() : undefined;
    const userId = email ? userIds.get(email) : undefined;
    return {
      name: normalizeText(a.name),
      ...(email ? { email } : {}),
      ...(userId ? { userId } : {}),
      ...(a.startupId ? { startupId: new mongoose.Types.ObjectId(a.startupId) } : {}),
      ...(a.organisation ? { organisation: normalizeText(a.organisation) } : {}),
    };
  });
}

/** `existing` followed by the `added` not already in it (nor repeated within it); how many were skipped. */
export function mergeAttendance(existing: readonly AttendeeRecord[], added: readonly AttendeeRecord[]): { attendance: AttendeeRecord[]; added: number; skipped: number } {
  const seen = new Set(existing.map(attendeeKey));
  const attendance = [...existing];
  for (const attendee of added) {
    const key = attendeeKey(attendee);
    if (seen.has(key)) continue;
    seen.add(key);
    attendance.push(attendee);
  }
  return { attendance, added: attendance.length - existing.length, skipped: added.length - (attendance.length - existing.length) };
}
