// Refusals read from a notice's words alone (no DSN part): Exim, qmail,
// Sendmail, Exchange, Gmail, Domino, Mimecast… in any language. Each
// recipient block keeps its own words; a notice that names its recipient only
// in a sentence gets its one address; the receiver's reply is cut out of the
// prose wherever it stands.

import type { RawRejection } from '../parser';
import type { BodyLine } from './mime';
import { readDiagnostic } from './diagnostic';
import { findReply, replyInText } from './reply';
import { asRefusal, findRepliesIn } from '../replies';
import { DELAY_NOTICE, diagnosticLines, looksLikeDiagnostic, sentenceRecipient, type TextRecipient } from './text';

export interface WordsInput {
  human: BodyLine[];
  textRecipients: TextRecipient[];
  /** X-Failed-Recipients (Exim). */
  failed: string[];
  /** Addresses that are not recipients (the bounce's own From and To). */
  exclude: Set<string>;
  /** Line to point at when the words give none. */
  fallbackLine: number;
}

/** A reply code or an enhanced code in words. */
const CODED = /\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b/;

export function wordRefusals({ human, textRecipients, failed, exclude, fallbackLine }: WordsInput): RawRejection[] {
  const out: RawRejection[] = [];
  let recs: TextRecipient[] = textRecipients.filter((r) => r.text || failed.includes(r.address));
  if (failed.length) {
    const known = recs.filter((r) => failed.some((f) => f.toLowerCase() === r.address.toLowerCase()));
    if (known.length) recs = known;
  }
  const general = diagnosticLines(human);
  const generalText = general.map((l) => l.text.trim()).join(' ');
  const ownSentences = general
    .filter((l) => !/\b[245]\d\d\b|\b[245]\.\d{1,3}\.\d{1,3}\b/.test(l.text))
    .map((l) => l.text.trim())
    .join(' ');
  const humanText = human.map((l) => l.text).join('\n');
  // the receiver's reply, wherever the notice quotes it
  const reply = findReply(human);
  if (!recs.length) {
    // a notice that names its recipient only in a sentence, in any language
    const named = sentenceRecipient(human, exclude);
    const addrs = failed.length ? failed : named ? [named.address] : textRecipients.map((r) => r.address).slice(0, 1);
    const at = reply?.line ?? general[0]?.line ?? fallbackLine;
    recs = (addrs.length ? addrs : [null]).map((a) => ({ address: a ?? '', line: at, text: '', textLine: at }));
  }
  // a warning that delivery is still being tried: not a final failure
  const delayed = DELAY_NOTICE.test(humanText);
  for (const r of recs) {
    // a block that names no reason (an address alone) takes the bounce's general words; with
    // several recipients, those words include the others' replies, so a block with words keeps its own
    // (one recipient's block with words of its own keeps them when the general words quote no reply
    // either: the notice's boilerplate, "could not be delivered", adds nothing to its diagnosis)
    const own =
      r.text &&
      (/\b[45]\d\d\b|[45]\.\d+\.\d+/.test(r.text) || ((recs.length > 1 || !CODED.test(generalText)) && looksLikeDiagnostic(r.text)))
        ? r.text
        : [r.text, generalText].filter(Boolean).join(' ');
    const context = recs.length === 1 ? humanText : undefined;
    // the reply itself is the refusal's text; the notice's words around it still give the stage
    const quoted = (r.text ? replyInText(r.text) : null) ?? (recs.length === 1 || !r.text ? (reply?.text ?? null) : null);
    const d = readDiagnostic({
      status: null,
      diagnostic: quoted,
      diagnosticType: null,
      action: '',
      remoteMta: null,
      humanText: own,
      context,
    });
    if (delayed && (d.code === null || d.code < 500)) d.action = 'delayed';
    // the notice's own words about its one recipient, when its block quotes a reply: the reason engine
    // weighs them beside the reply (the MTA may say "account is disabled" above "550 user unknown")
    // (its own sentences only: a line with a reply code quotes a receiver, maybe an earlier attempt's)
    const notice = recs.length === 1 && own === r.text ? ownSentences : '';
    out.push({
      ...d,
      ...(notice ? { notice } : {}),
      ...(r.expandedFrom ? { originalRecipient: r.expandedFrom } : {}),
      line: r.textLine || r.line,
      recipient: r.address || null,
    });
  }
  return out;
}

/**
 * The attempts a notice lists before its final refusal, when it has one recipient: Exchange's
 * diagnostic block gives every try ("1:12:14 PM - Server at mx.example.net (192.0.2.5) returned
 * '450 4.4.316 Connection refused'") under the final "550 5.4.316 Message expired". An expiry or a
 * final refusal after retries hides the error the retries met; each earlier temporary refusal is
 * one attempt of its own (action deferred), so that the host that refused and its words are said.
 * (They come after the notice's own refusals: each recipient's refusal keeps its place.)
 */
export function earlierAttempts(human: BodyLine[], out: RawRejection[]): RawRejection[] {
  if (out.length !== 1 || !isPermanent(out[0])) return [];
  const final = out[0];
  const more: RawRejection[] = [];
  for (const f of findRepliesIn(human)) {
    const a = asRefusal(f);
    if (!a || a.line === final.line || isPermanent(a) || more.some((m) => m.text === a.text)) continue;
    more.push({ ...a, action: 'deferred', recipient: a.recipient ?? final.recipient ?? null });
  }
  return more;
}

function isPermanent(r: RawRejection): boolean {
  return r.enhanced ? r.enhanced.startsWith('5') : r.code !== null && r.code >= 500;
}
