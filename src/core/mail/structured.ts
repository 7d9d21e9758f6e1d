// A tokenizer for structured header values (RFC 5322 §3.2: atoms, quoted
// strings, comments, specials), shared by the Authentication-Results,
// Received-SPF and verdict readers. It never throws: an unclosed quote or
// comment runs to the end of the value.

export interface StructuredToken {
  kind: 'atom' | 'quoted' | 'comment' | 'special';
  text: string;
  /** Whitespace (or a comment) came before this token. */
  spaceBefore: boolean;
}

/** Specials that split atoms here: RFC 5322 specials less those that appear inside values we read. */
const SPECIALS = new Set([';', '=', '.', '/', '@', ':', ',', '<', '>', '[', ']']);

/** Characters that end an atom: whitespace, the specials, and the openers and closer of quotes and comments. */
const ATOM_END = /[\s()"]/;

export function tokenizeStructured(s: string): StructuredToken[] {
  const out: StructuredToken[] = [];
  let i = 0;
  let space = false;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      space = true;
      i++;
      continue;
    }
    if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === '\\') {
          j++;
          continue;
        }
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      out.push({ kind: 'comment', text: s.slice(i + 1, Math.min(j, s.length)).trim(), spaceBefore: space });
      i = j + 1;
      space = true;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        text += s[j];
        j++;
      }
      out.push({ kind: 'quoted', text, spaceBefore: space });
      i = j + 1;
      space = false;
      continue;
    }
    // a ")" that closes no comment (a stray one from a broken writer) is a
    // special of its own: every branch of this loop consumes at least one
    // character, so it always ends
    if (SPECIALS.has(c) || c === ')') {
      out.push({ kind: 'special', text: c, spaceBefore: space });
      i++;
      space = false;
      continue;
    }
    let j = i + 1;
    while (j < s.length && !ATOM_END.test(s[j]) && !SPECIALS.has(s[j])) j++;
    out.push({ kind: 'atom', text: s.slice(i, j), spaceBefore: space });
    i = j;
    space = false;
  }
  return out;
}
