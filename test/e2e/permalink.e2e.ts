// Permalinks: the state travels in the URL fragment; a shared link opens the
// same diagnosis with the recorded DNS answers; redaction applies; a broken
// link gives a clear message and an empty app.
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

describe('permalinks', () => {
  it('a link with the input reopens the same checklist and progress, replaying the DNS answers', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    const before = await checklist(page);
    await page.locator('li[data-rule="dnsbl.defunct"] input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Share…' }).click();
    await page.getByTestId('make-link').click();
    const link = await page.getByTestId('share-link').inputValue();
    assert.ok(link.startsWith(env.app.url + '#mm1.'), 'state in the fragment');
    assert.ok(!link.includes('?'), 'never in the query string');
    env.dns.seen.length = 0;
    const other = await (await env.context()).newPage();
    await other.goto(link);
    await other.locator('ol.checklist > li').first().waitFor();
    assert.deepEqual(await checklist(other), before);
    assert.equal(env.dns.seen.length, 0, 'the recorded answers are replayed, not asked again');
    assert.match(await other.locator('.banner.shared').innerText(), /Shared diagnosis/);
    assert.ok(await other.locator('li[data-rule="dnsbl.defunct"] input[type="checkbox"]').isChecked(), 'progress travels');
    // local parts are redacted by default
    assert.ok(!(await other.getByTestId('input').inputValue()).includes('reports@'));
    await page.context().close();
    await other.context().close();
  });

  it('findings only, with an IP redacted, never carries the input or the IP', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    await page.getByRole('button', { name: 'Share…' }).click();
    await page.getByLabel('Only the findings').check();
    await page.getByLabel('IP addresses to hide').fill('80.78.72.135');
    await page.getByTestId('make-link').click();
    const link = await page.getByTestId('share-link').inputValue();
    const other = await (await env.context()).newPage();
    await other.goto(link);
    await other.locator('ol.checklist > li').first().waitFor();
    const text = await other.locator('body').innerText();
    assert.ok(!text.includes('80.78.72.135') && !text.includes('135.72.78.80'), 'the IP and its reverse name are gone');
    assert.match(text, /192\.0\.2\.1/);
    assert.equal(await other.getByTestId('input').inputValue(), '');
    await page.context().close();
    await other.context().close();
  });

  it('a broken link shows a clear message and an empty app', async () => {
    const page = await (await env.context()).newPage();
    for (const frag of ['#mm1.AAAA%%%', '#mm1.' + 'x'.repeat(50), '#mm9.abc']) {
      await page.goto(env.app.url + frag);
      await page.getByRole('alert').waitFor();
      assert.match(await page.getByRole('alert').innerText(), /This link cannot be opened/);
      assert.equal(await page.locator('ol.checklist').count(), 0);
    }
    await page.context().close();
  });
});
