/**
 * Security at the edge, over real HTTP and real sockets (decision 019):
 * strict CORS from CORS_ORIGINS for the API and socket.io alike, helmet's
 * headers on the API and on the web client's page, and answers that say
 * nothing internal when the database fails.
 */
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoServerError } from 'mongodb';
import { io as connect } from 'socket.io-client';
import { ConfigError, loadConfig } from '../../../server/core/config/config.js';
import { cohortsRepository } from '../../../server/modules/cohorts/cohorts.repository.js';
import { createTestUser } from '../../helpers/factories.js';
import { expectProblem } from '../../helpers/problems.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';

const ALLOWED = 'https://app.runway.example.vn';
const ALSO_ALLOWED = 'http://127.0.0.1:5173';
const FOREIGN = 'https://evil.example.com';

/** Whether a socket.io handshake with this Origin (none: a client that is not a browser) connects. */
function socketOutcome(url: string, token: string, transport: 'websocket' | 'polling', origin?: string): Promise<'connected' | string> {
  const socket = connect(url, { transports: [transport], reconnection: false, auth: { token }, ...(origin ? { extraHeaders: { origin } } : {}) });
  return new Promise((resolve) => {
    socket.once('session.ready', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(`refused: ${error.message}`);
    });
  });
}

const preflight = (runway: TestRunway, origin: string, path = '/api/v1/me') =>
  runway.http('OPTIONS', path, { headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });

describe('security: CORS_ORIGINS configuration', () => {
  it('reads a comma-separated list of origins, as browsers send them', () => {
    const config = loadConfig({ CORS_ORIGINS: ` HTTPS://App.Runway.example.vn:443 , ${ALSO_ALLOWED}` });
    expect(config.corsOrigins).to.deep.equal([ALLOWED, ALSO_ALLOWED]);
    expect(loadConfig({}).corsOrigins).to.deep.equal([]);
  });

  for (const bad of ['*', 'app.runway.example.vn', 'https://app.runway.example.vn/', 'https://a.vn/path', 'ftp://a.vn', 'https://a.vn;https://b.vn']) {
    it(`refuses CORS_ORIGINS=${bad}, naming the variable`, () => {
      expect(() => loadConfig({ CORS_ORIGINS: bad }))
        .to.throw(ConfigError)
        .with.property('problems')
        .that.satisfies((problems: string[]) => problems.some((p) => p.startsWith('CORS_ORIGINS')));
    });
  }
});

describe('security: strict CORS with CORS_ORIGINS set', () => {
  let runway: TestRunway;
  let token: string;
  before(async () => {
    runway = await startTestRunway({ CORS_ORIGINS: `${ALLOWED},${ALSO_ALLOWED}` });
    token = (await createTestUser(runway, 'startup')).token;
  });
  after(() => runway.stop());

  it('an allowed origin gets its preflight answered (204, methods, the Authorization header, no credentials)', async () => {
    const response = await preflight(runway, ALLOWED);
    expect(response.status).to.equal(204);
    expect(response.headers.get('access-control-allow-origin')).to.equal(ALLOWED);
    expect(response.headers.get('access-control-allow-methods')).to.include('PATCH');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).to.include('authorization');
    expect(response.headers.get('access-control-allow-credentials')).to.equal(null);
    expect(response.headers.get('vary')).to.match(/origin/i);
  });

  it('an allowed origin gets CORS headers on the actual request, errors included', async () => {
    const ok = await runway.http('GET', '/api/v1/me', { token, headers: { origin: ALSO_ALLOWED } });
    expect(ok.status).to.equal(200);
    expect(ok.headers.get('access-control-allow-origin')).to.equal(ALSO_ALLOWED);
    expect(ok.headers.get('access-control-expose-headers')).to.include('Retry-After');
    const refused = await runway.http('GET', '/api/v1/me', { headers: { origin: ALLOWED } });
    expectProblem(refused, 401, 'unauthenticated');
    expect(refused.headers.get('access-control-allow-origin')).to.equal(ALLOWED);
  });

  it('a foreign origin gets no CORS headers, and its preflight is refused (403 problem)', async () => {
    const response = await preflight(runway, FOREIGN);
    expectProblem(response, 403, 'origin_forbidden');
    expect(response.headers.get('access-control-allow-origin')).to.equal(null);
    expect(response.headers.get('access-control-allow-methods')).to.equal(null);
    const actual = await runway.http('GET', '/api/v1/me', { token, headers: { origin: FOREIGN } });
    expect(actual.headers.get('access-control-allow-origin')).to.equal(null);
    expect(actual.headers.get('access-control-expose-headers')).to.equal(null);
    // An origin differing only by scheme or port is another origin.
    for (const lookalike of ['http://app.runway.example.vn', 'https://app.runway.example.vn:8443', 'null']) {
      expect((await preflight(runway, lookalike)).status, lookalike).to.equal(403);
    }
  });

  it('socket.io: a handshake from a foreign Origin is refused on both transports; listed, same-origin and non-browser clients connect', async () => {
    for (const transport of ['websocket', 'polling'] as const) {
      expect(await socketOutcome(runway.url, token, transport, FOREIGN), `${transport} from ${FOREIGN}`).to.match(/^refused/);
      expect(await socketOutcome(runway.url, token, transport, 'null'), `${transport} from null`).to.match(/^refused/);
      expect(await socketOutcome(runway.url, token, transport, ALLOWED), `${transport} from ${ALLOWED}`).to.equal('connected');
      expect(await socketOutcome(runway.url, token, transport, runway.url), `${transport} same-origin`).to.equal('connected');
      expect(await socketOutcome(runway.url, token, transport), `${transport} without Origin`).to.equal('connected');
    }
  });

  it('socket.io polling answers carry CORS headers for a listed origin only', async () => {
    const handshake = (origin: string) => runway.http('GET', '/socket.io/?EIO=4&transport=polling', { headers: { origin } });
    const listed = await handshake(ALLOWED);
    expect(listed.status).to.equal(200);
    expect(listed.headers.get('access-control-allow-origin')).to.equal(ALLOWED);
    const foreign = await handshake(FOREIGN);
    expect(foreign.status).to.equal(403);
    expect(foreign.headers.get('access-control-allow-origin')).to.equal(null);
  });
});

describe('security: same-origin only when CORS_ORIGINS is empty', () => {
  let runway: TestRunway;
  let token: string;
  before(async () => {
    runway = await startTestRunway();
    token = (await createTestUser(runway, 'startup')).token;
  });
  after(() => runway.stop());

  it('no origin gets CORS headers; every cross-origin preflight is refused; sockets only from the same origin', async () => {
    for (const origin of [ALLOWED, FOREIGN]) {
      expectProblem(await preflight(runway, origin), 403, 'origin_forbidden');
      expect((await runway.http('GET', '/api/v1/taxonomies', { headers: { origin } })).headers.get('access-control-allow-origin')).to.equal(null);
      expect(await socketOutcome(runway.url, token, 'websocket', origin)).to.match(/^refused/);
    }
    expect(await socketOutcome(runway.url, token, 'websocket', runway.url)).to.equal('connected');
  });
});

describe('security: headers and what answers never say', () => {
  let runway: TestRunway;
  let clientDir: string;
  before(async () => {
    clientDir = await mkdtemp(path.join(tmpdir(), 'runway-client-'));
    await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>Runway</title><div id="root"></div>');
    runway = await startTestRunway({ WEB_CLIENT_DIR: clientDir });
  });
  after(async () => {
    await runway.stop();
    await rm(clientDir, { recursive: true, force: true });
  });

  function expectSecurityHeaders(headers: Headers, what: string): void {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp, `${what}: CSP`).to.include("default-src 'self'");
    expect(csp, `${what}: CSP`).to.include("script-src 'self'");
    expect(csp, `${what}: CSP`).to.include("object-src 'none'");
    expect(csp, `${what}: CSP frame-ancestors`).to.match(/frame-ancestors '(self|none)'/);
    expect(headers.get('x-frame-options'), `${what}: X-Frame-Options`).to.match(/^(SAMEORIGIN|DENY)$/);
    expect(headers.get('x-content-type-options'), `${what}: X-Content-Type-Options`).to.equal('nosniff');
    expect(headers.get('referrer-policy'), `${what}: Referrer-Policy`).to.equal('no-referrer');
    expect(headers.get('strict-transport-security'), `${what}: HSTS`).to.match(/max-age=\d+/);
    expect(headers.get('cross-origin-opener-policy'), `${what}: COOP`).to.equal('same-origin');
    expect(headers.get('x-powered-by'), `${what}: X-Powered-By`).to.equal(null);
  }

  it('helmet’s headers on API answers, problems and the web client’s index.html; no X-Powered-By', async () => {
    const api = await runway.http('GET', '/api/v1/taxonomies');
    expect(api.status).to.equal(200);
    expectSecurityHeaders(api.headers, 'API');
    const problem = await runway.http('GET', '/api/v1/nowhere');
    expect(problem.status).to.equal(404);
    expectSecurityHeaders(problem.headers, 'problem');
    const page = await runway.http('GET', '/board', { headers: { accept: 'text/html' } });
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    expect(page.text).to.include('<div id="root">');
    expectSecurityHeaders(page.headers, 'index.html');
    const root = await runway.http('GET', '/', { headers: { accept: 'text/html' } });
    expectSecurityHeaders(root.headers, 'index.html at /');
  });

  /** Words that would give the database away. */
  const INTERNAL = [/mongo/i, /E11000/, /dup key/i, /executor/i, /caused by/i, /index:/i, /collection:/i, /at .*\.(ts|js):\d+/, /stack/i, /hunter2/];

  it('a database failure inside a real route answers a problem that says nothing internal', async () => {
    const admin = await createTestUser(runway, 'admin');
    const dbName = runway.context.config.DB_NAME;
    const original = cohortsRepository.findById;
    cohortsRepository.findById = () =>
      Promise.reject(
        new MongoServerError({ message: `Executor error during find command :: caused by :: ${dbName}.cohorts: mongodb://admin:hunter2@db.internal`, code: 96, codeName: 'OperationFailed' }),
      );
    try {
      const response = await runway.http('GET', `/api/v1/cohorts/${'a'.repeat(24)}`, { token: admin.token });
      expect(response.status, response.text).to.be.within(500, 503);
      expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
      expect(response.body.traceId).to.be.a('string').and.not.equal('');
      for (const word of [...INTERNAL, new RegExp(dbName)]) expect(response.text, String(word)).not.to.match(word);
    } finally {
      cohortsRepository.findById = original;
    }
  });

  it('a duplicate key from the database is a 409 naming the field, not the index, collection or value', async () => {
    const admin = await createTestUser(runway, 'admin');
    const dbName = runway.context.config.DB_NAME;
    const original = cohortsRepository.findById;
    cohortsRepository.findById = () =>
      Promise.reject(
        new MongoServerError({
          message: `E11000 duplicate key error collection: ${dbName}.cohorts index: name_1 dup key: { name: "hunter2" }`,
          code: 11000,
          keyPattern: { name: 1 },
          keyValue: { name: 'hunter2' },
        }),
      );
    try {
      const response = await runway.http('GET', `/api/v1/cohorts/${'b'.repeat(24)}`, { token: admin.token });
      expectProblem(response, 409, 'duplicate');
      expect(response.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['name']);
      for (const word of [...INTERNAL, new RegExp(dbName)]) expect(response.text, String(word)).not.to.match(word);
    } finally {
      cohortsRepository.findById = original;
    }
  });

  it('a token that fails says only that it failed, not why (no library wording)', async () => {
    const forged = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2lnbmF0dXJl`;
    const response = await runway.http('GET', '/api/v1/me', { token: forged });
    expectProblem(response, 401, 'unauthenticated');
    expect(response.text).not.to.match(/jwt|signature|invalid token|malformed/i);
  });
});
