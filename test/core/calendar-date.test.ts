/** Calendar-date arithmetic agrees with luxon's calendar on every date, leap days and year ends included. */
import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, daysBetween, isCalendarDate } from '../../server/core/time/calendar-date.js';

const calendarDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('calendar dates: addDays and daysBetween', () => {
  it('addDays(d, n) is luxon’s d + n days, and daysBetween undoes it', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -40_000, max: 40_000 }), (date, n) => {
        const moved = addDays(date, n);
        expect(moved).to.equal(DateTime.fromISO(date, { zone: 'utc' }).plus({ days: n }).toISODate());
        expect(daysBetween(date, moved)).to.equal(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('crosses leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2023-02-28', 1)).to.equal('2023-03-01');
    expect(addDays('2025-12-31', 1)).to.equal('2026-01-01');
    expect(daysBetween('2026-06-30', '2026-03-31')).to.equal(-91);
  });

  it('accepts real dates of the years 1900–2999 only, where the arithmetic stays four-digit', () => {
    for (const date of ['1900-01-01', '2024-02-29', '2999-12-31']) expect(isCalendarDate(date), date).to.equal(true);
    for (const date of ['0050-01-01', '1899-12-31', '3000-01-01', '9999-12-01', '2023-02-29', '2024-13-01', '+02024-01-01']) {
      expect(isCalendarDate(date), date).to.equal(false);
    }
  });
});
