// The fixes SPF steps propose: the record with the sending IP added, and how
// to bring a tree back under the 10 lookups of RFC 7208 §4.6.4.

import type { SpfCheck } from '../checks/spf';
import { heaviestIncludes } from '../auth/spf/audit';
import { parseSpfRecord } from '../auth/spf/parse';

/** The record with `term` added before its final all (or redirect), as it should be published. */
export function recordWithTerm(record: string, term: string): string {
  const parts = record.trim().split(/ +/);
  const at = parts.findIndex((p, i) => i > 0 && (/^[+\-~?]?all$/i.test(p) || /^redirect=/i.test(p)));
  if (at < 0) return [...parts, term, '~all'].join(' ');
  return [...parts.slice(0, at), term, ...parts.slice(at)].join(' ');
}

/**
 * The record a syntax error most likely meant, when the error is a slip of
 * typing rather than of meaning: terms separated by commas or semicolons
 * ("include:a.example, include:b.example ~all", a DNS panel's list habit),
 * a space after a mechanism's colon ("ip4: 192.0.2.1"), stray quote marks
 * left from a zone file. Null when that is not it (the repaired record must
 * parse, and a macro's own delimiters, RFC 7208 §7.1, are never touched).
 */
export function repairedRecord(record: string): string | null {
  if (record.includes('%{')) return null;
  const words = record
    .replace(/"/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const joined: string[] = [];
  for (const w of words) {
    const prev = joined[joined.length - 1];
    if (prev && /^[+\-~?]?(?:include|a|mx|ptr|ip4|ip6|exists):$|^(?:redirect|exp)=$/i.test(prev)) joined[joined.length - 1] = prev + w;
    else joined.push(w);
  }
  const repaired = joined.join(' ');
  if (repaired === record.trim() || !/^v=spf1(?: |$)/i.test(repaired) || parseSpfRecord(repaired).error) return null;
  return repaired;
}

export function ipTerm(ip: string): string {
  return ip.includes(':') ? `ip6:${ip}` : `ip4:${ip}`;
}

/** How to bring the tree back under 10 lookups, naming the terms that cost most. */
export function lookupFixes(c: SpfCheck): string[] {
  const heavy = heaviestIncludes(c.audit);
  const fixes = [
    `Bring the tree of ${c.domain} to 10 lookups or fewer (now ${c.audit.totalLookups}). What each include costs: ${heavy.map((h) => `${h.term} = ${h.cost}`).join(', ') || 'no includes'}.`,
    'Remove include: terms of services that no longer send for the domain.',
  ];
  const parsed = c.audit.tree.record ? parseSpfRecord(c.audit.tree.record) : null;
  const own = parsed?.mechanisms.filter((m) => m.name === 'a' || m.name === 'mx' || m.name === 'ptr') ?? [];
  if (own.length)
    fixes.push(
      `Replace ${own.map((m) => `"${m.text}"`).join(', ')} by the ip4:/ip6: addresses they stand for (each saves one lookup; "ptr" should go in any case).`,
    );
  if (heavy[0] && heavy[0].cost > 2)
    fixes.push(
      `Move a service with its own envelope domain to a subdomain (e.g. bounces.${c.domain} with its own SPF record for ${heavy[0].domain}), or replace ${heavy[0].term} by the ip4:/ip6: ranges it lists today — but then follow its changes.`,
    );
  return fixes;
}
