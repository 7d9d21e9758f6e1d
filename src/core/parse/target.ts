// A domain or an IP pasted alone (input kinds `domain` and `ip`): the user
// asks "is this domain's (this IP's) mail set up right?", the question
// MXToolbox-style sites answer. Read strictly, so that no log, bounce or
// message is ever taken for one: every token of the input must be a domain
// or an IP in one of the forms people paste —
//   example.org   example.org.   bücher.de   user@example.org   <user@example.org>
//   mailto:user@example.org   https://example.org/path   http://[2001:db8::1]:8080/
//   192.0.2.10   [192.0.2.10]   [IPv6:2001:db8::1]   2001:db8::1
//   s1._domainkey.example.org (the domain, with selector s1)   _dmarc.example.org
// — separated by white space, commas or semicolons, over a few lines. One
// word that is not (a word of prose, a log field, a file name such as
// "main.txt" whose last label is no public suffix) and the input is not this
// kind. A domain must end in a public suffix the Public Suffix List knows
// (tldts), so "file.txt", "host.local" and "server.internal" are not domains
// here, and a registrable part (not "co.uk" alone).
//
// One domain and one IP are checked: with both, the IP is the domain's
// sending server (SPF of the domain is evaluated for it, as a receiver
// would). Further domains or IPs are named in a warning, not checked: each
// diagnosis has one subject, so that its checklist reads as one answer.

import { parse as parseHost } from 'tldts';
import type { InputParser, ParseResult } from './parser';
import type { Target } from '../types';
import { isHostname, isIP, normalizeIP, toDnsName } from '../dns/names';

/** Longer pastes are something else (a log, a list for a bulk tool): not this kind. */
const MAX_CHARS = 4000;
/** More tokens than this is a list, not a question about one domain or IP. */
const MAX_TOKENS = 20;

export type TargetToken =
  { kind: 'domain'; value: string; written: string; selector?: string } | { kind: 'ip'; value: string; written: string };

/** Wrappers a paste puts around a name: quotes, brackets of an address, Markdown, a trailing comma. */
function unwrap(token: string): string {
  let t = token.trim();
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t.replace(/^[`"'*(<«“‘]+/u, '').replace(/[`"'*)>»”’,;!?]+$/u, '');
    if (t === before) break;
  }
  return t;
}

/**
 * Labels that name one of a domain's mail records rather than a host: a
 * paste of the record's own name ("_dmarc.example.org") asks about the domain.
 * A DKIM key name also names its selector (RFC 6376 §3.6.2.1).
 */
function recordOwner(name: string): { domain: string; selector?: string } {
  const dkim = /^((?:[a-z0-9-]+\.)*?[a-z0-9-]+)\._domainkey\.(.+)$/i.exec(name);
  if (dkim) return { domain: dkim[2], selector: dkim[1].toLowerCase() };
  const other = /^(?:_dmarc|_mta-sts|mta-sts|_smtp\._tls|(?:[a-z0-9-]+\.)?_bimi)\.(.+)$/i.exec(name);
  return other ? { domain: other[1] } : { domain: name };
}

/** A domain name fit to check: valid in DNS, under a known public suffix, with a registrable part. */
function asDomain(written: string): TargetToken | null {
  const name = written.replace(/\.$/, '');
  if (!name.includes('.') || /^[\d.]+$/.test(name)) return null;
  const ascii = toDnsName(name);
  if (!ascii || !isHostname(ascii)) return null;
  const owner = recordOwner(ascii);
  const host = parseHost(owner.domain, { allowPrivateDomains: true });
  if (host.isIp || !host.domain || !(host.isIcann || host.isPrivate)) return null;
  // a label starting with "_" is a record's name, not a domain that sends or receives mail
  if (owner.domain.split('.').some((l) => l.startsWith('_'))) return null;
  // "www.example.org" (a web address, copied from the browser) names the web server; the mail
  // domain is the one below it
  const value = owner.domain.startsWith('www.') && owner.domain !== `www.${host.publicSuffix}` ? owner.domain.slice(4) : owner.domain;
  return { kind: 'domain', value, written: name, ...(owner.selector ? { selector: owner.selector } : {}) };
}

function asIp(written: string): TargetToken | null {
  const lit = /^\[(?:ipv6:)?([^\]]+)\]$/i.exec(written);
  const text = lit ? lit[1] : written;
  if (!isIP(text)) return null;
  const ip = normalizeIP(text);
  return ip ? { kind: 'ip', value: ip, written } : null;
}

/** One pasted token as a domain or an IP, or null when it is neither. */
export function readTargetToken(raw: string): TargetToken | null {
  let t = unwrap(raw);
  if (!t) return null;
  // a URL: its host (RFC 3986 §3.2: [userinfo@]host[:port]; an IPv6 host in brackets)
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)(?:[/?#]\S*)?$/i.exec(t);
  if (url) {
    const authority = url[1].slice(url[1].lastIndexOf('@') + 1);
    const host = /^\[[^\]]+\]/.exec(authority)?.[0] ?? authority.replace(/:\d+$/, '');
    return asIp(host) ?? asDomain(host);
  }
  // a web address without its scheme: "example.org/contact"
  const path = /^([^/\s@]+)\/\S*$/.exec(t);
  if (path) return asDomain(path[1]);
  t = t.replace(/^mailto:/i, '');
  if (t.includes('@')) {
    const at = t.lastIndexOf('@');
    const local = t.slice(0, at);
    // an address: a local part without spaces or another "@", then the domain or an address literal
    if (!local || /[\s@<>]/.test(local)) return null;
    const domain = t.slice(at + 1);
    return asIp(domain) ?? asDomain(domain);
  }
  return asIp(t) ?? asDomain(t);
}

export interface TargetReading {
  target: Target;
  warnings: string[];
}

/** The whole input as a domain and/or an IP to check, or null when it is anything else. */
export function readTarget(lines: string[]): TargetReading | null {
  let chars = 0;
  const tokens: { token: TargetToken; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    chars += lines[i].length + 1;
    if (chars > MAX_CHARS) return null;
    for (const word of lines[i].split(/[\s,;]+/)) {
      if (!word) continue;
      const token = readTargetToken(word);
      if (!token) return null;
      tokens.push({ token, line: i + 1 });
      if (tokens.length > MAX_TOKENS) return null;
    }
  }
  if (!tokens.length) return null;
  const domains = tokens.filter((t) => t.token.kind === 'domain');
  const ips = tokens.filter((t) => t.token.kind === 'ip');
  const domain = domains[0];
  const ip = ips[0];
  const skipped = [
    ...domains.filter((d) => d.token.value !== domain?.token.value),
    ...ips.filter((x) => x.token.value !== ip?.token.value),
  ].map((t) => t.token.written);
  const selectors = [
    ...new Set(
      domains.flatMap((d) =>
        d.token.kind === 'domain' && d.token.selector && d.token.value === domain?.token.value ? [d.token.selector] : [],
      ),
    ),
  ];
  const target: Target = {
    domain: domain ? { value: domain.token.value, written: domain.token.written, line: domain.line } : null,
    ip: ip ? { value: ip.token.value, written: ip.token.written, line: ip.line } : null,
    selectors,
    skipped: [...new Set(skipped)],
  };
  const warnings: string[] = [];
  const d = target.domain;
  if (d && d.written.toLowerCase().replace(/\.$/, '') !== d.value && /[^\x00-\x7f]/.test(d.written))
    warnings.push(`${d.written} is checked as ${d.value}, its A-label: the form DNS and every mail server use (RFC 5891).`);
  else if (d && /^www\./i.test(d.written) && !d.value.startsWith('www.'))
    warnings.push(`${d.written} names a web server: the mail of ${d.value} is checked.`);
  if (d && target.ip)
    warnings.push(
      `${target.ip.value} is checked as a server sending mail for ${d.value}: SPF of ${d.value} is evaluated for it, as a receiver would.`,
    );
  if (target.skipped.length) {
    const checked = [d?.value, target.ip?.value].filter(Boolean).join(' and ');
    warnings.push(
      `One domain and one IP are checked at a time: ${checked} ${d && target.ip ? 'were' : 'was'} checked; not checked: ${target.skipped.join(', ')}. Paste each alone to check it.`,
    );
  }
  return { target, warnings };
}

export const targetParser: InputParser = {
  kind: 'domain',
  detect(lines) {
    return readTarget(lines) ? 1 : 0;
  },
  parse(lines): ParseResult {
    const read = readTarget(lines);
    if (!read) return { kind: 'unknown', unknownLines: lines.length, warnings: [] };
    return { kind: read.target.domain ? 'domain' : 'ip', target: read.target, unknownLines: 0, warnings: read.warnings };
  },
};
