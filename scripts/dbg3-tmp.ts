import { readFileSync } from 'node:fs';
import { splitLines } from '../src/core/text/lines';
import { parseBounce } from '../src/core/parse/bounce';
const t = readFileSync(process.argv[2], 'utf8');
console.log(JSON.stringify(parseBounce(splitLines(t), t, { exactBytes: true }).rejections));
