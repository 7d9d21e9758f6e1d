// The first screen carries no engine (issue 14 points 1 and 5): the
// JavaScript index.html loads stays within 100 KB gzip and holds no parser
// or knowledge; the analysis worker's script is fetched after the first
// paint; and the service worker controls the page from the first visit,
// without a reload, so that the worker script and the examples come from its
// cache from then on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoadScripts, startEnv, type Env } from './harness';

let env: Env;

before(async () => {
  env = await startEnv({ zone: {} });
});
after(() => env?.close());

describe('first load', () => {
  it('is at most 100 KB of JavaScript (gzip), without the engine', () => {
    const files = firstLoadScripts();
    assert.ok(files.length >= 1, 'index.html loads a script');
    const total = files.reduce((n, f) => n + f.gzip, 0);
    assert.ok(total <= 100 * 1024, `first-load JS is ${(total / 1024).toFixed(1)} KB gzip`);
    // words that only the engine holds: the DNSBL registry, DNS names, the parsers, the reason engine
    for (const f of files)
      for (const engineOnly of ['relays.ordb.org', 'zen.spamhaus.org', 'in-addr.arpa', 'postscreen', 'notcompliantrfc'])
        assert.ok(!f.text.includes(engineOnly), `${f.file} carries "${engineOnly}"`);
  });

  it('fetches the analysis worker after the first paint, and the service worker controls the first visit', async () => {
    const ctx = await env.context();
    const page = await ctx.newPage();
    await page.goto(env.app.url);
    await page.evaluate(() => ((window as unknown as { firstLoad: boolean }).firstLoad = true));
    // the first visit: no reload, and yet controlled once the service worker is active
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30000 });
    assert.equal(await page.evaluate(() => (window as unknown as { firstLoad?: boolean }).firstLoad), true, 'the page was not reloaded');
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      worker: performance.getEntriesByType('resource').find((e) => /\/assets\/worker-[^/]*\.js$/.test(e.name))?.startTime ?? NaN,
    }));
    assert.ok(Number.isFinite(t.fcp), 'a first contentful paint');
    assert.ok(Number.isFinite(t.worker), 'the worker script was fetched (before the first analysis)');
    assert.ok(t.worker >= t.fcp, `worker script requested at ${t.worker.toFixed(0)} ms, first paint at ${t.fcp.toFixed(0)} ms`);
    // no update banner for the first install
    assert.equal(await page.getByText('A new version of Mailmedic is ready.').count(), 0);
    // the worker script is now served by the service worker (precached)
    const fromSw = await page.evaluate(async () => {
      const r = performance.getEntriesByType('resource').find((e) => /\/assets\/worker-[^/]*\.js$/.test(e.name))!;
      const res = await fetch(r.name);
      return res.ok && (await caches.match(r.name)) !== undefined;
    });
    assert.ok(fromSw, 'the worker script is in the precache');
    await ctx.close();
  });
});
