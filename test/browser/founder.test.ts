import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium, newContext, screenshot, signIn, startDemoRunway } from '../helpers/browser.js';
import { registerUser, type TestRunway } from '../helpers/runway.js';
import { DEMO_PASSWORD } from '../../fixtures/demo.js';

/** Today in Can Tho plus some days, as YYYY-MM-DD (what the API's "today" is). */
function vietnamDay(plusDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + plusDays)).toISOString().slice(0, 10);
}

/** Page errors, less the console lines for API refusals the test provokes on purpose (400, 409, 422). */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of (400|409|422)/.test(e));

async function tokenOf(runway: TestRunway, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await runway.http('POST', '/api/v1/auth/login', { body: { email, password } });
  expect(response.status, response.text).to.equal(200);
  return response.body.accessToken as string;
}

/** Shows the first week with a free slot (up to three weeks ahead) and returns its slot buttons. */
async function firstWeekWithSlots(page: Page) {
  const slots = page.locator('button.slot');
  for (let week = 0; week < 4; week += 1) {
    await page.locator('.week-days').waitFor();
    if ((await slots.count()) > 0) return slots;
    await Promise.all([page.waitForResponse((r) => r.url().includes('/slots?')), page.getByRole('button', { name: /Tuần sau/ }).click()]);
    await page.locator('.week[aria-busy]').waitFor({ state: 'detached' });
  }
  throw new Error('the mentor has no free slot in the next four weeks');
}

describe('web client: the founder screens (Chromium)', function () {
  this.timeout(60_000);
  let runway: TestRunway;
  let browser: Browser;
  const founder = { name: 'Trần Minh Khoa', email: `khoa-${Date.now()}@example.vn`, password: 'mekong-delta-2026' };
  const startupName = 'Gạo Sạch Phong Điền';
  let mentorName = '';

  before(async () => {
    [runway, browser] = await Promise.all([startDemoRunway(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await runway?.stop();
  });

  it('a new founder signs up, registers a company, sees its eligibility, edits the profile and team, finds mentors with each criterion’s contribution and requests one', async () => {
    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto('/signup');
    await page.getByLabel('Họ và tên').fill(founder.name);
    await page.getByLabel('Email').fill(founder.email);
    await page.getByLabel('Mật khẩu').fill(founder.password);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('heading', { name: 'Tạo hồ sơ dự án' }).waitFor();

    // A company without its code and date: the API names both fields, shown beside them.
    await page.getByLabel('Tên dự án').fill(startupName);
    await page.getByLabel('Loại hình').selectOption('company');
    await page.locator('input[name=growthBasis][value=technology]').check();
    await page.locator('input[name=sectors][value=agriculture]').check();
    await page.locator('input[name=needs][value=marketing]').check();
    await page.getByLabel('Giai đoạn').selectOption('mvp');
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    const codeField = page.locator('.field', { has: page.getByLabel('Mã số doanh nghiệp') });
    expect(await codeField.locator('.field-error').innerText()).to.equal('Bắt buộc.');

    // Registered 5 years ago less 20 days: 20 days of support left, an amber badge.
    const eligibleUntil = vietnamDay(20);
    await page.getByLabel('Mã số doanh nghiệp').fill('1801234567');
    await page.getByLabel('Ngày đăng ký kinh doanh lần đầu').fill(`${Number(eligibleUntil.slice(0, 4)) - 5}${eligibleUntil.slice(4)}`);
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Dự án của tôi' }).waitFor();
    const badge = page.getByTestId('eligibility').locator('.badge');
    expect(await badge.innerText()).to.equal('Còn 20 ngày');
    expect(await badge.getAttribute('class')).to.contain('badge-warn');
    expect(await page.getByRole('heading', { name: startupName }).isVisible()).to.equal(true);
    await screenshot(page, 'founder-profile');

    // Edit the profile; add a co-founder by email (an unknown one reads as a sentence), then remove them.
    await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
    await page.getByLabel('Quận/huyện').fill('Phong Điền');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
    expect(await page.locator('.facts').innerText()).to.contain('Phong Điền');
    const partner = await registerUser(runway, { name: 'Lý Thị Mai' });
    await page.getByLabel('Email của nhà sáng lập').fill('nobody-here@example.vn');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    expect(await page.getByRole('alert').innerText()).to.contain('Không tìm thấy người dùng với email này.');
    await page.getByLabel('Email của nhà sáng lập').fill(partner.email);
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByText(`Đã thêm ${partner.email}.`).waitFor();
    const team = page.locator('section[aria-labelledby=team-title] li');
    expect(await team.count()).to.equal(2);
    await team.nth(1).getByRole('button', { name: 'Xoá Thành viên 2 khỏi nhóm' }).click();
    await team.nth(1).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Tìm cố vấn' }).click();
    const matches = page.locator('li.match');
    await matches.first().waitFor();
    const first = matches.first();
    mentorName = (await first.locator('h3').innerText()).replace(/^#1\s+/, '');
    const rows = first.locator('table.contributions tbody tr');
    expect(await rows.count()).to.equal(7);
    expect(await rows.first().innerText()).to.match(/Cùng lĩnh vực\s+\+\d+\.\d điểm/);
    expect(Number(await first.locator('.score').innerText().then((s) => s.replace('/100', '')))).to.be.within(0, 100);
    await screenshot(page, 'founder-mentors');

    // A blank message is refused with the field named; a real one goes through and shows as pending.
    await first.getByRole('button', { name: `Gửi yêu cầu đến ${mentorName}` }).click();
    await first.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    expect(await first.locator('.field-error').innerText()).to.equal('Không được để trống.');
    await first.getByLabel('Lời nhắn cho cố vấn').fill('Chúng tôi cần góp ý về kênh bán gạo sạch cho nhà hàng ở Ninh Kiều.');
    await first.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await page.getByTestId('requests').getByText(mentorName).waitFor();
    expect(await page.getByTestId('requests').locator('li').first().innerText()).to.contain('Đang chờ');
    expect(unexpected(errors)).to.deep.equal([]);
    await context.close();
  });

  it('books a slot from the week calendar once the mentor accepts in their own browser (a slot taken meanwhile reads as a sentence), downloads the .ics, cancels one session and reschedules another', async () => {
    // The mentor (their email from an admin's view of the user) accepts in their own browser context.
    const founderToken = await tokenOf(runway, founder.email, founder.password);
    const [request] = (await runway.http('GET', '/api/v1/mentor-requests?status=pending', { token: founderToken })).body.items;
    const mentorUser = await runway.http('GET', `/api/v1/users/${request.mentorUserId}`, { token: await tokenOf(runway, 'admin@runway.demo') });
    const mentorContext = await newContext(browser, runway.url);
    const mentorPage = await mentorContext.newPage();
    const mentorErrors = collectPageErrors(mentorPage);
    await signIn(mentorPage, mentorUser.body.email, DEMO_PASSWORD);
    const asked = mentorPage.getByRole('list', { name: 'Đang chờ bạn trả lời' }).getByRole('listitem').filter({ hasText: request.message });
    await asked.getByRole('button', { name: 'Nhận lời' }).click();
    await mentorPage.getByText('Đã nhận lời. Dự án có thể đặt lịch với bạn.').waitFor();
    expect(unexpected(mentorErrors)).to.deep.equal([]);
    await mentorContext.close();

    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, founder.email, founder.password);
    await page.getByRole('link', { name: 'Tìm cố vấn' }).click();
    await page.getByRole('link', { name: `Đặt lịch gặp với ${mentorName}` }).click();
    await page.getByRole('heading', { name: `Đặt lịch gặp ${mentorName}` }).waitFor();

    // Someone takes the chosen slot before the founder books it.
    const slots = await firstWeekWithSlots(page);
    const taken = slots.first();
    const takenLabel = await taken.getAttribute('aria-label');
    await taken.click();
    const chosenStart = (await runway.http('GET', `/api/v1/mentors/${request.mentorId}/slots?from=${vietnamDay(0)}&to=${vietnamDay(30)}`, { token: founderToken })).body.items.find(
      (s: { vietnamLocal: { time: string } }) => takenLabel?.endsWith(s.vietnamLocal.time),
    ).start;
    const sneaky = await runway.http('POST', '/api/v1/sessions', {
      token: founderToken,
      body: { startupId: request.startupId, mentorId: request.mentorId, start: chosenStart, mode: 'in_person', place: 'Trung tâm Khởi nghiệp Cần Thơ', topic: 'Buổi đặt trước' },
    });
    expect(sneaky.status, sneaky.text).to.equal(201);
    await page.getByLabel('Đường dẫn họp trực tuyến').fill('https://meet.jit.si/gao-sach-phong-dien');
    await page.getByLabel('Chủ đề').fill('Kênh bán cho nhà hàng');
    await page.getByLabel('Nội dung dự kiến').fill('Giá sỉ, giao hàng, hợp đồng mẫu.');
    await page.getByRole('button', { name: 'Đặt lịch', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).to.match(/khung giờ/i);
    await page.getByRole('button', { name: takenLabel! }).waitFor({ state: 'detached' });
    await screenshot(page, 'founder-booking');

    await (await firstWeekWithSlots(page)).first().click();
    await page.getByRole('button', { name: 'Đặt lịch', exact: true }).click();
    await page.getByRole('heading', { name: 'Buổi cố vấn' }).waitFor();
    const booked = page.getByTestId('session').filter({ hasText: 'Kênh bán cho nhà hàng' });
    await booked.waitFor();
    expect(await booked.innerText()).to.contain(`với ${mentorName}`).and.to.contain('Đã đặt').and.to.contain('Trực tuyến');
    expect(await page.getByTestId('session').count()).to.equal(2);
    await screenshot(page, 'founder-sessions');

    const [download] = await Promise.all([page.waitForEvent('download'), booked.getByRole('button', { name: 'Tải tệp lịch (.ics)' }).click()]);
    const ics = await readFile((await download.path())!, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR')).to.equal(true);
    expect(download.suggestedFilename()).to.match(/^runway-session-\d{4}-\d{2}-\d{2}\.ics$/);

    await booked.getByRole('button', { name: 'Huỷ buổi' }).click();
    await booked.getByLabel('Lý do huỷ').fill('Trùng lịch làm việc với đối tác.');
    await booked.getByRole('button', { name: 'Xác nhận huỷ' }).click();
    const cancelled = page.locator('section[aria-labelledby=past-title]').getByTestId('session').filter({ hasText: 'Kênh bán cho nhà hàng' });
    await cancelled.waitFor();
    expect(await cancelled.innerText()).to.contain('Đã huỷ').and.to.contain('Lý do huỷ: Trùng lịch làm việc với đối tác.');

    // The other session moves to another free slot: a new time under the same topic, the old one in the past.
    const upcoming = page.locator('section[aria-labelledby=upcoming-title]');
    const early = upcoming.getByTestId('session').filter({ hasText: 'Buổi đặt trước' });
    const before = await early.locator('h3').innerText();
    await early.getByRole('button', { name: 'Đổi giờ' }).click();
    await (await firstWeekWithSlots(page)).first().click();
    await early.getByRole('button', { name: /^Chuyển sang / }).click();
    await upcoming.getByTestId('session').filter({ hasText: 'Buổi đặt trước' }).filter({ hasNotText: before }).waitFor();
    expect(await page.locator('section[aria-labelledby=past-title]').getByTestId('session').count()).to.equal(2);
    expect(unexpected(errors)).to.deep.equal([]);
    await context.close();
  });

  it('at 375 px wide, /startup and /mentors fit the screen (no horizontal scroll)', async () => {
    const context = await newContext(browser, runway.url, { width: 375 });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, founder.email, founder.password);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    await page.goto('/startup');
    await page.getByTestId('eligibility').waitFor();
    expect(await overflow()).to.be.at.most(0);
    await screenshot(page, 'founder-profile-375');

    await page.goto('/mentors');
    await page.locator('li.match').first().waitFor();
    expect(await overflow()).to.be.at.most(0);
    await screenshot(page, 'founder-mentors-375');
    expect(unexpected(errors)).to.deep.equal([]);
    await context.close();
  });

  it('milestones show the percent done, move by the allowed transitions, and follow changes made elsewhere live', async () => {
    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, 'startup@runway.demo');
    await page.getByRole('link', { name: 'Cột mốc' }).click();
    const items = page.getByTestId('milestone');
    await items.first().waitFor();
    const progress = page.getByRole('progressbar').first();
    const percentBefore = Number(await progress.getAttribute('aria-valuenow'));

    const working = items.filter({ has: page.locator('.badge', { hasText: 'Đang làm' }) }).first();
    const title = await working.locator('h3').innerText();
    await working.getByRole('button', { name: `Cập nhật cột mốc ${title}` }).click();
    const options = await working.getByLabel('Trạng thái mới').locator('option').allInnerTexts();
    expect(options).to.deep.equal(['Giữ nguyên trạng thái', 'Hoàn thành', 'Bị vướng', 'Chưa bắt đầu']); // waiving is for managers
    await working.getByLabel('Trạng thái mới').selectOption('blocked');
    await working.getByLabel('Ghi chú').fill('Chờ hồ sơ sở hữu trí tuệ từ Sở Khoa học và Công nghệ.');
    await working.getByRole('button', { name: 'Lưu' }).click();
    const moved = items.filter({ hasText: title });
    await moved.locator('.badge', { hasText: 'Bị vướng' }).waitFor();
    expect(await moved.innerText()).to.contain('Chờ hồ sơ sở hữu trí tuệ từ Sở Khoa học và Công nghệ.');

    // A manager finishes another milestone: it shows as done, and the percent grows, without a reload.
    const founderToken = await tokenOf(runway, 'startup@runway.demo');
    const [startup] = (await runway.http('GET', '/api/v1/startups', { token: founderToken })).body.items;
    const [cohort] = (await runway.http('GET', '/api/v1/cohorts', { token: founderToken })).body.items;
    const list = (await runway.http('GET', `/api/v1/milestones?cohortId=${cohort.id}&startupId=${startup.id}`, { token: founderToken })).body.items as Array<{ id: string; title: string; state: string }>;
    const other = list.find((m) => (m.state === 'planned' || m.state === 'in_progress') && m.title !== title)!;
    const done = await runway.http('PATCH', `/api/v1/milestones/${other.id}`, { token: await tokenOf(runway, 'quanly@runway.demo'), body: { state: 'done' } });
    expect(done.status, done.text).to.equal(200);
    await items.filter({ hasText: other.title }).locator('.badge', { hasText: 'Hoàn thành' }).waitFor();
    expect(Number(await progress.getAttribute('aria-valuenow'))).to.be.above(percentBefore);
    await screenshot(page, 'founder-milestones');
    expect(unexpected(errors)).to.deep.equal([]);
    await context.close();
  });
});
