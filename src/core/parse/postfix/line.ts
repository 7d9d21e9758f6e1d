// The prefix of a Postfix log line: syslog (`Mon DD HH:MM:SS host
// postfix/smtpd[123]: `) or ISO 8601 / RFC 3339 (`2024-01-02T03:04:05.1+00:00
// host postfix/smtp[1]: `, rsyslog's and journald's precise formats), and an
// optional <PRI> from a raw syslog stream.

/** The syslog or ISO prefix: `Mon DD HH:MM:SS host postfix/smtpd[123]: ` or `2024-01-02T03:04:05.1+00:00 host postfix/smtp[1]: `. */
const PREFIX =
  /^(?:<\d+>\d? ?)?(?:([A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2})|(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?))\s+(\S+)\s+(postfix(?:-[\w.-]+)?(?:\/[\w.-]+)*\/([\w.-]+))\[(\d+)\]:\s?(.*)$/;

export interface PostfixLine {
  time: string;
  host: string;
  program: string;
  daemon: string;
  pid: number;
  message: string;
}

export function readPostfixLine(line: string): PostfixLine | null {
  const m = PREFIX.exec(line);
  if (!m) return null;
  return { time: m[1] ?? m[2], host: m[3], program: m[4], daemon: m[5], pid: Number(m[6]), message: m[7] };
}
