// The result as a product (issue 15 points 1, 2 and 5), at a laptop's and a
// phone's size: the verdict card above the fold with the first step's title
// inside the first screen; a checklist to scan (problems open, passes folded
// into one group, a filter, expand and collapse all, the Done count); and
// plain words first, the engine's names small beside them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SCREENS, loadZone, pasteAndAnalyze, startEnv, type Env, type ScreenSize } from './harness';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: loadZone('mdaemon-554') });
});
after(() => env?.close());

async function seedPage(size: ScreenSize): Promise<Page> {
  const page = await (await env.context({ size })).newPage();
  await page.goto(env.app.url);
  await pasteAndAnalyze(page, SEED);
  return page;
}

/** Elements a selector matches that are displayed (not hidden, not inside a closed details). */
const shown = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0).length);

for (const size of ['desktop', 'phone'] as const) {
  const { width, height } = SCREENS[size].viewport;
  describe(`the result at ${width}×${height} (${size})`, () => {
    it('opens on a verdict card: the cause, who acts, the counts, what was judged; the input folds to one line with Edit', async () => {
      const page = await seedPage(size);
      // the first step's title is inside the first screen after Analyse, without scrolling by hand
      const box = await page.locator('ol.checklist > li[data-rule]').first().locator('.title').boundingBox();
      assert.ok(box, 'the first step has a title');
      assert.ok(
        box.y >= 0 && box.y + box.height <= height,
        `first step title at y=${box.y.toFixed(0)}–${(box.y + box.height).toFixed(0)} in a ${height}px screen`,
      );
      const card = page.getByTestId('verdict');
      const cardBox = (await card.boundingBox())!;
      assert.ok(cardBox.y >= 0 && cardBox.y < height / 3, `the card is at the top of the screen (y=${cardBox.y.toFixed(0)})`);
      assert.equal(await card.getAttribute('data-tone'), 'fail');
      const text = await card.innerText();
      assert.match(text, /not conforming to the standards/, 'the root cause in one sentence');
      // the MDaemon log is the reader's own server refusing an outside client for its message: the server is
      // right, the sender fixes it and the reader tells them (issue 11 point 4; core/knowledge/who-acts.ts)
      assert.match(await page.getByTestId('verdict-who').innerText(), /your server refused this client for its message[\s\S]*tell them/);
      assert.match(text, /80\.78\.72\.135/);
      assert.match(text, /example\.org/);
      assert.match(text, /Receiver[\s\S]*MDaemon/);
      assert.match(
        await page.getByTestId('verdict-counts').innerText(),
        /\d+\s+problems[\s\S]*\d+\s+warnings[\s\S]*\d+\s+passed[\s\S]*\d+\s+not\s+checked/,
      );
      // the input: one line, and Edit opens it again with the text
      assert.equal(await page.getByTestId('input').isVisible(), false);
      assert.match(await page.getByTestId('input-summary').innerText(), /Read as: MDaemon log, 30 lines/);
      await page.getByTestId('edit-input').click();
      assert.equal(await page.getByTestId('input').isVisible(), true);
      assert.equal(await page.getByTestId('input').inputValue(), SEED);
      await page.context().close();
    });

    it('a checklist to scan: problems open, passes folded in one group, a filter, expand and collapse all, the Done count', async () => {
      const page = await seedPage(size);
      const fails = page.locator('ol.checklist > li[data-status="fail"], ol.checklist > li[data-status="warn"]');
      const nProblems = await fails.count();
      assert.ok(nProblems >= 3);
      for (let i = 0; i < nProblems; i++) assert.equal(await fails.nth(i).locator('details').getAttribute('open'), '');
      const passes = page.locator('ol.checklist > li[data-status="pass"]');
      const nPasses = await passes.count();
      assert.ok(nPasses >= 1, 'the seed has passes');
      // folded away, yet in the DOM with their attributes (DESIGN.md contract 5)
      assert.equal(await shown(page, 'ol.checklist > li[data-status="pass"]'), 0);
      const group = page.getByTestId('passed-group');
      assert.match(await group.innerText(), new RegExp(`${nPasses} checks? passed`));
      await group.click();
      assert.equal(await shown(page, 'ol.checklist > li[data-status="pass"]'), nPasses);
      // filter by status: problems only; the others stay in the DOM
      const all = await page.locator('ol.checklist > li[data-rule]').count();
      await page.locator('[data-filter="fail"]').click();
      assert.equal(await page.locator('ol.checklist > li[data-rule]').count(), all);
      assert.equal(await shown(page, 'ol.checklist > li[data-rule]'), await page.locator('ol.checklist > li[data-status="fail"]').count());
      await page.locator('[data-filter="all"]').click();
      // collapse all, expand all
      await page.getByTestId('collapse-all').click();
      assert.equal(await page.locator('ol.checklist > li[data-rule] details[open]').count(), 0);
      assert.equal(await shown(page, 'ol.checklist > li[data-status="pass"]'), 0);
      await page.getByTestId('expand-all').click();
      assert.equal(await page.locator('ol.checklist > li[data-rule] details[open]').count(), all);
      assert.equal(await shown(page, 'ol.checklist > li[data-rule]'), all);
      // Done: "1 of N done", and the done step folds and says so
      assert.equal(await page.getByTestId('done-count').innerText(), `0 of ${nProblems} done`);
      await page.getByTestId('collapse-all').click();
      const first = page.locator('ol.checklist > li[data-rule]').first();
      await first.locator('summary').click();
      await first.getByLabel('Done').check();
      assert.equal(await page.getByTestId('done-count').innerText(), `1 of ${nProblems} done`);
      assert.match(await first.locator('summary').innerText(), /✓ Done/);
      await page.context().close();
    });

    it('says things in plain words first, with the rule id and the sisimai reason small beside them', async () => {
      const page = await seedPage(size);
      const statuses = await page.$$eval('ol.checklist > li[data-rule] .status', (els) => els.map((e) => e.textContent!.trim()));
      assert.ok(statuses.includes('Problem') && statuses.includes('Passed'), statuses.join(','));
      assert.ok(!statuses.some((s) => /^(fail|pass|warn|inconclusive)$/.test(s)));
      // the rule id is there, small and selected whole by a click (to copy)
      const rule = page.locator('li[data-rule="ptr.missing"] code.rule');
      assert.equal(await rule.innerText(), 'ptr.missing');
      assert.equal(await rule.evaluate((e) => getComputedStyle(e).userSelect), 'all');
      // the receiver's refusal: the reason in words, sisimai's name beside it
      const row = await page.getByTestId('refusals').locator('tbody tr').first().innerText();
      assert.match(row, /the message breaks the mail standards/);
      assert.match(row, /notcompliantrfc/);
      assert.match(row, /after the whole message was sent/);
      assert.doesNotMatch(await page.getByTestId('results').innerText(), /mdaemon-log|end-of-data/);
      await page.context().close();
    });
  });
}
