// The prefix of a syslog line, as Postfix (and its neighbours in mail.log)
// are found in the wild:
//   BSD syslog (RFC 3164)   Mon DD HH:MM:SS host postfix/smtpd[123]: …
//   journalctl              Mar 01 10:00:00 host …           (short, zero-padded day)
//                           Mar 01 10:00:00.123456 host …    (-o short-precise)
//                           2024-03-01T10:00:00+0100 host …  (-o short-iso)
//   rsyslog precise / ISO   2024-01-02T03:04:05.123456+00:00 host …
//   RFC 5424                <22>1 2024-03-01T10:00:00.1Z host postfix/smtpd 4321 - - …
//   docker compose logs     mailserver  | Mar  1 10:00:00 host …
//   docker-mailserver       2024-02-14T14:47:24.705153-08:00 INFO    postfix/smtpd[39551]: … (level where the host would be)
// and an optional <PRI> from a raw syslog stream.

/** `mailserver  | ` (docker compose logs), `mailserver-1  | `. */
const DOCKER = String.raw`(?:[\w.-]+\s+\|\s)?`;
const PRI = String.raw`(?:<\d{1,3}>\d? ?)?`;
const BSD_TIME = String.raw`[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)?`;
const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?`;

/** RFC 3164 and its variants: time, host, `program[pid]: message`. */
const BSD = new RegExp(String.raw`^${PRI}(${BSD_TIME}|${ISO_TIME})\s+(\S+)\s+([\w./-]+)\[(\d+)\]:\s?(.*)$`);
/** RFC 5424 §6: `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG`. */
const RFC5424 = /^<\d{1,3}>\d{1,2} (\S+) (\S+) ([\w./-]+) (\d+|-) \S+ (?:-|(?:\[(?:[^\]\\]|\\.)*\])+)(?: \uFEFF?(.*))?$/;
const DOCKER_PREFIX = new RegExp(`^${DOCKER}`);

export interface SyslogLine {
  time: string;
  host: string;
  /** The program as logged: postfix/smtpd, postfix-out/smtp, policyd-spf, sendmail… */
  program: string;
  pid: number;
  message: string;
}

export function readSyslogLine(input: string): SyslogLine | null {
  // a docker compose prefix is rare: looked for only in a line with its bar (a plain
  // optional group in front of every line made reading three times slower)
  const line = input.includes(' | ') ? input.replace(DOCKER_PREFIX, '') : input;
  let m = BSD.exec(line);
  if (m) return { time: m[1], host: m[2], program: m[3], pid: Number(m[4]), message: m[5] };
  m = line.startsWith('<') ? RFC5424.exec(line) : null;
  if (m) return { time: m[1], host: m[2], program: m[3], pid: m[4] === '-' ? 0 : Number(m[4]), message: m[5] ?? '' };
  return null;
}

export interface PostfixLine extends SyslogLine {
  /** The daemon: smtpd, smtp, cleanup, postscreen… (the last part of the program). */
  daemon: string;
}

/** Postfix, including multi-instance names (postfix-out/smtp) and services (postfix/submission/smtpd). */
const POSTFIX_PROGRAM = /^postfix(?:-[\w.-]+)?\/[\w./-]*[\w.-]$/;

export function readPostfixLine(line: string): PostfixLine | null {
  const l = readSyslogLine(line);
  if (!l || !l.program.startsWith('postfix') || !POSTFIX_PROGRAM.test(l.program)) return null;
  const p = l as PostfixLine;
  p.daemon = l.program.slice(l.program.lastIndexOf('/') + 1);
  return p;
}
