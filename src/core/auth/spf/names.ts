// Names in SPF evaluation: which domains check_host() can work with (RFC 7208
// §4.3), how an expanded domain-spec becomes a query name (§4.8, §7.3), and
// the identity evaluation starts from (§2.3, §4.3).

import { toDnsName } from '../../dns/names';

/**
 * An identity's domain as SPF evaluates it: in A-label form (an SMTPUTF8
 * sender "jörg@bücher.example" is evaluated for xn--bcher-kva.example, the
 * name its record is published at, RFC 8616 §4), else as given (not a valid
 * name: check_host() then returns "none", §4.3).
 */
function identityDomain(d: string): string {
  return toDnsName(d) ?? d;
}

/** §4.3: a domain check_host() can work with: labels of 1..63 octets, 2 labels at least. */
export function isCheckableDomain(d: string): boolean {
  const n = d.replace(/\.$/, '');
  if (!n || n.length > 253 || /[\s[\]]/.test(n)) return false;
  const labels = n.split('.');
  return labels.length >= 2 && labels.every((l) => l.length >= 1 && l.length <= 63);
}

/**
 * §4.8 / §7.3: an expanded domain-spec as a query name: trailing dot off, the
 * left labels dropped until it fits 253 octets. Null when it cannot be a DNS
 * name (an empty or over-long label): the term then simply does not match.
 */
export function queryName(expanded: string): string | null {
  let n = expanded.replace(/\.$/, '');
  // one pass (slicing label by label is quadratic on a long name of many labels)
  let start = 0;
  while (n.length - start > 253) {
    const dot = n.indexOf('.', start);
    if (dot < 0) break;
    start = dot + 1;
  }
  n = n.slice(start);
  const labels = n.split('.');
  if (!n || labels.some((l) => l.length < 1 || l.length > 63)) return null;
  return n;
}

/** The domain, sender and local part check_host() starts from (§2.3, §4.3). */
export function spfIdentity(mailFrom: string | null, helo: string | null): { domain: string; sender: string; local: string } | null {
  const addr = (mailFrom ?? '').trim().replace(/^<|>$/g, '');
  if (addr) {
    const at = addr.lastIndexOf('@');
    const domain = identityDomain(at >= 0 ? addr.slice(at + 1) : addr);
    // §4.3: no local part → "postmaster"
    const local = at > 0 ? addr.slice(0, at) : 'postmaster';
    return { domain, sender: `${local}@${domain}`, local };
  }
  if (helo) {
    const domain = identityDomain(helo);
    return { domain, sender: `postmaster@${domain}`, local: 'postmaster' };
  }
  return null;
}
