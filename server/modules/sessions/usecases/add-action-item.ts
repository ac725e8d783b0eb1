/**
 * Action items (SPEC §5): the mentor sets the startup something to do,
 * optionally naming one of its milestones and the state that milestone
 * moves to once the item is done (mark-action-item.ts). The team is told.
 */
import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, RuleViolated, type FieldError } from '../../../core/errors.js';
import { assertRules } from '../../../core/http/validation.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { todayInVietnam } from '../../../core/time/calendar-date.js';
import { admissionsRepository } from '../../cohorts/admissions.repository.js';
import { milestonesRepository } from '../../cohorts/milestones.repository.js';
import type { AddActionItemDto } from '../dto/session-notes.dto.js';
import { MAX_ACTION_ITEMS, NOTE_STATES } from '../session.model.js';
import { visibleSession } from '../session-access.js';
import { sessionsPolicy } from '../sessions.policy.js';
import { actionItemsOf, sessionsRepository, type ActionItemRecord, type SessionRecord } from '../sessions.repository.js';
import { sessionEvent } from './book-session.js';
import { sessionClosed } from './write-session-note.js';

/** The rules JSON schema cannot say: a due date not in the past, `moveTo` only with a milestone, and a milestone of this startup's active admission. */
async function assertItemRules(input: AddActionItemDto, startupId: mongoose.Types.ObjectId, now: Date): Promise<void> {
  const today = todayInVietnam(now);
  const errors: FieldError[] = [];
  if (input.dueOn && input.dueOn < today) errors.push({ field: 'dueOn', code: 'in_the_past', message: `dueOn is before today in Can Tho (${today}).` });
  if (input.moveTo && !input.milestoneId) errors.push({ field: 'milestoneId', code: 'required_with_move_to', message: 'milestoneId is required with moveTo.' });
  assertRules(errors);
  if (!input.milestoneId) return;
  const milestone = await milestonesRepository.findById(input.milestoneId);
  if (!milestone || !milestone.startupId.equals(startupId)) {
    // One answer for "no such milestone" and "another startup's": ids of other startups' milestones do not leak.
    throw new RuleViolated('milestone_not_of_startup', 'This milestone is not one of the session’s startup’s milestones.', [
      { field: 'milestoneId', code: 'milestone_not_of_startup', message: 'milestoneId must name a milestone of the session’s startup.' },
    ]);
  }
  const admission = await admissionsRepository.findById(milestone.admissionId);
  if (admission?.status !== 'active') {
    throw new RuleViolated('admission_not_active', `The startup’s admission is ${admission?.status ?? 'gone'}; its milestones no longer change.`, [
      { field: 'milestoneId', code: 'admission_not_active', message: 'milestoneId names a milestone of an admission that has ended.' },
    ], { admissionStatus: admission?.status ?? 'gone' });
  }
}

/**
 * Adds an action item to a scheduled or completed session (the mentor, or
 * an admin): one guarded `$push` on the state and on there being fewer than
 * MAX_ACTION_ITEMS, so racing adds never go past it. Then the team is told.
 */
export async function addActionItem(actor: AuthUser, id: string, input: AddActionItemDto, deps: UseCaseDeps): Promise<{ session: SessionRecord; item: ActionItemRecord }> {
  const { session, parties } = await visibleSession(actor, id);
  if (!sessionsPolicy.canAddActionItem(actor, session)) throw new Forbidden('not_the_mentor', 'Only the session’s mentor (or an admin) sets action items.');
  if (!(NOTE_STATES as readonly string[]).includes(session.status)) throw sessionClosed(session);
  await assertItemRules(input, session.startupId, deps.now());

  const itemId = new mongoose.Types.ObjectId();
  const added = await sessionsRepository.addActionItem(session._id, NOTE_STATES, MAX_ACTION_ITEMS, {
    _id: itemId,
    title: input.title,
    ...(input.dueOn ? { dueOn: input.dueOn } : {}),
    ...(input.milestoneId ? { milestoneId: new mongoose.Types.ObjectId(input.milestoneId), moveTo: input.moveTo ?? 'done' } : {}),
    createdAt: deps.now(),
    createdBy: new mongoose.Types.ObjectId(actor.id),
  });
  if (!added.applied) {
    if (added.current && (NOTE_STATES as readonly string[]).includes(added.current.status)) {
      throw new Conflict('action_items_full', `A session holds at most ${MAX_ACTION_ITEMS} action items.`, [], { limit: MAX_ACTION_ITEMS });
    }
    throw sessionClosed(added.current);
  }
  const item = actionItemsOf(added.record).find((i) => i._id.equals(itemId))!;
  await deps.bus.emit('session.actionItemAdded', { ...sessionEvent(added.record, parties), actionItemId: itemId.toHexString(), title: item.title, dueOn: item.dueOn ?? null, by: actor.id });
  return { session: added.record, item };
}
