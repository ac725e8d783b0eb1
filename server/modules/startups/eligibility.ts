/**
 * The 5-year rule (plan 135/KH-UBND §II.1, SPEC §2): the single source of
 * truth for whether a startup may be incubated. Pure: give it the startup
 * and today's date in Vietnam (`todayInVietnam()`), get the answer.
 *
 * Why the dates fall where they do — Civil Code 2015:
 * - art. 147: a period counted in years starts the day after the event,
 *   so the registration day itself is not counted;
 * - art. 148: it ends at the end of the corresponding day and month of the
 *   last year; when that day does not exist (29 February in a common year)
 *   it ends on the last day of that month, as art. 148 says for months.
 * So a company first registered on 2021-03-15 is eligible through
 * 2026-03-15 inclusive and ineligible from 2026-03-16; one registered on
 * 2020-02-29 is eligible through 2025-02-28.
 * The weekend and holiday extension of art. 148 is deliberately not
 * applied: the rule measures a company's age, not a deadline to act.
 */
import { daysBetween, parseCalendarDate } from '../../core/time/calendar-date.js';

export const STARTUP_KINDS = ['individual', 'group', 'company'] as const;
export type StartupKind = (typeof STARTUP_KINDS)[number];

export const ELIGIBLE_YEARS = 5;

export type EligibilityReason = 'not_registered_yet' | 'within_five_years' | 'over_five_years';

export interface Eligibility {
  eligible: boolean;
  /** Last eligible day (inclusive), `YYYY-MM-DD`; null for individuals and groups. */
  eligibleUntil: string | null;
  /** Days from today to eligibleUntil (0 on the last day, negative after); null without one. */
  daysLeft: number | null;
  reason: EligibilityReason;
  /** The reason in words, for people. */
  message: { vi: string; en: string };
}

export interface EligibilitySubject {
  kind: StartupKind;
  /** Required for companies: the date on the first business registration certificate. */
  firstRegisteredOn?: string | null;
}

/** The last eligible day for a company first registered on `firstRegisteredOn`. */
export function eligibleUntilFor(firstRegisteredOn: string): string {
  const registered = parseCalendarDate(firstRegisteredOn);
  if (!registered) throw new RangeError(`not a calendar date: ${firstRegisteredOn}`);
  // luxon keeps the day and month, and clamps a missing 29 February to the 28th (the month's last day).
  return registered.plus({ years: ELIGIBLE_YEARS }).toISODate()!;
}

export function computeEligibility(subject: EligibilitySubject, today: string): Eligibility {
  if (subject.kind !== 'company') {
    return {
      eligible: true,
      eligibleUntil: null,
      daysLeft: null,
      reason: 'not_registered_yet',
      message: {
        vi: 'Cá nhân hoặc nhóm chưa đăng ký doanh nghiệp: đủ điều kiện.',
        en: 'An individual or group without a business registration: eligible.',
      },
    };
  }
  if (!subject.firstRegisteredOn) throw new RangeError('a company needs firstRegisteredOn');
  const eligibleUntil = eligibleUntilFor(subject.firstRegisteredOn);
  const daysLeft = daysBetween(today, eligibleUntil);
  if (daysLeft >= 0) {
    return {
      eligible: true,
      eligibleUntil,
      daysLeft,
      reason: 'within_five_years',
      message: {
        vi: `Doanh nghiệp hoạt động chưa quá 5 năm: đủ điều kiện đến hết ngày ${eligibleUntil}.`,
        en: `In business for less than 5 years: eligible through ${eligibleUntil}.`,
      },
    };
  }
  return {
    eligible: false,
    eligibleUntil,
    daysLeft,
    reason: 'over_five_years',
    message: {
      vi: `Doanh nghiệp đã hoạt động quá 5 năm kể từ ngày đăng ký lần đầu (hết điều kiện sau ngày ${eligibleUntil}).`,
      en: `In business for more than 5 years since first registration (eligible only through ${eligibleUntil}).`,
    },
  };
}
