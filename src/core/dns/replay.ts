// A Resolver that answers from a recorded query log (a permalink's "DNS
// answers seen, with their time"), so a shared diagnosis shows what the
// sender saw. Questions not in the log are answered as not asked (OFFLINE:
// inconclusive), never invented.

import type { DnsLogEntry } from '../types';
import { offlineResponse, type DnsRecord, type DnsResponse, type Resolver, type RRType } from './resolver';

function toRecord(name: string, type: string, data: string): DnsRecord {
  if (type === 'MX') {
    const m = /^(\d+)\s+(\S+)$/.exec(data);
    if (m) return { name, type, ttl: 0, data, preference: Number(m[1]), exchange: m[2] };
  }
  return { name, type, ttl: 0, data };
}

export function replayResolver(log: DnsLogEntry[]): Resolver {
  const byKey = new Map(log.map((e) => [`${e.name.toLowerCase()}/${e.type}`, e]));
  return {
    async resolve(name: string, type: RRType): Promise<DnsResponse> {
      const e = byKey.get(`${name.toLowerCase()}/${type}`);
      if (!e) return offlineResponse(name, type, 'not in the shared answers');
      const failures = ['TIMEOUT', 'NETWORK', 'CORS', 'HTTP', 'MALFORMED', 'LIMIT'] as const;
      const failure = failures.find((f) => f === e.rcode);
      return {
        name,
        type,
        rcode: e.rcode,
        answers: e.answers.map((a) => toRecord(name, type, a)),
        ad: e.ad ?? false,
        resolver: e.resolver,
        ms: e.ms,
        ...(failure ? { failure, error: `recorded: ${failure.toLowerCase()}` } : {}),
      };
    },
  };
}
