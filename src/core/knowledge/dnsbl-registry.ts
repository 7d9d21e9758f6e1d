// The DNS blocklist registry: one entry per list, each with its source.
// Rules never name a list; they look it up here. Defunct lists matter as much
// as live ones: a receiver that still queries a dead list rejects mail for
// reasons that no delisting can fix (ORDB answered "listed" for everyone).
// The data lives in ./dnsbl/, one file per family.

import type { DnsblEntry } from './dnsbl/types';
import { DEFUNCT_LISTS } from './dnsbl/defunct';
import { SPAMHAUS } from './dnsbl/spamhaus';
import { IP_LISTS } from './dnsbl/ip-lists';
import { MORE_IP_LISTS } from './dnsbl/ip-lists-more';
import { DOMAIN_LISTS } from './dnsbl/domain-lists';

export type { DefunctInfo, DnsblCode, DnsblEntry, DnsblKind } from './dnsbl/types';

export const DNSBL_REGISTRY: DnsblEntry[] = [...DEFUNCT_LISTS, ...SPAMHAUS, ...IP_LISTS, ...MORE_IP_LISTS, ...DOMAIN_LISTS];

/** Find the registry entry for a zone, by zone or alias, ignoring case and a trailing dot. */
export function findDnsbl(zone: string): DnsblEntry | undefined {
  const z = zone.toLowerCase().replace(/\.$/, '');
  return (
    DNSBL_REGISTRY.find((e) => e.zone === z || e.aliases?.includes(z)) ??
    // a sub-zone of a known list (e.g. a key-prefixed DQS zone, or a new sub-list)
    DNSBL_REGISTRY.find((e) => [e.zone, ...(e.aliases ?? [])].some((a) => z.endsWith('.' + a)))
  );
}
