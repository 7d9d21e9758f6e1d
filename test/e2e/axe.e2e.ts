// axe-core (injected into the page) finds no violation on the first screen,
// a result page with folded groups, the summary view of a log's triage and
// the Settings panel, at a laptop's and a phone's size (issue 15).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SCREENS, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
const LOG = readFileSync(path.join(ROOT, 'test/fixtures/logs/postfix-syslog.log'), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: loadZone('mdaemon-554') });
});
after(() => env?.close());

/** axe's violations on the page as it is: rule id, impact and the first nodes. */
async function violations(page: Page): Promise<string[]> {
  // through the DevTools protocol, so the page's CSP (script-src 'self') does not apply
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations as { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
  });
  return found.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary.split('\n')[1]?.trim()}`)
        .join(' | ')}`,
  );
}

for (const size of ['desktop', 'phone'] as const) {
  const { width, height } = SCREENS[size].viewport;
  for (const scheme of ['light', 'dark'] as const) {
    describe(`axe at ${width}×${height} (${size}), ${scheme} theme`, () => {
      it('the first screen', async () => {
        const page = await (await env.context({ size })).newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(env.app.url);
        await page.getByTestId('analyze').waitFor();
        assert.deepEqual(await violations(page), []);
        await page.context().close();
      });

      it('a result page with folded groups', async () => {
        const page = await (await env.context({ size })).newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(env.app.url);
        await pasteAndAnalyze(page, SEED);
        assert.ok(await page.locator('ol.checklist > li[hidden]').count(), 'passes are folded');
        assert.deepEqual(await violations(page), []);
        await page.context().close();
      });

      it('the summary view of a log to triage', async () => {
        const page = await (await env.context({ size })).newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(env.app.url);
        await page.getByTestId('input').fill(LOG);
        await page.getByTestId('analyze').click();
        await page.getByTestId('summary').waitFor();
        assert.deepEqual(await violations(page), []);
        await page.context().close();
      });

      it('Settings', async () => {
        const page = await (await env.context({ size })).newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(env.app.url);
        await page.getByRole('button', { name: 'Settings' }).click();
        await page.getByTestId('settings').waitFor();
        assert.deepEqual(await violations(page), []);
        await page.context().close();
      });
    });
  }
}
