/**
 * The slot engine, pure: weekly rules read in the mentor's zone across both
 * DST switches, booked sessions with buffers, notice, blocked dates, the
 * monthly cap; and properties over random rules and bookings.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { freeSlots, isSlotStart, type BusyInterval, type SlotRules } from '../../../server/modules/sessions/slots.js';

const rules = (overrides: Partial<SlotRules> = {}): SlotRules => ({
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })),
  blockedDates: [],
  timezone: 'Europe/Berlin',
  sessionMinutes: 60,
  minNoticeHours: 0,
  bufferMinutes: 0,
  maxSessionsPerMonth: 100,
  ...overrides,
});
const at = (iso: string) => new Date(iso);
const starts = (slots: Array<{ start: Date }>) => slots.map((s) => s.start.toISOString());
const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe('sessions: free slots, pure', () => {
  const longAgo = at('2026-01-01T00:00:00Z');

  it('a Berlin mentor’s 09:00 stays 09:00 across the spring switch: 08:00 UTC before, 07:00 UTC after', () => {
    const slots = freeSlots(rules(), { from: at('2026-03-28T00:00:00Z'), to: at('2026-03-31T00:00:00Z'), now: longAgo, busy: [] });
    expect(starts(slots)).to.deep.equal([
      '2026-03-28T08:00:00.000Z', '2026-03-28T09:00:00.000Z',
      '2026-03-29T07:00:00.000Z', '2026-03-29T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z',
    ]);
    expect(slots.map((s) => s.mentorLocal.time)).to.deep.equal(['09:00', '10:00', '09:00', '10:00', '09:00', '10:00']);
    expect(slots[0]!.mentorLocal.offset).to.equal('+01:00');
    expect(slots[2]!.mentorLocal.offset).to.equal('+02:00');
    expect(slots[0]!.vietnamLocal).to.deep.equal({ date: '2026-03-28', time: '15:00', offset: '+07:00' });
    expect(slots[2]!.vietnamLocal.time).to.equal('14:00');
  });

  it('and across the autumn switch: 07:00 UTC before, 08:00 UTC after', () => {
    const slots = freeSlots(rules({ weekly: [{ weekday: 6, start: '09:00', end: '10:00' }, { weekday: 7, start: '09:00', end: '10:00' }] }), {
      from: at('2026-10-24T00:00:00Z'), to: at('2026-10-26T00:00:00Z'), now: longAgo, busy: [],
    });
    expect(starts(slots)).to.deep.equal(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z']);
    expect(slots.map((s) => s.mentorLocal.offset)).to.deep.equal(['+02:00', '+01:00']);
  });

  it('a window over the switch holds the real hours: 01:00–04:00 is two hours in March, four in October', () => {
    const night = rules({ weekly: [{ weekday: 7, start: '01:00', end: '04:00' }] });
    const spring = freeSlots(night, { from: at('2026-03-28T12:00:00Z'), to: at('2026-03-29T12:00:00Z'), now: longAgo, busy: [] });
    expect(starts(spring)).to.deep.equal(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z']);
    expect(spring.map((s) => s.mentorLocal.time)).to.deep.equal(['01:00', '03:00']);
    const autumn = freeSlots(night, { from: at('2026-10-24T12:00:00Z'), to: at('2026-10-25T12:00:00Z'), now: longAgo, busy: [] });
    expect(starts(autumn)).to.deep.equal(['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z']);
    expect(autumn.map((s) => `${s.mentorLocal.time}${s.mentorLocal.offset}`)).to.deep.equal(['01:00+02:00', '02:00+02:00', '02:00+01:00', '03:00+01:00']);
  });

  it('a window ending inside the skipped hour runs to the gap, not past it: no slot twice, none outside a rule', () => {
    const night = rules({ sessionMinutes: 30, weekly: [{ weekday: 7, start: '01:00', end: '02:30' }, { weekday: 7, start: '03:00', end: '05:00' }] });
    const slots = freeSlots(night, { from: at('2026-03-28T12:00:00Z'), to: at('2026-03-29T12:00:00Z'), now: longAgo, busy: [] });
    expect(starts(slots)).to.deep.equal(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-29T02:00:00.000Z', '2026-03-29T02:30:00.000Z']);
    expect(slots.map((s) => s.mentorLocal.time)).to.deep.equal(['01:00', '03:00', '03:30', '04:00', '04:30']);
  });

  it('where clocks change at midnight, every day still starts its windows at their local times', () => {
    // Santiago moves from -04:00 to -03:00 at midnight on 2026-09-06: that day begins at 01:00.
    const chile = rules({ timezone: 'America/Santiago', weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '22:00', end: '24:00' })) });
    const slots = freeSlots(chile, { from: at('2026-09-05T12:00:00Z'), to: at('2026-09-08T12:00:00Z'), now: longAgo, busy: [] });
    expect(slots.map((s) => `${s.mentorLocal.date} ${s.mentorLocal.time}`)).to.deep.equal([
      '2026-09-05 22:00', '2026-09-05 23:00', '2026-09-06 22:00', '2026-09-06 23:00', '2026-09-07 22:00', '2026-09-07 23:00',
    ]);
  });

  it('a booked session takes its time and the buffers around it; the next start is the next quarter hour after', () => {
    const day = rules({ timezone: 'Asia/Ho_Chi_Minh', weekly: [{ weekday: 1, start: '09:00', end: '13:00' }], bufferMinutes: 15 });
    const busy: BusyInterval[] = [{ start: local('2026-06-01T10:30', 'Asia/Ho_Chi_Minh'), end: local('2026-06-01T11:30', 'Asia/Ho_Chi_Minh') }];
    const slots = freeSlots(day, { from: at('2026-06-01T00:00:00Z'), to: at('2026-06-02T00:00:00Z'), now: longAgo, busy });
    expect(slots.map((s) => s.mentorLocal.time)).to.deep.equal(['09:00', '11:45']);
  });

  it('minimum notice, blocked dates and the range are honoured', () => {
    const day = rules({ timezone: 'Asia/Ho_Chi_Minh', weekly: [{ weekday: 1, start: '09:00', end: '13:00' }, { weekday: 2, start: '09:00', end: '11:00' }], minNoticeHours: 2, blockedDates: ['2026-06-02'] });
    const now = new Date(local('2026-06-01T08:10', 'Asia/Ho_Chi_Minh'));
    const slots = freeSlots(day, { from: at('2026-05-31T00:00:00Z'), to: at('2026-06-09T00:00:00Z'), now, busy: [] });
    expect(slots.map((s) => `${s.mentorLocal.date} ${s.mentorLocal.time}`)).to.deep.equal([
      '2026-06-01 11:00', '2026-06-01 12:00',
      '2026-06-08 09:00', '2026-06-08 10:00', '2026-06-08 11:00', '2026-06-08 12:00',
    ]);
  });

  it('a month whose cap is reached offers nothing; the next month does', () => {
    const capped = rules({ timezone: 'Asia/Ho_Chi_Minh', weekly: [{ weekday: 1, start: '09:00', end: '10:00' }], maxSessionsPerMonth: 2 });
    const booked = new Map([['2026-06', 2]]);
    const slots = freeSlots(capped, { from: at('2026-06-20T00:00:00Z'), to: at('2026-07-10T00:00:00Z'), now: longAgo, busy: [], bookedPerMonth: booked });
    expect(slots.map((s) => s.mentorLocal.date)).to.deep.equal(['2026-07-06']);
  });

  it('a start booking accepts: inside a window on the clock, on its grid (openings plus whole sessions and quarter hours), not blocked, after the notice', () => {
    const now = at('2026-06-01T00:00:00Z').getTime();
    const r = rules({ weekly: [{ weekday: 2, start: '09:00', end: '12:00' }], blockedDates: ['2026-06-23'], minNoticeHours: 2 });
    // Tuesday 16 June 2026 in Berlin (UTC+2): 09:00 is 07:00 UTC.
    expect(isSlotStart(r, local('2026-06-16T09:00', 'Europe/Berlin'), now), 'the opening').to.equal(true);
    expect(isSlotStart(r, local('2026-06-16T10:45', 'Europe/Berlin'), now), 'a quarter hour').to.equal(true);
    expect(isSlotStart(r, local('2026-06-16T11:15', 'Europe/Berlin'), now), 'would run past 12:00').to.equal(false);
    expect(isSlotStart(r, local('2026-06-16T09:10', 'Europe/Berlin'), now), 'off the grid').to.equal(false);
    expect(isSlotStart(r, local('2026-06-17T09:00', 'Europe/Berlin'), now), 'a Wednesday').to.equal(false);
    expect(isSlotStart(r, local('2026-06-23T09:00', 'Europe/Berlin'), now), 'a blocked day').to.equal(false);
    expect(isSlotStart(r, local('2026-06-16T09:00', 'Europe/Berlin'), local('2026-06-16T08:00', 'Europe/Berlin')), 'too soon').to.equal(false);
    expect(isSlotStart(rules({ weekly: [{ weekday: 2, start: '09:00', end: '12:00' }], sessionMinutes: 50 }), local('2026-06-16T09:05', 'Europe/Berlin'), now), 'a 5-minute grid for 50-minute sessions').to.equal(true);
  });

  it('properties: sorted per window, inside the rules, clear of every booking and its buffers, after the notice, never overlapping', () => {
    const zones = ['Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney'];
    const rule = fc.record({ weekday: fc.integer({ min: 1, max: 7 }), startQ: fc.integer({ min: 0, max: 90 }), lengthQ: fc.integer({ min: 1, max: 12 }) });
    const hhmm = (q: number) => (q >= 96 ? '24:00' : `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(rule, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(30, 45, 50, 60, 90),
        fc.constantFrom(0, 10, 15, 30),
        fc.integer({ min: 0, max: 48 }),
        fc.array(fc.record({ offsetQ: fc.integer({ min: 0, max: 14 * 96 }), lengthQ: fc.integer({ min: 1, max: 8 }) }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 365 }),
        (zone, raw, sessionMinutes, bufferMinutes, minNoticeHours, bookings, dayOffset) => {
          // One rule per weekday keeps them from overlapping, as validation does.
          const weekly = [...new Map(raw.map((r) => [r.weekday, { weekday: r.weekday, start: hhmm(r.startQ), end: hhmm(Math.min(96, r.startQ + r.lengthQ * 4)) }])).values()];
          const from = Date.UTC(2026, 0, 1) + dayOffset * 86_400_000;
          const busy = bookings.map((b) => ({ start: from + b.offsetQ * 900_000, end: from + (b.offsetQ + b.lengthQ * 2) * 900_000 }));
          const now = new Date(from - 86_400_000);
          const r = rules({ timezone: zone, weekly, sessionMinutes, bufferMinutes, minNoticeHours });
          const slots = freeSlots(r, { from: new Date(from), to: new Date(from + 14 * 86_400_000), now, busy });
          const earliest = Math.max(from, now.getTime() + minNoticeHours * 3_600_000);
          for (let i = 0; i < slots.length; i++) {
            const s = slots[i]!;
            const start = s.start.getTime();
            const end = s.end.getTime();
            expect(end - start).to.equal(sessionMinutes * 60_000);
            expect(start).to.be.at.least(earliest);
            if (i > 0) expect(start, 'sorted, no overlap').to.be.at.least(slots[i - 1]!.end.getTime());
            for (const b of busy) expect(end + bufferMinutes * 60_000 <= b.start || start >= b.end + bufferMinutes * 60_000, 'clear of bookings').to.equal(true);
            // Inside a window of the start's local day, its bounds read as that day's wall-clock times.
            const day = DateTime.fromMillis(start, { zone }).startOf('day');
            const instant = (time: string) => {
              const [h, m] = time.split(':').map(Number);
              return time === '24:00' ? day.plus({ days: 1 }).toMillis() : day.set({ hour: h!, minute: m! }).toMillis();
            };
            const inside = weekly.some((w) => w.weekday === day.weekday && instant(w.start) <= start && end <= instant(w.end));
            expect(inside, `${s.mentorLocal.date} ${s.mentorLocal.time} in ${zone} inside ${JSON.stringify(weekly)}`).to.equal(true);
            // Booking accepts every slot offered, whatever the bookings moved it to.
            expect(isSlotStart(r, start, now.getTime()), `${s.mentorLocal.date} ${s.mentorLocal.time} bookable`).to.equal(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
