/**
 * Properties of the 5-year rule at the level of instants, beside the
 * calendar-date ones in test/modules/startups/eligibility.test.ts: for any
 * registration date, a company is eligible at every instant up to the last
 * millisecond of `eligibleUntil` in Can Tho (Asia/Ho_Chi_Minh) and at none
 * from the next millisecond, whatever the process's zone; eligibility ends
 * on the fifth anniversary (the 28th for a 29 February), so registering
 * later never ends it sooner; `daysLeft` counts down one a day in Vietnam.
 * Seed: PROPERTY_SEED (printed by fast-check on failure).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, todayInVietnam, VIETNAM_ZONE } from '../../server/core/time/calendar-date.js';
import { computeEligibility, eligibleUntilFor } from '../../server/modules/startups/eligibility.js';
import { inZone } from '../helpers/zone.js';

const runs = (numRuns: number) => ({ numRuns, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20_260_615 });
const company = (firstRegisteredOn: string) => ({ kind: 'company' as const, firstRegisteredOn });
const calendarDate = fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2045-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Leap days often: the hardest anniversary. */
const registration = fc.oneof({ arbitrary: calendarDate, weight: 4 }, fc.constantFrom('2000-02-29', '2004-02-29', '2020-02-29', '2024-02-29', '2028-02-29', '2019-02-28', '2023-12-31', '2024-01-01'));
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];


/** Eligibility at an instant, as the service decides it: today in Vietnam, then the rule. */
const eligibleAt = (registered: string, instant: Date) => computeEligibility(company(registered), todayInVietnam(instant)).eligible;

describe('property: the 5-year rule at instants in Can Tho', () => {
  it('eligible up to the last millisecond of eligibleUntil in Vietnam, not from the next one, in any server zone', () => {
    fc.assert(
      fc.property(registration, fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 86_399_999 }), (registered, zone, intoDay) => {
        const until = eligibleUntilFor(registered);
        const endsAt = DateTime.fromISO(until, { zone: VIETNAM_ZONE }).plus({ days: 1 }).toMillis();
        inZone(zone, () => {
          expect(eligibleAt(registered, new Date(endsAt - 1)), `${registered}: last ms of ${until}`).to.equal(true);
          expect(eligibleAt(registered, new Date(endsAt)), `${registered}: first ms after ${until}`).to.equal(false);
          // Anywhere inside the last day, and anywhere inside the day after.
          expect(eligibleAt(registered, new Date(endsAt - 86_400_000 + intoDay))).to.equal(true);
          expect(eligibleAt(registered, new Date(endsAt + intoDay))).to.equal(false);
        });
      }),
      runs(600),
    );
  });

  it('eligibleUntil is the fifth anniversary (28 February for a 29 February), and later registration never ends eligibility sooner', () => {
    fc.assert(
      fc.property(registration, registration, (a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(eligibleUntilFor(earlier) <= eligibleUntilFor(later), `${earlier} → ${eligibleUntilFor(earlier)}, ${later} → ${eligibleUntilFor(later)}`).to.equal(true);
        // Computed by hand: the same month and day five years on, 29 February becoming the 28th.
        const anniversary = `${Number(a.slice(0, 4)) + 5}-${a.slice(5) === '02-29' ? '02-28' : a.slice(5)}`;
        expect(eligibleUntilFor(a)).to.equal(anniversary);
        // Registered on day d: the rule covers exactly the days from d to the anniversary.
        expect(computeEligibility(company(a), a).eligible).to.equal(true);
      }),
      runs(600),
    );
  });

  it('daysLeft counts down by one each Vietnamese day, reaches 0 on the last day, and eligible ⇔ daysLeft ≥ 0', () => {
    fc.assert(
      fc.property(registration, fc.integer({ min: -2000, max: 2000 }), (registered, offset) => {
        const today = addDays(registered, offset);
        const a = computeEligibility(company(registered), today);
        const b = computeEligibility(company(registered), addDays(today, 1));
        expect(b.daysLeft).to.equal(a.daysLeft! - 1);
        expect(a.eligible).to.equal(a.daysLeft! >= 0);
        expect(computeEligibility(company(registered), eligibleUntilFor(registered)).daysLeft).to.equal(0);
      }),
      runs(600),
    );
  });

  it('individuals and groups are eligible at every instant, in every zone', () => {
    fc.assert(
      fc.property(fc.constantFrom('individual' as const, 'group' as const), fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2060-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...ZONES), (kind, instant, zone) => {
        inZone(zone, () => expect(computeEligibility({ kind, firstRegisteredOn: null }, todayInVietnam(instant)).eligible).to.equal(true));
      }),
      runs(200),
    );
  });
});
