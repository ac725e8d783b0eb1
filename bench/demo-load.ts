/**
 * Suite `demo-load`: HTTP throughput at the demo programme's size, relative
 * to a bare Express JSON endpoint measured in the same run.
 *
 * Runway (bench/serve-runway.ts: demo data, embedded database, a fresh
 * temporary folder) and the bare app (bench/serve-bare.ts) each run in a
 * child process; autocannon drives them from this process with 50
 * connections, a 2 s warm-up and then BENCH_SECONDS (default 10) of
 * measurement per scenario. Every request carries the demo manager's
 * bearer token, the bare ones too, so requests are the same size. The bare
 * scenario runs first and last; the mean of the two is the baseline.
 */
import autocannon from 'autocannon';
import { startChildServer, type ChildServer, type PeakRss } from './child-server.js';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;

/** The issue's targets: share of the bare endpoint's throughput. */
const TARGETS: Record<string, number> = { me: 0.3, mentors: 0.08, board: 0.06 };

interface DemoReady {
  ready: true;
  url: string;
  token: string;
  cohortId: string;
  database: string;
  dataDir: string;
}

interface BareReady {
  ready: true;
  url: string;
}

interface Scenario {
  name: string;
  server: 'bare' | 'runway';
  path: string;
}

export interface ScenarioFigures {
  name: string;
  request: string;
  responseBytes: number;
  seconds: number;
  requests: number;
  perSecond: number;
  perSecondStddev: number;
  latencyMs: { mean: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  ratioToBare?: number;
  target?: number;
  verdict?: 'PASS' | 'BELOW';
}

export interface DemoLoadResult {
  database: string;
  figures: Record<string, unknown>;
}

export async function runDemoLoad(): Promise<DemoLoadResult> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  if (!(seconds > 0)) throw new Error(`BENCH_SECONDS must be a positive number of seconds, not ${process.env.BENCH_SECONDS}`);

  const children: ChildServer<{ ready: true }>[] = [];
  try {
    console.log('starting the bare Express app and Runway with the demo data (child processes)…');
    const startedAt = performance.now();
    const [b, d] = await Promise.allSettled([
      startChildServer<BareReady>('./serve-bare.ts'),
      startChildServer<DemoReady>('./serve-runway.ts', { cleanupDir: (ready) => ready.dataDir }),
    ]);
    if (b.status === 'fulfilled') children.push(b.value);
    if (d.status === 'fulfilled') children.push(d.value);
    if (b.status === 'rejected') throw b.reason;
    if (d.status === 'rejected') throw d.reason;
    const [bare, runway] = [b.value, d.value];
    console.log(`ready in ${Math.round(performance.now() - startedAt)} ms: bare ${bare.ready.url} (pid ${bare.pid}), runway ${runway.ready.url} (pid ${runway.pid}, ${runway.ready.database})`);

    const { token, cohortId } = runway.ready;
    const headers = { authorization: `Bearer ${token}` };
    const scenarios: Scenario[] = [
      { name: 'bareFirst', server: 'bare', path: '/bare' },
      { name: 'me', server: 'runway', path: '/api/v1/me' },
      { name: 'mentors', server: 'runway', path: '/api/v1/mentors?limit=20' },
      { name: 'board', server: 'runway', path: `/api/v1/cohorts/${cohortId}/board` },
      { name: 'bareLast', server: 'bare', path: '/bare' },
    ];

    const measured: ScenarioFigures[] = [];
    for (const scenario of scenarios) {
      const base = scenario.server === 'bare' ? bare.ready.url : runway.ready.url;
      const url = `${base}${scenario.path}`;
      const probe = await fetch(url, { headers });
      const probeBody = await probe.arrayBuffer();
      if (!probe.ok) console.warn(`warning: GET ${scenario.path} answered ${probe.status} before the run: ${Buffer.from(probeBody).toString('utf8').slice(0, 200)}`);
      process.stdout.write(`${scenario.name.padEnd(10)} GET ${scenario.path} … `);
      await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_SECONDS });
      const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
      const figures = summarise(scenario, result, probeBody.byteLength);
      measured.push(figures);
      console.log(`${figures.perSecond} req/s, p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms${figures.non2xx || figures.errors ? `, NON-2XX ${figures.non2xx}, ERRORS ${figures.errors}` : ''}`);
    }

    const [bareFirst, bareLast] = [measured[0]!, measured[measured.length - 1]!];
    const baselinePerSecond = round2((bareFirst.perSecond + bareLast.perSecond) / 2);
    for (const figures of measured) {
      figures.ratioToBare = round4(figures.perSecond / baselinePerSecond);
      const target = TARGETS[figures.name];
      if (target !== undefined) {
        figures.target = target;
        figures.verdict = figures.ratioToBare >= target ? 'PASS' : 'BELOW';
      }
    }

    const serverPeakRss: Record<string, PeakRss> = { runway: await runway.peakRss(), bare: await bare.peakRss() };
    printTable(measured, baselinePerSecond, serverPeakRss);

    const notHealthy = measured.filter((f) => f.non2xx > 0 || f.errors > 0);
    if (notHealthy.length > 0) console.warn(`warning: non-2xx answers or errors in ${notHealthy.map((f) => f.name).join(', ')}: see statusCodes in the JSON`);

    return {
      database: runway.ready.database,
      figures: {
        connections: CONNECTIONS,
        warmupSeconds: WARMUP_SECONDS,
        seconds,
        loadGenerator: 'autocannon (this process); servers in child processes',
        baseline: {
          perSecond: baselinePerSecond,
          how: 'mean of the bare GET /bare scenario run first and last (bareFirst, bareLast); ratioToBare = perSecond / baseline.perSecond',
        },
        targets: TARGETS,
        serverPeakRss,
        rssNote: 'rssMiB is the bench process (load generator); serverPeakRss is VmHWM of each child server and its descendants',
        scenarios: Object.fromEntries(measured.map((f) => [f.name, f])),
      },
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}

function summarise(scenario: Scenario, result: autocannon.Result, responseBytes: number): ScenarioFigures {
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0;
  return {
    name: scenario.name,
    request: `GET ${scenario.path}`,
    responseBytes,
    seconds: result.duration,
    requests: result.requests.total,
    perSecond: round2(result.requests.average),
    perSecondStddev: round2(result.requests.stddev),
    latencyMs: {
      mean: round2(result.latency.average),
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}

function printTable(measured: ScenarioFigures[], baseline: number, rss: Record<string, PeakRss>): void {
  const rows = measured.map((f) => [
    f.name,
    f.perSecond.toFixed(0),
    String(f.latencyMs.p50),
    String(f.latencyMs.p97_5),
    String(f.latencyMs.p99),
    String(f.non2xx),
    String(f.errors),
    `${((f.ratioToBare ?? 0) * 100).toFixed(1)}%`,
    f.target === undefined ? '' : `≥ ${(f.target * 100).toFixed(0)}%`,
    f.verdict ?? '',
  ]);
  const header = ['scenario', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'non-2xx', 'errors', 'of bare', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  console.log();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`baseline (mean of bareFirst and bareLast): ${baseline.toFixed(0)} req/s, ${CONNECTIONS} connections`);
  for (const [server, peak] of Object.entries(rss)) {
    console.log(`peak RSS ${server}: ${peak.totalMiB} MiB (${peak.processes.map((p) => `${p.name} ${p.pid}: ${p.peakMiB}`).join(', ')})`);
  }
  console.log();
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10000) / 10000;
