// DMARC record parsing and identifier alignment against OpenDMARC's test
// tables (libopendmarc/tests: test_dmarc_parse.c, test_alignment.c), as
// collected in ../shared/corpora/dmarc/cases.json.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDmarcRecord, type DmarcParseStatus } from '../../src/core/auth/dmarc/record';
import { aligned } from '../../src/core/auth/dmarc/align';
import type { Corpus } from './corpus';

const OPENDMARC: Record<DmarcParseStatus, string> = {
  ok: 'DMARC_PARSE_OKAY',
  empty: 'DMARC_PARSE_ERROR_EMPTY',
  'bad-version': 'DMARC_PARSE_ERROR_BAD_VERSION',
  'bad-value': 'DMARC_PARSE_ERROR_BAD_VALUE',
  'no-policy': 'DMARC_PARSE_ERROR_NO_REQUIRED_P',
};

interface Cases {
  opendmarc_record_parse: { cases: { record: string; expected: string }[] };
  opendmarc_alignment: { cases: { domain_a: string; domain_b: string; mode: 'relaxed' | 'strict'; aligned: boolean }[] };
}

export const dmarcCorpus: Corpus = {
  name: 'dmarc',
  folder: 'dmarc',
  async run(dir) {
    const data = JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as Cases;
    const misses: string[] = [];
    let parsePassed = 0;
    for (const c of data.opendmarc_record_parse.cases) {
      const r = parseDmarcRecord(c.record);
      if (OPENDMARC[r.status] === c.expected) parsePassed++;
      else misses.push(`parse ${JSON.stringify(c.record)}: got ${OPENDMARC[r.status]} (${r.errors.join('; ')}), want ${c.expected}`);
    }
    let alignPassed = 0;
    for (const c of data.opendmarc_alignment.cases) {
      const got = aligned(c.domain_a, c.domain_b, c.mode);
      if (got === c.aligned) alignPassed++;
      else misses.push(`align ${c.domain_a} ~ ${c.domain_b} (${c.mode}): got ${got}, want ${c.aligned}`);
    }
    const parseTotal = data.opendmarc_record_parse.cases.length;
    const alignTotal = data.opendmarc_alignment.cases.length;
    return {
      passed: parsePassed + alignPassed,
      total: parseTotal + alignTotal,
      unit: 'OpenDMARC table rows',
      misses,
      extra: [
        { name: 'dmarc record parse', passed: parsePassed, total: parseTotal },
        { name: 'dmarc alignment', passed: alignPassed, total: alignTotal },
      ],
    };
  },
};
