// Headers alone, or a whole message (RFC 5322), pasted or dropped as .eml.
// This finds the header section (skipping what a mail client's "show
// original" page puts above it), reads its fields with their line numbers,
// and hands them to core/mail for the Received chain, authentication results
// and verdicts. MIME decoding of the body (postal-mime) happens later,
// asynchronously (core/mail/describe.ts).

import type { Hop, LoggedCheck, MessageEvidence } from '../types';
import type { InputParser, ParseResult } from './parser';
import { headerScore, readHeaderBlock, type HeaderBlock } from '../mail/header-block';
import { readMessageHeaders } from '../mail/read';
import { asRefusal, findRepliesIn } from './replies';
import { DSN_ONLY_FIELD } from '../knowledge/header-fields';

/**
 * Index of the line where the header section starts: the first line that
 * opens a run of mail header fields. Text before it (Gmail's "Show original"
 * summary, Outlook's dialog title, an mbox "From " line) is not part of it.
 */
export function findHeaderStart(lines: string[], maxScan = 200): number {
  const limit = Math.min(lines.length, maxScan);
  let firstContent = -1;
  for (let i = 0; i < limit; i++) {
    if (lines[i].trim() === '') continue;
    if (firstContent < 0) firstContent = i;
    if (/^[ \t]/.test(lines[i]) || !/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(lines[i])) continue;
    const block = readHeaderBlock(lines.slice(0, Math.min(lines.length, i + 400)), i);
    if (block.fields.length >= 2 && headerScore(block) >= 0.3) return afterSummaryTable(lines, block) ?? i;
  }
  return firstContent < 0 ? 0 : firstContent;
}

/**
 * Gmail's "Show original" page prints a summary table above the headers —
 * "From:\t…", "To:\t…", "Subject:\t…", "SPF:\tPASS with IP …", "DKIM:\t'PASS'
 * with domain …", "DMARC:\t'PASS'", then "Download original  Copy to
 * clipboard" — and a user who selects the whole page pastes it with no blank
 * line before the headers. Its lines read as fields (a second From, To and
 * Subject), so the section starts after it: after the last line that is not a
 * field, or is one of the table's own names (real headers say Received-SPF,
 * DKIM-Signature), provided nothing above it is a field only a mail server
 * writes. Null when the block has no such table.
 */
function afterSummaryTable(lines: string[], block: HeaderBlock): number | null {
  const tableName = /^(?:spf|dkim|dmarc)$/i;
  const cuts = [
    ...block.malformed.map((m) => m.line - 1),
    ...block.fields.filter((f) => tableName.test(f.name)).map((f) => f.line - 1),
  ].sort((a, b) => a - b);
  let start: number | null = null;
  for (const c of cuts) {
    const above = block.fields.filter((f) => f.line - 1 < c);
    if (above.some((f) => SERVER_FIELD.test(f.name))) break;
    // the table's own marks: its SPF:/DKIM:/DMARC: rows, or a tab between every name and value
    if (!above.some((f) => tableName.test(f.name)) && !(above.length && above.every((f) => /^[^:]+:\t/.test(f.raw)))) continue;
    const next = block.fields.find((f) => f.line - 1 > c);
    if (next && block.fields.filter((f) => f.line > next.line - 1).length >= 2) start = next.line - 1;
  }
  return start;
}

/** Fields that only a mail server or a sending program writes: none of them stands in a summary table. */
const SERVER_FIELD =
  /^(?:received|return-path|delivered-to|x-[\w-]+|arc-[\w-]+|dkim-signature|authentication-results|received-spf|message-id|mime-version|content-type)$/i;

function bodyFollows(lines: string[], block: HeaderBlock): boolean {
  for (let i = block.end + 1; i < lines.length; i++) if (lines[i].trim() !== '') return true;
  return false;
}

export interface MessageAt {
  message: MessageEvidence;
  hops: Hop[];
  logged: LoggedCheck[];
  warnings: string[];
  /** Lines inside the header section that were not fields. */
  malformed: number;
  /** Index of the first line after the header section. */
  end: number;
}

/**
 * Read a message whose header section starts at line index `start` — the
 * input itself, or one embedded in a bounce (message/rfc822,
 * text/rfc822-headers: a bounce parser can call this so that the returned
 * message's headers are checked, with the input's line numbers).
 */
export function readMessageAt(lines: string[], start: number, text: string | null, exactBytes: boolean): MessageAt {
  const block = readHeaderBlock(lines, start);
  const warnings: string[] = [];
  for (const m of block.malformed.slice(0, 5))
    warnings.push(`Line ${m.line} is inside the headers but is not a header field: "${m.text.slice(0, 80)}"`);
  if (block.refolded.length)
    warnings.push(
      `The folded header lines lost their indentation when copied (lines ${block.refolded.slice(0, 6).join(', ')}${block.refolded.length > 6 ? ', …' : ''}); they were read as continuations of the field above them.`,
    );
  const reading = readMessageHeaders(block.fields, {
    text: text ?? undefined,
    exactBytes: exactBytes && text !== null,
    lastLine: block.end,
  });
  warnings.push(...reading.warnings);
  return {
    message: {
      headers: block.fields,
      firstLine: start + 1,
      hasBody: bodyFollows(lines, block),
      exactBytes,
      raw: lines.slice(start).join('\r\n'),
      facts: reading.facts,
    },
    hops: reading.hops,
    logged: reading.logged,
    warnings,
    malformed: block.malformed.length,
    end: block.end,
  };
}

/**
 * Headers quoted in a reply or a forum post ("> Received: …"): the lines
 * without one level of quote marks, when the header section is among the
 * quoted lines; else the lines as they are.
 */
function unquoted(lines: string[]): { lines: string[]; quoted: boolean } {
  if (lines.filter((l) => /^>/.test(l)).length < 3) return { lines, quoted: false };
  const stripped = lines.map((l) => l.replace(/^> ?/, ''));
  const start = findHeaderStart(stripped);
  if (!/^>/.test(lines[start] ?? '')) return { lines, quoted: false };
  const block = readHeaderBlock(stripped.slice(0, start + 400), start);
  if (block.fields.length < 2 || headerScore(block) < 0.3) return { lines, quoted: false };
  // the quoted message ends where the quoting does: the poster's words after it are not its body
  let end = start;
  while (end < lines.length && /^>/.test(lines[end])) end++;
  return { lines: stripped.slice(0, end), quoted: true };
}

/** Whether the lines before the header section hold a server's refusal the reply finder is sure of. */
function refusalAbove(lines: string[], start: number): boolean {
  if (start < 2) return false;
  const above = lines.slice(Math.max(0, start - 400), start).map((text, i) => ({ text, line: i + 1 }));
  return findRepliesIn(above).some((f) => f.sure && asRefusal(f) !== null);
}

export const messageParser: InputParser = {
  kind: 'message',
  detect(input) {
    const { lines } = unquoted(input);
    const start = findHeaderStart(lines);
    const block = readHeaderBlock(lines.slice(0, start + 400), start);
    if (block.fields.length < 2) return 0;
    // a delivery report's fields among them ("Diagnostic-Code: smtp; …" above a Received-SPF line): a
    // bounce's pieces pasted together, which the bounce reader reads; no message has such a field
    if (block.fields.some((f) => DSN_ONLY_FIELD.test(f.name))) return 0;
    const score = Math.min(1, headerScore(block) * 1.2);
    // a refusal the reply finder is sure of above the header section: the headers are the
    // returned copy under a bounce's notice (Exchange's "Original message headers", a DSN's
    // text/rfc822-headers) forwarded or pasted whole — the paste is about the refusal, and the
    // bounce reader reads both; the headers alone would lose it
    return score > 0.4 && refusalAbove(lines, start) ? 0.4 : score;
  },
  parse(input, original, ctx): ParseResult {
    const { lines, quoted } = unquoted(input);
    const start = findHeaderStart(lines);
    // quote marks removed: the bytes are no longer the message's own
    const text = quoted ? null : original;
    const m = readMessageAt(lines, start, text, ctx.exactBytes && !quoted);
    const warnings: string[] = quoted ? ['The headers are quoted ("> "); they were read without the quote marks.'] : [];
    if (start > 0 && lines.slice(0, start).some((l) => l.trim()))
      warnings.push(`Lines 1–${start} come before the message headers and were not read as headers.`);
    return {
      kind: m.message.hasBody ? 'message' : 'headers',
      message: m.message,
      hops: m.hops,
      logged: m.logged,
      unknownLines: m.malformed,
      warnings: [...warnings, ...m.warnings],
    };
  },
};
