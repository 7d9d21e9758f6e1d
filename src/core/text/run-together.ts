// Log records whose line breaks the paste lost (issue 11 point 1): a web form,
// a chat or a ticket system that takes one line joins the lines it is given
// with a space, or with nothing, so that several syslog records stand on one
// line ("May  1 22:47:57 mx postfix/smtp[1]: … status=sent (…) May  1 22:50:16
// mx postfix/smtp[2]: …"). The log readers read a record a line; this gives
// back the records, each on a line of its own, and for each the paste's line
// it came from, so that evidence still points at the user's own paste.
//
// A record starts where a syslog header does (RFC 3164 §4.1.2 "Mmm dd hh:mm:ss
// HOST TAG[pid]: ", or RFC 5424's ISO timestamp and host — the form rsyslog's
// RSYSLOG_FileFormat writes), whatever the program (postfix/…, sm-mta, exim,
// qmail, smtpd, dovecot, a milter), or where Exim's own mainlog record does
// ("YYYY-MM-DD hh:mm:ss [pid] <message id> "). Only a line that holds two such
// starts or more is cut, and, for syslog, only at starts that name the same
// host as the line's first record (one server's log; a date in a reply's words
// names no host and program).

import type { Unwrapped } from './wrap';

/**
 * The syslog header: an optional docker-compose label and grep file name, the time, the host, the program tag
 * (a tag of two words before its pid too: Plesk's "greylisting filter[25916]:").
 */
const SYSLOG_START =
  /(?:[\w.-]{1,60}\s{1,10}\|\s)?(?:\/?(?:[\w.-]{1,80}\/){0,8}[\w.-]{1,80}\.(?:log|info|warn|err)(?:\.\d{1,3})?:|\/var\/log\/[\w./-]{1,80}:)?(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?) ([\w.-]{1,253}) (?:[\w./-]{1,80}(?:\[\d{1,10}\])?|[\w./-]{1,40} [\w./-]{1,40}\[\d{1,10}\]): /g;

/** Exim's mainlog record: its time (and zone, pid when logged) and the message id (exim 4.97+'s longer form too). */
const EXIM_START =
  /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{3})?(?: [+-]\d{4})?(?: \[\d{1,10}\])? [0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4} /g;

/** A break tag of a page's source ("<br>", "</p>"): its lines are not lost but written as tags. */
const HTML_BREAK = /<(?:br|\/p|\/div|\/li)(?=[\s/>])/i;

/** The tags that close a page's paragraph at a line's end (no break between records). */
const TRAILING_TAGS = /(?:<\/?(?:p|div|br|li)(?=[\s/>])[^<>]{0,200}>\s*)+$/i;

/** Where a record may start inside a line: at its start, or after a space or the punctuation a record ends with. */
const BEFORE = /[\s)\]>.,;"']/;
const atStart = (line: string, i: number) => i === 0 || BEFORE.test(line[i - 1]);

/** The offsets in `line` where a record starts (the line's first record's host for syslog). */
function starts(line: string): number[] {
  const syslog = [...line.matchAll(SYSLOG_START)].filter((m) => atStart(line, m.index!));
  if (syslog.length >= 2) {
    const host = syslog[0][1];
    return syslog.filter((m) => m[1] === host).map((m) => m.index!);
  }
  const exim = [...line.matchAll(EXIM_START)].filter((m) => atStart(line, m.index!));
  return exim.length >= 2 ? exim.map((m) => m.index!) : [];
}

/**
 * The lines with every line that holds several log records cut into one line per record (what stands
 * before the first record, the poster's words, on a line of its own), or null when no line does.
 */
export function splitRunTogether(input: string[]): Unwrapped | null {
  const lines: string[] = [];
  const origin: number[] = [];
  let split = 0;
  input.forEach((l, i) => {
    // (a line of a page's source whose records stand between break tags is a container's: parse/container.ts)
    const at = l.length > 60 && !HTML_BREAK.test(l.replace(TRAILING_TAGS, '')) ? starts(l) : [];
    if (at.length < 2) {
      lines.push(l);
      origin.push(i + 1);
      return;
    }
    // (quote marks or an indent before the first record stay with it; the poster's words go to a line of their own)
    const cuts = at[0] > 0 && /\p{L}/u.test(l.slice(0, at[0])) ? [0, ...at] : [0, ...at.slice(1)];
    cuts.forEach((c, k) => {
      lines.push(l.slice(c, cuts[k + 1] ?? l.length).trimEnd());
      origin.push(i + 1);
    });
    split += cuts.length - 1;
  });
  return split ? { lines, origin, joined: 0 } : null;
}
