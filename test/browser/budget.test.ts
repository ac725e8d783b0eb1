import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { boardShown } from '../../bench/client.js';
import { launchChromium, newContext, recordScripts, signIn, startDemoRunway } from '../helpers/browser.js';
import type { TestRunway } from '../helpers/runway.js';

/** The budget: JavaScript loaded before the first screen, gzipped. Timing lives in `npm run bench -- client`. */
const BUDGET_GZIP_BYTES = 250 * 1000;

describe('web client: the first screen’s JavaScript stays within 250 kB gzipped (Chromium)', function () {
  this.timeout(60_000);
  let runway: TestRunway;
  let browser: Browser;

  before(async () => {
    [runway, browser] = await Promise.all([startDemoRunway(), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await runway?.stop();
  });

  it('a visitor’s sign-in page loads only the shell, not any role’s screens', async () => {
    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto('/login');
    await page.locator('form button[type=submit]').waitFor();
    const weight = await scripts.weigh();
    expect(weight.scripts.map((s) => s.url).join(' ')).not.to.match(/Founder|Mentor|Manager|uPlot/i);
    expect(weight.gzipBytes).to.be.greaterThan(10_000).and.at.most(BUDGET_GZIP_BYTES);
    await context.close();
  });

  it('the manager’s live board, right after signing in, within the budget', async () => {
    const context = await newContext(browser, runway.url);
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await signIn(page, 'quanly@runway.demo');
    await boardShown(page);
    const weight = await scripts.weigh();
    expect(weight.scripts.some((s) => /Manager/.test(s.url)), 'the manager screens were loaded').to.equal(true);
    expect(weight.gzipBytes).to.be.at.most(BUDGET_GZIP_BYTES);
    await context.close();
  });
});
