// Authentication-Results parsing scored against the RFC 8601 examples that
// python authres tests with (../shared/corpora/authres/cases.json): the
// authserv-id, and per result its method, result, reason and properties
// (ptype.property=value). python authres rejects two real headers outright
// (a bare IPv6 policy.iprev value; Microsoft's "header.d=none;domain"); for
// those there is no expected answer, so they are scored apart: read without a
// crash, with every method the header names.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus, CorpusScore } from './corpus';
import { parseAuthResults } from '../../src/core/mail/authres';

interface Expected {
  header: string;
  authserv_id?: string;
  results?: { method: string; result: string; reason: string | null; properties: { type: string; name: string; value: string }[] }[];
  error?: string;
}

export const authresCorpus: Corpus = {
  name: 'authres',
  folder: 'authres',
  async run(dir): Promise<CorpusScore> {
    const cases = (JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as { cases: Expected[] }).cases;
    const misses: string[] = [];
    let passed = 0;
    let total = 0;
    let lenient = 0;
    let lenientTotal = 0;
    for (const c of cases) {
      const value = c.header.replace(/^authentication-results:\s*/i, '');
      const got = parseAuthResults(value);
      if (c.error) {
        lenientTotal++;
        const named = [...value.matchAll(/(?:^|;)\s*([a-z][a-z0-9-]*)\s*=/gi)].map((m) => m[1].toLowerCase());
        const methods = got.results.map((r) => r.method);
        if (named.length && named.every((n) => methods.includes(n))) lenient++;
        else misses.push(`lenient: ${c.header} → methods ${methods.join(',')}, want ${named.join(',')}`);
        continue;
      }
      total++;
      const want = JSON.stringify({
        id: c.authserv_id,
        results: c.results!.map((r) => ({ method: r.method, result: r.result, reason: r.reason, properties: r.properties })),
      });
      const have = JSON.stringify({
        id: got.authservId,
        results: got.results.map((r) => ({ method: r.method, result: r.result, reason: r.reason, properties: r.properties })),
      });
      if (want === have) passed++;
      else misses.push(`${c.header}\n      want ${want}\n      got  ${have}`);
    }
    return {
      unit: 'headers read exactly',
      passed,
      total,
      misses,
      extra: [{ name: 'authres-lenient', passed: lenient, total: lenientTotal }],
    };
  },
};
