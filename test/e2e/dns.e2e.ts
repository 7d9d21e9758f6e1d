// Live DNS in the browser: the query log shows every question (and only the
// questions that reached the resolver), a resolver that refuses cross-origin
// pages is named as such and the next one answers, the settings' test button
// tells CORS from a resolver that is down, and a Spamhaus DQS key is used but
// never shown.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';
import { downResolverUrl, startDohServer, type DohServer, type Zone } from '../support/doh-server';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
const KEY = 'e2ekey0123456789abcdefghij';
const seedZone = loadZone('mdaemon-554') as Zone;
const zone: Zone = {
  ...seedZone,
  records: [
    ...(seedZone.records ?? []),
    { name: 'example.com', type: 'A', data: '192.0.2.10' },
    // with the DQS key, Spamhaus answers at <key>.zen.dq.spamhaus.net: the sender is on the XBL there
    { name: `2.0.0.127.${KEY}.zen.dq.spamhaus.net`, type: 'A', data: '127.0.0.2' },
    { name: `135.72.78.80.${KEY}.zen.dq.spamhaus.net`, type: 'A', data: '127.0.0.4' },
    { name: `135.72.78.80.${KEY}.zen.dq.spamhaus.net`, type: 'TXT', data: 'https://check.spamhaus.org/' },
  ],
  ad: true,
};

let env: Env;
let refusing: DohServer;
let down: string;

before(async () => {
  env = await startEnv({ zone });
  refusing = await startDohServer({ zone, noCors: true });
  down = await downResolverUrl();
});
after(async () => {
  await refusing?.close();
  await env?.close();
});

const rows = (page: import('playwright-core').Page) =>
  page.$$eval('[data-testid="querylog"] tbody tr', (trs) =>
    trs.map((tr) => ({ q: `${tr.getAttribute('data-name')} ${tr.getAttribute('data-type')}`, text: (tr as HTMLElement).innerText })),
  );

describe('live DNS in the browser', () => {
  it('the query log lists exactly the questions the resolver received, with resolver, answer, AD and time', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    env.dns.seen.length = 0;
    await pasteAndAnalyze(page, SEED);
    await page.getByTestId('querylog').locator('summary').click();
    const shown = await rows(page);
    // besides the paste's warm-up question, which carries nothing of it (the root's NS; src/net/doh.ts warm)
    const sent = env.dns.seen.map((s) => `${s.name} ${s.type}`).filter((q) => q !== ' NS');
    assert.ok(env.dns.seen.length - sent.length <= 1, 'one warm-up question at most');
    assert.deepEqual([...shown.map((r) => r.q)].sort(), [...sent].sort());
    assert.equal(new Set(sent).size, sent.length, 'each question once');
    const ptr = shown.find((r) => r.q === '135.72.78.80.in-addr.arpa PTR')!;
    assert.match(ptr.text, /NXDOMAIN/);
    assert.match(ptr.text, /AD/);
    assert.match(ptr.text, new RegExp(`127\\.0\\.0\\.1:${new URL(env.dns.url).port}`));
    assert.match(ptr.text, /\d+ ms/);
    const probe = shown.find((r) => r.q === '2.0.0.127.zen.spamhaus.org A')!;
    assert.match(probe.text, /test point/);
    assert.match(probe.text, /127\.0\.0\.2/);
    // the blocklists answered their test points and do not list the sender
    const steps = await checklist(page);
    assert.ok(steps.some(([r, s]) => r === 'dnsbl.listed' && s === 'pass'));
    assert.ok(!steps.some(([r]) => r === 'dnsbl.inconclusive'));
    await page.context().close();
  });

  it('a resolver that refuses cross-origin requests is passed over for the next one', async () => {
    const page = await (await env.context({ resolvers: [refusing.url, env.dns.url] })).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    assert.equal((await checklist(page)).find(([r]) => r === 'ptr.missing')?.[1], 'fail');
    await page.getByTestId('querylog').locator('summary').click();
    const shown = await rows(page);
    assert.ok(shown.length > 0);
    // the first question found the refusing resolver; later ones go straight to the next
    assert.ok(shown.some((r) => /after 1 failed/.test(r.text)));
    assert.ok(shown.every((r) => r.text.includes(new URL(env.dns.url).host)));
    await page.context().close();
  });

  it('the settings test button tells a cross-origin refusal from a resolver that is down', async () => {
    const page = await (await env.context({ resolvers: [env.dns.url, refusing.url, down] })).newPage();
    await page.goto(env.app.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const result = async (url: string) => {
      await page.getByRole('button', { name: `Test ${url}` }).click();
      const r = page.locator('.resolvers li', { hasText: url }).getByTestId('resolver-test');
      await r.waitFor();
      return { failure: await r.getAttribute('data-failure'), ok: await r.getAttribute('data-ok'), text: await r.innerText() };
    };
    const good = await result(env.dns.url);
    assert.equal(good.ok, 'true');
    assert.match(good.text, /DNSSEC-validated/);
    const cors = await result(refusing.url);
    assert.equal(cors.failure, 'CORS');
    assert.match(cors.text, /cross-origin/);
    const net = await result(down);
    assert.equal(net.failure, 'NETWORK');
    await page.context().close();
  });

  it('with a Spamhaus DQS key, Spamhaus is asked at <key>.zen.dq.spamhaus.net; the key is never shown or exported', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Spamhaus DQS key').fill('not a key!');
    await page.getByTestId('key-dqsKey').getByRole('button', { name: 'Save' }).click();
    assert.match(await page.getByTestId('key-dqsKey').innerText(), /Not saved/);
    await page.getByLabel('Spamhaus DQS key').fill(KEY);
    await page.getByTestId('key-dqsKey').getByRole('button', { name: 'Save' }).click();
    assert.match(await page.getByTestId('key-dqsKey-set').innerText(), /…ghij/);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mailmedic:settings')!));
    assert.equal(saved.dqsKey, KEY);
    env.dns.seen.length = 0;
    await pasteAndAnalyze(page, SEED);
    assert.ok(
      env.dns.seen.some((s) => s.name === `135.72.78.80.${KEY}.zen.dq.spamhaus.net`),
      JSON.stringify(env.dns.seen.filter((s) => s.name.includes('spamhaus'))),
    );
    assert.ok(!env.dns.seen.some((s) => s.name.endsWith('.zen.spamhaus.org')));
    const listed = page.locator('li[data-rule="dnsbl.listed"][data-status="fail"]');
    assert.match(await listed.innerText(), /<key>\.zen\.dq\.spamhaus\.net.*XBL/s);
    await page.getByTestId('querylog').locator('summary').click();
    assert.ok(!(await page.locator('body').innerText()).includes(KEY), 'the key is not on the page');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    assert.ok(!readFileSync((await download.path())!, 'utf8').includes(KEY), 'the key is not in the report');
    await page.context().close();
  });
});
