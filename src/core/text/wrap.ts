// Whether a line was soft-wrapped onto the next (issue 11 point 1): a mail
// client or a forum that sends text as fixed lines breaks a long line at the
// last space before its width (Thunderbird's mailnews.wraplength 72, Outlook's
// 76, RFC 5322 §2.1.1's 78; RFC 3676 §4.2 for format=flowed). So a wrapped line
// is one the next line's first word would not have fitted on: its length, a
// space and that word pass the narrowest common width, 72. A long line (60 or
// more) counts too, as before: a client may also break inside a word.

/** The narrowest width mail clients and forums wrap at. */
export const WRAP_WIDTH = 72;
/** A line this long may have been broken by a client wherever. */
export const WRAP_LONG = 60;
/** Shorter than this, a line is its own, whatever follows (a heading, a label). */
const WRAP_SHORTEST = 24;

export function softWrapped(line: string, next: string): boolean {
  const len = line.trimEnd().length;
  if (len >= WRAP_LONG) return true;
  if (len < WRAP_SHORTEST) return false;
  const word = /^\s*(\S+)/.exec(next)?.[1] ?? '';
  return len + 1 + word.length > WRAP_WIDTH;
}
