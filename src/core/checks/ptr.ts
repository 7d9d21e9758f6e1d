// Reverse DNS of the sending IP: the PTR records (RFC 1035 §3.5, RFC 3596
// §2.5) and forward confirmation (FCrDNS): a PTR name counts only if its
// A/AAAA records lead back to the IP, which is what receivers check
// (RFC 8601 §3 "iprev", RFC 5451 §3).

import type { Lookup } from '../dns/lookup';
import { isIPv4, isNonPublicIP, normalizeIP, reverseName } from '../dns/names';
import { outcome, recordsOf, type DnsResponse } from '../dns/resolver';

export interface ForwardCheck {
  name: string;
  /** match: the name resolves to the IP; nomatch: it resolves elsewhere or not at all. */
  outcome: 'match' | 'nomatch' | 'error';
  addresses: string[];
  response: DnsResponse;
}

export interface PtrCheck {
  ip: string;
  reverse: string;
  outcome: 'found' | 'none' | 'error';
  names: string[];
  response: DnsResponse;
  forward: ForwardCheck[];
  /**
   * Without a PTR: names of the sender's own (its HELO name, its domain's MX
   * hosts) that already resolve to the IP — the name the PTR should give, so
   * that it is forward-confirmed at once (M3AAWG: the PTR names the server).
   */
  confirmedNames: string[];
}

/** At most this many candidate names are resolved when the PTR is missing. */
const MAX_CANDIDATES = 4;

/** RFC 7208 §4.6.4 and common receiver practice: look at no more than 10 PTR names. */
const MAX_PTR_NAMES = 10;

export async function checkPtr(
  given: string,
  dns: Lookup,
  candidates: { helo?: string | null; domain?: string | null } = {},
): Promise<PtrCheck | null> {
  // "::ffff:192.0.2.1" (a dual-stack server's log) is the IPv4 address: its PTR is in in-addr.arpa
  const ip = normalizeIP(given) ?? given;
  // a private or loopback client (a LAN host submitting to its own server) has no
  // public reverse DNS to check; rules/ptr.ts says so instead
  if (isNonPublicIP(ip)) return null;
  const reverse = reverseName(ip);
  if (!reverse) return null;
  const response = await dns.query(reverse, 'PTR');
  const o = outcome(response);
  const names = recordsOf(response).map((r) => r.data.replace(/\.$/, ''));
  const result: PtrCheck = {
    ip,
    reverse,
    outcome: o === 'answer' ? 'found' : o === 'error' ? 'error' : 'none',
    names,
    response,
    forward: [],
    confirmedNames: [],
  };
  const type = isIPv4(ip) ? 'A' : 'AAAA';
  if (result.outcome === 'none') {
    result.confirmedNames = await namesResolvingTo(ip, type, candidates, dns);
    return result;
  }
  if (result.outcome !== 'found') return result;
  result.forward = await Promise.all(
    names.slice(0, MAX_PTR_NAMES).map(async (name): Promise<ForwardCheck> => {
      const r = await dns.query(name, type);
      const fo = outcome(r);
      const addresses = recordsOf(r).map((a) => normalizeIP(a.data) ?? a.data);
      if (fo === 'error') return { name, outcome: 'error', addresses, response: r };
      return { name, outcome: addresses.includes(normalizeIP(ip) ?? ip) ? 'match' : 'nomatch', addresses, response: r };
    }),
  );
  return result;
}

async function namesResolvingTo(
  ip: string,
  type: 'A' | 'AAAA',
  c: { helo?: string | null; domain?: string | null },
  dns: Lookup,
): Promise<string[]> {
  const names: string[] = [];
  const add = (n: string | null | undefined) => {
    const x = n?.toLowerCase().replace(/\.$/, '');
    if (x && x.includes('.') && !normalizeIP(x) && !names.includes(x)) names.push(x);
  };
  add(c.helo);
  if (c.domain) {
    // the same MX question the sender-domain check asks (Lookup answers it once)
    const mx = await dns.query(c.domain, 'MX');
    for (const r of recordsOf(mx).sort((a, b) => (a.preference ?? 0) - (b.preference ?? 0))) add(r.exchange ?? r.data.split(' ').pop());
    add(`mail.${c.domain}`);
  }
  const found = await Promise.all(
    names.slice(0, MAX_CANDIDATES).map(async (name) => {
      const r = await dns.query(name, type);
      return recordsOf(r).some((a) => (normalizeIP(a.data) ?? a.data) === ip) ? name : null;
    }),
  );
  return found.filter((n): n is string => !!n);
}
