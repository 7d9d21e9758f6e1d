// Large logs in the browser: a file over the large-file threshold is read in
// the worker as a stream with a progress bar, summarised, and a refused
// session picked from the summary is diagnosed; reading can be cancelled.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bigLog, checklist, startEnv, type Env } from './harness';

let env: Env;
let dir: string;

before(async () => {
  env = await startEnv({ zone: {} });
  dir = mkdtempSync(path.join(tmpdir(), 'mailmedic-e2e-'));
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('large log', () => {
  it('is summarised in the worker, and a refused session is diagnosed', async () => {
    const file = path.join(dir, 'mail.log');
    writeFileSync(file, bigLog(6));
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('summary').waitFor({ timeout: 60000 });
    const totals = await page.getByTestId('summary-totals').innerText();
    assert.match(totals, /Postfix log: [\d,]+\slines/);
    // grouped by reason (the default), in words with sisimai's name beside them
    const reasons = await page.getByTestId('summary-groups').innerText();
    for (const r of ['blocked', 'onhold', 'requireptr', 'spamdetected']) assert.match(reasons, new RegExp(r));
    await page.getByRole('button', { name: 'Client IP', exact: true }).click();
    assert.match(await page.getByTestId('summary-groups').innerText(), /198\.51\.100\.23/);
    // the same filters and search as any log's triage (issue 15 point 3)
    await page.getByTestId('summary-search').fill('198.51.100.23');
    const found = page.getByTestId('summary-sessions').locator('li');
    assert.ok((await found.count()) >= 1);
    assert.match(await found.first().innerText(), /198\.51\.100\.23/);
    await page.getByTestId('summary-search').fill('');
    await page.getByTestId('filter-direction').selectOption('inbound');
    for (const d of await found.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-direction')))) assert.equal(d, 'inbound');
    await page.getByTestId('filter-direction').selectOption('');
    // filter by a reason, then diagnose the first session of it
    await page.getByTestId('filter-reason').selectOption('requireptr');
    const first = page.getByTestId('summary-sessions').locator('li').first();
    assert.equal(await first.getAttribute('data-reason'), 'requireptr');
    await first.getByRole('button', { name: 'Diagnose' }).click();
    await page.locator('ol.checklist > li').first().waitFor();
    const input = await page.getByTestId('input').inputValue();
    assert.match(input, /cannot find your hostname/);
    assert.ok(input.split('\n').length < 10, 'only the session’s own lines are analysed');
    const steps = await checklist(page);
    assert.ok(
      steps.some(([rule]) => rule.startsWith('ptr.')),
      `a reverse-DNS step: ${JSON.stringify(steps)}`,
    );
    await page.context().close();
  });

  it('shows progress and can be cancelled', async () => {
    const file = path.join(dir, 'huge.log');
    writeFileSync(file, bigLog(80));
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('large-progress').waitFor();
    await page.getByTestId('large-cancel').click();
    await page.getByTestId('large-cancelled').waitFor({ timeout: 30000 });
    assert.equal(await page.getByTestId('summary').count(), 0);
    // the page stayed usable
    await page.getByTestId('input').fill('hello');
    assert.equal(await page.getByTestId('input').inputValue(), 'hello');
    await page.context().close();
  });
});
