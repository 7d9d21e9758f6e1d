// A forwarded message's header block on top of a paste, recognised by its
// shape in any language (issue 11 point 1): a person passes a bounce or a log
// on to the admin, and their mail client writes an optional separator line
// ("-------- Weitergeleitete Nachricht --------", "---------- Message
// transféré ---------", "-----Original Message-----", "________________") and
// then a few "label: value" lines — From/Date/Subject/To in the client's
// language (Von:/Datum:/Betreff:, De :/Objet :, Da:/Oggetto:, Van:/Onderwerp:,
// От:/Тема:, 差出人:/件名:). The poster often writes a line of their own before
// it. None of that is the evidence; the readers must see what follows.
//
// The labels are not looked up in a word list: a block is short labels (one to
// three words, any script) with a colon, one value holding a mail address and
// one a date or time, ended by a blank line. What tells it from a message's own
// header section (RFC 5322) is a separator line or a label that is no header
// field's name (Sent:, Gesendet:, Von:, 件名:) — a block of only From/To/Cc/Date/
// Subject without a separator may be a message's own, even after a line of text
// (an mbox "From " line, RFC 4155) — and a header section's own fields
// (Received, Message-ID, MIME-Version, Content-Type…: names with a hyphen or
// those names) rule it out.

/** A client's separator: dashes (or underscores) around a few words of any language, or a rule of underscores. */
const SEPARATOR = /^\s*(?:-{2,}\s*[\p{L}\p{M}'’ ]{3,60}?\s*-{2,}|_{10,}|-{10,})\s*$/u;
/** Apple Mail's and others' sentence-like opener ending in a colon ("Begin forwarded message:", "Anfang der weitergeleiteten Nachricht:"). */
const OPENER = /^\s*[\p{L}\p{M}' ]{6,60}[:：]\s*$/u;
/** One field of the block: a short label (1–3 words, any script, optional space before the colon as French writes it). */
const FIELD = /^\s*([\p{L}\p{M}][\p{L}\p{M}.'’]{0,24}(?: [\p{L}\p{M}.'’]{1,24}){0,2})\s?[:：]\s*(.*)$/u;
const ADDRESS = /[^\s<>@"]+@[^\s<>@"]+\.[a-z]{2,}|<[^<>\s]+@[^<>\s]+>/i;
const DATE_OR_TIME = /\b\d{1,2}[:.]\d{2}\b|\b(?:19|20)\d{2}\b|\d{4}年/;
/** A JSON object's first field in a value: a structured log writes its fields so, a forward block never. */
const STRUCTURED = /\{"[\w-]{1,40}"\s*:/;
/** Names only a message's own header section has. */
const OWN_HEADER =
  /^(?:received|return-path|message-id|mime-version|content-[\w-]+|x-[\w-]+|dkim-signature|authentication-results|delivered-to|reply-to|in-reply-to|references|arc-[\w-]+|received-spf|list-[\w-]+)$/i;
/** Names a message's header section and a forward block share (a block of only these, on top, is a message's). */
const SHARED = /^(?:from|to|cc|bcc|date|subject)$/i;
/** Words of a paste's own evidence: a reply code, an enhanced code, a log's timestamp. The prose before a block holds none. */
const EVIDENCE = /(?:^|\s)[45]\d\d[ -]|\b[245]\.\d{1,3}\.\d{1,3}\b|^[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}|^\d{4}-\d{2}-\d{2}[T ]\d{2}:/;

export interface ForwardBlock {
  /** Index of the first line of the paste that is the poster's (prose, separator or the block's first field). */
  start: number;
  /** Index of the separator or opener line, or -1. */
  separator: number;
  /** Index of the block's first field line. */
  fields: number;
  /** Index just after the block's last field line (the blank line that ends it). */
  end: number;
}

/** How far down the paste a forward block is looked for (prose before it is a few lines). */
const LOOK = 12;

/**
 * The forwarded-message block near the top of the paste, or null. Only the first one: a
 * forward inside a forward is read by whoever reads what follows (parse/bounce/forward.ts).
 */
export function forwardBlockOnTop(lines: string[]): ForwardBlock | null {
  let prose = 0;
  for (let i = 0; i < Math.min(lines.length, LOOK); i++) {
    const t = lines[i];
    if (!t.trim()) continue;
    const rule = SEPARATOR.test(t);
    const sep = rule || OPENER.test(t);
    const at = sep ? nextText(lines, i + 1) : i;
    const block = fieldsAt(lines, at);
    if (block && (sep || block.foreign)) return { start: firstText(lines), separator: sep ? i : -1, fields: at, end: block.end };
    // the poster's words before the block hold no evidence (and no field: a header section starts there)
    if (rule || EVIDENCE.test(t) || (FIELD.test(t) && !sep)) return null;
    prose++;
  }
  return null;
}

function firstText(lines: string[]): number {
  const i = lines.findIndex((l) => l.trim());
  return i < 0 ? 0 : i;
}

function nextText(lines: string[], i: number): number {
  while (i < lines.length && !lines[i].trim()) i++;
  return i;
}

/** The field lines from `i`: 3–8 fields with an address and a date, ended by a blank line and followed by text. */
function fieldsAt(lines: string[], i: number): { end: number; foreign: boolean } | null {
  let n = 0;
  let address = false;
  let date = false;
  let foreign = false;
  let k = i;
  for (; k < lines.length; k++) {
    const t = lines[k];
    if (!t.trim()) break;
    const m = FIELD.exec(t);
    if (!m) {
      // a client puts a long value on the next, indented line
      if (n && /^\s/.test(t)) continue;
      return null;
    }
    const label = m[1];
    if (OWN_HEADER.test(label) || /-/.test(label)) return null;
    // a value holding a JSON object's fields is a structured log's line ("queue: delivery attempt failed
    // {"msg_id":…}", maddy), not a mail client's From/Date/Subject
    if (STRUCTURED.test(m[2])) return null;
    if (!SHARED.test(label)) foreign = true;
    if (ADDRESS.test(m[2])) address = true;
    if (DATE_OR_TIME.test(m[2])) date = true;
    n++;
    if (n > 8) return null;
  }
  if (n < 3 || !address || !date) return null;
  if (nextText(lines, k) >= lines.length) return null;
  return { end: k, foreign };
}

/**
 * The paste without the poster's prose and the forward block on top (blank lines in their
 * place, so line numbers stay the paste's), or the same array when there is none. With
 * `keepBlock`, only the prose before the block goes: a bounce's reader takes the block for the
 * forwarded bounce's headers.
 */
export function withoutForwardBlock(lines: string[], keepBlock = false): string[] {
  const b = forwardBlockOnTop(lines);
  if (!b) return lines;
  const upTo = keepBlock ? (b.separator >= 0 ? b.separator : b.fields) : b.end;
  if (upTo <= b.start) return lines;
  return lines.map((l, i) => (i >= b.start && i < upTo ? '' : l));
}
