// Asking one DNS blocklist about one IP or domain, and reading its answer
// honestly (RFC 5782):
// - the list is trusted only if it passes its test points (§5): 127.0.0.2
//   (IPv6 ::ffff:7f00:2, domains TEST) listed, 127.0.0.1 (::ffff:7f00:1,
//   INVALID) not. A dead list whose domain was taken over answers "listed"
//   for everything and fails the second test; a list that refuses our
//   resolver fails the first. The probes go out at the same time as the
//   real question, not before it.
// - answers that are error codes (Spamhaus 127.255.255.x, URIBL 127.0.0.1)
//   or outside 127.0.0.0/8 (§2.1) are not listings;
// - a list that could not be asked, or failed its probes, is `inconclusive`:
//   never listed, never clean.

import type { DnsblCode, DnsblEntry } from '../knowledge/dnsbl-registry';
import type { Lookup } from './lookup';
import { dnsblName } from './names';
import { outcome, recordsOf, type DnsResponse } from './resolver';

export type DnsblVerdict = 'listed' | 'clean' | 'inconclusive';

export interface DnsblProbe {
  ok: boolean;
  /** Why the list failed its test points. */
  problem?: string;
  listed: DnsResponse;
  notListed: DnsResponse;
}

export interface DnsblAnswer {
  verdict: DnsblVerdict;
  /** Listing codes returned (A records). */
  codes: string[];
  /** What those codes mean, from the registry. */
  meanings: DnsblCode[];
  /** The list's own TXT explanation, when listed. */
  txt: string | null;
  /** Why the verdict is inconclusive. */
  reason?: string;
  response: DnsResponse;
  txtResponse?: DnsResponse;
  probe: DnsblProbe;
}

/** RFC 5782 §5 test points, per kind of subject. */
export function testPoints(kind: 'ipv4' | 'ipv6' | 'domain'): { listed: string; notListed: string } {
  if (kind === 'ipv4') return { listed: '127.0.0.2', notListed: '127.0.0.1' };
  if (kind === 'ipv6') return { listed: '::ffff:7f00:2', notListed: '::ffff:7f00:1' };
  return { listed: 'test', notListed: 'invalid' };
}

/** The question for a subject under a zone: reversed IP or the domain itself. */
export function queryName(subject: string, kind: 'ipv4' | 'ipv6' | 'domain', zone: string): string | null {
  if (kind === 'domain') return `${subject}.${zone}`;
  return dnsblName(subject, zone);
}

function inLoopback(a: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** Codes (A records) of a response that are errors for this list. */
function errorOf(entry: DnsblEntry | null, codes: string[]): string | null {
  for (const c of codes) {
    const e = entry?.errorCodes?.[c];
    if (e) return `${c}: ${e}`;
    if (!inLoopback(c))
      return `${c} is outside 127.0.0.0/8, so it is not a DNSBL answer (RFC 5782 §2.1): the zone may have been taken over`;
  }
  return null;
}

/** Listing codes: drop "known, not listed" codes (a whitelist inside a combined zone). */
function listingCodes(entry: DnsblEntry | null, codes: string[]): string[] {
  return codes.filter((c) => !entry?.notListingCodes?.includes(c));
}

/** The meaning of each code: exact codes, else the bits of a bitmask list. */
export function meaningsOf(entry: DnsblEntry | null, codes: string[]): DnsblCode[] {
  const out: DnsblCode[] = [];
  for (const c of codes) {
    const exact = entry?.codes?.[c];
    if (exact) {
      out.push(exact);
      continue;
    }
    if (entry?.bits) {
      const last = Number(c.split('.')[3]);
      const bits = Object.entries(entry.bits).filter(([b]) => (last & Number(b)) !== 0);
      if (bits.length) {
        out.push(...bits.map(([, v]) => v));
        continue;
      }
    }
    out.push({ meaning: `${entry?.meaning ?? 'listed'} (code ${c})`, cause: entry?.cause });
  }
  return out;
}

function judgeProbe(entry: DnsblEntry | null, listed: DnsResponse, notListed: DnsResponse): DnsblProbe {
  const base = { listed, notListed };
  for (const r of [listed, notListed]) {
    if (outcome(r) === 'error')
      return { ...base, ok: false, problem: `its test point ${r.name} could not be asked (${r.failure ?? r.rcode})` };
  }
  const listedCodes = recordsOf(listed).map((a) => a.data);
  const err = errorOf(entry, listedCodes);
  if (err) return { ...base, ok: false, problem: `it answered its test point with ${err}` };
  if (!listingCodes(entry, listedCodes).length) {
    return {
      ...base,
      ok: false,
      problem: `it did not list its always-listed test point ${listed.name} (${listedCodes.length ? listedCodes.join(', ') : outcome(listed).toUpperCase()}): the list is dead, or refuses this resolver`,
    };
  }
  const notCodes = listingCodes(
    entry,
    recordsOf(notListed).map((a) => a.data),
  );
  if (notCodes.length) {
    return {
      ...base,
      ok: false,
      problem: `it lists ${notListed.name}, which must never be listed (${notCodes.join(', ')}): it answers "listed" for everything (a dead list or a wildcard)`,
    };
  }
  return { ...base, ok: true };
}

export async function askDnsbl(
  dns: Lookup,
  entry: DnsblEntry | null,
  zone: string,
  subject: string,
  kind: 'ipv4' | 'ipv6' | 'domain',
): Promise<DnsblAnswer> {
  const tp = testPoints(kind);
  const name = queryName(subject, kind, zone) as string;
  // all three at once: the probes must not delay the real question
  const [response, listed, notListed] = await Promise.all([
    dns.query(name, 'A'),
    dns.query(queryName(tp.listed, kind, zone) as string, 'A'),
    dns.query(queryName(tp.notListed, kind, zone) as string, 'A'),
  ]);
  const probe = judgeProbe(entry, listed, notListed);
  const base = { codes: [] as string[], meanings: [] as DnsblCode[], txt: null, response, probe };
  const o = outcome(response);
  if (o === 'error') {
    return { ...base, verdict: 'inconclusive', reason: `the question could not be answered (${response.failure ?? response.rcode})` };
  }
  const codes = recordsOf(response).map((a) => a.data);
  const err = errorOf(entry, codes);
  if (err) return { ...base, codes, verdict: 'inconclusive', reason: `the list answered ${err}` };
  if (!probe.ok) return { ...base, codes, verdict: 'inconclusive', reason: `the list failed its RFC 5782 test points: ${probe.problem}` };
  const listing = listingCodes(entry, codes);
  if (!listing.length) return { ...base, codes, verdict: 'clean' };
  // the list's own words (RFC 5782 §2.1: a TXT record may explain the listing)
  const txtResponse = await dns.query(name, 'TXT');
  const txt = recordsOf(txtResponse)
    .map((r) => r.data)
    .join(' ')
    .trim();
  return { ...base, codes: listing, meanings: meaningsOf(entry, listing), txt: txt || null, verdict: 'listed', txtResponse };
}
