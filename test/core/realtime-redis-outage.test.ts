/**
 * The live server's Redis clients while Redis is away (a real `redis-server`,
 * killed): live events held for the other processes are capped, delivery
 * resumes once Redis is back, and closing does not wait for Redis.
 */
import { expect } from 'chai';
import { pino } from 'pino';
import { createClient } from 'redis';
import { startRealtime, type Realtime } from '../../server/core/realtime/socket-server.js';
import { freePort } from '../helpers/process.js';
import { startTestRedis, type TestRedis } from '../helpers/redis.js';
import { until, wait } from '../helpers/until.js';

describe('live events while Redis is away', function () {
  this.timeout(30_000);
  let redis: TestRedis;
  let realtime: Realtime | undefined;
  let logs: Array<{ level: number; msg: string; dropped?: number }>;

  beforeEach(async () => {
    logs = [];
    redis = await startTestRedis(await freePort());
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) });
    realtime = await startRealtime(undefined, {
      findActiveUser: async () => undefined,
      mayJoin: async () => false,
      logger,
      redisUrl: redis.url,
      publishBacklog: 2,
    });
  });
  afterEach(async () => {
    await realtime?.close();
    await redis.stop();
  });

  const shout = (n: number) => realtime!.io.to('cohort:outage').emit('server.shutdown', { code: 'shutting_down', detail: `event ${n}` });
  const redisErrors = () => logs.filter((line) => line.msg === 'redis error').length;
  /** Both clients have lost Redis once they have each failed to reconnect a few times. */
  const redisGone = () => until(() => `the clients notice Redis is gone; the log's last lines: ${JSON.stringify(logs.slice(-3))}`, () => redisErrors() >= 6, 10_000);

  it('holds at most the backlog for the other processes, drops the rest saying so, and delivers again once Redis is back', async () => {
    const port = Number(new URL(redis.url).port);
    await redis.kill();
    await redisGone();

    for (let n = 1; n <= 5; n++) shout(n);
    expect(logs.filter((line) => /piling up/.test(line.msg)), 'one warning per outage').to.have.length(1);

    redis = await startTestRedis(port);
    await until('the publisher reconnects and counts what it dropped', () => logs.some((line) => /^redis is back/.test(line.msg)), 10_000);
    expect(logs.find((line) => /^redis is back/.test(line.msg))?.dropped).to.equal(3);

    // A process subscribed now hears events again.
    const listener = createClient({ url: redis.url });
    await listener.connect();
    const heard: string[] = [];
    await listener.pSubscribe('socket.io#*', (message) => void heard.push(message));
    try {
      await until('a new event reaches Redis', () => {
        shout(6);
        return heard.length > 0;
      }, 5_000);
    } finally {
      await listener.close();
    }
  });

  it('closes at once while Redis is away, and its clients stop trying to reconnect', async () => {
    await redis.kill();
    await redisGone();
    shout(1);

    const since = Date.now();
    await realtime!.close();
    realtime = undefined;
    // A client may look ready for a moment after Redis went away: closing waits for it 1 s at most.
    expect(Date.now() - since, 'close took').to.be.below(1_500);

    const errorsAtClose = redisErrors();
    await wait(1_500);
    expect(redisErrors(), 'reconnection attempts after close').to.equal(errorsAtClose);
  });
});
