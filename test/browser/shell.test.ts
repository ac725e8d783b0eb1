import { expect } from 'chai';
import { collectPageErrors, demoAndBrowser, newContext, screenshot, signIn } from '../helpers/browser.js';

describe('web client: the shell (Chromium)', function () {
  this.timeout(60_000);
  const world = demoAndBrowser();

  it('opens in Vietnamese; a wrong password reads as a sentence, not JSON; English sticks across reloads and sign-in', async () => {
    const context = await newContext(world.browser, world.runway.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).to.equal('vi');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();

    await page.getByLabel('Email').fill('quanly@runway.demo');
    await page.getByLabel('Mật khẩu').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).to.equal('Email hoặc mật khẩu không đúng.');

    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    await signIn(page, 'quanly@runway.demo');
    await page.getByRole('link', { name: 'Board' }).waitFor();
    await screenshot(page, 'shell-manager-en');
    expect(errors.filter((e) => !e.includes('401'))).to.deep.equal([]);
    await context.close();
  });

  it('serves hashed assets for a year and the page itself revalidated, compressed', async () => {
    const page = await (await newContext(world.browser, world.runway.url)).newPage();
    const responses: Array<{ url: string; cache: string | undefined; encoding: string | undefined }> = [];
    page.on('response', (r) => responses.push({ url: r.url(), cache: r.headers()['cache-control'], encoding: r.headers()['content-encoding'] }));
    await page.goto('/login');
    await page.getByRole('heading').first().waitFor();
    const html = responses.find((r) => r.url.endsWith('/login'));
    const script = responses.find((r) => /\/assets\/index-.*\.js$/.test(r.url));
    expect(html?.cache).to.equal('no-cache');
    expect(script?.cache).to.equal('public, max-age=31536000, immutable');
    expect(script?.encoding).to.be.oneOf(['gzip', 'br']);
    await page.context().close();
  });
});
