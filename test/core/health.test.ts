import { expect } from 'chai';
import { startEmbeddedDb, type EmbeddedDb } from '../../server/core/db/embedded/launcher.js';
import { startTestRunway, type TestRunway } from '../helpers/runway.js';
import { expectProblem } from '../helpers/problems.js';
import { MongoBulkWriteError, MongoNetworkError, type BulkWriteResult } from 'mongodb';
import { isDatabaseUnavailable } from '../../server/core/http/problem.js';

async function pollStatus(runway: TestRunway, path: string, want: number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  let status = 0;
  while (Date.now() < deadline) {
    status = (await runway.http('GET', path)).status;
    if (status === want) return status;
    await new Promise((r) => setTimeout(r, 200));
  }
  return status;
}

describe('health: /healthz and /readyz', () => {
  // This file owns a database server so that it can stop and restart it.
  let db: EmbeddedDb;
  let runway: TestRunway;

  before(async () => {
    db = await startEmbeddedDb({ storage: 'memory' });
    runway = await startTestRunway({ MONGODB_URI: db.connectionUri });
  });
  after(async () => {
    await runway.stop();
    await db.stop();
  });

  it('GET /healthz → 200 while the process is up', async () => {
    const response = await runway.http('GET', '/healthz');
    expect(response.status).to.equal(200);
    expect(response.body.status).to.equal('ok');
  });

  it('GET /readyz → 200 with the database and job worker ok', async () => {
    const response = await runway.http('GET', '/readyz');
    expect(response.status).to.equal(200);
    expect(response.body.checks).to.deep.equal({ database: 'ok', jobs: 'ok' });
  });

  it('GET /readyz → 503 problem while the database is stopped, 200 again after it restarts', async () => {
    await db.stop();
    const down = await runway.http('GET', '/readyz');
    expectProblem(down, 503, 'not_ready');
    expect(down.body.checks.database).to.be.oneOf(['unavailable', 'timeout']);
    expect(down.text, 'no driver wording for anonymous callers').not.to.match(/mongo|ECONNREFUSED|127\.0\.0\.1/i);
    expect((await runway.http('GET', '/healthz')).status, 'liveness must not depend on the database').to.equal(200);

    await db.restart();
    expect(await pollStatus(runway, '/readyz', 200, 15_000)).to.equal(200);
  });

  it('an API call while the database is down is a 503 problem, not a 500', async () => {
    await db.stop();
    try {
      const response = await runway.http('POST', '/api/v1/auth/login', { body: { email: 'lan@example.vn', password: 'whatever-123' } });
      expectProblem(response, 503, 'database_unavailable');
    } finally {
      await db.restart();
      await pollStatus(runway, '/readyz', 200, 15_000);
    }
  });
});

describe('which errors mean the database is away', () => {
  it('a network error in the middle of a bulk write too, which the driver wraps in a MongoBulkWriteError', () => {
    // Built by hand: the driver wraps only failures inside the bulk's execution (a connection dropped mid-write),
    // which no test can time; its own code does the same (mongodb/lib/bulk/common.js).
    const wrapped = new MongoBulkWriteError(new MongoNetworkError('connection closed'), {} as BulkWriteResult);
    expect(wrapped.name).to.equal('MongoBulkWriteError');
    expect(isDatabaseUnavailable(wrapped)).to.equal(true);
    expect(isDatabaseUnavailable(new MongoBulkWriteError({ message: 'E11000 duplicate key', code: 11000 }, {} as BulkWriteResult))).to.equal(false);
  });
});
