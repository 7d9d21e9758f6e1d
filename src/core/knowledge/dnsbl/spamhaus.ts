// Spamhaus: ZEN (SBL, CSS, XBL, PBL, DROP in one zone), the DBL domain list,
// and ZRD (DQS only). Public mirrors refuse queries that arrive through
// public resolvers and answer 127.255.255.254; a free DQS key gives the same
// data through <key>.zen.dq.spamhaus.net.

import type { DnsblEntry } from './types';

const ZEN_ERRORS = {
  '127.255.255.252': 'Spamhaus: typing error in the DNSBL name',
  '127.255.255.254': 'Spamhaus: query through a public or open resolver, refused',
  '127.255.255.255': 'Spamhaus: too many queries (rate limit), refused',
};

const LOOKUP = 'Look the IP up at https://check.spamhaus.org/ : it shows the listing record and its removal link.';
const XBL_STEPS = [
  LOOKUP,
  'XBL: find and clean the infected machine (or close the open proxy) first — the listing comes back otherwise — then use the removal link there; with NAT, block outbound port 25 for every host but the mail server.',
];
const PBL_STEPS = [
  "PBL: this is policy, not abuse. Send outbound mail through a smarthost (your ISP's or mail provider's authenticated relay, e.g. Postfix relayhost = [smtp.provider.example]:587).",
  "Or, if this is a real mail server on a static IP: give it a PTR of your own (not the ISP's generic name), then remove the IP from the PBL at https://check.spamhaus.org/ (an ISP-maintained listing, 127.0.0.10, needs the ISP).",
];

const SPAMHAUS_DOCS = 'https://docs.spamhaus.com/datasets/docs/source/40-real-world-usage/PublicMirrors/MTAs/020-Postfix.html';
const SPAMHAUS_CODES = 'https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/030-datasets.html';
const DQS = 'https://github.com/spamhaus/spamassassin-dqs (DQS zone names: <key>.zen.dq.spamhaus.net)';

export const SPAMHAUS: DnsblEntry[] = [
  {
    zone: 'zen.spamhaus.org',
    aliases: ['sbl.spamhaus.org', 'xbl.spamhaus.org', 'pbl.spamhaus.org', 'sbl-xbl.spamhaus.org', 'zen.dq.spamhaus.net'],
    name: 'Spamhaus ZEN (SBL, CSS, XBL, PBL, DROP)',
    kind: 'ip',
    ipv6: true,
    status: 'alive',
    meaning: 'listed by Spamhaus',
    codes: {
      '127.0.0.2': {
        meaning: 'SBL: a known spam source, spam operation or spam-support service',
        cause:
          'Spamhaus staff listed the IP or its range for spam sent from it or a spam operation hosted there; the SBL record names the reason.',
        delistSteps: [
          LOOKUP,
          'SBL: read the SBL record linked there; the network owner (your hosting provider or ISP) usually has to act and ask for removal once the cause is gone.',
        ],
      },
      '127.0.0.3': {
        meaning: 'SBL CSS: a host seen sending low-reputation (snowshoe) mail',
        cause:
          'Automated detection of bulk mail with poor reputation: often a newsletter without confirmed opt-in, or a compromised account sending through this server.',
        delistSteps: [
          LOOKUP,
          'CSS: stop the mail that caused it (a compromised account, a list without confirmed opt-in), then use the removal link there; it expires by itself once the mail stops.',
        ],
      },
      '127.0.0.4': {
        meaning: 'XBL: an infected host, open proxy or exploited device behind this IP',
        cause:
          'A machine behind this IP (often behind NAT: a PC, a camera, a router) is infected with a spam bot or runs an open proxy. Find it from the firewall logs: which inside host connects out to port 25 other than the mail server.',
        delistSteps: XBL_STEPS,
      },
      '127.0.0.5': {
        meaning: 'XBL (former CBL code): an exploited host',
        cause: 'As 127.0.0.4: an infected or exploited machine behind this IP.',
        delistSteps: XBL_STEPS,
      },
      '127.0.0.6': {
        meaning: 'XBL (former CBL code): an exploited host',
        cause: 'As 127.0.0.4: an infected or exploited machine behind this IP.',
        delistSteps: XBL_STEPS,
      },
      '127.0.0.7': {
        meaning: 'XBL (former CBL code): an exploited host',
        cause: 'As 127.0.0.4: an infected or exploited machine behind this IP.',
        delistSteps: XBL_STEPS,
      },
      '127.0.0.9': {
        meaning: 'SBL DROP: a hijacked range or one leased to criminals',
        cause: 'The whole range is in Spamhaus DROP/EDROP; no single-IP fix exists. Move the mail server to another provider or range.',
        delistSteps: ['DROP: there is no removal for a single IP; move the mail server to another provider or range.'],
      },
      '127.0.0.10': {
        meaning: 'PBL (ISP-maintained): this range should not send mail directly',
        cause:
          "The ISP declared the range end-user (dynamic or residential). This is policy, not abuse: send through the ISP's or your mail provider's smarthost, or ask for a static IP with PTR.",
        policy: true,
        delistSteps: PBL_STEPS,
      },
      '127.0.0.11': {
        meaning: 'PBL (Spamhaus-maintained): this range should not send mail directly',
        cause:
          'Spamhaus considers the range end-user space. Policy, not abuse: if this IP really is a mail server, it can be removed from the PBL with a static IP and a proper PTR.',
        policy: true,
        delistSteps: PBL_STEPS,
      },
    },
    errorCodes: ZEN_ERRORS,
    delist: 'https://check.spamhaus.org/',
    delistSteps: [
      'Look the IP up at https://check.spamhaus.org/ : it shows which sub-list (SBL, CSS, XBL, PBL) and why.',
      'XBL/CSS: find and clean the infected machine or the compromised account first, then use the removal link on that page.',
      'PBL: send through a smarthost, or (a real mail server with a static IP and PTR) remove the IP from the PBL on that page.',
      "SBL: follow the SBL record's instructions; the network owner usually has to act.",
    ],
    site: 'https://www.spamhaus.org/zen/',
    refusesPublicResolvers: true,
    dqsZone: 'zen.dq.spamhaus.net',
    checkByDefault: true,
    mentionedBy: /spamhaus\.org\/(?:query\/(?:bl|ip|sbl)|sbl|xbl|pbl|lookup)|check\.spamhaus\.org\/(?:listed|query\/ip)/i,
    sources: [SPAMHAUS_DOCS, SPAMHAUS_CODES, DQS, 'RFC 5782 §2.1'],
  },
  {
    zone: 'dbl.spamhaus.org',
    aliases: ['dbl.dq.spamhaus.net'],
    name: 'Spamhaus DBL (Domain Block List)',
    kind: 'domain',
    status: 'alive',
    meaning: 'the domain is on the Spamhaus Domain Block List',
    codes: {
      '127.0.1.2': { meaning: 'DBL: spam domain', cause: 'The domain was seen in spam (as sender, in links, or as its infrastructure).' },
      '127.0.1.4': { meaning: 'DBL: phishing domain', cause: 'The domain was used for phishing.' },
      '127.0.1.5': { meaning: 'DBL: malware domain', cause: 'The domain served malware.' },
      '127.0.1.6': { meaning: 'DBL: botnet command-and-control domain', cause: 'The domain controls a botnet.' },
      '127.0.1.102': {
        meaning: 'DBL: abused legitimate domain, used in spam',
        cause: 'A legitimate site or account on this domain was compromised and used in spam.',
      },
      '127.0.1.103': {
        meaning: 'DBL: abused legitimate spammed redirector or URL shortener',
        cause: 'An open redirect or URL shortener on the domain was used in spam.',
      },
      '127.0.1.104': {
        meaning: 'DBL: abused legitimate domain, used for phishing',
        cause: 'A compromised site on the domain hosted phishing.',
      },
      '127.0.1.105': {
        meaning: 'DBL: abused legitimate domain, used for malware',
        cause: 'A compromised site on the domain served malware.',
      },
      '127.0.1.106': {
        meaning: 'DBL: abused legitimate domain, used for botnet C&C',
        cause: 'A compromised site on the domain controlled a botnet.',
      },
    },
    errorCodes: ZEN_ERRORS,
    delist: 'https://check.spamhaus.org/',
    delistSteps: [
      'Look the domain up at https://check.spamhaus.org/ to see the reason.',
      'Clean compromised sites and accounts, close open redirects, then request removal there.',
    ],
    site: 'https://www.spamhaus.org/dbl/',
    refusesPublicResolvers: true,
    dqsZone: 'dbl.dq.spamhaus.net',
    checkByDefault: true,
    mentionedBy: /spamhaus\.org\/query\/(?:dbl|domain)|check\.spamhaus\.org\/query\/domain/i,
    sources: [SPAMHAUS_CODES, DQS, 'RFC 5782 §5 (domain test point TEST)'],
  },
  {
    zone: 'zrd.spamhaus.org',
    aliases: ['zrd.dq.spamhaus.net'],
    name: 'Spamhaus ZRD (Zero Reputation Domains, DQS only)',
    kind: 'domain',
    status: 'alive',
    meaning: 'the domain was first seen in the last 24 hours (newly registered or long dormant)',
    cause: 'New domains have no reputation; many receivers hold or refuse mail from them for a day.',
    errorCodes: ZEN_ERRORS,
    delistSteps: ['ZRD listings expire by themselves 24 hours after the domain was first seen; there is no removal.'],
    site: 'https://www.spamhaus.com/data-access/free-data-query-service/',
    keyed: { setting: 'dqsKey', keyZone: 'zrd.dq.spamhaus.net' },
    checkByDefault: true,
    sources: ['https://github.com/spamhaus/spamassassin-dqs (ZRD: newly registered or dormant domains, 24 hours)'],
  },
];
