/** The mentor's private note on a session (SPEC §5: "mentor notes"), written and replaced by the mentor alone. */
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { WriteSessionNoteDto } from '../dto/session-notes.dto.js';
import { NOTE_STATES } from '../session.model.js';
import { visibleSession } from '../session-access.js';
import { sessionsPolicy } from '../sessions.policy.js';
import { sessionsRepository, type SessionRecord } from '../sessions.repository.js';

/** 409 `session_closed` (with `sessionStatus`): notes and action items belong to scheduled or completed sessions. */
export const sessionClosed = (current: SessionRecord | undefined) =>
  new Conflict('session_closed', `This session is ${current?.status ?? 'gone'}; notes and action items go on scheduled or completed sessions.`, [], {
    sessionStatus: current?.status ?? 'gone',
  });

/**
 * Writes (replaces) the mentor's note on a scheduled or completed session:
 * one guarded update on the state, so a note never lands on a session
 * cancelled meanwhile. No event: nobody else is told of a private note.
 */
export async function writeSessionNote(actor: AuthUser, id: string, input: WriteSessionNoteDto, deps: UseCaseDeps): Promise<SessionRecord> {
  const { session } = await visibleSession(actor, id);
  if (!sessionsPolicy.canWriteNote(actor, session)) throw new Forbidden('not_the_mentor', 'Only the session’s mentor writes its note.');
  const written = await sessionsRepository.writeMentorNote(session._id, NOTE_STATES, { text: input.text, updatedAt: deps.now() });
  if (!written.applied) throw sessionClosed(written.current);
  return written.record;
}
