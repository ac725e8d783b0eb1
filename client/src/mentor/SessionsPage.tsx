/**
 * The mentor's sessions: upcoming ones first, then those held or missed.
 * A session that has started can be marked held or missed; a held one gets
 * the mentor's private note, action items for the startup (optionally
 * moving one of its milestones) and the mentor's rating.
 */
import { useState, type FormEvent } from 'react';
import { api, fetchAll } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { codeMessage, ErrorAlert } from '../app/errors.tsx';
import { formatDate, formatDateTime, formatTime } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { useRoom } from '../app/live.ts';
import { Badge, Button, Loaded, Page, SelectField, TextArea, TextField } from '../app/ui.tsx';
import { CalendarFeed } from './CalendarFeed.tsx';
import { StartupName, WithProfile } from './mentor-context.tsx';
import type { ActionItem, ListPage, Mentor, Milestone, Session, SessionStatus } from './types.ts';
import { sameClockAsVietnam } from './zones.ts';

const useT = defineStrings({
  vi: {
    title: 'Buổi cố vấn',
    upcoming: 'Sắp tới',
    past: 'Đã qua',
    noUpcoming: 'Chưa có buổi nào sắp tới.',
    noPast: 'Chưa có buổi nào đã qua.',
    status: (k: SessionStatus) => ({ scheduled: 'Đã lên lịch', completed: 'Đã diễn ra', cancelled: 'Đã huỷ', no_show: 'Vắng mặt' } as Record<SessionStatus, string>)[k],
    vietnamTime: 'Giờ Việt Nam',
    yourTime: 'Giờ của bạn',
    online: 'Trực tuyến',
    inPerson: 'Gặp trực tiếp',
    join: 'Mở liên kết họp',
    agenda: 'Nội dung',
    cancelled: (reason: string) => `Lý do huỷ: ${reason}`,
    ics: 'Tải tệp lịch (.ics)',
    complete: 'Đánh dấu đã diễn ra',
    noShow: 'Báo vắng mặt',
    needsAnswer: 'Buổi này đã bắt đầu: cho biết buổi đã diễn ra hay dự án vắng mặt.',
    followUp: 'Ghi chú và việc cần làm',
    hideFollowUp: 'Ẩn ghi chú và việc cần làm',
    note: 'Ghi chú riêng (chỉ bạn đọc được)',
    saveNote: 'Lưu ghi chú',
    noteSaved: 'Đã lưu ghi chú.',
    items: 'Việc cần làm của dự án',
    noItems: 'Chưa có việc nào.',
    itemDone: (title: string) => `Đã xong: ${title}`,
    due: (day: string) => `hạn ${day}`,
    addItem: 'Thêm việc cần làm',
    itemTitle: 'Việc cần làm',
    dueOn: 'Hạn (không bắt buộc)',
    milestone: 'Cột mốc liên quan (không bắt buộc)',
    noMilestone: '— Không —',
    moveTo: 'Khi xong, chuyển cột mốc sang',
    inProgress: 'Đang làm',
    done: 'Hoàn thành',
    add: 'Thêm',
    cancel: 'Huỷ',
    moved: (state: string) => `Cột mốc đã chuyển sang “${state}”.`,
    refused: (reason: string) => `Cột mốc không chuyển được: ${reason}`,
    feedback: 'Đánh giá của bạn',
    rating: 'Điểm (1–5)',
    comment: 'Nhận xét (không bắt buộc)',
    sendFeedback: 'Gửi đánh giá',
    yourRating: (n: number) => `Bạn đã chấm ${n}/5`,
    theirRating: (n: number) => `Dự án chấm ${n}/5`,
    stars: (n: number) => `${n} sao`,
  },
  en: {
    title: 'Sessions',
    upcoming: 'Upcoming',
    past: 'Past',
    noUpcoming: 'No upcoming sessions.',
    noPast: 'No past sessions yet.',
    status: (k: SessionStatus) => ({ scheduled: 'Scheduled', completed: 'Held', cancelled: 'Cancelled', no_show: 'No-show' } as Record<SessionStatus, string>)[k],
    vietnamTime: 'Vietnam time',
    yourTime: 'Your time',
    online: 'Online',
    inPerson: 'In person',
    join: 'Open meeting link',
    agenda: 'Agenda',
    cancelled: (reason: string) => `Cancelled: ${reason}`,
    ics: 'Download calendar file (.ics)',
    complete: 'Mark as held',
    noShow: 'Report no-show',
    needsAnswer: 'This session has started: say whether it was held or the startup did not come.',
    followUp: 'Notes and action items',
    hideFollowUp: 'Hide notes and action items',
    note: 'Private note (only you can read it)',
    saveNote: 'Save note',
    noteSaved: 'Note saved.',
    items: 'The startup’s action items',
    noItems: 'No action items yet.',
    itemDone: (title: string) => `Done: ${title}`,
    due: (day: string) => `due ${day}`,
    addItem: 'Add an action item',
    itemTitle: 'Action item',
    dueOn: 'Due (optional)',
    milestone: 'Related milestone (optional)',
    noMilestone: '— None —',
    moveTo: 'When done, move the milestone to',
    inProgress: 'In progress',
    done: 'Done',
    add: 'Add',
    cancel: 'Cancel',
    moved: (state: string) => `The milestone moved to “${state}”.`,
    refused: (reason: string) => `The milestone could not move: ${reason}`,
    feedback: 'Your feedback',
    rating: 'Rating (1–5)',
    comment: 'Comment (optional)',
    sendFeedback: 'Send feedback',
    yourRating: (n: number) => `You rated it ${n}/5`,
    theirRating: (n: number) => `The startup rated it ${n}/5`,
    stars: (n: number) => `${n} stars`,
  },
});

const tones: Record<SessionStatus, 'ok' | 'warn' | 'danger' | 'info' | 'muted'> = { scheduled: 'info', completed: 'ok', cancelled: 'muted', no_show: 'danger' };

export function SessionsPage() {
  const t = useT();
  return (
    <Page title={t.title}>
      <WithProfile>{(mentor) => <Sessions mentor={mentor} />}</WithProfile>
    </Page>
  );
}

function Sessions({ mentor }: { mentor: Mentor }) {
  const t = useT();
  const sessions = useLoad(() => fetchAll<Session>('/api/v1/sessions', { mentorId: mentor.id }).then((items) => ({ items })), [mentor.id]);
  const reload = sessions.reload;
  useRoom(`mentor:${mentor.id}`, { 'session.booked': reload, 'session.cancelled': reload, 'session.rescheduled': reload, 'session.completed': reload }, reload);
  const replace = (next: Session) => sessions.setData((page) => page && { ...page, items: page.items.map((s) => (s.id === next.id ? next : s)) });

  return (
    <>
      <Loaded state={sessions}>
        {(page) => {
          const now = Date.now();
          const upcoming = page.items.filter((s) => s.status === 'scheduled' && Date.parse(s.start) > now).sort((a, b) => a.start.localeCompare(b.start));
          // Started but unanswered sessions lead the past list: they wait for the mentor.
          const rank = (s: Session) => (s.status === 'scheduled' ? 0 : 1);
          const past = page.items.filter((s) => !upcoming.includes(s)).sort((a, b) => rank(a) - rank(b) || b.start.localeCompare(a.start));
          return (
            <>
              <h2>{t.upcoming}</h2>
              {upcoming.length === 0 ? (
                <p className="empty">{t.noUpcoming}</p>
              ) : (
                <ul className="plain" aria-label={t.upcoming}>
                  {upcoming.map((s) => (
                    <SessionItem key={s.id} session={s} mentor={mentor} onChange={replace} />
                  ))}
                </ul>
              )}
              <h2>{t.past}</h2>
              {past.length === 0 ? (
                <p className="empty">{t.noPast}</p>
              ) : (
                <ul className="plain" aria-label={t.past}>
                  {past.map((s) => (
                    <SessionItem key={s.id} session={s} mentor={mentor} onChange={replace} />
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Loaded>
      <CalendarFeed />
    </>
  );
}

function SessionItem({ session, mentor, onChange }: { session: Session; mentor: Mentor; onChange(s: Session): void }) {
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const started = Date.parse(session.start) <= Date.now();
  const showZone = !sameClockAsVietnam(mentor.timezone, new Date(session.start));
  const complete = useAction(async () => onChange(await api.post<Session>(`/api/v1/sessions/${session.id}/complete`)));
  const noShow = useAction(async () => onChange(await api.post<Session>(`/api/v1/sessions/${session.id}/no-show`)));
  const download = useAction(async () => {
    const blob = await api.download(`/api/v1/sessions/${session.id}/calendar`);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `runway-${session.id}.ics`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const headingId = `session-${session.id}`;
  const followUpId = `follow-up-${session.id}`;
  const canFollowUp = session.status === 'completed' || session.status === 'scheduled';
  const showFollowUp = session.status === 'completed' || open;

  return (
    <li className="mentor-session" aria-labelledby={headingId}>
      <div className="spread">
        <h3 id={headingId}>
          {session.topic} · <StartupName id={session.startupId} />
        </h3>
        <Badge tone={tones[session.status]}>{t.status(session.status)}</Badge>
      </div>
      <p>
        <span className="muted">{t.vietnamTime}:</span> {formatDateTime(session.start, lang)}–{formatTime(session.end, lang)}
        {showZone && (
          <>
            <br />
            <span className="muted">
              {t.yourTime} ({mentor.timezone}):
            </span>{' '}
            {formatDateTime(session.start, lang, mentor.timezone)}–{formatTime(session.end, lang, mentor.timezone)}
          </>
        )}
      </p>
      <p>
        {session.mode === 'online' ? t.online : t.inPerson}
        {session.mode === 'online' && session.link && (
          <>
            {' · '}
            <a href={session.link} target="_blank" rel="noreferrer">
              {t.join}
            </a>
          </>
        )}
        {session.place && <> · {session.place}</>}
      </p>
      {session.agenda && (
        <p>
          <span className="muted">{t.agenda}:</span> {session.agenda}
        </p>
      )}
      {session.cancelReason && <p className="muted">{t.cancelled(session.cancelReason)}</p>}
      {session.status === 'scheduled' && started && <p className="notice">{t.needsAnswer}</p>}
      <div className="row">
        {session.status === 'scheduled' && started && (
          <>
            <Button className="primary" busy={complete.busy} onClick={() => void complete.run()}>
              {t.complete}
            </Button>
            <Button className="danger" busy={noShow.busy} onClick={() => void noShow.run()}>
              {t.noShow}
            </Button>
          </>
        )}
        {session.status !== 'cancelled' && (
          <Button busy={download.busy} onClick={() => void download.run()}>
            {t.ics}
          </Button>
        )}
        {session.status === 'scheduled' && (
          <Button aria-expanded={open} aria-controls={followUpId} onClick={() => setOpen(!open)}>
            {open ? t.hideFollowUp : t.followUp}
          </Button>
        )}
      </div>
      <ErrorAlert error={complete.error ?? noShow.error ?? download.error} />
      {canFollowUp && showFollowUp && (
        <div id={followUpId} className="mentor-follow-up">
          <NoteEditor session={session} onChange={onChange} />
          <ActionItems session={session} onChange={onChange} />
          {session.status === 'completed' && <FeedbackBox session={session} onChange={onChange} />}
        </div>
      )}
    </li>
  );
}

function NoteEditor({ session, onChange }: { session: Session; onChange(s: Session): void }) {
  const t = useT();
  const [text, setText] = useState(session.mentorNote?.text ?? '');
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    const note = await api.put<{ text: string; updatedAt: string }>(`/api/v1/sessions/${session.id}/notes`, { text: text.trim() });
    onChange({ ...session, mentorNote: note });
    setSaved(true);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit}>
      <TextArea
        label={t.note}
        name="text"
        maxLength={5000}
        value={text}
        error={save.error}
        onChange={(e) => {
          setSaved(false);
          setText(e.target.value);
        }}
      />
      <div className="row">
        <Button type="submit" busy={save.busy} disabled={!text.trim()}>
          {t.saveNote}
        </Button>
        {saved && (
          <span role="status" className="muted">
            {t.noteSaved}
          </span>
        )}
      </div>
      <ErrorAlert error={save.error} />
    </form>
  );
}

const milestoneStates: Record<string, { vi: string; en: string }> = {
  planned: { vi: 'Dự kiến', en: 'Planned' },
  in_progress: { vi: 'Đang làm', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  blocked: { vi: 'Bị chặn', en: 'Blocked' },
  waived: { vi: 'Miễn', en: 'Waived' },
};

function ActionItems({ session, onChange }: { session: Session; onChange(s: Session): void }) {
  const t = useT();
  const { lang } = useLang();
  const [adding, setAdding] = useState(false);
  const replaceItem = (item: ActionItem) => onChange({ ...session, actionItems: session.actionItems.map((i) => (i.id === item.id ? item : i)) });
  const mark = useAction(async (item: ActionItem, done: boolean) => replaceItem(await api.patch<ActionItem>(`/api/v1/sessions/${session.id}/action-items/${item.id}`, { done })));

  return (
    <section aria-label={t.items}>
      <h4>{t.items}</h4>
      {session.actionItems.length === 0 ? (
        <p className="muted">{t.noItems}</p>
      ) : (
        <ul className="mentor-items">
          {session.actionItems.map((item) => (
            <li key={item.id}>
              <label className="mentor-check">
                <input type="checkbox" checked={item.done} disabled={mark.busy} onChange={(e) => void mark.run(item, e.target.checked)} />
                <span className={item.done ? 'mentor-done' : undefined}>{item.title}</span>
              </label>
              {item.dueOn && <span className="muted"> · {t.due(formatDate(item.dueOn, lang))}</span>}
              {item.milestoneMove?.outcome === 'moved' && item.milestoneMove.milestoneState && (
                <small className="muted"> {t.moved(milestoneStates[item.milestoneMove.milestoneState]?.[lang] ?? item.milestoneMove.milestoneState)}</small>
              )}
              {item.milestoneMove?.outcome === 'refused' && <small className="field-error"> {t.refused(codeMessage(item.milestoneMove.reason ?? '', lang))}</small>}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={mark.error} />
      {adding ? (
        <AddActionItem session={session} onAdded={(item) => onChange({ ...session, actionItems: [...session.actionItems, item] })} onClose={() => setAdding(false)} />
      ) : (
        <Button onClick={() => setAdding(true)}>{t.addItem}</Button>
      )}
    </section>
  );
}

function AddActionItem({ session, onAdded, onClose }: { session: Session; onAdded(item: ActionItem): void; onClose(): void }) {
  const t = useT();
  const { lang } = useLang();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [milestoneId, setMilestoneId] = useState('');
  const [moveTo, setMoveTo] = useState<'in_progress' | 'done'>('done');
  const milestones = useLoad(() => api.get<ListPage<Milestone>>(`/api/v1/sessions/${session.id}/milestones`), [session.id]);
  const add = useAction(async () => {
    const body = { title: title.trim(), dueOn: dueOn || null, ...(milestoneId ? { milestoneId, moveTo } : {}) };
    onAdded(await api.post<ActionItem>(`/api/v1/sessions/${session.id}/action-items`, body));
    onClose();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run();
  };
  const open = (milestones.data?.items ?? []).filter((m) => m.state !== 'done' && m.state !== 'waived');
  return (
    <form onSubmit={submit} className="mentor-add-item">
      <TextField label={t.itemTitle} name="title" required maxLength={200} value={title} error={add.error} onChange={(e) => setTitle(e.target.value)} autoFocus />
      <TextField label={t.dueOn} name="dueOn" type="date" value={dueOn} error={add.error} onChange={(e) => setDueOn(e.target.value)} />
      {open.length > 0 && (
        <SelectField label={t.milestone} name="milestoneId" value={milestoneId} error={add.error} onChange={(e) => setMilestoneId(e.target.value)}>
          <option value="">{t.noMilestone}</option>
          {open.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({milestoneStates[m.state]?.[lang] ?? m.state})
            </option>
          ))}
        </SelectField>
      )}
      {milestoneId && (
        <SelectField label={t.moveTo} name="moveTo" value={moveTo} error={add.error} onChange={(e) => setMoveTo(e.target.value === 'in_progress' ? 'in_progress' : 'done')}>
          <option value="in_progress">{t.inProgress}</option>
          <option value="done">{t.done}</option>
        </SelectField>
      )}
      <ErrorAlert error={add.error ?? milestones.error} />
      <div className="row">
        <Button type="submit" className="primary" busy={add.busy} disabled={!title.trim()}>
          {t.add}
        </Button>
        <Button onClick={onClose}>{t.cancel}</Button>
      </div>
    </form>
  );
}

function FeedbackBox({ session, onChange }: { session: Session; onChange(s: Session): void }) {
  const t = useT();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const send = useAction(async () => onChange(await api.post<Session>(`/api/v1/sessions/${session.id}/feedback`, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) })));
  const mine = session.feedback.mentor;
  const theirs = session.feedback.startup;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <section aria-label={t.feedback}>
      <h4>{t.feedback}</h4>
      {theirs && <p className="muted">{t.theirRating(theirs.rating)}</p>}
      {mine ? (
        <p role="status">
          {t.yourRating(mine.rating)}
          {mine.comment && <> — “{mine.comment}”</>}
        </p>
      ) : (
        <form onSubmit={submit}>
          <fieldset className="mentor-rating">
            <legend>{t.rating}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="mentor-check">
                <input type="radio" name={`rating-${session.id}`} value={n} checked={rating === n} onChange={() => setRating(n)} aria-label={t.stars(n)} />
                <span aria-hidden="true">{n}</span>
              </label>
            ))}
          </fieldset>
          <TextArea label={t.comment} name="comment" maxLength={2000} value={comment} error={send.error} onChange={(e) => setComment(e.target.value)} />
          <ErrorAlert error={send.error} />
          <Button type="submit" className="primary" busy={send.busy} disabled={rating === 0}>
            {t.sendFeedback}
          </Button>
        </form>
      )}
    </section>
  );
}
