// Refusals of access providers' mail platforms that document their own reply texts: AT&T's former
// BellSouth/Worldnet mail system (its "Mailblock" pages list each text with what it means and what to do) and
// Swisscom's Bluewin (its postmaster FAQ and the bounce page each of its refusals links to). Each text as the
// provider's page (or a bounce quoting the provider's reply) gives it, with the reason that page names.

import type { ReplyKnowledge } from './types';

const ATT_BLOCKS =
  'http://worldnet.att.net/general-info/bls_info/block_enduser.html (AT&T Mailblock: error message summary, what each text means and what to do)';
const ATT_NDR = 'http://www.att.net/general-info/mail_info/block_enduser.html (AT&T Worldnet: "450 Error", "550 Error. Blocked for …")';
const BLUEWIN_FAQ =
  'https://postmaster.bluewin.ch/content/en/faq-for-system-administrators/ (Bluewin postmaster: inbound mail is throttled by deferrals for IPs without history or with a poor reputation; a blocklisted server gets a delisting URL in the status message)';

export const CARRIER_REPLIES: ReplyKnowledge[] = [
  {
    // AT&T spells it "look-up": its own words for a client IP whose reverse DNS does not resolve
    id: 'att.dns-look-up-failure',
    sender: 'AT&T (att.net, bellsouth.net, sbcglobal.net)',
    text: /\bfailure in DNS look-up\b/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      "AT&T refuses a sending IP whose reverse DNS lookup fails: the IP must have a valid PTR record (naming the server, with a matching forward record) to send to AT&T's domains.",
    rules: ['ptr.missing', 'ptr.mismatch', 'smtp.ptr-required'],
    fix: [
      'Give {ip} a PTR record naming the mail server, and an A record for that name pointing back to {ip} (ask the provider of the IP).',
    ],
    verify: ['dig -x {ip} +short', 'dig +short <that name> A   (must list {ip})'],
    sources: [ATT_BLOCKS],
  },
  {
    // "521 <192.0.2.1> is blocked": the words alone are common, so only with AT&T's 521 and an IP in brackets
    id: 'att.521-ip-blocked',
    sender: 'AT&T (att.net, bellsouth.net, sbcglobal.net)',
    text: /^<?\d{1,3}(?:\.\d{1,3}){3}>? is blocked\b/i,
    codes: [521],
    reason: 'blocked',
    party: 'sender',
    meaning: "AT&T has identified the sending IP as a source of spam and refuses its connections (AT&T's own block, not a public DNSBL).",
    rules: ['reputation.blocked'],
    fix: [
      "Find and stop what sent spam from {ip} (a compromised account, an open form, a list without consent), then ask AT&T to lift the block through the administrators' page of its Mailblock site.",
    ],
    sources: [ATT_BLOCKS],
  },
  {
    id: 'att.mailbox-suspended',
    sender: 'AT&T (att.net, bellsouth.net, sbcglobal.net)',
    text: /\bMailbox currently suspended\b/i,
    reason: 'suspend',
    party: 'recipient',
    meaning: "The recipient's AT&T (BellSouth) account is suspended: the address exists but takes no mail.",
    rules: ['smtp.recipient-unknown'],
    fix: ['Contact the recipient by other means; stop sending to this address until they restore the account.'],
    sources: [ATT_BLOCKS],
  },
  {
    id: 'att.unauthorized-interface',
    sender: 'AT&T (att.net, bellsouth.net, sbcglobal.net)',
    text: /\bunauthorized interface for\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'AT&T does not recognise the sending IP as a legitimate source of mail (an address range of end users, not a mail server): mail must come through a registered mail system of an ISP or hosting service.',
    rules: ['ptr.generic', 'reputation.blocked'],
    fix: [
      "Send through your provider's or your hosting service's outgoing server (authenticated submission), or give the server a static IP with a PTR naming it under your domain.",
    ],
    sources: [ATT_BLOCKS],
  },
  {
    id: 'att.rblmx-ldap-block',
    sender: 'AT&T (bellsouth.net)',
    text: /\bblocked by ldap:ou=rblmx\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning: "The sending IP behaved like a spammer towards AT&T's BellSouth servers and is on AT&T's own block list (rblmx).",
    rules: ['reputation.blocked'],
    fix: [
      "Stop the spam or virus traffic from {ip}, then send an unblock request through the administrators' page of AT&T's Mailblock site.",
    ],
    sources: [ATT_BLOCKS],
  },
  {
    id: 'att.blocked-for-abuse',
    sender: 'AT&T Worldnet (att.net)',
    text: /\bBlocked for abuse\b/i,
    hosts:
      /(?:^|\.)(?:att\.net|attglobal\.net|sbcglobal\.net|bellsouth\.net|prodigy\.net|pacbell\.net|swbell\.net|ameritech\.net|flash\.net|nvbell\.net|snet\.net|wans\.net)$/i,
    reason: 'blocked',
    party: 'sender',
    meaning: 'AT&T has reason to think the sending system has sent high levels of spam to its customers and blocks it.',
    rules: ['reputation.blocked'],
    fix: ["Ask the mail system's administrator to contact AT&T through its system administrators' page with the details of the refusal."],
    sources: [ATT_NDR],
  },
  {
    // Bluewin words its per-IP limit with the IP's reputation: the limit lifts as the reputation grows
    id: 'bluewin.ip-reputation-ratelimit',
    sender: 'Swisscom Bluewin (bluewin.ch)',
    text: /\bIP reputation ratelimit in effect\b/i,
    reason: 'speeding',
    party: 'sender',
    headline: "Bluewin limits how much it takes from the sending IP, by that IP's reputation",
    meaning:
      'Bluewin throttles inbound mail per sending IP: an IP without sending history or with a poor reputation gets a low limit, and mail over it is refused ("sc969"). All sending domains on the IP are treated alike; the limit is not a list you can be taken off.',
    rules: ['smtp.rate-limited', 'reputation.blocked'],
    fix: [
      "Send to Bluewin more slowly from {ip} (a per-domain rate limit in your MTA), build the IP's history with wanted mail, and keep bounces and complaints low.",
      'For list or bulk mail, use a relay with an established reputation rather than a new or shared IP.',
    ],
    sources: [
      BLUEWIN_FAQ,
      'https://github.com/hitobito/hitobito/issues/953 (the bounce "554 5.2.0 sc969: IP reputation ratelimit in effect" and Bluewin support\'s answer: all domains are treated alike, by the sending IP\'s reputation)',
    ],
  },
  {
    // every Bluewin refusal links its own bounce page for the IP: a block or a limit of Bluewin's, not a DNSBL's
    id: 'bluewin.provider-bounce-page',
    sender: 'Swisscom Bluewin (bluewin.ch)',
    text: /\bsupport\.bluewin\.ch\/provider\/bounce\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'Bluewin refused the sending IP on its own assessment (its blocklist or its limits for IPs with a poor reputation); the linked page tells why and is where a delisting can be requested.',
    rules: ['reputation.blocked'],
    fix: ['Open the link in the refusal: it names the reason for {ip} and takes the delisting request once the cause is fixed.'],
    sources: [BLUEWIN_FAQ],
  },
];
