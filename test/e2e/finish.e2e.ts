// The finish (issue 15 point 8), at a laptop's and a phone's size: Install
// where the browser offers it; the checklist prints as a work sheet; the
// phone layout (the tagline on a line of its own, no "Ctrl+Enter" on a touch
// screen); nothing to share, copy or download from an input that was not
// recognised; resolvers in the user's order; the service worker in control
// from the first visit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SCREENS, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: loadZone('mdaemon-554') });
});
after(() => env?.close());

for (const size of ['desktop', 'phone'] as const) {
  const { width, height } = SCREENS[size].viewport;
  describe(`finish at ${width}×${height} (${size})`, () => {
    it('offers Install when the browser does, and Install asks the browser', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      assert.equal(await page.getByTestId('install').count(), 0, 'no button while the browser offers nothing');
      await page.evaluate(() => {
        const e = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt: () => Promise<void> };
        e.prompt = () => {
          (window as unknown as { prompted: boolean }).prompted = true;
          return Promise.resolve();
        };
        (e as unknown as { userChoice: Promise<unknown> }).userChoice = Promise.resolve({ outcome: 'accepted' });
        window.dispatchEvent(e);
      });
      await page.getByTestId('install').click();
      assert.equal(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted), true);
      await page.getByTestId('install').waitFor({ state: 'detached' });
      await page.context().close();
    });

    it('prints the checklist as a work sheet: every step open, a box to tick, no buttons', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      await pasteAndAnalyze(page, SEED);
      const all = await page.locator('ol.checklist > li[data-rule]').count();
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction((n) => document.querySelectorAll('ol.checklist > li[data-rule] details[open]').length === n, all);
      const seen = await page.evaluate(() => ({
        hidden: document.querySelectorAll('ol.checklist > li[hidden]').length,
        tools: getComputedStyle(document.querySelector('[data-testid="checklist-tools"]')!).display,
        nav: getComputedStyle(document.querySelector('.top nav')!).display,
        copy: [...document.querySelectorAll('button.copy')].every((b) => getComputedStyle(b).display === 'none'),
        box: getComputedStyle(document.querySelector('ol.checklist > li[data-status="fail"] > details > summary')!, '::before').content,
      }));
      assert.deepEqual(seen, { hidden: 0, tools: 'none', nav: 'none', copy: true, box: '"☐"' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      await page.waitForFunction(() => document.querySelectorAll('ol.checklist > li[hidden]').length > 0);
      await page.context().close();
    });

    it('lays the header out for the screen: the tagline is never squeezed; no "Ctrl+Enter" hint on a touch screen', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      const m = await page.evaluate(() => {
        const tag = document.querySelector('.tagline')!.getBoundingClientRect();
        const top = document.querySelector('.top')!.getBoundingClientRect();
        return {
          tag: tag.width,
          top: top.width,
          lines: Math.round(tag.height / parseFloat(getComputedStyle(document.querySelector('.tagline')!).lineHeight)),
        };
      });
      assert.ok(m.tag >= 0.5 * m.top || m.lines <= 1, `tagline ${m.tag.toFixed(0)} px wide of ${m.top.toFixed(0)}, ${m.lines} lines`);
      assert.ok(m.lines <= 2, `the tagline takes ${m.lines} lines`);
      assert.equal(await page.locator('#input-hint').isVisible(), size === 'desktop');
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));
      assert.ok(widths.page <= widths.view, `no sideways scroll: ${widths.page} > ${widths.view}`);
      await page.context().close();
    });

    it('keeps Share, Copy and Download off for an input that was not recognised, and says why', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      // before any input: Share is off, and its description says why
      const share = page.getByRole('button', { name: 'Share…' });
      assert.equal(await share.isDisabled(), true);
      assert.match((await share.getAttribute('title')) ?? '', /analyse an input first/);
      assert.match((await page.getByTestId('share-off').textContent()) ?? '', /analyse an input first/);
      assert.equal(await share.getAttribute('aria-describedby'), 'share-off');
      await page.getByTestId('input').fill('hello, is this thing on?');
      await page.getByTestId('analyze').click();
      await page.getByTestId('verdict').waitFor();
      assert.equal(await page.getByTestId('verdict').getAttribute('data-tone'), 'unknown');
      assert.equal(await page.getByRole('button', { name: 'Share…' }).isDisabled(), true);
      assert.equal(await page.getByRole('button', { name: 'Copy as text' }).isDisabled(), true);
      assert.equal(await page.getByTestId('download-json').isDisabled(), true);
      // the reason is on screen beside the buttons, and tied to them for screen readers
      const why = page.getByTestId('actions-off');
      assert.equal(await why.isVisible(), true);
      assert.match(await why.innerText(), /not recognised/);
      assert.equal(await page.getByTestId('download-json').getAttribute('aria-describedby'), 'actions-off');
      assert.match((await share.getAttribute('title')) ?? '', /not recognised/);
      // the input stays open to be mended
      assert.equal(await page.getByTestId('input').isVisible(), true);
      await pasteAndAnalyze(page, SEED);
      assert.equal(await page.getByRole('button', { name: 'Share…' }).isEnabled(), true);
      assert.equal(await page.getByTestId('download-json').isEnabled(), true);
      assert.equal(await why.count(), 0);
      assert.equal(await share.getAttribute('title'), null);
      assert.equal(await share.getAttribute('aria-describedby'), null);
      await page.context().close();
    });

    it('asks resolvers in the order the user sets: an added one first, then moved', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Add a resolver').fill('https://dns.example/dns-query');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      const order = () => page.locator('.resolvers li code').allInnerTexts();
      assert.deepEqual(await order(), ['https://dns.example/dns-query', env.dns.url]);
      await page.getByRole('button', { name: 'Move https://dns.example/dns-query down' }).click();
      assert.deepEqual(await order(), [env.dns.url, 'https://dns.example/dns-query']);
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mailmedic:settings')!).resolvers);
      assert.deepEqual(saved, [env.dns.url, 'https://dns.example/dns-query']);
      assert.match(await page.getByTestId('resolver').innerText(), new RegExp(env.dns.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await page.context().close();
    });

    it('is in the service worker’s control from the first visit, without a reload', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      await page.evaluate(() => ((window as unknown as { first: boolean }).first = true));
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30000 });
      assert.equal(await page.evaluate(() => (window as unknown as { first?: boolean }).first), true);
      await page.context().close();
    });
  });
}
