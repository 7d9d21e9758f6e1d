// The poster's signature under a paste (issue 11 point 1): mail and many
// forums put it after the signature separator, "-- " on a line of its own
// (RFC 3676 §4.3; "--" when a client or a copy trims the blank). What follows is
// the poster's name, company, phone and web address — never evidence, yet words
// that log and bounce readers would count against the paste's share of their
// lines. Only a short tail is taken for a signature (a separator far up is a
// log's or a notice's own "--" rule).

/** RFC 3676 §4.3's separator, or the same with its blank trimmed. */
const SEPARATOR = /^-- ?$/;
/** The longest signature taken off (RFC 1855's netiquette asks for no more than 4 lines; clients write a few more). */
const MAX_SIGNATURE = 8;

/** What a signature never holds: a reply code, an enhanced status code, delivery words. */
const EVIDENCE = /(?:^|\s)[245]\d\d[ -]|\b[245]\.\d{1,3}\.\d{1,3}\b|deliver|recipient|mailbox|rejected|refused/i;
/** A separator in the first lines is a notice's own rule (Gmail's "Address not found" / "--"). */
const MIN_TEXT_ABOVE = 3;

/** The lines with the signature blanked (the count kept, so line numbers stay the paste's), or the same array. */
export function withoutSignature(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && !lines[end - 1].trim()) end--;
  for (let i = end - 1; i >= Math.max(1, end - 1 - MAX_SIGNATURE); i--) {
    if (!SEPARATOR.test(lines[i])) continue;
    if (i === end - 1) return lines;
    if (lines.slice(0, i).filter((l) => l.trim()).length < MIN_TEXT_ABOVE) return lines;
    if (lines.slice(i + 1, end).some((l) => EVIDENCE.test(l))) return lines;
    return lines.map((l, k) => (k >= i ? '' : l));
  }
  return lines;
}
