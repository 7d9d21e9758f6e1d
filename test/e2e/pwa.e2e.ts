// The installable app from a sub-path, as on a shared static host
// (https://host/tools/mailmedic/): the manifest is valid for installing (name,
// start_url and scope inside the sub-path, PNG icons of the sizes it claims,
// a maskable one), the service worker's scope is the sub-path and it
// precaches the shell and the examples, the app and its examples work
// offline, and a new version waits for the user's "Reload".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';
import { EXAMPLES } from '../../src/ui/examples';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
const BASE = '/tools/mailmedic/';
let env: Env;
/** Bumped to serve a new version of the service worker. */
let version = 1;

before(async () => {
  env = await startEnv(
    { zone: loadZone('mdaemon-554') },
    {
      base: BASE,
      rewrite: (file, body) => (file === 'sw.js' && version > 1 ? Buffer.concat([body, Buffer.from(`\n// version ${version}\n`)]) : body),
    },
  );
});
after(() => env?.close());

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): [number, number] {
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('PWA from a sub-path', () => {
  it('has a manifest good for installing, with start_url and scope inside the sub-path', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    const href = await page.locator('link[rel="manifest"]').evaluate((l: HTMLLinkElement) => l.href);
    const manifestUrl = new URL(href);
    assert.ok(manifestUrl.pathname.startsWith(BASE), `manifest under the sub-path: ${manifestUrl.pathname}`);
    const m = await (await page.request.get(href)).json();
    assert.ok(m.name && m.short_name);
    assert.equal(m.display, 'standalone');
    assert.equal(new URL(m.start_url, manifestUrl).pathname, BASE);
    assert.equal(new URL(m.scope, manifestUrl).pathname, BASE);
    const pngs = m.icons.filter((i: { type: string }) => i.type === 'image/png');
    for (const icon of pngs) {
      const res = await page.request.get(new URL(icon.src, manifestUrl).href);
      assert.equal(res.status(), 200, icon.src);
      const [w, h] = pngSize(await res.body());
      assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is the size it claims`);
    }
    for (const size of ['192x192', '512x512'])
      assert.ok(
        pngs.some((i: { sizes: string }) => i.sizes === size),
        `a ${size} PNG icon`,
      );
    assert.ok(
      m.icons.some((i: { purpose?: string }) => i.purpose?.includes('maskable')),
      'a maskable icon',
    );
    await page.context().close();
  });

  it('registers the service worker for the sub-path, precaches shell and examples, and works offline', async () => {
    const ctx = await env.context();
    const page = await ctx.newPage();
    await page.goto(env.app.url);
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    assert.equal(new URL(scope).pathname, BASE);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    for (const want of ['index.html', ...EXAMPLES.map((e) => `examples/${e.file}`)])
      assert.ok(
        cached.some((u) => u.startsWith(BASE) && u.split('?')[0].endsWith(want)),
        `${want} precached`,
      );
    await page.reload();
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
    await ctx.setOffline(true);
    // a deep link (a permalink-like fragment) and a reload both come from the cache
    await page.goto(`${env.app.url}#nothing`);
    await page.getByTestId('examples').locator('summary').click();
    await page.locator(`[data-example="${EXAMPLES[0].file}"]`).click();
    await page.locator('ol.checklist > li').first().waitFor();
    assert.equal((await checklist(page))[0][0], 'smtp.not-compliant');
    await ctx.close();
  });

  it('a new version waits for the user: a banner, and Reload switches to it', async () => {
    version = 1;
    const ctx = await env.context();
    const page = await ctx.newPage();
    await page.goto(env.app.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await pasteAndAnalyze(page, SEED);
    assert.equal(await page.getByText('A new version of Mailmedic is ready.').count(), 0);
    // the host gets a new build; the next visit finds it, and it waits
    version = 2;
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await page.getByText('A new version of Mailmedic is ready.').waitFor({ timeout: 30000 });
    assert.ok(await page.locator('ol.checklist > li').count(), 'nothing was swapped under the user');
    await page.evaluate(() => ((window as unknown as { before: boolean }).before = true));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    assert.equal(await page.evaluate(() => (window as unknown as { before?: boolean }).before), undefined, 'the page reloaded');
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting)), false, 'no version waits');
    assert.equal(await page.getByText('A new version of Mailmedic is ready.').count(), 0);
    await ctx.close();
  });

  it('a version taken into use in another tab: this tab keeps offering Reload, and Reload still reloads', async () => {
    version = 10;
    const ctx = await env.context();
    const a = await ctx.newPage();
    await a.goto(env.app.url);
    // controlled from the first visit: no reload needed before the update
    await a.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30000 });
    const b = await ctx.newPage();
    await b.goto(env.app.url);
    await b.evaluate(() => ((window as unknown as { before: boolean }).before = true));
    version = 11;
    await a.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await a.getByText('A new version of Mailmedic is ready.').waitFor({ timeout: 30000 });
    await b.getByText('A new version of Mailmedic is ready.').waitFor({ timeout: 30000 });
    await Promise.all([a.waitForEvent('load'), a.getByRole('button', { name: 'Reload' }).click()]);
    // b now runs under the new version without having asked: it is not reloaded under the user…
    await b.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
    assert.equal(await b.evaluate(() => (window as unknown as { before?: boolean }).before), true, 'b was not reloaded by itself');
    assert.equal(await b.getByText('A new version of Mailmedic is ready.').count(), 1);
    // …and its Reload button reloads (no version waits any more to be told to skip waiting)
    await Promise.all([b.waitForEvent('load'), b.getByRole('button', { name: 'Reload' }).click()]);
    assert.equal(await b.evaluate(() => (window as unknown as { before?: boolean }).before), undefined, 'b reloaded');
    await ctx.close();
  });
});
