/**
 * Login rate limits across processes (decision 019): two Runway processes
 * behind one real `redis-server` share one count, so failed logins spread
 * over both hit the limit at the configured total — not at twice it. When
 * Redis goes away each process keeps answering, counting on its own.
 * Without REDIS_URL the counts stay in memory.
 */
import { expect } from 'chai';
import { createClient } from 'redis';
import { startRunwayProcess, type RunwayProcess } from '../../helpers/process.js';
import { expectProblem } from '../../helpers/problems.js';
import { startTestRedis, type TestRedis } from '../../helpers/redis.js';
import { registerUser, sendRequest, startTestRunway, type TestResponse, type TestRunway } from '../../helpers/runway.js';

const LIMIT = 4;

describe('login rate limits shared through Redis by two processes', function () {
  this.timeout(90_000);
  let redis: TestRedis;
  let processA: TestRunway;
  let processB: RunwayProcess;

  before(async () => {
    redis = await startTestRedis();
    const env = { REDIS_URL: redis.url, LOGIN_RATE_LIMIT: String(LIMIT), LOGIN_RATE_WINDOW_SECONDS: '120' };
    processA = await startTestRunway(env);
    processB = await startRunwayProcess(processA.context.config.DB_NAME, env);
  });
  after(async () => {
    await processB?.stop();
    await processA?.stop();
    await redis?.stop();
  });

  const login = (url: string, email: string, password: string): Promise<TestResponse> =>
    sendRequest(url, 'POST', '/api/v1/auth/login', { body: { email, password } });

  it(`failed logins alternating between the processes hit the limit at ${LIMIT} in total, answered 429 problem with Retry-After by both`, async () => {
    expect(processA.context.rateLimits.store).to.equal('redis');
    const user = await registerUser(processA);
    const urls = [processA.url, processB.url];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await login(urls[i % 2]!, user.email, 'wrong password!')).status);
    expect(statuses, 'each process alone has seen only half the limit').to.deep.equal(Array.from({ length: LIMIT }, () => 401));

    for (const url of urls) {
      // Even the right password: the account is locked for the window from this address.
      const blocked = await login(url, user.email, user.password);
      expectProblem(blocked, 429, 'too_many_requests');
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter, url).to.be.greaterThan(0).and.at.most(120);
      expect(blocked.headers.get('ratelimit-policy'), url).to.include(`${LIMIT}`);
    }
  });

  it('successful logins are not counted, in either process', async () => {
    const user = await registerUser(processA);
    for (let i = 0; i < LIMIT + 2; i++) expect((await login(i % 2 ? processB.url : processA.url, user.email, user.password)).status).to.equal(200);
    expect((await login(processB.url, user.email, 'wrong password!')).status).to.equal(401);
  });

  it('the counts live in Redis, under the deployment’s prefix, and expire with the window', async () => {
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys('runway:rate-limit:*');
      expect(keys.some((key) => key.startsWith('runway:rate-limit:login:'))).to.equal(true);
      expect(keys.some((key) => key.startsWith('runway:rate-limit:ip:'))).to.equal(true);
      for (const key of keys) expect(await client.pTTL(key), key).to.be.within(1, 120_000);
    } finally {
      client.destroy();
    }
  });

  it('with Redis connected but silent (paused), each login is still answered within a few seconds', async () => {
    redis.pause();
    try {
      const email = `paused-${Date.now()}@example.vn`;
      for (let i = 0; i < 2; i++) {
        const started = Date.now();
        const status = (await login(processA.url, email, 'wrong password!')).status;
        expect(status).to.equal(401);
        expect(Date.now() - started, 'a login waited on a silent Redis').to.be.below(3000);
      }
    } finally {
      redis.resume();
    }
  });

  it('with Redis gone, logins are still answered (each process counting on its own), never a 500 or a hang', async () => {
    await redis.stop();
    const email = `nobody-${Date.now()}@example.vn`;
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await login(processA.url, email, 'wrong password!')).status);
    expect(Date.now() - started).to.be.below(10_000);
    expect(statuses).to.deep.equal([...Array.from({ length: LIMIT }, () => 401), 429]);
  });
});

describe('login rate limits without Redis', () => {
  let runway: TestRunway;
  before(async () => {
    runway = await startTestRunway({ LOGIN_RATE_LIMIT: '2' });
  });
  after(() => runway.stop());

  it('stay in the process’s memory', async () => {
    expect(runway.context.rateLimits.store).to.equal('memory');
    const user = await registerUser(runway);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await runway.http('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'wrong password!' } })).status);
    expect(statuses).to.deep.equal([401, 401, 429]);
  });
});
