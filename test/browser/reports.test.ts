import { expect } from 'chai';
import { DEMO_PASSWORD } from '../../fixtures/demo.js';
import { readFile } from 'node:fs/promises';
import { collectPageErrors, demoAndBrowser, newContext, screenshot, signIn } from '../helpers/browser.js';

interface Kpi {
  code: string;
  label: { vi: string; en: string };
  actual: number;
  target: number | null;
  records: unknown[];
}

describe('web client: the programme report (Chromium)', function () {
  this.timeout(60_000);
  const world = demoAndBrowser();

  it('a manager reads 2025’s KPIs as the API counts them, opens the records behind one, downloads the CSV and sees a chart per target', async () => {
    const token = (await world.runway.http('POST', '/api/v1/auth/login', { body: { email: 'quanly@runway.demo', password: DEMO_PASSWORD } })).body.accessToken;
    const api = (await world.runway.http('GET', '/api/v1/reports/kpis?year=2025', { token })).body as { kpis: Kpi[] };
    expect(api.kpis.length).to.be.greaterThan(5);

    const context = await newContext(world.browser, world.runway.url, { width: 375, height: 800 });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, 'quanly@runway.demo');
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { name: 'Báo cáo chương trình' }).waitFor();
    await page.getByLabel('Kỳ báo cáo').selectOption('2025');
    const rows = page.locator('tr[data-kpi]');
    await rows.first().waitFor();
    expect(await rows.count()).to.equal(api.kpis.length);
    for (const kpi of api.kpis) {
      const row = page.locator(`tr[data-kpi=${kpi.code}]`);
      expect(await row.locator('th').innerText()).to.contain(kpi.label.vi);
      expect(await row.locator('td').first().innerText()).to.equal(String(kpi.actual));
    }

    const supported = api.kpis.find((k) => k.code === 'ideas_supported')!;
    const drill = page.locator('tr[data-kpi=ideas_supported] details');
    await drill.locator('summary').click();
    expect(await drill.locator('ul').first().locator('li').count()).to.equal(supported.records.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'fits 375 px').to.equal(true);
    await screenshot(page, 'manager-reports');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0), 'UTF-8 byte order mark').to.equal(0xfeff);
    expect(csv).to.contain(supported.label.vi);

    const charts = page.locator('[data-kpi-chart] canvas');
    await charts.first().waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-kpi-chart] canvas').length === n, api.kpis.length);

    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Programme report' }).waitFor();
    expect(await page.locator('tr[data-kpi=ideas_supported] th').innerText()).to.contain(supported.label.en);
    expect(errors).to.deep.equal([]);
    await context.close();
  });

  it('founders have no report: no link, the page is not theirs, and the API refuses them (403)', async () => {
    const token = (await world.runway.http('POST', '/api/v1/auth/login', { body: { email: 'startup@runway.demo', password: DEMO_PASSWORD } })).body.accessToken;
    expect((await world.runway.http('GET', '/api/v1/reports/kpis?year=2025', { token })).status).to.equal(403);
    const context = await newContext(world.browser, world.runway.url);
    const page = await context.newPage();
    await signIn(page, 'startup@runway.demo');
    expect(await page.getByRole('link', { name: 'Báo cáo' }).count()).to.equal(0);
    await page.goto('/reports');
    await page.getByRole('heading', { name: 'Không tìm thấy trang này.' }).waitFor();
    await context.close();
  });
});
