// Every whole case in test/fixtures/cases/ through analyze() with DNS from the
// project's DoH fixture server over HTTP, checked against its expect.json the
// way ../shared/tools/check-case.mjs checks the shared cases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { DohResolver } from '../../../src/net/doh';
import { startDohServer } from '../../support/doh-server';

interface Expect {
  kind?: string[];
  reason?: string[];
  stage?: string[];
  first?: string[];
  must?: { rule: string; status: string[] }[];
  must_not?: { rule: string; status: string[] }[];
  text?: string[];
  offline?: boolean;
}

const root = new URL('../../fixtures/cases/', import.meta.url);
const cases = readdirSync(root).filter((d) => existsSync(new URL(`${d}/expect.json`, root)));

describe.each(cases)('case %s', (name) => {
  it('meets its expect.json', async () => {
    const dir = new URL(`${name}/`, root);
    const inputFile = ['input.txt', 'input.log', 'input.eml'].find((f) => existsSync(new URL(f, dir)))!;
    const input = readFileSync(new URL(inputFile, dir), 'utf8');
    const exp = JSON.parse(readFileSync(new URL('expect.json', dir), 'utf8')) as Expect;
    const server = exp.offline ? null : await startDohServer({ zone: JSON.parse(readFileSync(new URL('zone.json', dir), 'utf8')) });
    try {
      const r = await analyze(input, server ? { resolver: new DohResolver({ endpoints: [server.url] }) } : {});
      const has = (rule: string, st: string[]) => r.checklist.some((s) => s.rule === rule && st.includes(s.status));
      const misses: string[] = [];
      const first = r.rejections[0];
      if (exp.kind && !r.inputs.some((i) => exp.kind!.includes(i.kind))) misses.push(`kind ${r.inputs.map((i) => i.kind)}`);
      if (exp.reason && !exp.reason.includes(first?.reason)) misses.push(`reason ${first?.reason}`);
      if (exp.stage && !exp.stage.includes(first?.stage)) misses.push(`stage ${first?.stage}`);
      if (exp.first && !exp.first.includes(r.checklist[0]?.rule)) misses.push(`first step ${r.checklist[0]?.rule}`);
      for (const m of exp.must ?? []) if (!has(m.rule, m.status)) misses.push(`missing ${m.rule}:${m.status}`);
      for (const m of exp.must_not ?? []) if (has(m.rule, m.status)) misses.push(`unexpected ${m.rule}:${m.status}`);
      const text = JSON.stringify(r.checklist.map((s) => [s.title, s.fix, s.verify, s.evidence])).toLowerCase();
      for (const t of exp.text ?? []) if (!text.includes(t.toLowerCase())) misses.push(`text "${t}"`);
      expect(misses).toEqual([]);
    } finally {
      await server?.close();
    }
  });
});
