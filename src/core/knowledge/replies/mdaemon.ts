// MDaemon's own refusal texts.

import type { ReplyKnowledge } from './types';

export const MDAEMON_REPLIES: ReplyKnowledge[] = [
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
    // attached by the MDaemon reader (codes: [] — never by the words alone): the words are "user unknown"
    id: 'mdaemon.dnsbl-as-user-unknown',
    sender: 'MDaemon',
    text: /user unknown|unknown user|no such user|mailbox unavailable/i,
    codes: [],
    reason: 'blocked',
    party: 'sender',
    meaning:
      'MDaemon refuses a client its DNS-BL check found listed with a "user unknown" reply unless the administrator chose "…and respond with \'Message\' rather than \'user unknown\'": the recipient exists; the sending IP is on the blocklist that the log shows as "failed" just before.',
    rules: ['dnsbl.listed'],
    fix: [
      'As the sender: get {ip} off the list that failed (its page says how), after finding what sent spam from it.',
      "As the MDaemon administrator: in Security » Spam Filter » DNS-BL » Settings turn on \"…and respond with 'Message' rather than 'user unknown'\", so that refused senders learn the real reason; put trusted partners on the DNS-BL Allow List.",
    ],
    verify: ['dig +short <reversed IP>.<list zone> A   (no answer = not listed)'],
    sources: [
      "https://help.mdaemon.com/MDaemon/en/dns-bl_hosts.html (DNS-BL Hosts: \"Message … corresponds to the …and respond with 'Message' rather than 'user unknown' option\")",
    ],
  },
];
