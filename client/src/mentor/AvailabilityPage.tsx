/**
 * The weekly availability editor: time windows per weekday in the mentor's
 * zone, session length, buffers, notice, monthly cap and days off; below it
 * the free slots the saved rules give over the next 7 days.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert, fieldErrors } from '../app/errors.tsx';
import { dayInZone, formatDate, formatDayHeading, VIETNAM_ZONE } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { Button, Loaded, Page, SelectField, TextField } from '../app/ui.tsx';
import { useOwnProfile, WithProfile } from './mentor-context.tsx';
import type { Mentor, Slot, SlotList, WeeklyRule } from './types.ts';
import { addDays, zoneChoices } from './zones.ts';

const useT = defineStrings({
  vi: {
    title: 'Lịch rảnh',
    weekly: 'Khung giờ hằng tuần',
    weeklyHint: (zone: string) => `Giờ theo múi giờ của bạn (${zone}). Giờ kết thúc 00:00 nghĩa là hết ngày.`,
    weekday: (n: number) => ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'][n - 1] ?? String(n),
    noWindow: 'Không nhận lịch',
    from: 'Từ',
    to: 'Đến',
    addWindow: 'Thêm khung giờ',
    remove: 'Xoá',
    removeWindow: (day: string, n: number) => `Xoá khung giờ ${n} của ${day}`,
    settings: 'Quy tắc đặt lịch',
    timezone: 'Múi giờ',
    sessionMinutes: 'Độ dài mỗi buổi (phút)',
    bufferMinutes: 'Thời gian nghỉ giữa các buổi (phút)',
    minNoticeHours: 'Báo trước tối thiểu (giờ)',
    maxSessionsPerMonth: 'Số buổi tối đa mỗi tháng',
    blocked: 'Ngày nghỉ',
    blockedHint: 'Những ngày bạn không nhận lịch (theo múi giờ của bạn).',
    addBlocked: 'Thêm ngày nghỉ',
    newBlocked: 'Ngày nghỉ mới',
    noBlocked: 'Chưa có ngày nghỉ nào.',
    removeDay: (day: string) => `Bỏ ngày nghỉ ${day}`,
    save: 'Lưu lịch rảnh',
    saved: 'Đã lưu. Các khung giờ bên dưới đã được cập nhật.',
    badWindow: (day: string) => `${day}: giờ kết thúc phải sau giờ bắt đầu.`,
    overlap: (day: string) => `${day}: các khung giờ không được chồng lên nhau.`,
    preview: 'Khung giờ trống 7 ngày tới',
    previewHint: 'Theo lịch đã lưu, đã trừ các buổi đã đặt, thời gian nghỉ và thời gian báo trước.',
    noSlots: 'Không có khung giờ trống nào trong 7 ngày tới.',
    inVietnam: (time: string) => `Cần Thơ ${time}`,
    yourTime: 'Giờ của bạn',
    slotsOf: (day: string) => `Khung giờ ngày ${day}`,
  },
  en: {
    title: 'Availability',
    weekly: 'Weekly hours',
    weeklyHint: (zone: string) => `Times in your zone (${zone}). An end of 00:00 means the end of the day.`,
    weekday: (n: number) => ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][n - 1] ?? String(n),
    noWindow: 'Not available',
    from: 'From',
    to: 'To',
    addWindow: 'Add hours',
    remove: 'Remove',
    removeWindow: (day: string, n: number) => `Remove window ${n} on ${day}`,
    settings: 'Booking rules',
    timezone: 'Time zone',
    sessionMinutes: 'Session length (minutes)',
    bufferMinutes: 'Break between sessions (minutes)',
    minNoticeHours: 'Minimum notice (hours)',
    maxSessionsPerMonth: 'Most sessions per month',
    blocked: 'Days off',
    blockedHint: 'Days you take no sessions (in your zone).',
    addBlocked: 'Add day off',
    newBlocked: 'New day off',
    noBlocked: 'No days off yet.',
    removeDay: (day: string) => `Remove day off ${day}`,
    save: 'Save availability',
    saved: 'Saved. The slots below are up to date.',
    badWindow: (day: string) => `${day}: the end must be after the start.`,
    overlap: (day: string) => `${day}: windows must not overlap.`,
    preview: 'Free slots in the next 7 days',
    previewHint: 'From your saved hours, minus booked sessions, breaks and notice.',
    noSlots: 'No free slots in the next 7 days.',
    inVietnam: (time: string) => `Can Tho ${time}`,
    yourTime: 'Your time',
    slotsOf: (day: string) => `Slots on ${day}`,
  },
});

interface Window {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

interface Draft {
  windows: Window[];
  blockedDates: string[];
  timezone: string;
  sessionMinutes: string;
  bufferMinutes: string;
  minNoticeHours: string;
  maxSessionsPerMonth: string;
}

let nextKey = 1;

function draftOf(mentor: Mentor): Draft {
  return {
    // <input type=time> has no 24:00: the end of the day reads as 00:00 and goes back as 24:00.
    windows: mentor.availability.weekly.map((r) => ({ key: nextKey++, weekday: r.weekday, start: r.start, end: r.end === '24:00' ? '00:00' : r.end })),
    blockedDates: [...mentor.availability.blockedDates].sort(),
    timezone: mentor.timezone,
    sessionMinutes: String(mentor.sessionMinutes),
    bufferMinutes: String(mentor.bufferMinutes),
    minNoticeHours: String(mentor.minNoticeHours),
    maxSessionsPerMonth: String(mentor.capacity.maxSessionsPerMonth),
  };
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const endMinutes = (time: string) => (time === '00:00' ? 1440 : minutes(time));

/** A sentence for the first window that cannot be saved, or null. */
function windowProblem(windows: Window[], dayName: (weekday: number) => string, t: ReturnType<typeof useT>): string | null {
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = windows.filter((w) => w.weekday === weekday).sort((a, b) => minutes(a.start) - minutes(b.start));
    for (const [i, w] of day.entries()) {
      if (!w.start || !w.end || endMinutes(w.end) <= minutes(w.start)) return t.badWindow(dayName(weekday));
      const previous = day[i - 1];
      if (previous && minutes(w.start) < endMinutes(previous.end)) return t.overlap(dayName(weekday));
    }
  }
  return null;
}

export function AvailabilityPage() {
  const t = useT();
  return <Page title={t.title}>{<WithProfile>{(mentor) => <Availability mentor={mentor} />}</WithProfile>}</Page>;
}

function Availability({ mentor }: { mentor: Mentor }) {
  const t = useT();
  const { lang } = useLang();
  const profile = useOwnProfile();
  const [draft, setDraft] = useState<Draft>(() => draftOf(mentor));
  const [newBlocked, setNewBlocked] = useState('');
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const today = dayInZone(new Date());
  const slots = useLoad(() => api.get<SlotList>(`/api/v1/mentors/${mentor.id}/slots`, { from: today, to: addDays(today, 6) }), [mentor.id]);
  const dayName = t.weekday;

  const save = useAction(async (body: unknown) => {
    const updated = await api.patch<Mentor>(`/api/v1/mentors/${mentor.id}`, body);
    profile.setData(() => updated);
    setDraft(draftOf(updated));
    setSaved(true);
    slots.reload();
  });

  const change = (update: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...update }));
  };
  const changeWindow = (key: number, update: Partial<Window>) => change({ windows: draft.windows.map((w) => (w.key === key ? { ...w, ...update } : w)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = windowProblem(draft.windows, dayName, t);
    setProblem(bad);
    if (bad) return;
    const weekly: WeeklyRule[] = draft.windows
      .map((w) => ({ weekday: w.weekday, start: w.start, end: w.end === '00:00' ? '24:00' : w.end }))
      .sort((a, b) => a.weekday - b.weekday || minutes(a.start) - minutes(b.start));
    void save.run({
      timezone: draft.timezone,
      sessionMinutes: Number(draft.sessionMinutes),
      bufferMinutes: Number(draft.bufferMinutes),
      minNoticeHours: Number(draft.minNoticeHours),
      capacity: { maxSessionsPerMonth: Number(draft.maxSessionsPerMonth) },
      availability: { weekly, blockedDates: draft.blockedDates },
    });
  };

  const weeklyErrors = fieldErrors(save.error, 'availability.weekly', lang);
  const blockedErrors = fieldErrors(save.error, 'availability.blockedDates', lang);

  return (
    <div className="mentor-columns">
      <form onSubmit={submit} noValidate aria-label={t.title}>
        <fieldset className="card">
          <legend>{t.weekly}</legend>
          <p className="muted">{t.weeklyHint(draft.timezone)}</p>
          {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
            const windows = draft.windows.filter((w) => w.weekday === weekday);
            return (
              <div key={weekday} className="mentor-weekday" role="group" aria-label={dayName(weekday)}>
                <h3>{dayName(weekday)}</h3>
                {windows.length === 0 && <p className="muted">{t.noWindow}</p>}
                {windows.map((w, i) => (
                  <div key={w.key} className="row mentor-window">
                    <label>
                      <span>{t.from}</span>
                      <input type="time" aria-label={`${dayName(weekday)} ${i + 1}: ${t.from}`} value={w.start} onChange={(e) => changeWindow(w.key, { start: e.target.value })} required />
                    </label>
                    <label>
                      <span>{t.to}</span>
                      <input type="time" aria-label={`${dayName(weekday)} ${i + 1}: ${t.to}`} value={w.end} onChange={(e) => changeWindow(w.key, { end: e.target.value })} required />
                    </label>
                    <Button className="link" aria-label={t.removeWindow(dayName(weekday), i + 1)} onClick={() => change({ windows: draft.windows.filter((x) => x.key !== w.key) })}>
                      {t.remove}
                    </Button>
                  </div>
                ))}
                <Button className="link" onClick={() => change({ windows: [...draft.windows, { key: nextKey++, weekday, start: '09:00', end: '11:00' }] })} aria-label={`${t.addWindow}: ${dayName(weekday)}`}>
                  {t.addWindow}
                </Button>
              </div>
            );
          })}
          {weeklyErrors.map((m) => (
            <p key={m} className="field-error">
              {m}
            </p>
          ))}
        </fieldset>

        <fieldset className="card">
          <legend>{t.settings}</legend>
          <SelectField label={t.timezone} name="timezone" error={save.error} value={draft.timezone} onChange={(e) => change({ timezone: e.target.value })}>
            {zoneChoices(mentor.timezone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
          <div className="mentor-numbers">
            <TextField label={t.sessionMinutes} name="sessionMinutes" type="number" min={15} max={240} step={5} inputMode="numeric" error={save.error} value={draft.sessionMinutes} onChange={(e) => change({ sessionMinutes: e.target.value })} />
            <TextField label={t.bufferMinutes} name="bufferMinutes" type="number" min={0} max={120} step={5} inputMode="numeric" error={save.error} value={draft.bufferMinutes} onChange={(e) => change({ bufferMinutes: e.target.value })} />
            <TextField label={t.minNoticeHours} name="minNoticeHours" type="number" min={0} max={336} inputMode="numeric" error={save.error} value={draft.minNoticeHours} onChange={(e) => change({ minNoticeHours: e.target.value })} />
            <TextField label={t.maxSessionsPerMonth} name="capacity.maxSessionsPerMonth" type="number" min={1} max={100} inputMode="numeric" error={save.error} value={draft.maxSessionsPerMonth} onChange={(e) => change({ maxSessionsPerMonth: e.target.value })} />
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t.blocked}</legend>
          <p className="muted">{t.blockedHint}</p>
          {draft.blockedDates.length === 0 ? (
            <p className="muted">{t.noBlocked}</p>
          ) : (
            <ul className="mentor-chips">
              {draft.blockedDates.map((day) => (
                <li key={day}>
                  {formatDate(day, lang)}{' '}
                  <Button className="link" aria-label={t.removeDay(formatDate(day, lang))} onClick={() => change({ blockedDates: draft.blockedDates.filter((d) => d !== day) })}>
                    ×
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div className="row mentor-add-day">
            <TextField label={t.newBlocked} name="newBlockedDate" type="date" value={newBlocked} onChange={(e) => setNewBlocked(e.target.value)} />
            <Button
              disabled={!newBlocked}
              onClick={() => {
                if (!draft.blockedDates.includes(newBlocked)) change({ blockedDates: [...draft.blockedDates, newBlocked].sort() });
                setNewBlocked('');
              }}
            >
              {t.addBlocked}
            </Button>
          </div>
          {blockedErrors.map((m) => (
            <p key={m} className="field-error">
              {m}
            </p>
          ))}
        </fieldset>

        {problem && (
          <div className="alert" role="alert">
            <p>{problem}</p>
          </div>
        )}
        <ErrorAlert error={save.error} />
        {saved && (
          <p className="notice" role="status">
            {t.saved}
          </p>
        )}
        <Button type="submit" className="primary" busy={save.busy}>
          {t.save}
        </Button>
      </form>

      <section className="card" aria-labelledby="slot-preview">
        <h2 id="slot-preview">{t.preview}</h2>
        <p className="muted">{t.previewHint}</p>
        <Loaded state={slots} isEmpty={(list) => list.items.length === 0} empty={t.noSlots}>
          {(list) => <SlotPreview slots={list.items} zone={list.timezone} />}
        </Loaded>
      </section>
    </div>
  );
}

/** The slots by day in the mentor's zone, each with Can Tho's time beside it when the clocks differ. */
export function SlotPreview({ slots, zone }: { slots: Slot[]; zone: string }) {
  const t = useT();
  const { lang } = useLang();
  const days = new Map<string, Slot[]>();
  for (const slot of slots) days.set(slot.mentorLocal.date, [...(days.get(slot.mentorLocal.date) ?? []), slot]);
  return (
    <div className="stack">
      {[...days].map(([day, daySlots]) => {
        const heading = formatDayHeading(daySlots[0]!.start, lang, zone);
        return (
          <div key={day}>
            <h3>{heading}</h3>
            <ul className="mentor-chips" aria-label={t.slotsOf(heading)}>
              {daySlots.map((slot) => {
                const differs = slot.mentorLocal.offset !== slot.vietnamLocal.offset;
                const vietnam = slot.vietnamLocal.date === slot.mentorLocal.date ? slot.vietnamLocal.time : `${formatDayHeading(slot.start, lang, VIETNAM_ZONE)} ${slot.vietnamLocal.time}`;
                return (
                  <li key={slot.start}>
                    <time dateTime={slot.start}>{slot.mentorLocal.time}</time>
                    {differs && <span className="muted"> ({t.inVietnam(vietnam)})</span>}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
