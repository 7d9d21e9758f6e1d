// Large logs in the browser: a file over the large-file threshold is read in
// the worker as a stream with a progress bar, summarised, and a refused
// session picked from the summary is diagnosed; reading can be cancelled.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, checklist, startEnv, type Env } from './harness';

const BASE = readFileSync(path.join(ROOT, 'test/fixtures/logs/postfix-syslog.log'), 'utf8').trimEnd().split('\n');

/** The fixture log repeated with fresh process and queue ids until it is about `mb` megabytes. */
function bigLog(mb: number): string {
  const out: string[] = [];
  let size = 0;
  for (let n = 0; size < mb * 1048576; n++) {
    for (const l of BASE) {
      const line = l.replace(/\[(\d{3,5})\]/g, (_m, pid: string) => `[${Number(pid) + n * 7}]`).replace(/4XyZ(\w+)/g, `4X${n}Z$1`);
      out.push(line);
      size += line.length + 1;
    }
  }
  return out.join('\n') + '\n';
}

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
    assert.match(totals, /postfix-log: [\d,]+ lines/);
    const reasons = await page.getByTestId('by-reason').innerText();
    for (const r of ['blocked', 'onhold', 'requireptr', 'spamdetected']) assert.match(reasons, new RegExp(r));
    assert.match(await page.getByTestId('top-ips').innerText(), /198\.51\.100\.23/);
    // filter by a reason, then diagnose the first session of it
    await page.getByTestId('by-reason').getByRole('button', { name: 'requireptr' }).click();
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
