/**
 * /cohorts/:id/admissions: who is in the cohort (withdraw, graduate), and
 * finding startups to admit, each with its 5-year eligibility shown before
 * admitting. A refusal says why: the rule's sentence and the dates.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, api } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert, errorMessage } from '../app/errors.tsx';
import { formatDate } from '../app/format.ts';
import { defineStrings, useBilingual, useLang } from '../app/i18n.tsx';
import { Badge, Button, Empty, Loaded, Page, TextField } from '../app/ui.tsx';
import { CohortNav } from './CohortNav.tsx';
import type { AdmissionStatus, Board, BoardRow, Eligibility, ListPage, Startup } from './types.ts';

const useT = defineStrings({
  vi: {
    title: 'Tuyển chọn dự án',
    members: 'Dự án trong khoá',
    membersCaption: 'Các dự án đã được tuyển vào khoá',
    name: 'Dự án',
    status: 'Tình trạng',
    progress: 'Tiến độ',
    actions: 'Thao tác',
    none: 'Chưa có dự án nào trong khoá.',
    withdraw: 'Rút khỏi khoá',
    graduate: 'Tốt nghiệp',
    confirmWithdraw: (name: string) => `Xác nhận rút ${name}`,
    confirmGraduate: (name: string) => `Xác nhận tốt nghiệp cho ${name}`,
    cancel: 'Huỷ',
    find: 'Tìm dự án để tuyển',
    query: 'Tên dự án',
    search: 'Tìm',
    noResults: 'Không tìm thấy dự án nào.',
    admit: 'Tuyển vào khoá',
    admitName: (name: string) => `Tuyển ${name} vào khoá`,
    inCohort: 'Đã ở trong khoá',
    eligibleUntil: (day: string) => `Đủ điều kiện đến hết ${day}`,
    notRegistered: 'Chưa đăng ký kinh doanh: đủ điều kiện',
    ineligible: (day: string) => `Quá 5 năm: hết điều kiện sau ${day}`,
    registered: (day: string) => `Đăng ký lần đầu ${day}`,
    kind: (value: Startup['kind']) => ({ individual: 'Cá nhân', group: 'Nhóm', company: 'Doanh nghiệp' } as Record<Startup['kind'], string>)[value] ?? String(value),
    statusOf: (value: AdmissionStatus) => ({ active: 'Đang tham gia', graduated: 'Đã tốt nghiệp', withdrawn: 'Đã rút', aged_out: 'Quá 5 năm' } as Record<AdmissionStatus, string>)[value] ?? String(value),
    admitted: (name: string, n: number) => `Đã tuyển ${name} vào khoá; đã lập ${n} cột mốc.`,
    refused: (name: string) => `Không thể tuyển ${name} vào khoá.`,
    dates: (first: string | null, until: string | null) =>
      [first ? `Ngày đăng ký kinh doanh lần đầu: ${first}.` : '', until ? `Hạn cuối đủ điều kiện: ${until}.` : ''].filter(Boolean).join(' '),
    withdrawn: (name: string) => `Đã rút ${name} khỏi khoá.`,
    graduated: (name: string) => `${name} đã tốt nghiệp.`,
  },
  en: {
    title: 'Admissions',
    members: 'Startups in the cohort',
    membersCaption: 'The startups admitted to this cohort',
    name: 'Startup',
    status: 'Status',
    progress: 'Progress',
    actions: 'Actions',
    none: 'No startups in this cohort yet.',
    withdraw: 'Withdraw',
    graduate: 'Graduate',
    confirmWithdraw: (name: string) => `Confirm withdrawing ${name}`,
    confirmGraduate: (name: string) => `Confirm graduating ${name}`,
    cancel: 'Cancel',
    find: 'Find startups to admit',
    query: 'Startup name',
    search: 'Search',
    noResults: 'No startups found.',
    admit: 'Admit',
    admitName: (name: string) => `Admit ${name} to the cohort`,
    inCohort: 'In this cohort',
    eligibleUntil: (day: string) => `Eligible through ${day}`,
    notRegistered: 'Not registered yet: eligible',
    ineligible: (day: string) => `Over 5 years: eligible only through ${day}`,
    registered: (day: string) => `First registered ${day}`,
    kind: (value: Startup['kind']) => ({ individual: 'Individual', group: 'Group', company: 'Company' } as Record<Startup['kind'], string>)[value] ?? String(value),
    statusOf: (value: AdmissionStatus) => ({ active: 'Taking part', graduated: 'Graduated', withdrawn: 'Withdrawn', aged_out: 'Aged out' } as Record<AdmissionStatus, string>)[value] ?? String(value),
    admitted: (name: string, n: number) => `${name} is admitted; ${n} milestones were planned.`,
    refused: (name: string) => `${name} cannot be admitted.`,
    dates: (first: string | null, until: string | null) =>
      [first ? `First business registration: ${first}.` : '', until ? `Last eligible day: ${until}.` : ''].filter(Boolean).join(' '),
    withdrawn: (name: string) => `${name} was withdrawn from the cohort.`,
    graduated: (name: string) => `${name} has graduated.`,
  },
});

type Outcome = { kind: 'ok'; text: string } | { kind: 'refused'; startup: Startup; eligibility: Eligibility | null; error: ApiError } | { kind: 'error'; error: unknown };

function EligibilityBadge({ startup }: { startup: Startup }) {
  const t = useT();
  const { lang } = useLang();
  if (!startup.eligibleUntil) return <Badge tone="ok">{t.notRegistered}</Badge>;
  const day = formatDate(startup.eligibleUntil, lang);
  return startup.eligible ? <Badge tone="ok">{t.eligibleUntil(day)}</Badge> : <Badge tone="danger">{t.ineligible(day)}</Badge>;
}

/** Why an admission was refused: the rule's own sentence (bilingual, from the API) and the dates. */
function Refusal({ outcome }: { outcome: Extract<Outcome, { kind: 'refused' }> }) {
  const t = useT();
  const text = useBilingual();
  const { lang } = useLang();
  const until = outcome.eligibility?.eligibleUntil ?? (outcome.error.problem.eligibleUntil as string | undefined) ?? null;
  const first = outcome.startup.firstRegisteredOn;
  return (
    <div className="alert" role="alert">
      <p>
        <strong>{t.refused(outcome.startup.name)}</strong>
      </p>
      <p>{outcome.eligibility ? text(outcome.eligibility.message) : errorMessage(outcome.error, lang)}</p>
      <p>{t.dates(first ? formatDate(first, lang) : null, until ? formatDate(until, lang) : null)}</p>
    </div>
  );
}

function Members({ cohortId, board, onChanged }: { cohortId: string; board: Board; onChanged: (text: string) => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState<{ startupId: string; move: 'withdraw' | 'graduate' }>();
  const move = useAction((row: BoardRow, action: 'withdraw' | 'graduate') =>
    api.post(`/api/v1/cohorts/${cohortId}/admissions/${row.startup.id}/${action}`),
  );
  const run = async (row: BoardRow, action: 'withdraw' | 'graduate') => {
    const done = await move.run(row, action);
    setConfirming(undefined);
    if (done !== undefined) onChanged(action === 'withdraw' ? t.withdrawn(row.startup.name) : t.graduated(row.startup.name));
  };
  if (board.admissions.length === 0) return <Empty>{t.none}</Empty>;
  return (
    <>
      <ErrorAlert error={move.error} />
      <div className="table-wrap">
        <table className="members">
          <caption className="sr-only">{t.membersCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.progress}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {board.admissions.map((row) => (
              <tr key={row.admissionId}>
                <th scope="row">{row.startup.name}</th>
                <td>
                  <Badge tone={row.status === 'active' ? 'ok' : 'muted'}>{t.statusOf(row.status)}</Badge>
                </td>
                <td>{row.progress}%</td>
                <td>
                  {row.status === 'active' &&
                    (confirming?.startupId === row.startup.id ? (
                      <div className="row">
                        <Button className={confirming.move === 'withdraw' ? 'danger' : 'primary'} busy={move.busy} onClick={() => run(row, confirming.move)}>
                          {confirming.move === 'withdraw' ? t.confirmWithdraw(row.startup.name) : t.confirmGraduate(row.startup.name)}
                        </Button>
                        <Button onClick={() => setConfirming(undefined)}>{t.cancel}</Button>
                      </div>
                    ) : (
                      <div className="row">
                        <Button onClick={() => setConfirming({ startupId: row.startup.id, move: 'graduate' })}>{t.graduate}</Button>
                        <Button className="danger" onClick={() => setConfirming({ startupId: row.startup.id, move: 'withdraw' })}>
                          {t.withdraw}
                        </Button>
                      </div>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function AdmissionsPage({ cohortId }: { cohortId: string }) {
  const t = useT();
  const { lang } = useLang();
  const board = useLoad(() => api.get<Board>(`/api/v1/cohorts/${cohortId}/board`), [cohortId]);
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const found = useLoad(() => api.get<ListPage<Startup>>('/api/v1/startups', { q: query, limit: 20 }), [query]);
  const [outcome, setOutcome] = useState<Outcome>();
  const [admitting, setAdmitting] = useState<string>();
  const inCohort = new Set(board.data?.admissions.filter((a) => a.status === 'active').map((a) => a.startup.id));

  const admit = async (startup: Startup) => {
    setAdmitting(startup.id);
    setOutcome(undefined);
    try {
      const admitted = await api.post<{ milestones: unknown[] }>(`/api/v1/cohorts/${cohortId}/admissions`, { startupId: startup.id });
      setOutcome({ kind: 'ok', text: t.admitted(startup.name, admitted.milestones.length) });
      board.reload();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'startup_ineligible') {
        const eligibility = await api.get<Eligibility>(`/api/v1/startups/${startup.id}/eligibility`).catch(() => null);
        setOutcome({ kind: 'refused', startup, eligibility, error });
      } else setOutcome({ kind: 'error', error });
    } finally {
      setAdmitting(undefined);
    }
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(draft.trim());
  };

  return (
    <Page title={board.data ? `${t.title} — ${board.data.cohort.name}` : t.title}>
      <CohortNav cohortId={cohortId} />
      <div aria-live="polite">
        {outcome?.kind === 'ok' && <p className="notice">{outcome.text}</p>}
        {outcome?.kind === 'refused' && <Refusal outcome={outcome} />}
        {outcome?.kind === 'error' && <ErrorAlert error={outcome.error} />}
      </div>
      <section className="card" aria-labelledby="find-title">
        <h2 id="find-title">{t.find}</h2>
        <form className="search-row" onSubmit={search} role="search">
          <TextField label={t.query} name="q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
          <Button type="submit">{t.search}</Button>
        </form>
        <Loaded state={found} isEmpty={(page) => page.items.length === 0} empty={t.noResults}>
          {(page) => (
            <ul className="plain candidates">
              {page.items.map((s) => (
                <li key={s.id} className="spread" data-startup-id={s.id}>
                  <div className="stack">
                    <strong>{s.name}</strong>
                    <div className="row small">
                      <span className="muted">{t.kind(s.kind)}</span>
                      {s.firstRegisteredOn && <span className="muted">{t.registered(formatDate(s.firstRegisteredOn, lang))}</span>}
                      <EligibilityBadge startup={s} />
                    </div>
                  </div>
                  {inCohort.has(s.id) ? (
                    <Badge tone="info">{t.inCohort}</Badge>
                  ) : (
                    <Button className={s.eligible ? 'primary' : undefined} busy={admitting === s.id} aria-label={t.admitName(s.name)} onClick={() => admit(s)}>
                      {t.admit}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t.members}</h2>
        <Loaded state={board}>
          {(data) => (
            <Members
              cohortId={cohortId}
              board={data}
              onChanged={(text) => {
                setOutcome({ kind: 'ok', text });
                board.reload();
              }}
            />
          )}
        </Loaded>
      </section>
    </Page>
  );
}
