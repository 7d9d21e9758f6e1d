// The HELO/EHLO name (RFC 5321 §4.1.1.1): a fully qualified domain name, or an
// address literal for a host without one. Receivers such as Postfix
// (reject_invalid_helo_hostname, reject_non_fqdn_helo_hostname,
// reject_unknown_helo_hostname) refuse names that are not FQDNs or do not resolve.

import type { Lookup } from '../dns/lookup';
import { isFQDN, isIP, normalizeIP, toDnsName } from '../dns/names';
import { outcome, recordsOf, type DnsResponse } from '../dns/resolver';

export interface HeloCheck {
  name: string;
  /** The name is an address literal [1.2.3.4] / [IPv6:…]. */
  literal: string | null;
  fqdn: boolean;
  /** Whether the name resolves (A or AAAA), when it is an FQDN. */
  resolves: 'yes' | 'no' | 'error' | 'not-checked';
  addresses: string[];
  /** The name (or literal) points at the sending IP. */
  matchesIp: boolean | null;
  responses: DnsResponse[];
}

export async function checkHelo(name: string, givenIp: string | null, dns: Lookup): Promise<HeloCheck> {
  const ip = givenIp ? (normalizeIP(givenIp) ?? givenIp) : null;
  const trimmed = name.trim();
  const lit = /^\[(?:IPv6:)?([^\]]+)\]$/i.exec(trimmed);
  const literal = lit && isIP(lit[1]) ? normalizeIP(lit[1]) : null;
  const base: HeloCheck = {
    name: trimmed,
    literal,
    // a name in Unicode (an SMTPUTF8 client's EHLO, RFC 6531 §3.7.1) is judged and resolved as its A-label
    fqdn: !literal && isFQDN(toDnsName(trimmed) ?? trimmed),
    resolves: 'not-checked',
    addresses: [],
    matchesIp: null,
    responses: [],
  };
  if (literal) return { ...base, matchesIp: ip ? literal === ip : null };
  if (!base.fqdn) return base;
  const [a, aaaa] = await Promise.all([dns.query(trimmed, 'A'), dns.query(trimmed, 'AAAA')]);
  const outs = [outcome(a), outcome(aaaa)];
  const addresses = [...recordsOf(a), ...recordsOf(aaaa)].map((r) => normalizeIP(r.data) ?? r.data);
  const resolves = outs.includes('answer') ? 'yes' : outs.includes('error') ? 'error' : 'no';
  return { ...base, resolves, addresses, matchesIp: ip && resolves === 'yes' ? addresses.includes(ip) : null, responses: [a, aaaa] };
}
