// What every headers.* rule needs: the header fields of the message in the
// input, whether they look like a whole header section (not a fragment of
// trace fields), and which fields the receiving side added (a problem there
// is not the sender's to fix).

import type { HeaderField, Step } from '../../types';
import type { RuleContext } from '../rule';
import type { MessageFacts } from '../../types';
import { writtenByReceiver } from '../../knowledge/server-fields';

/** Every headers.* problem can be why a receiver called the message non-conforming. */
export const NOT_COMPLIANT = ['notcompliantrfc'];

export const RFC5322 =
  'RFC 5322 §3.6 (fields: Date and From required; at most one each of Date, From, Sender, Reply-To, To, Cc, Bcc, Message-ID, In-Reply-To, References, Subject)';

export interface MessageView {
  fields: HeaderField[];
  facts: MessageFacts | undefined;
  /** First and last line of the header section. */
  firstLine: number;
  lastLine: number;
  /** The fields are a whole header section, not a paste of a few trace fields. */
  complete: boolean;
  exactBytes: boolean;
  /**
   * Why the section as pasted may not hold every field (null: it does): a
   * field missing from it is "not in the input", not "missing". A bounce's
   * returned copy (RFC 6522 text/rfc822-headers, an NDR's "Original message
   * headers") is whole as the server wrote it; a paste of headers alone, a
   * paste with lines left out ("[...]"), or one that stops mid-field may not be.
   */
  cut: { why: string; line: number } | null;
}

/** Fields a message writer adds; a block with none of them is a fragment (e.g. only Received lines). */
const ORIGINATOR = new Set(['from', 'sender', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'content-type', 'reply-to']);

export function messageView(ctx: RuleContext): MessageView | null {
  const m = ctx.evidence.message;
  if (!m || !m.headers.length) return null;
  const fields = m.headers;
  const last = fields[fields.length - 1];
  return {
    fields,
    facts: m.facts,
    firstLine: fields[0].line,
    lastLine: last.line + last.lineCount - 1,
    complete: fields.some((f) => ORIGINATOR.has(f.name.toLowerCase())),
    exactBytes: m.exactBytes,
    cut: cutOff(ctx, last.line + last.lineCount - 1),
  };
}

/** A line a poster puts where they left lines out: "...", "…", "[...]", "[snip]", "<cut>", "(truncated)". */
const LEFT_OUT =
  /^\s*(?:>\s*)*(?:\.{3,}|…|[[(<]\s*(?:\.{3,}|…|snip(?:ped)?|cut|truncated|gekürzt|abgeschnitten|tronqué|more headers?|rest of (?:the )?headers?)[^\])>]*[\])>])\s*$/i;

function cutOff(ctx: RuleContext, lastLine: number): MessageView['cut'] {
  const m = ctx.evidence.message;
  if (!m) return null;
  // the raw text starts at the header section's first line (parse/message.ts readMessageAt)
  const raw = m.raw.split(/\r?\n/);
  for (let i = 0; i <= lastLine - m.firstLine && i < raw.length; i++)
    if (LEFT_OUT.test(raw[i])) return { why: `lines were left out of the headers (line ${m.firstLine + i})`, line: m.firstLine + i };
  const last = m.headers[m.headers.length - 1];
  const value = last?.value.trim() ?? '';
  // a field that stops where its syntax cannot (a parameter list ending in ";" or "=", an open "<" or "(")
  if (!m.hasBody && last && (/[;,=:(<]$/.test(value) || (value.match(/</g)?.length ?? 0) > (value.match(/>/g)?.length ?? 0)))
    return { why: `the paste stops in the middle of the ${last.name}: field (line ${last.line})`, line: last.line };
  if (ctx.evidence.inputs[0]?.kind === 'bounce') return null;
  if (!m.hasBody) return { why: `the paste holds headers only and ends at line ${lastLine}, so it may not hold them all`, line: lastLine };
  return null;
}

/**
 * A field the rule needs is not among the headers of a paste that may not hold
 * them all: said as not in the input, with what to paste — never as missing
 * from the message: a partial paste is modelled as partial. A receiver's refusal
 * that calls the message non-conforming still lets the rule fail.
 */
export function notInPaste(ctx: RuleContext, view: MessageView, rule: string, field: string, sources: string[]): Step[] | null {
  if (!view.cut) return null;
  if (ctx.evidence.rejections.some((r) => NOT_COMPLIANT.includes(r.reason))) return null;
  return [
    {
      rule,
      status: 'inconclusive',
      title: `No ${field}: among the pasted headers — the paste may not hold it`,
      evidence: [{ text: `No ${field}: field in ${section(view)}; ${view.cut.why}`, line: view.cut.line }],
      detail: `Only what is in the input can be judged: ${view.cut.why}. If these are all of the message's headers, it has no ${field}: field.`,
      fix: [
        'Paste the whole header section to have it checked (Gmail: ⋮ › Show original; Outlook: File › Properties › Internet headers; Thunderbird: View › Message Source), or the whole message as an .eml file.',
      ],
      verify: [],
      sources,
    },
  ];
}

/** The field was added by the receiving organisation (above the origin hop, or a receiver's stamp). */
export function addedByReceiver(view: MessageView, f: HeaderField): boolean {
  const n = view.facts?.receiverFieldCount ?? 0;
  return view.fields.indexOf(f) < n || writtenByReceiver(f.name);
}

export function section(view: MessageView): string {
  return `the header section (lines ${view.firstLine}–${view.lastLine})`;
}

export function passStep(rule: string, title: string, sources: string[], evidence: Step['evidence'] = []): Step {
  return { rule, status: 'pass', title, evidence, fix: [], verify: [], sources };
}

/** A one-line quote of a field for evidence. */
export function quote(f: HeaderField, max = 160): string {
  const t = `${f.name}: ${f.value}`;
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Base64 of the UTF-8 bytes of a string (for RFC 2047 B encoding in fixes). */
export function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      abc[(n >> 18) & 63] +
      abc[(n >> 12) & 63] +
      (i + 1 < bytes.length ? abc[(n >> 6) & 63] : '=') +
      (i + 2 < bytes.length ? abc[n & 63] : '=');
  }
  return out;
}

/** A value as RFC 2047 encoded-words of at most 75 characters each (§2), folded. */
export function encodeWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of value) {
    // 45 bytes of UTF-8 → 60 base64 characters, + "=?UTF-8?B?" and "?=" = 72 ≤ 75
    if (new TextEncoder().encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64Utf8(w)}?=`).join('\r\n ');
}
