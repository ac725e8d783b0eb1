/**
 * /mentors: finding mentors for the founder's startup. The ranked list from
 * GET /matches shows each mentor's score broken down by criterion (how much
 * each one added) and the reason in words; the founder may narrow it by
 * topics and meeting mode, and ask a mentor with a message. Below: the
 * requests sent and their state, and the active mentorships, from which a
 * session is booked.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, fetchAll } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { formatInstantDate } from '../app/format.ts';
import { defineStrings, useBilingual, useLang } from '../app/i18n.tsx';
import { useRoom } from '../app/live.ts';
import { Badge, Button, Loaded, Page, SelectField, TextArea } from '../app/ui.tsx';
import { useMentors, useTaxonomies, WithStartup } from './founder-data.tsx';
import { Checkboxes } from './StartupForm.tsx';
import type { Criterion, Match, Matches, MentorRequest, Mentorship, RequestStatus, Startup } from './types.ts';

const useT = defineStrings({
  vi: {
    title: 'Tìm cố vấn',
    filters: 'Bạn cần cố vấn về điều gì?',
    filtersHint: 'Để trống để dùng nhu cầu trong hồ sơ dự án.',
    topics: 'Chủ đề',
    mode: 'Hình thức gặp',
    any: 'Bất kỳ',
    online: 'Trực tuyến',
    offline: 'Gặp trực tiếp',
    search: 'Tìm',
    ranked: 'Cố vấn phù hợp nhất',
    considered: (n: number) => `Đã xem xét ${n} cố vấn.`,
    noMatches: 'Chưa có cố vấn phù hợp. Hãy thử chủ đề khác.',
    score: 'Điểm phù hợp',
    breakdown: 'Điểm theo tiêu chí',
    criterion: 'Tiêu chí',
    contribution: 'Đóng góp',
    points: (p: string) => `+${p} điểm`,
    request: 'Gửi yêu cầu cố vấn',
    requestTo: (name: string) => `Gửi yêu cầu đến ${name}`,
    message: 'Lời nhắn cho cố vấn',
    messageHint: 'Dự án của bạn cần gì và mong đợi gì từ cố vấn.',
    send: 'Gửi yêu cầu',
    cancel: 'Huỷ',
    sent: (name: string) => `Đã gửi yêu cầu đến ${name}. Cố vấn sẽ trả lời trong vài ngày.`,
    requests: 'Yêu cầu đã gửi',
    noRequests: 'Bạn chưa gửi yêu cầu nào.',
    requestedOn: (date: string) => `gửi ngày ${date}`,
    expiresOn: (date: string) => `hết hạn ngày ${date}`,
    declined: (reason: string) => `Lý do từ chối: ${reason}`,
    withdraw: 'Rút lại',
    mentorships: 'Cố vấn của dự án',
    noMentorships: 'Chưa có cố vấn nào nhận hướng dẫn dự án.',
    since: (date: string) => `từ ${date}`,
    book: 'Đặt lịch gặp',
    bookWith: (name: string) => `Đặt lịch gặp với ${name}`,
    aMentor: 'Cố vấn',
    pending: 'Đang chờ',
    accepted: 'Đã nhận',
    declinedStatus: 'Bị từ chối',
    withdrawn: 'Đã rút',
    expired: 'Hết hạn',
    sectorFit: 'Cùng lĩnh vực',
    stageFit: 'Hợp giai đoạn',
    topicOverlap: 'Chuyên môn',
    availabilitySoon: 'Sớm có lịch',
    loadBalance: 'Còn chỗ',
    rating: 'Đánh giá',
    responsiveness: 'Trả lời nhanh',
  },
  en: {
    title: 'Find mentors',
    filters: 'What do you need a mentor for?',
    filtersHint: 'Leave empty to use the needs in your startup profile.',
    topics: 'Topics',
    mode: 'Meeting mode',
    any: 'Any',
    online: 'Online',
    offline: 'In person',
    search: 'Search',
    ranked: 'Best-matching mentors',
    considered: (n: number) => `${n} mentors considered.`,
    noMatches: 'No matching mentors yet. Try other topics.',
    score: 'Match score',
    breakdown: 'Score by criterion',
    criterion: 'Criterion',
    contribution: 'Contribution',
    points: (p: string) => `+${p} pts`,
    request: 'Request this mentor',
    requestTo: (name: string) => `Request ${name}`,
    message: 'Message to the mentor',
    messageHint: 'What your startup needs and hopes for from a mentor.',
    send: 'Send request',
    cancel: 'Cancel',
    sent: (name: string) => `Your request to ${name} was sent. Mentors answer within a few days.`,
    requests: 'Requests sent',
    noRequests: 'You have not sent any requests yet.',
    requestedOn: (date: string) => `sent ${date}`,
    expiresOn: (date: string) => `expires ${date}`,
    declined: (reason: string) => `Declined because: ${reason}`,
    withdraw: 'Withdraw',
    mentorships: 'Your mentors',
    noMentorships: 'No mentor mentors your startup yet.',
    since: (date: string) => `since ${date}`,
    book: 'Book a session',
    bookWith: (name: string) => `Book a session with ${name}`,
    aMentor: 'Mentor',
    pending: 'Pending',
    accepted: 'Accepted',
    declinedStatus: 'Declined',
    withdrawn: 'Withdrawn',
    expired: 'Expired',
    sectorFit: 'Sector fit',
    stageFit: 'Stage fit',
    topicOverlap: 'Expertise',
    availabilitySoon: 'Available soon',
    loadBalance: 'Has room',
    rating: 'Rating',
    responsiveness: 'Responsiveness',
  },
});

const STATUS_TONE: Record<RequestStatus, 'ok' | 'warn' | 'danger' | 'info' | 'muted'> = {
  pending: 'warn',
  accepted: 'ok',
  declined: 'danger',
  withdrawn: 'muted',
  expired: 'muted',
};

export function MentorsPage() {
  const t = useT();
  return (
    <Page title={t.title}>
      <WithStartup>{(startup) => <FindMentors startup={startup} />}</WithStartup>
    </Page>
  );
}

function FindMentors({ startup }: { startup: Startup }) {
  const t = useT();
  const [filters, setFilters] = useState<{ topics: string[]; mode: string }>({ topics: [], mode: 'any' });
  const [applied, setApplied] = useState(filters);
  const matches = useLoad(
    () => api.get<Matches>('/api/v1/matches', { startupId: startup.id, topics: applied.topics.join(',') || undefined, mode: applied.mode, limit: 10 }),
    [startup.id, applied],
  );
  const requests = useLoad(() => fetchAll<MentorRequest>('/api/v1/mentor-requests', { startupId: startup.id }).then((items) => ({ items })), [startup.id]);
  const mentorships = useLoad(() => fetchAll<Mentorship>('/api/v1/mentorships', { startupId: startup.id, status: 'active' }).then((items) => ({ items })), [startup.id]);
  // A mentor answering elsewhere shows here at once.
  useRoom(`startup:${startup.id}`, {
    'request.accepted': () => (requests.reload(), mentorships.reload()),
    'request.declined': requests.reload,
    'request.expired': requests.reload,
    'mentorship.ended': mentorships.reload,
  }, () => (requests.reload(), mentorships.reload()));

  const taxonomies = useTaxonomies();
  const search = (event: FormEvent) => {
    event.preventDefault();
    setApplied(filters);
  };
  // The mentor asked leaves the ranked list (the API filters out open requests), so the confirmation lives here.
  const [sentTo, setSentTo] = useState<string | null>(null);
  const onRequested = (name: string) => {
    setSentTo(name);
    requests.reload();
    matches.reload();
  };

  return (
    <div className="mentors-layout">
      <aside>
        <section className="card" aria-labelledby="mentorships-title">
          <h2 id="mentorships-title">{t.mentorships}</h2>
          <Loaded state={mentorships} isEmpty={(page) => page.items.length === 0} empty={t.noMentorships}>
            {(page) => <MentorshipList items={page.items} />}
          </Loaded>
        </section>

        <section className="card" aria-labelledby="requests-title">
          <h2 id="requests-title">{t.requests}</h2>
          <Loaded state={requests} isEmpty={(page) => page.items.length === 0} empty={t.noRequests}>
            {(page) => <RequestList items={page.items} onChange={requests.reload} />}
          </Loaded>
        </section>
      </aside>
      <div className="mentors-main">
        <form className="card" onSubmit={search} aria-labelledby="filters-title">
          <h2 id="filters-title">{t.filters}</h2>
          <p className="muted">{t.filtersHint}</p>
          {taxonomies.data && (
            <Checkboxes legend={t.topics} name="topics" labels={taxonomies.data.topics} value={filters.topics} onChange={(topics) => setFilters({ ...filters, topics })} error={matches.error} />
          )}
          <div className="row filters-row">
            <SelectField label={t.mode} name="mode" value={filters.mode} onChange={(e) => setFilters({ ...filters, mode: e.target.value })}>
              <option value="any">{t.any}</option>
              <option value="online">{t.online}</option>
              <option value="offline">{t.offline}</option>
            </SelectField>
            <Button type="submit" className="primary" busy={matches.loading}>
              {t.search}
            </Button>
          </div>
        </form>

        <section aria-labelledby="ranked-title">
          <h2 id="ranked-title">{t.ranked}</h2>
          {sentTo && (
            <p className="notice" role="status">
              {t.sent(sentTo)}
            </p>
          )}
          {matches.error !== undefined && matches.data !== undefined && <ErrorAlert error={matches.error} />}
          <Loaded state={matches} isEmpty={(m) => m.items.length === 0} empty={t.noMatches}>
            {(m) => (
              <>
                <p className="muted">{t.considered(m.considered)}</p>
                <ol className="plain match-list">
                  {m.items.map((match) => (
                    <MatchCard key={match.mentorId} match={match} startup={startup} onRequested={onRequested} />
                  ))}
                </ol>
              </>
            )}
          </Loaded>
        </section>
      </div>
    </div>
  );
}

function MatchCard({ match, startup, onRequested }: { match: Match; startup: Startup; onRequested(name: string): void }) {
  const t = useT();
  const text = useBilingual();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState('');
  const action = useAction((body: { startupId: string; mentorId: string; message: string }) => api.post<MentorRequest>('/api/v1/mentor-requests', body));
  const titleId = `match-${match.mentorId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await action.run({ startupId: startup.id, mentorId: match.mentorId, message: message.trim() });
    if (!created) return;
    setAsking(false);
    onRequested(match.name);
  };

  return (
    <li className="match" aria-labelledby={titleId}>
      <div className="spread">
        <h3 id={titleId}>
          <span className="muted">#{match.rank}</span> {match.name}
        </h3>
        <span className="score" aria-label={`${t.score}: ${match.score}`}>
          {match.score.toFixed(1)}
          <small>/100</small>
        </span>
      </div>
      <p>{text(match.reason)}</p>
      <Contributions match={match} />
      {asking ? (
        <form onSubmit={submit} noValidate>
          <TextArea label={t.message} hint={t.messageHint} name="message" required value={message} error={action.error} onChange={(e) => setMessage(e.target.value)} />
          <ErrorAlert error={action.error} />
          <div className="row">
            <Button type="submit" className="primary" busy={action.busy}>
              {t.send}
            </Button>
            <Button onClick={() => (setAsking(false), action.clearError())}>{t.cancel}</Button>
          </div>
        </form>
      ) : (
        <Button aria-label={t.requestTo(match.name)} onClick={() => setAsking(true)}>
          {t.request}
        </Button>
      )}
    </li>
  );
}

/** Each criterion's contribution: a bar as long as the criterion's value (0–1) and the points it added to the score. */
function Contributions({ match }: { match: Match }) {
  const t = useT();
  return (
    <table className="contributions">
      <caption className="sr-only">{t.breakdown}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{t.criterion}</th>
          <th scope="col">{t.contribution}</th>
        </tr>
      </thead>
      <tbody>
        {match.contributions.map((c) => (
          <tr key={c.criterion}>
            <th scope="row">{t[c.criterion satisfies Criterion]}</th>
            <td>
              <span className="progress" aria-hidden="true">
                <span style={{ width: `${Math.round(Math.max(0, Math.min(1, c.value)) * 100)}%` }} />
              </span>
              <span className="points">{t.points(c.points.toFixed(1))}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RequestList({ items, onChange }: { items: MentorRequest[]; onChange(): void }) {
  const t = useT();
  const { lang } = useLang();
  const mentors = useMentors(items.map((r) => r.mentorId));
  const withdraw = useAction((id: string) => api.post<MentorRequest>(`/api/v1/mentor-requests/${id}/withdraw`));
  const statusLabel: Record<RequestStatus, string> = {
    pending: t.pending,
    accepted: t.accepted,
    declined: t.declinedStatus,
    withdrawn: t.withdrawn,
    expired: t.expired,
  };
  return (
    <>
      <ErrorAlert error={withdraw.error} />
      <ul className="plain" data-testid="requests">
        {items.map((r) => (
          <li key={r.id} className="spread">
            <div>
              <strong>{mentors.get(r.mentorId)?.name ?? t.aMentor}</strong> <Badge tone={STATUS_TONE[r.status]}>{statusLabel[r.status]}</Badge>
              <div className="muted">
                {t.requestedOn(formatInstantDate(r.requestedAt, lang))}
                {r.status === 'pending' && ` · ${t.expiresOn(formatInstantDate(r.expiresAt, lang))}`}
              </div>
              {r.declineReason && <div>{t.declined(r.declineReason)}</div>}
            </div>
            {r.status === 'pending' && (
              <Button busy={withdraw.busy} onClick={() => void withdraw.run(r.id).then((done) => done && onChange())}>
                {t.withdraw}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function MentorshipList({ items }: { items: Mentorship[] }) {
  const t = useT();
  const { lang } = useLang();
  const mentors = useMentors(items.map((m) => m.mentorId));
  return (
    <ul className="plain" data-testid="mentorships">
      {items.map((m) => {
        const name = mentors.get(m.mentorId)?.name ?? t.aMentor;
        return (
          <li key={m.id} className="spread">
            <span>
              <strong>{name}</strong> <span className="muted">{t.since(formatInstantDate(m.startedAt, lang))}</span>
            </span>
            <Link href={`/mentors/${m.mentorId}/book`} className="button-link" aria-label={t.bookWith(name)}>
              {t.book}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
