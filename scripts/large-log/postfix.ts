// Postfix mail.log sessions (the shapes of test/fixtures/logs/postfix-syslog.log
// and test/fixtures/real-logs/pf-*.log): inbound connections refused by RBL,
// recipient or hostname checks, postscreen refusals, accepted mail delivered
// locally, outbound mail sent, bounced and deferred, SASL guessing.

import { LOCAL_DOMAINS, REMOTES, Rng, SENDER_DOMAINS, address, clientIp, hostOf, localRefusal, remoteRefusal, syslogTime } from './common';

const B52 = 'BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789';
const OUR_IP = '192.0.2.10';

export function postfixSession(r: Rng): ((t: number) => string)[] {
  const L = (body: string) => (t: number) => `${syslogTime(t)} mx1 postfix/${body}`;
  const pid = () => 1000 + r.int(60000);
  // long queue ids (enable_long_queue_ids): a digit first, then base-52
  const qid = () => String(1 + r.int(9)) + Array.from({ length: 11 }, () => B52[r.int(B52.length)]).join('');
  const p = pid();
  const ip = clientIp(r);
  const host = hostOf(r, ip);
  const client = `${host}[${ip}]`;
  const from = address(r, SENDER_DOMAINS);
  const to = address(r, LOCAL_DOMAINS);
  const helo = host === 'unknown' ? `pc${r.int(999)}` : host;
  const kind = r.int(100);
  const lines: ((t: number) => string)[] = [];
  // smtpd separates the envelope with spaces, postscreen with commas (smtpd_check.c, postscreen_smtpd.c)
  const reject = (stage: string, code: number, enh: string, text: string, daemon = `smtpd[${p}]`, who = client, sep = ' ') =>
    L(
      `${daemon}: NOQUEUE: reject: ${stage} from ${who}: ${code} ${enh} ${text}; ${[`from=<${from}>`, `to=<${to}>`, 'proto=ESMTP', `helo=<${helo}>`].join(sep)}`,
    );
  if (kind < 30) {
    // inbound, refused at RCPT
    if (host !== 'unknown' && host.includes('dyn') && r.chance(0.5))
      lines.push(L(`smtpd[${p}]: warning: hostname ${host} does not resolve to address ${ip}: Name or service not known`));
    lines.push(L(`smtpd[${p}]: connect from ${client}`));
    const f = localRefusal(r, ip, to);
    lines.push(reject(f.stage === 'end of DATA' ? 'END-OF-MESSAGE' : 'RCPT', f.code, f.enhanced, f.lines.join(' ')));
    lines.push(L(`smtpd[${p}]: disconnect from ${client} ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4`));
  } else if (kind < 34) {
    // postscreen: a listed client is refused before smtpd
    const port = 1024 + r.int(60000);
    const ps = `postscreen[${900 + r.int(10)}]`;
    lines.push(L(`${ps}: CONNECT from [${ip}]:${port} to [${OUR_IP}]:25`));
    lines.push(L(`dnsblog[${pid()}]: addr ${ip} listed by domain zen.spamhaus.org as 127.0.0.${r.pick([2, 3, 4, 10, 11])}`));
    lines.push(L(`${ps}: DNSBL rank 3 for [${ip}]:${port}`));
    lines.push(
      reject('RCPT', 550, '5.7.1', `Service unavailable; client [${ip}] blocked using zen.spamhaus.org`, ps, `[${ip}]:${port}`, ', '),
    );
    lines.push(L(`${ps}: DISCONNECT [${ip}]:${port}`));
  } else if (kind < 36) {
    // password guessing: smtpd answers 535 (a refusal of the login)
    lines.push(L(`smtpd[${p}]: connect from ${client}`));
    lines.push(L(`smtpd[${p}]: warning: ${client}: SASL LOGIN authentication failed: UGFzc3dvcmQ6`));
    lines.push(L(`smtpd[${p}]: lost connection after AUTH from ${client}`));
    lines.push(L(`smtpd[${p}]: disconnect from ${client} ehlo=1 auth=0/1 commands=1/2`));
  } else if (kind < 80) {
    // accepted inbound, delivered to a mailbox
    const q = qid();
    lines.push(L(`smtpd[${p}]: connect from ${client}`));
    if (r.chance(0.6))
      lines.push(
        L(`smtpd[${p}]: Anonymous TLS connection established from ${client}: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)`),
      );
    lines.push(L(`smtpd[${p}]: ${q}: client=${client}`));
    lines.push(L(`cleanup[${pid()}]: ${q}: message-id=<${q}@${from.split('@')[1]}>`));
    lines.push(L(`qmgr[900]: ${q}: from=<${from}>, size=${1000 + r.int(90000)}, nrcpt=1 (queue active)`));
    lines.push(L(`smtpd[${p}]: disconnect from ${client} ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5`));
    lines.push(
      L(
        `lmtp[${pid()}]: ${q}: to=<${to}>, relay=mail.example.com[private/dovecot-lmtp], delay=0.2, delays=0.1/0/0/0.1, dsn=2.0.0, status=sent (250 2.0.0 <${to}> Saved)`,
      ),
    );
    lines.push(L(`qmgr[900]: ${q}: removed`));
  } else {
    // outbound: a local user's mail to the world
    const q = qid();
    const sender = address(r, LOCAL_DOMAINS);
    const remote = r.pick(REMOTES);
    const rcpt = address(r, [remote.domain]);
    const relay = `${remote.host}[${remote.ip}]:25`;
    lines.push(L(`pickup[${pid()}]: ${q}: uid=1000 from=<${sender}>`));
    lines.push(L(`cleanup[${pid()}]: ${q}: message-id=<${q}@example.com>`));
    lines.push(L(`qmgr[900]: ${q}: from=<${sender}>, size=${1000 + r.int(90000)}, nrcpt=1 (queue active)`));
    const sp = pid();
    const k = r.int(10);
    if (k < 5) {
      lines.push(
        L(
          `smtp[${sp}]: ${q}: to=<${rcpt}>, relay=${relay}, delay=1.1, delays=0.1/0/0.4/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK ${r.int(1e9)} - gsmtp)`,
        ),
      );
    } else if (k < 8 || remote.domain === 'partner.example') {
      const f = remoteRefusal(r, remote, rcpt, OUR_IP);
      const said = f.lines.map((x, i) => `${f.code}${i < f.lines.length - 1 ? '-' : ' '}${f.enhanced} ${x}`).join(' ');
      const status = f.code >= 500 ? 'bounced' : 'deferred';
      lines.push(
        L(
          `smtp[${sp}]: ${q}: to=<${rcpt}>, relay=${relay}, delay=1.2, delays=0.1/0/0.5/0.6, dsn=${f.enhanced}, status=${status} (host ${remote.host}[${remote.ip}] said: ${said} (in reply to ${f.stage} command))`,
        ),
      );
      if (status === 'bounced') lines.push(L(`bounce[${pid()}]: ${q}: sender non-delivery notification: ${qid()}`));
    } else {
      lines.push(L(`smtp[${sp}]: connect to ${remote.host}[${remote.ip}]:25: Connection timed out`));
      lines.push(
        L(
          `smtp[${sp}]: ${q}: to=<${rcpt}>, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to ${remote.host}[${remote.ip}]:25: Connection timed out)`,
        ),
      );
    }
    lines.push(L(`qmgr[900]: ${q}: removed`));
  }
  return lines;
}
