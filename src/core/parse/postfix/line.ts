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

/** RFC 3164 and its variants: time, host, `program[pid]: message` (a host a poster redacted as "[my domain]" too). */
const BSD = new RegExp(String.raw`^${PRI}(${BSD_TIME}|${ISO_TIME})\s+(\[[^\]]{1,60}\]|\S+)\s+([\w./-]+)\[(\d+)\]:\s?(.*)$`);
/** The same without a pid: programs that log none ("dovecot: lmtp(…): …"). */
const BSD_NO_PID = new RegExp(String.raw`^${PRI}(${BSD_TIME}|${ISO_TIME})\s+(\[[^\]]{1,60}\]|\S+)\s+([\w./-]+):\s(.*)$`);
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
  m = BSD_NO_PID.exec(line);
  if (m) return { time: m[1], host: m[2], program: m[3], pid: 0, message: m[4] };
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

/**
 * A Postfix line whose syslog prefix the paste lost, in part or whole: the
 * time alone ("Feb 25 12:11:46 postfix/smtpd[7]: …"), the host alone ("mail
 * postfix/smtp[28481]: …"), or neither ("postfix/smtpd[2717]: NOQUEUE: …",
 * "postfix/amavis/smtp: to=<…>, …" without a pid). The program name is the
 * anchor: only "postfix/…" (or "postfix-<instance>/…") opens such a line.
 */
const PARTIAL = new RegExp(
  String.raw`^(?:(${BSD_TIME}|${ISO_TIME})\s+)?(?:(\[[^\]]{1,60}\]|[\w.-]{1,253})\s+)?(postfix(?:-[\w.-]{1,40})?\/[\w./-]{0,80}[\w.-])(?:\[(\d{1,10})\])?:\s?(.*)$`,
);

function readPartialLine(input: string): SyslogLine | null {
  const line = input.includes(' | ') ? input.replace(DOCKER_PREFIX, '') : input;
  const m = PARTIAL.exec(line.trim());
  return m ? { time: m[1] ?? '', host: m[2] ?? '', program: m[3], pid: m[4] ? Number(m[4]) : 0, message: m[5] } : null;
}

/**
 * Postfix's daemons (postfix/master.cf): a program "<syslog_name>/<daemon>"
 * whose syslog_name was changed from "postfix" (a second instance, a
 * container's "server1-1/smtp") is still Postfix when the daemon is one of these.
 */
const POSTFIX_DAEMONS =
  /^(?:smtpd|smtp|lmtp|postscreen|dnsblog|tlsproxy|cleanup|qmgr|pickup|bounce|defer|trace|local|virtual|pipe|error|retry|discard|anvil|scache|verify|flush|proxymap|showq|postdrop|sendmail|postqueue|postsuper|master|tlsmgr|submission|smtps)$/;

/**
 * A Postfix message pasted without even its program: the shapes only Postfix
 * writes (smtpd's "NOQUEUE: reject: RCPT from …", cleanup's "QID:
 * milter-reject: END-OF-MESSAGE from …", the delivery agents' "QID:
 * to=<…>, relay=…, status=…"), with the daemon that writes each.
 */
// (a queue id: the short hex form, or the long form of enable_long_queue_ids — base-52 digits with a
// 'z' between the time and the inode part, postconf(5) enable_long_queue_ids)
const QID = String.raw`(?:[0-9A-F]{5,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-y]{6,}z[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{3,})`;
const MESSAGE_SHAPES: { shape: RegExp; daemon: string }[] = [
  // a delivery agent's own sentences about one queued message ("QID: host x[ip] said: …", "refused to talk to me")
  // (a poster's redaction inside the brackets keeps its own: "host x[[redacted]] said: …", as fields.ts HOST_IP)
  {
    shape: new RegExp(
      String.raw`^${QID}: (?:host \S+?\[(?:\[[^\[\]]{0,40}\]|[^\[\]]){1,60}\] (?:said|refused to talk to me): |lost connection with \S+?\[(?:\[[^\[\]]{0,40}\]|[^\[\]]){1,60}\] )`,
    ),
    daemon: 'smtp',
  },
  // smtp's failed connection ("connect to mx.example[192.0.2.1]:25: Connection timed out")
  { shape: /^connect to \S+\[[^\]]{1,60}\]:\d{1,5}: \w/, daemon: 'smtp' },
  // smtpd's connection lines and its queue id's first line; cleanup's and qmgr's
  { shape: /^(?:dis)?connect from \S+\[[^\]]{1,60}\](?: |$)/, daemon: 'smtpd' },
  { shape: new RegExp(String.raw`^${QID}: client=\S+\[[^\]]{1,60}\]`), daemon: 'smtpd' },
  { shape: new RegExp(String.raw`^${QID}: message-id=<?[^\s]{0,300}>?$`), daemon: 'cleanup' },
  { shape: new RegExp(String.raw`^${QID}: (?:from=<[^>]{0,300}>, size=\d+, nrcpt=\d+|removed$)`), daemon: 'qmgr' },
  {
    shape:
      /^(?:(?:[0-9A-F]{5,}|NOQUEUE): )?(?:reject|defer|discard|hold|warn): (?:CONNECT|EHLO|HELO|MAIL|RCPT|DATA|END-OF-MESSAGE|VRFY|ETRN) from \S+: /,
    daemon: 'smtpd',
  },
  {
    shape: new RegExp(
      String.raw`^(?:${QID}: )?milter-(?:reject|discard|hold): (?:CONNECT|EHLO|HELO|MAIL|RCPT|DATA|END-OF-MESSAGE) from \S+: `,
    ),
    daemon: 'cleanup',
  },
  {
    shape: new RegExp(
      // (the address may hold a poster's placeholder in angle brackets: "to=<anna@<cutout>>")
      String.raw`^(?:${QID}: )?to=<(?:[^<>]|<[^<>]{1,40}>){0,300}>,(?: orig_to=<[^>]{0,300}>,)? relay=\S+, .{0,200}\bstatus=(?:sent|deferred|bounced|expired|undeliverable)\b`,
    ),
    daemon: 'smtp',
  },
];

function readMessageOnly(line: string): SyslogLine | null {
  const t = line.trim();
  const m = MESSAGE_SHAPES.find((x) => x.shape.test(t));
  return m ? { time: '', host: '', program: `postfix/${m.daemon}`, pid: 0, message: t } : null;
}

function asPostfix(l: SyslogLine | null): PostfixLine | null {
  if (!l) return null;
  const daemon = l.program.slice(l.program.lastIndexOf('/') + 1);
  const named = l.program.startsWith('postfix') && POSTFIX_PROGRAM.test(l.program);
  // another syslog_name in front of one of Postfix's daemons
  if (!named && !(l.program.includes('/') && POSTFIX_DAEMONS.test(daemon))) return null;
  const p = l as PostfixLine;
  p.daemon = daemon;
  return p;
}

export function readPostfixLine(line: string): PostfixLine | null {
  return asPostfix(readSyslogLine(line)) ?? asPostfix(readPartialLine(line)) ?? asPostfix(readMessageOnly(line));
}
