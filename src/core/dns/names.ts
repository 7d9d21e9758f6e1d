// Names and addresses: IP parsing, reverse-lookup names, host name syntax.
// Hand-written because these are a few lines each and must run unchanged in
// Node, the worker and the page; no library would make them clearer.

/** Dotted-quad IPv4, each octet 0-255, no leading zeros beyond "0". */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** Parse an IPv6 address (RFC 4291 §2.2, including an embedded IPv4 tail) to 8 groups. */
export function parseIPv6(s: string): number[] | null {
  let text = s.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return null;
  // an IPv4 tail (::ffff:192.0.2.1) becomes two hex groups
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    if (!isIPv4(last)) return null;
    const o = last.split('.').map(Number);
    text = text.slice(0, lastColon + 1) + ((o[0] << 8) | o[1]).toString(16) + ':' + ((o[2] << 8) | o[3]).toString(16);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = toGroups(halves[0]);
  const rest = halves.length === 2 ? toGroups(halves[1]) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  let groups: string[];
  if (halves.length === 2) {
    const fill = 8 - head.length - rest.length;
    if (fill < 1) return null;
    groups = [...head, ...Array<string>(fill).fill('0'), ...rest];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return null;
  return groups.map((g) => parseInt(g, 16));
}

export function isIPv6(s: string): boolean {
  return parseIPv6(s) !== null;
}

export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** The canonical (RFC 5952) text of an IPv6 address. */
export function formatIPv6(groups: number[]): string {
  // find the longest run of zero groups (length ≥ 2) to compress
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

/** Normalise an address: strip brackets and an IPv6 "IPv6:" literal tag, canonicalise v6. */
export function normalizeIP(s: string): string | null {
  let t = s
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/^ipv6:/i, '');
  if (isIPv4(t)) return t;
  const g = parseIPv6(t);
  if (!g) return null;
  // IPv4-mapped (::ffff:a.b.c.d) is the IPv4 address for every check we make
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255].join('.');
  }
  t = formatIPv6(g);
  return t;
}

/**
 * The reverse-lookup name of an IP: RFC 1035 §3.5 (in-addr.arpa) and
 * RFC 3596 §2.5 (ip6.arpa, one nibble per label, lowest first).
 */
export function reverseName(ip: string): string | null {
  if (isIPv4(ip)) return ip.split('.').reverse().join('.') + '.in-addr.arpa';
  const g = parseIPv6(ip);
  if (!g) return null;
  const nibbles = g
    .map((x) => x.toString(16).padStart(4, '0'))
    .join('')
    .split('');
  return nibbles.reverse().join('.') + '.ip6.arpa';
}

/**
 * The DNSBL query name of an IP under a zone (RFC 5782 §2.1 for IPv4,
 * §2.4 nibbles for IPv6).
 */
export function dnsblName(ip: string, zone: string): string | null {
  const rev = reverseName(ip);
  if (!rev) return null;
  return rev.replace(/\.(in-addr|ip6)\.arpa$/, '') + '.' + zone;
}

/** Private, loopback, link-local, CGNAT, documentation… : not judged by the Internet. */
export function isNonPublicIP(ip: string): boolean {
  if (isIPv4(ip)) {
    const [a, b] = ip.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127) || // RFC 6598 shared address space
      a >= 224
    );
  }
  const g = parseIPv6(ip);
  if (!g) return false;
  const first = g[0];
  return (
    g.every((x, i) => (i < 7 ? x === 0 : x <= 1)) || // :: and ::1
    (first & 0xfe00) === 0xfc00 || // ULA fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local
    (first & 0xff00) === 0xff00 // multicast
  );
}

/** A syntactically valid host name (RFC 1123 §2.1 labels), not checked in DNS. */
export function isHostname(name: string): boolean {
  const n = name.replace(/\.$/, '');
  if (n.length === 0 || n.length > 253) return false;
  return n.split('.').every((l) => /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i.test(l));
}

/** A fully qualified domain name: valid, with at least two labels and a non-numeric TLD. */
export function isFQDN(name: string): boolean {
  const n = name.replace(/\.$/, '');
  if (!isHostname(n)) return false;
  const labels = n.split('.');
  return labels.length >= 2 && !/^\d+$/.test(labels[labels.length - 1]);
}

export function normalizeName(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

/**
 * The domain part of an address as written, for showing and counting what a
 * log or a header names ("a@Example.org>;" → "example.org"; no "@": the whole
 * text). Not checked: `domainOf` gives a name fit to look up, or null.
 */
export function domainPart(address: string): string {
  const at = address.lastIndexOf('@');
  return (at >= 0 ? address.slice(at + 1) : address).replace(/^[<\s]+|(?<![>;,\s])[>;,\s]+$/g, '').toLowerCase();
}

/** Longest name and label on the wire (RFC 1035 §2.3.4), in presentation form. */
const MAX_NAME = 253;
const MAX_LABEL = 63;

/**
 * A name as it is asked in DNS: lowercase, no root dot, and in A-label form
 * (RFC 5890 §2.3.2.1): "Bücher.Example" → "xn--bcher-kva.example". Null when
 * it cannot be a DNS name (so nothing is sent).
 *
 * The Unicode → A-label mapping is UTS #46 as the WHATWG URL Standard's
 * "domain to ASCII" does it (nontransitional: ß and ς stay distinct, as IDNA2008
 * registries and current browsers have them), through the host's own URL
 * parser: present alike in browsers, workers and Node, always current, and no
 * mapping tables in our bundle (a UTS #46 library ships ~100 KB of them).
 * Only names with non-ASCII characters go through it, and only when every
 * ASCII character in them is a letter, digit, hyphen, underscore or dot, so
 * that URL syntax ("%41", ":", "/") can never change the name.
 */
export function toDnsName(name: string): string | null {
  const n = normalizeName(name);
  let ascii = n;
  if (/[^\x00-\x7f]/.test(n)) {
    // ASCII outside the host-name set, or a character the URL parser would read as syntax
    if (/[\x00-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]/.test(n)) return null;
    try {
      ascii = new URL(`http://${n}/`).hostname;
    } catch {
      return null;
    }
    if (!ascii || /[^\x21-\x7e]/.test(ascii)) return null;
    ascii = ascii.replace(/\.$/, '');
  }
  // any octet may sit in a DNS label (RFC 2181 §11: an SPF macro can put a space there), so ASCII
  // names are only held to the lengths
  if (!ascii || ascii.length > MAX_NAME) return null;
  if (ascii.split('.').some((l) => l.length === 0 || l.length > MAX_LABEL)) return null;
  return ascii;
}

/**
 * The domain of an address "local@domain" (angle brackets allowed), as DNS
 * knows it: an internationalised domain ("jörg@bücher.example", RFC 6531)
 * comes back in A-label form (xn--bcher-kva.example), so that every check and
 * every comparison (DMARC alignment with a DKIM d=, which is always an A-label,
 * RFC 6376 §3.5) uses the one form.
 */
export function domainOf(address: string): string | null {
  const a = address.trim().replace(/^<|>$/g, '');
  const at = a.lastIndexOf('@');
  if (at < 0) return null;
  const d = toDnsName(a.slice(at + 1));
  return d !== null && isHostname(d) ? d : null;
}
