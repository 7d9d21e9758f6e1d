// What is pasted, what DNS answers and what a shared link carries are
// anyone's text: every place the page shows them must show them as text.
// Each input below puts markup in every field a reader picks out (headers,
// Received hops, Authentication-Results, DKIM tags, spam verdicts, MIME
// parts, log lines, SMTP replies, bounce diagnostics, DNS records, and every
// string of a shared report); nothing of it may run or become an element.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ROOT, startEnv, type Env } from './harness';

const X = `<img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=1</script><svg onload="window.__xss=1">`;
// a shorter one where fields are short or word-like (HELO names, selectors)
const Y = `"><img/src=y/onerror=window.__xss=1>`;

const MESSAGE = [
  `Received: from ${Y}.example (helo ${X}) (${Y} [192.0.2.9]) by mx.example.net (${X}) with ESMTP id ${Y}; Tue, 4 Mar 2025 10:00:00 +0000`,
  `Authentication-Results: mx.example.net; spf=fail (${X}) smtp.mailfrom=${Y}@example.org; dkim=fail reason="${X}" header.d=example.org; dmarc=fail (${X}) header.from=example.org`,
  `Received-SPF: fail (${X}) client-ip=192.0.2.9; envelope-from="${Y}@example.org"`,
  `DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=${Y}; c=relaxed/relaxed; h=from:to:subject; bh=${X}; b=abc`,
  `X-Spam-Status: Yes, score=9.1 required=5.0 tests=${Y},MISSING_DATE autolearn=no`,
  `X-Spam-Report: ${X}`,
  `X-Forefront-Antispam-Report: CIP:192.0.2.9;CTRY:${Y};SFV:SPM;H:${X};`,
  `From: "${X}" <${Y}@example.org>`,
  `Reply-To: ${X} <a@example.org>`,
  `To: ${X}`,
  `Subject: ${X}`,
  `Message-ID: <${X}@example.org>`,
  `List-Unsubscribe: <javascript:window.__xss=1>, <mailto:${Y}@example.org>`,
  `MIME-Version: 1.0`,
  `Content-Type: multipart/mixed; boundary="b"`,
  ``,
  `--b`,
  `Content-Type: text/html`,
  ``,
  `<p>${X}</p>`,
  `--b`,
  `Content-Type: application/octet-stream; name="${X}.pdf"`,
  `Content-Disposition: attachment; filename="${Y}.pdf"`,
  ``,
  `AAAA`,
  `--b--`,
  ``,
].join('\r\n');

const MDAEMON = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8')
  .replace(/accounting-pc/g, Y)
  .replace('554 Message does not conform to standards', `554 ${X}`)
  .replace(/reports@example\.org/g, `${Y}@example.org`);

const POSTFIX = [
  `Mar  4 10:20:00 mx1 postfix/qmgr[900]: 4XyZ2A0bcdQ1r: from=<${Y}@example.com>, size=2211, nrcpt=1 (queue active)`,
  `Mar  4 10:20:02 mx1 postfix/smtp[2210]: 4XyZ2A0bcdQ1r: to=<${Y}@example.net>, relay=mx.example.net[198.51.100.7]:25, delay=2.1, delays=0.01/0.01/0.9/1.2, dsn=5.7.1, status=bounced (host mx.example.net[198.51.100.7] said: 550 5.7.1 ${X} (in reply to RCPT TO command))`,
  `Mar  4 10:21:02 mx1 postfix/smtpd[2100]: NOQUEUE: reject: RCPT from unknown[203.0.113.45]: 450 4.7.25 Client host rejected: ${X}; from=<${Y}@office.example.org> to=<bob@example.com> proto=ESMTP helo=<${Y}>`,
].join('\n');

const BOUNCE = readFileSync(path.join(ROOT, 'test/fixtures/bounces/postfix-dsn.eml'), 'utf8')
  .replace(/User unknown in/g, `${X} in`)
  .replace(/Undelivered Mail Returned to Sender/, X);

let env: Env;

before(async () => {
  env = await startEnv({
    zone: {
      records: [
        // DNS answers are shown too (SPF tree, DMARC record, query log)
        { name: 'example.org', type: 'TXT', data: `v=spf1 ip4:192.0.2.0/24 exp=${'x'}.example.org -all ${X}` },
        { name: '_dmarc.example.org', type: 'TXT', data: `v=DMARC1; p=reject; rua=mailto:${X}` },
        { name: '9.2.0.192.in-addr.arpa', type: 'PTR', data: 'host.example.org' },
      ],
    },
  });
});
after(() => env?.close());

/** Analyse, open every folded part, and check that nothing ran and no element came from the text. */
async function assertInert(page: Page, what: string): Promise<void> {
  await page.locator('[data-testid="results"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="analyze"]')?.hasAttribute('disabled'));
  await page.$$eval('main details:not(.examples)', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.waitForTimeout(200);
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: number }).__xss ?? 0,
    elements: document.querySelectorAll('img[src="x"], img[src="y"], svg[onload], main script, [onerror], a[href^="javascript:"]').length,
  }));
  assert.deepEqual(found, { ran: 0, elements: 0 }, what);
  assert.ok((await page.locator('main').innerText()).includes('onerror='), `${what}: the markup is shown as text`);
}

describe('user text is shown as text, never run', () => {
  for (const [what, text] of [
    ['a message', MESSAGE],
    ['an MDaemon log', MDAEMON],
    ['a Postfix log', POSTFIX],
    ['a bounce', BOUNCE],
  ] as const) {
    it(`in ${what}`, async () => {
      const page = await (await env.context()).newPage();
      await page.goto(env.app.url);
      await page.getByTestId('input').fill(text);
      await page.getByTestId('analyze').click();
      await assertInert(page, what);
      await page.context().close();
    });
  }

  it('in every string of a shared findings link', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await page.getByTestId('input').fill(MESSAGE);
    await page.getByTestId('analyze').click();
    await assertInert(page, 'the message');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    const report = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    // every string of the report carries the markup, as a hand-made link could
    const poison = (x: unknown): unknown =>
      typeof x === 'string'
        ? `${x}${X}`
        : Array.isArray(x)
          ? x.map(poison)
          : x && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, poison(v)]))
            : x;
    const bad = poison(report) as Record<string, unknown>;
    bad.version = 1;
    const state = { v: 1, mode: 'findings', report: bad, done: [], dns: [], created: `2025-01-01T00:00:00Z${X}` };
    const other = await (await env.context()).newPage();
    await other.goto(`${env.app.url}#mm1.${deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url')}`);
    await other.locator('ol.checklist > li').first().waitFor();
    await assertInert(other, 'a poisoned shared link');
    await page.context().close();
    await other.context().close();
  });
});
