// Redaction before sharing (DESIGN.md "Permalinks"): local parts of
// addresses, and the IPs and domains the user chooses, are replaced by
// consistent placeholders — the same original always gets the same stand-in,
// in the input, the findings and the DNS answers alike, so a shared diagnosis
// still reads right. Stand-ins come from the documentation ranges
// (RFC 5737 192.0.2.0/24, RFC 3849 2001:db8::/32, RFC 2606 .example).

import { isIPv4, normalizeIP, parseIPv6, formatIPv6 } from '../dns/names';

export interface RedactOptions {
  /** Replace the local part of every email address. */
  localParts: boolean;
  ips: string[];
  domains: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function ipv6Nibbles(ip: string): string {
  const g = parseIPv6(ip)!;
  return g
    .map((x) => x.toString(16).padStart(4, '0'))
    .join('')
    .split('')
    .reverse()
    .join('.');
}

/** Builds a redactor; apply it to every string that will be shared. */
export function makeRedactor(o: RedactOptions): (s: string) => string {
  const pairs: [RegExp, string][] = [];
  o.ips.forEach((raw, i) => {
    const ip = normalizeIP(raw);
    if (!ip) return;
    if (isIPv4(ip)) {
      const stand = `192.0.2.${(i % 254) + 1}`;
      const rev = (a: string) => a.split('.').reverse().join('.');
      pairs.push([new RegExp(`(?<![\\d.])${escape(ip)}(?![\\d])`, 'g'), stand]);
      // the reverse form, as in 135.72.78.80.in-addr.arpa and DNSBL query names
      pairs.push([new RegExp(`(?<![\\d.])${escape(rev(ip))}(?=\\.[a-z])`, 'gi'), rev(stand)]);
    } else {
      const stand = `2001:db8::${(i + 1).toString(16)}`;
      pairs.push([new RegExp(escape(ip), 'gi'), stand]);
      const full = formatIPv6(parseIPv6(ip)!);
      if (full !== ip) pairs.push([new RegExp(escape(full), 'gi'), stand]);
      pairs.push([new RegExp(escape(ipv6Nibbles(ip)), 'gi'), ipv6Nibbles(stand)]);
    }
  });
  o.domains
    .map((d) => d.trim().toLowerCase().replace(/\.$/, ''))
    .filter(Boolean)
    // longer first, so a subdomain given on its own is replaced before its parent
    .sort((a, b) => b.length - a.length)
    .forEach((d, i) => pairs.push([new RegExp(`(?<![a-z0-9-])${escape(d)}(?![a-z0-9-])`, 'gi'), `redacted-${i + 1}.example`]));
  const locals = new Map<string, string>();
  return (s: string) => {
    let out = s;
    for (const [re, to] of pairs) out = out.replace(re, to);
    if (o.localParts) {
      // addr-spec local parts (RFC 5322 §3.4.1 dot-atom and quoted-string forms). A run of
      // atext and dots is taken whole, from its start (the lookbehind), and its dot-atom end found
      // by hand: a dot-atom pattern tried from every character of a long run was quadratic
      const name = (local: string) => {
        const key = local.toLowerCase();
        if (!locals.has(key)) locals.set(key, `user${locals.size + 1}`);
        return locals.get(key)!;
      };
      out = out.replace(
        /("[^"\r\n]+"|(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+)@(?=[A-Za-z0-9[])/g,
        (m, run: string) => {
          if (run.startsWith('"')) return `${name(run)}@`;
          // the dot-atom is what follows the run's last ".." and its leading dots
          const cut = run.lastIndexOf('..');
          let keep = cut >= 0 ? cut + 2 : 0;
          while (run[keep] === '.') keep++;
          const local = run.slice(keep);
          return !local || local.endsWith('.') ? m : `${run.slice(0, keep)}${name(local)}@`;
        },
      );
    }
    return out;
  };
}

/** Apply a string function to every string inside plain JSON data. */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  }
  return value;
}
