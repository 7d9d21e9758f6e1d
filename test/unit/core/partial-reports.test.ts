// Partial reports (analyze's onPartial) while DNS answers come in: the page
// shows every step at once and marks those still waiting. The promise kept
// here: a step a partial report shows as settled (not `pending`) is exactly
// the step of the final report — a partial never shows a verdict that the
// answers still to come could change.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { analyze, type PartialReport } from '../../../src/core/index';
import type { DnsResponse, Resolver, RRType } from '../../../src/core/dns/resolver';
import { decodeBytes } from '../../../src/core/text/decode';
import { tableResolver } from '../../support/table-resolver';
import { startDohServer } from '../../support/doh-server';
import { DohResolver } from '../../../src/net/doh';
import { until } from '../../support/until';
import type { Step } from '../../../src/core/types';

const root = path.join(import.meta.dirname, '../../fixtures/cases');
const cases = readdirSync(root).filter((d) => existsSync(path.join(root, d, 'zone.json')));

/** Answers after a delay that differs by name (a stable hash), so that answers come in many orders. */
function jittered(inner: Resolver, spread: number, salt: number): Resolver {
  return {
    async resolve(name: string, type: RRType): Promise<DnsResponse> {
      let h = salt;
      for (const c of `${name}/${type}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
      await new Promise((r) => setTimeout(r, h % spread));
      return inner.resolve(name, type);
    },
  };
}

const bare = (s: Step) => JSON.stringify({ ...s, pending: undefined });

function inputOf(name: string): string {
  const dir = path.join(root, name);
  const file = ['input.txt', 'input.log', 'input.eml'].map((f) => path.join(dir, f)).find((f) => existsSync(f))!;
  return decodeBytes(new Uint8Array(readFileSync(file)));
}

describe('partial reports', () => {
  it.each(cases)('%s: a settled step in a partial is the final step', async (name) => {
    const zone = JSON.parse(readFileSync(path.join(root, name, 'zone.json'), 'utf8'));
    const server = await startDohServer({ zone });
    onTestFinished(() => server.close());
    for (const salt of [1, 2]) {
      const partials: PartialReport[] = [];
      const final = await analyze(inputOf(name), {
        resolver: jittered(new DohResolver({ endpoints: [server.url], cache: false }), 30, salt),
        exactBytes: true,
        onPartial: (p) => partials.push(p),
      });
      expect(partials.length).toBeGreaterThan(0);
      expect(final.checklist.some((s) => s.pending)).toBe(false);
      const finalSteps = new Set(final.checklist.map(bare));
      for (const p of partials) {
        for (const s of p.checklist.filter((x) => !x.pending)) expect(finalSteps, `${s.rule}: ${s.title}`).toContain(bare(s));
      }
    }
  });

  it('the first comes before any answer: the log-derived step is settled, the DNS-derived ones wait', async () => {
    const input = readFileSync(path.join(root, 'mdaemon-554/input.log'), 'utf8');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const inner = tableResolver({ 'example.org TXT': ['v=spf1 ip4:80.78.72.128/27 -all'] });
    const partials: PartialReport[] = [];
    const done = analyze(input, {
      resolver: {
        async resolve(name, type) {
          await gate;
          return inner.resolve(name, type);
        },
      },
      onPartial: (p) => partials.push(p),
    });
    // No answer can come while the gate is shut, so whatever partials exist now came before any answer.
    await until(() => partials.length > 0, 'the first partial report');
    expect(partials.every((p) => p.dns.length === 0)).toBe(true);
    const first = partials[0];
    // the groups that ask DNS wait (the HELO name is not a domain and there is no message: nothing to ask there)
    expect(first.pending).toEqual(expect.arrayContaining(['ptr', 'spf', 'dmarc', 'mx', 'dnsbl']));
    const byRule = new Map(first.checklist.map((s) => [s.rule, s]));
    expect(byRule.get('smtp.not-compliant')?.pending).toBeUndefined();
    for (const rule of ['ptr.missing', 'spf.missing', 'dnsbl.inconclusive']) {
      const s = first.checklist.find((x) => x.rule === rule);
      expect(s, rule).toBeDefined();
      expect(s?.pending, rule).toBe(true);
    }
    release();
    const final = await done;
    expect(partials.at(-1)!.pending.length).toBeLessThan(7);
    expect(final.checklist[0].rule).toBe('smtp.not-compliant');
  });

  it('offline: no partials', async () => {
    const input = readFileSync(path.join(root, 'mdaemon-554/input.log'), 'utf8');
    const partials: PartialReport[] = [];
    await analyze(input, { onPartial: (p) => partials.push(p) });
    expect(partials).toEqual([]);
  });
});
