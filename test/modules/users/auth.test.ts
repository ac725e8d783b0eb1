import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import mongoose from 'mongoose';
import { ensureFirstAdmin } from '../../../server/modules/users/usecases/ensure-first-admin.js';
import { registerUser, startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { expectProblem } from '../../helpers/problems.js';

const PASSWORD = 'correct horse battery';

describe('auth: register, login, /me', () => {
  let runway: TestRunway;
  before(async () => {
    runway = await startTestRunway({ ADMIN_EMAIL: 'root@runway.test', ADMIN_PASSWORD: 'root-password-123' });
  });
  after(() => runway.stop());

  const login = (email: string, password: string) => runway.http('POST', '/api/v1/auth/login', { body: { email, password } });

  it('POST /auth/register → 201 with a token and the user (no hash)', async () => {
    const response = await runway.http('POST', '/api/v1/auth/register', {
      body: { email: '  Founder@Example.VN ', password: PASSWORD, name: 'Phạm Minh Khoa', role: 'startup' },
    });
    expect(response.status, response.text).to.equal(201);
    expect(response.body).to.include({ tokenType: 'Bearer', expiresIn: 3600 });
    expect(response.body.user).to.include({ email: 'founder@example.vn', role: 'startup', status: 'active', locale: 'vi' });
    expect(response.text).not.to.include('passwordHash');
    expect(response.text).not.to.include(PASSWORD);
  });

  it('stores the password as an argon2id hash, never in clear', async () => {
    const stored = await mongoose.connection.db!.collection('users').findOne({ email: 'founder@example.vn' });
    expect(stored!.passwordHash).to.match(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.to.include(PASSWORD);
  });

  it('POST /auth/register → 409 email_taken for the same email in another case', async () => {
    const response = await runway.http('POST', '/api/v1/auth/register', {
      body: { email: 'FOUNDER@example.vn', password: PASSWORD, name: 'Someone', role: 'mentor' },
    });
    expectProblem(response, 409, 'email_taken');
    expect(response.body.errors[0].field).to.equal('email');
  });

  it('POST /auth/register → 409 for exactly one of many concurrent sign-ups with one email', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        runway.http('POST', '/api/v1/auth/register', { body: { email: 'race@example.vn', password: PASSWORD, name: 'Race', role: 'startup' } }),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).to.deep.equal([201, 409, 409, 409, 409]);
  });

  it('POST /auth/register refuses manager and admin roles (400 naming role)', async () => {
    for (const role of ['manager', 'admin']) {
      const response = await runway.http('POST', '/api/v1/auth/register', {
        body: { email: `${role}@example.vn`, password: PASSWORD, name: 'X', role },
      });
      expect(response.status).to.equal(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['role']);
    }
  });

  it('POST /auth/register refuses passwords shorter than 10 characters', async () => {
    const response = await runway.http('POST', '/api/v1/auth/register', {
      body: { email: 'short@example.vn', password: '123456789', name: 'X', role: 'startup' },
    });
    expect(response.status).to.equal(400);
    expect(response.body.errors[0]).to.include({ field: 'password', code: 'minLength' });
  });

  it('POST /auth/login → 200 with a token that opens GET /me', async () => {
    const response = await login('founder@example.vn', PASSWORD);
    expect(response.status).to.equal(200);
    const me = await runway.http('GET', '/api/v1/me', { token: response.body.accessToken });
    expect(me.status).to.equal(200);
    expect(me.body).to.include({ email: 'founder@example.vn', name: 'Phạm Minh Khoa' });
  });

  it('the token is signed HS256, names the issuer and audience, and expires', async () => {
    const { body } = await login('founder@example.vn', PASSWORD);
    const decoded = jwt.decode(body.accessToken, { complete: true }) as jwt.Jwt & { payload: jwt.JwtPayload };
    expect(decoded.header.alg).to.equal('HS256');
    expect(decoded.payload).to.include({ iss: 'runway', aud: 'runway-api', role: 'startup' });
    expect(decoded.payload.exp! - decoded.payload.iat!).to.equal(3600);
  });

  it('unknown email and wrong password get the same 401 answer', async () => {
    const unknown = await login('nobody@example.vn', PASSWORD);
    const wrong = await login('founder@example.vn', 'wrong password!');
    expect(unknown.status).to.equal(401);
    expect(wrong.status).to.equal(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, traceId: undefined });
    expect(strip(unknown.body)).to.deep.equal(strip(wrong.body));
    expect(unknown.body.code).to.equal('invalid_credentials');
  });

  for (const [label, makeToken] of [
    ['no token', () => undefined],
    ['an expired token', (sub: string) => jwt.sign({ role: 'startup' }, runway.context.tokens.secret, { subject: sub, issuer: 'runway', audience: 'runway-api', expiresIn: -10 })],
    ['a token from another issuer', (sub: string) => jwt.sign({ role: 'startup' }, runway.context.tokens.secret, { subject: sub, issuer: 'evil', audience: 'runway-api', expiresIn: 60 })],
    ['a token signed with another secret', (sub: string) => jwt.sign({ role: 'admin' }, 'x'.repeat(40), { subject: sub, issuer: 'runway', audience: 'runway-api', expiresIn: 60 })],
    ['an unsigned token', (sub: string) => jwt.sign({ role: 'admin' }, '', { subject: sub, issuer: 'runway', audience: 'runway-api', algorithm: 'none' })],
    ['a token for a user that does not exist', () => jwt.sign({ role: 'admin' }, runway.context.tokens.secret, { subject: new mongoose.Types.ObjectId().toHexString(), issuer: 'runway', audience: 'runway-api', expiresIn: 60 })],
  ] as const) {
    it(`GET /me → 401 with ${label}`, async () => {
      const me = await runway.http('POST', '/api/v1/auth/login', { body: { email: 'founder@example.vn', password: PASSWORD } });
      const token = makeToken(me.body.user.id);
      const response = await runway.http('GET', '/api/v1/me', token ? { token } : {});
      expectProblem(response, 401, 'unauthenticated');
    });
  }

  it('a deactivated user can neither log in nor use an earlier token', async () => {
    const user = await registerUser(runway);
    const admin = await login('root@runway.test', 'root-password-123');
    expect((await runway.http('GET', '/api/v1/me', { token: user.token })).status, 'the token works before').to.equal(200);
    const deactivated = await runway.http('PATCH', `/api/v1/users/${user.id}`, { token: admin.body.accessToken, body: { status: 'deactivated' } });
    expect(deactivated.status, deactivated.text).to.equal(200);
    expect((await login(user.email, user.password)).status).to.equal(401);
    expectProblem(await runway.http('GET', '/api/v1/me', { token: user.token }), 401, 'unauthenticated');
  });

  it('creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, who may create managers; others get 403', async () => {
    const admin = await login('root@runway.test', 'root-password-123');
    expect(admin.status).to.equal(200);
    expect(admin.body.user.role).to.equal('admin');

    const created = await runway.http('POST', '/api/v1/users', {
      token: admin.body.accessToken,
      body: { email: 'manager@runway.test', password: PASSWORD, name: 'Trần Thu Hà', role: 'manager' },
    });
    expect(created.status, created.text).to.equal(201);
    expect(created.body.role).to.equal('manager');

    const founder = await login('founder@example.vn', PASSWORD);
    const refused = await runway.http('POST', '/api/v1/users', {
      token: founder.body.accessToken,
      body: { email: 'sneaky@runway.test', password: PASSWORD, name: 'X', role: 'admin' },
    });
    expectProblem(refused, 403, 'forbidden_role');
    const listed = await runway.http('GET', '/api/v1/users?q=sneaky', { token: admin.body.accessToken });
    expect(listed.body.items).to.deep.equal([]);
  });

  it('with no active admin left, a start restores the ADMIN_EMAIL account with ADMIN_PASSWORD: the operator’s way back in', async () => {
    const root = await login('root@runway.test', 'root-password-123');
    const deputy = await runway.http('POST', '/api/v1/users', {
      token: root.body.accessToken,
      body: { email: 'deputy@runway.test', password: PASSWORD, name: 'Phó', role: 'admin' },
    });
    expect(deputy.status, deputy.text).to.equal(201);
    const deputyToken = (await login('deputy@runway.test', PASSWORD)).body.accessToken;
    expect((await runway.http('PATCH', `/api/v1/users/${root.body.user.id}`, { token: deputyToken, body: { status: 'deactivated' } })).status).to.equal(200);
    // The deputy then loses the role outside the API (say, a bad manual edit): nobody can administer.
    await mongoose.connection.db!.collection('users').updateOne({ email: 'deputy@runway.test' }, { $set: { role: 'manager' } });

    expect(await ensureFirstAdmin({ email: 'root@runway.test', password: 'new-root-password-456' }, runway.context)).to.equal(true);
    const back = await login('root@runway.test', 'new-root-password-456');
    expect(back.status, back.text).to.equal(200);
    expect(back.body.user).to.include({ role: 'admin', status: 'active' });
    expect(await ensureFirstAdmin({ email: 'root@runway.test', password: 'other' }, runway.context)).to.equal(false);
  });
});

describe('auth: login rate limit', () => {
  let runway: TestRunway;
  before(async () => {
    runway = await startTestRunway({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' });
  });
  after(() => runway.stop());

  it('answers 429 problem after too many failed logins for one email, with Retry-After', async () => {
    const user = await registerUser(runway);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await runway.http('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'wrong password!' } })).status);
    }
    expect(statuses).to.deep.equal([401, 401, 401, 429]);
    const blocked = await runway.http('POST', '/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expectProblem(blocked, 429, 'too_many_requests');
    expect(Number(blocked.headers.get('retry-after'))).to.be.greaterThan(0);
  });

  it('other accounts from the same address can still log in', async () => {
    const other = await registerUser(runway);
    const response = await runway.http('POST', '/api/v1/auth/login', { body: { email: other.email, password: other.password } });
    expect(response.status).to.equal(200);
  });
});
