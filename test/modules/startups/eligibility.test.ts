/**
 * The 5-year rule at its edges (SPEC §2), as named cases and as properties.
 * "Today" is Vietnam's date; the cases that turn on it run with the
 * process in UTC, America/Los_Angeles and Asia/Ho_Chi_Minh.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, todayInVietnam } from '../../../server/core/time/calendar-date.js';
import { computeEligibility, eligibleUntilFor } from '../../../server/modules/startups/eligibility.js';
import { inZone } from '../../helpers/zone.js';

const company = (firstRegisteredOn: string) => ({ kind: 'company' as const, firstRegisteredOn });


const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh'];

describe('eligibility: the 5-year rule', () => {
  describe('named cases', () => {
    it('registered exactly 5 years ago today → eligible, last day, 0 days left', () => {
      const result = computeEligibility(company('2021-11-27'), '2026-11-27');
      expect(result).to.include({ eligible: true, eligibleUntil: '2026-11-27', daysLeft: 0, reason: 'within_five_years' });
    });

    it('registered 5 years and 1 day ago → ineligible since today', () => {
      const result = computeEligibility(company('2021-11-26'), '2026-11-27');
      expect(result).to.include({ eligible: false, eligibleUntil: '2026-11-26', daysLeft: -1, reason: 'over_five_years' });
    });

    it('registered yesterday → eligible with 5 years less a day left', () => {
      const result = computeEligibility(company('2026-11-26'), '2026-11-27');
      expect(result).to.include({ eligible: true, eligibleUntil: '2031-11-26', daysLeft: 1825 }); // 5 × 365 + 29 Feb 2028 − 1
    });

    it('registered on 29 February → eligible through 28 February five years on, not from 1 March', () => {
      expect(eligibleUntilFor('2020-02-29')).to.equal('2025-02-28');
      expect(computeEligibility(company('2020-02-29'), '2025-02-28').eligible).to.equal(true);
      expect(computeEligibility(company('2020-02-29'), '2025-03-01').eligible).to.equal(false);
    });

    it('registered on 28 February 2019 → ineligible on 29 February 2024 (the anniversary is the 28th)', () => {
      expect(eligibleUntilFor('2019-02-28')).to.equal('2024-02-28');
      expect(computeEligibility(company('2019-02-28'), '2024-02-29').eligible).to.equal(false);
    });

    it('individuals and groups are eligible, with no end date', () => {
      for (const kind of ['individual', 'group'] as const) {
        expect(computeEligibility({ kind }, '2026-11-27')).to.include({ eligible: true, eligibleUntil: null, daysLeft: null, reason: 'not_registered_yet' });
      }
    });

    it('explains itself in Vietnamese and English', () => {
      const { message } = computeEligibility(company('2021-11-26'), '2026-11-27');
      expect(message.vi).to.include('quá 5 năm');
      expect(message.en).to.include('more than 5 years');
    });
  });

  describe('today is the Vietnam date, whatever the server zone', () => {
    // 23:30 in Can Tho on 27 November is 16:30 UTC and 08:30 in Los Angeles, still the 27th there;
    // 00:30 in Can Tho on the 28th is 17:30 UTC on the 27th, and 09:30 on the 27th in Los Angeles.
    const lateOnBoundaryDay = DateTime.fromISO('2026-11-27T23:30', { zone: 'Asia/Ho_Chi_Minh' }).toJSDate();
    const justAfterMidnight = DateTime.fromISO('2026-11-28T00:30', { zone: 'Asia/Ho_Chi_Minh' }).toJSDate();

    for (const zone of ZONES) {
      it(`at 23:30 Vietnam time on the last eligible day, with TZ=${zone} → still eligible`, () => {
        inZone(zone, () => {
          const today = todayInVietnam(lateOnBoundaryDay);
          expect(today).to.equal('2026-11-27');
          expect(computeEligibility(company('2021-11-27'), today)).to.include({ eligible: true, daysLeft: 0 });
        });
      });

      it(`at 00:30 Vietnam time the next day, with TZ=${zone} → ineligible, though UTC and Los Angeles still say the 27th`, () => {
        inZone(zone, () => {
          expect(new Date(justAfterMidnight).getUTCDate()).to.equal(27);
          const today = todayInVietnam(justAfterMidnight);
          expect(today).to.equal('2026-11-28');
          expect(computeEligibility(company('2021-11-27'), today)).to.include({ eligible: false, daysLeft: -1 });
        });
      });
    }
  });

  describe('properties', () => {
    const calendarDate = fc
      .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));

    it('eligibleUntil keeps the month, and the day unless 29 February became the 28th', () => {
      fc.assert(
        fc.property(calendarDate, (registered) => {
          const until = eligibleUntilFor(registered);
          expect(Number(until.slice(0, 4))).to.equal(Number(registered.slice(0, 4)) + 5);
          expect(until.slice(5, 7)).to.equal(registered.slice(5, 7));
          if (registered.slice(5) === '02-29') expect(until.slice(5)).to.equal('02-28');
          else expect(until.slice(8)).to.equal(registered.slice(8));
        }),
      );
    });

    it('eligible exactly on the days up to and including eligibleUntil', () => {
      fc.assert(
        fc.property(calendarDate, fc.integer({ min: -4000, max: 4000 }), (registered, offset) => {
          const until = eligibleUntilFor(registered);
          const today = addDays(until, offset);
          const result = computeEligibility(company(registered), today);
          expect(result.eligible).to.equal(offset <= 0);
          expect(result.daysLeft).to.equal(-offset);
        }),
      );
    });

    it('growing older never makes a company eligible again (monotone in today)', () => {
      fc.assert(
        fc.property(calendarDate, calendarDate, calendarDate, (registered, a, b) => {
          const [earlier, later] = a <= b ? [a, b] : [b, a];
          if (!computeEligibility(company(registered), earlier).eligible) {
            expect(computeEligibility(company(registered), later).eligible).to.equal(false);
          }
        }),
      );
    });

    it('todayInVietnam agrees with the wall clock in Can Tho for any instant and any server zone', () => {
      fc.assert(
        fc.property(
          fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2050-01-01T00:00:00Z'), noInvalidDate: true }),
          fc.constantFrom(...ZONES),
          (instant, zone) => {
            inZone(zone, () => {
              // Vietnam has kept UTC+7 without daylight saving since 1975.
              const shifted = new Date(instant.getTime() + 7 * 3600_000);
              expect(todayInVietnam(instant)).to.equal(shifted.toISOString().slice(0, 10));
            });
          },
        ),
      );
    });
  });
});
