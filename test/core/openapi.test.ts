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

  it('serves the interactive docs at /api/docs, with no third-party hosts', async () => {
    const response = await runway.http('GET', '/api/docs/');
    expect(response.status).to.equal(200);
    expect(response.text).to.include('swagger-ui');
    expect(response.text).not.to.match(/(src|href)=["']?https?:/); // works offline
    const init = await runway.http('GET', '/api/docs/swagger-ui-init.js');
    expect(init.text).to.include('/api/v1/openapi.json');
  });
});
