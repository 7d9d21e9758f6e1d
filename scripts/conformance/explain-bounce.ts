// npm run conformance:explain -- FILE… : how the reason engine read each refusal of a bounce
// (the parser's fields and the decision: layer, table entry, source). For the four fifths only:
// held-out files (scripts/conformance/holdout.ts) are refused, so that no rule is tuned on them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chooseParser } from '../../src/core/parse/registry';
import { decodeBytes } from '../../src/core/text/decode';
import { splitLines } from '../../src/core/text/lines';
import { decideReason } from '../../src/core/reason/engine';
import { isHeldOut } from './holdout';

const root = path.resolve(process.env.MAILMEDIC_CORPORA ?? path.join(process.cwd(), '..', 'shared', 'corpora'), 'bounces');
for (const f of process.argv.slice(2)) {
  const name = path.basename(f);
  if (isHeldOut(name)) {
    console.log(`${name}: held out (not shown)`);
    continue;
  }
  const text = decodeBytes(new Uint8Array(await readFile(f.includes('/') ? f : path.join(root, f))));
  const lines = splitLines(text);
  const { parser } = chooseParser(lines);
  if (!parser) {
    console.log(`${name}: no parser`);
    continue;
  }
  const res = parser.parse(lines, text, { exactBytes: true });
  console.log(`== ${name} [${res.kind}]`);
  for (const r of res.rejections ?? []) {
    const d = decideReason(r);
    console.log(
      `  code=${r.code} enh=${r.enhanced} stage=${r.stage} action=${r.action ?? '-'} type=${r.diagnosticType ?? '-'} remote=${r.remote ?? '-'} rcpt=${r.recipient ?? '-'}\n  text=${JSON.stringify(r.text.slice(0, 300))}\n  → ${d.reason} [${d.layer}: ${d.entry}] knowledge=${d.knowledge?.id ?? '-'}`,
    );
  }
}
