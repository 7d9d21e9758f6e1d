// Yahoo / AOL reply texts. Source: Yahoo Sender Hub, "SMTP error codes"
// (senders.yahooinc.com/smtp-error-codes/).

import type { ReplyKnowledge } from './types';

const YAHOO = 'https://senders.yahooinc.com/smtp-error-codes/ (Yahoo Sender Hub: SMTP error codes)';

export const YAHOO_REPLIES: ReplyKnowledge[] = [
  {
    id: 'yahoo.tss04',
    sender: 'Yahoo',
    text: /\[TSS04\]|temporarily deferred due to (?:unexpected volume or )?user complaints/i,
    reason: 'badreputation',
    party: 'sender',
    meaning:
      'Yahoo is deferring mail from the IP because of unusual volume or complaints from Yahoo users. It retries, but a lasting TSS04 means the reputation must improve.',
    rules: ['reputation.blocked', 'smtp.rate-limited'],
    fix: [
      'Slow the sending rate to Yahoo, send only to people who asked for the mail, and remove addresses that bounce.',
      'Enrol in the Yahoo Complaint Feedback Loop and authenticate with DKIM aligned to the From: domain.',
    ],
    transient: true,
    sources: [YAHOO],
  },
  {
    id: 'yahoo.tss09',
    sender: 'Yahoo',
    text: /\[TSS?(?:09|11|03)\]|will be permanently deferred; Retrying will NOT succeed|\bAll messages from \S+ will be permanently deferred\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'Yahoo has blocked the sending IP for good (TSS09, TSS11, and the older TS03 deferrals that never end); retrying does not help.',
    rules: ['reputation.blocked'],
    fix: ['Stop the source of complaints, then contact Yahoo through the Sender Hub support form.'],
    sources: [YAHOO],
  },
  {
    id: 'yahoo.ph01',
    sender: 'Yahoo',
    text: /\[PH01\]|Email not accepted for policy reasons/i,
    reason: 'policyviolation',
    party: 'receiver-policy',
    meaning: 'Yahoo refused the message itself for policy reasons (content, links, a sender judged harmful).',
    rules: ['smtp.content-rejected', 'dmarc.fail'],
    sources: [YAHOO],
  },
  {
    id: 'yahoo.bl21',
    sender: 'Yahoo',
    text: /\[BL2[13]\]|because the ip is in Spamhaus'?s? list|\bnot accepted from IP addresses on Spamhaus\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning: 'Yahoo refuses the connection because the sending IP is listed by Spamhaus.',
    rules: ['dnsbl.listed'],
    fix: ['Look the IP up at https://check.spamhaus.org/ and follow its removal steps.'],
    sources: [YAHOO, 'https://check.spamhaus.org/'],
  },
  {
    id: 'yahoo.5.7.9-policy',
    sender: 'Yahoo',
    text: /Message not accepted for policy reasons/i,
    reason: 'policyviolation',
    party: 'receiver-policy',
    // Yahoo's own page for it (SLN7253): "Yahoo was unable to verify that it came from a legitimate email
    // sender … failed one or more of the … authentication checks" (DKIM, SPF, DMARC) — not a content verdict
    meaning:
      'Yahoo (and AOL) refused the message because it could not verify the sender: it failed DKIM, SPF or DMARC (a From: domain with DMARC p=reject sent from a server that is not its own is the usual case).',
    rules: ['smtp.auth-failed', 'dmarc.fail', 'dkim.missing'],
    sources: [YAHOO, 'https://help.yahoo.com/kb/SLN7253.html (Error "554 5.7.9: Message not accepted for policy reasons")'],
  },
  {
    id: 'yahoo.user-unknown',
    sender: 'Yahoo',
    text: /This user doesn'?t have a \S+ account|mailbox not found|delivery error: dd Requested mail action aborted/i,
    reason: 'userunknown',
    party: 'recipient',
    meaning: 'There is no such Yahoo, AOL or partner mailbox.',
    rules: ['smtp.recipient-unknown'],
    sources: [YAHOO],
  },
  {
    id: 'yahoo.mailbox-disabled',
    sender: 'Yahoo',
    text: /This mailbox is disabled \(554\.30\)|\bdelivery error: dd \S+ is no longer valid\b/i,
    reason: 'suspend',
    party: 'recipient',
    meaning: 'The Yahoo mailbox exists but is disabled.',
    rules: ['smtp.recipient-unknown'],
    sources: [YAHOO],
  },
  {
    // "451 Message temporarily deferred due to unresolvable RFC.5321 from domain": Yahoo checks that the MAIL FROM
    // (and From:) domain exists with an SOA query; a made-up or unregistered subdomain fails it
    id: 'yahoo.unresolvable-from-domain',
    sender: 'Yahoo',
    text: /\bunresolvable RFC\.?5321 (?:from )?domain\b|\bunresolvable RFC\.?5322 (?:from )?domain\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: "Yahoo could not resolve the sender's domain (MAIL FROM or From:): it must exist in DNS, with an SOA record",
    meaning:
      "Yahoo looks the envelope sender's (and the From:) domain up with an SOA query and defers (451) or refuses (554) mail when it does not resolve: an unregistered domain, a subdomain with only an A or MX record, or a DNS outage at the domain.",
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send from a domain that exists in public DNS; a subdomain used in MAIL FROM needs its own SOA (or to be a zone) besides its MX or A record.',
    ],
    verify: ['dig +short SOA <the MAIL FROM domain>   (an answer, not empty)'],
    sources: [YAHOO],
  },
  {
    id: 'yahoo.resources-unavailable',
    sender: 'Yahoo',
    text: /\[TSS07\]|\bResources temporarily unavailable\. Please try again later\b/i,
    reason: 'toomanyconn',
    party: 'receiver-policy',
    meaning: "Yahoo's servers were busy and took no transaction at that moment; the queue retries and it usually passes soon.",
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: [YAHOO],
  },
  {
    id: 'yahoo.open-relay-unknown-recipients',
    sender: 'Yahoo',
    text: /\bExcessive unknown recipients - possible Open Relay\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'The server sends Yahoo many messages to addresses that do not exist, which Yahoo takes for an open relay or proxy abused by spammers (VS1-IP, VS1-MF).',
    rules: ['reputation.blocked'],
    fix: [
      'Check the server is no open relay (an outside test: swaks --to someone@gmail.com --server {ip} must be refused) and that no account or form sends spam through it.',
      'Remove addresses that bounce from your lists.',
    ],
    sources: [YAHOO],
  },
];
