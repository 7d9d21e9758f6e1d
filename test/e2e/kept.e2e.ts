// Kept in this browser (issue 15 point 6), at a laptop's and a phone's
// size: the input, the result and the Done ticks survive a reload; a short
// history of recent diagnoses opens any of them again; "Forget everything"
// leaves nothing behind; sources and delisting pages are links that send no
// referrer and get no handle on the page (rel="noreferrer noopener").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SCREENS, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

const LISTED = readFileSync(path.join(ROOT, 'test/fixtures/cases/dns-barracuda-listed/input.log'), 'utf8');
const OTHER = readFileSync(path.join(ROOT, 'test/fixtures/logs/exchange-protocol.log'), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: loadZone('dns-barracuda-listed') });
});
after(() => env?.close());

for (const size of ['desktop', 'phone'] as const) {
  const { width, height } = SCREENS[size].viewport;
  describe(`kept in this browser at ${width}×${height} (${size})`, () => {
    it('the input, the result and the Done ticks survive a reload; the history opens an older one; Forget everything forgets', async () => {
      const ctx = await env.context({ size });
      const page = await ctx.newPage();
      await page.goto(env.app.url);
      await pasteAndAnalyze(page, LISTED);
      const before = await checklist(page);
      const first = page.locator('ol.checklist > li[data-rule]').first();
      await first.getByLabel('Done').check();
      const done = await page.getByTestId('done-count').innerText();
      assert.match(done, /^1 of \d+ done$/);
      await page.reload();
      await page.locator('ol.checklist > li[data-rule]').first().waitFor();
      assert.deepEqual(await checklist(page), before, 'the same checklist, without analysing again');
      assert.equal(await page.getByTestId('done-count').innerText(), done);
      assert.equal(await page.locator('ol.checklist > li[data-rule]').first().getByLabel('Done').isChecked(), true);
      assert.equal(await page.getByTestId('input').inputValue(), LISTED);
      assert.equal(env.dns.seen.length > 0, true);
      // a second diagnosis; the history lists both, newest first, and opens the first again
      await page.getByRole('button', { name: 'New diagnosis' }).click();
      await pasteAndAnalyze(page, OTHER);
      await page.getByTestId('history-button').click();
      const entries = page.getByTestId('history').locator('li');
      assert.equal(await entries.count(), 2);
      assert.match(await entries.nth(0).innerText(), /Exchange log/);
      assert.match(await entries.nth(1).innerText(), /Postfix log/);
      await entries.nth(1).getByRole('button').click();
      await page.locator('li[data-rule="dnsbl.listed"][data-status="fail"]').waitFor();
      assert.equal(await page.getByTestId('done-count').innerText(), done, 'its Done ticks came back with it');
      // forget everything: nothing is left, even after a reload
      await page.getByTestId('history-button').click();
      await page.getByTestId('forget-all').click();
      assert.equal(await page.locator('ol.checklist').count(), 0);
      await page.reload();
      await page.getByTestId('analyze').waitFor();
      await page.waitForTimeout(300);
      assert.equal(await page.locator('ol.checklist').count(), 0);
      assert.equal(await page.getByTestId('input').inputValue(), '');
      await page.getByTestId('history-button').click();
      assert.equal(await page.getByTestId('history').locator('li').count(), 0);
      // and nothing is left in the page's store
      const left = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('mailmedic');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('kept')) return resolve(0);
              const count = db.transaction('kept').objectStore('kept').count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            };
          }),
      );
      assert.equal(left, 0, 'entries left in IndexedDB');
      await ctx.close();
    });

    it('sources and delisting pages are links with rel="noreferrer noopener"', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      await pasteAndAnalyze(page, LISTED);
      const listed = page.locator('li[data-rule="dnsbl.listed"][data-status="fail"]');
      const removal = listed.locator('a[href="https://www.barracudacentral.org/rbl/removal-request"]');
      assert.ok((await removal.count()) >= 1, 'the delisting page is a link');
      assert.ok((await listed.locator('.sources a').count()) >= 1, 'its sources are links');
      const links = await page.$$eval('[data-testid="results"] a[href^="http"]', (as) =>
        as.map((a) => ({
          href: a.getAttribute('href'),
          rel: (a.getAttribute('rel') ?? '').split(/\s+/),
          target: a.getAttribute('target'),
        })),
      );
      assert.ok(links.length >= 3);
      for (const l of links) {
        assert.ok(l.rel.includes('noreferrer') && l.rel.includes('noopener'), `${l.href}: rel=${l.rel.join(' ')}`);
        assert.equal(l.target, '_blank', l.href!);
      }
      await page.context().close();
    });
  });
}
