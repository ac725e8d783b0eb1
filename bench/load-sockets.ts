/**
 * The live clients of `npm run bench -- load`, in a child process of their
 * own so that their events do not load the load generator's event loop:
 * opens one socket.io connection (websocket) per entry of the plan file
 * BENCH_SOCKETS_PLAN (JSON `{ url, sockets: [{ token, room }] }`), joins each
 * to its room, prints `{"ready":true,"sockets":…,"joined":…,"ms":…}` and then
 * writes its counts to BENCH_SOCKETS_STATS every second (`connected`,
 * `events` received, `disconnects`, and `lag`: room events by how long after
 * their `occurredAt` they arrived, in buckets of `lagBucketMs`). Stops on SIGTERM, SIGINT or the end of
 * stdin (`--until-stdin-closes`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { io as connect, type Socket } from 'socket.io-client';
import { stopWhenAsked } from './serve-lifecycle.js';

interface Plan {
  url: string;
  sockets: Array<{ token: string; room: string }>;
}

const plan = JSON.parse(await readFile(process.env.BENCH_SOCKETS_PLAN!, 'utf8')) as Plan;
const statsFile = process.env.BENCH_SOCKETS_STATS!;
const sockets: Socket[] = [];
/** Lag of room events (receipt − the event's `occurredAt`, both this machine's clock), counted by 10 ms bucket up to 60 s (the last bucket holds the rest). */
const LAG_BUCKET_MS = 10;
const counts = { connected: 0, events: 0, disconnects: 0, byEvent: {} as Record<string, number>, lagBucketMs: LAG_BUCKET_MS, lag: new Array<number>(6001).fill(0) };

stopWhenAsked(() => {
  for (const socket of sockets) socket.close();
  process.exit(0);
});

const startedAt = performance.now();
let joined = 0;
for (let batch = 0; batch < plan.sockets.length; batch += 50) {
  await Promise.all(
    plan.sockets.slice(batch, batch + 50).map(async ({ token, room }) => {
      const socket = connect(plan.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
      sockets.push(socket);
      socket.onAny((event: string, payload?: { occurredAt?: string }) => {
        counts.events += 1;
        if (typeof payload?.occurredAt === 'string') counts.lag[Math.min(6000, Math.floor(Math.max(0, Date.now() - Date.parse(payload.occurredAt)) / LAG_BUCKET_MS))]! += 1;
        counts.byEvent[event] = (counts.byEvent[event] ?? 0) + 1;
      });
      socket.on('disconnect', () => {
        counts.connected -= 1;
        counts.disconnects += 1;
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      counts.connected += 1;
      const ack = (await socket.timeout(10_000).emitWithAck('room.join', room)) as { ok: boolean; code?: string };
      if (!ack.ok) throw new Error(`join ${room} refused: ${ack.code}`);
      joined += 1;
    }),
  );
}
const ms = Math.round(performance.now() - startedAt);

const writeStats = () => writeFile(statsFile, JSON.stringify({ ...counts, joined, at: Date.now() })).catch(() => {});
await writeStats();
setInterval(() => void writeStats(), 1000);
process.stdout.write(`${JSON.stringify({ ready: true, sockets: sockets.length, joined, ms })}\n`);
