// Reading an SPF record (RFC 7208 §4.5, §4.6, §12 ABNF) into terms. Any
// syntax error anywhere makes the whole record a permerror (§4.6), so the
// record is read completely before any term is evaluated.

import { isIPv4, parseIPv6 } from '../../dns/names';
import { parseMacroString } from './macro';
import type { Mechanism, MechanismName, Modifier, ParsedRecord, Qualifier, Term } from './types';

/** §4.5: "v=spf1" (case-insensitive), then a space or the end. */
export function isSpfRecord(txt: string): boolean {
  return /^v=spf1(?: |$)/i.test(txt);
}

const MECHANISM = /^([+\-~?]?)(all|include|a|mx|ptr|ip4|ip6|exists)(?=$|[:/])(.*)$/i;
/** §12: name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ) */
const MODIFIER = /^([a-z][a-z0-9\-_.]*)=(.*)$/i;
/** §12 ip4-cidr-length / ip6-cidr-length: no leading zeros. */
const CIDR_NUMBER = /^(0|[1-9]\d{0,2})$/;

/**
 * §12 domain-end: the domain-spec ends in a macro, or in "." toplabel [ "." ].
 * toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
 */
function domainSpecError(spec: string): string | null {
  if (spec === '') return 'empty domain';
  const tokens = parseMacroString(spec);
  if (typeof tokens === 'string') return tokens;
  const last = tokens[tokens.length - 1];
  if (last.kind === 'macro' || last.escape) return null;
  const text = last.text.replace(/\.$/, '');
  const dot = text.lastIndexOf('.');
  if (dot < 0) return `"${spec}" is not a domain name (it needs a dot and a top-level label)`;
  const top = text.slice(dot + 1);
  const ok = (/^[a-z0-9]+$/i.test(top) && /[a-z]/i.test(top)) || /^[a-z0-9]+-[a-z0-9-]*[a-z0-9]$/i.test(top);
  return ok ? null : `"${spec}" does not end in a valid top-level label`;
}

function parseCidr(text: string, max: number): number | string {
  if (!CIDR_NUMBER.test(text)) return `invalid prefix length "/${text}"`;
  const n = Number(text);
  return n > max ? `prefix length /${n} is over ${max}` : n;
}

function parseMechanism(term: string, m: RegExpExecArray): Mechanism | string {
  const qualifier = (m[1] || '+') as Qualifier;
  const name = m[2].toLowerCase() as MechanismName;
  let rest = m[3];
  const mech: Mechanism = { kind: 'mechanism', text: term, qualifier, name, domainSpec: null, network: null, cidr4: null, cidr6: null };
  switch (name) {
    case 'all':
      return rest === '' ? mech : `"${term}": "all" takes no argument`;
    case 'include':
    case 'exists': {
      if (!rest.startsWith(':')) return `"${term}": ${name} needs ":domain"`;
      const e = domainSpecError(rest.slice(1));
      if (e) return `"${term}": ${e}`;
      mech.domainSpec = rest.slice(1);
      return mech;
    }
    case 'a':
    case 'mx':
    case 'ptr': {
      if (name !== 'ptr') {
        // dual-cidr-length at the end: [ "/" n4 ] [ "//" n6 ]
        const c = /(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(rest);
        if (c && c[0]) {
          if (c[1] !== undefined) {
            const v = parseCidr(c[1], 32);
            if (typeof v === 'string') return `"${term}": ${v}`;
            mech.cidr4 = v;
          }
          if (c[2] !== undefined) {
            const v = parseCidr(c[2], 128);
            if (typeof v === 'string') return `"${term}": ${v}`;
            mech.cidr6 = v;
          }
          rest = rest.slice(0, rest.length - c[0].length);
        }
      }
      if (rest === '') return mech;
      if (!rest.startsWith(':')) return `"${term}": unexpected "${rest}"`;
      const e = domainSpecError(rest.slice(1));
      if (e) return `"${term}": ${e}`;
      mech.domainSpec = rest.slice(1);
      return mech;
    }
    case 'ip4':
    case 'ip6': {
      if (!rest.startsWith(':')) return `"${term}": ${name} needs ":address"`;
      let addr = rest.slice(1);
      const slash = name === 'ip4' ? addr.indexOf('/') : addr.lastIndexOf('/');
      if (slash >= 0) {
        const v = parseCidr(addr.slice(slash + 1), name === 'ip4' ? 32 : 128);
        if (typeof v === 'string') return `"${term}": ${v}`;
        if (name === 'ip4') mech.cidr4 = v;
        else mech.cidr6 = v;
        addr = addr.slice(0, slash);
      }
      const valid = name === 'ip4' ? isIPv4(addr) : /^[0-9a-f:.]+$/i.test(addr) && parseIPv6(addr) !== null;
      if (!valid) return `"${term}": "${addr}" is not an ${name === 'ip4' ? 'IPv4' : 'IPv6'} address`;
      mech.network = addr;
      return mech;
    }
  }
}

/** Read the record's terms. `record` must start with v=spf1 (see isSpfRecord). */
export function parseSpfRecord(record: string): ParsedRecord {
  const result: ParsedRecord = { terms: [], mechanisms: [], redirect: null, exp: null, error: null };
  const fail = (error: string): ParsedRecord => ({ ...result, error });
  // §4.6.1: terms are separated by one or more spaces (only SP, not tabs or control characters)
  const parts = record.slice(6).split(' ');
  for (const term of parts) {
    if (term === '') continue;
    const mm = MECHANISM.exec(term);
    if (mm) {
      const mech = parseMechanism(term, mm);
      if (typeof mech === 'string') return fail(mech);
      result.terms.push(mech);
      result.mechanisms.push(mech);
      continue;
    }
    const mod = MODIFIER.exec(term);
    if (mod) {
      const name = mod[1].toLowerCase();
      const m: Modifier = { kind: 'modifier', text: term, name, value: mod[2] };
      if (name === 'redirect' || name === 'exp') {
        // §6: each may appear at most once
        if (result[name === 'redirect' ? 'redirect' : 'exp']) return fail(`"${name}=" appears more than once`);
        const e = domainSpecError(m.value);
        if (e) return fail(`"${term}": ${e}`);
        if (name === 'redirect') result.redirect = m;
        else result.exp = m;
      } else {
        // unknown modifiers are ignored (§6), but must still be well-formed macro-strings
        const t = parseMacroString(m.value);
        if (typeof t === 'string') return fail(`"${term}": ${t}`);
      }
      result.terms.push(m);
      continue;
    }
    return fail(`unknown term "${term}"`);
  }
  return result;
}

export type { Term };
