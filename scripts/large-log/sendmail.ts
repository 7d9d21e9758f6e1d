// Sendmail's syslog lines (the shapes of test/fixtures/logs/sendmail.log and
// real-logs/sm-*.log): check_relay and check_rcpt refusals, accepted mail
// delivered locally, outbound mail sent, bounced (User unknown) and deferred.

import { LOCAL_DOMAINS, REMOTES, Rng, SENDER_DOMAINS, address, clientIp, hostOf, syslogTime } from './common';

const A62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function sendmailSession(r: Rng): ((t: number) => string)[] {
  const pid = 1000 + r.int(60000);
  const L =
    (body: string, p = pid) =>
    (t: number) =>
      `${syslogTime(t)} gw sm-mta[${p}]: ${body}`;
  const q = `${Array.from({ length: 8 }, () => A62[r.int(62)]).join('')}${String(pid).padStart(6, '0')}`;
  const ip = clientIp(r);
  const host = hostOf(r, ip);
  const relay = host === 'unknown' ? `[${ip}]` : `${host} [${ip}]${r.chance(0.2) ? ' (may be forged)' : ''}`;
  const from = address(r, SENDER_DOMAINS);
  const to = address(r, LOCAL_DOMAINS);
  const lines: ((t: number) => string)[] = [];
  const kind = r.int(100);
  if (kind < 12) {
    lines.push(
      L(
        `${q}: ruleset=check_relay, arg1=[${ip}], arg2=127.0.0.4, relay=${relay}, reject=554 5.7.1 Rejected ${ip} found in zen.spamhaus.org`,
      ),
    );
  } else if (kind < 30) {
    lines.push(L(`${q}: from=<${from}>, size=${1000 + r.int(90000)}, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=${relay}`));
    lines.push(L(`${q}: ruleset=check_rcpt, arg1=<${to}>, relay=${relay}, reject=550 5.1.1 <${to}>... User unknown`));
    lines.push(L(`${q}: lost input channel from ${relay} to MTA after rcpt`));
  } else if (kind < 80) {
    lines.push(
      L(
        `${q}: from=<${from}>, size=${1000 + r.int(90000)}, class=0, nrcpts=1, msgid=<${q}@${from.split('@')[1]}>, proto=ESMTP, daemon=MTA, relay=${relay}`,
      ),
    );
    lines.push(L(`${q}: to=<${to}>, delay=00:00:01, xdelay=00:00:01, mailer=local, pri=30511, dsn=2.0.0, stat=Sent`, pid + 1));
  } else {
    const sender = address(r, LOCAL_DOMAINS);
    const remote = r.pick(REMOTES);
    const rcpt = address(r, [remote.domain]);
    const rl = `${remote.host}. [${remote.ip}]`;
    lines.push(
      L(
        `${q}: from=<${sender}>, size=${1000 + r.int(90000)}, class=0, nrcpts=1, msgid=<${q}@example.com>, proto=ESMTP, daemon=MTA, relay=localhost [127.0.0.1]`,
      ),
    );
    const k = r.int(10);
    const base = `${q}: to=<${rcpt}>, ctladdr=<${sender}> (1000/1000), delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=142044, relay=${rl}`;
    if (k < 5) lines.push(L(`${base}, dsn=2.0.0, stat=Sent (OK ${r.int(1e9)})`, pid + 1));
    else if (k < 8) lines.push(L(`${base}, dsn=5.1.1, stat=User unknown`, pid + 1));
    else lines.push(L(`${base}, dsn=4.0.0, stat=Deferred: Connection timed out with ${remote.host}.`, pid + 1));
  }
  return lines;
}
