/**
 * /mentors/:id/book: booking a session with one of the startup's mentors.
 * Pick a free slot in the week calendar, say how to meet (a link online,
 * a place in person), the topic and an agenda. When someone else took the
 * slot meanwhile, the sentence says so and the week is read again.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api, ApiError } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { formatDateTime } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { Button, Loaded, Page, TextArea, TextField } from '../app/ui.tsx';
import { useMentors, WithStartup } from './founder-data.tsx';
import type { ListPage, Mentorship, Session, Slot, Startup } from './types.ts';
import { WeekCalendar } from './WeekCalendar.tsx';

const useT = defineStrings({
  vi: {
    title: 'Đặt lịch gặp cố vấn',
    titleWith: (name: string) => `Đặt lịch gặp ${name}`,
    back: '← Quay lại danh sách cố vấn',
    noMentorship: 'Dự án chưa có quan hệ cố vấn đang hoạt động với cố vấn này, nên chưa đặt lịch được.',
    pickSlot: '1. Chọn giờ',
    details: '2. Thông tin buổi gặp',
    chosen: (when: string) => `Giờ đã chọn: ${when}`,
    pickFirst: 'Hãy chọn một giờ trống ở lịch bên trên.',
    mode: 'Hình thức',
    online: 'Trực tuyến',
    inPerson: 'Gặp trực tiếp',
    link: 'Đường dẫn họp trực tuyến',
    linkHint: 'Ví dụ https://meet.jit.si/ten-phong',
    place: 'Địa điểm',
    placeHint: 'Ví dụ: Trung tâm Khởi nghiệp, 2 Lý Tự Trọng, Ninh Kiều',
    topic: 'Chủ đề',
    agenda: 'Nội dung dự kiến',
    book: 'Đặt lịch',
  },
  en: {
    title: 'Book a mentor session',
    titleWith: (name: string) => `Book a session with ${name}`,
    back: '← Back to mentors',
    noMentorship: 'Your startup has no active mentorship with this mentor, so it cannot book yet.',
    pickSlot: '1. Pick a time',
    details: '2. About the session',
    chosen: (when: string) => `Chosen time: ${when}`,
    pickFirst: 'Pick a free time in the calendar above.',
    mode: 'Mode',
    online: 'Online',
    inPerson: 'In person',
    link: 'Meeting link',
    linkHint: 'For example https://meet.jit.si/room-name',
    place: 'Place',
    placeHint: 'For example: Startup Centre, 2 Ly Tu Trong, Ninh Kieu',
    topic: 'Topic',
    agenda: 'Agenda',
    book: 'Book',
  },
});

/** Answers that mean the chosen slot is no longer bookable. */
const STALE_SLOT = new Set(['slot_taken', 'not_a_slot', 'monthly_cap_reached']);

export function BookingPage({ mentorId }: { mentorId: string }) {
  const t = useT();
  const mentor = useMentors([mentorId]).get(mentorId);
  return (
    <Page title={mentor ? t.titleWith(mentor.name) : t.title}>
      <p>
        <Link href="/mentors">{t.back}</Link>
      </p>
      <WithStartup>{(startup) => <Booking startup={startup} mentorId={mentorId} />}</WithStartup>
    </Page>
  );
}

function Booking({ startup, mentorId }: { startup: Startup; mentorId: string }) {
  const t = useT();
  const mentorships = useLoad(
    () => api.get<ListPage<Mentorship>>('/api/v1/mentorships', { startupId: startup.id, mentorId, status: 'active', limit: 1 }),
    [startup.id, mentorId],
  );
  return (
    <Loaded state={mentorships} isEmpty={(page) => page.items.length === 0} empty={t.noMentorship}>
      {() => <BookingForm startup={startup} mentorId={mentorId} />}
    </Loaded>
  );
}

function BookingForm({ startup, mentorId }: { startup: Startup; mentorId: string }) {
  const t = useT();
  const { lang } = useLang();
  const [, navigate] = useLocation();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [form, setForm] = useState({ mode: 'online' as 'online' | 'in_person', link: '', place: '', topic: '', agenda: '' });
  const book = useAction(async (body: Record<string, unknown>) => {
    try {
      return await api.post<Session>('/api/v1/sessions', body);
    } catch (error) {
      // The slot is gone: drop the choice and read the week again, so only free times show.
      if (error instanceof ApiError && STALE_SLOT.has(error.code)) {
        setSlot(null);
        setRefresh((n) => n + 1);
      }
      throw error;
    }
  });
  const set = (key: 'link' | 'place' | 'topic' | 'agenda') => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!slot) return;
    const online = form.mode === 'online';
    const session = await book.run({
      startupId: startup.id,
      mentorId,
      start: slot.start,
      mode: form.mode,
      link: online ? form.link.trim() || null : null,
      place: online ? null : form.place.trim() || null,
      topic: form.topic.trim(),
      agenda: form.agenda.trim() || null,
    });
    if (session) navigate('/sessions');
  };

  return (
    <>
      <section className="card" aria-labelledby="pick-title">
        <h2 id="pick-title">{t.pickSlot}</h2>
        <WeekCalendar mentorId={mentorId} selected={slot?.start ?? null} onPick={(picked) => (setSlot(picked), book.clearError())} refresh={refresh} />
      </section>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="details-title">
        <h2 id="details-title">{t.details}</h2>
        <p className={slot ? 'notice' : 'muted'} role="status">
          {slot ? t.chosen(formatDateTime(slot.start, lang)) : t.pickFirst}
        </p>
        <fieldset className="choices">
          <legend>{t.mode}</legend>
          <div className="choice-list">
            <label className="choice">
              <input type="radio" name="mode" value="online" checked={form.mode === 'online'} onChange={() => setForm({ ...form, mode: 'online' })} />
              {t.online}
            </label>
            <label className="choice">
              <input type="radio" name="mode" value="in_person" checked={form.mode === 'in_person'} onChange={() => setForm({ ...form, mode: 'in_person' })} />
              {t.inPerson}
            </label>
          </div>
        </fieldset>
        {form.mode === 'online' ? (
          <TextField label={t.link} hint={t.linkHint} name="link" type="url" value={form.link} onChange={set('link')} error={book.error} />
        ) : (
          <TextField label={t.place} hint={t.placeHint} name="place" value={form.place} onChange={set('place')} error={book.error} />
        )}
        <TextField label={t.topic} name="topic" required value={form.topic} onChange={set('topic')} error={book.error} />
        <TextArea label={t.agenda} name="agenda" value={form.agenda} onChange={set('agenda')} error={book.error} />
        <ErrorAlert error={book.error} />
        <Button type="submit" className="primary" busy={book.busy} disabled={!slot}>
          {t.book}
        </Button>
      </form>
    </>
  );
}
