// The RFC 7208 test suite (OpenSPF, via pyspf: ../shared/corpora/spf) against
// the SPF evaluator. Zone data follows pyspf's test driver (test/testspf.py):
// SPF-type records also serve as TXT unless the name lists TXT records of its
// own ("TXT: NONE" = none); "TIMEOUT" makes a query time out unless a record
// of the asked type came before it. A test passes when the result is one of
// the expected ones and, where the suite gives one, the explanation matches
// ("DEFAULT" standing for the receiver's default, as in pyspf's driver;
// compared without regard to case, since the suite writes the IPv6 nibbles
// of %{i} in upper case where RFC 7208 §7.3 shows them in lower case).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { evaluateSpf } from '../../src/core/auth/spf/evaluate';
import { Lookup } from '../../src/core/dns/lookup';
import type { Corpus } from './corpus';
import { zoneResolver, type Zone, type ZoneEntry } from './zone-resolver';

interface SuiteTest {
  helo: string;
  host: string;
  mailfrom: string;
  result: string | string[];
  explanation?: string;
}

function buildZone(data: Record<string, unknown[]>): Zone {
  const zone: Zone = new Map();
  for (const [name, rrs] of Object.entries(data ?? {})) {
    const entries: (ZoneEntry | 'TIMEOUT')[] = [];
    const generated: ZoneEntry[] = [];
    let explicitTxt = false;
    for (const rr of rrs ?? []) {
      if (rr === 'TIMEOUT') {
        entries.push('TIMEOUT');
        continue;
      }
      for (const [type, value] of Object.entries(rr as Record<string, unknown>)) {
        if (type === 'TXT') explicitTxt = true;
        if (value === 'NONE') continue;
        if (type === 'SPF' || type === 'TXT') {
          const strings = Array.isArray(value) ? value.map(String) : [String(value)];
          if (type === 'SPF') generated.push({ type: 'TXT', data: strings });
          else entries.push({ type: 'TXT', data: strings });
        } else if (type === 'MX') {
          const [pref, ex] = value as [number, string];
          entries.push({ type: 'MX', data: [pref, ex] });
        } else entries.push({ type, data: String(value) });
      }
    }
    if (!explicitTxt) entries.push(...generated);
    zone.set(name.toLowerCase().replace(/\.$/, ''), entries);
  }
  return zone;
}

export const spfCorpus: Corpus = {
  name: 'spf',
  folder: 'spf',
  async run(dir) {
    const text = readFileSync(path.join(dir, 'rfc7208-tests.yml'), 'utf8');
    const misses: string[] = [];
    let passed = 0;
    let total = 0;
    for (const doc of parseAllDocuments(text)) {
      const scenario = doc.toJS() as { description: string; tests: Record<string, SuiteTest>; zonedata: Record<string, unknown[]> };
      const zone = buildZone(scenario.zonedata);
      for (const [id, t] of Object.entries(scenario.tests)) {
        total++;
        const lookup = new Lookup(zoneResolver(zone), () => new Date(0), 500);
        const ev = await evaluateSpf({ ip: t.host, mailFrom: t.mailfrom, helo: t.helo }, lookup);
        const expected = Array.isArray(t.result) ? t.result : [t.result];
        const exp = ev.explanation ?? 'DEFAULT';
        const okResult = expected.includes(ev.result);
        const okExp = t.explanation === undefined || t.explanation.toLowerCase() === exp.toLowerCase();
        if (okResult && okExp) passed++;
        else
          misses.push(
            `${id} (${scenario.description}): got ${ev.result}${okExp ? '' : ` exp="${exp}"`}, want ${expected.join('|')}${okExp ? '' : ` exp="${t.explanation}"`}${ev.error ? ` — ${ev.error}` : ''}`,
          );
      }
    }
    return { passed, total, misses };
  },
};
