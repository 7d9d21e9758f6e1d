// The seed case in the real browser: paste → ordered checklist, checked live
// against the project's DoH fixture server; dropping the file; the query log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: loadZone('mdaemon-554') });
});
after(() => env?.close());

describe('seed case in the browser', () => {
  it('paste → the checklist in order, with live PTR answer and the query log', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    const steps = await checklist(page);
    assert.deepEqual(steps.slice(0, 4), [
      ['smtp.not-compliant', 'fail'],
      ['dnsbl.defunct', 'fail'],
      ['ptr.missing', 'fail'],
      ['helo.invalid', 'warn'],
    ]);
    assert.ok(
      steps.some(([r, s]) => r === 'spf.fail' && s === 'pass'),
      'SPF pass as logged',
    );
    assert.ok(!steps.some(([r, s]) => r === 'dnsbl.listed' && s === 'fail'));
    const ptr = page.locator('li[data-rule="ptr.missing"]');
    assert.match(await ptr.innerText(), /135\.72\.78\.80\.in-addr\.arpa/);
    assert.match(await ptr.innerText(), /dig -x 80\.78\.72\.135/);
    const ordb = page.locator('li[data-rule="dnsbl.defunct"]');
    assert.match(await ordb.innerText(), /relays\.ordb\.org/);
    assert.match(await ordb.innerText(), /line 23/);
    // the query log shows the PTR question, sent to the fixture resolver
    const log = page.getByTestId('querylog');
    await log.locator('summary').click();
    const row = log.locator('tr', { hasText: '135.72.78.80.in-addr.arpa' });
    assert.match(await row.innerText(), /NXDOMAIN/);
    assert.match(await row.innerText(), new RegExp(env.dns.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // and the fixture server saw exactly the questions the log shows (besides the paste's warm-up,
    // the root's NS, which carries nothing of it: src/net/doh.ts warm)
    const shown = await log.locator('tbody tr').count();
    assert.equal(env.dns.seen.filter((q) => q.name !== '').length, shown);
    await page.context().close();
  });

  it('evidence line numbers select the line in the input; the report downloads as JSON', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    await page.locator('li[data-rule="dnsbl.defunct"]').getByRole('button', { name: 'line 23' }).click();
    const selected = await page.getByTestId('input').evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.equal(selected, SEED.split('\n')[22]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    assert.equal(json.version, 1);
    assert.equal(json.checklist[0].rule, 'smtp.not-compliant');
    await page.context().close();
  });

  it('dropping the log file gives the same first step', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'input.log', { type: 'text/plain' }));
      return d;
    }, SEED);
    await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dt });
    await page.locator('ol.checklist > li').first().waitFor();
    assert.equal((await checklist(page))[0][0], 'smtp.not-compliant');
    assert.match(await page.locator('.filename').innerText(), /input\.log/);
    await page.context().close();
  });

  it('settings: an added resolver is validated and kept in localStorage', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Add a resolver').fill('http://example.com/dns-query');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    assert.match(await page.getByTestId('settings').innerText(), /Not added: must use https/);
    await page.getByLabel('Add a resolver').fill('https://dns.example/dns-query');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mailmedic:settings')!));
    // the user's resolver is asked first (issue 15: resolvers ordered by the user)
    assert.deepEqual(saved.resolvers, ['https://dns.example/dns-query', env.dns.url]);
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    assert.match(await page.getByTestId('settings').innerText(), /dns\.example/);
    await page.context().close();
  });
});
