// The DoH transport in the browser, against the project's fixture server as
// resolvers really are:
// - over HTTP/2 with TLS (a throwaway certificate; this file's Chromium runs
//   with --ignore-certificate-errors): loading the page contacts no resolver;
//   pasting opens one connection with one question that carries nothing of
//   the paste (the root's NS), so that Analyse's questions do not wait for a
//   TLS handshake; the diagnosis asks everything over it, and so does the
//   next one;
// - over HTTP/1.1, where the browser sends six requests at once per origin
//   and queues the rest: with a resolver that answers every question in a
//   second, every question is answered (a timeout counted from the queue
//   made the fourth and fifth waves of six time out); and in two seconds, the
//   seed case's five waves: all 26 questions answered (a line that guessed
//   the browser's send order, and took an answer out of that order for
//   proof of HTTP/2, left 20 of 26 "no answer within 4000 ms" in Chromium on
//   an idle machine; src/net/send-line.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, checklist, loadZone, serveDist } from './harness';
import { startDohServer, type DohServer, type Zone } from '../support/doh-server';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
const zone = loadZone('mdaemon-554') as Zone;

let app: { url: string; close: () => Promise<void> };
let browser: Browser;
let h2: DohServer;
let slow: DohServer;
let slower: DohServer;

before(async () => {
  [app, h2, slow, slower] = await Promise.all([
    serveDist(),
    startDohServer({ zone, h2: true }),
    startDohServer({ zone, delay: 1000 }),
    startDohServer({ zone, delay: 2000 }),
  ]);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
  });
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), h2?.close(), slow?.close(), slower?.close()]);
});

async function pageWith(resolver: string): Promise<Page> {
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
  await ctx.addInitScript((s: string) => localStorage.setItem('mailmedic:settings', s), JSON.stringify({ resolvers: [resolver] }));
  const page = await ctx.newPage();
  await page.goto(app.url);
  return page;
}

async function analyseAndWait(page: Page): Promise<void> {
  await page.getByTestId('analyze').click();
  await page.locator('ol.checklist > li').first().waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="analyze"]')?.hasAttribute('disabled') &&
      !document.querySelector('ol.checklist[aria-busy="true"], ol.checklist li[data-status="pending"]'),
    undefined,
    { timeout: 60_000 },
  );
}

describe('the DoH transport in the browser', () => {
  it('HTTP/2: loading contacts no resolver; pasting opens one connection, asking nothing of the paste; the diagnoses open none', async () => {
    const page = await pageWith(h2.url);
    await page.waitForLoadState('networkidle');
    assert.equal(h2.connections, 0, 'loading the page contacts no resolver');
    await page.getByTestId('input').fill(SEED);
    for (let i = 0; i < 100 && !h2.seen.length; i++) await page.waitForTimeout(50);
    await page.waitForTimeout(200); // (anything more would have come by now)
    assert.deepEqual(
      h2.seen.map((q) => `${q.name || '.'} ${q.type}`),
      ['. NS'],
      'pasting asks one question, about nothing pasted',
    );
    const opened = h2.connections;
    assert.equal(opened, 1, 'one connection');
    await analyseAndWait(page);
    const asked = h2.seen.length;
    assert.ok(asked > 20, `${asked} questions`);
    assert.equal(h2.connections, opened, 'the diagnosis asks over the connection the paste opened');
    // the same input again, a moment later: its answers are cached (TTLs), so change the sender
    await page.getByTestId('edit-input').click(); // the input folds away once there is a result
    await page.getByTestId('input').fill(SEED.replace(/example\.org/g, 'example.net'));
    await analyseAndWait(page);
    assert.ok(h2.seen.length > asked, 'the second diagnosis asked the resolver');
    assert.equal(h2.connections, opened, 'over the connection already open');
    assert.equal((await checklist(page)).find(([r]) => r === 'ptr.missing')?.[1], 'fail');
    await page.context().close();
  });

  it('HTTP/1.1, a resolver answering every question in a second: every question is answered', async () => {
    const page = await pageWith(slow.url);
    await page.getByTestId('input').fill(SEED);
    await analyseAndWait(page);
    const steps = await checklist(page);
    assert.deepEqual(
      steps.filter(([, s]) => s === 'inconclusive'),
      [],
      'no step left undecided',
    );
    await page.getByTestId('querylog').locator('summary').click();
    const rows = await page.$$eval('[data-testid="querylog"] tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    assert.ok(rows.length > 20);
    assert.deepEqual(
      rows.filter((t) => /TIMEOUT/.test(t)),
      [],
    );
    await page.context().close();
  });

  it('HTTP/1.1, a resolver answering every question in 2 s: all 26 questions of the seed case are answered', async () => {
    const page = await pageWith(slower.url);
    await page.getByTestId('input').fill(SEED);
    await page.waitForLoadState('networkidle');
    slower.seen.length = 0;
    await analyseAndWait(page);
    // (the paste's warm-up question, the root's NS, may arrive late: it is not one of the diagnosis')
    const asked = slower.seen.filter((q) => q.name !== '');
    await page.getByTestId('querylog').locator('summary').click();
    const rows = await page.$$eval('[data-testid="querylog"] tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    assert.equal(rows.length, 26, 'the seed case asks 26 questions');
    assert.equal(asked.length, 26, 'each sent once');
    assert.deepEqual(
      rows.filter((t) => /TIMEOUT|no answer within|not sent/i.test(t)),
      [],
    );
    assert.equal(await page.getByText(/no answer within/).count(), 0);
    assert.deepEqual(
      (await checklist(page)).filter(([, s]) => s === 'inconclusive'),
      [],
      'no step left undecided',
    );
    await page.context().close();
  });
});
