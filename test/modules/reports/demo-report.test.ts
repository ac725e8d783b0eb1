/**
 * The demo's 2021–2025 report: every activity and certificate figure is
 * recounted from the ledger's own lists (GET /activities, GET
 * /certifications) and must match the report; the final review covers the
 * plan's targets. `REPORT_TABLE=1` prints the table of figures.
 */
import { expect } from 'chai';
import { DEMO_PASSWORD } from '../../../fixtures/demo.js';
import { KPI_DEFINITIONS } from '../../../server/modules/reports/kpi-definitions.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';

describe('reports: the demo programme’s 2021–2025', function () {
  this.timeout(120_000);
  let runway: TestRunway;
  let token: string;

  before(async () => {
    runway = await startTestRunway({ DEMO_DATA: 'true' });
    const login = await runway.http('POST', '/api/v1/auth/login', { body: { email: 'quanly@runway.demo', password: DEMO_PASSWORD } });
    token = login.body.accessToken;
  });
  after(() => runway.stop());

  const get = async (path: string) => {
    const response = await runway.http('GET', `/api/v1${path}`, { token });
    expect(response.status, response.text).to.equal(200);
    return response.body;
  };
  async function all(path: string): Promise<Array<Record<string, unknown>>> {
    const items: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    do {
      const page = await get(`${path}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  it('each year’s figures match the ledger’s own lists; the programme has real figures every year', async () => {
    const table: string[] = [];
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const report = await get(`/reports/kpis?year=${year}`);
      const activities = await all(`/activities?year=${year}`);
      for (const definition of KPI_DEFINITIONS.filter((d) => d.activityKind)) {
        const kpi = report.kpis.find((k: { code: string }) => k.code === definition.code);
        expect(kpi.actual, `${definition.code} ${year}`).to.equal(activities.filter((a) => a.kind === definition.activityKind).length);
      }
      const certificates = await all(`/certifications?kind=st_enterprise&year=${year}`);
      expect(report.kpis.find((k: { code: string }) => k.code === 'st_enterprises').actual).to.equal(certificates.length);
      const ideas = report.kpis.find((k: { code: string }) => k.code === 'ideas_supported');
      expect(ideas.actual).to.be.greaterThan(5);
      expect(report.mentorNetwork.find((f: { code: string }) => f.code === 'sessions_held').value).to.be.a('number');
      table.push(`${year}: ${report.kpis.map((k: { code: string; actual: number; target: number | null; status: string }) => `${k.code} ${k.actual}/${k.target} ${k.status}`).join(', ')}`);
    }
    const final = await get('/reports/kpis?from=2021-01-01&to=2025-12-31');
    expect(final.kpis.find((k: { code: string }) => k.code === 'ideas_supported')).to.include({ target: 50, status: 'met' });
    table.push(`2021–2025: ${final.kpis.map((k: { code: string; actual: number; target: number | null; status: string }) => `${k.code} ${k.actual}/${k.target} ${k.status}`).join(', ')}`);
    table.push(`mentor network 2021–2025: ${final.mentorNetwork.map((f: { code: string; value: number | null }) => `${f.code} ${f.value}`).join(', ')}`);
    if (process.env.REPORT_TABLE) console.log(table.join('\n'));
  });
});
