/**
 * /sessions: the startup's mentor sessions, upcoming first, then past, in
 * Vietnam time. Each can be added to a calendar (.ics); a scheduled one can
 * be cancelled (with a reason) or moved to another free slot; a completed
 * one can be rated once.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, fetchAll } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { formatDateTime, formatTime, VIETNAM_ZONE } from '../app/format.ts';
import { defineStrings, useLang, type Lang } from '../app/i18n.tsx';
import { useRoom } from '../app/live.ts';
import { Badge, Button, Loaded, Page, SelectField, TextArea } from '../app/ui.tsx';
import { useMentors, WithStartup } from './founder-data.tsx';
import type { Mentor, Session, SessionStatus, Slot, Startup } from './types.ts';
import { WeekCalendar } from './WeekCalendar.tsx';

const useT = defineStrings({
  vi: {
    title: 'Buổi cố vấn',
    zone: 'Giờ theo giờ Việt Nam (Cần Thơ).',
    upcoming: 'Sắp tới',
    past: 'Đã qua',
    noUpcoming: 'Chưa có buổi nào sắp tới.',
    findMentor: 'Đặt lịch với cố vấn của bạn',
    noPast: 'Chưa có buổi nào đã qua.',
    with: (name: string) => `với ${name}`,
    aMentor: 'cố vấn',
    online: 'Trực tuyến',
    inPerson: 'Gặp trực tiếp',
    join: 'Vào phòng họp',
    scheduled: 'Đã đặt',
    completed: 'Đã diễn ra',
    cancelled: 'Đã huỷ',
    no_show: 'Vắng mặt',
    cancelledBecause: (reason: string) => `Lý do huỷ: ${reason}`,
    movedElsewhere: 'Đã dời sang giờ khác.',
    ics: 'Tải tệp lịch (.ics)',
    cancel: 'Huỷ buổi',
    reason: 'Lý do huỷ',
    confirmCancel: 'Xác nhận huỷ',
    keep: 'Không huỷ',
    reschedule: 'Đổi giờ',
    pickNew: 'Chọn giờ mới',
    moveTo: (when: string) => `Chuyển sang ${when}`,
    close: 'Đóng',
    feedback: 'Đánh giá buổi cố vấn',
    rating: 'Điểm (1–5)',
    stars: (n: number) => `${n} sao`,
    comment: 'Nhận xét',
    send: 'Gửi đánh giá',
    yourRating: (n: number) => `Bạn đã đánh giá ${n}/5`,
    agenda: 'Nội dung',
  },
  en: {
    title: 'Sessions',
    zone: 'Times are Vietnam time (Can Tho).',
    upcoming: 'Upcoming',
    past: 'Past',
    noUpcoming: 'No upcoming sessions.',
    findMentor: 'Book with one of your mentors',
    noPast: 'No past sessions yet.',
    with: (name: string) => `with ${name}`,
    aMentor: 'a mentor',
    online: 'Online',
    inPerson: 'In person',
    join: 'Join the meeting',
    scheduled: 'Scheduled',
    completed: 'Held',
    cancelled: 'Cancelled',
    no_show: 'No-show',
    cancelledBecause: (reason: string) => `Cancelled because: ${reason}`,
    movedElsewhere: 'Moved to another time.',
    ics: 'Download calendar file (.ics)',
    cancel: 'Cancel session',
    reason: 'Reason for cancelling',
    confirmCancel: 'Confirm cancellation',
    keep: 'Keep it',
    reschedule: 'Reschedule',
    pickNew: 'Pick a new time',
    moveTo: (when: string) => `Move to ${when}`,
    close: 'Close',
    feedback: 'Rate this session',
    rating: 'Rating (1–5)',
    stars: (n: number) => `${n} stars`,
    comment: 'Comment',
    send: 'Send rating',
    yourRating: (n: number) => `You rated it ${n}/5`,
    agenda: 'Agenda',
  },
});

const dayFormats: Record<Lang, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: VIETNAM_ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: VIETNAM_ZONE }),
};

/** "Thứ Sáu, 4 tháng 12, 2026 · 17:00–18:00" in Vietnam time: the day first, then the hours. */
function sessionWhen(s: Session, lang: Lang): string {
  return `${dayFormats[lang].format(new Date(s.start))} · ${formatTime(s.start, lang)}–${formatTime(s.end, lang)}`;
}

const TONE: Record<SessionStatus, 'ok' | 'warn' | 'danger' | 'info' | 'muted'> = { scheduled: 'info', completed: 'ok', cancelled: 'muted', no_show: 'danger' };

export function SessionsPage() {
  const t = useT();
  return (
    <Page title={t.title}>
      <p className="muted">{t.zone}</p>
      <WithStartup>{(startup) => <SessionLists startup={startup} />}</WithStartup>
    </Page>
  );
}

function SessionLists({ startup }: { startup: Startup }) {
  const t = useT();
  const sessions = useLoad(() => fetchAll<Session>('/api/v1/sessions', { startupId: startup.id }).then((items) => ({ items })), [startup.id]);
  useRoom(
    `startup:${startup.id}`,
    { 'session.booked': sessions.reload, 'session.cancelled': sessions.reload, 'session.rescheduled': sessions.reload, 'session.completed': sessions.reload },
    sessions.reload,
  );
  const mentors = useMentors(sessions.data?.items.map((s) => s.mentorId) ?? []);
  const now = Date.now();
  const all = sessions.data?.items ?? [];
  const upcoming = all.filter((s) => s.status === 'scheduled' && Date.parse(s.end) > now).sort((a, b) => a.start.localeCompare(b.start));
  const past = all.filter((s) => !upcoming.includes(s)).sort((a, b) => b.start.localeCompare(a.start));
  const list = (items: Session[]) => (
    <ul className="plain">
      {items.map((s) => (
        <SessionItem key={s.id} session={s} mentor={mentors.get(s.mentorId)} onChange={sessions.reload} />
      ))}
    </ul>
  );
  return (
    <Loaded state={sessions}>
      {() => (
        <>
          <section className="card" aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t.upcoming}</h2>
            {upcoming.length ? (
              list(upcoming)
            ) : (
              <p className="empty">
                {t.noUpcoming} <Link href="/mentors">{t.findMentor}</Link>
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="past-title">
            <h2 id="past-title">{t.past}</h2>
            {past.length ? list(past) : <p className="empty">{t.noPast}</p>}
          </section>
        </>
      )}
    </Loaded>
  );
}

type Open = 'cancel' | 'reschedule' | 'feedback' | null;

function SessionItem({ session: s, mentor, onChange }: { session: Session; mentor: Mentor | undefined; onChange(): void }) {
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState<Open>(null);
  const ics = useAction(async () => {
    const blob = await api.download(`/api/v1/sessions/${s.id}/calendar`);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `runway-session-${s.vietnamLocal.date}.ics`;
    document.body.append(a);
    a.click();
    a.remove();
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const scheduled = s.status === 'scheduled' && Date.parse(s.start) > Date.now();
  const canRate = s.status === 'completed' && !s.feedback.startup;
  const done = () => {
    setOpen(null);
    onChange();
  };
  const toggle = (what: Open) => setOpen(open === what ? null : what);

  return (
    <li className="session" data-testid="session" aria-labelledby={`session-${s.id}`}>
      <div className="spread">
        <h3 id={`session-${s.id}`}>
          {sessionWhen(s, lang)}
        </h3>
        <Badge tone={TONE[s.status]}>{t[s.status]}</Badge>
      </div>
      <p>
        <strong>{s.topic}</strong> {t.with(mentor?.name ?? t.aMentor)}
      </p>
      <p className="muted">
        {s.mode === 'online' ? t.online : t.inPerson}
        {s.mode === 'in_person' && s.place && ` · ${s.place}`}
        {s.mode === 'online' && s.link && s.status === 'scheduled' && (
          <>
            {' · '}
            <a href={s.link} target="_blank" rel="noreferrer noopener">
              {t.join}
            </a>
          </>
        )}
      </p>
      {s.agenda && (
        <p>
          {t.agenda}: {s.agenda}
        </p>
      )}
      {s.cancelReason && <p className="muted">{s.replacedBy ? t.movedElsewhere : t.cancelledBecause(s.cancelReason)}</p>}
      {s.feedback.startup && <p className="muted">{t.yourRating(s.feedback.startup.rating)}</p>}
      <div className="row">
        {s.status !== 'cancelled' && (
          <Button busy={ics.busy} onClick={() => void ics.run()}>
            {t.ics}
          </Button>
        )}
        {scheduled && (
          <>
            <Button aria-expanded={open === 'reschedule'} onClick={() => toggle('reschedule')}>
              {t.reschedule}
            </Button>
            <Button className="danger" aria-expanded={open === 'cancel'} onClick={() => toggle('cancel')}>
              {t.cancel}
            </Button>
          </>
        )}
        {canRate && (
          <Button aria-expanded={open === 'feedback'} onClick={() => toggle('feedback')}>
            {t.feedback}
          </Button>
        )}
      </div>
      <ErrorAlert error={ics.error} />
      {open === 'cancel' && <CancelForm session={s} onDone={done} onClose={() => setOpen(null)} />}
      {open === 'reschedule' && <RescheduleForm session={s} onDone={done} onClose={() => setOpen(null)} />}
      {open === 'feedback' && <FeedbackForm session={s} onDone={done} />}
    </li>
  );
}

function CancelForm({ session, onDone, onClose }: { session: Session; onDone(): void; onClose(): void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const cancel = useAction((text: string) => api.post<Session>(`/api/v1/sessions/${session.id}/cancel`, { reason: text }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await cancel.run(reason.trim())) onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <TextArea label={t.reason} name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} error={cancel.error} />
      <ErrorAlert error={cancel.error} />
      <div className="row">
        <Button type="submit" className="danger" busy={cancel.busy} disabled={!reason.trim()}>
          {t.confirmCancel}
        </Button>
        <Button onClick={onClose}>{t.keep}</Button>
      </div>
    </form>
  );
}

function RescheduleForm({ session, onDone, onClose }: { session: Session; onDone(): void; onClose(): void }) {
  const t = useT();
  const { lang } = useLang();
  const [slot, setSlot] = useState<Slot | null>(null);
  const [refresh, setRefresh] = useState(0);
  const move = useAction(async (start: string) => {
    try {
      return await api.post<{ session: Session }>(`/api/v1/sessions/${session.id}/reschedule`, { start });
    } catch (error) {
      setSlot(null);
      setRefresh((n) => n + 1);
      throw error;
    }
  });
  return (
    <div className="inline-form">
      <h4>{t.pickNew}</h4>
      <WeekCalendar mentorId={session.mentorId} selected={slot?.start ?? null} onPick={(picked) => (setSlot(picked), move.clearError())} refresh={refresh} />
      <ErrorAlert error={move.error} />
      <div className="row">
        <Button className="primary" busy={move.busy} disabled={!slot} onClick={() => slot && void move.run(slot.start).then((moved) => moved && onDone())}>
          {slot ? t.moveTo(formatDateTime(slot.start, lang)) : t.reschedule}
        </Button>
        <Button onClick={onClose}>{t.close}</Button>
      </div>
    </div>
  );
}

function FeedbackForm({ session, onDone }: { session: Session; onDone(): void }) {
  const t = useT();
  const [rating, setRating] = useState('5');
  const [comment, setComment] = useState('');
  const send = useAction((body: { rating: number; comment: string | null }) => api.post<Session>(`/api/v1/sessions/${session.id}/feedback`, body));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await send.run({ rating: Number(rating), comment: comment.trim() || null })) onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <SelectField label={t.rating} name="rating" value={rating} onChange={(e) => setRating(e.target.value)} error={send.error}>
        {[5, 4, 3, 2, 1].map((n) => (
          <option key={n} value={n}>
            {t.stars(n)}
          </option>
        ))}
      </SelectField>
      <TextArea label={t.comment} name="comment" value={comment} onChange={(e) => setComment(e.target.value)} error={send.error} />
      <ErrorAlert error={send.error} />
      <Button type="submit" className="primary" busy={send.busy}>
        {t.send}
      </Button>
    </form>
  );
}
