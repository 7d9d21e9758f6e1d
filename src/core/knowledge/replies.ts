// What receivers mean by their replies: one entry per known text, each with
// its source. The classifier tries these first, then the enhanced status code
// (enhanced-codes.ts), then the basic code and stage.

import type { Party, Stage } from '../types';
import { AUTH_REPLY_KNOWLEDGE } from '../auth/knowledge/auth-replies';

export interface ReplyKnowledge {
  id: string;
  /** Who sends this text (a product or a receiver). */
  sender: string;
  /** Case-insensitive pattern on the reply text. */
  text: RegExp;
  /** Only for these basic codes / stages, when given. */
  codes?: number[];
  stages?: Stage[];
  /** sisimai reason name. */
  reason: string;
  party: Party;
  /** What it means, in words an administrator can act on. */
  meaning: string;
  /** Checklist rules this points to, most likely first. */
  rules: string[];
  /**
   * Receiver-specific fixes and checks, replacing the general advice for the
   * reason. Placeholders: {ip} {helo} {mailfrom} {rcpt} {server}.
   */
  fix?: string[];
  verify?: string[];
  sources: string[];
}

export const REPLY_KNOWLEDGE: ReplyKnowledge[] = [
  {
    id: 'mdaemon.not-rfc-compliant',
    sender: 'MDaemon',
    text: /message does not conform to standards/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    meaning:
      'The receiving MDaemon ran its RFC-compliance check on the message itself ("Refuse messages which are not RFC compliant"). It refuses a message that is 32 bytes or smaller, has no Date: header, has neither From: nor Sender:, or has more than one From: or more than one Subject: header. Sessions that authenticated, and trusted IPs and domains, are exempt.',
    rules: ['smtp.not-compliant', 'headers.missing-date', 'headers.missing-from', 'headers.duplicate'],
    fix: [
      'Look at the headers of the refused message first: it needs a Date: header (e.g. "Date: Mon, 11 Jun 2007 09:14:02 +0200"), a From: (or Sender:) header with a valid address, no second From: and no second Subject:, and more than 32 bytes in all.',
      'Fix the program on {ip} (HELO "{helo}") that writes the message — a script, scanner, copier or business application — so that it adds Date: and From: and writes each header once.',
      'If you run the receiving MDaemon and trust this sender, let it authenticate (SMTP AUTH) or add {ip} to the trusted IPs: authenticated sessions and trusted IPs and domains are exempt from the check. Turning off "Refuse messages which are not RFC compliant" (Server Settings » Servers) is the last resort, for every sender.',
    ],
    verify: [
      "Paste the refused message's headers (or drop the .eml) into Mailmedic: the headers.* steps show which rule it breaks.",
      'Resend the corrected message, e.g. swaks --server {server} --from {mailfrom} --to {rcpt} --data message.eml, and expect 250 after the final dot instead of 554.',
    ],
    sources: [
      'https://www.altn.com/Support/FAQ/FAQResults/?Number=684 (MDaemon FAQ 684: what MDaemon considers RFC compliant)',
      'MDaemon help, Server Settings » Servers: "Refuse messages which are not RFC compliant"',
    ],
  },
  {
    id: 'gmail.rfc5322',
    sender: 'Gmail',
    text: /not RFC ?5322 compliant|RfcMessageNonCompliant/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    meaning:
      'Gmail found the message headers malformed under RFC 5322 (missing or duplicated From, Date, Subject or Message-ID, or a syntax error in them).',
    rules: [
      'smtp.not-compliant',
      'headers.missing-from',
      'headers.duplicate',
      'headers.missing-date',
      'headers.invalid-address',
      'headers.missing-message-id',
    ],
    sources: ['https://support.google.com/mail/?p=RfcMessageNonCompliant'],
  },
  {
    id: 'generic.dnsbl-blocked-using',
    sender: 'Postfix, Exim and others',
    text: /(blocked|listed|rejected) (using|by|in|at|on) ([a-z0-9-]+\.)+[a-z]{2,}|\bRBL\b|DNSBL|blacklisted at|blocklisted/i,
    reason: 'blocked',
    party: 'sender',
    meaning: 'The receiver looked up the sending IP in a DNS blocklist and found it listed.',
    rules: ['dnsbl.listed', 'dnsbl.defunct'],
    sources: ['http://www.postfix.org/postconf.5.html#reject_rbl_client (reply format "blocked using <zone>")'],
  },
  {
    id: 'generic.no-ptr',
    sender: 'Postfix, Exim, MDaemon and others',
    text: /(no|missing|cannot find your) (PTR|reverse|rDNS)|reverse (DNS|hostname|lookup) (failed|missing|not found)|cannot find your hostname|Client host rejected: cannot find your reverse hostname/i,
    reason: 'requireptr',
    party: 'sender',
    meaning: 'The receiver requires the sending IP to have a PTR (reverse DNS) record, and often that the name resolves back to the IP.',
    rules: ['ptr.missing', 'ptr.mismatch'],
    sources: ['http://www.postfix.org/postconf.5.html#reject_unknown_reverse_client_hostname'],
  },
  {
    id: 'generic.user-unknown',
    sender: 'many',
    text: /user unknown|unknown user|no such (user|mailbox)|mailbox (unavailable|not found)|recipient (address )?rejected|does not exist|invalid recipient/i,
    codes: [550, 551, 553, 554],
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'The recipient address does not exist at the receiving server.',
    rules: ['smtp.recipient-unknown'],
    sources: ['RFC 3463 §3.2 (X.1.1 Bad destination mailbox address)'],
  },
  ...AUTH_REPLY_KNOWLEDGE, // sender authentication refusals (issue 6)
];

/** The first knowledge entry that explains a reply. */
export function findReplyKnowledge(text: string, code: number | null, stage: Stage): ReplyKnowledge | undefined {
  return REPLY_KNOWLEDGE.find(
    (k) => k.text.test(text) && (!k.codes || (code !== null && k.codes.includes(code))) && (!k.stages || k.stages.includes(stage)),
  );
}
