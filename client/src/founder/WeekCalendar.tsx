/**
 * A mentor's free slots for one week (Monday to Sunday in Can Tho), by day,
 * with previous/next week. Times are Vietnam time; when the mentor lives in
 * another zone their own time is shown beside each slot. Picking a slot
 * hands it to the parent (booking, rescheduling).
 */
import { useState } from 'react';
import { api } from '../app/api.ts';
import { useLoad } from '../app/data.ts';
import { dayInZone, formatDate, formatDayHeading, VIETNAM_ZONE } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { Button, Loaded } from '../app/ui.tsx';
import type { Slot, Slots } from './types.ts';

const useT = defineStrings({
  vi: {
    previous: 'Tuần trước',
    next: 'Tuần sau',
    week: (from: string, to: string) => `Tuần ${from} – ${to}`,
    vietnamTime: 'Giờ Việt Nam (Cần Thơ).',
    mentorZone: (zone: string) => `Giờ của cố vấn (${zone}) ghi trong ngoặc.`,
    noSlots: 'Không có giờ trống',
    noSlotsWeek: 'Cố vấn không có giờ trống trong tuần này. Hãy xem tuần sau.',
    slot: (day: string, time: string) => `${day}, ${time}`,
    minutes: (n: number) => `Mỗi buổi ${n} phút.`,
  },
  en: {
    previous: 'Previous week',
    next: 'Next week',
    week: (from: string, to: string) => `${from} – ${to}`,
    vietnamTime: 'Vietnam time (Can Tho).',
    mentorZone: (zone: string) => `The mentor’s own time (${zone}) is in brackets.`,
    noSlots: 'No free time',
    noSlotsWeek: 'The mentor has no free time this week. Try the next one.',
    slot: (day: string, time: string) => `${day}, ${time}`,
    minutes: (n: number) => `Sessions last ${n} minutes.`,
  },
});

/** YYYY-MM-DD plus some days (calendar arithmetic in UTC, which has no DST). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The Monday of the week a calendar day is in. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function WeekCalendar({
  mentorId,
  selected,
  onPick,
  refresh = 0,
}: {
  mentorId: string;
  selected: string | null;
  onPick(slot: Slot): void;
  /** Change it to read the week again (after a slot was taken). */
  refresh?: number;
}) {
  const t = useT();
  const { lang } = useLang();
  const thisMonday = mondayOf(dayInZone(new Date()));
  const [monday, setMonday] = useState(thisMonday);
  const sunday = addDays(monday, 6);
  const slots = useLoad(() => api.get<Slots>(`/api/v1/mentors/${mentorId}/slots`, { from: monday, to: sunday }), [mentorId, monday, refresh]);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));

  return (
    <div className="week" aria-busy={slots.loading || undefined}>
      <div className="spread week-nav">
        <Button onClick={() => setMonday(addDays(monday, -7))} disabled={monday <= thisMonday}>
          ← {t.previous}
        </Button>
        <strong aria-live="polite">{t.week(formatDate(monday, lang), formatDate(sunday, lang))}</strong>
        <Button onClick={() => setMonday(addDays(monday, 7))}>{t.next} →</Button>
      </div>
      <Loaded state={slots}>
        {(week) => {
          const foreign = week.timezone !== VIETNAM_ZONE;
          const byDay = new Map<string, Slot[]>();
          for (const slot of week.items) byDay.set(slot.vietnamLocal.date, [...(byDay.get(slot.vietnamLocal.date) ?? []), slot]);
          return (
            <>
              <p className="muted">
                {t.vietnamTime} {foreign && t.mentorZone(week.timezone)} {t.minutes(week.sessionMinutes)}
              </p>
              {week.items.length === 0 && <p className="notice">{t.noSlotsWeek}</p>}
              <div className="week-days">
                {days.map((day) => {
                  const heading = formatDayHeading(`${day}T12:00:00+07:00`, lang);
                  const daySlots = byDay.get(day) ?? [];
                  return (
                    <section key={day} className="week-day" aria-label={heading}>
                      <h3>{heading}</h3>
                      {daySlots.length === 0 ? (
                        <p className="muted">{t.noSlots}</p>
                      ) : (
                        <ul className="slot-list">
                          {daySlots.map((slot) => (
                            <li key={slot.start}>
                              <button
                                type="button"
                                className="slot"
                                aria-pressed={selected === slot.start}
                                aria-label={t.slot(heading, slot.vietnamLocal.time)}
                                onClick={() => onPick(slot)}
                              >
                                {slot.vietnamLocal.time}
                                {foreign && (
                                  <small>
                                    {' '}
                                    ({slot.mentorLocal.date === slot.vietnamLocal.date ? slot.mentorLocal.time : `${formatDate(slot.mentorLocal.date, lang)} ${slot.mentorLocal.time}`})
                                  </small>
                                )}
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </section>
                  );
                })}
              </div>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
