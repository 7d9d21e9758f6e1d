// A Resolver answering from an in-memory table, for unit tests of checks and
// rules (no HTTP). Names not in the table answer NXDOMAIN.

import type { DnsResponse, Resolver, RRType } from '../../src/core/dns/resolver';

export type Table = Record<string, string[] | 'SERVFAIL' | 'TIMEOUT'>;

/** Keys are "name TYPE", e.g. "135.72.78.80.in-addr.arpa PTR". */
export function tableResolver(table: Table): Resolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async resolve(name: string, type: RRType): Promise<DnsResponse> {
      const n = name.toLowerCase().replace(/\.$/, '');
      asked.push(`${n} ${type}`);
      const base = { name: n, type, ad: false, resolver: 'table', ms: 0 };
      const v = table[`${n} ${type}`];
      if (v === 'SERVFAIL') return { ...base, rcode: 'SERVFAIL', answers: [] };
      if (v === 'TIMEOUT') return { ...base, rcode: 'TIMEOUT', answers: [], failure: 'TIMEOUT', error: 'test timeout' };
      if (v) return { ...base, rcode: 'NOERROR', answers: v.map((data) => ({ name: n, type, ttl: 300, data })) };
      const nameExists = Object.keys(table).some((k) => k.startsWith(n + ' '));
      return { ...base, rcode: nameExists ? 'NOERROR' : 'NXDOMAIN', answers: [] };
    },
  };
}
