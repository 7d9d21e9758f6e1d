// A domain or an IP alone is an input (issue 15 point 7), at a laptop's and a
// phone's size: pasting "example.com" gives the domain's checklist (SPF, DKIM
// at the common selectors, DMARC, MX, MTA-STS, TLS-RPT, BIMI), pasting an IP
// gives its PTR and blocklists — the same steps, fixes and markup as a
// diagnosis (DESIGN.md contract 5), ranked by severity, with the verdict card
// naming what was checked. DNS comes from the fixture server with the two
// target-* cases' zones.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SCREENS, checklist, loadZone, pasteAndAnalyze, startEnv, type Env } from './harness';

let env: Env;

before(async () => {
  const domain = loadZone('target-domain-spf-comma-no-dmarc');
  const ip = loadZone('target-ip-no-ptr-spamcop');
  const seen = new Set<string>();
  const records = [...(domain.records ?? []), ...(ip.records ?? [])].filter((r) => {
    const key = JSON.stringify(r);
    return !seen.has(key) && !!seen.add(key);
  });
  env = await startEnv({ zone: { records } });
});
after(() => env?.close());

const RANK: Record<string, number> = { fail: 0, warn: 1, inconclusive: 2, info: 3, pass: 3 };

for (const size of ['desktop', 'phone'] as const) {
  const { width, height } = SCREENS[size].viewport;
  describe(`a domain or an IP alone at ${width}×${height} (${size})`, () => {
    it('a domain: its mail set-up as a checklist, the broken SPF first, the verdict card names the domain', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      assert.match((await page.getByTestId('input').getAttribute('placeholder')) ?? '', /a domain or an IP/);
      await pasteAndAnalyze(page, 'example.com');
      const steps = await checklist(page);
      assert.deepEqual(steps[0], ['spf.permerror', 'fail']);
      const status = new Map(steps.map(([rule, s]) => [rule, s]));
      assert.equal(status.get('dmarc.missing'), 'warn');
      assert.equal(status.get('dkim.missing'), 'pass');
      assert.equal(status.get('domain.mx'), 'pass');
      // the MX host's addresses have no PTR in the zone: a provider's receiving host, a note
      assert.equal(status.get('domain.mx-rdns'), 'info');
      assert.equal(status.get('domain.mta-sts'), 'info');
      assert.equal(status.get('domain.tls-rpt'), 'info');
      assert.equal(status.get('domain.bimi'), 'info');
      assert.equal(status.has('ptr.missing'), false, 'no IP was given');
      // no refusal to explain: ranked by severity
      const ranks = steps.map(([, s]) => RANK[s] ?? 9);
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
      );
      // the fix as a copyable record
      const first = page.locator('ol.checklist > li[data-rule]').first();
      assert.match(await first.innerText(), /v=spf1 include:_spf\.google\.com include:sendgrid\.net ~all/);
      // the verdict: what was checked, who acts, in the first screen
      const card = page.getByTestId('verdict');
      assert.equal(await card.getAttribute('data-tone'), 'fail');
      const text = await card.innerText();
      assert.match(text, /The SPF record of example\.com has a syntax error/);
      assert.match(text, /Domain checked\s*example\.com/);
      assert.doesNotMatch(text, /Sending IP judged|Receiver/);
      assert.match(await page.getByTestId('verdict-who').innerText(), /domain's administrator/);
      const box = (await first.locator('.title').boundingBox())!;
      assert.ok(box.y >= 0 && box.y + box.height <= height, `first step title at y=${box.y.toFixed(0)} in a ${height}px screen`);
      assert.match(await page.getByTestId('input-summary').innerText(), /Read as: Domain to check/);
      await page.context().close();
    });

    it('an IP: no PTR and a SpamCop listing, the owner of the IP block named for the PTR', async () => {
      const page = await (await env.context({ size })).newPage();
      await page.goto(env.app.url);
      await pasteAndAnalyze(page, '[203.0.113.45]');
      const steps = await checklist(page);
      assert.deepEqual(
        steps
          .slice(0, 2)
          .map(([r]) => r)
          .sort(),
        ['dnsbl.listed', 'ptr.missing'],
      );
      assert.deepEqual(
        steps.slice(0, 2).map(([, s]) => s),
        ['fail', 'fail'],
      );
      assert.equal(
        steps.some(([r]) => /^(spf|dkim|dmarc|domain)\./.test(r)),
        false,
        'no domain was given',
      );
      const ptr = page.locator('ol.checklist > li[data-rule="ptr.missing"]');
      assert.match(await ptr.innerText(), /owner of the IP block[\s\S]*whois 203\.0\.113\.45/);
      const card = page.getByTestId('verdict');
      assert.match(await card.innerText(), /IP checked\s*203\.0\.113\.45/);
      const who = await page.getByTestId('verdict-who').innerText();
      assert.match(who, steps[0][0] === 'ptr.missing' ? /owner of the IP block/ : /operator of the server at this IP/);
      assert.match(await page.getByTestId('input-summary').innerText(), /Read as: IP address to check/);
      await page.context().close();
    });
  });
}
