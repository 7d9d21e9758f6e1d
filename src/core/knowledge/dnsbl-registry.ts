// The DNS blocklist registry: one entry per list, each with its source.
// Rules never name a list; they look it up here. Defunct lists matter as much
// as live ones: a receiver that still queries a dead list rejects mail for
// reasons that no delisting can fix (ORDB answered "listed" for everyone).

export type DnsblKind = 'ip' | 'domain';

export interface DefunctInfo {
  /** When it stopped (ISO date or year). */
  since: string;
  /**
   * What queries get now: `listed-all` (a wildcard answers "listed" for every
   * address: every mail is refused), `no-answer` (timeouts or NXDOMAIN: slows
   * every connection), `empty` (answers "not listed" for everyone).
   */
  behaviour: 'listed-all' | 'no-answer' | 'empty' | 'unknown';
  note: string;
}

export interface DnsblEntry {
  /** The query zone, lowercase, no trailing dot. */
  zone: string;
  /** Other zones of the same list (sub-lists, aliases). */
  aliases?: string[];
  name: string;
  kind: DnsblKind;
  /** Lists IPv6 addresses (RFC 5782 §2.4) too. */
  ipv6?: boolean;
  status: 'alive' | 'defunct';
  defunct?: DefunctInfo;
  /** Return codes and what they mean: "127.0.0.2" → meaning. */
  codes?: Record<string, string>;
  /** Where a listed party asks for removal. */
  delist?: string;
  site?: string;
  /** The operator refuses queries through public resolvers (Google, Cloudflare…). */
  refusesPublicResolvers?: boolean;
  /** Where the facts above come from. */
  sources: string[];
}

export const DNSBL_REGISTRY: DnsblEntry[] = [
  {
    zone: 'relays.ordb.org',
    aliases: ['ordb.org'],
    name: 'ORDB (Open Relay Database)',
    kind: 'ip',
    status: 'defunct',
    defunct: {
      since: '2006-12-18',
      behaviour: 'listed-all',
      note: 'ORDB closed on 18 December 2006. From March 2008 its zone was wildcarded and answered "listed" for every address, so a server still querying it refuses all mail.',
    },
    sources: [
      'https://blog.emaildirect.com/index/2008/03/relaysordborg-r.html (SANS ISC report, March 2008)',
      'https://en.wikipedia.org/wiki/ORDB',
    ],
  },
  {
    zone: 'dnsbl.sorbs.net',
    aliases: [
      'sorbs.net',
      'spam.dnsbl.sorbs.net',
      'new.spam.dnsbl.sorbs.net',
      'recent.spam.dnsbl.sorbs.net',
      'old.spam.dnsbl.sorbs.net',
      'escalations.dnsbl.sorbs.net',
      'dul.dnsbl.sorbs.net',
      'http.dnsbl.sorbs.net',
      'socks.dnsbl.sorbs.net',
      'misc.dnsbl.sorbs.net',
      'smtp.dnsbl.sorbs.net',
      'web.dnsbl.sorbs.net',
      'zombie.dnsbl.sorbs.net',
      'block.dnsbl.sorbs.net',
      'noserver.dnsbl.sorbs.net',
      'problems.dnsbl.sorbs.net',
      'proxies.dnsbl.sorbs.net',
      'relays.dnsbl.sorbs.net',
      'safe.dnsbl.sorbs.net',
      'nomail.rhsbl.sorbs.net',
      'badconf.rhsbl.sorbs.net',
      'rhsbl.sorbs.net',
      'l1.spews.dnsbl.sorbs.net',
      'l2.spews.dnsbl.sorbs.net',
    ],
    name: 'SORBS',
    kind: 'ip',
    status: 'defunct',
    defunct: {
      since: '2024-06-05',
      behaviour: 'no-answer',
      note: 'Proofpoint decommissioned SORBS on 5 June 2024; its zones no longer hold reputation data and its servers stopped answering. The domain could pass to a new owner, who could make it answer anything.',
    },
    sources: [
      'https://www.theregister.com/2024/06/07/proofpoint_sorbs_shutdown/ (Proofpoint statement)',
      'https://heise.de/en/news/Blocked-out-Antispam-blocklist-SORBS-is-switched-off-9752522.html',
    ],
  },
  {
    zone: 'list.dsbl.org',
    aliases: ['multihop.dsbl.org', 'unconfirmed.dsbl.org', 'dsbl.org'],
    name: 'DSBL (Distributed Sender Blackhole List)',
    kind: 'ip',
    status: 'defunct',
    defunct: {
      since: '2008-05',
      behaviour: 'no-answer',
      note: 'DSBL lost its database in May 2008 and served an empty zone; from March 2009 its zones were delegated to a non-existent name server, so queries time out. Reports from 2012 say some resolvers then treated every address as listed.',
    },
    sources: [
      'http://dsbl.org/ (operator notice)',
      'https://vamsoft.com/company/news/dsbl-shutdown',
      'https://www.dnsbl.info/list-dsbl-org.php',
    ],
  },
  {
    zone: 'dnsbl.ahbl.org',
    aliases: ['rhsbl.ahbl.org', 'tor.ahbl.org', 'ircbl.ahbl.org', 'ahbl.org'],
    name: 'AHBL (Abusive Hosts Blocking List)',
    kind: 'ip',
    status: 'defunct',
    defunct: {
      since: '2015-01-01',
      behaviour: 'listed-all',
      note: 'AHBL closed its public lists in 2014 and from 1 January 2015 answers "listed" for every query, to make remaining users notice.',
    },
    sources: ['http://www.ahbl.org/content/last-notice-wildcarding-services-jan-1st (operator notice)'],
  },
  {
    zone: 'dnsbl.njabl.org',
    aliases: ['combined.njabl.org', 'bhnc.njabl.org', 'dynablock.njabl.org', 'njabl.org'],
    name: 'NJABL (Not Just Another Bogus List)',
    kind: 'ip',
    status: 'defunct',
    defunct: {
      since: '2013-03-01',
      behaviour: 'no-answer',
      note: 'NJABL shut down in March 2013; its zones no longer give useful answers.',
    },
    sources: ['https://www.njabl.org/ (closure notice, 2013)', 'https://en.wikipedia.org/wiki/NJABL'],
  },
  {
    zone: 'zen.spamhaus.org',
    name: 'Spamhaus ZEN (SBL, CSS, XBL, PBL combined)',
    kind: 'ip',
    ipv6: true,
    status: 'alive',
    codes: {
      '127.0.0.2': 'SBL: a known spam source or spam operation',
      '127.0.0.3': 'SBL CSS: a host seen sending low-reputation (snowshoe) mail',
      '127.0.0.4': 'XBL: an infected host, open proxy or exploited device behind this IP',
      '127.0.0.9': 'SBL DROP: a hijacked or leased-to-criminals range',
      '127.0.0.10': 'PBL (ISP-maintained): this range should not send mail directly',
      '127.0.0.11': 'PBL (Spamhaus-maintained): this range should not send mail directly',
      '127.255.255.252': 'error: typo in the DNSBL name',
      '127.255.255.254': 'error: query through a public or open resolver, refused',
      '127.255.255.255': 'error: too many queries (rate limited)',
    },
    delist: 'https://check.spamhaus.org/',
    site: 'https://www.spamhaus.org/zen/',
    refusesPublicResolvers: true,
    sources: [
      'https://docs.spamhaus.com/datasets/docs/source/40-real-world-usage/PublicMirrors/MTAs/020-Postfix.html',
      'https://www.spamhaus.org/faqs/domain-blocklist/#291 (return codes)',
    ],
  },
  {
    zone: 'bl.spamcop.net',
    name: 'SpamCop Blocking List',
    kind: 'ip',
    status: 'alive',
    codes: { '127.0.0.2': 'reported by SpamCop users as a source of spam (listings expire 24 hours after the reports stop)' },
    delist: 'https://www.spamcop.net/bl.shtml',
    site: 'https://www.spamcop.net/',
    sources: ['https://www.spamcop.net/fom-serve/cache/291.html'],
  },
  {
    zone: 'b.barracudacentral.org',
    name: 'Barracuda Reputation Block List',
    kind: 'ip',
    status: 'alive',
    codes: { '127.0.0.2': 'poor reputation at Barracuda Networks' },
    delist: 'https://www.barracudacentral.org/rbl/removal-request',
    site: 'https://www.barracudacentral.org/',
    sources: ['https://www.barracudacentral.org/rbl/how-to-use'],
  },
];

/** Find the registry entry for a zone, by zone or alias, ignoring case and a trailing dot. */
export function findDnsbl(zone: string): DnsblEntry | undefined {
  const z = zone.toLowerCase().replace(/\.$/, '');
  return (
    DNSBL_REGISTRY.find((e) => e.zone === z || e.aliases?.includes(z)) ??
    // a sub-zone of a known list (e.g. a key-prefixed or new sub-list)
    DNSBL_REGISTRY.find((e) => [e.zone, ...(e.aliases ?? [])].some((a) => z.endsWith('.' + a)))
  );
}
