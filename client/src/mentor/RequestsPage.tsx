/**
 * The mentor's home: requests to answer, soonest to expire first, then the
 * ones already answered. New requests arrive live on the mentor's room.
 */
import { useState, type FormEvent } from 'react';
import { api, fetchAll } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { formatDateTime } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { useRoom } from '../app/live.ts';
import { Badge, Button, Loaded, Page, TextArea } from '../app/ui.tsx';
import { StartupName, WithProfile } from './mentor-context.tsx';
import type { Mentor, MentorRequest, RequestStatus, Taxonomies } from './types.ts';
import { useTaxonomies } from './taxonomies.ts';

const useT = defineStrings({
  vi: {
    title: 'Yêu cầu cố vấn',
    pending: 'Đang chờ bạn trả lời',
    answered: 'Đã xử lý',
    noPending: 'Không có yêu cầu nào đang chờ.',
    noAnswered: 'Chưa có yêu cầu nào đã xử lý.',
    expires: (when: string) => `Hết hạn trả lời: ${when}`,
    asked: (when: string) => `Gửi lúc ${when}`,
    answeredAt: (when: string) => `Trả lời lúc ${when}`,
    topics: 'Chủ đề',
    accept: 'Nhận lời',
    decline: 'Từ chối',
    reason: 'Lý do từ chối (dự án sẽ đọc được)',
    sendDecline: 'Gửi lời từ chối',
    cancel: 'Huỷ',
    accepted: 'Đã nhận lời. Dự án có thể đặt lịch với bạn.',
    declinedReason: (reason: string) => `Lý do: ${reason}`,
    status: (k: RequestStatus) => ({ pending: 'Đang chờ', accepted: 'Đã nhận', declined: 'Đã từ chối', withdrawn: 'Đã rút', expired: 'Hết hạn' } as Record<RequestStatus, string>)[k],
  },
  en: {
    title: 'Mentoring requests',
    pending: 'Waiting for your answer',
    answered: 'Answered',
    noPending: 'No requests are waiting.',
    noAnswered: 'No answered requests yet.',
    expires: (when: string) => `Answer by ${when}`,
    asked: (when: string) => `Sent ${when}`,
    answeredAt: (when: string) => `Answered ${when}`,
    topics: 'Topics',
    accept: 'Accept',
    decline: 'Decline',
    reason: 'Why you decline (the startup will read it)',
    sendDecline: 'Send decline',
    cancel: 'Cancel',
    accepted: 'Accepted. The startup can now book sessions with you.',
    declinedReason: (reason: string) => `Reason: ${reason}`,
    status: (k: RequestStatus) => ({ pending: 'Pending', accepted: 'Accepted', declined: 'Declined', withdrawn: 'Withdrawn', expired: 'Expired' } as Record<RequestStatus, string>)[k],
  },
});

const tones: Record<RequestStatus, 'ok' | 'warn' | 'danger' | 'info' | 'muted'> = { pending: 'warn', accepted: 'ok', declined: 'danger', withdrawn: 'muted', expired: 'muted' };

export function RequestsPage() {
  const t = useT();
  return <Page title={t.title}>{<WithProfile>{(mentor) => <Inbox mentor={mentor} />}</WithProfile>}</Page>;
}

function Inbox({ mentor }: { mentor: Mentor }) {
  const t = useT();
  const taxonomies = useTaxonomies();
  const requests = useLoad(() => fetchAll<MentorRequest>('/api/v1/mentor-requests', { mentorId: mentor.id }).then((items) => ({ items })), [mentor.id]);
  const reload = requests.reload;
  useRoom(`mentor:${mentor.id}`, { 'request.created': reload, 'request.withdrawn': reload, 'request.expired': reload, 'request.accepted': reload, 'request.declined': reload }, reload);

  const [acceptedId, setAcceptedId] = useState<string | null>(null);
  const replace = (next: MentorRequest) => {
    if (next.status === 'accepted') setAcceptedId(next.id);
    requests.setData((page) => page && { ...page, items: page.items.map((r) => (r.id === next.id ? next : r)) });
  };

  return (
    <Loaded state={requests}>
      {(page) => {
        const pending = page.items.filter((r) => r.status === 'pending').sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
        const answered = page.items
          .filter((r) => r.status !== 'pending')
          .sort((a, b) => (b.respondedAt ?? b.expiresAt).localeCompare(a.respondedAt ?? a.expiresAt));
        return (
          <>
            {acceptedId && (
              <p className="notice" role="status">
                {t.accepted}
              </p>
            )}
            <h2>
              {t.pending} <Badge tone={pending.length ? 'warn' : 'muted'}>{pending.length}</Badge>
            </h2>
            {pending.length === 0 ? (
              <p className="empty">{t.noPending}</p>
            ) : (
              <ul className="plain" aria-label={t.pending}>
                {pending.map((r) => (
                  <RequestItem key={r.id} request={r} taxonomies={taxonomies} onAnswered={replace} />
                ))}
              </ul>
            )}
            <h2>{t.answered}</h2>
            {answered.length === 0 ? (
              <p className="empty">{t.noAnswered}</p>
            ) : (
              <ul className="plain" aria-label={t.answered}>
                {answered.map((r) => (
                  <RequestItem key={r.id} request={r} taxonomies={taxonomies} onAnswered={replace} />
                ))}
              </ul>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function RequestItem({ request, taxonomies, onAnswered }: { request: MentorRequest; taxonomies: Taxonomies | undefined; onAnswered(r: MentorRequest): void }) {
  const t = useT();
  const { lang } = useLang();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const accept = useAction(async () => {
    const result = await api.post<{ request: MentorRequest }>(`/api/v1/mentor-requests/${request.id}/accept`);
    onAnswered(result.request);
  });
  const decline = useAction(async (text: string) => {
    onAnswered(await api.post<MentorRequest>(`/api/v1/mentor-requests/${request.id}/decline`, { reason: text }));
  });
  const submitDecline = (event: FormEvent) => {
    event.preventDefault();
    void decline.run(reason.trim());
  };
  const headingId = `request-${request.id}`;

  return (
    <li className="mentor-request" aria-labelledby={headingId}>
      <div className="spread">
        <h3 id={headingId}>
          <StartupName id={request.startupId} readable={request.status === 'pending' || request.status === 'accepted'} />
        </h3>
        <Badge tone={tones[request.status]}>{t.status(request.status)}</Badge>
      </div>
      <blockquote className="mentor-message">{request.message}</blockquote>
      {request.topics.length > 0 && (
        <p className="muted">
          {t.topics}: {request.topics.map((code) => taxonomies?.topics[code]?.[lang] ?? code).join(', ')}
        </p>
      )}
      <p className="muted">
        {t.asked(formatDateTime(request.requestedAt, lang))}
        {request.status === 'pending' && (
          <>
            {' · '}
            <strong>{t.expires(formatDateTime(request.expiresAt, lang))}</strong>
          </>
        )}
        {request.status !== 'pending' && request.respondedAt && <> · {t.answeredAt(formatDateTime(request.respondedAt, lang))}</>}
      </p>
      {request.declineReason && <p>{t.declinedReason(request.declineReason)}</p>}
      {request.status === 'pending' && !declining && (
        <div className="row">
          <Button className="primary" busy={accept.busy} onClick={() => void accept.run()}>
            {t.accept}
          </Button>
          <Button className="danger" onClick={() => setDeclining(true)}>
            {t.decline}
          </Button>
        </div>
      )}
      {request.status === 'pending' && declining && (
        <form onSubmit={submitDecline}>
          <TextArea label={t.reason} name="reason" required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} error={decline.error} autoFocus />
          <div className="row">
            <Button type="submit" className="danger" busy={decline.busy} disabled={!reason.trim()}>
              {t.sendDecline}
            </Button>
            <Button onClick={() => setDeclining(false)}>{t.cancel}</Button>
          </div>
        </form>
      )}
      <ErrorAlert error={accept.error ?? decline.error} />
    </li>
  );
}
