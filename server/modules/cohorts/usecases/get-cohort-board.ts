import type { AuthUser } from '../../../core/auth/auth-user.js';
import { admissionsRepository } from '../admissions.repository.js';
import { buildBoard } from '../cohort-board.js';
import type { CohortBoardView } from '../cohort-board.view.js';
import { assertManages } from '../cohort-access.js';
import { cohortsRepository } from '../cohorts.repository.js';
import { roomSequences } from '../../../core/realtime/room-sequences.js';

/**
 * The board of one cohort for its managers and admins: each admitted
 * startup's progress, overdue items and next due date, plus totals. Two
 * queries at once — the cohort, and every admission with its startup's name
 * and its milestones — then the manager check on the cohort read.
 * 404 to those who cannot see the cohort, 403 to those who see it but do not manage it.
 *
 * `seq` is the live room `cohort:<id>`'s number, read before the board:
 * every event up to it is in the board; later ones may be too, and apply
 * again harmlessly.
 */
export async function getCohortBoard(actor: AuthUser, cohortId: string, today: string): Promise<CohortBoardView> {
  const seq = await roomSequences.current(`cohort:${cohortId}`);
  const [found, rows] = await Promise.all([cohortsRepository.findById(cohortId), admissionsRepository.boardRows(cohortId)]);
  const cohort = await assertManages(actor, found);
  return { ...buildBoard({ cohort, rows, today }), seq };
}
