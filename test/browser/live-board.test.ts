import { expect } from 'chai';
import { DEMO_PASSWORD } from '../../fixtures/demo.js';
import { collectPageErrors, demoAndBrowser, newContext, screenshot, signIn } from '../helpers/browser.js';

/** The live acceptance point: two browser contexts, one manager's board, one founder's milestones. */
describe('web client: the board in one browser follows a founder finishing a milestone in another (Chromium)', function () {
  this.timeout(60_000);
  const world = demoAndBrowser();

  it('a manager (in Vietnamese) sees the new percentage without a reload when a founder (in English) marks a milestone done', async () => {
    const token = (await world.runway.http('POST', '/api/v1/auth/login', { body: { email: 'startup@runway.demo', password: DEMO_PASSWORD } })).body.accessToken;
    const [startup] = (await world.runway.http('GET', '/api/v1/startups', { token })).body.items as Array<{ id: string; name: string }>;

    const managerContext = await newContext(world.browser, world.runway.url);
    const board = await managerContext.newPage();
    const boardErrors = collectPageErrors(board);
    await signIn(board, 'quanly@runway.demo');
    const card = board.locator('article.startup-card').filter({ has: board.getByRole('heading', { name: startup!.name, exact: true }) });
    const percent = card.getByTestId('progress');
    await percent.waitFor();
    await board.locator('main [data-live=live]').waitFor();
    const before = await percent.innerText();
    await board.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const founderContext = await newContext(world.browser, world.runway.url, { lang: 'en' });
    const founder = await founderContext.newPage();
    const founderErrors = collectPageErrors(founder);
    await signIn(founder, 'startup@runway.demo');
    await founder.getByRole('link', { name: 'Milestones' }).click();
    const items = founder.getByTestId('milestone');
    await items.first().waitFor();
    const open = items.filter({ has: founder.locator('.badge', { hasText: /^(In progress|Planned)$/ }) }).first();
    const title = await open.locator('h3').innerText();
    await open.getByRole('button', { name: `Update milestone ${title}` }).click();
    await open.getByLabel(/New state/).selectOption('done');
    await open.getByRole('button', { name: 'Save' }).click();
    await items.filter({ hasText: title }).locator('.badge', { hasText: 'Done' }).waitFor();

    await board.waitForFunction(
      ([selectorName, old]) => {
        const cards = Array.from(document.querySelectorAll('article.startup-card'));
        const mine = cards.find((c) => c.querySelector('h2, h3')?.textContent?.trim() === selectorName);
        const text = mine?.querySelector('[data-testid=progress]')?.textContent;
        return text !== undefined && text !== old;
      },
      [startup!.name, before] as const,
      { timeout: 5_000 },
    );
    const after = await percent.innerText();
    expect(Number.parseInt(after, 10)).to.be.above(Number.parseInt(before, 10));
    expect(await board.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).to.equal(true);
    await screenshot(board, 'live-board-after-founder-milestone');
    expect(boardErrors).to.deep.equal([]);
    expect(founderErrors).to.deep.equal([]);
    await Promise.all([managerContext.close(), founderContext.close()]);
  });
});
