// Offline: after one online visit the service worker serves the app; a
// pasted log is analysed; live checks say inconclusive (or rest on the log)
// with a retry; when the network returns they run again by themselves.
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

describe('offline', () => {
  it('reloads from the service worker, analyses, and retries live checks when back online', async () => {
    const ctx = await env.context();
    const page = await ctx.newPage();
    await page.goto(env.app.url);
    // the first visit installs the service worker and precaches the shell;
    // from the next load on it controls the page
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
    await ctx.setOffline(true);
    await page.reload();
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.ok(await page.locator('.badge.offline').isVisible(), 'the page says it is offline');
    env.dns.seen.length = 0;
    await pasteAndAnalyze(page, SEED);
    const steps = await checklist(page);
    assert.equal(steps[0][0], 'smtp.not-compliant');
    assert.deepEqual(
      steps.find(([r]) => r === 'ptr.missing'),
      ['ptr.missing', 'warn'],
      'offline, the PTR step rests on the receiver log only',
    );
    assert.deepEqual(
      steps.find(([r]) => r === 'spf.missing'),
      ['spf.missing', 'inconclusive'],
    );
    assert.ok(await page.getByTestId('retry').isVisible(), 'a retry is offered');
    assert.equal(env.dns.seen.length, 0, 'no DNS question left while offline');
    // the network returns: the live checks run again
    await ctx.setOffline(false);
    await page.waitForFunction(() => document.querySelector('li[data-rule="ptr.missing"]')?.getAttribute('data-status') === 'fail');
    assert.deepEqual(
      (await checklist(page)).find(([r]) => r === 'spf.missing'),
      ['spf.missing', 'pass'],
    );
    assert.ok(env.dns.seen.length > 0);
    await ctx.close();
  });
});
