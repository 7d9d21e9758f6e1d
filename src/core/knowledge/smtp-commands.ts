// The SMTP commands, and the stage of the mail transaction (RFC 5321 §3.3)
// that the reply to each one answers — the one table every reader asks. A log
// names the command or the moment a refusal answered in its own words (Postfix
// "in reply to RCPT TO command", "END-OF-MESSAGE"; Exim "after end of data";
// sendmail's check_rcpt ruleset and milter "eom"; a DSN's "for TEXT command"):
// each reader finds that name in its wording and looks the name up here.
//
// BDAT (RFC 3030 §2, §4.2): every chunk gets a reply; the reply to a chunk is
// a data-stage reply, and the reply to the chunk marked LAST is the reply to
// the whole message — what the reply after DATA's closing dot is for DATA.
// A log that names BDAT without saying LAST is read as a chunk (data).

import type { Stage } from '../types';

export interface CommandStage {
  /** Verbs a client sends (uppercased). */
  commands: string[];
  /** The names logs give the moment, where it has no verb of its own (uppercased, single spaces). */
  moments?: string[];
  /** The stage the reply to it answers. */
  stage: Stage;
  source: string;
}

export const COMMAND_STAGES: CommandStage[] = [
  {
    // no command: the server's greeting, or its refusal to talk at all
    commands: [],
    moments: ['CONNECT', 'GREETING', 'INITIAL GREETING', 'BANNER'],
    stage: 'connect',
    source: 'RFC 5321 §3.1, §4.3.1 (the 220 or 554 greeting); Postfix "reject: CONNECT from", "initial greeting"',
  },
  { commands: ['HELO', 'EHLO'], stage: 'helo', source: 'RFC 5321 §4.1.1.1' },
  { commands: ['LHLO'], stage: 'helo', source: 'RFC 2033 §4.1 (LMTP)' },
  {
    // the session's preliminaries after EHLO; Postfix's logs count them with HELO too
    commands: ['STARTTLS', 'AUTH', 'XCLIENT'],
    stage: 'helo',
    source: 'RFC 3207 (STARTTLS), RFC 4954 (AUTH), Postfix XCLIENT_README',
  },
  { commands: ['MAIL'], stage: 'mail', source: 'RFC 5321 §4.1.1.2' },
  { commands: ['RCPT'], stage: 'rcpt', source: 'RFC 5321 §4.1.1.3' },
  { commands: ['DATA'], stage: 'data', source: 'RFC 5321 §4.1.1.4 (the reply to DATA itself: 354, or a refusal before the message)' },
  { commands: ['BDAT'], stage: 'data', source: 'RFC 3030 §2 (the reply to a chunk that is not the LAST)' },
  {
    // the reply after the message: to DATA's closing dot, to BDAT … LAST, and the
    // names logs give that moment (Postfix "END-OF-MESSAGE" and "end of DATA",
    // Exim "end of data", sendmail milter "eom", GMX "TEXT")
    commands: [],
    moments: ['.', 'BDAT LAST', 'END-OF-MESSAGE', 'END OF DATA', 'END OF MESSAGE', 'EOM', 'TEXT'],
    stage: 'end-of-data',
    source: 'RFC 5321 §4.1.1.4 (the reply after <CRLF>.<CRLF>), RFC 3030 §2 (the reply to BDAT … LAST)',
  },
  {
    // commands outside the mail transaction: their replies answer no stage of it
    commands: ['RSET', 'NOOP', 'QUIT', 'VRFY', 'EXPN', 'HELP', 'ETRN', 'TURN', 'ATRN', 'XFORWARD'],
    stage: 'unknown',
    source: 'RFC 5321 §4.1.1.5–4.1.1.10, RFC 1985 (ETRN), RFC 2645 (ATRN), Postfix XFORWARD_README',
  },
];

const BY_NAME = new Map<string, Stage>(
  COMMAND_STAGES.flatMap((c) => [...c.commands, ...(c.moments ?? [])].map((n) => [n, c.stage] as const)),
);
const COMMANDS = new Set(COMMAND_STAGES.flatMap((c) => c.commands));

/** Whether `verb` is an SMTP command (any other line a client sends is data for the one before: AUTH's base64). */
export function isSmtpCommand(verb: string): boolean {
  return COMMANDS.has(verb.toUpperCase());
}

/**
 * The stage the reply to a command (or a named moment) answers: `name` is the
 * verb or the moment's name, `arg` the command's argument where the log gives
 * it ("BDAT 1234 LAST"). 'unknown' for a name this table does not know.
 */
export function stageOfCommand(name: string, arg = ''): Stage {
  const n = name.trim().toUpperCase().replace(/\s+/g, ' ');
  if (n === 'BDAT' && /\bLAST\b/i.test(arg)) return 'end-of-data';
  return BY_NAME.get(n) ?? 'unknown';
}

/**
 * Replies whose code alone says which command they can first answer. RFC 4954
 * §6: 530 "Authentication required" SHOULD answer any command but AUTH, EHLO,
 * HELO, NOOP, RSET and QUIT; RFC 3207 §4 gives 530 "Must issue a STARTTLS
 * command first" to any command but NOOP, EHLO, STARTTLS and QUIT — the first
 * command of the transaction that meets it is MAIL FROM. Read only when
 * nothing else names the command.
 */
export const REPLY_CODE_STAGES: { code: number; stage: Stage; source: string }[] = [
  {
    code: 530,
    stage: 'mail',
    source: 'RFC 4954 §6 (530 5.7.0 Authentication required); RFC 3207 §4 (530 Must issue a STARTTLS command first)',
  },
];

/** The stage a reply's code alone places it at, or 'unknown'. */
export function stageOfReplyCode(code: number | null): Stage {
  return REPLY_CODE_STAGES.find((r) => r.code === code)?.stage ?? 'unknown';
}

/**
 * Reply words that leave two commands possible: Postfix's sender restrictions
 * ("Sender address rejected") judge MAIL FROM but, with smtpd_delay_reject =
 * yes (the default), are answered at RCPT TO. Decided only when another fact
 * rules one out (a library that says which command it checked).
 */
export const REPLY_WORD_STAGES: { words: RegExp; stages: Stage[]; source: string }[] = [
  {
    words: /\bSender address rejected\b/i,
    stages: ['mail', 'rcpt'],
    source: 'https://www.postfix.org/postconf.5.html#smtpd_sender_restrictions, #smtpd_delay_reject',
  },
  {
    // sendmail's (and its imitators': Kerio, MDaemon) replies echo the command's address argument first,
    // "<a@b>... Sender ok", "<a@b>... Permission denied": only MAIL FROM and RCPT TO take an address
    words: /^\s*<[^<>\s]{1,254}>\.\.\.\s/,
    stages: ['mail', 'rcpt'],
    source: 'sendmail usrerr()/message() ("<addr>... text", e.g. "250 2.1.0 <a@b>... Sender ok"); RFC 5321 §4.1.1.2–4.1.1.3',
  },
];

/**
 * Enhanced-code details whose RFC meaning names the envelope command they answer: the
 * addressing subject (RFC 3463 §3.2) says whose address was bad — the destination mailbox or
 * system is the argument of RCPT TO, the sender's mailbox or system that of MAIL FROM — and
 * X.5.3 "Too many recipients" is the 452 answer to one RCPT TO too many (RFC 5321 §4.5.3.1.10).
 * Read only when nothing else places a reply (no "in reply to", no log verb, no transcript):
 * a quoted "501 5.1.7 Bad sender address syntax" was still MAIL FROM's answer. The words of
 * servers that send no enhanced code are the same details (Postfix smtpd answers a malformed
 * MAIL FROM with "501 5.1.7 Bad sender address syntax" and a malformed RCPT TO with
 * "501 5.1.3 Bad recipient address syntax"). Words that leave two commands (REPLY_WORD_STAGES:
 * Postfix's delayed sender restrictions) are never overruled by a detail.
 */
export const DETAIL_STAGES: { details: string[]; words?: RegExp; stage: Stage; source: string }[] = [
  {
    // (not X.1.2 "Bad destination system address" nor X.1.10 "null MX": the sending MTA writes them itself when
    // its own DNS lookup of the recipient domain fails or finds a null MX, RFC 7505 §4.2 — no command was answered)
    details: ['1.1', '1.3', '1.4', '1.6'],
    words: /\bbad (?:recipient|destination)(?: mailbox)? address(?: syntax)?\b/i,
    stage: 'rcpt',
    source: 'RFC 3463 §3.2 (X.1.1, X.1.3, X.1.4, X.1.6: the destination mailbox); Postfix smtpd rcpt_cmd',
  },
  {
    details: ['1.7', '1.8'],
    // (the reverse-path is MAIL FROM's argument, RFC 5321 §4.1.1.2: Proton Bridge's "451 4.0.0 backend: invalid
    // return path: not owned by user" answers MAIL FROM)
    words: /\bbad sender(?:'s)?(?: mailbox| system)? address(?: syntax)?\b|\b(?:invalid|bad|illegal) (?:return|reverse)[- ]path\b/i,
    stage: 'mail',
    source:
      "RFC 3463 §3.2 (X.1.7 Bad sender's mailbox address syntax, X.1.8 Bad sender's system address); Postfix smtpd mail_cmd; RFC 5321 §4.1.1.2 (MAIL FROM:<reverse-path>)",
  },
  {
    details: ['5.3'],
    stage: 'rcpt',
    source: 'RFC 3463 §3.6 (X.5.3 Too many recipients); RFC 5321 §4.5.3.1.10 (452 to the RCPT TO over the limit)',
  },
];

/** The stage an enhanced code's detail, or the same detail in words, places a reply at, or 'unknown'. */
export function stageOfDetail(enhanced: string | null | undefined, text = ''): Stage {
  if (stagesNamedBy(text)) return 'unknown';
  const detail = /^[245]\.(\d{1,3}\.\d{1,3})$/.exec(enhanced ?? '')?.[1];
  const row = (detail && DETAIL_STAGES.find((r) => r.details.includes(detail))) || DETAIL_STAGES.find((r) => r.words?.test(text));
  return row?.stage ?? 'unknown';
}

/** The commands a reply's words leave possible, or undefined when they name none. */
export function stagesNamedBy(text: string): Stage[] | undefined {
  return REPLY_WORD_STAGES.find((r) => r.words.test(text))?.stages;
}
