// A section of npm run bench (scripts/bench.ts): what the first screen costs
// (issue 14 point 1 and 5). Not a test: it prints figures.
//
// - first-load JS: the scripts and modulepreloads dist/index.html loads
//   (what the browser must fetch and run before the first screen works),
//   gzip level 9 as a static host serves them.
// - the whole app: every JavaScript file of the build (the analysis worker,
//   the lazily loaded chunks, the service worker and Workbox), raw and gzip.
// - first paint, warm: the built app served on 127.0.0.1 and opened in
//   Debian's Chromium (playwright-core); a first visit installs the service
//   worker and fills the caches, then each later visit in a fresh tab reads
//   the paint timing (first-contentful-paint) of the page. Median of RUNS.
// - the seed case's result page: its height and the first step's y position
//   at 1280×800 and 390×844 after Analyse (issue 15 point 1's figures).
//
// Needs dist/ (npm run build).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { loadavg } from 'node:os';
import { ROOT, firstLoadScripts, launch, loadZone, serveDist, startEnv } from '../../test/e2e/harness';

const DIST = path.join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function allScripts(dir = DIST): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) out.push(...allScripts(p));
    else if (f.endsWith('.js')) out.push(p);
  }
  return out;
}

function sizes(): void {
  const first = firstLoadScripts();
  let raw = 0;
  let zipped = 0;
  for (const f of first) {
    raw += f.raw;
    zipped += f.gzip;
    console.log(`  ${f.file}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
  }
  console.log(
    `first-load JS: ${kb(zipped)} gzip (${kb(raw)} raw, ${first.length} file${first.length === 1 ? '' : 's'}; aim ≤ 100 KB gzip)`,
  );
  const css = [...readFileSync(path.join(DIST, 'index.html'), 'utf8').matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (m) => readFileSync(path.join(DIST, m[1].replace(/^\.?\//, ''))),
  );
  if (css.length) console.log(`first-load CSS: ${kb(css.reduce((n, b) => n + gz(b), 0))} gzip`);
  const all = allScripts();
  let allRaw = 0;
  let allZip = 0;
  const rows: [string, number, number][] = [];
  for (const p of all) {
    const b = readFileSync(p);
    allRaw += b.length;
    allZip += gz(b);
    rows.push([path.relative(DIST, p), b.length, gz(b)]);
  }
  for (const [f, r, z] of rows.sort((a, b) => b[2] - a[2])) console.log(`  ${f}: ${kb(r)} raw, ${kb(z)} gzip`);
  console.log(`whole app JS: ${kb(allZip)} gzip (${kb(allRaw)} raw, ${all.length} files)`);
}

async function firstPaint(): Promise<void> {
  const app = await serveDist();
  const browser = await launch();
  try {
    const ctx = await browser.newContext();
    const first = await ctx.newPage();
    await first.goto(app.url);
    // the service worker installed, every precached file in the cache, and (clientsClaim) this very first page controlled
    await first.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
    const controlled = await first
      .waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 15000 })
      .then(() => first.evaluate(() => performance.now()))
      .catch(() => null);
    await first.close();
    const fcp: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await ctx.newPage();
      await page.goto(app.url);
      await page.getByTestId('analyze').waitFor();
      const t = await page.evaluate(async () => {
        // the paint entry may be queued a frame after load
        for (let k = 0; k < 50; k++) {
          const p = performance.getEntriesByName('first-contentful-paint')[0];
          if (p) return { fcp: p.startTime, ready: performance.now() };
          await new Promise((r) => requestAnimationFrame(r));
        }
        return { fcp: NaN, ready: performance.now() };
      });
      fcp.push(t.fcp);
      await page.close();
      ready.push(t.ready);
    }
    console.log(
      `service worker in control on the first visit: ${controlled === null ? 'no' : `yes, ${controlled.toFixed(0)} ms after navigation, without a reload`}`,
    );
    console.log(
      `first paint (warm, first-contentful-paint): median ${median(fcp).toFixed(0)} ms over ${RUNS} visits (min ${Math.min(...fcp).toFixed(0)}, max ${Math.max(...fcp).toFixed(0)}; aim ≤ 300 ms)`,
    );
    await ctx.close();
  } finally {
    await browser.close();
    await app.close();
  }
}

/** The seed case's result page: how tall, and where the first step's title is. */
async function seedLayout(): Promise<void> {
  const env = await startEnv({ zone: loadZone('mdaemon-554') });
  const seed = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
  try {
    for (const [w, h, mobile] of [
      [1280, 800, false],
      [390, 844, true],
    ] as const) {
      const ctx = await env.context();
      const page = await ctx.newPage();
      await page.setViewportSize({ width: w, height: h });
      await page.goto(env.app.url);
      await page.getByTestId('input').fill(seed);
      await page.getByTestId('analyze').click();
      await page.locator('ol.checklist > li').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('ol.checklist[aria-busy="true"], [data-status="pending"]'));
      await page.waitForFunction(() => !document.querySelector('[data-testid="analyze"]')?.hasAttribute('disabled'));
      const m = await page.evaluate(() => {
        const li = document.querySelector('ol.checklist > li');
        const title = li?.querySelector('.title') ?? li;
        const r = title!.getBoundingClientRect();
        return {
          height: document.documentElement.scrollHeight,
          y: r.top + scrollY,
          scroll: scrollY,
          inView: r.top >= 0 && r.bottom <= innerHeight,
        };
      });
      console.log(
        `seed result at ${w}×${h}${mobile ? ' (phone)' : ''}: page ${m.height} px tall; first step's title at y=${Math.round(m.y)} px (from the top of the page; ${m.inView ? 'inside' : 'outside'} the viewport after Analyse, scrolled ${Math.round(m.scroll)} px)`,
      );
      await ctx.close();
    }
  } finally {
    await env.close();
  }
}

async function main(): Promise<void> {
  console.log(`(load average ${loadavg()[0].toFixed(2)} at start)`);
  sizes();
  await firstPaint();
  await seedLayout();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
