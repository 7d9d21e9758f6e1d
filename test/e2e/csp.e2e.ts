// The Content-Security-Policy header (issue 10, point 6), served as README
// "Deploying" tells a host to serve it (src/app/csp.ts): it reaches the
// worker — which makes the DNS requests — so a resolver whose origin
// connect-src does not list is blocked there, and the report says why instead
// of failing silently. The default resolvers and a resolver on this machine
// are allowed. (The blocked resolver is on a loopback address no server
// listens on: nothing leaves the machine even if the policy failed.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';
import { SECURITY_HEADERS } from '../../src/app/csp';

const SEED = readFileSync(path.join(ROOT, 'test/fixtures/cases/mdaemon-554/input.log'), 'utf8');
let env: Env;

before(async () => {
  env = await startEnv({ zone: loadZone('mdaemon-554') }, { headers: SECURITY_HEADERS });
});
after(() => env?.close());

describe('the Content-Security-Policy header', () => {
  it('blocks, in the worker, a resolver connect-src does not list, and the report says so', async () => {
    const page = await (await env.context({ resolvers: ['https://127.0.0.2:9/dns-query'], serviceWorkers: 'block' })).newPage();
    await page.goto(env.app.url);
    await pasteAndAnalyze(page, SEED);
    await page.waitForSelector('ol.checklist:not([aria-busy="true"])');
    const warnings = await page.locator('p.warning').allTextContents();
    assert.ok(
      warnings.some((w) => /Content-Security-Policy blocked the DNS requests to https:\/\/127\.0\.0\.2:9/.test(w) && /connect-src/.test(w)),
      `warnings: ${JSON.stringify(warnings)}`,
    );
  });
  it('lets the worker ask a resolver on this machine', async () => {
    const page = await (await env.context({ serviceWorkers: 'block' })).newPage();
    await page.goto(env.app.url);
    env.dns.seen.length = 0;
    await pasteAndAnalyze(page, SEED);
    await page.waitForSelector('ol.checklist:not([aria-busy="true"])');
    assert.ok(env.dns.seen.length > 0, 'the fixture resolver on 127.0.0.1 was asked');
    assert.ok((await checklist(page)).length > 0);
    const warnings = await page.locator('p.warning').allTextContents();
    assert.ok(!warnings.some((w) => /Content-Security-Policy/.test(w)), `warnings: ${JSON.stringify(warnings)}`);
  });
});
