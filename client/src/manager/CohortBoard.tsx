/**
 * The live cohort board: every startup's progress, what is overdue, next
 * sessions, mentor coverage and eligibility warnings, kept current by the
 * `cohort:<id>` room. First paint needs one request (the board); mentors,
 * sessions, eligibility and the chart load after it.
 *
 * Live: `cohort.progressed` is applied in place (and kept, so a board read
 * that was already in flight is brought up to date: events numbered after
 * the board's `seq` are applied again); other changes reload the board.
 * The board is read at once while the socket joins the room, again once it has
 * joined (and after every rejoin), and after a gap.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../app/api.ts';
import { LiveIndicator } from '../app/LiveIndicator.tsx';
import { useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { formatDate, formatDateTime, dayInZone } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import { useRoom, type Live } from '../app/live.ts';
import { Badge, Empty, Loading, Page } from '../app/ui.tsx';
import { CohortNav } from './CohortNav.tsx';
import { fetchAll } from '../app/api.ts';
import { ProgressChart } from './ProgressChart.tsx';
import { progressSeries } from './progress-history.ts';
import type { AdmissionStatus, Board, BoardRow, ListPage, Mentor, Mentorship, Milestone, Session, StateCounts, Startup } from './types.ts';

const useT = defineStrings({
  vi: {
    title: 'Bảng theo dõi',
    retry: 'Thử lại',
    totals: 'Tổng quan khoá',
    overall: 'Tiến độ chung',
    activeStartups: (n: number) => `${n} dự án đang tham gia`,
    overdueTotal: (n: number) => `${n} cột mốc quá hạn`,
    dates: (from: string, to: string) => `${from} – ${to}`,
    startups: 'Các dự án',
    noStartups: 'Khoá này chưa có dự án nào. Hãy tuyển chọn dự án ở mục “Tuyển chọn dự án”.',
    left: 'Đã rời khoá',
    progressOf: (name: string) => `Tiến độ của ${name}`,
    counts: (c: StateCounts) => `${c.done}/${c.total - c.waived} đã xong · ${c.in_progress} đang làm · ${c.planned} chưa bắt đầu · ${c.blocked} bị vướng · ${c.waived} được miễn`,
    overdue: (n: number) => `${n} quá hạn`,
    daysLate: (n: number) => `trễ ${n} ngày`,
    more: (n: number) => `và ${n} mục khác`,
    nextDue: (day: string) => `Hạn kế tiếp: ${day}`,
    nothingDue: 'Không còn cột mốc mở',
    mentors: 'Cố vấn',
    noMentor: 'Chưa có cố vấn',
    nextSessions: 'Buổi sắp tới',
    noSessions: 'Chưa có buổi nào',
    loadingExtras: 'Đang tải…',
    ineligible: (day: string) => `Đã quá 5 năm (hết điều kiện sau ${day})`,
    endsSoon: (day: string, n: number) => `Hết điều kiện sau ${day} (còn ${n} ngày)`,
    status: (value: AdmissionStatus) => ({ active: 'Đang tham gia', graduated: 'Đã tốt nghiệp', withdrawn: 'Đã rút', aged_out: 'Quá 5 năm' } as Record<AdmissionStatus, string>)[value] ?? String(value),
    extrasFailed: 'Chưa tải được cố vấn, buổi hẹn và điều kiện 5 năm.',
    chart: 'Tiến độ theo tuần',
    chartLabel: (done: number, expected: number) => `Biểu đồ số cột mốc đã hoàn thành theo tuần: hiện ${done} trên ${expected}.`,
    chartNote: 'Đường liền: số cột mốc đã hoàn thành; đường đứt: số cột mốc đã đến hạn.',
    chartTable: 'Xem dạng bảng',
    week: 'Tuần đến ngày',
    done: 'Đã xong',
    due: 'Đến hạn',
  },
  en: {
    title: 'Board',
    retry: 'Try again',
    totals: 'Cohort overview',
    overall: 'Overall progress',
    activeStartups: (n: number) => `${n} startups taking part`,
    overdueTotal: (n: number) => `${n} overdue milestones`,
    dates: (from: string, to: string) => `${from} – ${to}`,
    startups: 'Startups',
    noStartups: 'No startups in this cohort yet. Admit some under “Admissions”.',
    left: 'No longer in the cohort',
    progressOf: (name: string) => `Progress of ${name}`,
    counts: (c: StateCounts) => `${c.done}/${c.total - c.waived} done · ${c.in_progress} in progress · ${c.planned} planned · ${c.blocked} blocked · ${c.waived} waived`,
    overdue: (n: number) => `${n} overdue`,
    daysLate: (n: number) => `${n} days late`,
    more: (n: number) => `and ${n} more`,
    nextDue: (day: string) => `Next due: ${day}`,
    nothingDue: 'No open milestones',
    mentors: 'Mentors',
    noMentor: 'No mentor yet',
    nextSessions: 'Next sessions',
    noSessions: 'No sessions booked',
    loadingExtras: 'Loading…',
    ineligible: (day: string) => `Over 5 years (eligible only through ${day})`,
    endsSoon: (day: string, n: number) => `Eligible through ${day} (${n} days left)`,
    status: (value: AdmissionStatus) => ({ active: 'Taking part', graduated: 'Graduated', withdrawn: 'Withdrawn', aged_out: 'Aged out' } as Record<AdmissionStatus, string>)[value] ?? String(value),
    extrasFailed: 'Mentors, sessions and the 5-year check could not be loaded.',
    chart: 'Progress by week',
    chartLabel: (done: number, expected: number) => `Chart of milestones done by week: ${done} of ${expected} now.`,
    chartNote: 'Solid line: milestones done; dashed line: milestones due.',
    chartTable: 'Show as a table',
    week: 'Week to',
    done: 'Done',
    due: 'Due',
  },
});

type Progressed = Live<'cohort.progressed'>;

function sumCounts(rows: readonly BoardRow[]): StateCounts {
  const total: StateCounts = { planned: 0, in_progress: 0, done: 0, blocked: 0, waived: 0, total: 0 };
  for (const row of rows) for (const key of Object.keys(total) as Array<keyof StateCounts>) total[key] += row.counts[key];
  return total;
}

/** The board's own rule (server/modules/cohorts/milestone-progress.ts): done / (total − waived), rounded down. */
function percent(c: StateCounts): number {
  const expected = c.total - c.waived;
  return expected === 0 ? 100 : Math.floor((100 * c.done) / expected);
}

/** The board with one startup's new progress and the totals that follow from it. */
function applyProgress(board: Board, event: Progressed): Board {
  if (!board.admissions.some((row) => row.startup.id === event.startupId)) return board;
  const admissions = board.admissions.map((row) => (row.startup.id === event.startupId ? { ...row, progress: event.progress, counts: event.counts } : row));
  const active = admissions.filter((row) => row.status === 'active');
  const milestones = sumCounts(active);
  return { ...board, admissions, totals: { ...board.totals, milestones, progress: active.length ? percent(milestones) : null } };
}

/** The board of one cohort, followed live. */
function useLiveBoard(cohortId: string, onResync: () => void, onMilestone: (startupId: string) => void, onOther: () => void) {
  const [board, setBoard] = useState<Board>();
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);
  const recent = useRef<Progressed[]>([]);
  const reloadTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  /**
   * Joins of the room so far. The server numbers only the events of rooms someone follows, so
   * only a read that started after the latest join is sure to hold what happened before it.
   */
  const joins = useRef(0);
  const reading = useRef(false);

  const load = useCallback(() => {
    clearTimeout(reloadTimer.current);
    const mine = ++generation.current;
    const joinsAtStart = joins.current;
    reading.current = true;
    api.get<Board>(`/api/v1/cohorts/${cohortId}/board`).then(
      (read) => {
        if (mine !== generation.current) return;
        reading.current = false;
        recent.current = recent.current.filter((event) => event.seq > read.seq);
        setBoard(recent.current.reduce(applyProgress, read));
        setError(undefined);
        if (joins.current > joinsAtStart) load();
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        reading.current = false;
        setError(failure);
      },
    );
  }, [cohortId]);

  // The board is read at once while the socket joins the room; once joined, it is read again.
  useEffect(() => {
    setBoard(undefined);
    setError(undefined);
    recent.current = [];
    load();
  }, [load]);
  useEffect(() => () => clearTimeout(reloadTimer.current), []);

  const reloadSoon = () => {
    clearTimeout(reloadTimer.current);
    reloadTimer.current = setTimeout(load, 400);
  };

  useRoom(
    `cohort:${cohortId}`,
    {
      'cohort.progressed': (event) => {
        recent.current = [...recent.current.slice(-49), event];
        setBoard((current) => current && applyProgress(current, event));
        onMilestone(event.startupId);
      },
      // Overdue items and the next due date follow from the milestones: read the board again, once for a burst.
      'milestone.updated': reloadSoon,
      'admission.changed': () => {
        load();
        onOther();
      },
      'session.booked': onOther,
      'session.cancelled': onOther,
      'session.rescheduled': onOther,
      'session.completed': onOther,
      'mentorship.started': onOther,
      'mentorship.ended': onOther,
      'eligibility.warned': onOther,
      'eligibility.expired': () => {
        load();
        onOther();
      },
    },
    (joinedSeq) => {
      onResync();
      if (joinedSeq === undefined) return load(); // a gap
      joins.current += 1;
      if (!reading.current) load(); // else the read in flight reads again when it answers
    },
  );

  return { board, error, load };
}

interface Extras {
  mentorsOf: Map<string, string[]>;
  sessionsOf: Map<string, Session[]>;
  startups: Map<string, Startup>;
}

async function loadExtras(today: string): Promise<Extras> {
  const [mentorships, sessions, startups, mentors] = await Promise.all([
    fetchAll<Mentorship>('/api/v1/mentorships', { status: 'active' }),
    fetchAll<Session>('/api/v1/sessions', { status: 'scheduled', from: today }),
    fetchAll<Startup>('/api/v1/startups'),
    fetchAll<Mentor>('/api/v1/mentors'),
  ]);
  const mentorName = new Map(mentors.map((m) => [m.id, m.name]));
  const mentorsOf = new Map<string, string[]>();
  for (const m of mentorships) mentorsOf.set(m.startupId, [...(mentorsOf.get(m.startupId) ?? []), mentorName.get(m.mentorId) ?? '—']);
  const sessionsOf = new Map<string, Session[]>();
  const upcoming = sessions.filter((s) => Date.parse(s.start) > Date.now()).sort((a, b) => a.start.localeCompare(b.start));
  for (const s of upcoming) sessionsOf.set(s.startupId, [...(sessionsOf.get(s.startupId) ?? []), s]);
  return { mentorsOf, sessionsOf, startups: new Map(startups.map((s) => [s.id, s])) };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function EligibilityWarning({ startup, today }: { startup: Startup | undefined; today: string }) {
  const t = useT();
  const { lang } = useLang();
  if (!startup?.eligibleUntil) return null;
  if (!startup.eligible) return <Badge tone="danger">{t.ineligible(formatDate(startup.eligibleUntil, lang))}</Badge>;
  const left = daysBetween(today, startup.eligibleUntil);
  if (left > 90) return null;
  return <Badge tone="warn">{t.endsSoon(formatDate(startup.eligibleUntil, lang), left)}</Badge>;
}

function StartupCard({ row, extras, today }: { row: BoardRow; extras: Extras | undefined; today: string }) {
  const t = useT();
  const { lang } = useLang();
  const headingId = `startup-${row.startup.id}`;
  const mentors = extras?.mentorsOf.get(row.startup.id) ?? [];
  const sessions = (extras?.sessionsOf.get(row.startup.id) ?? []).slice(0, 2);
  return (
    <article className="card startup-card" aria-labelledby={headingId} data-board-startup={row.startup.id}>
      <div className="spread">
        <h3 id={headingId}>{row.startup.name}</h3>
        {row.status !== 'active' && <Badge tone="muted">{t.status(row.status)}</Badge>}
      </div>
      <div className="progress-line">
        <div className="progress" role="progressbar" aria-label={t.progressOf(row.startup.name)} aria-valuemin={0} aria-valuemax={100} aria-valuenow={row.progress}>
          <span style={{ width: `${row.progress}%` }} />
        </div>
        <strong className="percent" data-testid="progress">
          {row.progress}%
        </strong>
      </div>
      <p className="muted small">{t.counts(row.counts)}</p>
      {row.overdue.length > 0 ? (
        <div className="overdue">
          <Badge tone="danger">{t.overdue(row.overdue.length)}</Badge>
          <ul>
            {row.overdue.slice(0, 3).map((item) => (
              <li key={item.id}>
                {item.title} <span className="muted">({t.daysLate(item.daysOverdue)})</span>
              </li>
            ))}
            {row.overdue.length > 3 && <li className="muted">{t.more(row.overdue.length - 3)}</li>}
          </ul>
        </div>
      ) : null}
      {row.status === 'active' && <p className="small">{row.nextDueOn ? t.nextDue(formatDate(row.nextDueOn, lang)) : t.nothingDue}</p>}
      <div className="row small">
        <span>{t.mentors}:</span>
        {!extras ? (
          <span className="muted">{t.loadingExtras}</span>
        ) : mentors.length ? (
          <Badge tone="ok">{mentors.join(', ')}</Badge>
        ) : (
          <Badge tone="warn">{t.noMentor}</Badge>
        )}
      </div>
      {extras && (
        <div className="small">
          <span>{t.nextSessions}: </span>
          {sessions.length === 0 ? (
            <span className="muted">{t.noSessions}</span>
          ) : (
            <ul className="sessions">
              {sessions.map((s) => (
                <li key={s.id}>
                  <time dateTime={s.start}>{formatDateTime(s.start, lang)}</time> — {s.topic}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <EligibilityWarning startup={extras?.startups.get(row.startup.id)} today={today} />
    </article>
  );
}

/** Milestones of the cohort's startups, read after the board, one startup again when it changes. */
function useMilestoneHistory(cohortId: string, startupIds: readonly string[], refreshKey: number, touched: { startupId: string; n: number } | null) {
  const [byStartup, setByStartup] = useState<Map<string, Milestone[]>>();
  const [error, setError] = useState<unknown>();
  const idsKey = startupIds.join(',');
  // The milestones list takes no paging parameters: one startup's are few.
  const read = useCallback((startupId: string) => api.get<ListPage<Milestone>>('/api/v1/milestones', { cohortId, startupId }).then((page) => page.items), [cohortId]);

  useEffect(() => {
    if (!idsKey) return;
    let active = true;
    const ids = idsKey.split(',');
    Promise.all(ids.map(read)).then(
      (lists) => active && (setByStartup(new Map(ids.map((id, i) => [id, lists[i] ?? []]))), setError(undefined)),
      (failure: unknown) => active && setError(failure),
    );
    return () => {
      active = false;
    };
  }, [idsKey, read, refreshKey]);

  useEffect(() => {
    if (!touched) return;
    let active = true;
    read(touched.startupId).then(
      (list) => active && setByStartup((current) => current && new Map(current).set(touched.startupId, list)),
      () => {},
    );
    return () => {
      active = false;
    };
  }, [touched, read]);

  return { byStartup: idsKey ? byStartup : new Map<string, Milestone[]>(), error };
}

function ProgressSection({ board, refreshKey, touched }: { board: Board; refreshKey: number; touched: { startupId: string; n: number } | null }) {
  const t = useT();
  const { lang } = useLang();
  const ids = useMemo(() => board.admissions.filter((r) => r.status === 'active' || r.status === 'graduated').map((r) => r.startup.id), [board.admissions]);
  const { byStartup, error } = useMilestoneHistory(board.cohort.id, ids, refreshKey, touched);
  const series = useMemo(
    () => byStartup && progressSeries([...byStartup.values()].flat(), board.cohort.startsOn, board.cohort.endsOn, board.today),
    [byStartup, board.cohort.startsOn, board.cohort.endsOn, board.today],
  );
  return (
    <section className="card chart-section" aria-labelledby="chart-title">
      <h2 id="chart-title">{t.chart}</h2>
      {error ? <ErrorAlert error={error} /> : null}
      {!series ? (
        !error && <Loading />
      ) : (
        <>
          <ProgressChart series={series} label={t.chartLabel(series.done.at(-1) ?? 0, series.expected)} />
          <p className="muted small">{t.chartNote}</p>
          <details>
            <summary>{t.chartTable}</summary>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.week}</th>
                    <th scope="col">{t.done}</th>
                    <th scope="col">{t.due}</th>
                  </tr>
                </thead>
                <tbody>
                  {series.days.map((day, i) => (
                    <tr key={day}>
                      <td>{formatDate(day, lang)}</td>
                      <td>{series.done[i]}</td>
                      <td>{series.due[i]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}

/** The board page of one cohort; `switcher` (on /board) picks another of the user's cohorts. */
export function CohortBoard({ cohortId, switcher }: { cohortId: string; switcher?: ReactNode }) {
  const t = useT();
  const { lang } = useLang();
  const [refreshKey, setRefreshKey] = useState(0);
  const [touched, setTouched] = useState<{ startupId: string; n: number } | null>(null);
  const extrasReload = useRef<() => void>(() => {});
  const extrasTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const resynced = useRef(0);

  const { board, error, load } = useLiveBoard(
    cohortId,
    () => {
      // The first join comes with the first paint; later ones (after a gap or a reconnect) may have missed changes anywhere.
      if (resynced.current++ > 0) {
        setRefreshKey((k) => k + 1);
        extrasReload.current();
      }
    },
    (startupId) => setTouched((prev) => ({ startupId, n: (prev?.n ?? 0) + 1 })),
    () => {
      // Sessions, mentorships and eligibility come in bursts: their lists are read once per burst.
      clearTimeout(extrasTimer.current);
      extrasTimer.current = setTimeout(() => extrasReload.current(), 400);
    },
  );
  useEffect(() => () => clearTimeout(extrasTimer.current), []);
  const today = board?.today ?? dayInZone(new Date());
  const extras = useLoad(board ? () => loadExtras(today) : null, [cohortId, board !== undefined]);
  extrasReload.current = extras.reload;

  const active = board?.admissions.filter((r) => r.status === 'active') ?? [];
  const others = board?.admissions.filter((r) => r.status !== 'active') ?? [];

  return (
    <Page title={board?.cohort.name ?? t.title} actions={<LiveIndicator announce={false} />}>
      <CohortNav cohortId={cohortId} />
      {switcher}
      {!board ? (
        error ? (
          <div>
            <ErrorAlert error={error} />
            <button type="button" onClick={load}>
              {t.retry}
            </button>
          </div>
        ) : (
          <Loading />
        )
      ) : (
        <>
          {error ? <ErrorAlert error={error} /> : null}
          <section className="card totals" aria-labelledby="totals-title">
            <h2 id="totals-title">{t.totals}</h2>
            <p className="muted small">{t.dates(formatDate(board.cohort.startsOn, lang), formatDate(board.cohort.endsOn, lang))}</p>
            <div className="progress-line">
              <span>{t.overall}</span>
              <div className="progress" role="progressbar" aria-label={t.overall} aria-valuemin={0} aria-valuemax={100} aria-valuenow={board.totals.progress ?? 0}>
                <span style={{ width: `${board.totals.progress ?? 0}%` }} />
              </div>
              <strong className="percent" data-testid="total-progress">
                {board.totals.progress === null ? '—' : `${board.totals.progress}%`}
              </strong>
            </div>
            <div className="row">
              <Badge tone="info">{t.activeStartups(board.totals.admissions.active)}</Badge>
              <Badge tone={board.totals.overdue ? 'danger' : 'ok'}>{t.overdueTotal(board.totals.overdue)}</Badge>
            </div>
            <p className="muted small">{t.counts(board.totals.milestones)}</p>
          </section>
          {extras.error ? (
            <div className="notice">
              <p>{t.extrasFailed}</p>
              <button type="button" onClick={extras.reload}>
                {t.retry}
              </button>
            </div>
          ) : null}
          <section aria-labelledby="startups-title">
            <h2 id="startups-title">{t.startups}</h2>
            {active.length === 0 ? (
              <Empty>{t.noStartups}</Empty>
            ) : (
              <div className="grid board-grid">
                {active.map((row) => (
                  <StartupCard key={row.admissionId} row={row} extras={extras.data} today={board.today} />
                ))}
              </div>
            )}
          </section>
          {others.length > 0 && (
            <section aria-labelledby="left-title">
              <h2 id="left-title">{t.left}</h2>
              <div className="grid board-grid">
                {others.map((row) => (
                  <StartupCard key={row.admissionId} row={row} extras={extras.data} today={board.today} />
                ))}
              </div>
            </section>
          )}
          <ProgressSection board={board} refreshKey={refreshKey} touched={touched} />
        </>
      )}
    </Page>
  );
}
