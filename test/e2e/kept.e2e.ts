// Kept in this browser (issue 15 point 6), at a laptop's and a phone's
// size: the input, the result and the Done ticks survive a reload; a short
// history of recent diagnoses opens any of them again; "Forget everything"
// leaves nothing behind; sources and delisting pages are links that send no
// referrer and get no handle on the page (rel="noreferrer noopener").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SCREENS, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

const LISTED = readFileSync(path.join(ROOT, 'test/fixtures/cases/dns-barracuda-listed/input.log'), 'utf8');
const OTHER = readFileSync(path.join(ROOT, 'test/fixtures/logs/exchange-protocol.log'), 'utf8');
let env: Env;

/** The Done ticks of the diagnoses kept in the page's IndexedDB (how many ticked steps each has). */
function keptTicks(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('mailmedic');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kept')) return resolve([]);
          const all = db.transaction('kept').objectStore('kept').getAll();
          all.onsuccess = () => {
            db.close();
            const kept = (all.result as { done?: Record<string, boolean> }[]).filter((v) => v && typeof v === 'object' && 'done' in v);
            resolve(kept.map((v) => Object.values(v.done ?? {}).filter(Boolean).length));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** Wait until the page has written a Done tick (a write cut short by a reload is the browser's, not the page's). */
async function tickKept(page: Page): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await keptTicks(page)).some((n) => n > 0)) return;
    await page.waitForTimeout(50);
  }
  assert.fail('the Done tick was never written to IndexedDB');
}

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
      // ticked at once after Analyse: the tick goes to the diagnosis being kept
      await tickKept(page);
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
      // the page says when it is done forgetting
      await page.waitForFunction(() => /forgotten/.test(document.querySelector('[data-testid="announcer"]')?.textContent ?? ''));
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
