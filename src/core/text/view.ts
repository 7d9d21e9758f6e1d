// A readable view of a paste: what people paste is often not the text the mail
// system wrote but that text inside another format — an application's log
// line with the reply in a JSON or shell string ("…with message \"550 5.7.1
// …\n550 …\""), a thread's HTML ("&lt;a@b&gt;: host … said:<br>"), a
// Markdown post (`**a@b**`, "[a@b](mailto:a@b)", a line in backticks), or a
// reply quoted with "> ". The view undoes those wrappings and keeps, for every
// line of the view, the number of the input line it came from, so that
// evidence still points at the user's own paste.
//
// The view never adds words: it only removes escapes, markup and quote marks.

import { plainQuotes } from './punctuation';

export interface TextView {
  /** The readable lines. */
  lines: string[];
  /** For each view line, the 1-based number of the input line it came from. */
  origin: number[];
  /** What was undone (for the report's notes): 'html', 'escapes', 'markdown', 'quotes', 'qmail'. */
  undone: string[];
}

/** HTML that a page or a mail client's HTML part wraps around text: tags we know, or entities. */
const HTML_TAG =
  /<\/?(?:html|head|body|br|p|div|span|pre|code|a|b|i|em|strong|font|table|tr|td|th|tbody|ul|ol|li|tt|blockquote|hr|h[1-6])(?=[\s/>])[^<>]{0,400}>/i;
const HTML_ENTITY = /&(?:lt|gt|amp|quot|apos|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});/i;
/** Tags that end a line of text. */
const BREAK_TAG = /<(?:br|\/p|\/div|\/tr|\/li|\/h[1-6]|hr|\/pre|\/blockquote)(?=[\s/>])[^<>]{0,400}>/gi;
/** Any other tag of a known name (an address in angle brackets, <a@b>, is no tag: it has no such name). */
const ANY_TAG =
  /<\/?(?:html|head|body|p|div|span|pre|code|a|b|i|em|strong|font|table|tr|td|th|tbody|thead|ul|ol|li|tt|blockquote|h[1-6]|title|meta|style)(?=[\s/>])[^<>]{0,400}>/gi;

/** A qmail-send delivery line: its report is one token, "_" for spaces and "/" for line breaks (qmail-send.c, qmail-lspawn/qmail-rspawn reports). */
const QMAIL_REPORT = /(\bdelivery \d{1,12}: (?:success|failure|deferral): )(\S{1,8000})$/;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k in NAMED) return NAMED[k];
    const n = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
  });
}

/**
 * Escapes of a JSON, JavaScript, Python or shell string: a backslash before
 * n, r, t, a quote, a slash, a backslash, or u+4 hex digits (JSON's "\u003c").
 * Only a line that holds a string escape of a line break or a quote is read
 * this way, so that a Windows path ("C:\temp\new") elsewhere is left alone.
 */
const STRING_ESCAPE = /\\(?:n|r\\n|u[0-9a-fA-F]{4}|"|')/;
const WINDOWS_PATH = /\b[A-Za-z]:\\[\w. -]/;

function unescapeString(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|r\\n|[nrt"'\\/])/g, (_m, e: string) => {
    if (e === 'n' || e === 'r\\n') return '\n';
    if (e === 'r') return '';
    if (e === 't') return ' ';
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return e;
  });
}

/**
 * A string literal on a line: a JSON string ("…", RFC 8259 §7: a structured logger's "error":"…") or a
 * shell's ANSI-C string ($'…', bash's printf %q and set -x), with a space in it.
 */
const STRING_LITERAL = /\$'((?:[^'\\]|\\.){3,4000})'|"((?:[^"\\]|\\.){3,4000})"/g;

/**
 * What a line holds whole: the line itself, and each string literal it quotes (STRING_LITERAL), unescaped.
 * A text a program printed as one line — a status name ("ROUTING SERVER FAILURE"), qmail's sentence and
 * its "(#5.4.6)" — is the whole of its string when an application logs it in a JSON record or a shell
 * prints it quoted: the shapes read "a line, whole" read those strings too.
 */
export function wholeTexts(line: string): string[] {
  const out = [line];
  if (!line.includes('"') && !line.includes("$'")) return out;
  for (const m of line.matchAll(STRING_LITERAL)) {
    const body = m[1] ?? m[2];
    if (!/\S\s+\S/.test(body)) continue;
    const t = unescapeString(body);
    if (!t.includes('\n')) out.push(t);
  }
  return out;
}

/** Markdown a forum adds: "[a@b](mailto:a@b)" → "a@b"; "**x**" → "x"; a line wrapped in single backticks; a code fence. */
function undoMarkdown(s: string): string {
  let t = s.replace(/\[([^\][]{1,300})\]\(mailto:[^()\s]{1,300}\)/g, '$1');
  t = t.replace(/\*\*([^*\n]{1,300})\*\*/g, '$1');
  const tick = /^(\s*)`([^`]{1,4000})`\s*$/.exec(t);
  if (tick) t = tick[1] + tick[2];
  if (/^\s*(?:`{3,}|~{3,})[\w-]{0,20}\s*$/.test(t)) t = '';
  return t;
}

/**
 * A quote mark of a reply ("> ", "> > ", ">>"), but not the ">>>" that marks
 * a client's command in Sendmail's and OpenSMTPD's transcripts
 * (">>> RCPT TO:<a@b>") — those lines are data, not quoting.
 */
const QUOTE_MARKS = /^[ \t]{0,3}(?:>[ \t]?){1,8}/;
const TRANSCRIPT_MARK = /^\s*(?:>>>|<<<)\s/;

/**
 * One line without the markup a post adds around it (quote marks, Markdown
 * bold, links and backticks): what a log reader can read line for line, the
 * line count unchanged.
 */
export function plainLine(line: string): string {
  const t = QUOTE_MARKS.test(line) && !TRANSCRIPT_MARK.test(line) ? line.replace(QUOTE_MARKS, '') : line;
  return undoMarkdown(t);
}

/**
 * A paste quoted whole, as a reply quotes what it answers ("> This is the mail system at host …",
 * every line behind "> " or a bare ">"): the same lines without their quote marks, the count
 * unchanged, so that a bounce's or a message's reader sees the blank lines that separate its
 * blocks and the fields at the start of a line. Null when a text line is not quoted (a reply's own
 * words around a quote, a transcript's ">>>" commands): such a paste is read as it is.
 */
export function unquotedWhole(lines: string[]): string[] | null {
  let quoted = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    if (!QUOTE_MARKS.test(l) || TRANSCRIPT_MARK.test(l)) return null;
    quoted++;
  }
  return quoted ? lines.map((l) => (QUOTE_MARKS.test(l) ? l.replace(QUOTE_MARKS, '') : l)) : null;
}

/** A break tag inside a line (BREAK_TAG without its global flag, for a plain test). */
const BREAK_TAG_INSIDE = new RegExp(BREAK_TAG.source, 'i');

/**
 * A paste whose lines each came out of a web page's source one for one ("…helo=&lt;pc&gt;<br />" on every
 * line, as a forum's source or a page's "view source" has it): each line with its entities decoded and
 * its tags taken off, the count unchanged, so that a log reader reads the fields the log wrote
 * ("helo=<pc>", not "helo=&lt;pc&gt;"). Null when the paste is no HTML, or when a line holds a break
 * inside it (several lines in one: readableView unfolds those, parse/container.ts).
 */
export function unescapedHtmlLines(lines: string[]): string[] | null {
  const joined = lines.join('\n');
  if (!(HTML_TAG.test(joined) || (HTML_ENTITY.test(joined) && /&(?:lt|gt);/i.test(joined)))) return null;
  const out: string[] = [];
  for (const l of lines) {
    const cut = l.replace(/(?:\s*<(?:br|\/p|\/div|\/li)(?=[\s/>])[^<>]{0,400}>)+\s*$/i, '');
    if (BREAK_TAG_INSIDE.test(cut)) return null;
    out.push(decodeEntities(cut.replace(ANY_TAG, '')));
  }
  return out;
}

/** A line out of HTML or a string, without the quote marks and Markdown that were inside them. */
function plainAgain(p: string, undone: Set<string>): string {
  let t = p;
  if (QUOTE_MARKS.test(t) && !TRANSCRIPT_MARK.test(t)) {
    t = t.replace(QUOTE_MARKS, '');
    undone.add('quotes');
  }
  const md = undoMarkdown(t);
  if (md !== t) undone.add('markdown');
  return md;
}

export function readableView(input: string[]): TextView {
  const joined = input.join('\n');
  const html = HTML_TAG.test(joined) || (HTML_ENTITY.test(joined) && /&(?:lt|gt);/i.test(joined));
  const undone = new Set<string>();
  const lines: string[] = [];
  const origin: number[] = [];
  const push = (t: string, n: number) => {
    lines.push(t);
    origin.push(n);
  };
  input.forEach((raw, i) => {
    const n = i + 1;
    let t = raw;
    if (QUOTE_MARKS.test(t) && !TRANSCRIPT_MARK.test(t)) {
      t = t.replace(QUOTE_MARKS, '');
      undone.add('quotes');
    }
    const md = undoMarkdown(t);
    if (md !== t) {
      t = md;
      undone.add('markdown');
    }
    let parts = [t];
    // qmail-send's log writes a delivery's report with "_" for spaces and "/" for line breaks
    // ("delivery 42: failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1_…/")
    const q = QMAIL_REPORT.exec(t);
    if (q) {
      undone.add('qmail');
      parts = [
        t.slice(0, q.index + q[1].length),
        ...q[2]
          .replace(/_/g, ' ')
          .split('/')
          .filter((x) => x.trim()),
      ];
    }
    if (html) {
      // (a break that ends the line ends it once)
      const h = decodeEntities(
        t
          .replace(BREAK_TAG, '\n')
          .replace(/\n\s*$/, '')
          .replace(ANY_TAG, ''),
      );
      if (h !== t) undone.add('html');
      parts = h.split('\n');
    }
    const out: string[] = [];
    for (const p of parts) {
      if (STRING_ESCAPE.test(p) && !WINDOWS_PATH.test(p)) {
        undone.add('escapes');
        out.push(...unescapeString(p).split('\n'));
      } else out.push(p);
    }
    // a reply's quote marks and a post's Markdown that only show once the HTML or the string escapes are
    // undone ("&gt; host … said:", "\n>     <a@b>: host") are taken off the same way
    const unwrappedNow = out.length > 1 || out[0] !== t;
    // (a word processor's or a forum's typographic quotes are no program's: "b’5.1.1 …’" is smtplib's b'5.1.1 …',
    // "{‘a@b’: (550, …)}" its dict — text/punctuation.ts; last, as the Markdown's backticks are read before it folds them)
    for (const p of out) push(plainQuotes(unwrappedNow ? plainAgain(p, undone) : p), n);
  });
  const spaced = undoDoubleSpacing(lines, origin);
  if (spaced) undone.add('spacing');
  return spaced ? { lines: spaced.lines, origin: spaced.origin, undone: [...undone] } : { lines, origin, undone: [...undone] };
}

/**
 * A paste copied from some web pages comes double-spaced: a blank line after
 * every line ("host x said:\n\n    550-5.7.26 …\n\n    both 550-5.7.26 …").
 * When (nearly) every text line is followed by exactly one blank line, the
 * blank lines are no paragraph breaks and are dropped; a run of two or more
 * blank lines still separates paragraphs.
 */
function undoDoubleSpacing(lines: string[], origin: number[]): { lines: string[]; origin: number[] } | null {
  let text = 0;
  let single = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    text++;
    if (i + 2 < lines.length && !lines[i + 1].trim() && lines[i + 2].trim()) single++;
  }
  if (text < 4 || single < (text - 1) * 0.8) return null;
  const out: string[] = [];
  const org: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const blank = !lines[i].trim();
    if (blank && i > 0 && lines[i - 1].trim() && i + 1 < lines.length && lines[i + 1].trim()) continue;
    out.push(lines[i]);
    org.push(origin[i]);
  }
  return { lines: out, origin: org };
}
