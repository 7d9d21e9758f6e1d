// A paste that is one container around the evidence (issue 11 point 1): a log
// copied out of an application's JSON log line ("error":"…\n…"), a shell
// string ($'…\n…'), or a web page's source ("…&lt;a@b&gt;<br>…"). The
// container holds the log's lines in one or a few of its own; the log readers,
// which read line for line, only see them once the container is undone
// (text/view.ts readableView). What they report is then moved back to the
// paste's own line numbers (the view keeps, per line, the line it came from).

import type { InputParser, ParseResult } from './parser';
import { readableView } from '../text/view';

export interface Unwrapped {
  lines: string[];
  /** For each unwrapped line, the 1-based paste line it came from. */
  origin: number[];
}

/**
 * The paste's lines out of their container, or null when there is none: the view must have undone
 * string escapes or HTML and made more lines than the paste had (a container folds lines into one).
 */
export function unwrapContainer(lines: string[]): Unwrapped | null {
  const lit = stringLiterals(lines);
  const view = readableView(lit.lines);
  // (the caller reads the result only when a log reader takes it: a container undone is worth a try)
  if (!view.undone.some((u) => u === 'escapes' || u === 'html') && lit.lines.length <= lines.length) return null;
  return { lines: view.lines, origin: view.origin.map((o) => lit.origin[o - 1]) };
}

/**
 * A JSON string literal ("…", RFC 8259 §7) or a shell's ANSI-C string ($'…', bash) that holds an
 * escaped line break, or is one long line with escapes: the text the container wraps. Its quotes and what stands around it on the
 * line (the record's other members, the command) are no part of the log's first and last lines.
 */
const LITERAL = /"((?:[^"\\]|\\.){0,200000})"|\$'((?:[^'\\]|\\.){0,200000})'/g;

/**
 * A structured logger's record (RFC 8259 §4: a JSON object on one line): each of its string members
 * long enough to hold a log line is a container, however few escapes it holds.
 */
function isJsonRecord(l: string): boolean {
  const t = l.trim();
  if (!/^\{".*\}$/.test(t)) return false;
  try {
    return typeof JSON.parse(t) === 'object';
  } catch {
    return false;
  }
}

/**
 * The lines with each such literal on a line of its own (still escaped), and each line's paste line.
 * What stands around a literal on its line (the record's other members, the command that printed it)
 * is no line of the log: it is left out, a blank line in its place (so that it counts against no log
 * reader's share of the lines, and no reader takes it for a wrapped line's end).
 */
function stringLiterals(lines: string[]): Unwrapped {
  const out: string[] = [];
  const origin: number[] = [];
  lines.forEach((l, i) => {
    let split = false;
    const record = isJsonRecord(l);
    for (const m of l.matchAll(LITERAL)) {
      const body = m[1] ?? m[2];
      // (a line break escaped; or one long line with escapes — a log line quoted whole: "\u003c", "\"")
      // a shell's $'…', a string that is most of its line or a JSON record's long member is a container however few escapes it holds
      const whole = m[2] !== undefined || body.length >= 0.8 * l.trim().length || (record && /\s/.test(body));
      if (!/\\n/.test(body) && !(body.length >= 40 && (whole || /\\(?:u[0-9a-fA-F]{4}|")/.test(body)))) continue;
      out.push('', body);
      origin.push(i + 1, i + 1);
      split = true;
    }
    if (split) (out.push(''), origin.push(i + 1));
    else (out.push(l), origin.push(i + 1));
  });
  return { lines: out, origin };
}

/** Every line number a parser reported (`line`, `startLine`, `clientIpLine`…), moved from the unwrapped lines to the paste's (0 stays 0: not from the input). */
export function remapLines<T>(value: T, origin: number[]): T {
  const seen = new WeakSet<object>();
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      if ((k === 'line' || k.endsWith('Line')) && typeof x === 'number') o[k] = x > 0 && x <= origin.length ? origin[x - 1] : x;
      else walk(x);
    }
  };
  walk(value);
  return value;
}

/** A log reader's kind (what a container may hide that the bounce reader's reply finder reads without its lines). */
export const isLogKind = (kind: string) => /-log$/.test(kind) || kind === 'smtp-transcript';

/**
 * Parses the unwrapped lines with the reader chosen for them; the line numbers stay the unwrapped
 * lines' (the caller moves them to the paste's with remapLines once the evidence is built).
 */
export function parseUnwrapped(parser: InputParser, u: Unwrapped, ctx: { exactBytes: boolean }): ParseResult {
  return parser.parse(u.lines, u.lines.join('\n'), ctx);
}
