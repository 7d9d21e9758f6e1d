// Adversarial inputs for issue 10 ("Hard to break", point 2: linear time on
// any input). Each input is a function of a size: a long run of one shape of
// text (spaces, tabs, dots, digits, "@", "(", "=", "-", URLs, encoded words…)
// placed where a real input carries free text — a header value, a log line's
// reply, a bounce's Diagnostic-Code — or a count of repeated parts (a DSN's
// recipients, header fields, folded lines). Doubling the size of a linear
// reader doubles its time; a reader that quadruples it has a super-linear
// regular expression or loop somewhere on that path.
//
// Used by test/unit/robust/linear-time.test.ts (a chosen few, as a hang and
// growth detector), scripts/bench/adversarial.ts (all of them: the worst time
// per MB) and scripts/adversarial-find.ts (all of them, doubling, to find
// the super-linear ones).

import { analyze } from '../../src/core/analyze';
import { makeRedactor } from '../../src/core/share/redact';

/** Runs of one unit repeated to the size: the shapes that make backtracking regexes quadratic. */
export const RUNS: Record<string, string> = {
  spaces: ' ',
  tabs: '\t',
  'tab-space': '\t ',
  dots: '.',
  digits: '1',
  at: '@',
  'open-paren': '(',
  'close-paren': ')',
  'open-bracket': '[',
  'close-bracket': ']',
  angle: '<',
  'close-angle': '>',
  equals: '=',
  hyphens: '-',
  quotes: '"',
  colons: ':',
  semicolons: ';',
  commas: ',',
  stars: '*',
  hashes: '#',
  slashes: '/',
  backslashes: '\\',
  percent: '%',
  braces: '{',
  letters: 'a',
  'letter-dot': 'a.',
  'letter-at': 'a@',
  'digit-dot': '1.',
  'letter-hyphen': 'a-',
  'space-hyphen': ' -',
  'space-dot': ' .',
  'word-space': 'ab ',
  'key-value': 'x=y ',
  'key-value-semi': 'a=b;',
  'open-paren-word': '(a ',
  'ip-ish': '1.2.3.',
  'enhanced-ish': '5.7.1 ',
  urls: 'http://a.example/',
  'encoded-words': '=?utf-8?q?a?= ',
  addresses: 'a@b.example ',
  'angle-addresses': '<a@b.example>',
  'crlf-ish': ' \r',
};

/** The places where a real input carries free text; `%` is the run. */
export const PLACES: Record<string, (run: string) => string> = {
  alone: (r) => r,
  'bare-reply': (r) => `550 5.7.1 ${r}`,
  'header-from': (r) => message(`From: ${r} <a@b.example>`),
  'header-to': (r) => message(`To: ${r}`, { to: false }),
  'header-subject': (r) => message(`Subject: ${r}`),
  'header-received': (r) =>
    message(
      `Received: from a.example (b.example [192.0.2.1] ${r}) by mx.example (Postfix) with ESMTPS id ${r}; Mon, 1 Jan 2024 00:00:00 +0000`,
    ),
  'header-received-tls': (r) =>
    message(`Received: from a.example by mx.example with ESMTPS (version=TLS1.3 ${r} encrypted); Mon, 1 Jan 2024 00:00:00 +0000`),
  'header-authres': (r) =>
    message(`Authentication-Results: mx.example; spf=pass ${r} smtp.mailfrom=a@b.example; dkim=fail (${r}) header.d=${r}`),
  'header-received-spf': (r) => message(`Received-SPF: pass (${r}) client-ip=192.0.2.1; envelope-from="${r}"`),
  'header-dkim': (r) => message(`DKIM-Signature: v=1; a=rsa-sha256; d=b.example; s=${r}; h=from:to; bh=${r}; b=${r}`),
  'header-date': (r) => message(`Date: Mon, 1 Jan 2024 00:00:00 +0000 ${r}`, { date: false }),
  'header-message-id': (r) => message(`Message-ID: <${r}@b.example>`, { id: false }),
  'header-content-type': (r) => message(`Content-Type: multipart/mixed; boundary="${r}"; x=${r}`),
  'header-spam-status': (r) => message(`X-Spam-Status: Yes, score=9.9 required=5.0 tests=${r} autolearn=no`),
  'header-spam-report': (r) => message(`X-Spam-Report: * 1.0 RULE_A ${r}\n\t*  2.0 RULE_B ${r}`),
  'header-ms-antispam': (r) =>
    message(`X-Forefront-Antispam-Report: CIP:192.0.2.1;CTRY:;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;H:${r};PTR:${r};CAT:SPM;SFS:${r}`),
  'header-unsubscribe': (r) => message(`List-Unsubscribe: <${r}>, <mailto:${r}>`),
  'header-name': (r) => message(`X-${r.replace(/[\s:]/g, 'x')}: a`),
  'message-body': (r) => message('Subject: hi') + `\n${r}\n`,
  'postfix-reject': (r) =>
    `Jan  1 00:00:00 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from a.example[192.0.2.1]: 554 5.7.1 ${r}; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<${r}>`,
  'postfix-said': (r) =>
    `Jan  1 00:00:00 mx postfix/smtp[2]: ABC123: to=<c@d.example>, relay=mx.d.example[198.51.100.1]:25, delay=1, dsn=5.0.0, status=bounced (host mx.d.example[198.51.100.1] said: 550 ${r} (in reply to RCPT TO command))`,
  'postfix-fields': (r) => `Jan  1 00:00:00 mx postfix/qmgr[3]: ABC123: from=<${r}>, size=${r}, nrcpt=1 (queue active)`,
  'postfix-connect': (r) =>
    `Jan  1 00:00:00 mx postfix/smtpd[1]: connect from ${r}[192.0.2.1]\nJan  1 00:00:01 mx postfix/smtpd[1]: lost connection after ${r} from unknown[192.0.2.1]`,
  mdaemon: (r) =>
    [
      'Thu 2022-09-15 10:38:04.100: 05: [88001] Session 88001; child 0001',
      `Thu 2022-09-15 10:38:04.101: 05: [88001] Accepting SMTP connection from [203.0.113.150:53122] to ${r}`,
      `Thu 2022-09-15 10:38:04.200: 02: [88001] <-- EHLO ${r}`,
      `Thu 2022-09-15 10:38:04.401: 02: [88001] Performing DNS-BL lookup (203.0.113.150 - ${r})`,
      `Thu 2022-09-15 10:38:04.451: 02: [88001] * bl.spamcop.net - failed ${r}`,
      `Thu 2022-09-15 10:38:04.500: 03: [88001] --> 550 5.7.1 ${r}`,
    ].join('\n'),
  exim: (r) =>
    [
      `2024-02-12 14:02:12 1rZaBc-0004Xy-2Q ** h@example.net R=dnslookup T=remote_smtp H=mx1.example.net [198.51.100.9]: SMTP error from remote mail server after RCPT TO:<h@example.net>: 550 ${r}`,
      `2024-02-12 14:06:41 H=(${r}) [203.0.113.99]:41522 F=<${r}> rejected RCPT <k@example.com>: ${r}`,
    ].join('\n'),
  sendmail: (r) =>
    [
      `Jan 22 16:40:01 gw sendmail[8811]: 40MFe1aB008811: ruleset=check_relay, arg1=[203.0.113.61], arg2=${r}, relay=[203.0.113.61], reject=554 5.7.1 ${r}`,
      `Jan 22 16:45:32 gw sendmail[8832]: 40MFjUeF008830: to=<${r}>, delay=00:00:02, mailer=esmtp, relay=mx.partner.example. [198.51.100.140], dsn=5.1.1, stat=${r}`,
    ].join('\n'),
  'exchange-tracking': (r) =>
    [
      '#Software: Microsoft Exchange Server',
      '#Log-type: Message Tracking Log',
      '#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-addr',
      `2024-04-10T09:00:06.002Z,,,,EX01,,,DSN,FAIL,18430,<a@example.com>,9f8e,u@f.example,"550 5.4.1 ${r.replace(/"/g, '""')}",1,1,`,
    ].join('\n'),
  'exchange-protocol': (r) =>
    [
      '#Software: Microsoft Exchange Server',
      '#Log-type: SMTP Receive Protocol Log',
      '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
      '2024-04-10T10:12:00.101Z,EX01\\Default,08DC,0,10.0.0.5:25,203.0.113.150:50511,+,,',
      `2024-04-10T10:12:00.250Z,EX01\\Default,08DC,3,10.0.0.5:25,203.0.113.150:50511,<,EHLO ${r.replace(/[",]/g, 'x')},`,
      `2024-04-10T10:12:00.251Z,EX01\\Default,08DC,4,10.0.0.5:25,203.0.113.150:50511,>,"550 5.7.1 ${r.replace(/"/g, '""')}",`,
    ].join('\n'),
  transcript: (r) =>
    ['$ telnet mail.example.com 25', '220 mail.example.com ESMTP', `HELO ${r}`, '250 ok', 'MAIL FROM:<a@b.example>', `550 5.7.1 ${r}`].join(
      '\n',
    ),
  'dsn-diagnostic': (r) =>
    dsn([{ to: 'p@c.example', diag: `550 5.1.1 ${r}`, text: `<p@c.example>: host mx.c.example[198.51.100.44] said: 550 ${r}` }]),
  'dsn-recipient': (r) => dsn([{ to: r, diag: '550 5.1.1 unknown user', text: `<${r}>: host x[198.51.100.44] said: 550 5.1.1 no` }]),
  'ndr-text': (r) =>
    message('Subject: Undeliverable: hi', { from: 'From: postmaster@b.example' }) +
    `\nDelivery has failed to these recipients or groups:\n\nc@d.example\n${r}\n\nRemote Server returned '550 5.7.1 ${r}'\n`,
};

/** A header block with the usual fields, the given one in place of its own. */
function message(field: string, o: { to?: boolean; date?: boolean; id?: boolean; from?: string } = {}): string {
  const lines = [
    o.from ?? (field.startsWith('From:') ? field : 'From: A <a@b.example>'),
    o.to === false ? field : 'To: c@d.example',
    o.date === false ? field : 'Date: Mon, 1 Jan 2024 00:00:00 +0000',
    o.id === false ? field : 'Message-ID: <x@b.example>',
    'Subject: hello',
    'Received: from a.example (a.example [192.0.2.1]) by mx.d.example with ESMTP id 1; Mon, 1 Jan 2024 00:00:01 +0000',
  ];
  if (!lines.includes(field)) lines.push(field);
  return lines.join('\n') + '\n';
}

/** A Postfix-style DSN for the given recipients. */
function dsn(rcpts: { to: string; diag: string; text: string }[]): string {
  const b = 'BOUNDARY.1/mx.example';
  return [
    'From: MAILER-DAEMON@mx.example (Mail Delivery System)',
    'To: a@b.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Date: Mon, 1 Jan 2024 00:00:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain',
    '',
    "I'm sorry to have to inform you that your message could not be delivered.",
    '',
    ...rcpts.map((r) => r.text),
    '',
    `--${b}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example',
    '',
    ...rcpts.flatMap((r) => [
      `Final-Recipient: rfc822; ${r.to}`,
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; ${r.diag}`,
      '',
    ]),
    `--${b}--`,
    '',
  ].join('\n');
}

/** Inputs whose size is a count of repeated parts rather than one long run. */
export const COUNTS: Record<string, (n: number) => string> = {
  /** One DSN for many recipients (8,000 took 16.5 s). Size ≈ 160 characters a recipient. */
  'dsn-recipients': (n) =>
    dsn(
      Array.from({ length: Math.max(1, Math.round(n / 160)) }, (_, i) => ({
        to: `user${i}@c${i % 50}.example`,
        diag: `550 5.1.1 <user${i}@c${i % 50}.example>: Recipient address rejected`,
        text: `<user${i}@c${i % 50}.example>: host mx[198.51.100.44] said: 550 5.1.1 unknown`,
      })),
    ),
  /** Many header fields. */
  'header-fields': (n) => message('Subject: hi') + Array.from({ length: Math.round(n / 12) }, (_, i) => `X-F${i}: v${i}`).join('\n') + '\n',
  /** One header folded over many lines of tabs (20 KB of tabs took 12.8 s). */
  'folded-tabs': (n) => message(`X-Folded: a${'\n\t\t\t\t\t\t\t'.repeat(Math.round(n / 8))}b`),
  /** A To: with many recipients. */
  'to-recipients': (n) =>
    message(`To: ${Array.from({ length: Math.round(n / 20) }, (_, i) => `u${i}@d.example`).join(', ')}`, { to: false }),
  /** Many Received fields. */
  'received-chain': (n) =>
    message('Subject: hi') +
    Array.from(
      { length: Math.round(n / 100) },
      (_, i) => `Received: from h${i}.example (h${i}.example [192.0.2.${i % 250}]) by h${i + 1}.example; Mon, 1 Jan 2024 00:00:00 +0000`,
    ).join('\n') +
    '\n',
  /** Many Postfix sessions. */
  'postfix-lines': (n) =>
    Array.from(
      { length: Math.round(n / 150) },
      (_, i) =>
        `Jan  1 00:00:00 mx postfix/smtpd[${i}]: NOQUEUE: reject: RCPT from a.example[192.0.2.${i % 250}]: 554 5.7.1 Service unavailable; from=<a@b.example> to=<c${i}@d.example>`,
    ).join('\n'),
  /** A quoted reply (">" lines). */
  'quoted-lines': (n) => Array.from({ length: Math.round(n / 30) }, () => '> 550 5.7.1 rejected by policy').join('\n'),
  /** Many MIME parts. */
  'mime-parts': (n) => {
    const parts = Math.round(n / 60);
    return (
      message('Content-Type: multipart/mixed; boundary="b"') +
      '\n' +
      Array.from({ length: parts }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}\n`).join('') +
      '--b--\n'
    );
  },
};

export interface Adversarial {
  name: string;
  /** The input at about `size` characters. */
  make(size: number): string;
}

/** Every run in every place, and every count input. */
export function adversarialSet(): Adversarial[] {
  const out: Adversarial[] = [];
  for (const [place, wrap] of Object.entries(PLACES))
    for (const [run, unit] of Object.entries(RUNS))
      out.push({ name: `${place}/${run}`, make: (n) => wrap(unit.repeat(Math.max(1, Math.round(n / unit.length)))) });
  for (const [name, make] of Object.entries(COUNTS)) out.push({ name: `count/${name}`, make });
  return out;
}

export function findAdversarial(name: string): Adversarial {
  const a = adversarialSet().find((x) => x.name === name);
  if (!a) throw new Error(`no adversarial input named ${name}`);
  return a;
}

const NOW = () => new Date('2024-01-02T00:00:00Z');

/**
 * Analyse the named input at the given size offline, `repeat` times; the
 * least time in milliseconds (the least is the figure least coloured by
 * other work on the machine). Exported for the worker runner.
 */
export async function timeAdversarial(name: string, size: number, repeat = 1, unlimited = false): Promise<{ ms: number; chars: number }> {
  const text = findAdversarial(name).make(size);
  // unlimited: no refusal text is cut (limits.maxReplyChars), so that every pattern sees the whole run
  const limits = unlimited ? { maxReplyChars: 1 << 30 } : {};
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await analyze(text, { now: NOW, limits });
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, chars: text.length };
}

/** The redaction the Share dialog applies (local parts, an IP, a domain) on one long address-like token. */
export function timeRedaction(unit: string, size: number, repeat = 1): { ms: number; chars: number } {
  const text = `From: ${unit.repeat(Math.round(size / unit.length))}@b.example x ${unit.repeat(Math.round(size / unit.length))} 192.0.2.1`;
  const redact = makeRedactor({ localParts: true, ips: ['192.0.2.1'], domains: ['b.example'] });
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    redact(text);
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, chars: text.length };
}
