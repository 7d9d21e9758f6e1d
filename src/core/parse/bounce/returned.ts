// The returned message inside a bounce: where its header section is (a
// message/rfc822 or text/rfc822-headers part, or the lines after the notice's
// separator), read by the message reader (parse/message.ts) so that its
// headers, Received chain and verdicts are checked like a pasted message's,
// with the input's line numbers.

import { readHeaderBlock } from '../../mail/header-block';
import { readMessageAt, type MessageAt } from '../message';
import type { BodyLine, MimePart } from './mime';
import { DISPLAYED } from './text';

const FIELD_START = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/** Where the returned message's headers are: a message/rfc822 (or headers) part, or after the separator in the text. */
export function returnedAt(lines: string[], returned: MimePart[], text: BodyLine[], cut: number): { start: number; end: number } | null {
  const part = returned.find((p) => p.children.length && p.children[0].headers.length) ?? returned[0];
  if (part) {
    const inner = part.children[0];
    if (inner?.headers.length) return { start: inner.headers[0].line - 1, end: inner.bodyEnd };
    const block = readHeaderBlock(lines.slice(0, part.bodyEnd), part.bodyStart);
    return block.fields.length >= 2 ? { start: block.fields[0].line - 1, end: part.bodyEnd } : null;
  }
  if (cut < text.length) {
    // the text part's own lines after the separator (or from the header section itself), when they map 1:1 to the input
    let i = FIELD_START.test(text[cut].text) ? cut : cut + 1;
    while (i < text.length && !FIELD_START.test(text[i].text)) i++;
    if (i < text.length && text[i].line > 0 && lines[text[i].line - 1] === text[i].text) {
      const block = readHeaderBlock(lines, text[i].line - 1);
      // a mail client's rendering of the original (From, To, Date, Subject only) is not its header section
      const raw = block.fields.some((f) => !DISPLAYED.has(f.name.toLowerCase()));
      if (block.fields.length >= 2 && raw) return { start: text[i].line - 1, end: Math.max(text[text.length - 1].line, block.end) };
    }
  }
  return null;
}

export function returnedMessage(lines: string[], at: { start: number; end: number } | null, exactBytes: boolean): MessageAt | null {
  if (!at) return null;
  const r = readMessageAt(lines.slice(0, at.end), at.start, null, exactBytes);
  return r.message.headers.length >= 2 ? r : null;
}
