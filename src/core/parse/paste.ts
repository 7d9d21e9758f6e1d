// A log as people paste it is rarely the bare log: it comes quoted in a
// reply ("> Mar  4 10:16:10 mx1 postfix/…"), between shell prompts and
// journalctl's banners, with "[...]" where lines were cut, or wrapped by a
// mail client at 72–78 columns so that one log line becomes two. The log
// readers work on clean lines; this makes them so, line for line: every
// output line is the input line of the same number (or empty), so that
// evidence line numbers stay those of the user's paste.

import { softWrapped } from '../text/wrap';

/**
 * The start of a log line of the servers we read: a syslog, ISO, RFC 5424 or MDaemon timestamp, Exchange's
 * CSV, or a Postfix program whose syslog prefix the paste lost ("postfix/amavis/smtp: to=<…>, …").
 */
// (the last form: unbound's and NSD's own log file, "[epoch] unbound[pid:thread] info: …")
const LOG_START =
  /^(?:[\w.-]+\s+\|\s)?(?:<\d{1,3}>\d{0,2} ?)?(?:[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}|[A-Z][a-z]{2} \d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}|#(?:Software|Version|Log-type|Date|Fields):|postfix(?:-[\w.-]{1,40})?\/[\w./-]{1,80}(?:\[\d{1,10}\])?:\s|\[\d{9,11}\] [\w.-]{1,40}\[\d{1,10}:\d{1,4}\] \w+:\s)/;

/**
 * A log line's start: LOG_START, also behind the blank or two a reply's quoting leaves (">  postfix/…").
 * (Not a Postfix message alone, "connect to x[ip]:25: …": a notice quotes those too, and its note
 * around them is no log's.)
 */
function isLogStart(l: string): boolean {
  return LOG_START.test(l.replace(/^[ \t]{1,2}(?=\S)/, ''));
}

/** A server's reply line (RFC 5321 §4.2: a 4yz/5yz code, a space or a hyphen, then words). */
const REPLY_LINE = /^[45]\d\d[ -][A-Za-z0-9]/;

/** Lines around a pasted log that are not part of it: prompts, journalctl banners, elisions, code fences. */
const NOISE =
  /^\s*(?:(?:\[?[\w.-]+@[\w.-]+(?:\s+[^\]$#]{0,200})?\]?[:\s]?[^$#\s]{0,200}\s?[$#]|\$|#|PS [^>]*>|C:\\[^>]*>)(?:\s+\S.*)?|-- (?:Logs begin|Journal begins|No entries|Boot|Reboot)\b.*|\.{3,}|…|\[\s*(?:\.\.\.|…|snip|cut)\s*\]|<\s*snip\s*>|-{2,}\s*snip\s*-{2,}|`{3}\w*)\s*$/i;

/**
 * The file name grep puts before each line it prints from several files (or with -H): "/var/log/mail.info:May  1 …",
 * "mail.log.1:2024-…"; with -C, context lines carry "-" instead of ":". A path with a slash or a .log name.
 */
const GREP_PREFIX = /^(?:\/?(?:[\w.-]{1,80}\/){1,8}[\w.-]{1,80}|[\w.-]{1,80}\.log(?:\.\d{1,3})?)[:-](?=\S)/;

/**
 * A label a web interface or a report puts before each log line it shows ("Incoming MTA stage:<TAB>2024-…",
 * "Outgoing queue: …"): words with a space between them (so never a header field's name, RFC 5322
 * §3.6.8), a colon, then the log line.
 */
const UI_LABEL = /^[A-Za-z][A-Za-z]{0,30}(?: [A-Za-z][\w.-]{0,30}){1,4}:[ \t]+(?=\S)/;

/** An e-mail quote marker, one or more levels. */
const QUOTE = /^(?:>\s?)+/;

/** A header field, bare or behind an Exim rejectlog flag ("P Received:", "Envelope-from:"). */
const HEADER_LIKE = /^(?:[A-Z*] [\w-]+|[A-Z][A-Za-z]*(?:-[A-Za-z]+)*):\s/;

/** A message or a bounce: its first lines are header fields. */
function startsWithHeaders(lines: string[]): boolean {
  const head = lines.filter((l) => l.trim()).slice(0, 3);
  return head.length === 3 && head.every((l) => /^[A-Za-z][\w-]*:\s/.test(l) && !LOG_START.test(l));
}

export interface PreparedPaste {
  lines: string[];
  /** How many lines were quote-stripped, dropped as noise, or joined to the line they continue. */
  unquoted: number;
  noise: number;
  joined: number;
}

export function preparePaste(input: string[]): PreparedPaste {
  const lines = input.slice();
  let unquoted = 0;
  let noise = 0;
  let joined = 0;
  // "> " quoting of a reply: a quoted block that holds log lines loses its markers (all of
  // its lines, so that a wrapped line's continuation is unquoted with it)
  for (let i = 0; i < lines.length;) {
    if (!QUOTE.test(lines[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && QUOTE.test(lines[j])) j++;
    if (lines.slice(i, j).some((l) => isLogStart(l.replace(QUOTE, '')))) {
      for (let k = i; k < j; k++) lines[k] = lines[k].replace(QUOTE, '');
      unquoted += j - i;
    }
    i = j;
  }
  // grep's file-name prefix before log lines (and a web interface's label): taken off, as quote marks are
  for (let i = 0; i < lines.length; i++) {
    const g = GREP_PREFIX.exec(lines[i]) ?? UI_LABEL.exec(lines[i]);
    if (g && LOG_START.test(lines[i].slice(g[0].length))) {
      lines[i] = lines[i].slice(g[0].length);
      unquoted++;
    }
  }
  const starts: number[] = [];
  const isStart = lines.map((l, i) => {
    const yes = isLogStart(l);
    if (yes) starts.push(i);
    return yes;
  });
  // only a log is cleaned: a message or a bounce (a header block on top) keeps its lines as they
  // are, and so does text with a stray timestamped line among others (the stretch from the first
  // log line to the last must be mostly log lines; the note around it does not count)
  if (startsWithHeaders(lines)) return { lines: input, unquoted: 0, noise: 0, joined: 0 };
  if (!starts.length) {
    // log lines whose prefix the paste lost (no timestamp marks where the log starts): the poster's
    // own paragraphs around them — the question before, the thanks and the name after — go
    // (not a paste that opens with a header field: a message's or a notice's own body is no note)
    const top = lines.find((l) => l.trim());
    const p = top !== undefined && HEADER_LIKE.test(top) ? null : withoutProseEdges(lines);
    return p ? { lines: p.lines, unquoted, noise: p.noise, joined: 0 } : { lines: input, unquoted: 0, noise: 0, joined: 0 };
  }
  const first = starts[0];
  const lastStart = starts[starts.length - 1];
  // (a log line a mail client wrapped onto the next lines is one line: its continuations do not count)
  let stretch = 0;
  for (let i = first; i <= lastStart; i++) {
    if (!lines[i].trim()) continue;
    const continued =
      !isStart[i] && i > 0 && lines[i - 1].trim() && /^\S/.test(lines[i]) && softWrapped(lines[i - 1].replace(QUOTE, ''), lines[i]);
    if (!continued) stretch++;
  }
  if (starts.length / stretch < 0.34) return { lines: input, unquoted: 0, noise: 0, joined: 0 };
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.trim()) {
      last = -1;
      continue;
    }
    if (isStart[i]) {
      last = i;
      continue;
    }
    // a wrapped continuation: after a long log line, not indented (header dumps and
    // folded fields are), and not itself shaped like a header field
    const prev = i > 0 ? input[i - 1].replace(QUOTE, '') : '';
    // (a mail client wraps at 72–78 columns: text/wrap.ts)
    // (a line that ends with its program's tag, "postfix/smtpd[17756]:", has its message on the next line,
    // whatever that looks like: "NOQUEUE: reject: …" is no header field there)
    const tagOnly = /\]:\s*$/.test(prev);
    if (last >= 0 && softWrapped(prev, l) && /^\S/.test(l) && !NOISE.test(l) && (tagOnly || !HEADER_LIKE.test(l))) {
      lines[last] = lines[last].trimEnd() + ' ' + l.trim();
      lines[i] = '';
      joined++;
      continue;
    }
    last = -1;
    // prompts, banners, elisions anywhere; and the note before the first log line and after the last
    // (header fields are kept: Exim's rejectlog copies the refused message's headers below its line; so is
    // a server's reply line pasted beside the log — a telnet test's "554 … Connection refused from …" —
    // which is evidence, and which the readers that know such lines read: parse/opensmtpd.ts)
    // (before the first timestamped line, only the poster's sentences go: lines of a program's own trace
    // without a timestamp — OpenSMTPD's "mta: 0x…: <<< 554-…" under "smtpd -T mta" — are the log too)
    const note = i > lastStart || isProse(l) || !/^[a-z][\w-]{0,30}:\s/.test(l);
    if (NOISE.test(l) || ((i < first || i > lastStart) && note && !/^\s/.test(l) && !HEADER_LIKE.test(l) && !REPLY_LINE.test(l))) {
      lines[i] = '';
      noise++;
    }
  }
  return { lines, unquoted, noise, joined };
}

/**
 * A line of the poster's own words: letters and sentence punctuation, with none of what a log line,
 * a reply or an address holds (brackets, "=", "@", paths, a reply code, an enhanced code, a time).
 */
function isProse(l: string): boolean {
  const t = l.trim();
  return /\p{L}{2}/u.test(t) && !/[<>=@[\]{}|\\/_#]|\b[245]\d\d\b|\d\.\d{1,3}\.\d|\d:\d\d/u.test(t) && !LOG_START.test(t) && !HEADER_LIKE.test(t);
}

/**
 * The lines without the paragraphs of prose at their start and end (blanked, the count kept), when
 * something else stands between them; null when there is none to take off.
 */
function withoutProseEdges(lines: string[]): { lines: string[]; noise: number } | null {
  const paras: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1].trim()) j++;
    paras.push([i, j]);
    i = j;
  }
  const prose = ([a, b]: [number, number]) => lines.slice(a, b + 1).every(isProse);
  let from = 0;
  let to = paras.length - 1;
  while (from <= to && prose(paras[from])) from++;
  while (to >= from && prose(paras[to])) to--;
  if (from > to || (from === 0 && to === paras.length - 1)) return null;
  const out = lines.slice();
  let noise = 0;
  for (const [k, [a, b]] of paras.entries()) {
    if (k >= from && k <= to) continue;
    for (let i = a; i <= b; i++) (out[i] = ''), noise++;
  }
  return { lines: out, noise };
}
