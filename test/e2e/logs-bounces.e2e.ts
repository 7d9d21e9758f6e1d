// Logs and bounces of other servers in the browser: pasted, read as the right
// kind, their refusals listed and the checklist started from the refusal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checklist, pasteAndAnalyze, startEnv, type Env } from './harness';

const fixture = (p: string) => readFileSync(path.join(ROOT, 'test/fixtures', p), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: {} });
});
after(() => env?.close());

describe('other servers’ logs and bounces', () => {
  // the input kind is said in words (issue 15 point 5), in the input's one-line summary
  for (const [file, kind, first] of [
    ['bounces/postfix-dsn.eml', 'Bounce message', 'smtp.recipient-unknown'],
    ['logs/exchange-protocol.log', 'Exchange log', 'smtp.relay-denied'],
    ['logs/telnet.txt', 'SMTP conversation', 'smtp.sender-invalid'],
    ['logs/postfix-iso.log', 'Postfix log', null],
  ] as const) {
    it(`${file}: read as ${kind}${first ? `, first step ${first}` : ''}`, async () => {
      const page = await (await env.context()).newPage();
      await page.goto(env.app.url);
      await pasteAndAnalyze(page, fixture(file));
      assert.match(await page.getByTestId('input-summary').innerText(), new RegExp(`Read as: ${kind}`));
      const steps = await checklist(page);
      if (first) assert.equal(steps[0][0], first, JSON.stringify(steps));
      else assert.ok(steps.length > 0);
      await page.context().close();
    });
  }

  it("only the receiver's reply, pasted: read and classified, with a blank for the IP it does not name", async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(
      page,
      '550-5.7.25 The IP address sending this message does not have a PTR record setup, or\n' +
        '550-5.7.25 the corresponding forward DNS entry does not point to the sending IP. As a policy,\n' +
        '550 5.7.25 Gmail does not accept messages from IPs with missing PTR records. - gsmtp\n',
    );
    assert.match(await page.getByTestId('input-summary').innerText(), /Read as: Bounce message/);
    const steps = await checklist(page);
    assert.equal(steps[0][0], 'smtp.ptr-required', JSON.stringify(steps));
    assert.match(await page.locator('ol li[data-rule="smtp.ptr-required"]').innerText(), /dig -x <the sending IP>/);
    await page.context().close();
  });
});
