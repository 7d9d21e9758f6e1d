// The shared vocabulary of Mailmedic's core. Everything here is plain data:
// it crosses the worker boundary (structured clone) and becomes the JSON
// report of DESIGN.md, so no classes, functions or Dates live in it.

import type { MessageFacts, MessageReport } from './message';
import type { AuthReport } from './auth';

export type * from './message';
export type * from './auth';

/** What an input is. DESIGN.md "The JSON report", `kind`. */
export type InputKind =
  | 'mdaemon-log'
  | 'postfix-log'
  | 'exim-log'
  | 'sendmail-log'
  | 'exchange-log'
  // added within version 1 (DESIGN.md contract 3): qmail's and OpenSMTPD's logs
  | 'qmail-log'
  | 'opensmtpd-log'
  | 'nullmailer-log'
  // and maddy's (the Go mail server's module lines with JSON fields: parse/maddy.ts)
  | 'maddy-log'
  | 'smtp-transcript'
  | 'bounce'
  | 'headers'
  | 'message'
  // a domain or an IP pasted alone, to be checked (DESIGN.md: added to version 1, the report's `target`)
  | 'domain'
  | 'ip'
  | 'unknown';

/** The SMTP stage a reply answered (RFC 5321 §3.3: the mail transaction). */
export type Stage = 'connect' | 'helo' | 'mail' | 'rcpt' | 'data' | 'end-of-data' | 'unknown';

/** A checklist step's verdict. `inconclusive` = the check could not be made. */
export type Status = 'fail' | 'warn' | 'pass' | 'info' | 'inconclusive';

/** Whose move it is to fix a rejection. */
export type Party = 'sender' | 'recipient' | 'receiver-policy' | 'unknown';

/** A place in the input: 1-based line number (0 = not from the input). */
export interface Located {
  line: number;
}

/** One SMTP reply, possibly joined from a multi-line (`550-…`) reply. */
export interface SmtpReply extends Located {
  code: number;
  /** RFC 3463 enhanced status code, e.g. "5.7.1", or null. */
  enhanced: string | null;
  text: string;
  stage: Stage;
}

/** A command the client sent. */
export interface SmtpCommand extends Located {
  verb: string;
  arg: string;
  stage: Stage;
}

/**
 * A check the receiving server already made and logged (MDaemon's PTR, DNS-BL,
 * SPF blocks; Postfix's "reverse hostname"; Authentication-Results…).
 * This is "what the receiver saw", shown beside what DNS says now.
 */
export interface LoggedCheck extends Located {
  check: 'ptr' | 'fcrdns' | 'dnsbl' | 'spf' | 'dkim' | 'dmarc' | 'helo';
  /** What was checked: an IP, a domain, a zone. */
  subject: string;
  /** For DNSBL entries: the list's zone. */
  zone?: string;
  /** The receiver's own word for the result, lowercased: pass, fail, none, failed, listed… */
  result: string;
  detail?: string;
  /** The IP the check was made for, when the record names it beside a domain (SPF). */
  ip?: string;
  /** Who recorded it, when the input says (Gmail, an Authentication-Results authserv-id). */
  by?: string;
  /** The receiver refused the message for this result (its reply states it). */
  refused?: boolean;
}

/** An SMTP session (or, for queue-based logs, one message's delivery attempts). */
export interface Session {
  id: string | null;
  kind: InputKind;
  direction: 'inbound' | 'outbound' | 'unknown';
  clientIp: string | null;
  clientIpLine: number;
  serverIp: string | null;
  /** The remote host name, as the log gives it (Postfix `host[ip]`, MDaemon PTR). */
  remoteHost: string | null;
  helo: { name: string; line: number } | null;
  mailFrom: { address: string; line: number } | null;
  rcptTo: { address: string; line: number }[];
  commands: SmtpCommand[];
  replies: SmtpReply[];
  logged: LoggedCheck[];
  messageSize: number | null;
  startLine: number;
  endLine: number;
}

/** A reply that refused or deferred mail, classified. */
export interface Rejection extends Located {
  code: number | null;
  enhanced: string | null;
  stage: Stage;
  /** sisimai's reason vocabulary: blocked, notcompliantrfc, userunknown… */
  reason: string;
  text: string;
  /** The IP the receiver judged (the client of the session), if known. */
  ip: string | null;
  /** Permanent (5xx) rather than temporary (4xx). */
  hard: boolean;
  party: Party;
  /** The id of the knowledge entry that explained the text, if any. */
  knowledge: string | null;
  /** The recipient it applied to, if known. */
  recipient?: string | null;
  /** Who said it, if known (Remote-MTA, `host x said:`). */
  remote?: string | null;
  /**
   * The recipient as the sender gave it, when the reporting MTA's alias expansion or
   * qualification changed it (Postfix "(expanded from <root>)" / orig_to=, DSN Original-Recipient).
   */
  originalRecipient?: string;
  /**
   * The input's own server gave this refusal to a client (an inbound session of the log:
   * smtpd, Exim's "rejected", MDaemon's inbound side): the reader is the receiving side.
   */
  inbound?: boolean;
  /**
   * The refused message had been passed on by a forwarder (an alias or .forward, a forwarding
   * service, a forwarding rule): the IP, HELO and envelope the receiver judged are the forwarder's,
   * not the original sender's. `by`: the paste's own server or program passed it on ('own': an
   * alias, SRS, a forwarding rule) or a relay or service it quotes ('service'); `says` is the
   * evidence in words, `line` where it stood.
   */
  forwarded?: { by: 'own' | 'service'; says: string; line: number };
  /**
   * The reply was reported by a mail client, library or application in its own error text (Python's
   * SMTPRecipientsRefused, JavaMail, nodemailer…): the program that submitted the message. The value
   * names the shape (knowledge/client-errors.ts).
   */
  client?: string;
}

/** One Received hop. DESIGN.md report `hops`. */
export interface Hop extends Located {
  from: string | null;
  helo: string | null;
  rdns: string | null;
  ip: string | null;
  by: string | null;
  with: string | null;
  id: string | null;
  for: string | null;
  /** ISO 8601, or null when the date could not be read. */
  date: string | null;
  /** Seconds since the previous hop; null for the first or unknown. */
  delay: number | null;
  /** "via" clause (Microsoft: "Frontend Transport"). */
  via?: string | null;
  /** TLS as the hop describes it (protocol, cipher), null when it used none. */
  tls?: string | null;
  /** How the client logged in (ESMTPA, "authenticated bits=0"…), when it did. */
  auth?: string | null;
  envelopeFrom?: string | null;
  /** A network hop from a client IP (false: local pickup, fetchmail, a scanner). */
  relay?: boolean;
  /** The hop whose client the receiving organisation judged (the origin of the message). */
  origin?: boolean;
}

/** A header field, unfolded, with where it stood. */
export interface HeaderField extends Located {
  /** The name as written. */
  name: string;
  /** The unfolded value, leading whitespace trimmed (RFC 5322 §2.2.3). */
  value: string;
  /** The raw text of the field, folds included. */
  raw: string;
  /** How many physical lines the field spans. */
  lineCount: number;
}

/** The message (or the headers of one) found in the input. */
export interface MessageEvidence {
  headers: HeaderField[];
  /** Line where the header block starts in the input. */
  firstLine: number;
  /** True when a body followed the headers. */
  hasBody: boolean;
  /** Whether the bytes are the original ones (a dropped file) or a paste. */
  exactBytes: boolean;
  /** The raw message text (headers and body) as given. */
  raw: string;
  /** What the headers say, read (Received chain, authentication, verdicts…). */
  facts?: MessageFacts;
}

/** The envelope sender (RFC 5321 MAIL FROM) and the From: address, where the input names them. */
export interface Sender {
  mailFrom: { address: string; line: number } | null;
  from: { address: string; line: number } | null;
}

/**
 * What an input that is only a domain or an IP (kinds `domain`, `ip`) asks to
 * have checked: the domain's mail records, the IP's reverse DNS and
 * blocklists, and with both, SPF of the domain for that IP.
 */
export interface Target {
  /** The domain as DNS knows it (an A-label for an internationalised name), as written, and where. */
  domain: { value: string; written: string; line: number } | null;
  /** The IP (canonical form), as written, and where. */
  ip: { value: string; written: string; line: number } | null;
  /** DKIM selectors the input named (a pasted "<selector>._domainkey.<domain>"): asked beside the common ones. */
  selectors: string[];
  /** Other domains and IPs in the input, as written, not checked (one of each kind is). */
  skipped: string[];
}

/** Everything the input says, with where it says it. */
export interface Evidence {
  inputs: { kind: InputKind; lines: number }[];
  sessions: Session[];
  rejections: Rejection[];
  hops: Hop[];
  /** The message (or headers) whose delivery is in question, if present. */
  message: MessageEvidence | null;
  /** The original sender as a sending service's event names it, when the message itself is not in the input. */
  sender?: Sender | null;
  /** The domain or IP to check, when that is all the input is (kinds `domain`, `ip`). */
  target?: Target | null;
  /** Checks the receiver logged, from any source. */
  logged: LoggedCheck[];
  /** Lines no parser understood (counted, never fatal). */
  unknownLines: number;
  warnings: string[];
}

/** The IP and names the live checks are about. */
export interface Subjects {
  /** The sending IP that the receiver judged. */
  ip: { value: string; line: number } | null;
  helo: { value: string; line: number } | null;
  /** The sending IP's reverse DNS name as the receiver found it (a Received header). */
  rdns?: { value: string; line: number } | null;
  /** RFC 5321 MAIL FROM domain. */
  mailFromDomain: { value: string; line: number } | null;
  /** RFC 5322 From domain. */
  fromDomain: { value: string; line: number } | null;
  /** DNSBLs the receiver had configured (from its log). */
  configuredDnsbls: { zone: string; line: number; result: string }[];
  /**
   * The server the receiver refused, by name, when the input does not give its IP (a bounce
   * from the sender's own server): its address is looked up before the live checks.
   */
  sendingHost?: { value: string; line: number } | null;
  /**
   * Names and addresses in the input that stand in for the poster's own
   * ("mydomain.com", "1.2.3.4"; knowledge/stand-ins.ts): never asked in DNS,
   * whichever check comes across them.
   */
  standIns?: string[];
}

// ---- checklist ----

export interface EvidenceItem extends Located {
  text: string;
}

/** One checklist step. DESIGN.md report `checklist[]`. */
export interface Step {
  /** Stable rule id, `area.problem`. */
  rule: string;
  status: Status;
  title: string;
  evidence: EvidenceItem[];
  /** What to change: exact records, settings, commands. */
  fix: string[];
  /** Commands or checks that show the fix worked. */
  verify: string[];
  /** A paragraph of explanation. */
  detail?: string;
  /** Where the knowledge behind the step comes from. */
  sources?: string[];
  /** Live check that can be retried (offline, timeout). */
  retry?: boolean;
  /**
   * Only in a partial report (analyze's onPartial): the step still waits on a
   * DNS answer, so its status is provisional. Never set in a final report.
   */
  pending?: boolean;
}

// ---- report ----

/** A DNS question and its answer, as the query log keeps it. */
export interface DnsLogEntry {
  resolver: string;
  name: string;
  type: string;
  /** DNS rcode (NOERROR, NXDOMAIN, SERVFAIL…) or a transport failure (TIMEOUT, NETWORK, CORS, MALFORMED, OFFLINE). */
  rcode: string;
  /** The answers of the asked type, in presentation form. */
  answers: string[];
  /** CNAMEs followed on the way, if any. */
  cname?: string[];
  ms: number;
  /** DNSSEC: the resolver set the AD (authentic data) flag. */
  ad?: boolean;
  /** When the answer arrived (ISO 8601), from the injected clock. */
  at?: string;
  /** Served from the cache, not the wire. */
  cached?: boolean;
  /** What went wrong, for a failure (every resolver tried, when it fell back). */
  error?: string;
  /** How many resolvers were tried (fallback), when more than one. */
  tries?: number;
}

/** The groups of live checks a partial report says are still waiting (AnalyzeOptions.onPartial). */
export type CheckGroup = 'ptr' | 'helo' | 'spf' | 'dkim' | 'dmarc' | 'mx' | 'dnsbl';

/** A report made while DNS answers are still coming in (AnalyzeOptions.onPartial): steps still waiting carry `pending: true`. */
export type PartialReport = Report & { pending: CheckGroup[] };

export interface Report {
  version: 1;
  inputs: { kind: InputKind; lines: number }[];
  rejections: Rejection[];
  hops: Hop[];
  checklist: Step[];
  dns: DnsLogEntry[];
  /** Sender authentication found (SPF tree, DKIM verdicts, DMARC outcome), for the page. */
  auth?: AuthReport;
  /** Parser and limit warnings, for the user. */
  warnings: string[];
  /** Whether live DNS checks ran. */
  live: boolean;
  /** When the analysis ran (ISO 8601, from the injected clock). */
  generated: string;
  /** The message or headers in the input, read: authentication, verdicts, transit, MIME parts. */
  message?: MessageReport;
  /**
   * What was checked when the input was a domain or an IP alone (kinds
   * `domain`, `ip`): the domain (as DNS knows it) and the IP. Absent for
   * every other kind.
   */
  target?: { domain: string | null; ip: string | null };
}
