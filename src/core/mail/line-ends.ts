// Bare line ends in a header section, from the original bytes (RFC 5322 §2.3:
// CR and LF appear only together as CRLF). Only a dropped file keeps them; a
// paste has lost them.

import type { MessageFacts } from '../types';

/** Where each of the first `upTo` lines of the text ends: "CRLF", "LF" or "CR" (as splitLines cuts them). */
function lineEnds(text: string, upTo: number): string[] {
  const ends: string[] = [];
  for (let i = 0; i < text.length && ends.length < upTo; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        ends.push('CRLF');
        i++;
      } else ends.push('CR');
    } else if (c === 10) ends.push('LF');
  }
  return ends;
}

export function bareLineEnds(text: string, firstLine: number, lastLine: number): MessageFacts['bareLineEnds'] {
  const ends = lineEnds(text, lastLine);
  const header = ends.slice(firstLine - 1, lastLine);
  const crlf = header.filter((e) => e === 'CRLF').length;
  const out: MessageFacts['bareLineEnds'] = [];
  header.forEach((e, k) => {
    // a file of LF lines is the local (Unix) convention, converted on sending;
    // a lone LF among CRLF lines, or any lone CR, is a bare line end (RFC 5322 §2.3)
    if (e === 'CR' || (e === 'LF' && crlf > 0)) out.push({ line: firstLine + k, kind: e as 'CR' | 'LF' });
  });
  return out;
}
