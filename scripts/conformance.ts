// npm run conformance [-- NAME…] [--misses N]
// Scores Mailmedic against the real-world corpora in ../shared/corpora (or
// $MAILMEDIC_CORPORA): one "name: passed/total" line per corpus, then the
// misses. The corpora are not part of a user's clone; without them this says
// so and exits 0, so `npm test` never depends on them.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from './conformance/corpus';
import { spfCorpus } from './conformance/spf';
import { dkimCorpus } from './conformance/dkim';
import { dmarcCorpus } from './conformance/dmarc';
import { receivedCorpus } from './conformance/received';
import { authresCorpus } from './conformance/authres';
import { bouncesCorpus } from './conformance/bounces';
import { postfixLinesCorpus } from './conformance/postfix-lines';
import { realCorpus } from './conformance/real';
import { realVariantsCorpus } from './conformance/real-variants';

const CORPORA: Corpus[] = [
  spfCorpus,
  dkimCorpus,
  dmarcCorpus,
  receivedCorpus,
  authresCorpus,
  bouncesCorpus,
  postfixLinesCorpus,
  realCorpus,
  realVariantsCorpus,
];

const root = path.resolve(process.env.MAILMEDIC_CORPORA ?? path.join(process.cwd(), '..', 'shared', 'corpora'));
const args = process.argv.slice(2);
const missIdx = args.indexOf('--misses');
const maxMisses = missIdx >= 0 ? Number(args[missIdx + 1]) : 40;
const only = args.filter((a, i) => !a.startsWith('--') && (missIdx < 0 || i !== missIdx + 1));

async function main(): Promise<number> {
  const haveShared = existsSync(root);
  if (!haveShared) console.log(`conformance: no corpora at ${root} (set MAILMEDIC_CORPORA); only the project's own are measured.`);
  const chosen = CORPORA.filter((c) => (!only.length || only.includes(c.name)) && (haveShared || c.local));
  if (!chosen.length) {
    console.log('conformance: no corpus scorers registered yet.');
    return 0;
  }
  const details: string[] = [];
  for (const c of chosen) {
    const dir = c.local ? c.folder : path.join(root, c.folder);
    if (!existsSync(dir)) {
      console.log(`${c.name}: skipped (no ${dir})`);
      continue;
    }
    const s = await c.run(dir);
    if (s.lines) for (const l of s.lines) console.log(l);
    else console.log(`${c.name}: ${s.passed}/${s.total}${s.unit ? ' ' + s.unit : ''}`);
    for (const e of s.extra ?? []) console.log(`${e.name}: ${e.passed}/${e.total}`);
    if (s.misses.length) {
      details.push(`\n-- ${c.name} misses (${s.misses.length}${s.misses.length > maxMisses ? `, first ${maxMisses}` : ''}):`);
      details.push(...s.misses.slice(0, maxMisses).map((m) => '  ' + m));
    }
  }
  if (details.length) console.log(details.join('\n'));
  return 0;
}

main().then((c) => process.exit(c));
