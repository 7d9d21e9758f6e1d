// Basic SMTP reply codes (RFC 5321 §4.2.2–4.2.3 and the extensions that
// define their own), with what each says about the reason when neither the
// words nor an enhanced code do. The stage matters: a 550 to RCPT TO is about
// the mailbox, the same 550 after DATA is about the message.

import type { Stage } from '../types';

export interface ReplyCodeInfo {
  code: number;
  meaning: string;
  /** The reason the code names at any stage, or per stage. */
  reason?: string;
  byStage?: Partial<Record<Stage, string>>;
  /**
   * The code answers only the AUTH command (RFC 4954 §6: 534, 535, 538): words in it about an "account" or
   * "user" that does not exist name the login that was tried, never a recipient.
   */
  answersAuth?: true;
  source: string;
}

const R5321 = 'RFC 5321 §4.2.2';

export const REPLY_CODES: ReplyCodeInfo[] = [
  // RFC 5321 §3.8: the server closes the channel; with no words saying why it is its load or a rate limit —
  // but not in answer to HELO/EHLO: a server that had accepted the connection and then closes it on the
  // client's greeting refused that client (its name or address), as any refusal before MAIL FROM is read
  // (sisimai: EHLO/HELO → blocked); Gmail's "421 4.7.0 Try again later, closing connection" is its refusal
  // "at the HELO stage" (Google's SMTP error reference), no rate
  {
    code: 421,
    meaning: 'Service not available, closing transmission channel',
    reason: 'toomanyconn',
    byStage: { helo: 'blocked' },
    source: `${R5321}; §3.8; https://support.google.com/a/answer/3726730 (421 4.7.0 at the HELO stage)`,
  },
  { code: 450, meaning: 'Requested mail action not taken: mailbox unavailable (busy, or blocked for policy)', source: R5321 },
  // used for greylisting, rate limits and every temporary failure: the number alone names no reason
  { code: 451, meaning: 'Requested action aborted: local error in processing', source: R5321 },
  { code: 452, meaning: 'Requested action not taken: insufficient system storage', reason: 'systemfull', source: R5321 },
  {
    code: 454,
    meaning: 'TLS not available due to temporary reason / temporary authentication failure',
    reason: 'securityerror',
    source: 'RFC 3207 §4; RFC 4954 §6',
  },
  { code: 455, meaning: 'Server unable to accommodate parameters', reason: 'systemerror', source: R5321 },
  { code: 500, meaning: 'Syntax error, command unrecognized', reason: 'syntaxerror', source: R5321 },
  { code: 501, meaning: 'Syntax error in parameters or arguments', reason: 'syntaxerror', source: R5321 },
  { code: 502, meaning: 'Command not implemented', reason: 'syntaxerror', source: R5321 },
  { code: 503, meaning: 'Bad sequence of commands', reason: 'syntaxerror', source: R5321 },
  { code: 504, meaning: 'Command parameter not implemented', reason: 'syntaxerror', source: R5321 },
  { code: 521, meaning: 'Host does not accept mail', reason: 'notaccept', source: 'RFC 7504 §3' },
  { code: 523, meaning: 'Encryption needed', reason: 'securityerror', source: 'RFC 5248 §5 (X.7.10)' },
  { code: 524, meaning: 'Encryption required for requested authentication mechanism', reason: 'securityerror', source: 'RFC 4954 §6' },
  { code: 525, meaning: 'User account disabled', reason: 'suspend', source: 'RFC 5248 §5 (X.7.13)' },
  {
    code: 530,
    meaning: 'Authentication required (or: must issue a STARTTLS command first)',
    reason: 'securityerror',
    source: 'RFC 4954 §6; RFC 3207 §4',
  },
  { code: 534, meaning: 'Authentication mechanism is too weak', reason: 'securityerror', answersAuth: true, source: 'RFC 4954 §6' },
  { code: 535, meaning: 'Authentication credentials invalid', reason: 'securityerror', answersAuth: true, source: 'RFC 4954 §6' },
  {
    code: 538,
    meaning: 'Encryption required for requested authentication mechanism',
    reason: 'securityerror',
    answersAuth: true,
    source: 'RFC 4954 §6',
  },
  // "mailbox unavailable (e.g., mailbox not found, no access, or command rejected for policy reasons)":
  // at RCPT TO the number alone does not say which; in reply to MAIL FROM it is the sender
  {
    code: 550,
    meaning: 'Requested action not taken: mailbox unavailable (not found, no access, or refused for policy reasons)',
    byStage: { mail: 'rejected', connect: 'blocked', helo: 'blocked' },
    source: R5321,
  },
  { code: 551, meaning: 'User not local; please try <forward-path>', source: R5321 },
  // RFC 1870 §6.1 (SIZE): 552 for a message over the fixed maximum size; RFC 5321's "exceeded storage allocation"
  {
    code: 552,
    meaning: 'Requested mail action aborted: exceeded storage allocation (message size)',
    reason: 'mesgtoobig',
    source: `${R5321}; RFC 1870 §6.1`,
  },
  // "mailbox name not allowed (e.g., mailbox syntax incorrect)": the address itself is wrong
  {
    code: 553,
    meaning: 'Requested action not taken: mailbox name not allowed',
    byStage: { rcpt: 'userunknown', mail: 'rejected' },
    source: R5321,
  },
  {
    code: 554,
    meaning: 'Transaction failed (at the greeting: no SMTP service here)',
    byStage: { connect: 'blocked', helo: 'blocked', mail: 'rejected' },
    source: `${R5321}; §3.1`,
  },
  { code: 555, meaning: 'MAIL FROM/RCPT TO parameters not recognized or not implemented', reason: 'syntaxerror', source: R5321 },
  { code: 556, meaning: 'Domain does not accept mail', reason: 'notaccept', source: 'RFC 7504 §3' },
];

const BY_CODE = new Map(REPLY_CODES.map((c) => [c.code, c]));

/** Whether a number is an SMTP reply code of the RFCs (a refusal's: 4xx, 5xx), not only of the reply shape. */
export function isReplyCode(code: number): boolean {
  return BY_CODE.has(code);
}

/** What a basic code names at a stage, with its entry, or undefined. */
export function replyCodeReason(code: number | null, stage: Stage): { reason: string; info: ReplyCodeInfo } | undefined {
  const info = code === null ? undefined : BY_CODE.get(code);
  const reason = info ? (info.byStage?.[stage] ?? info.reason) : undefined;
  return info && reason ? { reason, info } : undefined;
}

/**
 * A refusal of how a command was written, not of the mail: RFC 5321 §4.2.2 500 (command
 * unrecognized), 501 (syntax error in arguments), 502 (not implemented), 504 (parameter not
 * implemented), and RFC 3463 §3.6 X.5.1, X.5.2, X.5.4 (invalid command, syntax error, invalid
 * arguments). The server judged no sender, IP or message: a client that sends the command again
 * correctly goes on as if it never happened.
 */
export function refusesCommandSyntax(code: number, enhanced: string | null): boolean {
  if (code < 500 || code >= 600) return false;
  return [500, 501, 502, 504].includes(code) || /^5\.5\.[124]$/.test(enhanced ?? '');
}

/** The basic code answers only AUTH (RFC 4954 §6), whatever the input says of the stage. */
export function answersAuth(code: number | null): boolean {
  return code !== null && !!REPLY_CODES.find((c) => c.code === code)?.answersAuth;
}
