// The sender domain's other mail records, for information: MX (RFC 5321 §5;
// RFC 7505 null MX), MTA-STS (RFC 8461: a TXT at _mta-sts plus a policy file
// over HTTPS, which core cannot fetch), TLS-RPT (RFC 8460) and BIMI
// (draft-brand-indicators-for-message-identification, default._bimi). For a
// domain given alone, also each MX host's addresses: a host that does not
// resolve, an alias (CNAME) or an IP in place of a name.

import type { Lookup } from '../dns/lookup';
import type { DnsResponse } from '../dns/resolver';
import { cnameChain, outcome, recordsOf } from '../dns/resolver';
import { isIP, isNonPublicIP, normalizeIP } from '../dns/names';
import { checkPtr, type PtrCheck } from './ptr';

export interface DomainRecord {
  name: string;
  outcome: 'found' | 'none' | 'error';
  values: string[];
  response: DnsResponse;
  /** The name does not exist at all (NXDOMAIN), rather than having no such record. */
  nxdomain?: boolean;
}

/** One MX host of a domain given alone, resolved (RFC 5321 §5.1: its A/AAAA records are where mail goes). */
export interface MxHost {
  preference: number;
  /** The exchange as published (no trailing dot). */
  name: string;
  /** The exchange is an IP address written where a host name belongs. */
  literal: boolean;
  /** A and AAAA addresses, when the name resolves. */
  addresses: string[];
  /** CNAMEs followed from the exchange (RFC 2181 §10.3: it must not be an alias). */
  cname: string[];
  /** found: it has addresses; none: no A or AAAA; error: DNS failed for both. */
  outcome: 'found' | 'none' | 'error';
  responses: DnsResponse[];
  /**
   * The reverse DNS of its first public addresses (PTR and forward
   * confirmation): receivers judge it when the host also sends mail, as the
   * MX of a small domain usually does.
   */
  ptr: PtrCheck[];
}

export interface MxDomainCheck {
  domain: string;
  mx: DomainRecord;
  mtaSts: DomainRecord;
  tlsRpt: DomainRecord;
  bimi: DomainRecord;
  /** Only for a domain given alone: its MX hosts, in preference order (at most MAX_HOSTS). */
  hosts?: MxHost[];
}

/** MX hosts resolved for a domain given alone: enough for every real set-up's primary and backups. */
const MAX_HOSTS = 6;
/** Addresses of the MX hosts whose reverse DNS is looked up, in preference order. */
const MAX_PTR = 4;

async function txt(dns: Lookup, name: string, prefix: RegExp): Promise<DomainRecord> {
  const response = await dns.query(name, 'TXT');
  const o = outcome(response);
  const values = recordsOf(response)
    .map((r) => r.data)
    .filter((t) => prefix.test(t));
  return { name, outcome: o === 'error' ? 'error' : values.length ? 'found' : 'none', values, response };
}

/** "10 mx.example.org" → preference and exchange, whichever form the transport gave. */
function exchangeOf(r: { data: string; preference?: number; exchange?: string }): { preference: number; name: string } {
  const parts = r.data.trim().split(/\s+/);
  const name = (r.exchange ?? parts[parts.length - 1] ?? '').replace(/\.$/, '');
  return { preference: r.preference ?? (Number(parts[0]) || 0), name };
}

/** A null MX (RFC 7505 §3): one record, preference 0, exchange "." — the domain receives no mail. */
export function isNullMx(values: string[]): boolean {
  return values.length === 1 && /^0 \.?$/.test(values[0].trim());
}

async function resolveHost(dns: Lookup, preference: number, name: string): Promise<MxHost> {
  const literal = isIP(name.replace(/^\[|\]$/g, ''));
  if (literal)
    // RFC 5321 §5.1: the MX names a host; an address there is looked up as a name, and fails
    return { preference, name, literal, addresses: [], cname: [], outcome: 'none', responses: [], ptr: [] };
  const [a, aaaa] = await Promise.all([dns.query(name, 'A'), dns.query(name, 'AAAA')]);
  const outs = [outcome(a), outcome(aaaa)];
  const addresses = [...recordsOf(a), ...recordsOf(aaaa)].map((r) => normalizeIP(r.data) ?? r.data);
  return {
    preference,
    name,
    literal,
    addresses,
    cname: cnameChain(a).length ? cnameChain(a) : cnameChain(aaaa),
    outcome: addresses.length ? 'found' : outs.every((o) => o === 'error') ? 'error' : 'none',
    responses: [a, aaaa],
    ptr: [],
  };
}

/** The reverse DNS of the first public addresses of the hosts (after they are resolved). */
async function withReverseDns(hosts: MxHost[], dns: Lookup): Promise<MxHost[]> {
  const seen = new Set<string>();
  const picked = hosts.map((h) =>
    h.addresses.filter((a) => {
      if (isNonPublicIP(a) || seen.has(a) || seen.size >= MAX_PTR) return false;
      seen.add(a);
      return true;
    }),
  );
  return Promise.all(
    hosts.map(async (h, i) => ({
      ...h,
      ptr: (await Promise.all(picked[i].map((a) => checkPtr(a, dns)))).filter((p): p is PtrCheck => !!p),
    })),
  );
}

export async function checkMxDomain(domain: string, dns: Lookup, opts: { hosts?: boolean } = {}): Promise<MxDomainCheck> {
  const mxResponse = dns.query(domain, 'MX').then((response): DomainRecord => {
    const o = outcome(response);
    const values = recordsOf(response)
      .sort((a, b) => (a.preference ?? 0) - (b.preference ?? 0))
      .map((r) => r.data);
    return {
      name: domain,
      outcome: o === 'error' ? 'error' : values.length ? 'found' : 'none',
      values,
      response,
      ...(o === 'nxdomain' ? { nxdomain: true } : {}),
    };
  });
  const hosts = opts.hosts
    ? mxResponse.then((mx) =>
        mx.outcome !== 'found' || isNullMx(mx.values)
          ? []
          : Promise.all(
              recordsOf(mx.response)
                .map(exchangeOf)
                .sort((a, b) => a.preference - b.preference)
                .slice(0, MAX_HOSTS)
                .map((h) => resolveHost(dns, h.preference, h.name)),
            ).then((resolved) => withReverseDns(resolved, dns)),
      )
    : Promise.resolve(undefined);
  const [mx, mtaSts, tlsRpt, bimi, resolved] = await Promise.all([
    mxResponse,
    txt(dns, `_mta-sts.${domain}`, /^v=STSv1/i),
    txt(dns, `_smtp._tls.${domain}`, /^v=TLSRPTv1/i),
    txt(dns, `default._bimi.${domain}`, /^v=BIMI1/i),
    hosts,
  ]);
  return { domain, mx, mtaSts, tlsRpt, bimi, ...(resolved ? { hosts: resolved } : {}) };
}
