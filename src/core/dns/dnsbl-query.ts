// Asking one DNS blocklist about one IP or domain, and reading its answer
// honestly (RFC 5782):
// - the list is trusted only if it passes its test points (§5): 127.0.0.2
//   (IPv6 ::ffff:7f00:2, domains TEST) listed, 127.0.0.1 (::ffff:7f00:1,
//   INVALID) not. A dead list whose domain was taken over answers "listed"
//   for everything and fails the second test; a list that refuses our
//   resolver fails the first. The probes go out at the same time as the
//   questions they vouch for, never before them (askDnsbl).
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
  /** Asked only when the list said "listed" (see askDnsbl). */
  notListed: DnsResponse | null;
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

/** An answer that lists the subject: listing codes, and no error code among them. */
function isListing(entry: DnsblEntry | null, r: DnsResponse): boolean {
  if (outcome(r) !== 'answer') return false;
  const codes = recordsOf(r).map((a) => a.data);
  return !errorOf(entry, codes) && listingCodes(entry, codes).length > 0;
}

/** The always-listed test point: a list that does not list it is dead or refuses us. */
function judgeListedProbe(entry: DnsblEntry | null, listed: DnsResponse): string | null {
  if (outcome(listed) === 'error') return `its test point ${listed.name} could not be asked (${listed.failure ?? listed.rcode})`;
  const codes = recordsOf(listed).map((a) => a.data);
  const err = errorOf(entry, codes);
  if (err) return `it answered its test point with ${err}`;
  if (!listingCodes(entry, codes).length) {
    return `it did not list its always-listed test point ${listed.name} (${codes.length ? codes.join(', ') : outcome(listed).toUpperCase()}): the list is dead, or refuses this resolver`;
  }
  return null;
}

/** The never-listed test point: a list that lists it answers "listed" for everything. */
function judgeNotListedProbe(entry: DnsblEntry | null, notListed: DnsResponse): string | null {
  if (outcome(notListed) === 'error')
    return `its test point ${notListed.name} could not be asked (${notListed.failure ?? notListed.rcode})`;
  const codes = listingCodes(
    entry,
    recordsOf(notListed).map((a) => a.data),
  );
  if (codes.length) {
    return `it lists ${notListed.name}, which must never be listed (${codes.join(', ')}): it answers "listed" for everything (a dead list or a wildcard)`;
  }
  return null;
}

/**
 * Stage 1, at once: the question and the always-listed test point. A "not
 * listed" answer is trusted when the list lists 127.0.0.2 (a dead or refusing
 * list fails that). Stage 2, only for a "listed" answer, as soon as that
 * answer is in: the list's TXT and the never-listed test point (a wildcard
 * that lists everything fails that). Stage 2 sits beside the TXT that a
 * listing needs anyway, so the probes never lengthen the chain of dependent
 * questions.
 */
export async function askDnsbl(
  dns: Lookup,
  entry: DnsblEntry | null,
  zone: string,
  subject: string,
  kind: 'ipv4' | 'ipv6' | 'domain',
): Promise<DnsblAnswer> {
  const tp = testPoints(kind);
  const name = queryName(subject, kind, zone) as string;
  const asked = dns.query(name, 'A');
  const probed = dns.query(queryName(tp.listed, kind, zone) as string, 'A');
  // stage 2 starts as soon as the question's own answer is a listing, without waiting for the
  // stage-1 probe: a listing needs its TXT and the wildcard check whatever the probe says
  const stage2 = asked.then((r) =>
    isListing(entry, r) ? Promise.all([dns.query(name, 'TXT'), dns.query(queryName(tp.notListed, kind, zone) as string, 'A')]) : null,
  );
  const [response, listed] = await Promise.all([asked, probed]);
  const listedProblem = judgeListedProbe(entry, listed);
  const base = { codes: [] as string[], meanings: [] as DnsblCode[], txt: null, response };
  const probe1: DnsblProbe = { ok: !listedProblem, listed, notListed: null, ...(listedProblem ? { problem: listedProblem } : {}) };
  if (outcome(response) === 'error') {
    return {
      ...base,
      probe: probe1,
      verdict: 'inconclusive',
      reason: `the question could not be answered (${response.failure ?? response.rcode})`,
    };
  }
  const codes = recordsOf(response).map((a) => a.data);
  const err = errorOf(entry, codes);
  if (err) return { ...base, probe: probe1, codes, verdict: 'inconclusive', reason: `the list answered ${err}` };
  if (listedProblem)
    return { ...base, probe: probe1, codes, verdict: 'inconclusive', reason: `the list failed its RFC 5782 test points: ${listedProblem}` };
  const listing = listingCodes(entry, codes);
  if (!listing.length) return { ...base, probe: probe1, codes, verdict: 'clean' };
  // the list's own words (RFC 5782 §2.1: a TXT record may explain the listing), and the wildcard check
  const [txtResponse, notListed] = (await stage2)!;
  const notListedProblem = judgeNotListedProbe(entry, notListed);
  const probe: DnsblProbe = { ok: !notListedProblem, listed, notListed, ...(notListedProblem ? { problem: notListedProblem } : {}) };
  if (notListedProblem) {
    return { ...base, probe, codes, verdict: 'inconclusive', reason: `the list failed its RFC 5782 test points: ${notListedProblem}` };
  }
  const txt = recordsOf(txtResponse)
    .map((r) => r.data)
    .join(' ')
    .trim();
  return { ...base, probe, codes: listing, meanings: meaningsOf(entry, listing), txt: txt || null, verdict: 'listed', txtResponse };
}
