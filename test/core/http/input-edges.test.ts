/**
 * Inputs at the edges, each found by fuzzing or by hand: malformed path
 * encodings, nulls in PATCH bodies, text that cannot be stored as sent,
 * methods a path lacks, values of the wrong type, and request lines too
 * long for the HTTP parser. Every one gets a 4xx problem naming what is
 * wrong, and nothing stored changes.
 */
import { request as httpRequest } from 'node:http';
import { expect } from 'chai';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { errorFields, expectInvalidFields, expectProblem } from '../../helpers/problems.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, cohortBody, individualBody, pinnedClock } from '../../modules/cohorts/cohort-helpers.js';

describe('HTTP: inputs at the edges', () => {
  let runway: TestRunway;
  let founder: TestUser;
  let manager: TestUser;
  let startupId: string;

  before(async () => {
    runway = await startTestRunway({}, pinnedClock);
    founder = await createTestUser(runway, 'startup');
    manager = await createTestUser(runway, 'manager');
    startupId = (await runway.http('POST', '/api/v1/startups', { token: founder.token, body: individualBody('Lúa Xanh') })).body.id;
  });
  after(() => runway.stop());

  const patchStartup = (body: unknown) => runway.http('PATCH', `/api/v1/startups/${startupId}`, { token: founder.token, body });
  const readStartup = async () => (await runway.http('GET', `/api/v1/startups/${startupId}`, { token: founder.token })).body;

  describe('paths', () => {
    for (const path of ['/api/v1/startups/%FF', '/api/v1/startups/%', '/api/v1/startups/%zz', '/api/v1/startups/%ED%A0%80', '/api/v1/mentors/%FF/approve']) {
      it(`${path} → 400 malformed_path, with or without a token`, async () => {
        const method = path.endsWith('approve') ? 'POST' : 'GET';
        expectProblem(await runway.http(method, path), 400, 'malformed_path');
        expectProblem(await runway.http(method, path, { token: manager.token }), 400, 'malformed_path');
      });
    }

    it('a request line of 100,000 characters → 431 problem+json, not an empty answer', async () => {
      const url = new URL(runway.url);
      const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: url.hostname, port: url.port, path: `/api/v1/mentors?q=${'a'.repeat(100_000)}` }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).to.equal(431);
      expect(answer.type).to.match(/^application\/problem\+json/);
      expect(JSON.parse(answer.body)).to.include({ status: 431, code: 'header_too_large' });
    });
  });

  describe('methods', () => {
    it('a method a path lacks → 405 with Allow naming the methods it has', async () => {
      const deleted = await runway.http('DELETE', '/api/v1/mentors', { token: manager.token });
      expectProblem(deleted, 405, 'method_not_allowed');
      expect(deleted.headers.get('allow')).to.equal('POST, GET, HEAD, OPTIONS');
      const put = await runway.http('PUT', `/api/v1/startups/${startupId}`);
      expectProblem(put, 405, 'method_not_allowed');
      expect(put.headers.get('allow')).to.equal('GET, PATCH, HEAD, OPTIONS');
    });

    it('/mentors/me owns its path: PATCH → 405 (Allow: GET, HEAD, OPTIONS), not a lookup of a mentor called "me"; OPTIONS says the same', async () => {
      const patched = await runway.http('PATCH', '/api/v1/mentors/me', { token: manager.token, body: { name: 'x' } });
      expectProblem(patched, 405, 'method_not_allowed');
      expect(patched.headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
      const options = await runway.http('OPTIONS', '/api/v1/mentors/me');
      expect(options.status).to.equal(204);
      expect(options.headers.get('allow')).to.equal('GET, HEAD, OPTIONS');
    });

    it('an unknown path is still 404 route_not_found', async () => {
      expectProblem(await runway.http('DELETE', '/api/v1/nowhere'), 404, 'route_not_found');
    });
  });

  describe('nulls in PATCH bodies', () => {
    it('PATCH /startups/{id} {sectors: null, growthBasis: null} → 400 naming both; nothing changes', async () => {
      const before = await readStartup();
      const response = await patchStartup({ sectors: null, growthBasis: null });
      expectInvalidFields(response, ['sectors', 'growthBasis']);
      expect(response.body.errors.map((e: { code: string }) => e.code)).to.deep.equal(['not_null', 'not_null']);
      expect(await readStartup()).to.deep.equal(before);
    });

    for (const field of ['name', 'kind', 'stage']) {
      it(`PATCH /startups/{id} {${field}: null} → 400 naming ${field}, never a 422 from the database layer`, async () => {
        expectInvalidFields(await patchStartup({ [field]: null }), [field]);
      });
    }

    it('PATCH /startups/{id} {description: null} removes an optional field (200)', async () => {
      expect((await patchStartup({ description: 'Giống lúa chịu mặn' })).status).to.equal(200);
      const cleared = await patchStartup({ description: null });
      expect(cleared.status, cleared.text).to.equal(200);
      expect(cleared.body.description).to.equal('');
    });

    it('PATCH /milestones/{id} {state: null} and {note: null} → 400 naming the field', async () => {
      const cohort = await runway.http('POST', '/api/v1/cohorts', { token: manager.token, body: cohortBody() });
      const [milestone] = (await admit(runway, manager.token, cohort.body.id, startupId)).milestones;
      for (const field of ['state', 'note']) {
        expectInvalidFields(await runway.http('PATCH', `/api/v1/milestones/${milestone!.id}`, { token: founder.token, body: { [field]: null } }), [field]);
      }
    });
  });

  describe('text that cannot be stored as sent', () => {
    for (const [label, name] of [
      ['a lone surrogate', 'Lan \ud800'],
      ['only NUL characters', '\u0000\u0000'],
      ['only zero-width characters', '\u200b\u200c\ufeff'],
      ['only spaces', '   '],
      ['a right-to-left override', 'Lan \u202e gnoM'],
      ['a line break in a one-line field', 'Lan\nMinh'],
    ]) {
      it(`a startup name with ${label} → 400 naming name; nothing stored`, async () => {
        const response = await runway.http('POST', '/api/v1/startups', { token: founder.token, body: individualBody(name) });
        expectInvalidFields(response, ['name']);
        expect(await patchStartup({ name })).to.have.property('status', 400);
        expect((await readStartup()).name).to.equal('Lúa Xanh');
      });
    }

    it('what a write answers is what a read returns: decomposed Vietnamese is stored composed (NFC), trimmed', async () => {
      const decomposed = '  Nông nghiệp Cần Thơ  '.normalize('NFD');
      const created = await runway.http('POST', '/api/v1/startups', { token: founder.token, body: individualBody(decomposed) });
      expect(created.status, created.text).to.equal(201);
      expect(created.body.name).to.equal('Nông nghiệp Cần Thơ'.normalize('NFC'));
      const read = await runway.http('GET', `/api/v1/startups/${created.body.id}`, { token: founder.token });
      expect(read.body.name).to.equal(created.body.name);
      const found = await runway.http('GET', '/api/v1/startups?q=nong%20nghiep%20can%20tho', { token: founder.token });
      expect(found.body.items.map((s: { id: string }) => s.id)).to.include(created.body.id);
    });

    it('checks judge the value as sent, like the document: a line break or a tab around a one-line name → 400; a padded name past the limit → 400', async () => {
      expectInvalidFields(await patchStartup({ name: ' \n Nấm \t' }), ['name']);
      expectInvalidFields(await patchStartup({ name: ` ${'a'.repeat(160)}   ` }), ['name']);
      expect((await patchStartup({ name: ` ${'a'.repeat(150)} ` })).body.name).to.equal('a'.repeat(150));
      expectInvalidFields(await patchStartup({ kind: 'company', enterpriseCode: ' 1801234567', firstRegisteredOn: '2024-01-01' }), ['enterpriseCode']);
    });

    it('a multi-line field keeps its line breaks but refuses other control characters', async () => {
      expect((await patchStartup({ description: 'Dòng một\nDòng hai' })).body.description).to.equal('Dòng một\nDòng hai');
      expectInvalidFields(await patchStartup({ description: 'bell \u0007' }), ['description']);
    });
  });

  describe('values of the wrong type are reported as such', () => {
    it('?q=a&q=b → "q must be a string", not a length message', async () => {
      const response = await runway.http('GET', '/api/v1/mentors?q=a&q=b', { token: manager.token });
      expectInvalidFields(response, ['q']);
      expect(response.body.errors[0].message).to.match(/q must be a string/);
    });

    it('sectors: "health" → "sectors must be an array", not "elements must be unique"', async () => {
      const response = await patchStartup({ sectors: 'health' });
      expect(errorFields(response)).to.deep.equal(['sectors']);
      expect(response.body.errors[0]).to.include({ code: 'isArray' });
    });

    it('an array where an object belongs → 400 isObject (stEnterprise, capacity, weights); nothing stored', async () => {
      for (const stEnterprise of [[], [{ certifiedOn: '2024-01-01', certificateNumber: 'A1' }]]) {
        const created = await runway.http('POST', '/api/v1/startups', { token: founder.token, body: { ...individualBody('Mảng'), stEnterprise } });
        expectInvalidFields(created, ['stEnterprise']);
        expect(created.body.errors[0]).to.include({ code: 'isObject' });
        expectInvalidFields(await patchStartup({ stEnterprise }), ['stEnterprise']);
      }
      expect(await readStartup()).to.have.property('stEnterprise', null);

      const mentor = await createTestUser(runway, 'mentor');
      const profile = await runway.http('POST', '/api/v1/mentors', { token: mentor.token, body: { languages: ['vi'], capacity: [], location: [] } });
      expectInvalidFields(profile, ['capacity', 'location']);
      expect((await runway.http('GET', '/api/v1/mentors/me', { token: mentor.token })).status).to.equal(404);

      expectInvalidFields(await runway.http('POST', '/api/v1/cohorts', { token: manager.token, body: cohortBody({ weights: [] }) }), ['weights']);
    });
  });
});
