// A section of npm run bench (scripts/bench.ts): the DNS part of a diagnosis
// in the page, from the Analyse click to the final checklist, in Debian's
// Chromium (playwright-core, as test/e2e/harness.ts drives it) against the
// project's DoH fixture server speaking HTTP/2 over TLS as public resolvers do
// (a throwaway certificate; Chromium runs with --ignore-certificate-errors),
// in its own process, answering every question after DELAY ms. Not a test:
// it prints figures.
//
// Each run is a fresh browser context (no HTTP cache, no connection to the
// resolver yet) on the built app (dist/, built first if missing). The click
// and the moment the checklist is final are taken in the page (the markup
// contract, DESIGN.md: `ol` not aria-busy, no step data-status="pending",
// the Analyse button usable again). The same input with live checks off, in
// runs interleaved with those, gives what the diagnosis costs without DNS;
// the live part is the difference of the medians, compared with the
// critical path (_dns-cases.ts) × DELAY. Aim: ≤ 1.2×.
//
// Then the 2-second resolver in the page, over HTTP/1.1 (six connections per
// origin: the questions queue in the browser) and HTTP/2: checks completed.
// Nothing leaves 127.0.0.1 (--host-resolver-rules maps every other name to
// nowhere).

import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, serveDist } from '../../test/e2e/harness';
import { criticalPath, median, seedCase, chainCase, type Case } from './_dns-cases';
import { requestCount, serverProcess, type ServerProcess } from './_dns-server';

const DELAY = Number(process.env.BENCH_DELAY ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface PageRun {
  ms: number;
  questions: number;
  failed: number;
  steps: number;
  inconclusive: number;
}

/** One diagnosis in a fresh context: click → final checklist, in the page's own clock. */
async function run(browser: Browser, app: string, resolvers: string[], input: string): Promise<PageRun> {
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    await ctx.addInitScript((s: string) => localStorage.setItem('mailmedic:settings', s), JSON.stringify({ resolvers }));
    const page = await ctx.newPage();
    await page.goto(app);
    await page.getByTestId('input').fill(input);
    // a person pastes, then clicks: the page has loaded what it loads after the first paint
    await page.waitForLoadState('networkidle');
    // (a string: tsx's helpers do not exist in the page)
    await page.evaluate(`(() => {
      window.__t0 = null;
      window.__t1 = null;
      const final = () => {
        const ol = document.querySelector('ol.checklist');
        if (!ol || !ol.querySelector('li[data-rule]') || ol.getAttribute('aria-busy') === 'true') return false;
        if (ol.querySelector('li[data-status="pending"]')) return false;
        return !document.querySelector('[data-testid="analyze"]').hasAttribute('disabled');
      };
      document.querySelector('[data-testid="analyze"]').addEventListener('click', () => (window.__t0 = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (window.__t0 !== null && window.__t1 === null && final()) window.__t1 = performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    await page.getByTestId('analyze').click();
    await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__t1 !== null, null, { timeout: 120_000 });
    const ms = (await page.evaluate('window.__t1 - window.__t0')) as number;
    const steps = await page.$$eval('ol.checklist > li[data-rule]', (lis) => lis.map((li) => li.getAttribute('data-status')));
    const rows = await page.$$eval('[data-testid="querylog"] tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).textContent ?? ''));
    return {
      ms,
      questions: rows.length,
      failed: rows.filter((t) => /TIMEOUT|DEADLINE|NETWORK|MALFORMED|HTTP \d/.test(t)).length,
      steps: steps.length,
      inconclusive: steps.filter((s) => s === 'inconclusive').length,
    };
  } finally {
    await ctx.close();
  }
}

async function bench(browser: Browser, app: string, c: Case): Promise<void> {
  const cp = await criticalPath(c);
  const ideal = cp.depth * DELAY;
  console.log(`\n${c.name}: critical path ${cp.depth} round trip${cp.depth > 1 ? 's' : ''} × ${DELAY} ms = ${ideal} ms`);
  for (const h2 of [true, false]) {
    const server = await serverProcess(c.zone, DELAY, h2);
    const live: PageRun[] = [];
    const offline: PageRun[] = [];
    await run(browser, app, [server.url], c.input); // the first browser context pays one-off costs: not counted
    const sent: Sent[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await counted(server, () => run(browser, app, [server.url], c.input));
      live.push(r.run);
      sent.push(r.requests);
      offline.push(await run(browser, app, [], c.input));
    }
    server.stop();
    const base = median(offline.map((r) => r.ms));
    const total = median(live.map((r) => r.ms));
    const part = total - base;
    const label = h2 ? 'HTTP/2 over TLS' : 'HTTP/1.1';
    console.log(
      `  ${label}: click → final checklist median ${total.toFixed(0)} ms over ${RUNS} fresh contexts (min ${Math.min(...live.map((r) => r.ms)).toFixed(0)}, max ${Math.max(...live.map((r) => r.ms)).toFixed(0)}); live checks off ${base.toFixed(0)} ms; ${live[0].questions} questions, ${live.reduce((n, r) => n + r.failed, 0)} failed in all runs`,
    );
    console.log(
      `  ratio (Chromium, ${label}): ${(part / ideal).toFixed(2)}× the critical path (live part ${part.toFixed(0)} ms; aim ≤ 1.20×)`,
    );
    console.log(`  ${requestsLine(sent, live)}`);
  }
}

interface Sent {
  requests: number;
  distinct: number;
  warm: number;
}

/** One run, with the DoH requests the server received during it. */
async function counted(server: ServerProcess, f: () => Promise<PageRun>): Promise<{ run: PageRun; requests: Sent }> {
  await server.reset();
  const run = await f();
  return { run, requests: requestCount(await server.seen()) };
}

/** DoH requests the resolver received against the distinct questions among them and the query log's rows. */
function requestsLine(sent: Sent[], runs: PageRun[]): string {
  const extra = sent.filter((s) => s.requests !== s.distinct).length;
  const unlisted = sent.filter((s, i) => s.distinct !== runs[i].questions).length;
  return `DoH requests per diagnosis: median ${median(sent.map((s) => s.requests))} for ${median(sent.map((s) => s.distinct))} distinct questions (the query log lists ${median(runs.map((r) => r.questions))}); runs with a question sent twice: ${extra}/${sent.length}, with the log's count ≠ the server's: ${unlisted}/${sent.length}; warm-up questions when pasting (the root's NS): ${sent.reduce((n, s) => n + s.warm, 0)} in ${sent.length} runs`;
}

/** Every question answered in 2 s: does every check complete in the page? */
async function twoSecondResolver(browser: Browser, app: string): Promise<void> {
  const c = seedCase();
  console.log(`\n2-second resolver in the page (seed case)`);
  for (const h2 of [false, true]) {
    const server = await serverProcess(c.zone, 2000, h2);
    const { run: r, requests } = await counted(server, () => run(browser, app, [server.url], c.input));
    server.stop();
    console.log(
      `  ${h2 ? 'HTTP/2 over TLS' : 'HTTP/1.1 (six connections)'}: checks completed: ${r.questions - r.failed}/${r.questions} questions answered, ${r.steps - r.inconclusive}/${r.steps} steps decided, click → final ${(r.ms / 1000).toFixed(1)} s; ${requestsLine([requests], [r])}`,
    );
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/index.html'))) {
    console.log('(building the app first)');
    spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  console.log(`bench: Chromium against the DoH fixture server (its own process) answering every question after ${DELAY} ms`);
  console.log(`  (${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)} at start)`);
  const app = await serveDist();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    for (const c of [seedCase(), chainCase()]) await bench(browser, app.url, c);
    await twoSecondResolver(browser, app.url);
  } finally {
    await browser.close();
    await app.close();
  }
  console.log(`  (load average ${loadavg()[0].toFixed(2)} at the end)`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
