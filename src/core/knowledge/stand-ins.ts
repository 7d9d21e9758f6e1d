// Names and addresses people write in place of their own when they paste a
// log or a bounce in public: a forum post says "mail.mydomain.com" or
// "xxx.xxx.xxx.xxx" where its real server's name and IP were. Asking DNS about
// such a stand-in answers for somebody else (domain.com and mydomain.com are
// registered by strangers; example.com is IANA's and publishes
// "v=spf1 -all"), so a live check of it would blame the reader for a record
// that is not theirs. The checks leave stand-ins out and say so.
//
// Two kinds:
// - stand-ins proper: the shapes posters use (the 11 real threads in
//   test/fixtures/real/ that redact names use "domain.com", "domain.tld",
//   "mydomain.io", "my-domain.com", "otherdomain.tld", "xxx.xxx.xxx.xxx",
//   "188.xxx", "[redacted]"; "1.2.3.4" is the usual made-up address);
// - documentation names and addresses (RFC 2606 / RFC 6761 example.*, .test,
//   .invalid, .localhost; RFC 5737 192.0.2.0/24, 198.51.100.0/24,
//   203.0.113.0/24; RFC 3849 2001:db8::/32): stand-ins only when the
//   resolver is the public DNS — a lab or test resolver may well hold a zone
//   for them (the project's own fixtures do).

export interface StandIn {
  /** Why the value is taken for a stand-in, in words for the report. */
  why: string;
  /** A documentation name or address (real only in a lab or test zone). */
  documentation: boolean;
}

/** Labels a poster writes for "my domain": domain, mydomain, your-domain, otherdomain, somedomain, domainname, company. */
const STAND_IN_LABEL =
  /^(?:(?:my|your|our|some|other|the|client|customer|sender|recipient)-?)?domain(?:-?name)?\d*$|^(?:my|your)-?(?:company|server|host|site)$/;
/** A label blacked out: xxx, XXXX, ***, ___, ???, "redacted", "hidden", "removed", "censored", "snip". */
const BLACKED_LABEL = /^(?:x{2,}|\*+|_+|\?+|#+|redacted|hidden|removed|censored|snip(?:ped)?|obfuscated|anonymi[sz]ed)$/i;
/** TLDs that are no TLDs: a poster's "domain.tld", "host.xxx" with every label blacked out. */
const NO_TLD = new Set(['tld', 'domain', 'local_tld', 'yourtld']);
/** RFC 2606 §2–3, RFC 6761 §6: reserved for documentation and testing, never a real sender's. */
const DOCUMENTATION_TLDS = new Set(['example', 'test', 'invalid', 'localhost']);
const DOCUMENTATION_DOMAINS = ['example.com', 'example.net', 'example.org'];

/** Whether a host or domain name is a stand-in for the poster's own (null: take it for real). */
export function standInName(name: string): StandIn | null {
  const n = name.trim().toLowerCase().replace(/\.$/, '');
  if (!n) return null;
  if (/^[[<{(].*[\]>})]$/.test(n)) return { why: 'a blank the poster left in brackets', documentation: false };
  const labels = n.split('.');
  if (labels.some((l) => BLACKED_LABEL.test(l))) return { why: 'blacked out by the poster', documentation: false };
  const tld = labels[labels.length - 1];
  if (NO_TLD.has(tld)) return { why: `".${tld}" is no top-level domain: a poster's stand-in`, documentation: false };
  const registrable = labels.length >= 2 ? labels[labels.length - 2] : labels[0];
  if (STAND_IN_LABEL.test(registrable))
    return { why: `"${labels.slice(-2).join('.')}" is the usual stand-in for one's own domain`, documentation: false };
  if (DOCUMENTATION_TLDS.has(tld) || DOCUMENTATION_DOMAINS.some((d) => n === d || n.endsWith('.' + d)))
    return { why: "a documentation name (RFC 2606), nobody's real domain", documentation: true };
  return null;
}

/** Addresses posters make up: 1.2.3.4, 12.34.56.78, 123.45.67.89, 11.22.33.44, one digit repeated (111.111.111.111). */
const MADE_UP_IPS = new Set(['1.2.3.4', '4.3.2.1', '12.34.56.78', '123.45.67.89', '11.22.33.44', '10.20.30.40', '123.123.123.123']);

/** Whether an IP (or what stands where one was) is a stand-in (null: take it for real). */
export function standInIp(ip: string): StandIn | null {
  const v = ip.trim().toLowerCase();
  if (/^(?:\d{1,3}|[x*?#_]+)(?:\.(?:\d{1,3}|[x*?#_]+)){3}$/.test(v) && /[x*?#_]/.test(v))
    return { why: 'blacked out by the poster', documentation: false };
  if (MADE_UP_IPS.has(v) || /^(\d)\1{0,2}(?:\.\1{1,3}){3}$/.test(v)) return { why: 'a made-up address', documentation: false };
  // RFC 5737 §3 (IPv4 documentation blocks), RFC 3849 (IPv6 2001:db8::/32)
  if (/^(?:192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/.test(v) || /^2001:0?db8:/.test(v))
    return { why: "a documentation address (RFC 5737 / RFC 3849), nobody's real server", documentation: true };
  return null;
}
