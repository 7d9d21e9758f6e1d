// The human-readable part of a bounce: where the returned message starts, and
// which recipients failed with which words. Every MTA words it differently
// (Exim's indented address then "SMTP error from remote mail server after…",
// qmail's "<addr>:" paragraph, Sendmail's "<addr>... User unknown", Postfix's
// "<addr>: host x said: …", Gmail's address then "Technical details…"), so
// this reads their common shape — an address that opens a line, and the words
// that follow it up to a blank line — rather than one template per product.

import type { BodyLine } from './mime';
import { headerScore, readHeaderBlock } from '../../mail/header-block';

/**
 * Lines that introduce the returned copy of the message (RFC 3462 text part
 * conventions of real MTAs). Microsoft 365's "Original Message Details" is a
 * summary table inside the notice, not the copy; Gmail's own notices end with
 * the original as a "---------- Forwarded message ----------".
 */
const ORIGINAL_MESSAGE =
  /^\s*(?:[-=_*~]+\s*)?(?:this is a copy of|a copy of the|below this line is a copy|original message(?! details)|original mail as follows|forwarded message|unsent message|returned message|rejected message|the (?:original )?message (?:header|headers|text)|(?:original )?message headers? follows?|header of the original|headers? of the original|original headers|content of the original|text of the original|the header of the original|message (?:header|content)s? follows?|copy of message)/i;
/** Known separator lines Exim, qmail, Sendmail, Gmail and Exchange write before the copy. */
const SEPARATOR = /^\s*[-=_*]{3}.*(?:message|headers?|copy)/i;

export function findOriginalStart(lines: BodyLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (ORIGINAL_MESSAGE.test(t) && (SEPARATOR.test(t) || /[-=]{2,}|:\s*$|follows?\W*$/.test(t) || t.trim().length < 60)) return i;
    // a bare rule of dashes right above a header field (au's notices, others): the copy starts there
    if (
      /^\s*[-=_]{20,}\s*$/.test(t) &&
      /^(?:Return-Path|Received|From|Date|Message-ID|X-[\w-]+|DKIM-Signature|MIME-Version)\s*:/i.test(lines[i + 1]?.text ?? '')
    )
      return i;
  }
  return lines.length;
}

export interface TextRecipient {
  address: string;
  line: number;
  /** The words about this recipient, joined, as given. */
  text: string;
  /** Line of the first diagnostic word. */
  textLine: number;
  /** The address it was expanded from (Postfix "(expanded from <root>)"): the recipient as the sender gave it. */
  expandedFrom?: string;
}

const ADDR = String.raw`[A-Za-z0-9!#$%&'*+/=?^_\`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?`;
/** An address in running text, tried only where a run of its characters starts (from every character of a long run it was quadratic). */
const BARE_ADDR = new RegExp(String.raw`(?<![A-Za-z0-9!#$%&'*+/=?^_\`{|}~.-])` + ADDR, 'g');
/**
 * A line that opens with an address: `<a@b>:`, `  a@b`, `a@b [User unknown]`, `<a@b>... User unknown`, `RCPT To:<a@b>`,
 * `'a@b' on 3/15/2010 6:23 AM` (Outlook 2003/2007's NDR puts each recipient in single quotes: the quote is
 * no part of the address, though RFC 5322 atext allows an apostrophe in a local part — taken off only when
 * a closing one follows the domain).
 */
const OPENS_WITH_ADDRESS = new RegExp(
  String.raw`^\s*(?:(?:original|final)?[- ]?recipient(?:\s+address)?:?\s*|to:\s*|rcpt to:\s*)?(?:"[^"@]*"\s*)?(?:"|'(?=${ADDR}'))?<?(${ADDR})>?["']?(.*)$`,
  'i',
);

/** The robot addresses of list managers (fml list-ctl@, Majordomo list-request@, Mailman list-owner@, list-bounces@). */
const LIST_ROBOT = /-(?:ctl|request|owner|admin|bounces?)@/i;

/** Lines at the head of a recipient block that say nothing about the failure. */
const NOISE = /^\s*(?:\(expanded from[^)]*\)|\(generated from[^)]*\)|\(ultimately generated from[^)]*\))\s*:?/i;

/** sendmail's per-recipient line in a transcript: "554 <a@b>... 550 Host unknown" (the code, then the address). */
const CODED_RECIPIENT = new RegExp(String.raw`^\s*([45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3}\s+)?)<(${ADDR})>\.\.\.(.*)$`);

/**
 * A line that names a recipient: [whole, address, its words]; `coded` when it is a transcript's
 * one-line summary — read so only where a transcript sums up several recipients (for one, the
 * whole notice is about it, with the dialogue that led to the reply).
 */
function isRecipientLine(t: string, summaries = false): (RegExpExecArray & { coded?: boolean }) | null {
  const coded = summaries ? CODED_RECIPIENT.exec(t) : null;
  if (coded) {
    // the line is complete in itself: its words are its own summary, with its code
    const m = [coded[0], coded[2], `${coded[1].trim()} ${coded[3].trim()}`] as unknown as RegExpExecArray & { coded?: boolean };
    m.coded = true;
    return m;
  }
  const m = OPENS_WITH_ADDRESS.exec(t);
  if (!m) return null;
  const rest = m[2];
  // "foo@bar is …" inside a sentence is not a block opener; an address that
  // ends the line, or is followed by ":", "...", "[", "(", "on <date>", " - " is.
  if (rest.trim() === '' || /^\s*(?:>|:|\.\.\.|\[|\(|\s-\s|on\s|,|;|\s{2,})/.test(rest)) return m;
  // "a@b Invalid Address, ERROR_CODE :550 …" (Zoho and others): the words follow directly
  if (/\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b/.test(rest)) return m;
  return null;
}

/**
 * Recipients and their diagnostic words in the text before the returned
 * message. `exclude` holds addresses that are not recipients (the bounce's own
 * From and To, i.e. the original sender).
 */
export function findTextRecipients(lines: BodyLine[], exclude: Set<string>): TextRecipient[] {
  // a recipient mentioned again moves to the end: a slot is emptied and the index kept by
  // address, so that a DSN for thousands of recipients is read in linear time
  const out: (TextRecipient | null)[] = [];
  const firstAt = new Map<string, number>();
  let cur: TextRecipient | null = null;
  let blankRun = 0;
  const close = () => {
    if (cur) {
      const k = (cur as TextRecipient).address.toLowerCase();
      if (!firstAt.has(k)) firstAt.set(k, out.length);
      out.push(cur);
    }
    cur = null;
  };
  const summarised = new Set(lines.map((l) => CODED_RECIPIENT.exec(l.text)?.[2]?.toLowerCase()).filter(Boolean));
  const summaries = summarised.size > 1;
  for (const l of lines) {
    const t = l.text;
    if (t.trim() === '') {
      blankRun++;
      continue;
    }
    const m = isRecipientLine(t, summaries);
    const addr = m?.[1].replace(/\.$/, '');
    // a list manager's robot address on its own line ("send … to the address list-ctl@…") is whom to write to
    if (m && addr && !exclude.has(addr.toLowerCase()) && !LIST_ROBOT.test(addr)) {
      const sameAt = firstAt.get(addr.toLowerCase());
      const same = sameAt === undefined ? undefined : out[sameAt]!;
      if (cur && (cur as TextRecipient).address.toLowerCase() === addr.toLowerCase() && !blankRun) {
        // the address repeated inside its own block ("<a>... User unknown")
        appendText(cur, m[2], l.line);
      } else {
        close();
        if (same) {
          // a second mention (e.g. Sendmail's transcript after the summary): add words, keep the first place
          cur = same;
          out[sameAt!] = null;
          firstAt.delete(addr.toLowerCase());
        } else cur = { address: addr, line: l.line, text: '', textLine: l.line };
        appendText(cur, m[2], l.line);
      }
      // a transcript's one-line summary ends its block: the next lines are the next attempt's
      if (m.coded) close();
      blankRun = 0;
      continue;
    }
    if (cur) {
      const c = cur as TextRecipient;
      // after a blank line a block with words is over; an address alone on
      // its line (Gmail, Exchange) takes the next paragraph as its words
      if (blankRun && c.text.trim()) close();
      else appendText(c, t, l.line);
    }
    blankRun = 0;
  }
  close();
  return out.filter((r): r is TextRecipient => r !== null);
}

/** Postfix's "(expanded from <x>)" after a recipient (bounce(8): the address before alias/virtual expansion). */
const EXPANDED_FROM = /^\s*\(expanded from <([^<>\s]{1,300})>\)/i;

/** The date and time Outlook's NDR writes after a recipient ("on 3/15/2010 6:23 AM", "on 15.03.2010 06:23"). */
const ON_DATE = /^\s*on\s+\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?\s*/i;

function appendText(r: TextRecipient, s: string, line: number): void {
  const from = EXPANDED_FROM.exec(s);
  if (from && !r.text) r.expandedFrom = from[1];
  const t = s
    .replace(NOISE, '')
    .replace(/^\s*(?:>|:|\.\.\.)\s*/, '')
    // Outlook's "'a@b' on 3/15/2010 6:23 AM": when it was refused, no word of why
    .replace(ON_DATE, '')
    .trim();
  if (!t) return;
  if (!r.text) r.textLine = line;
  r.text += (r.text ? ' ' : '') + t;
}

/**
 * Words that carry a failure reason, as opposed to greetings and boilerplate. The negations written as
 * contractions count as their long forms do: Exchange Online's NDR says "someone wasn't found at example.org.",
 * "couldn't be delivered", "delivery to this address is restricted".
 */
export function looksLikeDiagnostic(t: string): boolean {
  return /\b[245]\d\d\b|\b[245]\.\d{1,3}\.\d{1,3}\b|error|fail|reject|refus|denied|unknown|invalid|not (?:found|exist|allowed|accept)|does not|quota|full|blocked|policy|spam|timed? ?out|expired|unable|cannot|could not|too (?:large|big|many)|pipe to|mailer|exceeded|not listed|expired|disabled|suspended|unrout(?:e)?able|\b(?:couldn|wasn|weren|didn|isn|can)[’']t\b|\brestricted\b/i.test(
    t,
  );
}

/** The lines that look like a diagnosis, for a bounce with no recipient block. */
export function diagnosticLines(lines: BodyLine[]): BodyLine[] {
  const hits = lines.filter((l) => l.text.trim() && looksLikeDiagnostic(l.text));
  // words in a language the hints do not know: keep the whole text (capped)
  return hits.length ? hits : lines.filter((l) => l.text.trim()).slice(0, 40);
}

/** Local parts of addresses that notices name as whom to ask, not as recipients. */
// (a list's robot addresses, list-ctl@, list-request@, list-owner@, are whom to ask too)
const ROLE = /^(?:postmaster|mailer-daemon|hostmaster|abuse|noreply|no-reply|help|support-noreply)@/i;
/** Lines that name the sender in a notice's summary ("Sender Address:", "From:", "Von:"). */
const SENDER_LINE = /^\s*(?:sender(?:\s+address)?|from|von|de|expéditeur|absender|envelope-from|return-path|reply-to)\s*:/i;

/**
 * The recipient of a notice that names it only in a sentence, in whatever
 * language ("Your message wasn't delivered to a@b because…", "Ihre Nachricht
 * wurde nicht an a@b zugestellt", "The following message to <a@b> was
 * undeliverable"): the one address the words mention that is not the
 * sender's, a role address or inside a link. Null when there is none, or
 * when several differ (then the words do not say which failed).
 */
export function sentenceRecipient(lines: BodyLine[], exclude: Set<string>): { address: string; line: number } | null {
  const found = new Map<string, { address: string; line: number }>();
  for (const l of lines) {
    if (SENDER_LINE.test(l.text)) continue;
    const text = l.text.replace(/\b(?:https?|mailto):\S+/gi, (u) => (u.startsWith('mailto:') ? ' ' : ''));
    for (const m of text.matchAll(BARE_ADDR)) {
      const a = m[0].replace(/\.$/, '');
      // a Notes address ("Klaus Schmidt/Sales/CORP@CORP") is not an Internet one: its domain has no dot
      if (exclude.has(a.toLowerCase()) || ROLE.test(a) || LIST_ROBOT.test(a) || !/@[^@]+\.[^@.]+$/.test(a) || a.includes('/')) continue;
      if (!found.has(a.toLowerCase())) found.set(a.toLowerCase(), { address: a, line: l.line });
    }
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

/**
 * Notices that say delivery is still being tried, so the failure is not final:
 * Postfix "THIS IS A WARNING ONLY" (bounce(8) delay template), Gmail "Delivery
 * incomplete … Gmail will retry for N more hours", Exchange "Delivery has been
 * delayed" / "hasn't been delivered yet", Exim "Warning: message … delayed",
 * Sendmail "Warning: could not send message for past N hours".
 */
export const DELAY_NOTICE =
  /THIS IS A WARNING ONLY|is delayed for more than|only a temporary failure report|DO NOT NEED to re-send|Delivery incomplete|will (?:continue to )?retry|will be retried|still being retried|temporary problem delivering|(?:delivery|message) (?:to the following recipients? )?has been delayed|hasn'?t been delivered yet|could not send message for past|Warning: message \S+ delayed|delivery (?:is )?delayed/i;

/** The fields a mail client shows of a message it renders, quotes or forwards. */
export const DISPLAYED = new Set(['from', 'to', 'cc', 'bcc', 'date', 'sent', 'subject', 'reply-to']);

/**
 * Where the copy of the message starts when no separator announces it: the
 * first run of three or more mail header fields (a notice copied from a mail
 * client loses its MIME structure, and the attached original follows the
 * words directly; a forum post quotes the refusal, then the headers). -1 when
 * there is none after the first line.
 */
export function findHeaderSection(lines: BodyLine[]): number {
  const texts = lines.map((l) => l.text);
  for (let i = 1; i < texts.length; i++) {
    if (!/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(texts[i]) || texts[i - 1].trim() !== '') continue;
    const block = readHeaderBlock(texts, i);
    // a summary a notice or a client prints (To:, Cc:, Date:, Subject:) is not the message's header section
    const raw = block.fields.some((f) => !DISPLAYED.has(f.name.toLowerCase()));
    if (block.fields.length >= 3 && headerScore(block) >= 0.5 && raw) return i;
  }
  return -1;
}
