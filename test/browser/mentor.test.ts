import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../fixtures/demo.js';
import { collectPageErrors, launchChromium, newContext, screenshot, signIn } from '../helpers/browser.js';
import { startTestRunway, type TestRunway } from '../helpers/runway.js';

const MENTOR = 'mentor@runway.demo';
const FOUNDER = 'startup@runway.demo';
const DAY_MS = 86_400_000;

describe('web client: the mentor’s screens (Chromium)', function () {
  this.timeout(60_000);
  let runway: TestRunway;
  let browser: Browser;
  /** The service's clock runs this far ahead of the real one (the last case walks past a session's start). */
  let shiftMs = 0;
  let mentorToken: string;
  let founderToken: string;
  let mentorId: string;
  let demoStartupId: string;
  let bookedSession: { id: string; start: string } | undefined;

  const token = async (email: string, password = DEMO_PASSWORD) => {
    const response = await runway.http('POST', '/api/v1/auth/login', { body: { email, password } });
    expect(response.status, response.text).to.equal(200);
    return response.body.accessToken as string;
  };
  /** A new founder with a new startup, for a request of their own. */
  const newFounderStartup = async (name: string) => {
    const email = `founder-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.vn`;
    const registered = await runway.http('POST', '/api/v1/auth/register', { body: { role: 'startup', email, password: DEMO_PASSWORD, name: 'Trần Thị Hoa' } });
    expect(registered.status, registered.text).to.equal(201);
    const founder = registered.body.accessToken as string;
    const startup = await runway.http('POST', '/api/v1/startups', {
      token: founder,
      body: { name, kind: 'group', growthBasis: ['business_model'], sectors: ['fintech'], stage: 'mvp', languages: ['vi'], needs: ['marketing'] },
    });
    expect(startup.status, startup.text).to.equal(201);
    return { founder, startupId: startup.body.id as string };
  };
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  /** The page errors except the "failed to load" lines of API answers a screen handles itself (4xx shown as sentences). */
  const unexpected = (errors: string[]) => errors.filter((e) => !/status of (404|409|422)/.test(e));

  before(async () => {
    const client: Record<string, string> = process.env.WEB_CLIENT_DIR ? { WEB_CLIENT_DIR: process.env.WEB_CLIENT_DIR } : {};
    [runway, browser] = await Promise.all([
      startTestRunway({ DEMO_DATA: 'true', LOGIN_RATE_LIMIT: '1000', ...client }, { now: () => new Date(Date.now() + shiftMs) }),
      launchChromium(),
    ]);
    [mentorToken, founderToken] = await Promise.all([token(MENTOR), token(FOUNDER)]);
    mentorId = (await runway.http('GET', '/api/v1/mentors/me', { token: mentorToken })).body.id;
    demoStartupId = (await runway.http('GET', '/api/v1/startups', { token: founderToken })).body.items[0].id;
  });
  after(async () => {
    await browser?.close();
    await runway?.stop();
  });

  it('availability: a weekday’s new hours, once saved, show as free slots in the preview; no sideways scroll at 375 px', async () => {
    const context = await newContext(browser, runway.url, { width: 375 });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, MENTOR);
    await page.goto('/availability');
    await page.getByRole('heading', { name: 'Lịch rảnh', level: 1 }).waitFor();

    // Two days ahead in Vietnam: inside the 7-day preview and past the demo mentor's 24 h notice.
    const target = new Date(Date.now() + 2 * DAY_MS);
    const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(target);
    const isoWeekday = ((new Date(`${vietnamDay}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const dayName = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'][isoWeekday - 1]!;
    const day = page.getByRole('group', { name: dayName, exact: true });
    // Start from a clean day: remove its windows, then add one at 07:00–09:00.
    while ((await day.getByRole('button', { name: /^Xoá khung giờ/ }).count()) > 0) await day.getByRole('button', { name: /^Xoá khung giờ/ }).first().click();
    await day.getByRole('button', { name: `Thêm khung giờ: ${dayName}` }).click();
    await day.getByLabel(`${dayName} 1: Từ`).fill('07:00');
    await day.getByLabel(`${dayName} 1: Đến`).fill('09:00');
    await page.getByLabel('Số buổi tối đa mỗi tháng').fill('20');
    expect(await noHorizontalScroll(page), 'no horizontal scroll on /availability at 375 px').to.equal(true);

    // An end before the start is refused in a sentence, before anything is sent.
    await day.getByLabel(`${dayName} 1: Đến`).fill('06:00');
    await page.getByRole('button', { name: 'Lưu lịch rảnh' }).click();
    expect(await page.getByRole('alert').innerText()).to.equal(`${dayName}: giờ kết thúc phải sau giờ bắt đầu.`);
    await day.getByLabel(`${dayName} 1: Đến`).fill('09:00');

    await page.getByRole('button', { name: 'Lưu lịch rảnh' }).click();
    await page.getByText('Đã lưu. Các khung giờ bên dưới đã được cập nhật.').waitFor();
    const [y, m, d] = vietnamDay.split('-').map(Number);
    const heading = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', weekday: 'short', day: 'numeric', month: 'numeric' }).format(new Date(Date.UTC(y!, m! - 1, d!, 5)));
    const slots = page.getByRole('list', { name: `Khung giờ ngày ${heading}` });
    await slots.getByText('07:00', { exact: true }).waitFor();
    expect(await slots.locator('time').allInnerTexts()).to.deep.equal(['07:00', '07:45']);

    const saved = (await runway.http('GET', '/api/v1/mentors/me', { token: mentorToken })).body;
    expect(saved.availability.weekly.filter((r: { weekday: number }) => r.weekday === isoWeekday)).to.deep.equal([{ weekday: isoWeekday, start: '07:00', end: '09:00' }]);
    expect(saved.capacity.maxSessionsPerMonth).to.equal(20);
    expect(await noHorizontalScroll(page)).to.equal(true);
    await screenshot(page, 'mentor-availability');
    expect(unexpected(errors)).to.deep.equal([]);
    await context.close();
  });

  it('requests: a new request appears live; the mentor accepts it (a mentorship starts) and declines another with a reason; the booked session shows in /sessions', async () => {
    // The demo founder's open request to the demo mentor is withdrawn, so that a new one can arrive live.
    const open = (await runway.http('GET', `/api/v1/mentor-requests?status=pending&mentorId=${mentorId}`, { token: founderToken })).body.items;
    for (const r of open) expect((await runway.http('POST', `/api/v1/mentor-requests/${r.id}/withdraw`, { token: founderToken })).status).to.equal(200);
    const other = await newFounderStartup('Ví Mekong');
    const toDecline = await runway.http('POST', '/api/v1/mentor-requests', {
      token: other.founder,
      body: { startupId: other.startupId, mentorId, message: 'Chúng tôi cần góp ý về tiếp thị cho ví điện tử ở chợ nổi Cái Răng.' },
    });
    expect(toDecline.status, toDecline.text).to.equal(201);

    const context = await newContext(browser, runway.url, { width: 375 });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    let listLoads = 0;
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/mentor-requests' && r.request().method() === 'GET') listLoads += 1;
    });
    await signIn(page, MENTOR);
    await page.getByRole('heading', { name: 'Yêu cầu cố vấn', level: 1 }).waitFor();
    await page.getByText('Chúng tôi cần góp ý về tiếp thị').waitFor();
    // The first load, then the resync once the mentor's room is joined: from here on, news comes live.
    await waitUntil(() => listLoads >= 2);
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    const message = 'Lúa Xanh muốn được góp ý về sở hữu trí tuệ cho giống lúa mới.';
    const sent = await runway.http('POST', '/api/v1/mentor-requests', { token: founderToken, body: { startupId: demoStartupId, mentorId, message } });
    expect(sent.status, sent.text).to.equal(201);
    const pending = page.getByRole('list', { name: 'Đang chờ bạn trả lời' });
    const item = pending.getByRole('listitem').filter({ hasText: message });
    await item.waitFor();
    // The mentor reads whom they answer: the startup's name, not a reference.
    const demoStartup = (await runway.http('GET', `/api/v1/startups/${demoStartupId}`, { token: founderToken })).body as { name: string };
    await item.getByText(demoStartup.name).waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).to.equal(true);
    expect(await noHorizontalScroll(page), 'no horizontal scroll on /requests at 375 px').to.equal(true);
    await screenshot(page, 'mentor-requests');

    await item.getByRole('button', { name: 'Nhận lời' }).click();
    await page.getByText('Đã nhận lời. Dự án có thể đặt lịch với bạn.').waitFor();
    await page.getByRole('list', { name: 'Đã xử lý' }).getByRole('listitem').filter({ hasText: message }).getByText('Đã nhận').waitFor();
    const mentorships = (await runway.http('GET', `/api/v1/mentorships?mentorId=${mentorId}&startupId=${demoStartupId}`, { token: mentorToken })).body.items;
    expect(mentorships.map((m: { status: string; requestId: string }) => [m.status, m.requestId])).to.deep.equal([['active', sent.body.id]]);

    const declining = pending.getByRole('listitem').filter({ hasText: 'Cái Răng' });
    await declining.getByRole('button', { name: 'Từ chối' }).click();
    await declining.getByLabel('Lý do từ chối (dự án sẽ đọc được)').fill('Tháng này tôi đã kín lịch; mời bạn thử lại vào tháng sau.');
    await declining.getByRole('button', { name: 'Gửi lời từ chối' }).click();
    await page.getByRole('list', { name: 'Đã xử lý' }).getByText('Lý do: Tháng này tôi đã kín lịch; mời bạn thử lại vào tháng sau.').waitFor();
    const declined = (await runway.http('GET', `/api/v1/mentor-requests/${toDecline.body.id}`, { token: other.founder })).body;
    expect([declined.status, declined.declineReason]).to.deep.equal(['declined', 'Tháng này tôi đã kín lịch; mời bạn thử lại vào tháng sau.']);
    expect(await page.getByText('Không có yêu cầu nào đang chờ.').count()).to.equal(1);

    // The founder books one of the mentor's free slots (the first that does not clash with their other sessions).
    const slots = (await runway.http('GET', `/api/v1/mentors/${mentorId}/slots`, { token: founderToken })).body.items as Array<{ start: string }>;
    for (const slot of slots) {
      const booked = await runway.http('POST', '/api/v1/sessions', {
        token: founderToken,
        body: { startupId: demoStartupId, mentorId, start: slot.start, mode: 'online', link: 'https://meet.jit.si/runway-mentor-test', topic: 'Bảo hộ giống lúa' },
      });
      if (booked.status === 201) {
        bookedSession = { id: booked.body.id, start: booked.body.start };
        break;
      }
      expect(booked.status, booked.text).to.equal(409);
    }
    expect(bookedSession, 'a session was booked').to.not.equal(undefined);
    await page.getByRole('link', { name: 'Buổi cố vấn' }).click();
    const upcoming = page.getByRole('list', { name: 'Sắp tới' });
    await upcoming.getByRole('listitem').filter({ hasText: 'Bảo hộ giống lúa' }).waitFor();
    const vietnamStart = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(bookedSession!.start));
    expect(await upcoming.getByRole('listitem').filter({ hasText: 'Bảo hộ giống lúa' }).innerText()).to.contain(vietnamStart);
    expect(unexpected(errors)).to.deep.equal([]);
    await context.close();
  });

  it('sessions: once a session has started the mentor marks it held, writes a note, sets an action item that moves a milestone, ticks it off and rates the session', async () => {
    expect(bookedSession, 'the previous case booked a session').to.not.equal(undefined);
    const { id, start } = bookedSession!;
    // Walk the service's clock and the page's to ten minutes into the session.
    const during = Date.parse(start) + 10 * 60_000;
    shiftMs = during - Date.now();
    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(during));
    const errors = collectPageErrors(page);
    await signIn(page, MENTOR);
    await page.goto('/sessions');
    const item = page.getByRole('list', { name: 'Đã qua' }).getByRole('listitem').filter({ hasText: 'Bảo hộ giống lúa' });
    await item.getByRole('button', { name: 'Đánh dấu đã diễn ra' }).click();
    await item.getByText('Đã diễn ra', { exact: true }).waitFor();

    await item.getByLabel('Ghi chú riêng (chỉ bạn đọc được)').fill('Nhóm cần nộp đơn bảo hộ giống trước vụ Đông Xuân.');
    await item.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await item.getByText('Đã lưu ghi chú.').waitFor();

    await item.getByRole('button', { name: 'Thêm việc cần làm' }).click();
    await item.getByLabel('Việc cần làm', { exact: true }).fill('Chuẩn bị hồ sơ đăng ký bảo hộ giống');
    const milestone = item.getByLabel('Cột mốc liên quan (không bắt buộc)');
    // The demo startup's milestones under way: the last one is to be done once the item is.
    const underWay = milestone.locator('option', { hasText: '(Đang làm)' });
    await underWay.first().waitFor({ state: 'attached' });
    const chosen = await underWay.last().getAttribute('value');
    await milestone.selectOption(chosen!);
    await item.getByLabel('Khi xong, chuyển cột mốc sang').selectOption('done');
    await item.getByRole('button', { name: 'Thêm', exact: true }).click();
    const checkbox = item.getByRole('checkbox', { name: 'Chuẩn bị hồ sơ đăng ký bảo hộ giống' });
    await checkbox.click(); // checked once the API has it (a controlled box)
    await item.getByText('Cột mốc đã chuyển sang “Hoàn thành”.').waitFor();
    expect(await checkbox.isChecked()).to.equal(true);

    await item.getByRole('radio', { name: '5 sao' }).check();
    await item.getByLabel('Nhận xét (không bắt buộc)').fill('Nhóm chuẩn bị rất kỹ.');
    await item.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await item.getByText('Bạn đã chấm 5/5').waitFor();
    await screenshot(page, 'mentor-sessions');

    const session = (await runway.http('GET', `/api/v1/sessions/${id}`, { token: mentorToken })).body;
    expect(session.status).to.equal('completed');
    expect(session.mentorNote.text).to.equal('Nhóm cần nộp đơn bảo hộ giống trước vụ Đông Xuân.');
    expect(session.actionItems.map((a: { title: string; done: boolean; milestoneId: string }) => [a.title, a.done, a.milestoneId])).to.deep.equal([['Chuẩn bị hồ sơ đăng ký bảo hộ giống', true, chosen]]);
    expect(session.actionItems[0].milestoneMove.outcome).to.equal('moved');
    expect([session.feedback.mentor.rating, session.feedback.mentor.comment]).to.deep.equal([5, 'Nhóm chuẩn bị rất kỹ.']);
    expect(unexpected(errors)).to.deep.equal([]);
    await context.close();
  });

  it('profile: a newly signed-up mentor writes a profile, which waits for approval', async () => {
    const email = `mentor-${Date.now()}@example.vn`;
    const registered = await runway.http('POST', '/api/v1/auth/register', { body: { role: 'mentor', email, password: DEMO_PASSWORD, name: 'Lê Quốc Bảo' } });
    expect(registered.status, registered.text).to.equal(201);
    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, email);
    await page.getByRole('link', { name: 'Tạo hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Tạo hồ sơ cố vấn', level: 1 }).waitFor();
    expect(await page.getByLabel('Họ và tên').inputValue()).to.equal('Lê Quốc Bảo');
    await page.getByLabel('Chức danh').fill('Giảng viên');
    await page.getByLabel('Đơn vị công tác').fill('Trường Đại học Cần Thơ');
    await page.getByRole('group', { name: 'Lĩnh vực' }).getByLabel('Nông nghiệp').check();
    await page.getByRole('group', { name: 'Ngôn ngữ' }).getByLabel('Tiếng Anh').check();
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.getByText('Đã tạo hồ sơ. Hồ sơ đang chờ duyệt.').waitFor();
    await page.locator('.badge', { hasText: 'Chờ duyệt' }).waitFor();
    await page.getByRole('heading', { name: 'Hồ sơ cố vấn', level: 1 }).waitFor();
    const me = await runway.http('GET', '/api/v1/mentors/me', { token: registered.body.accessToken });
    expect([me.body.status, me.body.organisation, me.body.sectors, me.body.languages]).to.deep.equal(['pending', 'Trường Đại học Cần Thơ', ['agriculture'], ['vi', 'en']]);

    // The demo mentor's own profile, for the screenshot.
    await context.close();
    const demo = await (await newContext(browser, runway.url)).newPage();
    const demoErrors = collectPageErrors(demo);
    await signIn(demo, MENTOR);
    await demo.goto('/profile');
    await demo.locator('.badge', { hasText: 'Đang hoạt động' }).waitFor();
    await screenshot(demo, 'mentor-profile');
    expect(unexpected(errors)).to.deep.equal([]);
    expect(unexpected(demoErrors)).to.deep.equal([]);
    await demo.context().close();
  });
});

async function waitUntil(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const since = Date.now();
  while (!done()) {
    if (Date.now() - since > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
