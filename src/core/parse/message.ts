// Headers alone, or a whole message (RFC 5322). This parser only finds the
// header section and the body boundary; deeper reading (Received chain,
// authentication results, MIME) builds on the fields it returns.

import type { InputParser, ParseResult } from './parser';
import { headerScore, readHeaderBlock } from './header-block';

function firstContentLine(lines: string[]): number {
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  return i;
}

export const messageParser: InputParser = {
  kind: 'message',
  detect(lines) {
    const start = firstContentLine(lines);
    const block = readHeaderBlock(lines.slice(0, start + 400), start);
    if (block.fields.length < 2) return 0;
    return Math.min(1, headerScore(block) * 1.2);
  },
  parse(lines, _text, ctx): ParseResult {
    const start = firstContentLine(lines);
    const block = readHeaderBlock(lines, start);
    const hasBody = block.end < lines.length - 1 && lines.slice(block.end + 1).some((l) => l.trim() !== '');
    const warnings: string[] = [];
    for (const m of block.malformed.slice(0, 5))
      warnings.push(`Line ${m.line} is inside the headers but is not a header field: "${m.text.slice(0, 80)}"`);
    return {
      kind: hasBody ? 'message' : 'headers',
      message: {
        headers: block.fields,
        firstLine: start + 1,
        hasBody,
        exactBytes: ctx.exactBytes,
        raw: lines.join('\r\n'),
      },
      unknownLines: block.malformed.length,
      warnings,
    };
  },
};
