// An IP as the parsers normalise it (dns/names.ts normalizeIP), without the
// work for the common case: a dotted quad that normalizeIP gives back as it
// is (each part 0-255, no leading zero). A busy log names an IP on most lines.

import { normalizeIP } from '../../dns/names';
import { own } from '../memo';

/** A plain dotted quad (each part 0-255, no leading zero) as a 32-bit signed number, else null. */
export function ipv4Number(s: string): number | null {
  let parts = 0;
  let v = 0;
  let digits = 0;
  let n = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (!digits || v > 255 || ++parts > 4) return null;
      n = (n << 8) | v;
      v = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits && v === 0) return null;
      v = v * 10 + (c - 48);
      if (++digits > 3) return null;
    } else return null;
  }
  return parts === 4 ? n : null;
}

/** The dotted quad of ipv4Number's number (the same text: a plain quad has one spelling). */
export function ipv4Text(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function plainIPv4(s: string): boolean {
  return ipv4Number(s) !== null;
}

/** normalizeIP's answers for the other addresses (IPv6 mostly), remembered: it builds arrays for each. */
const normalised = new Map<string, string>();

/** normalizeIP(s) ?? s, as the parsers record a client's or a relay's address. */
export function ipOf(s: string): string {
  if (plainIPv4(s)) return s;
  let v = normalised.get(s);
  if (v === undefined) {
    v = normalizeIP(s) ?? s;
    if (normalised.size >= 4096) normalised.clear();
    normalised.set(own(s), v === s ? own(s) : v);
  }
  return v;
}
