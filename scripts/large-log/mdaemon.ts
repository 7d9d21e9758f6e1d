// MDaemon 14+ session logs with session ids (interleaved; the shapes of
// test/fixtures/cases/mdaemon-554 and real-logs/md-*.log): inbound sessions
// refused at RCPT (unknown user, DNS-BL), refused after DATA, accepted;
// outbound sessions delivered or refused.

import { LOCAL_DOMAINS, REMOTES, Rng, SENDER_DOMAINS, address, clientIp, localRefusal, remoteRefusal, mdaemonTime } from './common';

const OUR_IP = '192.0.2.10';

export function mdaemonSession(r: Rng, n: number): ((t: number) => string)[] {
  const id = 100000 + n;
  const L = (lvl: string, body: string) => (t: number) => `${mdaemonTime(t)}: ${lvl}: [${id}] ${body}`;
  const lines: ((t: number) => string)[] = [];
  if (r.int(100) < 75) {
    const ip = clientIp(r);
    const from = address(r, SENDER_DOMAINS);
    const to = address(r, LOCAL_DOMAINS);
    const helo = `mail.${from.split('@')[1]}`;
    lines.push(L('05', `Session ${id}; child 0001`));
    lines.push(L('05', `Accepting SMTP connection from [${ip}:${1024 + r.int(60000)}] to [${OUR_IP}:25]`));
    lines.push(L('05', `Performing PTR lookup (${ip.split('.').reverse().join('.')}.IN-ADDR.ARPA)`));
    lines.push(
      L('05', r.chance(0.3) ? '* No PTR records found' : `* D=${ip.split('.').reverse().join('.')}.IN-ADDR.ARPA TTL=(60) PTR=[${helo}]`),
    );
    lines.push(L('05', '---- End PTR results'));
    lines.push(L('03', '--> 220 mail.example.com ESMTP MDaemon 23.5.2; Wed, 04 Mar 2026 00:00:01 +0000'));
    lines.push(L('02', `<-- EHLO ${helo}`));
    lines.push(L('03', '--> 250-mail.example.com Hello ' + helo + ', pleased to meet you'));
    lines.push(L('03', '--> 250-ETRN'));
    lines.push(L('03', '--> 250-8BITMIME'));
    lines.push(L('03', '--> 250 SIZE 0'));
    lines.push(L('02', `<-- MAIL From:<${from}> SIZE=${1000 + r.int(90000)}`));
    lines.push(L('03', `--> 250 <${from}>, Sender ok`));
    lines.push(L('02', `<-- RCPT To:<${to}>`));
    const k = r.int(100);
    if (k < 40) {
      const f = localRefusal(r, ip, to);
      if (f.stage === 'end of DATA') {
        lines.push(L('03', `--> 250 <${to}>, Recipient ok`));
        lines.push(L('02', '<-- DATA'));
        lines.push(L('03', '--> 354 Enter mail, end with <CRLF>.<CRLF>'));
        lines.push(L('05', `Message size: ${1000 + r.int(90000)} bytes`));
        lines.push(L('03', '--> 554 Message does not conform to standards'));
      } else lines.push(L('03', `--> ${f.code} ${f.enhanced} ${f.lines.join(' ')}`));
    } else {
      lines.push(L('03', `--> 250 <${to}>, Recipient ok`));
      lines.push(L('02', '<-- DATA'));
      lines.push(L('03', '--> 354 Enter mail, end with <CRLF>.<CRLF>'));
      lines.push(L('05', `Message size: ${1000 + r.int(90000)} bytes`));
      lines.push(L('03', '--> 250 Ok, message saved <Message-ID: <' + id + '@' + from.split('@')[1] + '>>'));
    }
    lines.push(L('02', '<-- QUIT'));
    lines.push(L('03', '--> 221 See ya in cyberspace'));
    lines.push(L('05', 'SMTP session terminated (Bytes in/out: 612/497)'));
  } else {
    const sender = address(r, LOCAL_DOMAINS);
    const remote = r.pick(REMOTES);
    const rcpt = address(r, [remote.domain]);
    lines.push(L('02', `Session ${id}; child 0001; thread ${r.int(9999)}`));
    lines.push(L('02', `Parsing message <d:\\mdaemon\\queues\\remote\\md${5000000000 + n}.msg>`));
    lines.push(L('02', `*  From: ${sender}`));
    lines.push(L('02', `*  To: ${rcpt}`));
    lines.push(L('02', `Attempting SMTP connection to [${remote.host}:25]`));
    lines.push(L('02', `*  Connection established (${OUR_IP}:${1024 + r.int(60000)} -> ${remote.ip}:25)`));
    lines.push(L('02', `<-- 220 ${remote.host} ESMTP`));
    lines.push(L('02', '--> EHLO mail.example.com'));
    lines.push(L('02', `<-- 250-${remote.host}`));
    lines.push(L('02', '<-- 250 8BITMIME'));
    lines.push(L('02', `--> MAIL From:<${sender}> SIZE=${1000 + r.int(90000)}`));
    const f = r.chance(0.5) ? remoteRefusal(r, remote, rcpt, OUR_IP) : null;
    if (f && f.stage === 'MAIL FROM') lines.push(L('02', `<-- ${f.code} ${f.enhanced} ${f.lines.join(' ')}`));
    else {
      lines.push(L('02', '<-- 250 2.1.0 Ok'));
      lines.push(L('02', `--> RCPT To:<${rcpt}>`));
      if (f && f.stage === 'RCPT TO') lines.push(L('02', `<-- ${f.code} ${f.enhanced} ${f.lines.join(' ')}`));
      else {
        lines.push(L('02', '<-- 250 2.1.5 Ok'));
        lines.push(L('02', '--> DATA'));
        lines.push(L('02', '<-- 354 End data with <CR><LF>.<CR><LF>'));
        if (f) f.lines.forEach((x, i) => lines.push(L('02', `<-- ${f.code}${i < f.lines.length - 1 ? '-' : ' '}${f.enhanced} ${x}`)));
        else lines.push(L('02', '<-- 250 2.0.0 Ok: queued'));
      }
    }
    lines.push(L('02', '--> QUIT'));
    lines.push(L('02', '<-- 221 2.0.0 Bye'));
    lines.push(L('02', 'SMTP session terminated (Bytes in/out: 300/200)'));
  }
  return lines;
}
