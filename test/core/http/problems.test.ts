/** Every bad input gets a 4xx problem+json naming what is wrong; never a 500, never a stack. */
import { expect } from 'chai';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { problemHandler } from '../../../server/core/http/problem.js';
import { requestLog } from '../../../server/core/http/request-log.js';
import { errorFields, expectProblem } from '../../helpers/problems.js';
import { registerUser, sendRequest, startTestRunway, type TestRunway } from '../../helpers/runway.js';

const fields = errorFields;

describe('HTTP problems and input hygiene', () => {
  let runway: TestRunway;
  before(async () => {
    runway = await startTestRunway();
  });
  after(() => runway.stop());

  it('malformed JSON → 400 malformed_json', async () => {
    const response = await runway.http('POST', '/api/v1/auth/login', {
      raw: '{"email": "a@b.vn",',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 400, 'malformed_json');
  });

  it('unknown route → 404 route_not_found with the path as instance', async () => {
    const response = await runway.http('GET', '/api/v1/nowhere?x=1');
    expectProblem(response, 404, 'route_not_found');
    expect(response.body.instance).to.equal('/api/v1/nowhere');
  });

  it('a body over 100 kB → 413', async () => {
    const response = await runway.http('POST', '/api/v1/auth/login', { body: { email: 'a@b.vn', password: 'x'.repeat(101 * 1024) } });
    expectProblem(response, 413, 'payload_too_large');
  });

  it('a body that is not JSON → 415', async () => {
    const response = await runway.http('POST', '/api/v1/auth/login', {
      raw: 'email=a@b.vn&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('a JSON array instead of an object → 400 naming the body', async () => {
    const response = await runway.http('POST', '/api/v1/auth/login', { body: [1, 2] });
    expectProblem(response, 400, 'validation_failed');
    expect(fields(response)).to.deep.equal(['body']);
  });

  it('validation names every bad field at once, and unknown fields too', async () => {
    const response = await runway.http('POST', '/api/v1/auth/register', {
      body: { email: 'not-an-email', password: 'short', role: 'admin', isAdmin: true },
    });
    expectProblem(response, 400, 'validation_failed');
    expect(fields(response)).to.have.members(['email', 'password', 'name', 'role', 'isAdmin']);
    expect(response.body.errors.find((e: { field: string }) => e.field === 'isAdmin').code).to.equal('unknown_field');
  });

  for (const [label, body] of [
    ['a $-prefixed key', { email: { $gt: '' }, password: 'x' }],
    ['a dotted key', { 'profile.role': 'admin', email: 'a@b.vn', password: 'x' }],
    ['__proto__', JSON.parse('{"__proto__": {"isAdmin": true}, "email": "a@b.vn", "password": "x"}')],
    ['constructor', { constructor: { prototype: { isAdmin: true } }, email: 'a@b.vn', password: 'x' }],
    ['prototype deep inside', { email: 'a@b.vn', password: 'x', a: [{ b: { prototype: 1 } }] }],
  ] as const) {
    it(`refuses ${label} in the body → 400 forbidden_key`, async () => {
      const response = await runway.http('POST', '/api/v1/auth/login', { body });
      expectProblem(response, 400, 'forbidden_key');
      expect(fields(response)[0]).to.match(/^body\./);
    });
  }

  for (const query of ['$where=1', 'a.b=1', '__proto__=1', 'constructor=1', 'prototype=x']) {
    it(`refuses ?${query} in the query → 400 forbidden_key`, async () => {
      const response = await runway.http('GET', `/api/v1/me?${query}`);
      expectProblem(response, 400, 'forbidden_key');
      expect(fields(response)[0]).to.match(/^query\./);
    });
  }

  it('refuses absurdly deep nesting → 400 too_deep', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const response = await runway.http('POST', '/api/v1/auth/login', { body: { email: 'a@b.vn', password: 'x', deep } });
    expectProblem(response, 400, 'forbidden_key');
    expect(response.body.errors[0].code).to.equal('too_deep');
  });

  it('a malformed id in a token subject is a 401, not a 500', async () => {
    const response = await runway.http('GET', '/api/v1/me', { token: 'not.a.token' });
    expectProblem(response, 401, 'unauthenticated');
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one; the problem carries it as traceId', async () => {
    const kept = await runway.http('GET', '/api/v1/nowhere', { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).to.equal('abc-123');
    expect(kept.body.traceId).to.equal('abc-123');
    const replaced = await runway.http('GET', '/api/v1/nowhere', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers (helmet) and no x-powered-by', async () => {
    const response = await runway.http('GET', '/healthz');
    expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(response.headers.get('content-security-policy')).to.include("default-src 'self'");
    expect(response.headers.get('x-powered-by')).to.equal(null);
  });

  it('a registered user still gets JSON, not problems, on good input', async () => {
    const user = await registerUser(runway);
    const response = await runway.http('GET', '/api/v1/me', { token: user.token });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
  });
});

describe('problem handler for unexpected errors', () => {
  it('answers 500 with a trace id and nothing internal', async () => {
    const app = express();
    app.use(requestLog(pino({ level: 'silent' })));
    app.get('/boom', () => {
      throw new Error('secret connection string mongodb://admin:hunter2@db');
    });
    app.use(problemHandler);
    const server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await sendRequest(`http://127.0.0.1:${port}`, 'GET', '/boom');
      expectProblem(response, 500, 'internal_error');
      expect(response.body.traceId).to.be.a('string').and.not.equal('');
      expect(response.text).not.to.include('hunter2');
      expect(response.text).not.to.include('Error:');
    } finally {
      server.close();
    }
  });
});

describe('request log', () => {
  it('one line per request: completed ones with their status, and those the client left before the answer', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const app = express();
    app.use(requestLog(logger));
    app.get('/ok', (_req, res) => void res.json({ ok: true }));
    app.get('/slow', (_req, res) => void setTimeout(() => res.json({ late: true }), 300));
    const server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as AddressInfo;
      expect((await sendRequest(`http://127.0.0.1:${port}`, 'GET', '/ok')).status).to.equal(200);
      const left = new AbortController();
      setTimeout(() => left.abort(), 50);
      await fetch(`http://127.0.0.1:${port}/slow`, { signal: left.signal }).catch(() => undefined);
      const deadline = Date.now() + 2000;
      while (lines.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(lines.map((l) => [l.url, l.msg, l.aborted ?? false])).to.deep.equal([
        ['/ok', 'request completed', false],
        ['/slow', 'request aborted by the client', true],
      ]);
    } finally {
      server.close();
    }
  });
});
