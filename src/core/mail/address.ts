// RFC 5322 §3.4 address syntax, strictly: mailbox lists, groups, display
// names, quoted strings, dot-atoms, domain literals — and where a value
// departs from it, in words an administrator can act on. Receivers that
// refuse "non-compliant" messages (MDaemon, Gmail's RFC 5322 check) parse
// these fields strictly; mail clients and postal-mime's lenient address
// parser accept almost anything, so they cannot tell us what is wrong.
// RFC 6532 (SMTPUTF8) allows UTF-8 in addresses; without it, a non-ASCII
// domain must be written as its A-label (xn--…), and a non-ASCII local part
// cannot be sent at all.

import { domainOf, toDnsName } from '../dns/names';

export interface Mailbox {
  display: string | null;
  address: string;
  local: string;
  domain: string;
}

export interface AddressProblem {
  /** error: not RFC 5322; warn: allowed only as obsolete syntax, or deliverability trouble. */
  severity: 'error' | 'warn';
  text: string;
  /** A corrected form of the value, when one can be given. */
  fix?: string;
}

export interface AddressList {
  mailboxes: Mailbox[];
  groups: { name: string; members: Mailbox[] }[];
  problems: AddressProblem[];
}

/** RFC 5322 §3.2.3 dot-atom-text (with RFC 6532 UTF-8). */
export const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\uffff]+(\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\uffff]+)*$/;

type Tok =
  | { t: 'atom'; v: string }
  | { t: 'quoted'; v: string; closed: boolean }
  | { t: 'literal'; v: string; closed: boolean }
  | { t: 'comment'; v: string }
  | { t: 'special'; v: string };

function lex(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        v += s[j++];
      }
      out.push({ t: 'quoted', v, closed: j < s.length });
      i = j + 1;
    } else if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === '\\') j++;
        else if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      out.push({ t: 'comment', v: s.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '[') {
      const end = s.indexOf(']', i);
      out.push({ t: 'literal', v: s.slice(i + 1, end < 0 ? s.length : end), closed: end >= 0 });
      i = end < 0 ? s.length : end + 1;
    } else if ('<>@,;:.\\)]'.includes(c)) {
      // ")" and "]" here close nothing (a smiley in a display name, a broken
      // relay): a special of their own, reported by the reader. Every branch of
      // this loop consumes at least one character, so it always ends.
      out.push({ t: 'special', v: c });
      i++;
    } else {
      let j = i + 1;
      while (j < s.length && !/[\s"()[\]<>@,;:.\\]/.test(s[j])) j++;
      out.push({ t: 'atom', v: s.slice(i, j) });
      i = j;
    }
  }
  return out;
}

export function isAscii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

/** Check an addr-spec written as a plain string "local@domain". */
export function checkAddrSpec(spec: string, problems: AddressProblem[]): Mailbox | null {
  const at = spec.lastIndexOf('@');
  if (at < 0) {
    problems.push({ severity: 'error', text: `"${spec}" has no "@": an address is local-part@domain` });
    return null;
  }
  const local = spec.slice(0, at);
  const domain = spec.slice(at + 1);
  if (!local) problems.push({ severity: 'error', text: `"${spec}" has nothing before the "@"` });
  else if (!local.startsWith('"') && !DOT_ATOM.test(local)) {
    const why = /^\.|\.$/.test(local)
      ? 'starts or ends with a dot'
      : /\.\./.test(local)
        ? 'has two dots in a row'
        : 'has a character that must be quoted';
    problems.push({
      severity: 'error',
      text: `The local part "${local}" ${why} (RFC 5322 §3.4.1 dot-atom)`,
      fix: `"${local.replace(/(["\\])/g, '\\$1')}"@${domain}`,
    });
  }
  if (!isAscii(local))
    problems.push({
      severity: 'warn',
      text: `The local part "${local}" has non-ASCII characters: only deliverable where every hop supports SMTPUTF8 (RFC 6531/6532)`,
    });
  if (!domain) problems.push({ severity: 'error', text: `"${spec}" has no domain after the "@"` });
  else if (domain.startsWith('[')) {
    if (!domain.endsWith(']')) problems.push({ severity: 'error', text: `The domain literal "${domain}" is not closed with "]"` });
  } else {
    const labels = domain.replace(/\.$/, '').split('.');
    const ascii = isAscii(domain);
    if (domain.endsWith('.'))
      problems.push({ severity: 'error', text: `The domain "${domain}" ends with a dot`, fix: `${local}@${domain.slice(0, -1)}` });
    else if (labels.some((l) => !l))
      problems.push({ severity: 'error', text: `The domain "${domain}" has an empty label (two dots in a row, or a leading dot)` });
    else if (ascii && labels.some((l) => !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l)))
      problems.push({
        severity: 'error',
        text: `The domain "${domain}" is not a valid host name (letters, digits and inner hyphens only; RFC 5321 §4.1.2)`,
      });
    if (!ascii) {
      const aLabel = toALabel(domain);
      problems.push({
        severity: 'warn',
        text: `The domain "${domain}" is written in Unicode: without SMTPUTF8 (RFC 6532) it must be its A-label${aLabel ? ` ${aLabel}` : ''}`,
        ...(aLabel ? { fix: `${local}@${aLabel}` } : {}),
      });
    } else if (labels.length < 2)
      problems.push({
        severity: 'warn',
        text: `The domain "${domain}" is not a fully qualified domain name: no receiver on the Internet can reply to it`,
      });
  }
  return { display: null, address: spec, local, domain };
}

/** The A-label (punycode) form of an IDN (dns/names.ts toDnsName: UTS #46 through the host's URL parser). */
export function toALabel(domain: string): string | null {
  return toDnsName(domain);
}

/**
 * The domain of an address, or a bare domain (Microsoft's smtp.mailfrom), as
 * DNS knows it: an internationalised domain (RFC 6531/6532 mail, "jörg@bücher.example")
 * becomes its A-label (xn--bcher-kva.example), so that its SPF, DMARC and MX can be looked up.
 */
export function dnsDomainOf(addressOrDomain: string): string | null {
  const a = addressOrDomain.trim().replace(/^<|>$/g, '');
  const d = a.slice(a.lastIndexOf('@') + 1);
  return d ? domainOf(`x@${d}`) : null;
}

function tokText(t: Tok): string {
  switch (t.t) {
    case 'quoted':
      return `"${t.v}"`;
    case 'literal':
      return `[${t.v}]`;
    case 'comment':
      return `(${t.v})`;
    default:
      return t.v;
  }
}

/** Problems reported for one field at most. */
const MAX_PROBLEMS = 20;

/** Read an address-list (RFC 5322 §3.4). `allowGroups` false for From/Sender (mailbox-list / mailbox only). */
export function parseAddressList(value: string, allowGroups = true): AddressList {
  const toks = lex(value).filter((t) => t.t !== 'comment');
  const out: AddressList = { mailboxes: [], groups: [], problems: [] };
  for (const c of [')', ']']) {
    if (toks.some((t) => t.t === 'special' && t.v === c))
      out.problems.push({
        severity: 'error',
        text: `A "${c}" that closes no ${c === ')' ? 'comment "("' : 'domain literal "["'} (RFC 5322 §3.2.2, §3.4.1): quote the display name if it belongs there`,
      });
  }
  let i = 0;
  let group: { name: string; members: Mailbox[] } | null = null;
  // where the last "<" stands: "is there a '<' after this comma" without a search per comma
  let lastAngle = -1;
  toks.forEach((t, k) => {
    if (t.t === 'special' && t.v === '<') lastAngle = k;
  });

  const readMailbox = (): Mailbox | null => {
    const start = i;
    const phrase: Tok[] = [];
    while (i < toks.length && !(toks[i].t === 'special' && ['<', ',', ';', ':', '@'].includes(toks[i].v))) phrase.push(toks[i++]);
    const next = toks[i];
    if (next?.t === 'special' && next.v === ':') {
      // a group: display-name ":" [mailbox-list] ";"
      i++;
      const name = phrase.map(tokText).join(' ');
      if (!allowGroups) out.problems.push({ severity: 'error', text: `"${name}:" is a group, which this field does not allow` });
      if (group) out.problems.push({ severity: 'error', text: `Group "${name}" starts inside another group` });
      group = { name, members: [] };
      out.groups.push(group);
      return null;
    }
    if (next?.t === 'special' && next.v === '<') {
      i++;
      const inner: Tok[] = [];
      while (i < toks.length && !(toks[i].t === 'special' && toks[i].v === '>')) inner.push(toks[i++]);
      const closed = toks[i]?.t === 'special';
      if (closed) i++;
      const spec = inner.map(tokText).join('');
      const display = phrase.length ? phrase.map((t) => (t.t === 'quoted' ? t.v : tokText(t))).join(' ') : null;
      // the unquoted "." said once for the name (once per dot, a name of many dots made as many copies of itself)
      let dotSaid = false;
      for (const t of phrase) {
        if (t.t === 'special' && t.v === '.' && !dotSaid && (dotSaid = true))
          out.problems.push({
            severity: 'warn',
            text: `The display name "${display}" has an unquoted "." (obsolete syntax, RFC 5322 §4.1)`,
            fix: `"${display}" <${spec}>`,
          });
        if (t.t === 'quoted' && !t.closed) out.problems.push({ severity: 'error', text: `The quoted display name "${t.v}" is not closed` });
        if (t.t === 'quoted' && /=\?[^?]+\?[bq]\?/i.test(t.v))
          out.problems.push({
            severity: 'warn',
            text: `An encoded-word inside quotes ("${t.v}") is not decoded by conforming readers (RFC 2047 §5)`,
            fix: `${t.v} <${spec}>`,
          });
      }
      if (!closed)
        out.problems.push({
          severity: 'error',
          text: `"<${spec}" is not closed with ">"`,
          fix: `${display ? `"${display}" ` : ''}<${spec}>`,
        });
      if (!spec) {
        out.problems.push({ severity: 'error', text: 'The address "<>" is empty (allowed only in Return-Path)' });
        return null;
      }
      const mb = checkAddrSpec(spec, out.problems);
      return mb ? { ...mb, display } : null;
    }
    // addr-spec without angle brackets: the phrase read so far is the local part
    if (next?.t === 'special' && next.v === '@') {
      i++;
      const domainToks: Tok[] = [];
      while (i < toks.length && !(toks[i].t === 'special' && [',', ';', '<'].includes(toks[i].v))) domainToks.push(toks[i++]);
      const words = phrase.filter((t) => t.t !== 'special' || t.v === '.');
      const spaced = phrase.length > 1 && phrase.some((t, k) => k > 0 && t.t !== 'special' && phrase[k - 1].t !== 'special');
      const local = phrase.map(tokText).join('');
      const domain = domainToks.map(tokText).join('');
      if (spaced) {
        const name = words.slice(0, -1).map(tokText).join(' ');
        const last = tokText(words[words.length - 1]);
        out.problems.push({
          severity: 'error',
          text: `"${value.trim()}" has a display name without angle brackets around the address`,
          fix: `"${name}" <${last}@${domain}>`,
        });
        return checkAddrSpec(`${last}@${domain}`, out.problems);
      }
      if (domainToks.length > 1 && domainToks.some((t, k) => k > 0 && t.t === 'atom' && domainToks[k - 1].t === 'atom'))
        out.problems.push({ severity: 'error', text: `The domain "${domainToks.map(tokText).join(' ')}" has a space in it` });
      return checkAddrSpec(`${local}@${domain}`, out.problems);
    }
    const text = toks.slice(start, i).map(tokText).join(' ');
    if (text) {
      const commaName = toks[i]?.t === 'special' && toks[i].v === ',' && lastAngle > i;
      out.problems.push(
        commaName
          ? {
              severity: 'error',
              text: `"${text}" is not an address: a display name with a comma must be in quotes`,
              fix: `"${value.slice(0, value.indexOf('<')).trim()}" ${value.slice(value.indexOf('<')).trim()}`,
            }
          : { severity: 'error', text: `"${text}" is not an address (no "@")` },
      );
    }
    return null;
  };

  while (i < toks.length) {
    const t = toks[i];
    if (t.t === 'special' && t.v === ',') {
      i++;
      continue;
    }
    if (t.t === 'special' && t.v === ';') {
      if (!group) out.problems.push({ severity: 'error', text: 'A ";" that ends no group' });
      group = null;
      i++;
      continue;
    }
    const before = i;
    const mb = readMailbox();
    if (mb) {
      out.mailboxes.push(mb);
      if (group) (group as { members: Mailbox[] }).members.push(mb);
    }
    if (i === before) i++; // a stray special: skip it (parsers never loop forever)
  }
  if (group) out.problems.push({ severity: 'error', text: `Group "${(group as { name: string }).name}" is not closed with ";"` });
  // a value broken thousands of times over ("::::…") says the same thing thousands of times: the first few are enough
  if (out.problems.length > MAX_PROBLEMS) {
    const more = out.problems.length - MAX_PROBLEMS;
    out.problems = [
      ...out.problems.slice(0, MAX_PROBLEMS),
      { severity: 'error', text: `… and ${more} more problems of this kind in the same field` },
    ];
  }
  return out;
}

/**
 * The address in a header value (From:, a sending service's "from" field):
 * the first mailbox the RFC 5322 parser above reads, or, in a value too broken
 * for it, the first "<…@…>" or bare "…@…". Null when the value names none.
 */
export function addressIn(value: string | null | undefined): string | null {
  if (!value) return null;
  const mailbox = parseAddressList(value).mailboxes[0];
  if (mailbox) return mailbox.address;
  const angle = /<([^<>]*@[^<>]*)>/.exec(value);
  if (angle) return angle[1].trim();
  // (?<!…): tried only where a run starts (from every character of a long run it was quadratic)
  return /(?<![^\s,;<>"])([^\s,;<>"]+@[^\s,;<>"]+)/.exec(value)?.[1] ?? null;
}

/** Every address in a header value (To:, Cc:, X-Failed-Recipients:), by the same parser, else the same fallback. */
export function addressesIn(value: string | null | undefined): string[] {
  if (!value) return [];
  const read = parseAddressList(value).mailboxes.map((m) => m.address);
  if (read.length) return read;
  return [...value.matchAll(/(?<![^\s<>,;:"()])[^\s<>,;:"()]+@[^\s<>,;:"()]+/g)].map((m) => m[0].replace(/\.$/, ''));
}

/**
 * The path in a Return-Path field (RFC 5321 §4.4, the envelope sender the
 * final receiver recorded): the text in "<…>" — "" for the null sender "<>" —
 * or a bare address. Null when the value holds neither.
 */
export function returnPathOf(value: string): string | null {
  const angle = /<([^<>]*)>/.exec(value);
  return angle ? angle[1].trim() : addressIn(value);
}
