// npm run make:large-log -- OUT [MB]
// Writes a synthetic Postfix log of about MB megabytes (default 100) for
// measuring the summary on a large input. The lines are the shapes of
// test/fixtures/logs/postfix-syslog.log with varied ids, IPs and addresses;
// deterministic (a fixed linear congruential generator), nothing random.

import { createWriteStream } from 'node:fs';

const out = process.argv[2];
const mb = Number(process.argv[3] ?? 100);
if (!out) {
  console.error('usage: npm run make:large-log -- OUT [MB]');
  process.exit(2);
}
let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const B32 = 'BCDFGHJKLMNPQRSTVWXYZbcdfghjklmn0123456789';
const qid = () => Array.from({ length: 12 }, () => B32[rnd(B32.length)]).join('');
const ip = () => `${[198, 203, 192][rnd(3)]}.${[51, 0, 0][rnd(3)]}.${rnd(255)}.${1 + rnd(254)}`;
const domains = ['example.com', 'example.net', 'example.org', 'shop.example', 'news.example', 'partner.example'];
const user = () => ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace'][rnd(7)] + rnd(1000);
const w = createWriteStream(out);
let bytes = 0;
let t = 0;
const stamp = () => {
  t++;
  const s = t % 60;
  const m = Math.floor(t / 60) % 60;
  const h = Math.floor(t / 3600) % 24;
  return `Mar  4 ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};
async function main() {
  let pid = 1000;
  while (bytes < mb * 1048576) {
    const lines: string[] = [];
    const kind = rnd(10);
    const p = pid++;
    const client = ip();
    const from = `${user()}@${domains[rnd(domains.length)]}`;
    const to = `${user()}@example.com`;
    if (kind < 2) {
      lines.push(`${stamp()} mx1 postfix/smtpd[${p}]: connect from unknown[${client}]`);
      lines.push(
        `${stamp()} mx1 postfix/smtpd[${p}]: NOQUEUE: reject: RCPT from unknown[${client}]: 554 5.7.1 Service unavailable; Client host [${client}] blocked using zen.spamhaus.org; from=<${from}> to=<${to}> proto=ESMTP helo=<pc${rnd(99)}>`,
      );
      lines.push(`${stamp()} mx1 postfix/smtpd[${p}]: disconnect from unknown[${client}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4`);
    } else if (kind < 3) {
      lines.push(`${stamp()} mx1 postfix/smtpd[${p}]: connect from mail.${domains[rnd(domains.length)]}[${client}]`);
      lines.push(
        `${stamp()} mx1 postfix/smtpd[${p}]: NOQUEUE: reject: RCPT from mail.x[${client}]: 550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table; from=<${from}> to=<${to}> proto=ESMTP helo=<mail.x>`,
      );
      lines.push(`${stamp()} mx1 postfix/smtpd[${p}]: disconnect from mail.x[${client}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4`);
    } else {
      const q = qid();
      lines.push(`${stamp()} mx1 postfix/smtpd[${p}]: connect from mail.${domains[rnd(domains.length)]}[${client}]`);
      lines.push(`${stamp()} mx1 postfix/smtpd[${p}]: ${q}: client=mail.x[${client}]`);
      lines.push(`${stamp()} mx1 postfix/cleanup[${p + 1}]: ${q}: message-id=<${q}@x>`);
      lines.push(`${stamp()} mx1 postfix/qmgr[900]: ${q}: from=<${from}>, size=${1000 + rnd(90000)}, nrcpt=1 (queue active)`);
      lines.push(`${stamp()} mx1 postfix/smtpd[${p}]: disconnect from mail.x[${client}] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5`);
      if (kind < 5) {
        lines.push(
          `${stamp()} mx1 postfix/smtp[${p + 2}]: ${q}: to=<${user()}@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.1.26]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[142.250.1.26] said: 550-5.7.26 This mail has been blocked because the sender is unauthenticated. 550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM. (in reply to end of DATA command))`,
        );
      } else {
        lines.push(
          `${stamp()} mx1 postfix/local[${p + 2}]: ${q}: to=<${to}>, relay=local, delay=0.1, delays=0.05/0/0/0.05, dsn=2.0.0, status=sent (delivered to mailbox)`,
        );
      }
      lines.push(`${stamp()} mx1 postfix/qmgr[900]: ${q}: removed`);
    }
    const text = lines.join('\n') + '\n';
    bytes += text.length;
    if (!w.write(text)) await new Promise<void>((r) => w.once('drain', () => r()));
  }
  w.end();
  await new Promise<void>((r) => w.once('finish', () => r()));
  console.log(`wrote ${(bytes / 1048576).toFixed(1)} MB to ${out}`);
}
main();
