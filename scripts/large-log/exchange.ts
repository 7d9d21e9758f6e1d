// Exchange SMTP Receive protocol log (W3C CSV; the shapes of
// test/fixtures/logs/exchange-protocol.log): one row per line of the
// dialogue, sessions interleaved by session-id; refused at RCPT or after
// DATA, or accepted.

import { LOCAL_DOMAINS, Rng, SENDER_DOMAINS, address, clientIp, localRefusal, isoZ } from './common';

export const EXCHANGE_HEADER = [
  '#Software: Microsoft Exchange Server',
  '#Version: 15.02.1118.007',
  '#Log-type: SMTP Receive Protocol Log',
  '#Date: 2026-03-04T00:00:00.000Z',
  '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
];

const csv = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function exchangeSession(r: Rng, n: number): ((t: number) => string)[] {
  const sid = (0x08dc58f1a2b3c4e1n + BigInt(n)).toString(16).toUpperCase().padStart(16, '0');
  const ip = clientIp(r);
  const remote = ip.includes(':') ? `[${ip}]:${1024 + r.int(60000)}` : `${ip}:${1024 + r.int(60000)}`;
  let seq = 0;
  const L = (event: string, data = '', context = '') => {
    const s = seq++;
    return (t: number) => `${isoZ(t)},EX01\\Default Frontend EX01,${sid},${s},10.0.0.5:25,${remote},${event},${csv(data)},${csv(context)}`;
  };
  const from = address(r, SENDER_DOMAINS);
  const to = address(r, LOCAL_DOMAINS);
  const lines: ((t: number) => string)[] = [];
  lines.push(L('+'));
  lines.push(L('*', 'SMTPSubmit SMTPAcceptAnyRecipient SMTPAcceptAnySender', 'Set Session Permissions'));
  lines.push(L('>', '220 ex01.example.com Microsoft ESMTP MAIL Service ready at Wed, 04 Mar 2026 00:00:00 +0000'));
  lines.push(L('<', `EHLO mail.${from.split('@')[1]}`));
  lines.push(L('>', `250-ex01.example.com Hello [${ip}]`));
  lines.push(L('>', '250 8BITMIME'));
  lines.push(L('<', `MAIL FROM:<${from}>`));
  lines.push(L('>', '250 2.1.0 Sender OK'));
  lines.push(L('<', `RCPT TO:<${to}>`));
  const k = r.int(100);
  if (k < 40) {
    const f = localRefusal(r, ip, to);
    if (f.stage === 'end of DATA') {
      lines.push(L('>', '250 2.1.5 Recipient OK'));
      lines.push(L('<', 'DATA'));
      lines.push(L('>', '354 Start mail input; end with <CRLF>.<CRLF>'));
      lines.push(L('*', `${1000 + r.int(90000)} bytes`, 'Message size'));
      lines.push(L('>', `550 5.7.1 ${f.lines.join(' ')}`));
    } else lines.push(L('>', `${f.code} ${f.enhanced} ${f.lines.join(' ')}`));
  } else {
    lines.push(L('>', '250 2.1.5 Recipient OK'));
    lines.push(L('<', 'DATA'));
    lines.push(L('>', '354 Start mail input; end with <CRLF>.<CRLF>'));
    lines.push(L('*', `${1000 + r.int(90000)} bytes`, 'Message size'));
    lines.push(L('>', `250 2.6.0 <${sid}@ex01.example.com> [InternalId=${r.int(1e9)}] Queued mail for delivery`));
  }
  lines.push(L('<', 'QUIT'));
  lines.push(L('>', '221 2.0.0 Service closing transmission channel'));
  lines.push(L('-', '', 'Local'));
  return lines;
}
