/**
 * `npm run bench -- sessions`: Runway in a child process (bench/serve-runway.ts,
 * BENCH_WORLD=sessions: a fresh temporary folder, embedded database, jobs
 * polled every second), so the load generator does not share its event loop:
 *
 * - booking: 50 concurrent clients book the free slots of 20 mentors (no
 *   buffers, so neighbouring slots do not collide) over HTTP (keep-alive),
 *   each slot asked for twice (so half the attempts must lose), then the
 *   sessions are checked for any slot taken twice or any overlap; the
 *   throughput (attempts per second) is set against plain `insertOne`
 *   throughput at the same concurrency on the same database, in the same
 *   run (target ≥ 0.25, zero double bookings). Both are timed warm: 800
 *   attempts on later slots and 800 inserts first, then the baseline just
 *   before and just after the booking, their mean the divisor;
 * - reminders: BENCH_REMINDERS (10,000) sessions whose 1 h reminders fall
 *   due uniformly over BENCH_REMINDER_SECONDS (300), swept by the server's
 *   worker (poll every 1 s): every one delivered once, p99 lateness ≤ the
 *   poll interval + 2 s.
 */
import { Agent } from 'node:http';
import { MongoClient, ObjectId, type Db } from 'mongodb';
import { sendKeepAlive } from './bench-http.js';
import { startChildServer } from './child-server.js';
import type { SessionsWorld } from './sessions-world.js';

const POLL_MS = 1000;
const round2 = (n: number) => Math.round(n * 100) / 100;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const HOUR = 3_600_000;

async function concurrently(count: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await call(next++);
    }),
  );
  return count / ((performance.now() - startedAt) / 1000);
}

interface Ready {
  ready: true;
  url: string;
  world: SessionsWorld;
  dbUri: string;
  dbName: string;
  database: string;
  dataDir: string;
}

/** A keep-alive HTTP client, as a browser or a load generator holds its connections. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
async function send(baseUrl: string, method: string, p: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const { status, text } = await sendKeepAlive(agent, new URL(p, baseUrl), method, token, body);
  return { status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Both sides of the ratio are timed on a warm server: a fresh JVM compiles for its first seconds (a cold run spent about 0.4 of a core on C2 during booking), and so does V8. */
const WARM_UP_SLOTS_PER_MENTOR = 20;
const MEASURED_SLOTS_PER_MENTOR = 50;

type Attempt = { mentorId: string; start: string };

/** Each slot asked for twice, in an order that spreads the mentors (so half the attempts must lose). */
function twice(pairs: Attempt[]): Attempt[] {
  return pairs
    .flatMap((pair, i) => [{ pair, order: i * 2 }, { pair, order: (i * 7919) % (pairs.length * 2) }])
    .sort((a, b) => a.order - b.order)
    .map(({ pair }) => pair);
}

async function book(ready: Ready, attempts: Attempt[]) {
  const w = ready.world;
  const outcome = { created: 0, conflicts: 0, other: 0, codes: {} as Record<string, number> };
  const perSecond = await concurrently(attempts.length, 50, async (i) => {
    const pair = attempts[i]!;
    const response = await send(ready.url, 'POST', '/api/v1/sessions', w.founderToken, {
      startupId: w.startupId,
      mentorId: pair.mentorId,
      start: pair.start,
      mode: 'online',
      link: 'https://meet.example.vn/bench',
      topic: 'Bench',
    });
    if (response.status === 201) outcome.created++;
    else if (response.status === 409) {
      outcome.conflicts++;
      const code = String(response.body.code);
      outcome.codes[code] = (outcome.codes[code] ?? 0) + 1;
    } else outcome.other++;
  });
  return { perSecond, outcome };
}

async function booking(ready: Ready, db: Db) {
  const w = ready.world;
  const measured: Attempt[] = [];
  const warmUp: Attempt[] = [];
  for (const mentorId of w.mentorIds) {
    const slots = await send(ready.url, 'GET', `/api/v1/mentors/${mentorId}/slots`, w.founderToken);
    const starts = (slots.body.items as Array<{ start: string }>).map((slot) => slot.start);
    measured.push(...starts.slice(0, MEASURED_SLOTS_PER_MENTOR).map((start) => ({ mentorId, start })));
    warmUp.push(...starts.slice(MEASURED_SLOTS_PER_MENTOR, MEASURED_SLOTS_PER_MENTOR + WARM_UP_SLOTS_PER_MENTOR).map((start) => ({ mentorId, start })));
  }
  const scratch = db.collection('bench_inserts');
  const inserts = (count: number) => concurrently(count, 50, (i) => scratch.insertOne({ n: i, mentorId: new ObjectId(), start: new Date(), topic: 'Bench' }));

  const warm = await book(ready, twice(warmUp));
  await inserts(2 * warmUp.length);
  const attempts = twice(measured);
  const insertsBefore = await inserts(attempts.length);
  const { perSecond, outcome } = await book(ready, attempts);
  const insertsAfter = await inserts(attempts.length);
  await scratch.drop();

  // Zero double bookings: no two held sessions of a mentor overlap.
  const held = await db.collection('sessions').find({ status: { $in: ['pending', 'scheduled'] } }, { projection: { mentorId: 1, start: 1, end: 1 } }).toArray();
  const byMentor = new Map<string, Array<{ start: number; end: number }>>();
  for (const s of held) byMentor.set(String(s.mentorId), [...(byMentor.get(String(s.mentorId)) ?? []), { start: (s.start as Date).getTime(), end: (s.end as Date).getTime() }]);
  let doubleBookings = 0;
  for (const list of byMentor.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let k = 1; k < list.length; k++) if (list[k]!.start < list[k - 1]!.end) doubleBookings++;
  }

  // The baseline timed just before and just after the booking, on the same warm database; their mean.
  const insertsPerSecond = (insertsBefore + insertsAfter) / 2;
  const ratio = round2(perSecond / insertsPerSecond);
  const pass = doubleBookings === 0 && outcome.other === 0 && warm.outcome.other === 0 && ratio >= 0.25;
  console.log(
    `booking        warm-up ${2 * warmUp.length} attempts at ${round2(warm.perSecond)}/s; then ${attempts.length} attempts on ${measured.length} slots at 50 clients: ${round2(perSecond)}/s (${outcome.created} booked, ${outcome.conflicts} × 409 ${JSON.stringify(outcome.codes)}, ${outcome.other} other); insertOne ${round2(insertsBefore)}/s before, ${round2(insertsAfter)}/s after; ratio ${ratio}; double bookings ${doubleBookings} (target ≥ 0.25, 0) ${pass ? 'PASS' : 'BELOW'}`,
  );
  return {
    attempts: attempts.length,
    slots: measured.length,
    clients: 50,
    perSecond: round2(perSecond),
    ...outcome,
    warmUp: { attempts: 2 * warmUp.length, perSecond: round2(warm.perSecond), ...warm.outcome },
    insertOnePerSecond: round2(insertsPerSecond),
    insertOneBeforeAfter: [round2(insertsBefore), round2(insertsAfter)],
    ratio,
    doubleBookings,
    target: { ratio: 0.25, doubleBookings: 0 },
    pass,
  };
}

async function reminders(ready: Ready, db: Db) {
  const w = ready.world;
  const count = Number(process.env.BENCH_REMINDERS ?? 10_000);
  const seconds = Number(process.env.BENCH_REMINDER_SECONDS ?? 300);
  const mentorship = await db.collection('mentorships').findOne({ status: 'active' });
  if (!mentorship) throw new Error('no mentorship to hang the sessions on');
  // Sessions written as booking stores them (booking is the other half of this bench), each with its 1 h reminder due.
  const firstDue = Date.now() + 30_000; // after they are written
  const dueOf = (i: number) => firstDue + Math.floor((i * seconds * 1000) / count);
  const sessions = Array.from({ length: count }, (_, i) => {
    const start = new Date(dueOf(i) + HOUR);
    return {
      _id: new ObjectId(),
      mentorId: mentorship.mentorId,
      mentorUserId: mentorship.mentorUserId,
      startupId: mentorship.startupId,
      mentorshipId: mentorship._id,
      bookedBy: new ObjectId(w.founderId),
      start,
      end: new Date(start.getTime() + HOUR),
      month: start.toISOString().slice(0, 7),
      mode: 'online',
      link: 'https://meet.example.vn/bench',
      topic: 'Bench',
      status: 'scheduled',
      due: { remind1h: new Date(dueOf(i)) },
      createdAt: new Date(),
      updatedAt: new Date(),
    };
  });
  const writtenAt = performance.now();
  for (let from = 0; from < count; from += 1000) await db.collection('sessions').insertMany(sessions.slice(from, from + 1000));
  console.log(`reminders      ${count} sessions written in ${Math.round(performance.now() - writtenAt)} ms; due from ${new Date(firstDue).toISOString()} over ${seconds} s…`);

  const deadline = firstDue + seconds * 1000 + 120_000;
  const teamKey = (id: string) => `session.reminder.1h:${id}:team:${w.founderId}`;
  const told = () => db.collection('notifications').countDocuments({ kind: 'session.reminder', dedupeKey: { $regex: ':team:' } });
  let last = -1;
  while (Date.now() < deadline) {
    const now = await told();
    if (now >= count) break;
    if (Math.floor(now / 1000) !== Math.floor(last / 1000)) console.log(`  ${now} told…`);
    last = now;
    await new Promise((r) => setTimeout(r, 2000));
  }
  const notices = await db.collection('notifications').find({ kind: 'session.reminder', dedupeKey: { $regex: ':team:' } }, { projection: { dedupeKey: 1, createdAt: 1 } }).toArray();
  const createdBy = new Map(notices.map((n) => [String(n.dedupeKey), (n.createdAt as Date).getTime()]));
  const lateness: number[] = [];
  let missing = 0;
  sessions.forEach((s, i) => {
    const at = createdBy.get(teamKey(s._id.toHexString()));
    if (at === undefined) missing++;
    else lateness.push(at - dueOf(i));
  });
  // Each notice is keyed (session, kind, reader): a key seen twice would be a double delivery.
  const keys = await db.collection('notifications').find({ kind: 'session.reminder' }, { projection: { dedupeKey: 1 } }).toArray();
  const duplicates = keys.length - new Set(keys.map((k) => String(k.dedupeKey))).size;
  lateness.sort((a, b) => a - b);
  const figures = {
    reminders: count,
    overSeconds: seconds,
    pollMs: POLL_MS,
    delivered: lateness.length,
    missing,
    duplicates,
    latenessMs: { p50: percentile(lateness, 50) ?? null, p99: percentile(lateness, 99) ?? null, max: lateness.at(-1) ?? null },
    target: { p99LatenessMs: POLL_MS + 2000 },
  };
  const pass = missing === 0 && figures.duplicates === 0 && (figures.latenessMs.p99 ?? Infinity) <= POLL_MS + 2000;
  console.log(`reminders      ${figures.delivered}/${count} delivered, ${figures.duplicates} duplicates; lateness p50 ${figures.latenessMs.p50} ms, p99 ${figures.latenessMs.p99} ms, max ${figures.latenessMs.max} ms (target p99 ≤ ${POLL_MS + 2000}) ${pass ? 'PASS' : 'BELOW'}`);
  return { ...figures, pass };
}

export async function runSessionsBench(): Promise<{ database: string; figures: Record<string, unknown> }> {
  const server = await startChildServer<Ready>('./serve-runway.ts', {
    env: { ...process.env, BENCH_WORLD: 'sessions', BENCH_POLL_MS: String(POLL_MS) },
    cleanupDir: (ready) => ready.dataDir,
  });
  const client = await MongoClient.connect(server.ready.dbUri, { directConnection: true });
  try {
    const db = client.db(server.ready.dbName);
    const bookingFigures = await booking(server.ready, db);
    const reminderFigures = await reminders(server.ready, db);
    return { database: server.ready.database, figures: { booking: bookingFigures, reminders: reminderFigures, peakRss: await server.peakRss() } };
  } finally {
    await client.close();
    agent.destroy();
    await server.stop();
  }
}
