// Bounce reasons against sisimai: ../shared/corpora/bounces holds real bounce
// messages with sisimai's answer per failed recipient (expected.json). A
// record matches when Mailmedic's refusal at the same position (per file, in
// order) has the same reason. Also scored: files whose first refusal matches,
// and the non-bounces ([] expected) that are not called bounces.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus, CorpusScore } from './corpus';
import { readEvidence } from '../../src/core/analyze';
import { decodeBytes } from '../../src/core/text/decode';

interface Expected {
  file: string;
  expected: { index: number; deliverystatus: string; replycode: string; reason: string; hardbounce: boolean }[];
}

export const bouncesCorpus: Corpus = {
  name: 'bounces',
  folder: 'bounces',
  async run(dir: string): Promise<CorpusScore> {
    const { cases } = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as { cases: Expected[] };
    let records = 0;
    let matched = 0;
    let files = 0;
    let firstMatched = 0;
    let notBounces = 0;
    let notBouncesRight = 0;
    let detected = 0;
    const misses: string[] = [];
    for (const c of cases) {
      const text = decodeBytes(new Uint8Array(await readFile(path.join(dir, c.file))));
      const ev = readEvidence(text, { exactBytes: true });
      const kind = ev.inputs[0]?.kind;
      const got = ev.rejections;
      if (!c.expected.length) {
        notBounces++;
        if (kind !== 'bounce' || !got.length) notBouncesRight++;
        else misses.push(`${c.file}: not a bounce (sisimai), called a bounce: ${got.map((g) => g.reason).join(',')}`);
        continue;
      }
      files++;
      if (kind === 'bounce') detected++;
      if (got[0]?.reason === c.expected[0].reason) firstMatched++;
      c.expected.forEach((e, i) => {
        records++;
        const g = got[i];
        if (g?.reason === e.reason) matched++;
        else
          misses.push(
            `${c.file}#${i + 1}: want ${e.reason} (${e.deliverystatus || '-'} ${e.replycode || '-'}), got ${g ? `${g.reason} (${g.enhanced ?? '-'} ${g.code ?? '-'}) [${kind}] "${g.text.slice(0, 140)}"` : `nothing [${kind}]`}`,
          );
      });
    }
    return {
      unit: 'records with sisimai’s reason',
      passed: matched,
      total: records,
      misses,
      extra: [
        { name: 'bounces-first-rejection', passed: firstMatched, total: files },
        { name: 'bounces-detected', passed: detected, total: files },
        { name: 'bounces-non-bounces-not-called-bounces', passed: notBouncesRight, total: notBounces },
      ],
    };
  },
};
