// Exim's rejectlog copies the headers of a message refused after DATA below
// the refusal line, each header line behind a one-letter flag and a space
// ("P Received:", "F From:", "T To:", "  Subject:"; spec "Reject log"). Those
// headers are the refused message's: read them with the message reader so
// that the header checks run on them, with the input's line numbers.

import type { ParseResult } from './parser';
import { readMessageAt } from './message';

/** A rejectlog header line: flag (letter, `*` or space), a space, a field. */
const FLAGGED = /^[A-Z* ] (?=[\x21-\x39\x3b-\x7e]+:)/;

/** The first header dump in the log, as the message the checks are about. */
export function rejectlogMessage(lines: string[]): Pick<ParseResult, 'message' | 'hops' | 'logged'> | null {
  const start = lines.findIndex((l) => FLAGGED.test(l));
  if (start < 0) return null;
  // the same lines, flags removed, so that line numbers stay those of the input
  const plain = lines.slice();
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    if (FLAGGED.test(l)) plain[i] = l.slice(2);
    else if (!/^[ \t]/.test(l)) break;
    end = i + 1;
  }
  const r = readMessageAt(plain.slice(0, end), start, null, false);
  if (r.message.headers.length < 2) return null;
  return { message: r.message, hops: r.hops, logged: r.logged };
}
