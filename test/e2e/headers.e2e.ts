// Headers and whole messages in the browser: headers pasted alone, a whole
// message pasted, an .eml and an Outlook .msg dropped; the hop table, the
// authentication summary and the verdicts; and markup inside headers shown
// as text, never run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import CFB from 'cfb';
import type { Page } from 'playwright-core';
import { ROOT, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

const CASES = ['outlook-junk-verdict', 'gmail-spf-softfail', 'script-message-noncompliant'];
const input = (c: string, f = 'input.txt') => readFileSync(path.join(ROOT, 'test/fixtures/cases', c, f));
let env: Env;

before(async () => {
  // one DNS world holding the records of every case used here
  const records = CASES.flatMap((c) => (loadZone(c) as { records?: unknown[] }).records ?? []);
  env = await startEnv({ zone: { records } as Parameters<typeof startEnv>[0]['zone'] });
});
after(() => env?.close());

async function drop(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const dt = await page.evaluateHandle(
    ({ data, name, type }) => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array(data)], name, { type }));
      return d;
    },
    { data: [...bytes], name, type },
  );
  await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dt });
  await page.locator('ol.checklist > li').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="analyze"]')?.hasAttribute('disabled'));
}

describe('headers and messages in the browser', () => {
  it('headers pasted alone: verdict, missing PTR of the origin, hop table with the origin marked', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, input('outlook-junk-verdict').toString('utf8'));
    const steps = await checklist(page);
    assert.deepEqual(steps[0], ['ptr.missing', 'fail']);
    assert.ok(steps.some(([r, s]) => r === 'verdict.spam' && s === 'fail'));
    const hops = page.getByTestId('hop-table');
    assert.equal(await hops.locator('tbody tr').count(), 5);
    const origin = hops.locator('tr.origin');
    assert.equal(await origin.count(), 1);
    assert.match(await origin.innerText(), /198\.51\.100\.23/);
    assert.match(await page.getByTestId('origin').innerText(), /names 198\.51\.100\.23 as the connecting IP/);
    // the delay bars: drawn for positive waits
    assert.ok((await hops.locator('.bar').count()) >= 3);
    // a hop's line number selects its Received line in the input
    await origin.getByRole('button', { name: 'line 22' }).click();
    const selected = await page.getByTestId('input').evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.match(selected, /^Received: from smtp\.invoices\.example \(198\.51\.100\.23\) by/);
    // what the receiver recorded, and what DNS says now
    const auth = page.getByTestId('auth-summary');
    assert.match(await auth.locator('tr[data-method="spf"]').innerText(), /pass[\s\S]*smtp\.mailfrom=invoices\.example/);
    assert.match(await auth.locator('tr[data-method="spf"]').innerText(), /publishes an SPF record/);
    // verdicts in words; an undocumented field shown, not dropped
    const forefront = page.getByTestId('verdict').filter({ hasText: 'X-Forefront-Antispam-Report' });
    assert.match(await forefront.innerText(), /Spam filtering marked the message as spam/);
    assert.match(await forefront.innerText(), /SFS[\s\S]*Internal identifiers/);
    const ara = page.getByTestId('verdict').locator('tr', { has: page.locator('th', { hasText: /^ARA$/ }) });
    assert.match(await ara.innerText(), /13230040\|69100299015\|8096899003[\s\S]*not documented/);
    // every header field, linked to where it is defined
    const all = page.getByTestId('all-headers');
    await all.locator('summary').click();
    assert.match(await all.locator('summary').innerText(), /All 25 header fields/);
    assert.equal(
      await all.getByRole('link', { name: 'Authentication-Results' }).getAttribute('href'),
      'https://www.rfc-editor.org/rfc/rfc8601',
    );
    await page.context().close();
  });

  it("a whole message pasted: decoded subject, transit, the receiver's SPF softfail beside DNS now", async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, input('gmail-spf-softfail').toString('utf8'));
    assert.match(await page.locator('.inputs').innerText(), /message/);
    assert.match(await page.getByTestId('message-summary').innerText(), /Weekaanbiedingen 🎉/);
    assert.match(await page.getByTestId('transit').innerText(), /4 s/);
    const spf = page.getByTestId('auth-summary').locator('tr[data-method="spf"]');
    assert.match(await spf.innerText(), /softfail/);
    assert.match(await page.getByTestId('arc-chain').innerText(), /google\.com/);
    assert.match(await page.getByTestId('auth-summary').locator('tr[data-method="dkim"]').innerText(), /none[\s\S]*not signed/);
    const steps = await checklist(page);
    assert.ok(steps.some(([r, s]) => r === 'ptr.missing' && s === 'pass'));
    await page.context().close();
  });

  it('an .eml dropped: its exact bytes are checked, header problems first', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await drop(page, 'order.eml', input('script-message-noncompliant', 'input.eml'), 'message/rfc822');
    assert.match(await page.locator('.filename').innerText(), /order\.eml/);
    const steps = await checklist(page);
    assert.ok(steps[0][0].startsWith('headers.'), `first step ${steps[0][0]}`);
    assert.ok(
      steps.some(([r, s]) => r === 'headers.bare-newline' && s === 'pass'),
      'line ends are checked on a dropped file',
    );
    const addr = page.locator('li[data-rule="headers.invalid-address"]');
    assert.match((await addr.textContent()) ?? '', /"Webshop, Orders" <orders@webshop\.example>/);
    await page.context().close();
  });

  it('an Outlook .msg dropped: its Internet headers are analysed', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(
      cfb,
      '/__substg1.0_007D001F',
      Buffer.from(input('outlook-junk-verdict').toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf16le'),
    );
    CFB.utils.cfb_add(cfb, '/__substg1.0_0037001F', Buffer.from('Invoice 2025-0117', 'utf16le'));
    CFB.utils.cfb_add(cfb, '/__properties_version1.0', Buffer.alloc(32));
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await drop(page, 'invoice.msg', CFB.write(cfb, { type: 'buffer' }) as Buffer, 'application/vnd.ms-outlook');
    assert.ok((await checklist(page)).some(([r, s]) => r === 'verdict.spam' && s === 'fail'));
    assert.equal(await page.getByTestId('hop-table').locator('tbody tr').count(), 5);
    await page.context().close();
  });

  it('a findings-only link shows the message view, with the local parts redacted', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, input('outlook-junk-verdict').toString('utf8'));
    await page.getByRole('button', { name: 'Share…' }).click();
    await page.getByLabel('Only the findings').check();
    await page.getByTestId('make-link').click();
    const link = await page.getByTestId('share-link').inputValue();
    const other = await (await env.context()).newPage();
    await other.goto(link);
    await other.getByTestId('message').waitFor();
    assert.equal(await other.getByTestId('hop-table').locator('tbody tr').count(), 5);
    const text = (await other.getByTestId('message').textContent()) ?? '';
    assert.ok(!text.includes('billing@invoices.example'), 'local parts redacted');
    assert.match(text, /@invoices\.example/);
    await page.context().close();
    await other.context().close();
  });

  it('markup and script inside headers are shown as text, never run', async () => {
    const evil = [
      'Received: from <img src=x onerror="window.__pwned=1">.example (mail.sender.example [198.51.100.7]) by mx.receiver.example with ESMTP id <b>X</b>; Tue, 4 Mar 2025 10:11:09 +0000',
      'Authentication-Results: mx.receiver.example; spf=pass (<script>window.__pwned=2</script>) smtp.mailfrom=a@sender.example',
      'X-Spam-Status: No, score=0.1 required=5.0 tests=<svg/onload=window.__pwned=3> autolearn=no version=4.0.0',
      'DKIM-Signature: v=1; a=rsa-sha256; d=sender.example; s=<img src=x onerror="window.__pwned=6">; h=from; bh=AAAA; b=BBBB',
      'From: "<script>window.__pwned=4</script>" <a@sender.example>',
      'To: b@receiver.example',
      `Subject: =?UTF-8?B?${Buffer.from('<img src=x onerror="window.__pwned=5">').toString('base64')}?=`,
      'Date: Tue, 4 Mar 2025 10:11:05 +0000',
      'Message-ID: <x@sender.example>',
      '',
    ].join('\n');
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, evil);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    const results = page.getByTestId('results');
    assert.equal(await results.locator('img, script, svg, b').count(), 0, 'no element made from header text');
    assert.equal(await page.getByTestId('dkim-signature').count(), 1);
    const text = (await results.textContent()) ?? '';
    assert.ok(text.includes('<script>window.__pwned=4</script>'), 'the From display name is shown literally');
    assert.ok(text.includes('<img src=x onerror="window.__pwned=5">'), 'the decoded subject is shown literally');
    await page.context().close();
  });
});
