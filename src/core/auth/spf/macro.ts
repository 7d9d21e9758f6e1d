// SPF macros (RFC 7208 §7): "%{ir}.%{v}._spf.%{d2}" and friends. Parsed once
// with the record (a bad macro anywhere is a syntax error, hence permerror),
// expanded when the term is evaluated.

export type MacroToken =
  | { kind: 'literal'; text: string; /** from "%%", "%_" or "%-" (a macro-expand in the ABNF) */ escape?: boolean }
  | { kind: 'macro'; letter: string; upper: boolean; digits: number | null; reverse: boolean; delimiters: string };

/** §7.1: letters usable anywhere; "c", "r", "t" only in explanation text (§7.3). */
const LETTERS = 'slodipvh';
const EXP_ONLY_LETTERS = 'crt';
const DELIMITERS = '.-+,/_=';

/**
 * Parse a macro-string. `inExplanation` allows c, r and t. Returns the tokens,
 * or an error message (a syntax error).
 */
export function parseMacroString(s: string, inExplanation = false): MacroToken[] | string {
  const tokens: MacroToken[] = [];
  let lit = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== '%') {
      // macro-literal = %x21-24 / %x26-7E; explanation text also allows space (§6.2 "explain-string")
      const code = ch.charCodeAt(0);
      if (!((code >= 0x21 && code <= 0x7e) || (inExplanation && code === 0x20))) {
        return `character ${JSON.stringify(ch)} is not allowed here`;
      }
      lit += ch;
      continue;
    }
    const next = s[i + 1];
    const escaped = next === '%' ? '%' : next === '_' ? ' ' : next === '-' ? '%20' : null;
    if (escaped !== null) {
      if (lit) tokens.push({ kind: 'literal', text: lit });
      lit = '';
      tokens.push({ kind: 'literal', text: escaped, escape: true });
    } else if (next === '{') {
      const end = s.indexOf('}', i + 2);
      if (end < 0) return `unterminated macro "${s.slice(i)}"`;
      const body = s.slice(i + 2, end);
      const m = /^([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
      if (!m) return `malformed macro "%{${body}}"`;
      const letter = m[1].toLowerCase();
      if (!LETTERS.includes(letter) && !(inExplanation && EXP_ONLY_LETTERS.includes(letter))) {
        return EXP_ONLY_LETTERS.includes(letter)
          ? `macro %{${m[1]}} is allowed only in explanation text (RFC 7208 §7.3)`
          : `unknown macro letter "${m[1]}"`;
      }
      let digits: number | null = null;
      if (m[2]) {
        digits = Number(m[2]);
        // §7.3: "If a DIGIT is specified, the value MUST be nonzero"
        if (digits === 0) return `macro "%{${body}}" asks for zero parts`;
      }
      if (lit) tokens.push({ kind: 'literal', text: lit });
      lit = '';
      tokens.push({
        kind: 'macro',
        letter,
        upper: m[1] !== letter,
        digits,
        reverse: m[3].toLowerCase() === 'r',
        delimiters: m[4] || '.',
      });
      i = end;
      continue;
    } else return `"%" must be followed by "{", "%", "_" or "-" (RFC 7208 §7.1)`;
    i++;
  }
  if (lit) tokens.push({ kind: 'literal', text: lit });
  return tokens;
}

/** The values of the macro letters for one evaluation. */
export interface MacroValues {
  /** s: the sender mailbox. */
  sender: string;
  /** l: its local part. */
  local: string;
  /** o: its domain. */
  senderDomain: string;
  /** d: the domain whose record is being evaluated. */
  domain: string;
  /** i: the IP in dotted form (IPv6: 32 nibbles). */
  ipDotted: string;
  /** c: the IP in readable form. */
  ipReadable: string;
  /** v: "in-addr" or "ip6". */
  ipVersion: string;
  /** h: the HELO name. */
  helo: string;
  /** r: the receiver's name. */
  receiver: string;
  /** t: seconds since the epoch. */
  timestamp: string;
}

/** §7.3 URL escaping of upper-case macros: everything but the unreserved set. */
function urlEscape(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/**
 * Expand tokens. `p` (the validated host name, §7.3) needs DNS, so it comes
 * in as a function that is called only when the string uses it.
 */
export async function expandMacros(tokens: MacroToken[], v: MacroValues, p: () => Promise<string>): Promise<string> {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    let value: string;
    switch (t.letter) {
      case 's':
        value = v.sender;
        break;
      case 'l':
        value = v.local;
        break;
      case 'o':
        value = v.senderDomain;
        break;
      case 'd':
        value = v.domain;
        break;
      case 'i':
        value = v.ipDotted;
        break;
      case 'c':
        value = v.ipReadable;
        break;
      case 'v':
        value = v.ipVersion;
        break;
      case 'h':
        value = v.helo;
        break;
      case 'r':
        value = v.receiver;
        break;
      case 't':
        value = v.timestamp;
        break;
      case 'p':
        value = await p();
        break;
      default:
        value = '';
    }
    // §7.3 transformers: split on the delimiters, optionally reverse, keep the right-most N, join with "."
    if (t.digits !== null || t.reverse || t.delimiters !== '.') {
      let parts = value.split(new RegExp('[' + t.delimiters.replace(/[-\\\]^/]/g, '\\$&') + ']'));
      if (t.reverse) parts = parts.reverse();
      if (t.digits !== null && t.digits < parts.length) parts = parts.slice(parts.length - t.digits);
      value = parts.join('.');
    }
    out += t.upper ? urlEscape(value) : value;
  }
  return out;
}

export { DELIMITERS };
