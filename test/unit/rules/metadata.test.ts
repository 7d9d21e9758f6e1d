// What the rules declare (rules/rule.ts: steps, reads) is what they do: over
// every case, log, bounce and real incident of the fixtures, each rule emits
// only the step ids it declares and reads only the live checks it declares,
// and every declared id is emitted by some input. Without this the metadata
// that ranking and DESIGN.md rely on could drift from the code.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { RULES } from '../../../src/core/rules';
import type { Rule } from '../../../src/core/rules/rule';
import type { CheckGroup } from '../../../src/core/types';
import { DohResolver } from '../../../src/net/doh';
import { decodeBytes } from '../../../src/core/text/decode';
import { startDohServer } from '../../support/doh-server';

const fixtures = path.join(import.meta.dirname, '../../fixtures');

/**
 * Step ids no fixture produces and no test names yet: each is a behaviour no
 * test checks. The list may only shrink (a test fails on an id that is tested
 * and still listed).
 */
const NOT_TESTED_YET = ['reputation.complaint', 'spf.lookup-limit', 'dkim.legacy'];

/** LiveResults fields → the check group that fills them. */
const GROUP_OF: Record<string, CheckGroup> = {
  ptr: 'ptr',
  helo: 'helo',
  spf: 'spf',
  dkim: 'dkim',
  dmarc: 'dmarc',
  mxDomain: 'mx',
  dnsbl: 'dnsbl',
};

const seen = RULES.map(() => ({ ids: new Set<string>(), reads: new Set<CheckGroup>() }));
const originals = [...RULES];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(log|txt|eml)$/.test(name) ? [p] : [];
  });
}

beforeAll(() => {
  // every rule wrapped: what it read of the live results, what it emitted
  RULES.forEach((r, i) => {
    const wrapped: Rule = {
      ...r,
      run(ctx) {
        const live = new Proxy(ctx.live, {
          get(target, key, receiver) {
            const g = typeof key === 'string' ? GROUP_OF[key] : undefined;
            if (g) seen[i].reads.add(g);
            return Reflect.get(target, key, receiver);
          },
        });
        const out = r.run({ ...ctx, live });
        for (const s of out) seen[i].ids.add(s.rule);
        return out;
      },
    };
    RULES[i] = wrapped;
  });
});
afterAll(() => originals.forEach((r, i) => (RULES[i] = r)));

describe('rule metadata', () => {
  it('runs every rule over the fixtures', async () => {
    // the whole cases, with their DNS
    const cases = path.join(fixtures, 'cases');
    for (const name of readdirSync(cases)) {
      const dir = path.join(cases, name);
      const input = ['input.txt', 'input.log', 'input.eml'].map((f) => path.join(dir, f)).find((f) => existsSync(f));
      if (!input) continue;
      const zonePath = path.join(dir, 'zone.json');
      const dns = await startDohServer({ zone: existsSync(zonePath) ? JSON.parse(readFileSync(zonePath, 'utf8')) : {} });
      try {
        await analyze(decodeBytes(new Uint8Array(readFileSync(input))), {
          resolver: new DohResolver({ endpoints: [dns.url] }),
          exactBytes: true,
        });
      } finally {
        await dns.close();
      }
    }
    // everything else offline (the refusals' own steps, the headers, the inconclusive live steps)
    for (const dir of ['logs', 'real-logs', 'real-shaped', 'mta-families', 'real', 'dkim'])
      for (const f of files(path.join(fixtures, dir))) await analyze(decodeBytes(new Uint8Array(readFileSync(f))), { exactBytes: true });
    expect(seen.some((s) => s.ids.size > 0)).toBe(true);
  }, 300_000);

  it('each rule emits only the step ids it declares', () => {
    const undeclared = originals.flatMap((r, i) => [...seen[i].ids].filter((id) => !r.steps.some((k) => k.id === id)));
    expect(undeclared).toEqual([]);
  });

  it('each rule reads exactly the live checks it declares', () => {
    const name = (r: Rule) => r.steps[0]?.id ?? 'a revise-only rule';
    const wrong = originals.flatMap((r, i) => [
      ...[...seen[i].reads].filter((g) => !r.reads.includes(g)).map((g) => `${name(r)} reads ${g} undeclared`),
      ...r.reads.filter((g) => !seen[i].reads.has(g)).map((g) => `${name(r)} declares ${g}, never read`),
    ]);
    expect(wrong).toEqual([]);
  });

  it('every declared step id is emitted by some fixture, or by a unit test that names it', () => {
    const emitted = new Set(seen.flatMap((s) => [...s.ids]));
    const unit = path.join(import.meta.dirname, '..');
    const tests = readdirSync(unit, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.test.ts') && path.join(unit, f) !== import.meta.filename)
      .map((f) => readFileSync(path.join(unit, f), 'utf8'))
      .join('\n');
    const never = originals
      .flatMap((r) => r.steps.map((k) => k.id))
      .filter((id) => !emitted.has(id) && !tests.includes(`'${id}'`) && !tests.includes(`"${id}"`));
    expect([...new Set(never)].sort()).toEqual([...NOT_TESTED_YET].sort());
  });
});
