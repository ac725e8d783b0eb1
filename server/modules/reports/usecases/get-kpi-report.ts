import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import { todayInVietnam } from '../../../core/time/calendar-date.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { admissionsRepository } from '../../cohorts/admissions.repository.js';
import { activitiesRepository } from '../../ledger/activities.repository.js';
import { certificationsRepository } from '../../ledger/certifications.repository.js';
import { ledgerPolicy } from '../../ledger/ledger.policy.js';
import type { KpiCode } from '../../ledger/plan-targets.js';
import { targetsRepository } from '../../ledger/targets.repository.js';
import { mentorsRepository } from '../../mentors/mentors.repository.js';
import { requestsRepository } from '../../requests/requests.repository.js';
import { sessionsRepository } from '../../sessions/sessions.repository.js';
import { startupsRepository } from '../../startups/startups.repository.js';
import type { KpisQuery } from '../dto/kpis.query.js';
import { buildKpiReport, supportedStartupIds, type KpiReport } from '../kpi-report.js';
import { periodInstants, periodOf, yearShares } from '../period.js';

/**
 * The KPI report of a year or of any period (the mid-term and final
 * reviews), from the ledger as it is now (managers, admins). Reads each
 * collection once, for the period only, in parallel; names come from one
 * read of the startups and mentors involved.
 */
export async function getKpiReport(actor: AuthUser, query: KpisQuery, deps: Pick<UseCaseDeps, 'now'>): Promise<KpiReport> {
  if (!ledgerPolicy.canReadLedger(actor)) throw new Forbidden('forbidden', 'Only managers and admins read reports.');
  const period = periodOf(query);
  const now = deps.now();
  const today = todayInVietnam(now);
  const { start, end } = periodInstants(period);
  // Activities count once they have started: a planned one is not done yet.
  const activitiesTo = period.to < today ? period.to : today;
  const [targets, activities, stCertificates, admissions, sessions, answered] = await Promise.all([
    targetsRepository.ofYears(yearShares(period).map((y) => y.year)),
    activitiesTo < period.from ? Promise.resolve([]) : activitiesRepository.startingBetween(period.from, activitiesTo),
    certificationsRepository.issuedBetween('st_enterprise', period.from, period.to),
    admissionsRepository.admittedBetween(start, end),
    sessionsRepository.completedBetween(start, end),
    requestsRepository.answeredBetween(start, end),
  ]);
  const mentorIds = [...new Map(sessions.map((s) => [s.mentorId.toHexString(), s.mentorId])).values()];
  const [startups, mentors] = await Promise.all([
    startupsRepository.briefsByIds(supportedStartupIds({ activities, admissions, sessions, stCertificates, answered })),
    mentorsRepository.namesByIds(mentorIds),
  ]);
  const targetValues = new Map(targets.map((t) => [`${t.year}:${t.kpi}`, t.value]));
  return buildKpiReport({
    period,
    today,
    now,
    targetOf: (kpi: KpiCode, year: number) => targetValues.get(`${year}:${kpi}`),
    activities,
    stCertificates,
    admissions,
    sessions,
    answered,
    startups: new Map(startups.map((s) => [s._id.toHexString(), s])),
    mentorNames: new Map(mentors.map((m) => [m._id.toHexString(), m.name])),
  });
}
