import { expect } from 'chai';
import { boardShown } from '../../bench/client.js';
import { demoAndBrowser, newContext, recordScripts, signIn } from '../helpers/browser.js';

/** The budget: JavaScript loaded before the first screen, gzipped. Timing lives in `npm run bench -- client`. */
const BUDGET_GZIP_BYTES = 250 * 1000;

describe('web client: the first screen’s JavaScript stays within 250 kB gzipped (Chromium)', function () {
  this.timeout(60_000);
  const world = demoAndBrowser();

  it('a visitor’s sign-in page loads only the shell, not any role’s screens', async () => {
    const context = await newContext(world.browser, world.runway.url);
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
    const context = await newContext(world.browser, world.runway.url);
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
