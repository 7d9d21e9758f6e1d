// Bounce reasons against sisimai: ../shared/corpora/bounces holds real bounce
// messages with sisimai's answer per failed recipient (expected.json). A
// record matches when Mailmedic's refusal at the same position (per file, in
// order) has the same reason. Also scored: files whose first refusal matches,
// and the non-bounces ([] expected) that are not called bounces.
//
// Issue 12: a fifth of the files (isHeldOut, by a hash of the name) is held
// out. The main figure and the misses are the other four fifths; the held-out
// fifth prints only its figure (bounces-unseen), so that no rule is tuned on
// it. A gap of more than a few points between the two means rules fit files.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus, CorpusScore } from './corpus';
import { isHeldOut } from './holdout';
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
    const seen = newTally();
    const unseen = newTally();
    const misses: string[] = [];
    for (const c of cases) {
      const held = isHeldOut(c.file);
      const t = held ? unseen : seen;
      // Held-out misses are never collected: only the counts leave this loop.
      const miss = held ? () => {} : (m: string) => misses.push(m);
      const text = decodeBytes(new Uint8Array(await readFile(path.join(dir, c.file))));
      const ev = readEvidence(text, { exactBytes: true });
      const kind = ev.inputs[0]?.kind;
      const got = ev.rejections;
      if (!c.expected.length) {
        t.notBounces++;
        if (kind !== 'bounce' || !got.length) t.notBouncesRight++;
        else miss(`${c.file}: not a bounce (sisimai), called a bounce: ${got.map((g) => g.reason).join(',')}`);
        continue;
      }
      t.files++;
      if (kind === 'bounce') t.detected++;
      if (got[0]?.reason === c.expected[0].reason) t.firstMatched++;
      c.expected.forEach((e, i) => {
        t.records++;
        const g = got[i];
        if (g?.reason === e.reason) t.matched++;
        else
          miss(
            `${c.file}#${i + 1}: want ${e.reason} (${e.deliverystatus || '-'} ${e.replycode || '-'}), got ${g ? `${g.reason} (${g.enhanced ?? '-'} ${g.code ?? '-'}) [${kind}] "${g.text.slice(0, 140)}"` : `nothing [${kind}]`}`,
          );
      });
    }
    return {
      unit: 'records with sisimai’s reason (the four fifths not held out)',
      passed: seen.matched,
      total: seen.records,
      misses,
      extra: [
        { name: 'bounces-first-rejection', passed: seen.firstMatched, total: seen.files },
        { name: 'bounces-detected', passed: seen.detected, total: seen.files },
        { name: 'bounces-non-bounces-not-called-bounces', passed: seen.notBouncesRight, total: seen.notBounces },
        { name: 'bounces-unseen', passed: unseen.matched, total: unseen.records },
        { name: 'bounces-unseen-first-rejection', passed: unseen.firstMatched, total: unseen.files },
        { name: 'bounces-unseen-detected', passed: unseen.detected, total: unseen.files },
        { name: 'bounces-unseen-non-bounces-not-called-bounces', passed: unseen.notBouncesRight, total: unseen.notBounces },
      ],
    };
  },
};

function newTally() {
  return { records: 0, matched: 0, files: 0, firstMatched: 0, notBounces: 0, notBouncesRight: 0, detected: 0 };
}
