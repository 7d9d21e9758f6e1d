// Live domain (URI / RHS) blocklists other than Spamhaus DBL. They are asked
// about registered domains (example.com, not www.example.com). RFC 5782 §5:
// the name TEST must be listed and INVALID must not.

import type { DnsblEntry } from './types';

export const DOMAIN_LISTS: DnsblEntry[] = [
  {
    zone: 'multi.surbl.org',
    name: 'SURBL multi',
    kind: 'domain',
    status: 'alive',
    meaning: 'the domain appeared in spam, phishing or malware messages',
    bits: {
      4: { meaning: 'DM: disposable mail domain' },
      8: { meaning: 'PH: phishing site', cause: 'A site on the domain was used for phishing (often a compromised web site).' },
      16: { meaning: 'MW: malware site', cause: 'A site on the domain served malware (often a compromised web site).' },
      32: { meaning: 'CT: click-tracking domain' },
      64: { meaning: 'ABUSE: spam and abuse sites', cause: 'The domain was advertised in spam.' },
      128: { meaning: 'CR: cracked site', cause: 'A compromised web site on the domain is used by spammers.' },
    },
    delist: 'https://www.surbl.org/surbl-analysis',
    delistSteps: ['Clean compromised sites first, then look the domain up and request removal at https://www.surbl.org/surbl-analysis.'],
    site: 'https://www.surbl.org/',
    checkByDefault: true,
    mentionedBy: /surbl\.org/i,
    sources: [
      'https://pipelinedata.tilda.ws/surbl (SURBL lists: bits 8 PH, 16 MW, 64 ABUSE, 128 CR)',
      'https://www.securityzones.net/new-return-codes-added-to-surbl-multi/ (bits 4 DM, 32 CT)',
    ],
  },
  {
    zone: 'multi.uribl.com',
    aliases: ['black.uribl.com', 'grey.uribl.com', 'red.uribl.com'],
    name: 'URIBL multi',
    kind: 'domain',
    status: 'alive',
    meaning: 'the domain appeared in spam',
    bits: {
      2: { meaning: 'black: a domain used by spammers', cause: 'The domain was advertised in unsolicited bulk mail.' },
      4: {
        meaning: 'grey: found in bulk mail that may be solicited',
        cause: "Bulk mail without confirmed opt-in, or an ESP's shared domain.",
      },
      8: { meaning: 'red: very young domain or whois privacy, seen in mail flow' },
    },
    errorCodes: { '127.0.0.1': 'URIBL: query refused (public or high-volume resolver); see https://uribl.com/refused.shtml' },
    delist: 'https://admin.uribl.com/',
    delistSteps: ['Register at https://admin.uribl.com/ and request removal after stopping the mail that carried the domain.'],
    site: 'https://uribl.com/',
    refusesPublicResolvers: true,
    checkByDefault: true,
    mentionedBy: /uribl\.com/i,
    sources: ['https://uribl.com/about.shtml', 'https://uribl.com/refused.shtml (127.0.0.1 = query refused)'],
  },
  {
    zone: 'dbl.nordspam.com',
    name: 'NordSpam domain list',
    kind: 'domain',
    status: 'alive',
    meaning: 'the domain appeared in spam seen by NordSpam',
    site: 'https://www.nordspam.com/',
    sources: ['https://www.nordspam.com/usage/'],
  },
  {
    zone: 'uribl.spameatingmonkey.net',
    name: 'Spam Eating Monkey SEM-URI',
    kind: 'domain',
    status: 'alive',
    meaning: 'the domain appeared in spam seen by Spam Eating Monkey',
    site: 'https://spameatingmonkey.com/',
    sources: ['https://spameatingmonkey.com/services'],
  },
  {
    zone: 'dblack.mail.abusix.zone',
    name: 'Abusix domain blocklist (needs a key)',
    kind: 'domain',
    status: 'alive',
    meaning: 'the domain appeared in spam seen by Abusix',
    delist: 'https://lookup.abusix.com/',
    site: 'https://abusix.com/',
    keyed: { setting: 'abusixKey', keyZone: 'dblack.mail.abusix.zone' },
    checkByDefault: true,
    sources: ['https://docs.abusix.com/docs/guardian-mail/production-zones'],
  },
];
