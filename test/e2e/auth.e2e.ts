// Sender authentication in the browser: an MDaemon SPF refusal shows the SPF
// step first and the include tree with its lookup count; the RFC 8463
// example message verifies both DKIM signatures (Ed25519 and RSA) with the
// browser's WebCrypto; the DMARC outcome is shown. DNS from the project's
// DoH fixture server on 127.0.0.1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

const caseFile = (name: string, file: string) => readFileSync(path.join(ROOT, 'test/fixtures/cases', name, file), 'utf8');
const SPF_FAIL = caseFile('mdaemon-spf-fail', 'input.log');
const SIGNED = caseFile('rfc8463-signed-message', 'input.eml');
let env: Env;

before(async () => {
  // one DNS world for both cases
  const a = loadZone('mdaemon-spf-fail') as { records: unknown[] };
  const b = loadZone('rfc8463-signed-message') as { records: unknown[] };
  env = await startEnv({ zone: { records: [...a.records, ...b.records] } as never });
});
after(() => env?.close());

describe('sender authentication in the browser', () => {
  it('an SPF refusal: the SPF step first, the include tree with the lookup count', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SPF_FAIL);
    const steps = await checklist(page);
    assert.deepEqual(steps[0], ['spf.softfail', 'fail']);
    const step = page.locator('li[data-rule="spf.softfail"]');
    assert.match(await step.innerText(), /ip4:203\.0\.113\.77/);
    const spf = page.locator('section[data-auth="spf"]');
    assert.equal(await spf.getAttribute('data-result'), 'softfail');
    assert.match(await spf.innerText(), /needs 2 of 10 DNS lookups/);
    assert.equal(await spf.locator('li.spf-node[data-domain="spf.mailhost.example"]').count(), 1);
    assert.match(await spf.locator('li.spf-node[data-domain="invoices.example.net"] > .line').innerText(), /matched ~all/);
    const dmarc = page.locator('section[data-auth="dmarc"]');
    assert.match(await dmarc.innerText(), /p=quarantine/);
    await page.context().close();
  });

  it('a signed message: both DKIM signatures verify with WebCrypto (Ed25519 and RSA)', async () => {
    const page = await (await env.context()).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SIGNED);
    const steps = await checklist(page);
    assert.equal(steps.filter(([r, s]) => r === 'dkim.fail' && s === 'pass').length, 2, JSON.stringify(steps));
    const dkim = page.locator('section[data-auth="dkim"]');
    assert.equal(await dkim.locator('tr[data-dkim-result="pass"]').count(), 2);
    assert.match(await dkim.innerText(), /ed25519-sha256/);
    assert.equal(await page.locator('section[data-auth="dmarc"]').getAttribute('data-result'), 'none');
    await page.context().close();
  });
});
