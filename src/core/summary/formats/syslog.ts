// The syslog prefix of a line, found without a regular expression for the
// common shape `TIME HOST PROGRAM[PID]: MESSAGE` (BSD syslog, journalctl's
// short forms, rsyslog's ISO time, docker's "name  | " in front): the first
// "]: " ends the program's tag. Anything else (RFC 5424, a line without a
// pid) goes to the parsers' own reader (parse/postfix/line.ts).

import { readSyslogLine } from '../../parse/postfix/line';

export interface Prefix {
  host: string;
  program: string;
  pid: string;
  /** Where the message starts in the line. */
  at: number;
}

function isTagChar(c: number): boolean {
  // [\w./-]
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 47 || c === 45;
}

/** Positions of the prefix in a line (reused: syslogAt fills it without allocating). */
export interface PrefixAt {
  hostStart: number;
  hostEnd: number;
  progStart: number;
  /** The "[" after the program. */
  progEnd: number;
  /** The "]" after the pid. */
  pidEnd: number;
  /** Where the message starts. */
  at: number;
}

/** Like syslogPrefix, but only the common shape, into `out`; false when the line is not of it. */
export function syslogAt(line: string, out: PrefixAt): boolean {
  return syslogShape(line, out) && isTagName(line, out.progStart, out.progEnd);
}

/** Whether line[s, e) is a program tag ([\w./-]+). */
export function isTagName(line: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isTagChar(line.charCodeAt(i))) return false;
  return true;
}

/**
 * syslogAt without looking at the program's characters: for a reader that
 * knows the program names it has met (each checked once with isTagName).
 */
export function syslogShape(line: string, out: PrefixAt): boolean {
  const p = line.indexOf(']: ');
  if (p <= 0) return false;
  const b = line.lastIndexOf('[', p);
  const sp = b > 0 ? line.lastIndexOf(' ', b) : -1;
  if (sp <= 0 || b - sp <= 1 || p <= b + 1) return false;
  for (let i = b + 1; i < p; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  let he = sp;
  while (he > 0 && line.charCodeAt(he - 1) === 32) he--;
  const hs = line.lastIndexOf(' ', he - 1) + 1;
  if (he <= hs) return false;
  out.hostStart = hs;
  out.hostEnd = he;
  out.progStart = sp + 1;
  out.progEnd = b;
  out.pidEnd = p;
  out.at = p + 3;
  return true;
}

/** The prefix, or null when the line has none; `slow` lines have a message of their own (returned as `message`). */
export function syslogPrefix(line: string): Prefix | { host: string; program: string; pid: string; message: string } | null {
  const p = line.indexOf(']: ');
  if (p > 0) {
    const b = line.lastIndexOf('[', p);
    const sp = b > 0 ? line.lastIndexOf(' ', b) : -1;
    if (sp > 0 && b - sp > 1) {
      let ok = true;
      for (let i = b + 1; i < p; i++) {
        const c = line.charCodeAt(i);
        if (c < 48 || c > 57) {
          ok = false;
          break;
        }
      }
      for (let i = sp + 1; ok && i < b; i++) if (!isTagChar(line.charCodeAt(i))) ok = false;
      // the host: the word before the program
      let he = sp;
      while (he > 0 && line.charCodeAt(he - 1) === 32) he--;
      const hs = line.lastIndexOf(' ', he - 1) + 1;
      if (ok && he > hs && p > b + 1)
        return { host: line.slice(hs, he), program: line.slice(sp + 1, b), pid: line.slice(b + 1, p), at: p + 3 };
    }
  }
  const l = readSyslogLine(line);
  return l ? { host: l.host, program: l.program, pid: String(l.pid), message: l.message } : null;
}

/**
 * A queue id at the start of `msg` (at `from`), as Postfix and its companions
 * write it (`QID: `): short ids are upper-case hex, long ones
 * (enable_long_queue_ids) 10+ letters and digits with a digit. Returns the
 * index of its ": ", or -1.
 */
export function queueIdEnd(msg: string, from: number): number {
  let i = from;
  let digit = false;
  let hex = true;
  const len = msg.length;
  while (i < len) {
    const c = msg.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 65 && c <= 70) {
      /* A-F */
    } else if ((c >= 71 && c <= 90) || (c >= 97 && c <= 122)) hex = false;
    else break;
    i++;
  }
  const n = i - from;
  if (n < 5 || msg.charCodeAt(i) !== 58 || msg.charCodeAt(i + 1) !== 32) return -1;
  if ((hex && n >= 5) || (n >= 10 && digit)) return i;
  if (n === 7 && msg.startsWith('NOQUEUE', from)) return i;
  return -1;
}
