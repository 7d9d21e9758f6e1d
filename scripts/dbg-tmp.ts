import { readFileSync } from 'node:fs';
import { readEvidence } from '../src/core/analyze';
import { decodeBytes } from '../src/core/text/decode';
for (const f of process.argv.slice(2)) {
  const ev = readEvidence(decodeBytes(new Uint8Array(readFileSync(f))), { exactBytes: true });
  console.log('==', f, ev.inputs[0].kind, ev.warnings);
  for (const r of ev.rejections) console.log(JSON.stringify({ ...r, text: r.text.slice(0, 400) }));
  console.log('message headers:', ev.message?.headers.length, ev.message?.firstLine);
}
