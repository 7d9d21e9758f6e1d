// Splitting a Received field (RFC 5321 §4.4, RFC 5322 §3.6.7) into its
// clauses — from, by, via, with, id, for — and its date. The grammar in the
// RFCs is what few servers write exactly, so this reads tokens (words,
// (comments), [literals]) and groups them under the keyword before them,
// which is what every real form has in common.

export type TokenKind = 'word' | 'comment' | 'literal';

export interface Token {
  kind: TokenKind;
  /** A comment's text without its outer parentheses; a literal's without brackets. */
  text: string;
}

export type ClauseName = 'from' | 'by' | 'via' | 'with' | 'id' | 'for';

export interface Clause {
  name: ClauseName;
  tokens: Token[];
}

export interface ReceivedParts {
  /** Tokens before any keyword (e.g. a qmail "(qmail 1234 invoked by uid 89)" comment). */
  lead: Token[];
  clauses: Clause[];
  /** The text of the date, after the last ";" outside comments. */
  dateText: string | null;
}

const KEYWORDS = new Set<ClauseName>(['from', 'by', 'via', 'with', 'id', 'for']);

/** Read one (possibly nested) comment starting at s[i] === '('; returns [text, next index]. */
function readComment(s: string, i: number): [string, number] {
  let depth = 0;
  let j = i;
  for (; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return [s.slice(i + 1, j), j + 1];
    }
  }
  // unbalanced: the comment runs to the end (parsers never throw)
  return [s.slice(i + 1), s.length];
}

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s|;/.test(c)) {
      i++;
    } else if (c === '(') {
      const [text, next] = readComment(s, i);
      out.push({ kind: 'comment', text: text.trim() });
      i = next;
    } else if (c === ')') {
      // a stray ")" — unbalanced parentheses (a broken relay, or a quoted
      // word that took the "(" with it): skipped. The word branch below stops
      // at ")", so without this the loop would never advance and would fill
      // memory with empty words (seen with markup pasted into a Received line).
      i++;
    } else if (c === '[') {
      const end = s.indexOf(']', i);
      const stop = end < 0 ? s.length : end;
      out.push({ kind: 'literal', text: s.slice(i + 1, stop).trim() });
      i = stop + 1;
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      const stop = end < 0 ? s.length : end + 1;
      out.push({ kind: 'word', text: s.slice(i, stop) });
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      out.push({ kind: 'word', text: s.slice(i, j + 1) });
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && !/[\s;()]/.test(s[j])) j++;
      out.push({ kind: 'word', text: s.slice(i, j) });
      i = j;
    }
  }
  return out;
}

/** Index of the last ";" that is outside comments and quotes, or -1. */
function lastSemicolon(s: string): number {
  let depth = 0;
  let quoted = false;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quoted) {
      if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) last = i;
  }
  return last;
}

// Without a ";", a date at the end of the field (SendGrid writes
// "… id X\n 2018-03-26 13:35:36.270951634 +0000 UTC"; broken relays drop the ";").
const TRAILING_DATE =
  /\s((?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?[^]*|\d{4}-\d{2}-\d{2}[T\s]\d{2}:\d{2}[^]*)$/;
const LEADING_DATE = /^\s*((?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2,4}\s+\d{1,2}:\d{2}[^]*)$/;

export function splitReceived(value: string): ReceivedParts {
  const v = value.replace(/\s+/g, ' ').trim();
  let head = v;
  let dateText: string | null = null;
  const semi = lastSemicolon(v);
  if (semi >= 0) {
    head = v.slice(0, semi);
    dateText = v.slice(semi + 1).trim() || null;
  } else {
    const lead = LEADING_DATE.exec(v);
    const trail = lead ? null : TRAILING_DATE.exec(' ' + v);
    if (lead) {
      head = '';
      dateText = lead[1];
    } else if (trail) {
      head = v.slice(0, v.length - trail[1].length);
      dateText = trail[1].trim();
    }
  }
  const lead: Token[] = [];
  const clauses: Clause[] = [];
  let current: Clause | null = null;
  for (const t of tokenize(head)) {
    const kw = t.kind === 'word' ? (t.text.toLowerCase() as ClauseName) : null;
    if (kw && KEYWORDS.has(kw)) {
      current = { name: kw, tokens: [] };
      clauses.push(current);
      continue;
    }
    if (current) current.tokens.push(t);
    else lead.push(t);
  }
  return { lead, clauses, dateText };
}
