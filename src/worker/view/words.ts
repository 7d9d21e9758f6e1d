// The page's words for the engine's values: statuses, input kinds, SMTP
// stages, whose move it is, and refusal reasons — in a person's words
// first; the engine's own names (rule ids, sisimai's
// reason names) are shown small beside them, never instead.

import type { InputKind, Party, Stage } from '../../core/types';
import type { StepStatus } from './types';

export const STATUS_WORDS: Record<StepStatus, string> = {
  fail: 'Problem',
  warn: 'Warning',
  pass: 'Passed',
  info: 'Note',
  inconclusive: 'Not checked',
  pending: 'Checking…',
};

export const KIND_WORDS: Record<InputKind, string> = {
  'mdaemon-log': 'MDaemon log',
  'postfix-log': 'Postfix log',
  'exim-log': 'Exim log',
  'sendmail-log': 'Sendmail log',
  'exchange-log': 'Exchange log',
  'qmail-log': 'qmail log',
  'opensmtpd-log': 'OpenSMTPD log',
  'nullmailer-log': 'nullmailer log',
  'maddy-log': 'maddy log',
  'smtp-transcript': 'SMTP conversation',
  bounce: 'Bounce message',
  headers: 'Message headers',
  message: 'Whole message',
  domain: 'Domain to check',
  ip: 'IP address to check',
  unknown: 'Not recognised',
};

/** The kinds that are a server's own log (the server that wrote it refused, or was refused). */
export const LOG_KINDS = new Set<InputKind>([
  'mdaemon-log',
  'postfix-log',
  'exim-log',
  'sendmail-log',
  'exchange-log',
  'qmail-log',
  'opensmtpd-log',
  'nullmailer-log',
  'maddy-log',
]);

/** When in the SMTP dialogue the reply came (RFC 5321 §3.3). */
export const STAGE_WORDS: Record<Stage, string> = {
  connect: 'on connecting',
  helo: 'after the greeting (HELO)',
  mail: 'at the sender address (MAIL FROM)',
  rcpt: 'at the recipient (RCPT TO)',
  data: 'before the message was sent (DATA)',
  'end-of-data': 'after the whole message was sent',
  unknown: 'at an unknown point',
};

/** Whose move it is, as the classifier sees it (core/classify). */
/** Whose move it is when the input's own server refused a client: the reader is the receiver. */
export const OWN_SERVER_WORDS = "Your server's administrator: your server refused this client";

/**
 * Whose move it is when a forwarder passed the refused message on: the receiver judged the forwarder's
 * IP, HELO and re-sent envelope (RFC 7208 §1.1.1: SPF checks the last hop), so the original sender's
 * records are not what to change.
 */
export const FORWARDER_WORDS =
  "The forwarder: whoever runs the alias, forwarding service or list that passed this mail on — the refused IP and HELO are the forwarder's, not the original sender's";

/** Whose move it is when the reader's own server failed on its own configuration while SENDING (no receiver was asked). */
export const OWN_SENDING_SERVER_WORDS =
  "The sender's side: your own sending server's administrator — its configuration failed before any receiver was asked";

/**
 * Whose move it is when a receiver refused the message itself (its content, format or size): whoever
 * writes or generates it changes what is sent — the receiver's policy is theirs to keep.
 */
export const MESSAGE_WORDS =
  "The sender's side: whoever writes or generates the message (the application, list or person) — change what is sent";

/**
 * Whose move it is when the reader's own server refused a client's envelope sender (its domain not in
 * DNS, an address its login may not use): the address is the sender's to fix — the server is right.
 */
export const REFUSED_SENDER_WORDS =
  "The sender's side: your server refused the client's sender address (MAIL FROM) — the sender fixes its address or domain; tell them what the reply says";

/**
 * Whose move it is when the reader's own server refused a logged-in client's sender that its login does not
 * own: which addresses a login may send as is the server's own setting (core/knowledge/who-acts.ts).
 */
export const OWN_LOGIN_WORDS =
  "Your server's administrator: a login on your server sent as an address it does not own — allow that address for it, or have it send as its own";

/**
 * Whose move it is when the application that submitted the message reports that a recipient does not
 * exist: the address came from its own data, which only its operator can correct.
 */
export const APPLICATION_RECIPIENT_WORDS =
  "The sender's side: whoever runs the application that sent it — the recipient address in its data is wrong or gone";

/**
 * Whose move it is when the reader's own server refused a client for the client's own fault (its HELO,
 * its IP's reverse DNS, its domain's SPF/DKIM/DMARC, its message, an address it wrote to): the server is
 * right, the sender fixes it — the receiving administrator tells them (core/knowledge/who-acts.ts).
 */
export const clientFaultWords = (what: string) => `The sender's side: your server refused this client for ${what} — tell them`;

/**
 * Whose move it is when the reader's own server refused a client on SPF without saying the result was
 * "fail": a "none" (no record) refused by the server's own policy reads the same (RFC 7208 §8.1; RFC 7372
 * X.7.23 is a failure by the receiving server's policies) — both readings, the reader's own first.
 */
export const OWN_SPF_UNSTATED_WORDS =
  "Your server's administrator: your server refused this client on SPF — if its domain has no SPF record, that is your policy; if SPF failed, tell them";

/**
 * Whose move it is when a receiving server says the recipient does not exist and the paste cannot show
 * whether the address should: the recipient's side restores it if so; otherwise the sender corrects it.
 */
export const RECIPIENT_UNKNOWN_WORDS =
  "The recipient's side: if the address should exist, their administrator restores it; if not, the sender corrects it";

/** Whose move it is when the refusal says the recipient's domain does not exist or takes no mail (knowledge/who-acts.ts). */
export const RECIPIENT_DOMAIN_GONE_WORDS =
  "The sender's side: the recipient's domain does not exist or takes no mail — check the address and correct it";

/** Whose move it is when the recipient address's domain cannot be a host name: it is mistyped. */
export const RECIPIENT_MISTYPED_WORDS = "The sender's side: the recipient address is mistyped (its domain cannot exist) — correct it";

/**
 * Whose move it is when the refusing server's own check is at fault, as its words show
 * (core/knowledge/who-acts.ts RECEIVER_FAULTS): its administrator mends it; the reader tells them.
 */
export const receiverFaultWords = (what: string) => `The receiving server's administrator: ${what} — tell them`;

/**
 * Whose move it is when a receiver greylisted the mail (RFC 6647): a temporary refusal the sending
 * server's own retry gets past — nothing to change unless the retries run out.
 */
export const GREYLISTED_WORDS =
  "The sender's side: nothing to change — the receiver greylisted the first attempt and the sending server's retry gets it delivered";

/**
 * Whose move it is when the server that refused is at fault itself (its blocklist lookups refused or
 * answered with an error code, its own storage failed): nothing about the refused mail; that server's
 * administrator mends it, and the reader tells them (RFC 5321 §4.2.5: after DATA the server is responsible).
 */
export const RECEIVING_SERVER_WORDS =
  "The receiving server's administrator: the refusal is that server's own fault (its own lookups or storage), not your mail — tell them what the reply says";

/**
 * Whose move it is when the server the reader's client sends through refused it by its own client
 * rules (Postfix "Client host rejected: Access denied": not in its networks, not logged in): the client
 * logs in or is allowed by that server's administrator.
 */
export const CLIENT_NOT_SERVED_WORDS =
  "The sender's side: the server you send through does not serve this client by its own rules — log in (SMTP AUTH, on port 587 or 465) or ask its administrator to allow it";

/**
 * Whose move it is when a receiver's own policy (its rate limits, its content scoring, a rule of its own)
 * refused the reader's mail: the policy is the receiver's to keep (RFC 5321 §7.9: a receiver's refusal
 * policy is its own), so the sender adapts what or how it sends — or asks that administrator for an exception.
 */
export const RECEIVER_POLICY_WORDS =
  "The sender's side: the receiver's own policy refused it — change what or how you send (its reply says what), or ask the receiving server's administrator for an exception";

export const PARTY_WORDS: Record<Party, string> = {
  sender: "The sender's side: whoever runs the sending server or domain",
  recipient: "The recipient's side: the recipient or their mail administrator",
  'receiver-policy': "The receiver's policy: ask the receiving server's administrator (or send differently)",
  unknown: 'Not clear from the input',
};

/**
 * sisimai's bounce reasons in a few plain words each. The meanings follow
 * sisimai's own definitions of its reasons (https://libsisimai.org/en/reason/
 * and Sisimai::Reason's documentation); the words are ours.
 */
export const REASON_WORDS: Record<string, string> = {
  authfailure: 'sender authentication failed (SPF, DKIM or DMARC)',
  badreputation: "the sending IP's or domain's reputation is too low",
  blocked: 'the sending server (its IP or name) is blocked',
  contenterror: 'the message format was refused',
  delivered: 'delivered',
  exceedlimit: 'the message is over a size limit',
  expired: 'delivery gave up after retrying too long',
  feedback: 'a complaint report (feedback loop)',
  filtered: 'refused by a filter on the recipient side',
  hasmoved: 'the recipient has moved to another address',
  hostunknown: "the recipient's domain does not exist or takes no mail",
  mailboxfull: "the recipient's mailbox is full",
  mailererror: 'the receiving mail program failed',
  mesgtoobig: 'the message is too large',
  networkerror: 'a network or DNS problem on the way',
  norelaying: 'the server does not relay for this sender',
  notaccept: 'the receiving domain accepts no mail',
  notcompliantrfc: 'the message breaks the mail standards (RFC 5322)',
  onhold: 'held back; the reason is not clear yet',
  policyviolation: "the message breaks the receiver's policy",
  rejected: 'the sender address was refused',
  requireptr: 'the sending IP has no proper reverse DNS (PTR)',
  securityerror: 'a security check failed (login, TLS or authentication)',
  spamdetected: 'the message was judged spam',
  speeding: 'too many messages too fast (rate limit)',
  suspend: "the recipient's mailbox is suspended",
  syntaxerror: 'an SMTP command was malformed',
  systemerror: 'the receiving server had an error',
  systemfull: "the receiving server's disk is full",
  toomanyconn: 'too many connections at once',
  undefined: 'reason not known',
  userunknown: 'the recipient address does not exist',
  vacation: 'an automatic vacation reply',
  virusdetected: 'a virus was found in the message',
};

export function reasonWords(reason: string): string {
  return REASON_WORDS[reason] ?? reason;
}

export function kindWords(kind: string): string {
  return KIND_WORDS[kind as InputKind] ?? kind;
}
