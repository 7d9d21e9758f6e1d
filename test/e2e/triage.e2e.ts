// Triage for every size (issue 15 point 3), at a laptop's and a phone's
// size: a log that holds several refused sessions — pasted, however small —
// is grouped (by reason, remote host, sender domain, client IP; inbound apart
// from outbound), filtered and searched, and any one session is diagnosed
// alone. Counts never wrap inside a number.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SCREENS, checklist, startEnv, type Env } from './harness';

const LOG = readFileSync(path.join(ROOT, 'test/fixtures/logs/postfix-syslog.log'), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: {} });
});
after(() => env?.close());

/** Elements matching the selector whose text is broken over more than one line (their boxes at more than one height). */
const wrapped = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.filter((e) => new Set([...e.getClientRects()].map((r) => Math.round(r.bottom))).size > 1).map((e) => e.textContent),
  );

for (const size of ['desktop', 'phone'] as const) {
  const { width, height } = SCREENS[size].viewport;
  describe(`triage at ${width}×${height} (${size})`, () => {
    it('a pasted log of several refused sessions is grouped, inbound apart from outbound, filtered, searched, and one is diagnosed', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      await page.getByTestId('input').fill(LOG);
      await page.getByTestId('analyze').click();
      await page.getByTestId('summary').waitFor();
      assert.equal(await page.locator('ol.checklist').count(), 0, 'no checklist for the whole log');
      assert.match(await page.getByTestId('summary-totals').innerText(), /Postfix log: \d+\slines, 5\srefused sessions/);
      const groups = page.getByTestId('summary-groups');
      // inbound (this server refused) and outbound (this server was refused) apart
      assert.ok(await groups.locator('table[data-direction="inbound"]').count());
      assert.ok(await groups.locator('table[data-direction="outbound"]').count());
      assert.match(await groups.locator('table[data-direction="inbound"]').innerText(), /the sending server \(its IP or name\) is blocked/);
      assert.match(await groups.locator('table[data-direction="outbound"]').innerText(), /held back; the reason is not clear yet/);
      // the other groupings
      for (const [by, want] of [
        ['Client IP', /198\.51\.100\.23/],
        ['Sender domain', /shop\.example/],
        ['Remote host', /mx\.greylist\.example[\s\S]*outlook\.com|outlook\.com[\s\S]*mx\.greylist\.example/],
      ] as const) {
        await page.getByRole('button', { name: by, exact: true }).click();
        assert.match(await groups.innerText(), want, by);
      }
      const sessions = page.getByTestId('summary-sessions').locator('li');
      assert.equal(await sessions.count(), 5);
      // a filter by direction, then one by reason, then a search
      await page.getByTestId('filter-direction').selectOption('outbound');
      assert.ok((await sessions.count()) >= 1);
      for (const d of await sessions.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-direction')))) assert.equal(d, 'outbound');
      await page.getByTestId('filter-direction').selectOption('');
      await page.getByTestId('filter-reason').selectOption('requireptr');
      assert.equal(await sessions.count(), 1);
      await page.getByTestId('filter-reason').selectOption('');
      await page.getByTestId('summary-search').fill('shop.example');
      assert.equal(await sessions.count(), 1);
      assert.equal(await sessions.first().getAttribute('data-reason'), 'blocked');
      // "List" on a group shows its sessions only
      await page.getByTestId('summary-search').fill('');
      await page.getByRole('button', { name: 'Reason', exact: true }).click();
      await groups.getByRole('button', { name: /^List the sessions: the sending IP has no proper reverse DNS/ }).click();
      assert.equal(await sessions.count(), 1);
      // numbers do not wrap inside themselves
      assert.deepEqual(await wrapped(page, '[data-testid="summary"] .n'), []);
      // diagnose that one: its own lines only, a checklist, and the triage stays above
      await sessions.first().getByRole('button', { name: 'Diagnose' }).click();
      await page.locator('ol.checklist > li').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-testid="analyze"]')?.hasAttribute('disabled'));
      assert.ok((await checklist(page)).some(([rule]) => rule.startsWith('ptr.')));
      assert.match(await page.getByTestId('input').inputValue(), /cannot find your hostname/);
      assert.ok((await page.getByTestId('input').inputValue()).split('\n').length < 10);
      assert.equal(await page.getByTestId('summary').count(), 1);
      // and the verdict card of that session is in view
      const box = (await page.getByTestId('verdict').boundingBox())!;
      assert.ok(box.y >= 0 && box.y < height / 2, `verdict card at y=${box.y.toFixed(0)}`);
      await page.context().close();
    });

    it('one refusal retried is not triaged: the log is diagnosed whole', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      const retried = LOG.split('\n')
        .filter((l) => l.includes('[2100]'))
        .join('\n');
      const three = [0, 1, 2].map((i) => retried.replaceAll('[2100]', `[${2100 + i}]`)).join('\n');
      await page.getByTestId('input').fill(three);
      await page.getByTestId('analyze').click();
      await page.locator('ol.checklist > li').first().waitFor();
      assert.equal(await page.getByTestId('summary').count(), 0);
      await page.context().close();
    });
  });
}
