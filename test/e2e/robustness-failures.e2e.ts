// The page under real-world abuse, part 2 (failures): a worker that fails, a
// resolver that never answers or is down, site storage that is off or full.
// The page must stay usable and say what happened. (Part 1:
// robustness-input.e2e.ts.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';
import { downResolverUrl, startDohServer, type DohServer } from '../support/doh-server';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');

let env: Env;
let hanging: DohServer;

before(async () => {
  env = await startEnv({ zone: loadZone('mdaemon-554') });
  hanging = await startDohServer({ zone: loadZone('mdaemon-554'), delay: 60000 });
});
after(async () => {
  await hanging?.close();
  await env?.close();
});

describe('robustness: failures', () => {
  it('a worker that fails says so, and the next analysis starts a fresh one', async () => {
    // the service worker would serve the good script from its cache: this is about the network's
    const ctx = await env.context({ resolvers: [], serviceWorkers: 'block' });
    const page = await ctx.newPage();
    // the worker's script fails as it loads (a broken deploy, a blocked script):
    // at the page's start and at the first analysis; then it is mended
    let mended = false;
    await ctx.route(/\/assets\/worker-[^/]*\.js$/, (route) =>
      !mended
        ? route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("worker script broken");' })
        : route.continue(),
    );
    await page.goto(env.app.url);
    await page.getByTestId('input').fill(SEED);
    await page.getByTestId('analyze').click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /The analysis failed: The analysis worker stopped/);
    assert.equal(await page.getByTestId('analyze').isEnabled(), true, 'the page is not left "Analysing…"');
    mended = true;
    await page.getByTestId('analyze').click();
    await page.locator('ol.checklist > li').first().waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await ctx.close();
  });

  it('an analysis waiting on a resolver that never answers can be stopped, and says where it is waiting', async () => {
    const page = await (await env.context({ resolvers: [hanging.url] })).newPage();
    await page.goto(env.app.url);
    await page.getByTestId('input').fill(SEED);
    await page.getByTestId('analyze').click();
    await page.getByTestId('querylog-waiting').waitFor();
    assert.match(
      await page.getByTestId('querylog-waiting').innerText(),
      new RegExp(`Asking ${hanging.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    // the page answers while the worker waits
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByTestId('settings').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('cancel').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="announcer"]')?.textContent === 'The analysis was stopped.');
    assert.equal(await page.getByTestId('analyze').isEnabled(), true);
    assert.equal(await page.getByTestId('cancel').count(), 0);
    await page.context().close();
  });

  it('live checks that failed or were off are explained, with the way out', async () => {
    const down = await downResolverUrl();
    let page = await (await env.context({ resolvers: [down] })).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    const note = await page.getByTestId('live-note').innerText();
    assert.match(note, /\d+ of \d+ DNS questions failed: \d+ could not reach the resolver/);
    assert.ok(note.includes(down), 'names the resolver');
    assert.ok(await page.getByTestId('retry').isVisible());
    await page.context().close();

    page = await (await env.context({ resolvers: [] })).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    assert.match(await page.getByTestId('live-note').innerText(), /Live DNS checks are off: no DNS-over-HTTPS resolver is set/);
    await page.getByTestId('open-settings').click();
    assert.ok(await page.getByTestId('settings').isVisible());
    await page.context().close();
  });

  for (const [what, init, said] of [
    [
      'off',
      // strings: the page runs them as written
      `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });`,
      /does not let Mailmedic keep settings/,
    ],
    ['full', `Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };`, /storage is full/],
  ] as const) {
    it(`site storage ${what}: settings still apply for the visit, and the panel says they are not kept`, async () => {
      const ctx = await env.browser.newContext();
      await ctx.addInitScript({ content: init });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(env.app.url);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Add a resolver').fill(env.dns.url);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      assert.match(await page.getByTestId('storage-problem').innerText(), said);
      // the added resolver is in use for this visit (no analysis here: the defaults are public resolvers)
      assert.match(await page.getByTestId('settings').innerText(), new RegExp(env.dns.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.match(await page.getByTestId('resolver').innerText(), /\S/);
      assert.deepEqual(errors, []);
      await ctx.close();
    });
  }
});
