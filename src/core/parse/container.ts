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

/** The lines with each such literal on a line of its own (still escaped), and each line's paste line. */
function stringLiterals(lines: string[]): Unwrapped {
  const out: string[] = [];
  const origin: number[] = [];
  lines.forEach((l, i) => {
    let at = 0;
    let split = false;
    for (const m of l.matchAll(LITERAL)) {
      const body = m[1] ?? m[2];
      // (a line break escaped; or one long line with escapes — a log line quoted whole: "\u003c", "\"")
      // a shell's $'…' or a string that is most of its line is a container however few escapes it holds
      const whole = m[2] !== undefined || body.length >= 0.8 * l.trim().length;
      if (!/\\n/.test(body) && !(body.length >= 40 && (whole || /\\(?:u[0-9a-fA-F]{4}|")/.test(body)))) continue;
      const before = l.slice(at, m.index);
      // (a blank line between the frame and the text: no reader takes the frame for a wrapped line's end)
      if (before.trim()) (out.push(before, ''), origin.push(i + 1, i + 1));
      out.push(body, '');
      origin.push(i + 1, i + 1);
      at = m.index + m[0].length;
      split = true;
    }
    const rest = split ? l.slice(at) : l;
    if (!split || rest.trim()) (out.push(rest), origin.push(i + 1));
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

/** Parses the unwrapped lines with the log reader chosen for them, line numbers back in the paste's. */
export function parseUnwrapped(parser: InputParser, u: Unwrapped, ctx: { exactBytes: boolean }): ParseResult {
  const r = parser.parse(u.lines, u.lines.join('\n'), ctx);
  return remapLines(r, u.origin);
}
