// An in-memory Resolver for corpus zone data: records by name and type,
// CNAMEs followed like a recursive resolver (a loop is SERVFAIL), and
// per-name timeouts. Shared by the SPF, DKIM and DMARC scorers.

import type { DnsRecord, DnsResponse, Resolver, RRType } from '../../src/core/dns/resolver';

export interface ZoneEntry {
  type: string;
  /** TXT: the character-strings; MX: [preference, exchange]; others: the presentation text. */
  data: string | string[] | [number, string];
}

/** Per name, the records in order; "TIMEOUT" entries follow pyspf's test driver (see spf.ts). */
export type Zone = Map<string, (ZoneEntry | 'TIMEOUT' | 'SERVFAIL')[]>;

const norm = (n: string) => n.toLowerCase().replace(/\.$/, '');

function toRecord(name: string, e: ZoneEntry): DnsRecord {
  if (e.type === 'TXT') {
    const strings = Array.isArray(e.data) ? (e.data as string[]) : [e.data as string];
    return { name, type: 'TXT', ttl: 300, data: strings.join(''), strings };
  }
  if (e.type === 'MX') {
    const [preference, exchange] = e.data as [number, string];
    const ex = norm(String(exchange));
    return { name, type: 'MX', ttl: 300, data: `${preference} ${ex}`, preference, exchange: ex };
  }
  const data = String(e.data);
  return { name, type: e.type, ttl: 300, data: e.type === 'PTR' || e.type === 'CNAME' ? norm(data) : data };
}

export function zoneResolver(zone: Zone): Resolver {
  return {
    async resolve(qname: string, type: RRType): Promise<DnsResponse> {
      const base = { type, ad: false, resolver: 'zone', ms: 0 };
      let name = norm(qname);
      const answers: DnsRecord[] = [];
      for (let hops = 0; hops < 10; hops++) {
        const entries = zone.get(name);
        if (!entries) return { ...base, name: norm(qname), rcode: answers.length ? 'NOERROR' : 'NXDOMAIN', answers };
        let seenType = false;
        const found: DnsRecord[] = [];
        let cname: string | null = null;
        for (const e of entries) {
          if (e === 'SERVFAIL') return { ...base, name: norm(qname), rcode: 'SERVFAIL', answers: [] };
          if (e === 'TIMEOUT') {
            // pyspf's driver: a query times out unless a record of its type came first
            if (!seenType)
              return { ...base, name: norm(qname), rcode: 'TIMEOUT', answers: [], failure: 'TIMEOUT', error: 'zone data: TIMEOUT' };
            break;
          }
          if (e.type === type) {
            seenType = true;
            found.push(toRecord(name, e));
          } else if (e.type === 'CNAME' && type !== 'CNAME') cname = norm(String(e.data));
        }
        if (found.length || !cname) return { ...base, name: norm(qname), rcode: 'NOERROR', answers: [...answers, ...found] };
        answers.push({ name, type: 'CNAME', ttl: 300, data: cname });
        name = cname;
      }
      // RFC 1034 §3.6.2: a CNAME loop is an error
      return { ...base, name: norm(qname), rcode: 'SERVFAIL', answers: [] };
    },
  };
}
