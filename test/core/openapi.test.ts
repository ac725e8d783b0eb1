import { expect } from 'chai';
import { allRoutes } from '../../server/app.js';
import { startTestRunway, type TestRunway } from '../helpers/runway.js';

describe('OpenAPI document and docs', () => {
  let runway: TestRunway;
  before(async () => {
    runway = await startTestRunway();
  });
  after(() => runway.stop());

  it('GET /api/v1/openapi.json is OpenAPI 3.1 and lists every mounted route', async () => {
    const response = await runway.http('GET', '/api/v1/openapi.json');
    expect(response.status).to.equal(200);
    expect(response.body.openapi).to.equal('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, object>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const mounted = allRoutes(runway.context).map((r) => `${r.method.toUpperCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented).to.have.members(mounted);
    expect(mounted).to.include('POST /api/v1/auth/register');
  });

  it('derives request schemas from the DTOs, inherited fields included', async () => {
    const { body } = await runway.http('GET', '/api/v1/openapi.json');
    const register = body.components.schemas.RegisterUserDto;
    expect(register.required).to.include.members(['email', 'password', 'name', 'role']);
    expect(register.properties.password.minLength).to.equal(10);
    expect(register.properties.role.enum).to.deep.equal(['startup', 'mentor']);
    const op = body.paths['/api/v1/auth/register'].post;
    expect(op.requestBody.content['application/json'].schema.$ref).to.equal('#/components/schemas/RegisterUserDto');
    expect(op.responses['400'].content).to.have.key('application/problem+json');
    expect(body.paths['/api/v1/users'].post.responses['403']).to.exist;
    expect(body.paths['/api/v1/me'].get.security).to.deep.equal([{ bearerAuth: [] }]);
  });

  it('every $ref points at a schema that exists, and inherited-only DTOs get their parent\'s fields', async () => {
    const { body } = await runway.http('GET', '/api/v1/openapi.json');
    const refs = [...JSON.stringify(body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).to.be.greaterThan(10);
    for (const name of new Set(refs)) expect(body.components.schemas, name).to.have.property(name);
    expect(body.components.schemas.CreateStartupDto.required).to.include.members(['name', 'kind', 'sectors']);
  });

  it('publishes only what routes use: no configuration schema, no secret', async () => {
    const { body, text } = await runway.http('GET', '/api/v1/openapi.json');
    expect(body.components.schemas).not.to.have.any.keys('Config', 'EligibilitySweepPayload', 'ListQueryDto');
    expect(text).not.to.match(/JWT_SECRET|MONGODB_URI|development-secret/i);
    const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    for (const name of Object.keys(body.components.schemas)) expect(refs.has(name), `${name} is published but nothing refers to it`).to.equal(true);
  });

  it('request schemas refuse unknown keys and say which fields may be null; every request body has an example', async () => {
    const { body } = await runway.http('GET', '/api/v1/openapi.json');
    const { schemas } = body.components;
    expect(schemas.UpdateStartupDto.additionalProperties).to.equal(false);
    expect(schemas.MentorLocationDto.additionalProperties).to.equal(false);
    // description may be sent as null to clear it; name may not.
    expect(schemas.UpdateStartupDto.properties.description.anyOf).to.deep.include({ type: 'null' });
    expect(schemas.UpdateStartupDto.properties.name).not.to.have.property('anyOf');
    expect(schemas.UpdateStartupDto.properties.name.pattern).to.be.a('string');
    expect(schemas.StEnterpriseDto.properties.certifiedOn).to.include({ type: 'string', format: 'date' });
    expect(schemas.MentorProfileFieldsDto.properties.languages.items.enum).to.include.members(['vi', 'en', 'km']);
    expect(schemas.MentorProfileFieldsDto.properties.timezone.enum).to.include('Asia/Ho_Chi_Minh');
    for (const [path, operations] of Object.entries(body.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { example?: unknown }> } }>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation.requestBody) expect(operation.requestBody.content['application/json']!.example, `${method} ${path}`).to.exist;
      }
    }
  });

  it('response schemas list every field as present, null where it can be null; statuses include 404, 429 and 503 where they apply', async () => {
    const { body } = await runway.http('GET', '/api/v1/openapi.json');
    const { schemas } = body.components;
    expect(schemas.StartupView.required).to.include.members(['enterpriseCode', 'eligibleUntil', 'website', 'stEnterprise']);
    expect(schemas.StartupView.properties.eligibleUntil.anyOf).to.deep.include({ type: 'null' });
    expect(schemas.StartupPageView.properties.nextCursor.anyOf).to.deep.include({ type: 'null' });
    expect(schemas.MentorStatsView.properties.rating.anyOf).to.deep.include({ type: 'null' });
    // A DTO used in responses too gets a response-side schema of its own.
    expect(schemas.MentorView.properties.location.$ref).to.equal('#/components/schemas/MentorLocationView');
    expect(schemas.MentorLocationView.required).to.have.members(['district', 'city']);
    expect(Object.keys(body.paths['/api/v1/startups/{id}/members'].post.responses)).to.include.members(['403', '404', '409', '422']);
    expect(Object.keys(body.paths['/api/v1/auth/register'].post.responses)).to.include.members(['409', '429', '503']);
    expect(Object.keys(body.paths['/api/v1/startups'].get.responses)).to.include('403');
    expect(body.paths['/healthz'].get.responses).not.to.have.property('503');
    expect(body.paths['/api/v1/cohorts'].post.responses['201'].links.Admit.operationId).to.equal('postApiV1CohortsIdAdmissions');
  });

  it('serves the interactive docs at /api/docs, with no third-party hosts', async () => {
    const response = await runway.http('GET', '/api/docs/');
    expect(response.status).to.equal(200);
    expect(response.text).to.include('swagger-ui');
    expect(response.text).not.to.match(/(src|href)=["']?https?:/); // works offline
    const init = await runway.http('GET', '/api/docs/swagger-ui-init.js');
    expect(init.text).to.include('/api/v1/openapi.json');
  });
});
