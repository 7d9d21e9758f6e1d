// The header section of a message (RFC 5322 §2.2): fields, unfolded, each with
// the line it starts on. Kept separate from MIME decoding (postal-mime) because
// the evidence needs raw text and line numbers that a MIME parser discards.

import type { HeaderField } from '../types';
import { serverFolds } from '../knowledge/server-fields';
import { isCodeFence } from '../text/gutter';

/** RFC 5322 §3.6.8: field-name = 1*ftext, printable US-ASCII except ":". */
const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/;

export interface HeaderBlock {
  fields: HeaderField[];
  /** Index (0-based) of the first line after the header section (the blank line, or the end). */
  end: number;
  /** Lines inside the block that were neither a field nor a continuation. */
  malformed: { line: number; text: string }[];
  /** Lines read as continuations although they were not indented: the paste lost its folding (see below). */
  refolded: number[];
}

/**
 * Read header fields from `lines` starting at index `start` until a blank line.
 * `lineBase` is added to indexes to give 1-based input line numbers.
 *
 * Headers copied through a web form, a chat or some mail clients' header
 * boxes lose the leading whitespace of their folded lines, so that every
 * continuation starts at column 0. Such a section is recognised by having no
 * indented line at all while lines that are not fields stand between fields,
 * mostly below the fields servers fold (Received, Authentication-Results…);
 * it is read again with those lines as continuations (and says which). A
 * message with one bad line among correctly folded ones, or a script's
 * message with bad lines among its own short fields, keeps them as malformed.
 */
export function readHeaderBlock(lines: string[], start = 0, lineBase = 1): HeaderBlock {
  const block = readFields(lines, start, lineBase, false);
  if (block.malformed.length >= 2 && block.fields.length >= 2 && !block.fields.some((f) => f.lineCount > 1)) {
    // only when the lines not read stand between fields (not a body after a missing blank line),
    // and mostly below the fields that servers fold (a script's own header lines are short)
    const lastField = lastFieldIndex(lines, start);
    const between = block.malformed.filter((m) => m.line - lineBase < lastField);
    const belowFolded = between.filter((m) => serverFolds(fieldAbove(block, m.line)?.name ?? ''));
    if (between.length && belowFolded.length * 2 >= between.length) return readFields(lines, start, lineBase, true);
  }
  return block;
}

function fieldAbove(block: HeaderBlock, line: number): HeaderField | undefined {
  return block.fields.filter((f) => f.line < line).pop();
}

/** Index of the last line with a field's shape before the section ends at a blank line. */
function lastFieldIndex(lines: string[], start: number): number {
  let last = -1;
  for (let i = start; i < lines.length && lines[i].trim() !== ''; i++) if (FIELD.test(lines[i])) last = i;
  return last;
}

function readFields(lines: string[], start: number, lineBase: number, unindented: boolean): HeaderBlock {
  const fields: HeaderField[] = [];
  const malformed: HeaderBlock['malformed'] = [];
  const refolded: number[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const l = lines[i];
    // the header section ends at the first empty line (RFC 5322 §2.1); in a post, at the fence of the
    // Markdown code block that holds it (CommonMark §4.5: "```" is no field and no folded line)
    if (l.trim() === '' || isCodeFence(l)) break;
    if (unindented && fields.length && !FIELD.test(l)) {
      const last = fields[fields.length - 1];
      last.raw += '\n' + l;
      last.value += ' ' + l;
      last.lineCount++;
      refolded.push(i + lineBase);
      continue;
    }
    if (/^[ \t]/.test(l)) {
      const last = fields[fields.length - 1];
      if (last) {
        last.raw += '\n' + l;
        // unfolding: remove the CRLF before the whitespace (RFC 5322 §2.2.3)
        last.value += l;
        last.lineCount++;
      } else {
        malformed.push({ line: i + lineBase, text: l });
      }
      continue;
    }
    const m = FIELD.exec(l);
    if (m) {
      fields.push({ name: m[1], value: m[2].replace(/^[ \t]+/, ''), raw: l, line: i + lineBase, lineCount: 1 });
    } else if (/^From /.test(l) && fields.length === 0) {
      // mbox "From " separator line before the headers: not a field, not an error
      continue;
    } else {
      malformed.push({ line: i + lineBase, text: l });
      // a run of non-header lines means we have left the header block
      if (malformed.length > 3 && malformed.length > fields.length) break;
    }
  }
  for (const f of fields) f.value = f.value.replace(/(?<![ \t])[ \t]+$/, '');
  return { fields, end: i, malformed, refolded };
}

/** Header names that show a block is really mail headers, not "Key: value" prose. */
const MAIL_FIELDS = new Set([
  'received',
  'from',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'return-path',
  'reply-to',
  'sender',
  'mime-version',
  'content-type',
  'dkim-signature',
  'authentication-results',
  'received-spf',
  'arc-seal',
  'arc-message-signature',
  'arc-authentication-results',
  'x-mailer',
  'delivered-to',
  'x-ms-exchange-organization-scl',
  'x-forefront-antispam-report',
  'x-microsoft-antispam',
  'x-spam-status',
  'list-unsubscribe',
  'in-reply-to',
  'references',
  'x-originating-ip',
  'thread-index',
  'x-google-smtp-source',
]);

export function headerScore(block: HeaderBlock): number {
  if (!block.fields.length) return 0;
  const known = block.fields.filter((f) => MAIL_FIELDS.has(f.name.toLowerCase())).length;
  return known / Math.max(block.fields.length + block.malformed.length, 1);
}

/** The fields called `name` (field names are case-insensitive, RFC 5322 §1.2.2), in order. */
export function fieldsNamed(fields: HeaderField[], name: string): HeaderField[] {
  const n = name.toLowerCase();
  return fields.filter((f) => f.name.toLowerCase() === n);
}

/** The value of the first field called `name`. */
export function headerValue(fields: HeaderField[], name: string): string | undefined {
  return fieldsNamed(fields, name)[0]?.value;
}
