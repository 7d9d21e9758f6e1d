// An IP as the parsers normalise it (dns/names.ts normalizeIP), without the
// work for the common case: a dotted quad that normalizeIP gives back as it
// is (each part 0-255, no leading zero). A busy log names an IP on most lines.

import { normalizeIP } from '../../dns/names';

export function plainIPv4(s: string): boolean {
  let parts = 0;
  let v = 0;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (!digits || v > 255 || ++parts > 4) return false;
      v = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits && v === 0) return false;
      v = v * 10 + (c - 48);
      if (++digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

/** normalizeIP(s) ?? s, as the parsers record a client's or a relay's address. */
export function ipOf(s: string): string {
  return plainIPv4(s) ? s : (normalizeIP(s) ?? s);
}
