// Identifier alignment (RFC 7489 §3.1): relaxed = the same organizational
// domain, strict = the same name. The organizational domain comes from the
// Public Suffix List through tldts (RFC 7489 §3.2), never a hand-written list.

import { getDomain } from 'tldts';
import type { AlignmentMode } from './record';

/** Lowercase, without the stray dots at either end that some headers carry. */
export function cleanDomain(d: string): string {
  return d
    .trim()
    .toLowerCase()
    .replace(/^\.+|(?<!\.)\.+$/g, '');
}

/** §3.2: the registered domain (one label under the public suffix); the name itself when there is none. */
export function organizationalDomain(domain: string): string {
  const d = cleanDomain(domain);
  // a name with empty labels is not a domain; it aligns with nothing but itself
  if (d.split('.').some((l) => l === '')) return d;
  return getDomain(d, { allowPrivateDomains: true }) ?? d;
}

export function aligned(a: string, b: string, mode: AlignmentMode): boolean {
  const x = cleanDomain(a);
  const y = cleanDomain(b);
  if (!x || !y) return false;
  if (mode === 'strict') return x === y && !x.split('.').some((l) => l === '');
  return organizationalDomain(x) === organizationalDomain(y);
}
