/**
 * Properties of the slot engine that test/modules/sessions/slots.test.ts
 * does not state, over random weekly rules, bookings, blocked dates and
 * notice, in the weeks around Europe/Berlin's DST switches (2025–2032) and
 * in Can Tho's zone:
 * - a blocked date removes exactly the slots on that date (mentor's clock);
 * - more notice removes exactly the slots before the new earliest start;
 * - the monthly cap removes exactly the months at or over it;
 * - every slot: the session's real length, after the notice, clear of every
 *   booking widened by the buffers, inside a weekly rule on the mentor's
 *   wall clock that day (never in a skipped hour, never twice in a repeated
 *   one), its local times as luxon reads them, and bookable (`isSlotStart`).
 * Seed: PROPERTY_SEED (printed by fast-check on failure).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { freeSlots, isSlotStart, localTime, monthOf, type BusyInterval, type Slot, type SlotRules } from '../../server/modules/sessions/slots.js';

const runs = (numRuns: number) => ({ numRuns, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20_260_615 });
const DAY = 86_400_000;
const QUARTER = 900_000;

/** The last Sunday of a month (EU switches: March forward, October back) at 00:00 UTC. */
function lastSunday(year: number, month: number): number {
  const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: last.weekday % 7 }).toMillis();
}
const hhmm = (q: number) => (q >= 96 ? '24:00' : `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);

/** A week's rules (one per weekday, as validation allows), a range of 4 days over a Berlin switch or anywhere in the year, bookings. */
const scenario = fc
  .record({
    zone: fc.constantFrom('Europe/Berlin', 'Europe/Berlin', 'Asia/Ho_Chi_Minh'),
    year: fc.integer({ min: 2025, max: 2032 }),
    around: fc.constantFrom('march', 'october', 'anywhere'),
    shiftDays: fc.integer({ min: -3, max: 0 }),
    anyDay: fc.integer({ min: 0, max: 360 }),
    // Windows starting between 00:00 and 22:00 that may span 02:00–03:00; some run to 24:00.
    raw: fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), startQ: fc.integer({ min: 0, max: 88 }), lengthQ: fc.integer({ min: 2, max: 40 }) }), { minLength: 1, maxLength: 7 }),
    sessionMinutes: fc.constantFrom(30, 45, 50, 60, 90),
    bufferMinutes: fc.constantFrom(0, 10, 15, 30),
    minNoticeHours: fc.integer({ min: 0, max: 72 }),
    nowBeforeDays: fc.integer({ min: 0, max: 3 }),
    bookings: fc.array(fc.record({ offsetQ: fc.integer({ min: -96, max: 5 * 96 }), lengthQ: fc.integer({ min: 1, max: 8 }) }), { maxLength: 6 }),
  })
  .map((s) => {
    const weekly = [...new Map(s.raw.map((r) => [r.weekday, { weekday: r.weekday, start: hhmm(r.startQ), end: hhmm(Math.min(96, r.startQ + r.lengthQ)) }])).values()];
    const base = s.around === 'march' ? lastSunday(s.year, 3) : s.around === 'october' ? lastSunday(s.year, 10) : Date.UTC(s.year, 0, 1) + s.anyDay * DAY;
    const from = base + s.shiftDays * DAY;
    const to = from + 4 * DAY;
    const busy: BusyInterval[] = s.bookings.map((b) => ({ start: from + b.offsetQ * QUARTER, end: from + (b.offsetQ + b.lengthQ * 2) * QUARTER }));
    const rules: SlotRules = { weekly, blockedDates: [], timezone: s.zone, sessionMinutes: s.sessionMinutes, minNoticeHours: s.minNoticeHours, bufferMinutes: s.bufferMinutes, maxSessionsPerMonth: 1000 };
    return { rules, from, to, now: from - s.nowBeforeDays * DAY + 7 * 3_600_000, busy };
  });
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const slotsOf = (s: Scenario, rules: Partial<SlotRules> = {}, busy = s.busy, bookedPerMonth?: Map<string, number>) =>
  freeSlots({ ...s.rules, ...rules }, { from: new Date(s.from), to: new Date(s.to), now: new Date(s.now), busy, ...(bookedPerMonth ? { bookedPerMonth } : {}) });
const key = (slot: Slot) => slot.start.toISOString();

describe('property: free slots', () => {
  it('every slot: its real length, after the notice, clear of bookings and buffers, inside a rule on the mentor’s wall clock, local times right, bookable, no two overlapping', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { rules } = s;
        const zone = rules.timezone;
        const slots = slotsOf(s);
        const earliest = Math.max(s.from, s.now + rules.minNoticeHours * 3_600_000);
        const bufferMs = rules.bufferMinutes * 60_000;
        slots.forEach((slot, i) => {
          const start = slot.start.getTime();
          const end = slot.end.getTime();
          expect(end - start, 'real length').to.equal(rules.sessionMinutes * 60_000);
          expect(start).to.be.at.least(earliest);
          expect(start).to.be.below(s.to);
          if (i > 0) expect(start, 'sorted, no overlap').to.be.at.least(slots[i - 1]!.end.getTime());
          for (const b of s.busy) expect(end + bufferMs <= b.start || start >= b.end + bufferMs, `clear of ${JSON.stringify(b)}`).to.equal(true);
          const a = DateTime.fromMillis(start, { zone });
          const z = DateTime.fromMillis(end, { zone });
          expect(slot.mentorLocal).to.deep.equal(localTime(start, zone));
          expect(slot.mentorLocal.time).to.equal(a.toFormat('HH:mm'));
          expect(slot.vietnamLocal.offset).to.equal('+07:00');
          // On the wall clock of the start's day: from the rule's start to its end (24:00: the next midnight).
          const startMinute = a.hour * 60 + a.minute;
          const endMinute = z.hasSame(a, 'day') ? z.hour * 60 + z.minute : 1440 + z.hour * 60 + z.minute;
          const inside = rules.weekly.some((w) => {
            const [sh, sm] = w.start.split(':').map(Number);
            const [eh, em] = w.end.split(':').map(Number);
            return w.weekday === a.weekday && startMinute >= sh! * 60 + sm! && endMinute <= eh! * 60 + em!;
          });
          expect(inside, `${slot.mentorLocal.date} ${slot.mentorLocal.time}–${z.toFormat('HH:mm')} ${zone} inside ${JSON.stringify(rules.weekly)}`).to.equal(true);
          expect(isSlotStart(rules, start, s.now), 'bookable').to.equal(true);
        });
        expect(new Set(slots.map(key)).size, 'no slot twice').to.equal(slots.length);
      }),
      runs(120),
    );
  });

  it('blocking a date removes exactly the slots on that date on the mentor’s clock, and no other', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -1, max: 5 }), (s, dayIndex) => {
        const date = DateTime.fromMillis(s.from + dayIndex * DAY, { zone: s.rules.timezone }).toISODate()!;
        const open = slotsOf(s);
        const blocked = slotsOf(s, { blockedDates: [date] });
        expect(blocked.map(key)).to.deep.equal(open.filter((slot) => slot.mentorLocal.date !== date).map(key));
        for (const slot of blocked) expect(isSlotStart({ ...s.rules, blockedDates: [date] }, slot.start.getTime(), s.now)).to.equal(true);
      }),
      runs(100),
    );
  });

  it('more notice removes exactly the slots that start before the new earliest start (without bookings)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 96 }), (s, more) => {
        const open = slotsOf(s, {}, []);
        const notice = s.rules.minNoticeHours + more;
        const later = slotsOf(s, { minNoticeHours: notice }, []);
        const earliest = s.now + notice * 3_600_000;
        expect(later.map(key)).to.deep.equal(open.filter((slot) => slot.start.getTime() >= earliest).map(key));
      }),
      runs(100),
    );
  });

  it('the monthly cap removes exactly the months whose sessions reach it (months of the mentor’s zone)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 2 }), (s, cap, counts) => {
        const open = slotsOf(s);
        const months = [...new Set([s.from, s.to].map((t) => monthOf(t, s.rules.timezone)))];
        const booked = new Map(months.map((m, i) => [m, counts[i]!]));
        const capped = slotsOf(s, { maxSessionsPerMonth: cap }, s.busy, booked);
        const monthFull = (slot: Slot) => (booked.get(monthOf(slot.start.getTime(), s.rules.timezone)) ?? 0) >= cap;
        expect(capped.map(key)).to.deep.equal(open.filter((slot) => !monthFull(slot)).map(key));
      }),
      runs(100),
    );
  });
});
