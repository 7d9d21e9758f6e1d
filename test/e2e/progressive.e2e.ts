// Progressive results (issue 15 point 4), at a laptop's and a phone's size:
// what needs no DNS shows at once, each live step says "Checking…" until its
// answers are in. The markup contract (DESIGN.md 5): the checklist ol has
// aria-busy="true" while answers are pending and each waiting step
// data-status="pending"; the final checklist has neither.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SCREENS, loadZone, startEnv, type Env } from './harness';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
let env: Env;

before(async () => {
  // every answer takes a while, so that the page is seen before they are in
  env = await startEnv({ zone: loadZone('mdaemon-554'), delay: 1200 });
});
after(() => env?.close());

for (const size of ['desktop', 'phone'] as const) {
  const { width, height } = SCREENS[size].viewport;
  describe(`progressive results at ${width}×${height} (${size})`, () => {
    it('shows the receiver’s refusal at once, live steps "Checking…", then the final checklist', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      await page.getByTestId('input').fill(SEED);
      await page.getByTestId('analyze').click();
      await page.locator('ol.checklist[aria-busy="true"]').waitFor();
      // the analysis is still running: the DNS answers are not in
      assert.equal(await page.getByTestId('analyze').isDisabled(), true);
      const first = page.locator('ol.checklist > li[data-rule]').first();
      assert.equal(await first.getAttribute('data-rule'), 'smtp.not-compliant');
      assert.equal(await first.getAttribute('data-status'), 'fail');
      const pending = page.locator('ol.checklist > li[data-status="pending"]');
      assert.ok((await pending.count()) >= 1, 'live steps wait');
      assert.equal(await pending.first().locator('.status').textContent(), 'Checking…');
      assert.match(await page.getByTestId('verdict-counts').innerText(), /checking…/);
      // Copy and Download wait for the answers, and say so
      assert.equal(await page.getByTestId('download-json').isDisabled(), true);
      assert.match(await page.getByTestId('actions-off').innerText(), /wait for the live checks/);
      // the page stays in place to be read: the verdict card is in view, the first step too
      const box = (await first.locator('.title').boundingBox())!;
      assert.ok(box.y >= 0 && box.y + box.height <= height, `first step at y=${box.y.toFixed(0)}`);
      // final: no step pending, no aria-busy
      await page.waitForFunction(() => !document.querySelector('[data-testid="analyze"]')?.hasAttribute('disabled'), undefined, {
        timeout: 60000,
      });
      assert.equal(await page.locator('ol.checklist[aria-busy]').count(), 0);
      assert.equal(await pending.count(), 0);
      assert.equal(await page.getByTestId('actions-off').count(), 0);
      assert.equal(await page.locator('li[data-rule="ptr.missing"]').getAttribute('data-status'), 'fail');
      await page.context().close();
    });
  });
}
