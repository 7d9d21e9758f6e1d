// Exim mainlog (the shapes of test/fixtures/logs/exim-mainlog*.log): inbound
// connections refused at RCPT or after DATA, accepted mail delivered locally,
// outbound mail delivered, failed (**) and deferred (==).

import { LOCAL_DOMAINS, REMOTES, Rng, SENDER_DOMAINS, address, clientIp, hostOf, localRefusal, remoteRefusal, isoSpace } from './common';

const A62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const OUR_IP = '192.0.2.200';

export function eximSession(r: Rng): ((t: number) => string)[] {
  const L = (body: string) => (t: number) => `${isoSpace(t)} ${body}`;
  const id = () =>
    `${Array.from({ length: 6 }, () => A62[r.int(62)]).join('')}-${Array.from({ length: 6 }, () => A62[r.int(62)]).join('')}-${Array.from({ length: 2 }, () => A62[r.int(62)]).join('')}`;
  const ip = clientIp(r);
  const host = hostOf(r, ip);
  const port = 1024 + r.int(60000);
  const helo = host === 'unknown' ? `pc${r.int(999)}` : host;
  const hfield = host === 'unknown' ? `(${helo}) [${ip}]:${port}` : `${host} [${ip}]:${port}`;
  const from = address(r, SENDER_DOMAINS);
  const to = address(r, LOCAL_DOMAINS);
  const lines: ((t: number) => string)[] = [];
  const kind = r.int(100);
  if (kind < 34) {
    lines.push(L(`SMTP connection from [${ip}]:${port} (TCP/IP connection count = ${1 + r.int(20)})`));
    if (host === 'unknown') lines.push(L(`no host name found for IP address ${ip}`));
    const f = localRefusal(r, ip, to);
    if (f.stage === 'end of DATA') lines.push(L(`${id()} H=${hfield} F=<${from}> rejected after DATA: ${f.lines.join(' ')}`));
    else lines.push(L(`H=${hfield} F=<${from}> ${f.code < 500 ? 'temporarily ' : ''}rejected RCPT <${to}>: ${f.lines.join(' ')}`));
    lines.push(L(`SMTP connection from ${hfield.replace(/:\d+$/, '')} closed by QUIT`));
  } else if (kind < 80) {
    const m = id();
    lines.push(L(`SMTP connection from [${ip}]:${port} (TCP/IP connection count = ${1 + r.int(20)})`));
    lines.push(
      L(
        `${m} <= ${from} H=${hfield} P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=${1000 + r.int(90000)} id=${m}@${from.split('@')[1]}`,
      ),
    );
    lines.push(L(`SMTP connection from ${hfield.replace(/:\d+$/, '')} closed by QUIT`));
    lines.push(L(`${m} => ${to.split('@')[0]} <${to}> R=local_user T=local_delivery`));
    lines.push(L(`${m} Completed`));
  } else {
    const m = id();
    const sender = address(r, LOCAL_DOMAINS);
    const remote = r.pick(REMOTES);
    const rcpt = address(r, [remote.domain]);
    lines.push(L(`${m} <= ${sender} U=www P=local S=${1000 + r.int(90000)} id=${m}@example.com`));
    const k = r.int(10);
    const h = `H=${remote.host} [${remote.ip}]`;
    if (k < 5)
      lines.push(
        L(`${m} => ${rcpt} R=dnslookup T=remote_smtp ${h} X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C="250 2.0.0 OK ${r.int(1e9)}"`),
      );
    else {
      const f = remoteRefusal(r, remote, rcpt, OUR_IP);
      const said = f.lines.map((x, i) => `${f.code}${i < f.lines.length - 1 ? '-' : ' '}${f.enhanced} ${x}`).join('\\n');
      const after =
        f.stage === 'RCPT TO' ? `RCPT TO:<${rcpt}>` : f.stage === 'MAIL FROM' ? `MAIL FROM:<${sender}> SIZE=2048` : 'end of data';
      if (f.code >= 500)
        lines.push(
          L(
            `${m} ** ${rcpt} R=dnslookup T=remote_smtp ${h} X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes: SMTP error from remote mail server after ${after}: ${said}`,
          ),
        );
      else
        lines.push(
          L(`${m} == ${rcpt} R=dnslookup T=remote_smtp defer (-44) ${h}: SMTP error from remote mail server after ${after}: ${said}`),
        );
    }
    lines.push(L(`${m} Completed`));
  }
  return lines;
}
