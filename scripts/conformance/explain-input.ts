// npm run conformance:explain-input -- FILE… : how a pasted input was read (the parser chosen, each
// refusal's raw fields, the reason engine's decision). A real incident's input (test/fixtures/real/<slug>/)
// that is held out (scripts/conformance/holdout.ts, by its slug) is refused, so that no rule is tuned on it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chooseParser } from '../../src/core/parse/registry';
import { decodeBytes } from '../../src/core/text/decode';
import { splitLines } from '../../src/core/text/lines';
import { decideReason } from '../../src/core/reason/engine';
import { isHeldOut } from './holdout';

for (const f of process.argv.slice(2)) {
  const abs = path.resolve(f);
  const real = /test\/fixtures\/real\/([^/]+)\//.exec(abs);
  if (real && isHeldOut(real[1])) {
    console.log(`${real[1]}: held out (not shown)`);
    continue;
  }
  const text = decodeBytes(new Uint8Array(await readFile(abs)));
  const lines = splitLines(text);
  const { parser } = chooseParser(lines);
  if (!parser) {
    console.log(`${f}: no parser`);
    continue;
  }
  const res = parser.parse(lines, text, { exactBytes: abs.endsWith('.eml') });
  console.log(`== ${real?.[1] ?? f} [${res.kind}]`);
  for (const r of res.rejections ?? []) {
    const d = decideReason(r);
    console.log(
      `  line=${r.line} code=${r.code} enh=${r.enhanced} stage=${r.stage} action=${r.action ?? '-'} type=${r.diagnosticType ?? '-'} remote=${r.remote ?? '-'} rcpt=${r.recipient ?? '-'}${r.originalRecipient ? ` (from ${r.originalRecipient})` : ''} ip=${r.ip ?? '-'}\n  text=${JSON.stringify(r.text.slice(0, 400))}\n  → ${d.reason} [${d.layer}: ${d.entry}] knowledge=${d.knowledge?.id ?? '-'}`,
    );
  }
}
