import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { ListTargetsQuery, SetTargetDto } from '../dto/target.dto.js';
import { ledgerPolicy } from '../ledger.policy.js';
import { targetsRepository, type TargetRecord } from '../targets.repository.js';

/** The plan's targets, with every change (staff). */
export async function listTargets(actor: AuthUser, query: ListTargetsQuery): Promise<TargetRecord[]> {
  if (!ledgerPolicy.canReadLedger(actor)) throw new Forbidden('forbidden', 'Only managers and admins read targets.');
  return targetsRepository.ofYears(query.year === undefined ? undefined : [query.year]);
}

/** An admin sets one KPI's target for a year; the change is kept with who and when. */
export async function setTarget(actor: AuthUser, input: SetTargetDto, deps: Pick<UseCaseDeps, 'now'>): Promise<TargetRecord> {
  if (!ledgerPolicy.canSetTargets(actor)) throw new Forbidden('forbidden', 'Only admins change the plan’s targets.');
  return targetsRepository.set({ year: input.year, kpi: input.kpi, value: input.value, at: deps.now(), by: new mongoose.Types.ObjectId(actor.id), note: input.note });
}
