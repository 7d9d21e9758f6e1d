// The whole auth cases in test/fixtures/cases, through analyze() and the DoH
// transport against the project's DoH fixture server, checked as
// ../shared/tools/check-case.mjs checks them (kind, reason, first step,
// must / must_not, text).
import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { DohResolver } from '../../../src/net/doh';
import { startDohServer, type DohServer } from '../../support/doh-server';

const CASES = ['gmail-5726-dmarc', 'microsoft-5515-no-dmarc', 'mdaemon-spf-fail', 'rfc8463-signed-message'];

interface Expect {
  kind?: string[];
  reason?: string[];
  stage?: string[];
  first?: string[];
  must?: { rule: string; status: string[] }[];
  must_not?: { rule: string; status: string[] }[];
  text?: string[];
}

describe.each(CASES)('case %s', (name) => {
  const dir = new URL(`../../fixtures/cases/${name}/`, import.meta.url);
  const input = ['input.log', 'input.eml', 'input.txt'].map((f) => new URL(f, dir)).find((u) => existsSync(u))!;
  const exp = JSON.parse(readFileSync(new URL('expect.json', dir), 'utf8')) as Expect;
  let dns: DohServer;
  beforeAll(async () => {
    dns = await startDohServer({ zone: JSON.parse(readFileSync(new URL('zone.json', dir), 'utf8')) });
  });
  afterAll(() => dns.close());

  it('gives the expected diagnosis', async () => {
    const r = await analyze(readFileSync(input, 'utf8'), {
      resolver: new DohResolver({ endpoints: [dns.url] }),
      exactBytes: true,
      now: () => new Date('2026-03-05T00:00:00Z'),
    });
    const has = (rule: string, st: string[]) => r.checklist.some((s) => s.rule === rule && st.includes(s.status));
    if (exp.kind) expect(exp.kind).toContain(r.inputs[0].kind);
    if (exp.reason) expect(exp.reason).toContain(r.rejections[0]?.reason);
    if (exp.stage) expect(exp.stage).toContain(r.rejections[0]?.stage);
    if (exp.first) expect(exp.first).toContain(r.checklist[0]?.rule);
    for (const m of exp.must ?? []) expect(has(m.rule, m.status), `${m.rule}:${m.status.join('|')}`).toBe(true);
    for (const m of exp.must_not ?? []) expect(has(m.rule, m.status), `not ${m.rule}:${m.status.join('|')}`).toBe(false);
    const text = JSON.stringify(r.checklist.map((s) => [s.title, s.fix, s.verify, s.evidence])).toLowerCase();
    for (const t of exp.text ?? []) expect(text).toContain(t.toLowerCase());
  });
});
