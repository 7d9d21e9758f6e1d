// "Blocked using <list>": the texts that receivers send when a public DNS
// blocklist refused the sending IP. The lists' own pages are the sources; the
// reply format "Client host [ip] blocked using <zone>" is Postfix's
// reject_rbl_client (postconf(5)), which many products copy.

import type { ReplyKnowledge } from './types';

const POSTFIX_RBL = 'https://www.postfix.org/postconf.5.html#reject_rbl_client (reply "blocked using <zone>")';

export const DNSBL_REPLIES: ReplyKnowledge[] = [
  {
    // Postfix's reject_rhsbl_sender / _helo / _reverse_client / _recipient:
    // default_rbl_reply "$rbl_code Service unavailable; $rbl_class [$rbl_what]
    // blocked using $rbl_domain" with rbl_class "Sender address", "Helo
    // command", "Reverse client host"… — a domain lookup before any content.
    id: 'dnsbl.rhsbl-envelope',
    sender: 'Postfix reject_rhsbl_* (and receivers copying its reply)',
    text: /\b(?:Sender address|Helo command|Reverse client host|Recipient address) \[[^\][]*\] (?:blocked|rejected|listed) using\b|\b(?:Unverified )?Client host \[(?![\d.]+\])[a-z0-9][\w.-]*\.[a-z][a-z0-9-]*\] (?:blocked|rejected|listed) using\b|\b(?:Sender address|Helo command) rejected: (?:blocked|rejected|listed) using\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      "A domain of the envelope (the sender address's domain, the HELO name, or the client's reverse DNS name — Postfix's reject_rhsbl_client, reject_rhsbl_reverse_client: 'Client host [name]', 'Unverified Client host [name]') is on a domain blocklist (RHSBL, such as Spamhaus DBL): the receiver refused before the message was sent, so neither the content nor the sending IP is what is listed.",
    rules: ['dnsbl.listed'],
    fix: [
      'Look the domain in the reply up at the list (Spamhaus DBL: https://check.spamhaus.org/) for the reason, fix it (compromised site or account, spam sent in its name), then request removal there.',
      'Sending from another server will not help: the domain is what is listed.',
    ],
    sources: [
      'https://www.postfix.org/postconf.5.html#reject_rhsbl_sender',
      'https://www.postfix.org/postconf.5.html#default_rbl_reply',
      'https://www.postfix.org/postconf.5.html#reject_rhsbl_reverse_client ("Unverified Client host [name] blocked using …")',
      'https://www.spamhaus.org/faqs/domain-blocklist/',
    ],
  },
  {
    id: 'dnsbl.uribl',
    sender: 'receivers using URIBL, SURBL or Spamhaus DBL',
    text: /\buribl\b|\bsurbl\b|dbl\.spamhaus|blacklisted (?:url|link|domain)|listed (?:url|link|domain) in (?:the )?message/i,
    reason: 'spamdetected',
    party: 'sender',
    meaning:
      'A domain in a link of the message (not the sending IP) is on a URI blocklist (URIBL, SURBL, Spamhaus DBL). The sending server is not listed; the content is.',
    rules: ['smtp.content-rejected'],
    fix: [
      'Find the listed domain in the message’s links (the reply usually names it) and remove it, or have it delisted at the list’s lookup page (https://admin.uribl.com/, https://surbl.org/surbl-analysis).',
    ],
    sources: ['https://uribl.com/about.shtml', 'https://www.surbl.org/'],
  },
  {
    id: 'dnsbl.spamhaus',
    sender: 'any receiver using Spamhaus',
    text: /spamhaus/i,
    reason: 'blocked',
    party: 'sender',
    meaning: 'The sending IP (or a domain in the message) is listed by Spamhaus (ZEN = SBL, XBL/CSS, PBL; DBL for domains).',
    rules: ['dnsbl.listed', 'ptr.generic'],
    fix: [
      'Look {ip} up at https://check.spamhaus.org/: it names the list (SBL, CSS, XBL, PBL) and the removal steps.',
      'PBL means the IP is a dynamic/consumer address that should not send mail directly: send through your ISP’s or provider’s relay instead.',
    ],
    verify: [
      'dig +short <reversed-ip>.zen.spamhaus.org A   (no answer = not listed; query from your own resolver, Spamhaus refuses public ones)',
    ],
    sources: ['https://www.spamhaus.org/faqs/dnsbl-usage/', 'https://check.spamhaus.org/', POSTFIX_RBL],
  },
  {
    id: 'dnsbl.barracuda',
    sender: 'Barracuda appliances and receivers using BRBL',
    // the Barracuda Reputation Block List only: the name alone is the vendor's gateway, whose other refusals
    // (content, a recipient's policy) are no listing
    text: /\bBarracuda Reputation\b|\bbarracudacentral\.org\b|\bbarracudanetworks\.com\/reputation\b|\bBRBL\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning: 'The sending IP has a poor score in the Barracuda Reputation Block List (BRBL).',
    rules: ['dnsbl.listed'],
    fix: ['Check and request removal at https://www.barracudacentral.org/lookups.'],
    sources: ['https://www.barracudacentral.org/rbl', POSTFIX_RBL],
  },
  {
    id: 'dnsbl.spamcop',
    sender: 'any receiver using SpamCop',
    text: /spamcop/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'The sending IP is on the SpamCop Blocking List (bl.spamcop.net), fed by spam reports; listings expire by themselves within a day once reports stop.',
    rules: ['dnsbl.listed'],
    fix: ['Look the IP up at https://www.spamcop.net/bl.shtml and stop what is being reported.'],
    sources: ['https://www.spamcop.net/bl.shtml', POSTFIX_RBL],
  },
  {
    id: 'dnsbl.generic-blocked-using',
    generic: true,
    sender: 'Postfix, Exim and others',
    text: /(?:blocked|listed|rejected) (?:using|by|in|at|on) (?:[a-z0-9-]+\.)+[a-z]{2,}|\bRBL\b|DNSBL|\bblack ?list(?:ed)?\b|block ?listed|abuseat\.org|\bsorbs\b|uceprotect|psbl\.|mailspike|spamrats|\bcbl\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning: 'The receiver looked up the sending IP in a DNS blocklist and found it listed.',
    rules: ['dnsbl.listed', 'dnsbl.defunct'],
    sources: [POSTFIX_RBL],
  },
];
