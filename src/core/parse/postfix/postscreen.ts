// postscreen's and dnsblog's own lines (postscreen(8)): CONNECT/DISCONNECT,
// PASS NEW/OLD and the allow/deny lists, DNSBL rank, the protocol tests it
// runs before smtpd (PREGREET, HANGUP, COMMAND … LIMIT, BARE NEWLINE), and
// dnsblog's "addr … listed by domain …". Fills `e` and says whether it knew the line.

import type { PostfixEvent } from './types';

export function postscreenEvent(msg: string, e: PostfixEvent): boolean {
  let m: RegExpExecArray | null;
  // postscreen
  if ((m = /^CONNECT from \[([^\]]+)\]:(\d+)(?: to \[([^\]]+)\]:(\d+))?/.exec(msg))) {
    e.event = 'connect';
    e.clientIp = m[1];
    e.clientPort = Number(m[2]);
    if (m[3]) e.serverIp = m[3];
    if (m[4]) e.serverPort = Number(m[4]);
    return true;
  }
  if (
    (m =
      /^(PASS NEW|PASS OLD|WHITELISTED|BLACKLISTED|WHITELIST VETO|ALLOWLISTED|DENYLISTED|ALLOWLIST VETO|DISCONNECT) \[([^\]]+)\]:(\d+)/.exec(
        msg,
      ))
  ) {
    if (m[1] === 'DISCONNECT') e.event = 'disconnect';
    else e.access = m[1];
    e.clientIp = m[2];
    e.clientPort = Number(m[3]);
    return true;
  }
  if ((m = /^DNSBL rank (\d+) for \[([^\]]+)\]:(\d+)/.exec(msg))) {
    e.dnsblRank = Number(m[1]);
    e.clientIp = m[2];
    e.clientPort = Number(m[3]);
    e.violation = 'DNSBL';
    return true;
  }
  if (
    (m =
      /^(PREGREET|HANGUP|COMMAND TIME LIMIT|COMMAND COUNT LIMIT|COMMAND LENGTH LIMIT|COMMAND PIPELINING|NON-SMTP COMMAND|BARE NEWLINE)(?: \d+)?(?: after ([\d.]+))? from \[([^\]]+)\]:(\d+)(?:.*? after (\S+?)(?::|$))?/.exec(
        msg,
      ))
  ) {
    e.violation = m[1];
    e.clientIp = m[3];
    e.clientPort = Number(m[4]);
    if (m[5]) e.smtpStage = m[5];
    return true;
  }
  // dnsblog: "addr 1.2.3.4 listed by domain zen.spamhaus.org as 127.0.0.4"
  if ((m = /^addr (\S+) listed by domain (\S+) as (\S+)/.exec(msg))) {
    e.clientIp = m[1];
    e.dnsblDomain = m[2];
    e.response = m[3];
    return true;
  }
  return false;
}
