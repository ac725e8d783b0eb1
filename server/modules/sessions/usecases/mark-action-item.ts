/**
 * An action item marked done, or not done after all (the mentor, the
 * startup's team, an admin). The done flag flips in one guarded update
 * (`{ item's _id, done: !wanted }`), so of two "done" at once exactly one
 * flips it; the other gets 409 `action_item_already_done`. Only the call
 * that flipped it moves the item's milestone, through the milestones' own
 * rules (cohorts/usecases/advance-milestone.ts), and the item keeps what
 * happened: moved, already there, or refused and why.
 *
 * A crash between the flip and the move leaves the item done with no
 * `milestoneMove`: visibly not attempted; marking it not done and done again
 * tries once more. Marking an item not done leaves its milestone where it is
 * (the milestone's own PATCH reopens it).
 */
import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, NotFound } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { advanceMilestone } from '../../cohorts/usecases/advance-milestone.js';
import type { MarkActionItemDto } from '../dto/session-notes.dto.js';
import { visibleSession } from '../session-access.js';
import { sessionsPolicy } from '../sessions.policy.js';
import { actionItemsOf, sessionsRepository, type ActionItemRecord, type SessionRecord, type StoredMilestoneMove } from '../sessions.repository.js';

const itemNotFound = () => new NotFound('action_item_not_found', 'No action item with this id on this session.');
const itemOf = (session: SessionRecord | undefined, itemId: mongoose.Types.ObjectId) => actionItemsOf(session).find((i) => i._id.equals(itemId));

/** Marks the item done (moving its milestone, if it names one) or not done; 409 when it already is. */
export async function markActionItem(actor: AuthUser, id: string, itemId: string, input: MarkActionItemDto, deps: UseCaseDeps): Promise<{ sessionId: mongoose.Types.ObjectId; item: ActionItemRecord }> {
  const { session, parties } = await visibleSession(actor, id);
  const _id = mongoose.isValidObjectId(itemId) ? new mongoose.Types.ObjectId(itemId) : undefined;
  const index = _id ? actionItemsOf(session).findIndex((i) => i._id.equals(_id)) : -1;
  if (!_id || index < 0) throw itemNotFound();
  if (!sessionsPolicy.canMarkActionItem(actor, parties, session)) throw new Forbidden('not_session_party', 'Only the mentor, the startup’s team or an admin mark action items.');

  const at = deps.now();
  const flipped = await sessionsRepository.markActionItem(session._id, { _id, index }, input.done, new mongoose.Types.ObjectId(actor.id), at);
  if (!flipped.applied) {
    const current = itemOf(flipped.current, _id);
    if (!current) throw itemNotFound();
    throw input.done
      ? new Conflict('action_item_already_done', 'This action item is already done.', [], { done: true, doneAt: current.doneAt?.toISOString() ?? null })
      : new Conflict('action_item_not_done', 'This action item is not done.', [], { done: false });
  }
  const item = itemOf(flipped.record, _id)!;
  if (!input.done || !item.milestoneId) return { sessionId: session._id, item };

  const advance = await advanceMilestone(actor, { milestoneId: item.milestoneId.toHexString(), startupId: session.startupId.toHexString(), to: item.moveTo ?? 'done' }, deps);
  const move: StoredMilestoneMove = {
    outcome: advance.outcome,
    ...(advance.outcome === 'refused' ? { reason: advance.reason } : {}),
    ...(advance.milestone ? { state: advance.milestone.state } : {}),
    at: deps.now(),
  };
  const recorded = await sessionsRepository.recordMilestoneMove(session._id, { _id, index }, at, move);
  // Marked not done meanwhile: answer what this call did all the same.
  return { sessionId: session._id, item: itemOf(recorded, _id) ?? { ...item, milestoneMove: move } };
}
