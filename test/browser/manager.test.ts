import { expect } from 'chai';
import { DEMO_PASSWORD } from '../../fixtures/demo.js';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import path from 'node:path';
import { collectPageErrors, launchChromium, newContext, SCREENSHOTS, screenshot, signIn, startDemoRunway } from '../helpers/browser.js';
import type { TestRunway } from '../helpers/runway.js';

/** A calendar date as Vietnamese readers see it: "25 thg 4, 2026". */
const viDay = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} thg ${month}, ${year}`;
};

interface BoardRow {
  startup: { id: string; name: string };
  status: string;
  progress: number;
}
interface Milestone {
  id: string;
  state: string;
}

describe('web client: the manager’s board, admissions, proposals and approvals (Chromium)', function () {
  this.timeout(90_000);
  let runway: TestRunway;
  let browser: Browser;
  let managerToken: string;
  let founderToken: string;
  let cohortId: string;

  const login = async (email: string) => (await runway.http('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).body.accessToken as string;
  const boardRows = async () => (await runway.http('GET', `/api/v1/cohorts/${cohortId}/board`, { token: managerToken })).body.admissions as BoardRow[];
  const rowOf = async (name: string) => (await boardRows()).find((r) => r.startup.name === name)!;
  /** Moves one open milestone of the startup to done (as `token`'s user) and returns the startup's new progress. */
  const finishOne = async (startupId: string, token: string): Promise<number> => {
    const list = (await runway.http('GET', `/api/v1/milestones?cohortId=${cohortId}&startupId=${startupId}`, { token })).body.items as Milestone[];
    const open = list.find((m) => m.state === 'planned' || m.state === 'in_progress');
    expect(open, 'an open milestone to finish').to.not.equal(undefined);
    const moved = await runway.http('PATCH', `/api/v1/milestones/${open!.id}`, { token, body: { state: 'done' } });
    expect(moved.status).to.equal(200);
    return (await boardRows()).find((r) => r.startup.id === startupId)!.progress;
  };
  const card = (page: Page, name: string) => page.locator('article.startup-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
  const percentOf = (page: Page, name: string) => card(page, name).getByTestId('progress');

  before(async () => {
    [runway, browser] = await Promise.all([startDemoRunway(), launchChromium()]);
    [managerToken, founderToken] = await Promise.all([login('quanly@runway.demo'), login('startup@runway.demo')]);
    const cohorts = (await runway.http('GET', '/api/v1/cohorts', { token: managerToken })).body.items as Array<{ id: string; name: string }>;
    cohortId = cohorts.find((c) => c.name.includes('Nông nghiệp'))!.id;
  });
  after(async () => {
    await browser?.close();
    await runway?.stop();
  });

  it('lands on the current cohort’s board, admits an eligible startup (it shows on the board) and explains why an ineligible one is refused', async () => {
    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const expected = await rowOf('Bánh Tráng Thuận Hưng');

    await signIn(page, 'quanly@runway.demo');
    await page.waitForURL(/\/board$/);
    await page.getByRole('heading', { level: 1, name: 'Mekong Startup Runway — Nông nghiệp & Thực phẩm' }).waitFor();
    await percentOf(page, 'Bánh Tráng Thuận Hưng').waitFor();
    expect(await percentOf(page, 'Bánh Tráng Thuận Hưng').innerText()).to.equal(`${expected.progress}%`);
    expect(await card(page, 'Bánh Tráng Thuận Hưng').getByRole('progressbar').getAttribute('aria-valuenow')).to.equal(String(expected.progress));
    expect(await page.locator('main [data-live]').count()).to.equal(1);
    // Mentor coverage arrives after the board: the demo founder's startup has a mentor.
    await card(page, 'Lúa Xanh Cờ Đỏ').locator('.badge-ok').waitFor();
    await screenshot(page, 'manager-board');

    await page.getByRole('link', { name: 'Tuyển chọn dự án' }).click();
    await page.getByRole('heading', { level: 1, name: /^Tuyển chọn dự án/ }).waitFor();
    await page.getByLabel('Tên dự án').fill('Dừa Sáp');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const coconut = page.locator('.candidates li').filter({ hasText: 'Dừa Sáp Mekong' });
    await coconut.getByText(/^Đủ điều kiện đến hết/).waitFor();
    await page.getByRole('button', { name: 'Tuyển Dừa Sáp Mekong vào khoá', exact: true }).click();
    await page.getByText('Đã tuyển Dừa Sáp Mekong vào khoá; đã lập 6 cột mốc.').waitFor();
    await page.getByRole('row', { name: /Dừa Sáp Mekong/ }).waitFor();

    // The demo's dates follow today's (Vietnam's): this company's are read, not written down on the day the test was.
    const found = (await runway.http('GET', `/api/v1/startups?q=${encodeURIComponent('Lục Bình')}`, { token: managerToken })).body.items as Array<{ name: string; firstRegisteredOn: string; eligibleUntil: string }>;
    const ageing = found.find((s) => s.name === 'Sản Phẩm Từ Lục Bình')!;
    await page.getByLabel('Tên dự án').fill('Lục Bình');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const old = page.locator('.candidates li').filter({ has: page.getByText('Sản Phẩm Từ Lục Bình', { exact: true }) });
    await old.getByText(`Quá 5 năm: hết điều kiện sau ${viDay(ageing.eligibleUntil)}`).waitFor();
    await page.getByRole('button', { name: 'Tuyển Sản Phẩm Từ Lục Bình vào khoá', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).to.contain('Không thể tuyển Sản Phẩm Từ Lục Bình vào khoá.');
    expect(text).to.contain(`Doanh nghiệp đã hoạt động quá 5 năm kể từ ngày đăng ký lần đầu (hết điều kiện sau ngày ${ageing.eligibleUntil}).`);
    expect(text).to.contain(`Ngày đăng ký kinh doanh lần đầu: ${viDay(ageing.firstRegisteredOn)}.`);
    expect(text).to.not.match(/[{}]|startup_ineligible/);
    await screenshot(page, 'manager-admissions');

    await page.getByRole('link', { name: 'Bảng theo dõi' }).first().click();
    await percentOf(page, 'Dừa Sáp Mekong').waitFor();
    expect(await percentOf(page, 'Dừa Sáp Mekong').innerText()).to.equal('0%');
    // The refused admission's 422 is logged by Chromium itself; nothing else may be.
    expect(errors.filter((e) => !e.includes('status of 422'))).to.deep.equal([]);
    await context.close();
  });

  it('follows changes live without reloading, catches up after a gap in the room’s events and after a reconnect', async () => {
    const context = await newContext(browser, runway.url);
    // Between the page and the server, so the test can drop room events (a gap) and cut the socket.
    const control = { dropRoomEvents: false, refuse: false, dropped: 0, sockets: [] as WebSocketRoute[] };
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (control.refuse) return void ws.close();
      control.sockets.push(ws);
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (control.dropRoomEvents && typeof message === 'string' && message.includes(`"room":"cohort:${cohortId}"`)) return void control.dropped++;
        ws.send(message);
      });
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, 'quanly@runway.demo');
    const indicator = page.locator('main .live-indicator');
    await indicator.and(page.locator('[data-live=live]')).waitFor();
    await percentOf(page, 'Lúa Xanh Cờ Đỏ').waitFor();
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    const before = (await rowOf('Lúa Xanh Cờ Đỏ')).progress;
    expect(await percentOf(page, 'Lúa Xanh Cờ Đỏ').innerText()).to.equal(`${before}%`);

    // The founder finishes a milestone: the board follows from the event.
    const rice = await rowOf('Lúa Xanh Cờ Đỏ');
    const after = await finishOne(rice.startup.id, founderToken);
    expect(after).to.be.greaterThan(before);
    await percentOf(page, 'Lúa Xanh Cờ Đỏ').and(page.getByText(`${after}%`, { exact: true })).waitFor();

    // A gap: the cohort room's events for one change never arrive; the next change's do, numbered past the gap.
    control.dropRoomEvents = true;
    const clinic = await rowOf('Khám Từ Xa Mekong');
    const clinicAfter = await finishOne(clinic.startup.id, managerToken);
    const deadline = Date.now() + 5_000;
    while (control.dropped < 2 && Date.now() < deadline) await page.waitForTimeout(50);
    expect(control.dropped).to.be.at.least(2);
    expect(await percentOf(page, 'Khám Từ Xa Mekong').innerText()).to.equal(`${clinic.progress}%`);
    control.dropRoomEvents = false;
    const water = await rowOf('Lọc Nước Mặn Mekong');
    const waterAfter = await finishOne(water.startup.id, managerToken);
    await percentOf(page, 'Lọc Nước Mặn Mekong').and(page.getByText(`${waterAfter}%`, { exact: true })).waitFor();
    await percentOf(page, 'Khám Từ Xa Mekong').and(page.getByText(`${clinicAfter}%`, { exact: true })).waitFor();

    // The socket drops and cannot come back for a while: the board says so, then catches up once it is back.
    control.refuse = true;
    for (const ws of control.sockets.splice(0)) await ws.close();
    await indicator.and(page.locator('[data-live=reconnecting]')).waitFor();
    const cold = await rowOf('Kho Lạnh Cái Răng');
    const coldAfter = await finishOne(cold.startup.id, managerToken);
    expect(await percentOf(page, 'Kho Lạnh Cái Răng').innerText()).to.equal(`${cold.progress}%`);
    control.refuse = false;
    await indicator.and(page.locator('[data-live=live]')).waitFor({ timeout: 15_000 });
    await percentOf(page, 'Kho Lạnh Cái Răng').and(page.getByText(`${coldAfter}%`, { exact: true })).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).to.equal(true);
    expect(errors).to.deep.equal([]);
    await context.close();
  });

  it('creates a proposal, changes one pair’s mentor, applies it; approves a pending mentor', async () => {
    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, 'quanly@runway.demo');
    await page.goto(`/cohorts/${cohortId}/proposals`);
    await page.getByRole('heading', { level: 1, name: /^Ghép cố vấn/ }).waitFor();
    await page.getByRole('button', { name: 'Tạo đề xuất' }).click();
    const rows = page.locator('table.pairs tbody tr');
    await rows.first().waitFor();
    const first = rows.first();
    const startup = await first.locator('th').innerText();
    const mentorBefore = await first.locator('.mentor-name').innerText();
    await first.getByRole('button', { name: `Đổi cố vấn cho ${startup}` }).click();
    const select = first.getByLabel(`Cố vấn khác cho ${startup}`);
    await select.waitFor();
    const choice = (await select.locator('option').nth(1).innerText()).split(' — ')[0]!;
    await select.selectOption({ index: 1 });
    await first.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.locator('table.pairs tbody tr').filter({ hasText: startup }).locator('.mentor-name').and(page.getByText(choice, { exact: true })).waitFor();
    expect(choice).to.not.equal(mentorBefore);
    await page.getByText('Đã chỉnh sửa', { exact: true }).waitFor();
    const pairs = await rows.count();

    await page.getByLabel('Bắt đầu cố vấn ngay').check();
    await page.getByRole('button', { name: 'Áp dụng', exact: true }).click();
    await page.getByText(/^Đã áp dụng lúc/).waitFor();
    expect(await page.locator('.applied .badge-ok').count()).to.equal(pairs);
    await screenshot(page, 'manager-proposal');
    const applied = (await runway.http('GET', `/api/v1/cohorts/${cohortId}/assignment-proposals`, { token: managerToken })).body.items.at(-1);
    expect(applied.status).to.equal('applied');
    expect(applied.pairs.some((p: { startupName: string; mentorName: string }) => p.startupName === startup && p.mentorName === choice)).to.equal(true);

    await page.getByRole('link', { name: 'Duyệt cố vấn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Duyệt cố vấn' }).waitFor();
    const pending = page.locator('[aria-labelledby=pending-title] li').first();
    const name = await pending.locator('h3').innerText();
    const mentorId = await pending.getAttribute('data-mentor-id');
    await page.getByRole('button', { name: `Duyệt hồ sơ của ${name}` }).click();
    await page.getByText(`Đã duyệt ${name}; cố vấn có thể nhận dự án từ bây giờ.`).waitFor();
    expect(await page.locator(`[aria-labelledby=pending-title] [data-mentor-id="${mentorId}"]`).count()).to.equal(0);
    expect((await runway.http('GET', `/api/v1/mentors/${mentorId}`, { token: managerToken })).body.status).to.equal('active');
    await screenshot(page, 'manager-approvals');
    expect(errors).to.deep.equal([]);
    await context.close();
  });

  it('draws the progress chart once it loads, and fits a 375 px phone without sideways scrolling', async () => {
    const context: BrowserContext = await newContext(browser, runway.url, { width: 375, height: 800 });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // In order: what the page asked for, and when the board's answer came back.
    const log: string[] = [];
    page.on('request', (r) => log.push(`request ${new URL(r.url()).pathname}`));
    page.on('response', (r) => new URL(r.url()).pathname.endsWith('/board') && log.push('board answered'));
    await signIn(page, 'quanly@runway.demo');
    await percentOf(page, 'Bánh Tráng Thuận Hưng').waitFor();
    // First paint: one board read; the per-startup reads (the chart's) and uPlot only after it answered.
    const answered = log.indexOf('board answered');
    const before = log.slice(0, answered);
    expect(answered).to.be.greaterThan(0);
    expect(before.filter((l) => /^request \/api\/v1\/cohorts\/\w+\/board$/.test(l))).to.have.length(1);
    expect(before.filter((l) => l.includes('/api/v1/milestones') || /uPlot/i.test(l))).to.deep.equal([]);
    const chart = page.getByRole('region', { name: 'Tiến độ theo tuần' });
    await chart.locator('canvas').waitFor();
    expect(log.some((l) => /uPlot/i.test(l))).to.equal(true);
    expect(await chart.getByRole('img').getAttribute('aria-label')).to.match(/^Biểu đồ số cột mốc đã hoàn thành theo tuần: hiện \d+ trên \d+\.$/);
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits(), 'board fits 375 px').to.equal(true);
    await chart.screenshot({ path: path.join(SCREENSHOTS, 'manager-chart.png') });

    for (const screen of [`/cohorts/${cohortId}/admissions`, `/cohorts/${cohortId}/proposals`, '/approvals', '/cohorts']) {
      await page.goto(screen);
      await page.locator('main h1').waitFor();
      await page.locator('main table, main .empty').first().waitFor();
      expect(await fits(), `${screen} fits 375 px`).to.equal(true);
    }
    expect(errors).to.deep.equal([]);
    await context.close();
  });
});
