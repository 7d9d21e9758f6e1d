// The reply finder: every SMTP reply in a paste, wherever it sits. A server's
// refusal reaches the person who pastes it inside something else — a log
// line ("host mx[ip] said: 550 …"), a bounce's prose ("Remote Server returned
// '550 5.7.1 …'", Exchange 2010's "#550 5.1.1 …##"), an application's error
// ("Expected response code 250 but got code "550", with message "550 …"",
// Python's "{'a@b': (550, b'5.1.1 …')}", JavaMail's
// "SMTPAddressFailedException: 550 …", .NET's "The server response was: …"),
// a lone DSN field ("Diagnostic-Code: smtp; 550 …"), a transcript ("<<< 554-…",
// "Got: 553 …"), a forum post that cut off the reply's first line ("…does
// not have a 550-5.7.25 PTR record…"). This reads them all the same way:
//
//   1. a reply starts at a code (RFC 5321 §4.2: three digits, then "-" on
//      every line but the last, RFC 3463's class.subject.detail after it)
//      where the words before it are where replies stand: the start of a
//      line, a colon, a quote, "<<<", "#", a Python tuple "(550, '…"; or, with
//      no such opener, where its continuation prefix repeats (the paste lost
//      the reply's first line, so the text before the code is that line);
//   2. it goes on over its continuation lines ("550-…" then "550 …", with the
//      log prefix they share taken off; smtplib's "5.2.3 …" lines; wrapped
//      or indented lines; a quote that is not closed yet) and ends at a
//      blank line, a new record (a log line, a stack frame, a DSN field), or
//      the wrapper's closing quote, "##" or "(in reply to … command)";
//   3. its stage comes from the words around it ("in reply to RCPT TO
//      command", "after end of data", a client library's exception
//      (knowledge/client-errors.ts), the last command the transcript sent).
//
// It works on a readable view of the paste (text/view.ts: escapes, HTML,
// Markdown and quote marks undone) and gives input line numbers.

import type { Stage } from '../../types';
import { readableView, wholeTexts, type TextView } from '../../text/view';
import { clientErrorCandidates, clientErrorStage, DOTNET_STATUS_MESSAGES } from '../../knowledge/client-errors';
import { remoteIn, stageFromText } from '../bounce/diagnostic';
import { judgedIpIn } from '../judged-ip';
import { stageOfCommand, stageOfDetail, stageOfReplyCode, stagesNamedBy } from '../../knowledge/smtp-commands';
import { softWrapped } from '../../text/wrap';
import { ONLY_DECORATION, withoutDecoration } from '../../text/decoration';
import { REFUSAL_WORDS } from '../../knowledge/reply-line';
import { detailNamedBy } from '../../knowledge/enhanced-codes';

export interface FoundReply {
  /** The basic code (RFC 5321), or null when the paste gives only the words or the enhanced code. */
  code: number | null;
  /** The enhanced status code (RFC 3463), or null. */
  enhanced: string | null;
  /** The reply's words: continuation prefixes, wrapping and the wrapper's quotes taken off, codes in front removed. */
  text: string;
  /** Input line (1-based) where the reply starts. */
  line: number;
  /** Input line where it ends. */
  endLine: number;
  /** Where on its view line it starts (orders two replies on one line). */
  column: number;
  stage: Stage;
  /** The recipient the paste says it refused, when it says. */
  recipient: string | null;
  /** The server that gave it, when the paste says. */
  remote: string | null;
  /** The client IP the reply names (the one the receiver judged). */
  ip: string | null;
  /** How it was found: 'line' (a reply line), 'opener' (after words that quote a reply), 'inline' (a cut-off first line), 'client' (an application's error), 'dsn' (DSN fields). */
  via: 'line' | 'opener' | 'inline' | 'client' | 'dsn';
  /**
   * The mail client, library or application whose error text carries the reply (knowledge/client-errors.ts
   * id: python.recipients-refused, javamail.…): the program that submitted the message reported it.
   */
  client?: string;
  /**
   * Sure to be a reply: an enhanced code that agrees with the basic code, a
   * wrapper that names the code, or words that only quote replies. A bare
   * "500 Internal Server Error" at the start of a line is not sure.
   */
  sure: boolean;
  /** A DSN's Action (RFC 3464 §2.3.3), when the paste has one for it. */
  action?: string;
  /**
   * Written by the refusing server itself: the reply follows its own log's refusal words (Postfix smtpd
   * "NOQUEUE: reject: RCPT from client[ip]: 550 …"), so whoever pasted it runs that server.
   */
  inbound?: boolean;
}

// ---- the shapes of a paste ----

/**
 * A line that opens a new record: a log line, a stack frame, a DSN field, a traceback. (Also a Go program's
 * structured line — logfmt's "t=2017-01-16T15:53:03+0000 lvl=eror …" / "logger=… t=…" (github.com/go-logfmt/logfmt,
 * Grafana's log format) and log15's "EROR[06-01|01:20:52] …" (github.com/inconshreveable/log15, the level in four
 * letters): the reply inside one line's error="…" value ends with that line.)
 */
const RECORD_START =
  /^(?:EHLO|HELO|MAIL FROM|RCPT TO|DATA|QUIT|RSET|STARTTLS|AUTH)\b|^\s{0,12}(?:(?:t|ts|time)=\"?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|logger=\S{1,80} t=\d{4}-|(?:EROR|WARN|INFO|DBUG|CRIT|TRCE)\[\d{2}-\d{2}\|\d{2}:\d{2}:\d{2}\]|(?:[\w$]+\.){2,}[\w$]*(?:Exception|Error)\b|nested exception is|\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}\/\d{2}\/\d{2,4}[ T]\d{2}:\d{2}|[A-Z][a-z]{2}\s{1,2}\d{1,2} \d{2}:\d{2}:\d{2}|\[[A-Z][a-z]{2} [A-Z][a-z]{2} \d|\[(?:info|error|warn|warning|debug|notice|protocol|crit|fatal)\]|#\[|at [\w.$<>`-]{2,200}\s?\(|File "|Caused by:|Traceback \(|(?:Final|Original)-Recipient:|Action:|Status:|Remote-MTA:|Reporting-MTA:|Arrival-Date:|Last-Attempt-Date:|X-Postfix-|Received-From-MTA:|Diagnostic-Code:|Content-Type:|(?:From|To|Subject|Date|Message-ID):\s)/i;

/** An address that opens a line on its own or before a colon: a bounce's next recipient block. */
const RECIPIENT_BLOCK = /^\s*<?[^\s<>@]{1,200}@[^\s<>]{1,200}>?\s*(?::|$)/;

const ENH = String.raw`[245]\.\d{1,3}\.\d{1,3}`;
/** Where an enhanced code ends: no further digit, nor a dot and a digit (a longer number, a version, an address); a sentence's full stop may follow. */
const ENH_END = String.raw`(?!\d|\.\d)`;

/**
 * A basic code where a reply may start: not inside a word, a number, a
 * version, an address or a key=value (delay=450, 2024-…); followed by a space,
 * a hyphen, a quote or the end of the line.
 */
// (after "=" only in a program's "response=" / "reply=" field: "size=550" is no reply)
// (the enhanced code may carry a "#", as some servers print it after the basic code: "550 #5.1.0 Address
// rejected." — the qmail/Exchange 2003 habit of marking RFC 3463 codes with "#", as in "(#5.1.1)")
// (a sentence's full stop may close the enhanced code, as a university's relay prints it: "421 4.5.1. Connection
// Rate - See …"; a dot and a digit would make it a longer number, a version or an address)
// (a number followed by a unit of size is a size, not a code: "550 MB limit exceeded", "552 KB", "450 bytes")
// (a colon and a space after the code, as mail libraries print it when they join the code to the server's
// words: MailCore's "550: 5.7.1 Message rejected due to local policy", a help page's "550: #5.1.0 Address
// rejected" — the code is still the reply's, RFC 5321 §4.2; not after a colon of its own: "0.0.0.0:550: ok" is a port)
const CODE = new RegExp(
  String.raw`(?<![\w.\/@+-])(?<!(?<!\b(?:response|reply|smtp_?response|last_?response))=)([45][0-5]\d)(?!\s?(?:[kKMGT]i?B|[kKMG]?bytes?|octets|[kKMG]byte|(?:kilo|mega|giga)bytes?)\b)(?:([ -]|(?<!:\d{3}):(?=\s))\s{0,3}#?(${ENH})${ENH_END})?(?=[ -]|$|['",;)\]]|(?<!:\d{3}):\s)`,
  'g',
);
/** An enhanced code alone where a reply starts (smtplib's continuation lines, a client that drops the basic code). */
const ENH_ONLY = new RegExp(String.raw`(?<![\w.\/=@:+-])(${ENH})(?=\.?\s+[\p{L}\[<'"(]|\.?$)`, 'gu');

/**
 * The words before a code that make it a reply (each is how some product
 * quotes one): a colon or semicolon (Postfix "said:", DSN "smtp;", Haraka
 * "rejected:", "Error:"), a quote (Exchange "returned '", "with message \"",
 * nodemailer "response: '"), "<<<"/"<<" and "Got:"/"S:" of transcripts,
 * Exchange 2010's "#", a bracket or parenthesis ("[550]", "(550, "), a
 * transcript's or delivery log's arrow ("host:25 --> 554 …", "<-- 550", "=> 550"), a program's
 * "response=" field (nodemailer's error object printed as key=value),
 * or a letter of a language without spaces ("邮件投递失败550").
 */
const OPENER_END = /(?:[:;'"#([|]|<<<?|--?>|<--?|=>|\b(?:response|reply|smtp_?response|last_?response)=|\.{3,}|[^\x00-\x7f])\s{0,4}$/iu;
/** Words that introduce a reply without a colon. */
// ("but received": a library's "expected reply code 250, but received 550 …", HaskellNet's sendCommand)
const OPENER_WORDS = /\b(?:said|returned|response was|reason|error|answered|replied|rejected|Got|Response|but received)\s{0,4}$/i;

/**
 * A webmail's error label that puts the server's basic code in parentheses or brackets before its words:
 * Roundcube's "SMTP Error ($code): $msg" and its translations ("Error SMTP (451): …", "Erro SMTP (451): …",
 * "SMTP-Fehler (451): …"), and the bracketed form "SMTP error: [451] Temporary local problem".
 */
const WEBMAIL_CODE_LABEL =
  /\b(?:SMTP[ -]?(?:Error|Fehler|Erreur|Errore|Fout|Chyba|B\u0142\u0105d)|(?:Error|Erro|Erreur|Errore|Fehler|Fout) (?:de |del )?SMTP)\s?:?\s?[([]$/i;
/** After the label's code: its closing parenthesis or bracket (and a colon), then the server's words. */
const WEBMAIL_CODE_REST = /^[)\]]\s?:?\s{0,3}(?=\S)/;

/** An enhanced code anywhere in a text (no global flag: a plain test). */
const ENHANCED_ANYWHERE = new RegExp(ENH);

/** After a bracketed basic code ("[451"): the closing bracket, then an enhanced code and words. */
const BRACKETED_REST = new RegExp(String.raw`^(\]\s{1,3})(${ENH})${ENH_END}(?=\s+\p{L})`, 'u');

interface Start {
  col: number;
  code: number | null;
  more: boolean;
  enhanced: string | null;
  /** The text before the code on its line. */
  before: string;
  via: FoundReply['via'];
}

function startsIn(line: string, paragraph: string): Start[] {
  const out: Start[] = [];
  for (const m of line.matchAll(CODE)) {
    const col = m.index;
    const before = line.slice(0, col);
    const after = line.slice(col + m[0].length);
    // a client that brackets the basic code before the reply's enhanced code and words ("SMTP error: [451]
    // 4.7.1 Service unavailable …"): the reply starts at the enhanced code, when both are of one class
    const bracketed = before.endsWith('[') ? BRACKETED_REST.exec(after) : null;
    if (bracketed && bracketed[2][0] === m[1][0]) {
      const at = col + m[0].length + bracketed[1].length;
      out.push({ col: at, code: Number(m[1]), more: false, enhanced: bracketed[2], before: line.slice(0, at), via: 'opener' });
      continue;
    }
    // a webmail's label with the code in parentheses ("SMTP Error (451): Temporary local problem …"): the
    // server's words follow the label — unless an enhanced code follows too ("Failed to add recipient … (5.7.1 …)"),
    // where the reply starts at that code as before
    const labelled = WEBMAIL_CODE_LABEL.test(before) ? WEBMAIL_CODE_REST.exec(after) : null;
    if (labelled && !ENHANCED_ANYWHERE.test(after)) {
      const at = col + m[0].length + labelled[0].length;
      out.push({ col: at, code: Number(m[1]), more: false, enhanced: null, before: line.slice(0, at), via: 'opener' });
      continue;
    }
    // a code must be followed by words (or end a line that continues); one followed by a quote or a
    // bracket is a field that names the code ("got code \"550\"", "[550]"), not the reply
    if (/^['")\]]/.test(after) || (!/^[ -]?\s{0,3}\S/.test(after) && after.trim() !== '')) continue;
    // "550," is a code field ("Server Error: 550, Error Number: …") unless it opens a Python tuple "(550, '…"
    if (after.startsWith(',') && !/\(\s{0,2}$/.test(line.slice(0, col))) continue;
    const code = Number(m[1]);
    const enhanced = m[3] ?? null;
    const more = m[2] === '-' || (!m[2] && after.startsWith('-'));
    // (a tree's branch, a list's bullet or a logger's level tag before it is still the start of the line:
    // nodemailer's "└──550 …", "• 550 …", "[ERROR] 550 …" — text/decoration.ts)
    const atStart = before.trim() === '' || ONLY_DECORATION.test(before);
    // (a spaced dash before a code and its enhanced code: "Máximo de tentativas … excedido - 535 5.7.139 …",
    // a program's "Error - 550 5.1.1 …" — the enhanced code makes it a reply, not a range or a date)
    const opened = OPENER_END.test(before) || OPENER_WORDS.test(before) || (!!enhanced && /\s[-–—]\s{1,4}$/.test(before));
    if (atStart || opened) {
      out.push({ col, code, more, enhanced, before, via: atStart ? 'line' : 'opener' });
      continue;
    }
    // no opener: a continuation prefix ("550-5.7.25") that repeats in the paragraph is a multi-line
    // reply whose first line lost its code — the text before it on the line is that first line
    if (more && enhanced && countOf(paragraph, `${m[1]}-${enhanced}`) + countOf(paragraph, `${m[1]} ${enhanced}`) >= 2) {
      out.push({ col: 0, code, more, enhanced, before: '', via: 'inline' });
      break;
    }
  }
  if (!out.length) {
    // an enhanced code alone at the start of the line or after an opener (".NET: The server response was: 5.7.57 …")
    for (const m of line.matchAll(ENH_ONLY)) {
      const before = line.slice(0, m.index);
      if (before.trim() === '' || OPENER_END.test(before) || OPENER_WORDS.test(before))
        out.push({ col: m.index, code: null, more: false, enhanced: m[1], before, via: before.trim() ? 'opener' : 'line' });
    }
  }
  return out;
}

function countOf(s: string, sub: string): number {
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0 && n < 3; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

// ---- wrappers that give the code in their own words ----

/** "got code "550", with message "…"" (Swift Mailer, Symfony Mailer), "code: 550" fields. */
const NAMED_CODE = /\b(?:got code|responseCode|response code|error code|status code|SMTP code)\W{0,4}\[?"?([45][0-5]\d)\b/i;
/** ".NET: <status sentence> The server response was: <text>". */
const DOTNET = /The server response was:\s?/;

// ---- the finder ----

interface Paragraph {
  from: number;
  to: number;
}

/**
 * The paragraphs of the view: runs of lines between blank lines — but a blank line that an escaped string
 * made inside one input line ("…Hello world!\", expected reply code 250, but received 550 …" after a quoted
 * message's "\n\n", HaskellNet's error) is no break of the paste: the text on both sides is one line of it.
 */
function paragraphs(lines: string[], origin?: number[]): Paragraph[] {
  const out: Paragraph[] = [];
  let from = -1;
  const inOneLine = (i: number) => {
    if (!origin) return false;
    let a = i - 1;
    while (a >= 0 && !lines[a].trim()) a--;
    let b = i + 1;
    while (b < lines.length && !lines[b].trim()) b++;
    return a >= 0 && b < lines.length && origin[a] === origin[i] && origin[b] === origin[i];
  };
  lines.forEach((l, i) => {
    if (l.trim() || (from >= 0 && inOneLine(i))) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out.push({ from, to: i - 1 });
      from = -1;
    }
  });
  if (from >= 0) out.push({ from, to: lines.length - 1 });
  return out;
}

/** The text before the code that repeats on each line of a multi-line reply in a log or transcript ("mta: 0x1: <<< "). */
function sharedPrefix(before: string): string | null {
  const t = before.replace(/\s+$/, ' ');
  return t.trim().length >= 2 && t.length <= 120 ? t : null;
}

export function findReplies(input: string[] | TextView): FoundReply[] {
  const view = Array.isArray(input) ? readableView(input) : input;
  const L = view.lines;
  const used = new Set<number>();
  const found: FoundReply[] = dsnReplies(view, used);
  // PHPMailer's "… Detail: <words> SMTP code: 554": its lines are read whole, before a code alone is taken for the reply
  for (const { reply, index } of phpMailerReplies(view)) {
    found.push(reply);
    used.add(index);
  }
  // the code after the words ("Mailbox full (SMTP error 552)", "…, SMTP code: 436"): the line is read whole too
  for (const { reply, index } of trailingCodeReplies(view, used)) {
    found.push(reply);
    used.add(index);
  }
  for (const p of paragraphs(L, view.origin)) {
    const paraText = L.slice(p.from, p.to + 1).join('\n');
    for (let i = p.from; i <= p.to; i++) {
      if (used.has(i)) continue;
      for (const s of startsIn(L[i], paraText)) {
        const r = readFrom(view, p, i, s);
        if (!r) continue;
        found.push(r.reply);
        for (let k = i; k <= r.last; k++) used.add(k);
        break;
      }
    }
  }
  found.push(...dotnetReplies(view, found));
  if (!found.length) found.push(...codeOnly(view));
  if (!found.length) found.push(...wordsOnly(view));
  if (!found.length) found.push(...statusNameOnly(view));
  return dedupe(found);
}

/**
 * A DSN's per-recipient fields pasted on their own (RFC 3464 §2.3): the
 * Diagnostic-Code's reply, with Status as its enhanced code when the reply
 * has none, Final-Recipient, Remote-MTA and Action beside it.
 */
function dsnReplies(view: TextView, used: Set<number>): FoundReply[] {
  const L = view.lines;
  const out: FoundReply[] = [];
  for (const p of paragraphs(L)) {
    const field = (name: string) => {
      for (let i = p.from; i <= p.to; i++) {
        const m = new RegExp(`^\\s*${name}\\s*:\\s*(.*)$`, 'i').exec(L[i]);
        if (m) return { value: m[1].trim(), at: i };
      }
      return null;
    };
    const diag = field('Diagnostic-Code');
    if (!diag) {
      // a block with no Diagnostic-Code (RFC 3464 §2.3.6 makes it optional): its Status of class 4 or
      // 5 beside an Action or a Final-Recipient is the refusal, with no words (the enhanced code decides)
      const st = field('Status');
      const code = /^([45]\.\d{1,3}\.\d{1,3})\b/.exec(st?.value ?? '')?.[1];
      const action = field('Action');
      if (!st || !code || !(action || field('Final-Recipient')) || /^(?:delivered|relayed|expanded)/i.test(action?.value ?? '')) continue;
      used.add(st.at);
      out.push({
        code: null,
        enhanced: code,
        text: '',
        line: view.origin[st.at] ?? st.at + 1,
        endLine: view.origin[st.at] ?? st.at + 1,
        column: 0,
        stage: 'unknown',
        recipient: /;\s*<?([^\s<>]{1,200}@[^\s<>]{1,200}?)>?\s*$/.exec(field('Final-Recipient')?.value ?? '')?.[1] ?? null,
        remote: /;\s*([A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,})/.exec(field('Remote-MTA')?.value ?? '')?.[1] ?? null,
        ip: null,
        via: 'dsn',
        sure: true,
        action: action?.value.toLowerCase(),
      });
      continue;
    }
    // the field's folded lines (RFC 5322 §2.2.3)
    let value = diag.value;
    let last = diag.at;
    for (let j = diag.at + 1; j <= p.to && /^\s/.test(L[j]); j++) {
      value += ' ' + L[j].trim();
      last = j;
    }
    const typed = /^([\w-]{1,20})\s*;\s*(.*)$/.exec(value);
    let text = (typed ? typed[2] : value).trim();
    const status = /^([245]\.\d{1,3}\.\d{1,3})\b/.exec(field('Status')?.value ?? '')?.[1] ?? null;
    const head = new RegExp(String.raw`^(?:([45][0-5]\d)[ -]\s{0,3})?(?:(${ENH})${ENH_END})?`).exec(text);
    const code = head?.[1] ? Number(head[1]) : null;
    let enhanced = head?.[3] ?? head?.[2] ?? null;
    const multi = code !== null && text.includes(`${code}-`);
    const inReply = /\(in reply to ([^()]{1,40}?) command\)/i.exec(text);
    text = stripCodes(text.replace(/\s*\(in reply to [^()]{1,40} command\)\s*$/i, ''), code, enhanced, multi);
    // a Status of X.0.0 says less than the reply's own code; otherwise the Status is the receiver's word
    // (a Status of another class than the reply's code, "554 … Status: 4.0.0", is the reporting MTA's view of its retry, not the reply)
    if (status && !/^[245]\.0\.0$/.test(status) && (code === null || String(code)[0] === status[0])) enhanced = status;
    else if (status && !enhanced && (code === null || String(code)[0] === status[0])) enhanced = status;
    const recipient = /;\s*<?([^\s<>]{1,200}@[^\s<>]{1,200}?)>?\s*$/.exec(field('Final-Recipient')?.value ?? '')?.[1] ?? null;
    const remote = /;\s*([A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,})/.exec(field('Remote-MTA')?.value ?? '')?.[1] ?? null;
    const ctx = L.slice(p.from, p.to + 1).join('\n');
    for (let k = diag.at; k <= last; k++) used.add(k);
    out.push({
      code,
      enhanced,
      text,
      line: view.origin[diag.at] ?? diag.at + 1,
      endLine: view.origin[last] ?? last + 1,
      column: 0,
      stage: inReply ? stageFromText(`in reply to ${inReply[1]}`) : stageFromText(ctx),
      recipient,
      remote,
      ip: judgedIpIn([code ?? '', enhanced ?? '', text].filter((x) => x !== '').join(' ')),
      via: 'dsn',
      sure: true,
      action: field('Action')?.value.toLowerCase(),
    });
  }
  return out;
}

/**
 * Refusals pasted without any code: the words an MTA writes for a refused
 * address or client, which are a reply's text in every MTA's own format —
 * Postfix's restriction replies "<what> rejected: <why>" (smtpd_check.c:
 * Client host, Helo command, Sender address, Recipient address, Data command)
 * and its delivery agents' "Host or domain name not found. Name service error
 * for name=… type=…" (smtp(8)); the stage is the one the words name.
 */
const CODELESS: { words: RegExp; stage: Stage }[] = [
  { words: /\bClient host rejected:\s*\S/, stage: 'rcpt' },
  { words: /\bHelo command rejected:\s*\S/, stage: 'helo' },
  { words: /\bSender address rejected:\s*\S/, stage: 'mail' },
  { words: /\bRecipient address rejected:\s*\S/, stage: 'rcpt' },
  { words: /\bData command rejected:\s*\S/, stage: 'data' },
  { words: /\bHost or domain name not found\. Name service error for name=/, stage: 'connect' },
];

function wordsOnly(view: TextView): FoundReply[] {
  const out: FoundReply[] = [];
  view.lines.forEach((l, i) => {
    const shape = CODELESS.find((c) => c.words.test(l));
    if (!shape || out.length) return;
    const at = l.search(shape.words);
    // the refusal's words from where the shape starts, with the lines that continue them
    let text = l.slice(at);
    for (let j = i + 1; j < view.lines.length && /^\s+\S/.test(view.lines[j]) && j <= i + 8; j++) text += ' ' + view.lines[j].trim();
    text = text
      .replace(/^\(|\)$/g, '')
      .replace(/\s+/g, ' ')
      .replace(/[;,]\s*$/, '')
      .trim();
    out.push({
      code: null,
      enhanced: null,
      text,
      line: view.origin[i] ?? i + 1,
      endLine: view.origin[i] ?? i + 1,
      column: at,
      stage: shape.stage,
      recipient: null,
      remote: null,
      ip: judgedIpIn(text),
      via: 'line',
      // Postfix's restriction words are a reply's own shape; a name-service error is its delivery agent's
      sure: true,
    });
  });
  return out;
}

/**
 * PHPMailer's error (class.smtp.php / SMTP.php, since 5.2.10): the command, the server's words and
 * then its codes — "SMTP server error: DATA END command failed Detail: Message rejected: …
 * SMTP code: 554 Additional SMTP info: 5.7.1". The words come before the code, so the reply is
 * put together from the three fields; the command named gives the stage.
 */
const PHPMAILER =
  /\bSMTP server error: ([A-Z][A-Z ]{1,20}?) command failed Detail: (.{1,2000}?) SMTP code: ([45][0-5]\d)(?: Additional SMTP info: ([245]\.\d{1,3}\.\d{1,3}))?/;

function phpMailerReplies(view: TextView): { reply: FoundReply; index: number }[] {
  const out: { reply: FoundReply; index: number }[] = [];
  view.lines.forEach((l, i) => {
    const m = PHPMAILER.exec(l);
    if (!m) return;
    const command = m[1].trim();
    out.push({
      index: i,
      reply: {
        code: Number(m[3]),
        enhanced: m[4] ?? null,
        text: m[2].trim(),
        line: view.origin[i] ?? i + 1,
        endLine: view.origin[i] ?? i + 1,
        column: m.index,
        // "DATA END" is the reply after the message; "MAIL FROM", "RCPT TO", "DATA" their commands
        stage: /^DATA END$/.test(command) ? 'end-of-data' : stageOfCommand(command.split(' ')[0]),
        recipient: null,
        remote: null,
        ip: judgedIpIn(m[2]),
        via: 'client',
        sure: true,
      },
    });
  });
  return out;
}

/**
 * A reply whose code a program prints after its words, as a field of its own: PHPMailer's "<words>, SMTP
 * code: 436" (a part of its "Detail: … SMTP code: …" line), "Mailbox full (SMTP error 552)", "… (code 436)",
 * "…, error code: 550" (mail clients' and CMS plugins' error texts). The words before the marker, on the same
 * line, are the reply's (from the last opener — "Detail:", "said:", "Error:" — when there is one).
 */
// (PHPMailer ends its error with the enhanced code as "SMTP code: 550 Additional SMTP info: 5.2.0": SMTP.php's
// getError() fields smtp_code and smtp_code_ex)
const TRAILING_CODE =
  /^(.{6,1000}?)(?:,\s{0,3}|\s{0,3}[(\[]\s{0,2}|\s{1,3}[-–]\s{1,3}|\s{1,3})(?:SMTP (?:error|code|reply|status)(?: code)?|(?:error|reply|response|status|return) code|code)\s{0,2}[:=#]?\s{0,2}\(?([45][0-5]\d)\)?(?:\s{1,3}(?:Additional SMTP info:\s{0,2})?([245]\.\d{1,3}\.\d{1,3})|\s{1,3}Additional SMTP info:)?\s{0,2}[)\].]?\s*$/i;
const TRAILING_OPENER = /^.*?(?:\bDetail:|\bsaid:|\breturned:|\bError:|\bfailed:|\breason:)\s*/i;

function trailingCodeReplies(view: TextView, used: Set<number>): { reply: FoundReply; index: number }[] {
  const out: { reply: FoundReply; index: number }[] = [];
  view.lines.forEach((l, i) => {
    if (used.has(i)) return;
    const m = TRAILING_CODE.exec(l);
    if (!m) {
      const q = qmailStatusReply(view, i);
      if (q) out.push({ index: i, reply: q });
      return;
    }
    // a reply that starts the line with its code ("550 5.1.1 … (code 550)") is the line's own reply
    if (new RegExp(`(?:^|[\\s:;'"(])${m[2]}[ -]`).test(m[1])) return;
    let text = m[1].replace(TRAILING_OPENER, '').trim();
    text = text.replace(/^['"]|['"][.,;]?$/g, '').trim();
    // words are needed: two of letters ("SMTP code: 550" alone is a client's field, codeOnly reads it)
    if ((text.match(/\p{L}{2,}/gu)?.length ?? 0) < 2) return;
    // …that say a refusal (knowledge/reply-line.ts): "We had 3 tickets (code 450)" is no reply
    if (!REFUSAL_WORDS.test(text)) return;
    const code = Number(m[2]);
    // (PHPMailer's "Additional SMTP info:" wrapped away from its enhanced code: the code opens the next line)
    const ext =
      m[3] ?? (/Additional SMTP info:\s*$/i.test(l) ? /^\s*([245]\.\d{1,3}\.\d{1,3})\s*$/.exec(view.lines[i + 1] ?? '')?.[1] : undefined);
    const enhanced = ext && ext[0] === m[2][0] ? ext : null;
    const ctx = view.lines.slice(Math.max(0, i - 6), i + 6).join('\n');
    const own = stageFromText(text);
    out.push({
      index: i,
      reply: {
        code,
        enhanced,
        text,
        line: view.origin[i] ?? i + 1,
        endLine: view.origin[i] ?? i + 1,
        column: 0,
        stage: clientErrorStage(ctx)?.stage ?? (own !== 'unknown' ? own : stageOfDetail(enhanced, text)),
        recipient: null,
        remote: null,
        ip: judgedIpIn(text),
        via: 'client',
        // the program names the code as one ("SMTP code:", "SMTP error")
        sure: true,
      },
    });
  });
  return out;
}

/**
 * qmail's status after its words, in "(#…)": qmail writes no basic code in its own texts, only RFC 1893's
 * status behind "#" at the end ("This message is looping: it already has my Delivered-To line. (#5.4.6)",
 * "Sorry, no mailbox here by that name. (#5.1.1)"; qmail-send.c, qmail-local.c). A line that starts with a
 * basic code ("550 can't accept user... (#5.7.1)") is a reply line of its own and read as one.
 */
// (qmail ends its sentence before the status: "… line. (#5.4.6)" — "see issue (#5.1.1)" is no reply)
const QMAIL_STATUS = /^(.{6,1000}?[.!])\s{1,3}\(#([245]\.\d{1,3}\.\d{1,3})\)[.]?\s*$/;

function qmailStatusReply(view: TextView, i: number): FoundReply | null {
  // (the line, or a string it quotes whole: an application's JSON record, a shell's $'…')
  const q = wholeTexts(view.lines[i])
    .map((t) => QMAIL_STATUS.exec(t))
    .find((m) => m);
  if (!q) return null;
  const text = q[1]
    .replace(TRAILING_OPENER, '')
    .replace(/^['"]|['"]$/g, '')
    .trim();
  if (/(?:^|[\s:;'"(])[45]\d\d[ -]/.test(q[1]) || (text.match(/\p{L}{2,}/gu)?.length ?? 0) < 2) return null;
  const own = stageFromText(text);
  return {
    code: null,
    enhanced: q[2],
    text,
    line: view.origin[i] ?? i + 1,
    endLine: view.origin[i] ?? i + 1,
    column: 0,
    stage: own !== 'unknown' ? own : stageOfDetail(q[2], text),
    recipient: null,
    remote: null,
    ip: judgedIpIn(text),
    via: 'line',
    // "(#x.y.z)" at a line's end is qmail's status and nothing else
    sure: true,
  };
}

/** Most text lines a paste may have for a line that is only a status name to be its refusal (a notice, a help page's line). */
const STATUS_NAME_LINES = 15;

/**
 * A short paste with no reply but a line that is, whole, an RFC 3463 (or RFC 1893) status name ("ROUTING
 * SERVER FAILURE", "Mailbox full"): a notice or a help page reporting the failure by the standard's name
 * (knowledge/enhanced-codes.ts detailNamedBy). The name stands for its detail; a notice reports a final
 * failure (class 5, RFC 3463 §3.1) unless its words say it is temporary.
 */
function statusNameOnly(view: TextView): FoundReply[] {
  const text = view.lines.filter((l) => l.trim());
  if (!text.length || text.length > STATUS_NAME_LINES) return [];
  const cls = /\btemporar|\btry again\b|\bwill (?:be )?retr/i.test(text.join(' ')) ? 4 : 5;
  for (let i = 0; i < view.lines.length; i++) {
    // (the line, or a string it quotes whole: an application's JSON record, a shell's $'…')
    const named = wholeTexts(view.lines[i]).find((t) => detailNamedBy(t));
    const detail = named && detailNamedBy(named);
    if (!named || !detail) continue;
    const enhanced = `${cls}.${detail}`;
    const words = named.trim();
    return [
      {
        code: null,
        enhanced,
        text: words,
        line: view.origin[i] ?? i + 1,
        endLine: view.origin[i] ?? i + 1,
        column: 0,
        stage: stageOfDetail(enhanced, words),
        recipient: null,
        remote: null,
        ip: null,
        via: 'line',
        sure: true,
      },
    ];
  }
  return [];
}

/** The server's words PHPMailer put before "SMTP code:" (after its "Detail:" or "Error:" when the head is there). */
function phpMailerWords(before: string): string {
  // (bounded and linear: the last 2000 characters before the code, the head cut at its last label)
  let tail = before.slice(-2000);
  const label = [...tail.matchAll(/\b(?:Detail|SMTP Error|Error):\s?/gi)].pop();
  if (label) tail = tail.slice(label.index + label[0].length);
  let end = tail.length;
  while (end > 0 && /[\s,;:-]/.test(tail[end - 1])) end--;
  const words = tail.slice(0, end).trim();
  // (a word or two is a label, not a reply: "Error code", "Failed")
  return words.length >= 12 && /[a-z]/i.test(words) && /\s/.test(words) ? words : '';
}

/** A client that logs only the code ("SMTPC: received error code. [550]"): a reply without words. */
function codeOnly(view: TextView): FoundReply[] {
  const out: FoundReply[] = [];
  view.lines.forEach((l, i) => {
    const m = NAMED_CODE.exec(l);
    if (!m) return;
    // PHPMailer's "<the server's words>, SMTP code: 436" when the paste kept its error without the "SMTP server
    // error: … command failed Detail:" head (PHPMAILER above): the words before the code are the reply's text
    const words = /^SMTP code/i.test(m[0]) ? phpMailerWords(l.slice(0, m.index)) : '';
    const named = words ? stageFromText(words) : 'unknown';
    out.push({
      code: Number(m[1]),
      enhanced: /\bAdditional SMTP info: ([245]\.\d{1,3}\.\d{1,3})\b/.exec(l.slice(m.index))?.[1] ?? null,
      text: words,
      line: view.origin[i] ?? i + 1,
      endLine: view.origin[i] ?? i + 1,
      column: m.index,
      stage: named !== 'unknown' ? named : (clientErrorStage(l)?.stage ?? 'unknown'),
      recipient: null,
      remote: null,
      ip: null,
      via: 'client',
      sure: true,
    });
  });
  return out;
}

function readFrom(view: TextView, p: Paragraph, i: number, s: Start): { reply: FoundReply; last: number } | null {
  const L = view.lines;
  let first = s.via === 'inline' ? L[i].replace(/^\s+/, '') : L[i].slice(s.col);
  // a one-line transcript or log goes on after the reply (" >> RSET << 250 …", " !! Expected …",
  // "| 553 …"): the reply ends where the next marker or another reply of another code starts
  const marker = /\s(?:>>|<<|!!|\|)\s/.exec(first.slice(3));
  if (marker) first = first.slice(0, 3 + marker.index);
  let code = s.code;
  let enhanced = s.enhanced;
  let more = s.more;
  // the wrapper's opening quote (or a Python tuple's) is closed by the same quote
  let openQuote: string | null = /(['"])\s{0,2}$/.exec(s.before)?.[1] ?? null;
  const tuple = /^(\d{3}),\s{0,3}b?(['"])/.exec(first);
  if (tuple) {
    openQuote = tuple[2];
    first = first.slice(tuple[0].length);
  }
  // Exchange 2003's diagnostic "<host #5.0.0 smtp;550 …>" (and its NDR templates' "<host version smtp;550 …>"):
  // the reply runs to the ">" that balances the "<" opened before it, over as many lines as the notice wrapped it
  const angle = !openQuote && !tuple && ANGLE_WRAPPER.test(s.before);
  // the codes at the head of the reply (the enhanced one after a tuple, or after "550 ")
  const head = new RegExp(String.raw`^(?:([45][0-5]\d)([ -])\s{0,3})?(?:(${ENH})${ENH_END})?`).exec(first.trim());
  if (head?.[1] && !tuple) {
    code = Number(head[1]);
    more = head[2] === '-';
  }
  if (head?.[3]) enhanced ??= head[3];
  // "said: 421" at the end of a line, "4.7.0 [TSS04] …" on the next: the enhanced code opens the next line
  if (!enhanced && i < p.to && first.trim().length <= 4) enhanced = new RegExp(`^\\s*(${ENH})\\s`).exec(L[i + 1])?.[1] ?? null;
  const prefix = s.via === 'line' || s.via === 'opener' ? sharedPrefix(s.before) : null;
  const parts: string[] = [];
  // a multi-line reply whose first line the paste cut off: the line before, inside the same paragraph
  if (s.via === 'line' && more && i > p.from) {
    const prev = L[i - 1];
    if (!RECORD_START.test(prev) && !/:\s*$/.test(prev) && !startsIn(prev, '').length && !RECIPIENT_BLOCK.test(prev))
      parts.push(prev.trim());
  }
  parts.push(first.trim());
  let last = i;
  let quoteOpen = angle ? angleCut(first) < 0 : !!openQuote && !closesQuote(first, openQuote);
  let multi = more;
  for (let j = i + 1; j <= p.to && j - i <= 40; j++) {
    let t = L[j];
    // the log's prefix again after the reply's last line ("PLESK_INFO: [ip] The IP you're using …" or
    // "PLESK_INFO: 550 mail not accepted …" under "PLESK_INFO: 550 SC-001" and its words): the program's
    // next record — only a "550-" line before it announced more (RFC 5321 §4.2.1)
    if (prefix && /\S/.test(prefix) && t.startsWith(prefix) && !quoteOpen && !more) break;
    if (prefix && t.startsWith(prefix)) t = t.slice(prefix.length);
    const trimmed = t.trim();
    // (the continuation lines of a reply behind the same tree branches or bullets as its first: "│ 550-…")
    const bare = withoutDecoration(trimmed);
    const sameCode = code !== null && new RegExp(`^${code}[ -]`).test(bare);
    const sameEnh = !!enhanced && bare.startsWith(enhanced + ' ');
    if (sameCode || sameEnh) {
      parts.push(bare);
      last = j;
      if (sameCode) {
        more = bare[3] === '-';
        multi ||= more;
      }
      continue;
    }
    const indented = /^\s/.test(L[j]);
    // a quote that opens the next line closes the reply ("' in /path/Abstract.php:431")
    if (quoteOpen && openQuote && !angle && trimmed.startsWith(openQuote)) break;
    // the next recipient block of a notice ("  b2@x" under an Exim reply at four spaces) is no part of
    // the reply; a Postfix paragraph's indented "<a@b>: Recipient address rejected" continuation is
    const dedent = RECIPIENT_BLOCK.test(t) && indentOf(L[j]) <= indentOf(L[i]);
    // (inside an open "<… smtp;" wrapper the words go on to its ">": Postfix's "Helo command rejected: …" is no HELO
    // command line; a wrapper never closed stops after a few lines)
    const inAngle = angle && quoteOpen && j - i <= 6;
    if ((RECORD_START.test(t) || dedent) && !inAngle) break;
    // a line of table rules or punctuation ("-- | -- | --") is no text
    if (!quoteOpen && !/\p{L}/u.test(trimmed)) break;
    // another reply starts, unless the paste wrapped this one's codes apart ("…: 550" / "5.7.0 Blocked")
    const other = startsIn(t, '');
    const wrappedCode = /\b[45][0-5]\d\s*$/.test(L[j - 1]);
    if (!quoteOpen && !wrappedCode && other.some((o) => (o.col === t.search(/\S/) || o.via === 'opener') && !(indented && o.code === code)))
      break;
    const wrapped = softWrapped(L[j - 1], L[j]);
    // after the last line of a multi-line reply ("550 5.7.1 …"), only an indented line continues it
    const ended = multi && !more;
    // a line that ends on a colon announces what follows ("550 /home/u/.forward: line 1:" / "… Can't create
    // output:" / "Permission denied", sendmail's reply as a help desk printed it): the reply's words go on
    const announces = /\p{L}[^:]{0,200}:\s*$/u.test(L[j - 1]) && !/^\s*[>|]/.test(L[j - 1]);
    // a first line that holds only a label after its code ("PLESK_INFO: 550 SC-001", Plesk's bounce lines;
    // "550 #5.7.1"): not a sentence, so its words are on the next line ("(SNT004-MC4F35) Unfortunately, …")
    const labelOnly = j === i + 1 && parts.length === 1 && !/\p{L}{2,}[\s,;]+\p{L}{2,}/u.test(stripCodes(parts[0], code, enhanced, false));
    if (quoteOpen || more || indented || ((wrapped || announces || labelOnly) && !ended)) {
      parts.push(trimmed);
      last = j;
      if (quoteOpen && angle) quoteOpen = angleCut(parts.join(' ')) < 0;
      else if (quoteOpen && openQuote && closesQuote(' ' + trimmed, openQuote)) quoteOpen = false;
      continue;
    }
    break;
  }
  let text = parts.join(' ').replace(/\s+/g, ' ');
  // the wrapper's closing quote, "##", and what follows them
  if (openQuote) text = cutAtQuote(text, openQuote);
  else if (angle && angleCut(text) >= 0) text = text.slice(0, angleCut(text));
  text = text.replace(/\s*##.*$/, '');
  const inReply = /\(in reply to ([^()]{1,40}?) command\)/i.exec(text);
  text = text.replace(/\s*\(in reply to [^()]{1,40} command\)\s*\)?.*$/i, '');
  // a reply that quotes another one ("550 Error for a@b of \"Invalid greeting. response=550 5.7.0 Blocked\""): its enhanced code
  if (!enhanced && code !== null) enhanced = new RegExp(String.raw`\b${code}[ -](${ENH})${ENH_END}`).exec(text)?.[1] ?? null;
  text = stripCodes(text, code, enhanced, multi);
  // a reply quoted as a whole ("'Unauthenticated … policy'") loses its quotes
  text = text
    .replace(/^['"]|['"][.,;]?$/g, '')
    .replace(/\s+;$/, '')
    .trim();
  // words are needed: a code followed by punctuation only ("responseCode: 550 }") is a field
  if (!/\p{L}{2}/u.test(text)) return null;
  // codes whose classes disagree ("550 4.4.7", Exchange's final failure of an expired message): the
  // enhanced code says what happened, the basic code is then no reliable class (as readDiagnostic)
  const agree = code !== null && enhanced !== null && String(code)[0] === enhanced[0];
  if (code !== null && enhanced !== null && !agree) code = null;
  const context = contextAround(L, p, i, last);
  const beforeText = L.slice(Math.max(p.from, i - 12), i).join(' ') + ' ' + s.before;
  const stage = stageOf(inReply?.[1], s, beforeText, context, text, L.slice(last + 1, last + 8).join('\n'), code, enhanced);
  const client = clientErrorStage(context)?.id;
  return {
    last,
    reply: {
      ...(client ? { client } : {}),
      ...(SMTPD_REJECT.test(s.before) ? { inbound: true } : {}),
      code,
      enhanced,
      text,
      line: view.origin[i] ?? i + 1,
      endLine: view.origin[last] ?? last + 1,
      column: s.col,
      stage,
      recipient: recipientNear(L.slice(Math.max(0, i - 30), i).join('\n') + '\n' + s.before, text, stage, context),
      remote: remoteNear(L, p, i, s.before) ?? remoteAt(context),
      ip: judgedIpIn([code ?? '', enhanced ?? '', text].filter((x) => x !== '').join(' ')),
      via: s.via,
      sure:
        agree ||
        // a multi-line reply (RFC 5321 §4.2.1: "554-…" lines, then "554 …")
        multi ||
        // a greeting's refusal names the server first (RFC 5321 §4.3.1: "554 mx.example.net …")
        (code !== null &&
          /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}\.[a-z]{2,24}\b/i.test(text) &&
          /\p{L}{3,}\s+\p{L}{3,}/u.test(text)) ||
        (code === null && enhanced !== null && text.length >= 8) ||
        !!tuple ||
        NAMED_CODE.test(context) ||
        (s.via === 'opener' && /[:;'"#]|<<|[^\x00-\x7f]/u.test(s.before.slice(-6)) && /\p{L}{3,}\s+\p{L}{2,}/u.test(text)),
    },
  };
}

/**
 * The reply's words without its codes: the ones in front, and the prefixes of
 * its continuation lines wherever the paste joined them ("… does not have a
 * 550-5.7.25 PTR record …", smtplib's "… Please visit 5.2.3 https://…").
 * A bare "550 " inside the words is taken off only when the reply had
 * continuation lines (its last line: "554-… 554 For explanation visit …").
 */
function stripCodes(text: string, code: number | null, enhanced: string | null, multi: boolean): string {
  let t = ` ${text} `;
  const e = enhanced ? enhanced.replace(/\./g, '\\.') : null;
  if (code !== null) {
    t = t.replace(new RegExp(String.raw`\s${code}-(?:#?${e ?? ENH}\.?\s)?`, 'g'), ' ');
    // (the nested templates are String.raw too: a plain template would drop the backslashes)
    t = t.replace(new RegExp(String.raw`\s${code} ${e ? String.raw`#?${e}\.?\s` : String.raw`(?=#?${ENH}\.?\s)`}`, 'g'), ' ');
    if (multi) t = t.replace(new RegExp(String.raw`\s${code}\s`, 'g'), ' ');
    // the head when the reply starts with the code ("550 5.7.1 …", a library's "550: 5.7.1 …")
    t = t.replace(new RegExp(String.raw`^\s${code}:?\s`), ' ');
  }
  if (e) t = t.replace(new RegExp(String.raw`\s${e}\.?(?=\s)`, 'g'), ' ');
  // the "#" form right after the basic code ("550 #5.1.0 Address rejected."); elsewhere a "#x.y.z" is part of
  // the words (Exchange 2003's "<host #5.4.4 smtp;550 …>" names its host before it)
  if (e && code !== null) t = t.replace(new RegExp(String.raw`^\s#${e}(?=\s)`), ' ');
  return t.replace(/\s+/g, ' ').trim();
}

function indentOf(s: string): number {
  return /^\s*/.exec(s)![0].replace(/\t/g, '    ').length;
}

/** The text before a reply that opens Exchange 2003's "<host #5.0.0 smtp;" wrapper (no ">" after its "<"). */
const ANGLE_WRAPPER = /<[^<>]{0,255}\bsmtp;\s{0,3}$/i;

/** Where the ">" closing a reply's "<…" wrapper is: the first ">" not balanced by a "<" of the reply's own words; -1 if none yet. */
function angleCut(s: string): number {
  let depth = 0;
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '<') depth++;
    else if (s[k] === '>' && --depth < 0) return k;
  }
  return -1;
}

function closesQuote(s: string, q: string): boolean {
  return new RegExp(`${q}(?=\\s*$|\\s*[,;)}\\]{[]|\\s+\\()`).test(s.slice(1));
}

/** Cut at the wrapper's closing quote: the last one that ends the text or is followed by punctuation. */
function cutAtQuote(text: string, q: string): string {
  const re = new RegExp(`${q}(?=\\s*$|\\s*[,;)}\\]{[]|\\s+\\(|\\s+\\d{1,2}/)`, 'g');
  let cut = -1;
  for (const m of text.matchAll(re)) {
    cut = m.index;
    break;
  }
  return cut > 0 ? text.slice(0, cut) : text;
}

/** The lines around a reply that tell about it: its paragraph, a little before and after (a stack trace follows the message). */
function contextAround(L: string[], p: Paragraph, i: number, last: number): string {
  const after = [];
  for (let k = last + 1; k < L.length && k <= last + 12; k++) after.push(L[k]);
  return [...L.slice(Math.max(p.from, i - 12), last + 1), ...after].join('\n');
}

const COMMAND_SENT = /(?:>>>?|\bSent:|\bC:|\bclient:)\s{0,3}(EHLO|HELO|MAIL FROM|RCPT TO|DATA|BDAT|AUTH|STARTTLS)\b/gi;

/** Postfix smtpd's own log of a refusal: "NOQUEUE: reject: RCPT from client[ip]: 550 …". */
const SMTPD_REJECT = /\breject: (CONNECT|HELO|EHLO|MAIL|RCPT|DATA|END-OF-MESSAGE|VRFY|ETRN) from\b/;

function stageOf(
  inReply: string | undefined,
  s: Start,
  before: string,
  context: string,
  text: string,
  after: string,
  code: number | null,
  enhanced: string | null,
): Stage {
  if (inReply) return stageFromText(`in reply to ${inReply}`);
  const smtpd = SMTPD_REJECT.exec(s.before);
  if (smtpd) return stageOfCommand(smtpd[1]);
  // Postfix "refused to talk to me", Exim "after RCPT TO:<a>:", "SMTP error … for TEXT command"
  const near = stageFromText(s.before);
  if (near !== 'unknown') return near;
  const client = clientErrorStage(context);
  if (client) return client.stage;
  // a transcript: the last command the client sent before the reply
  const sent = [...before.matchAll(COMMAND_SENT)].pop();
  if (sent) return stageOfCommand(sent[1].split(' ')[0]);
  // a transcript whose first command comes right after the reply: the reply was the greeting (RFC 5321 §3.1)
  const next = [...after.split('\n').slice(0, 3).join('\n').matchAll(COMMAND_SENT)][0];
  if (next && /^(?:EHLO|HELO)$/i.test(next[1]) && /(?:<<<?|\bGot:|\bS:|\bserver:)\s{0,3}$/i.test(s.before)) return 'connect';
  // a transcript whose refusal comes right after "Connected", before any command: the greeting (RFC 5321 §3.1)
  if (CONNECTED_THEN_REPLY.test(before)) return 'connect';
  // a library that named only the codes it expected leaves a few commands possible; the words must fit them
  const allowed = clientErrorCandidates(context);
  const fits = (stage: Stage) => stage !== 'unknown' && (!allowed || allowed.includes(stage));
  const words = stageFromText(before);
  if (fits(words)) return words;
  // the reply's own words ("MAIL FROM failed", "Recipient address rejected: … (RCPT)", "Helo command rejected")
  const own = stageFromText(text);
  if (fits(own)) return own;
  // words that leave two commands (Postfix's delayed sender restrictions): the library's check picks one
  const both = allowed ? stagesNamedBy(text)?.filter((st) => allowed.includes(st)) : undefined;
  if (both?.length === 1) return both[0];
  // an enhanced detail (or its words) naming whose address was bad: X.1.7 the sender's (MAIL), X.1.1 the recipient's (RCPT)
  const byDetail = stageOfDetail(enhanced, text);
  if (fits(byDetail)) return byDetail;
  // last, its code alone (530: the first transaction command, MAIL)
  const byCode = stageOfReplyCode(code);
  return fits(byCode) ? byCode : 'unknown';
}

/** "Connected" as the last thing before the reply, but for a server marker ("INFO: Connected SERVER: 554 …"). */
const CONNECTED_THEN_REPLY = /\bConnected(?: to \S{1,255})?[.!]{0,3}\s+(?:[A-Za-z]{1,10}:\s{0,3}|<<<?\s{0,3})?$/;

/** Where pastes say which recipient a reply refused (each is a product's wording). */
const RECIPIENT_SHAPES: RegExp[] = [
  // Python smtplib's dict of refused recipients: {'a@b': (550, …)}
  /u?['"]([^\s'"<>@]{1,200}@[^\s'"<>]{1,200})['"]\s*:\s*\(\d{3}/,
  // Outlook Express: "The rejected e-mail address was 'a@b'"
  /rejected e-?mail address was '([^'\s]{1,200}@[^'\s]{1,200})'/i,
  // Gmail's DSN form, Haraka, "Unable to send to"
  /(?:Failed (?:e-?mail )?address|recipient|Unable to send to|to=)\s*:?\s*<?([^\s<>@,;:'"]{1,200}@[^\s<>,;:'"]{1,200}?)>?(?=[\s,;:]|$)/i,
  // a transcript's RCPT TO
  /RCPT TO:\s{0,3}<([^\s<>]{1,200}@[^\s<>]{1,200})>/i,
  // a Postfix paragraph "<a@b>: host …" or "<a@b> (expanded from …):"
  /^\s*<([^\s<>]{1,200}@[^\s<>]{1,200})>/m,
  // a recipient block's address alone on its line (Exim, Gmail, Exchange)
  /^\s*<?([^\s<>@:]{1,200}@[^\s<>:]{1,200}?)>?:?\s*$/m,
];

function recipientNear(before: string, text: string, stage: Stage, context: string): string | null {
  // the nearest mention before the reply, else one in the lines around it
  for (const src of [before, context]) {
    let best: { at: number; address: string } | null = null;
    for (const re of RECIPIENT_SHAPES) {
      for (const m of src.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')))
        if (!best || m.index > best.at) best = { at: m.index, address: m[1] };
    }
    if (best) return best.address.replace(/\.$/, '');
  }
  // "550 5.1.1 <a@b>: Recipient address rejected" — a refusal at RCPT that names its address first
  if (stage === 'rcpt') {
    const m = /^<([^\s<>]{1,200}@[^\s<>]{1,200})>/.exec(text);
    if (m) return m[1];
  }
  return null;
}

/** The server named nearest before the reply ("host mx [ip] said:", the line above "SMTP error from…"). */
function remoteNear(L: string[], p: Paragraph, i: number, before: string): string | null {
  const here = remoteIn(before + L[i].slice(before.length));
  if (here) return here;
  for (let k = i - 1; k >= Math.max(p.from, i - 4); k--) {
    const r = remoteIn(`${L[k]} ${L[k + 1]}`);
    if (r) return r;
  }
  return null;
}

function remoteAt(context: string): string | null {
  const m = /\bat remote (?:mail ?server|host)\s+([A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,})/i.exec(context);
  return m ? m[1].replace(/\.$/, '') : null;
}

/**
 * .NET's SmtpException gives its own sentence for the status and then the
 * server's words, often without their code: "Mailbox unavailable. The server
 * response was: If MAIL FROM is local then you must authenticate". The
 * sentence names the code (knowledge/client-errors.ts).
 */
function dotnetReplies(view: TextView, found: FoundReply[]): FoundReply[] {
  const out: FoundReply[] = [];
  view.lines.forEach((l, i) => {
    const m = DOTNET.exec(l);
    if (!m) return;
    const line = view.origin[i] ?? i + 1;
    const rest = l.slice(m.index + m[0].length).trim();
    // the server's own reply with its code after the sentence was found by the generic pass
    if (!rest || found.some((f) => f.line === line && rest.startsWith(String(f.code ?? f.enhanced)))) return;
    const sentence = DOTNET_STATUS_MESSAGES.find((d) => l.slice(0, m.index).trimEnd().endsWith(d.message));
    const ctx = view.lines.slice(i, i + 12).join('\n');
    const text = rest.replace(/\s+(?:Error|at)\b.*$/, '').trim();
    const enh = new RegExp(`^(${ENH})\\s+`).exec(text);
    out.push({
      code: sentence?.code ?? null,
      enhanced: enh?.[1] ?? null,
      text: enh ? text.slice(enh[0].length) : text,
      line,
      endLine: line,
      column: 0,
      stage: clientErrorStage(ctx)?.stage ?? 'unknown',
      recipient: null,
      remote: null,
      ip: judgedIpIn(text),
      via: 'client',
      sure: true,
    });
  });
  return out;
}

/** The same reply found twice (a wrapper that quotes it again, one per retry) is one. */
function dedupe(found: FoundReply[]): FoundReply[] {
  const out: FoundReply[] = [];
  for (const f of found.sort((a, b) => a.line - b.line || a.column - b.column)) {
    const key = (x: FoundReply) => `${x.code}|${x.enhanced}|${x.text.toLowerCase().replace(/[^a-z0-9]+/g, '')}`;
    const dup = out.find((o) => key(o) === key(f) || (o.line === f.line && o.text.includes(f.text)));
    if (dup) {
      if (dup.stage === 'unknown') dup.stage = f.stage;
      dup.recipient ??= f.recipient;
      dup.sure ||= f.sure;
      continue;
    }
    out.push(f);
  }
  return out;
}
