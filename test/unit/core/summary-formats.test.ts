// The large-log summary, one small log per format whose counts were worked out
// by hand before the engine read it: refusals, hard refusals, the direction of
// each (inbound: this server refused a client; outbound: a remote refused this
// server's delivery), the groups the page filters on, and the kept sessions.
// Every log is read whole and again one byte at a time, which must not change
// a figure.

import { describe, expect, it } from 'vitest';
import { LogSummariser, type LogSummary } from '../../../src/core/summary/summariser';
import type { RefusalGroup } from '../../../src/core/summary/types';

const enc = (s: string) => new TextEncoder().encode(s);

function read(text: string, chunk: number): LogSummary {
  const s = new LogSummariser();
  const bytes = enc(text);
  for (let i = 0; i < bytes.length; i += chunk) s.push(bytes.subarray(i, i + chunk));
  return s.finish();
}

/** The figures a test compares: everything but the kept lines' text. */
function figures(r: LogSummary) {
  return {
    kind: r.kind,
    lines: r.lines,
    refusals: r.refusals,
    hardRefusals: r.hardRefusals,
    byDirection: r.byDirection,
    byReason: r.byReason,
    groups: r.groups,
    sessions: r.sessions.map((s) => [s.direction, s.clientIp, s.remoteHost, s.senderDomain, s.refusals, s.firstLine, s.lastLine]),
    evicted: r.evicted,
  };
}

/** Read whole and byte by byte; the two must agree. */
function summaryOf(text: string): LogSummary {
  const whole = read(text, 1 << 20);
  expect(figures(read(text, 1))).toEqual(figures(whole));
  return whole;
}

type G = Partial<RefusalGroup>;
const group = (r: LogSummary, g: G) => {
  const found = r.groups.filter((x) => Object.entries(g).every(([k, v]) => (x as unknown as Record<string, unknown>)[k] === v));
  expect(found, JSON.stringify(g)).toHaveLength(1);
  return found[0];
};

describe('postfix', () => {
  const log = [
    'Mar  4 10:00:00 mx1 postfix/smtpd[100]: connect from a.example.net[203.0.113.10]',
    'Mar  4 10:00:01 mx1 postfix/smtpd[100]: NOQUEUE: reject: RCPT from a.example.net[203.0.113.10]: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<x@a.example.net> to=<nobody@example.com> proto=ESMTP helo=<a.example.net>',
    'Mar  4 10:00:01 mx1 postfix/smtpd[100]: NOQUEUE: reject: RCPT from a.example.net[203.0.113.10]: 550 5.1.1 <ghost@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<x@a.example.net> to=<ghost@example.com> proto=ESMTP helo=<a.example.net>',
    'Mar  4 10:00:02 mx1 postfix/smtpd[100]: disconnect from a.example.net[203.0.113.10] ehlo=1 mail=1 rcpt=0/2 quit=1 commands=3/5',
    'Mar  4 10:00:03 mx1 postfix/smtpd[101]: connect from unknown[198.51.100.7]',
    'Mar  4 10:00:04 mx1 postfix/smtpd[101]: NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org; from=<s@spam.example> to=<u@example.com> proto=ESMTP helo=<x>',
    'Mar  4 10:00:04 mx1 postfix/smtpd[101]: disconnect from unknown[198.51.100.7] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4',
    'Mar  4 10:00:05 mx1 postfix/smtpd[102]: connect from b.example.org[192.0.2.20]',
    'Mar  4 10:00:06 mx1 postfix/smtpd[102]: disconnect from b.example.org[192.0.2.20] ehlo=1 quit=1 commands=2',
    'Mar  4 10:01:00 mx1 postfix/qmgr[50]: 3F2A1B9C0D: from=<alice@example.com>, size=1200, nrcpt=1 (queue active)',
    'Mar  4 10:01:01 mx1 postfix/smtp[60]: 3F2A1B9C0D: to=<bob@remote.example>, relay=mx.remote.example[203.0.113.50]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.7.1, status=bounced (host mx.remote.example[203.0.113.50] said: 550 5.7.1 Message rejected as spam (in reply to end of DATA command))',
    'Mar  4 10:01:02 mx1 postfix/qmgr[50]: 3F2A1B9C0D: removed',
    'Mar  4 10:02:00 mx1 postfix/qmgr[50]: 7E4D2C1B0A: from=<alice@example.com>, size=1200, nrcpt=1 (queue active)',
    'Mar  4 10:02:01 mx1 postfix/smtp[61]: 7E4D2C1B0A: to=<carol@slow.example>, relay=mx.slow.example[203.0.113.60]:25, delay=1, delays=0/0/0.5/0.5, dsn=4.2.2, status=deferred (host mx.slow.example[203.0.113.60] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))',
  ].join('\n');

  it('two inbound refusals of one client are one group of two; the outbound refusals are apart', () => {
    const r = summaryOf(log);
    expect(r.kind).toBe('postfix-log');
    expect(r.lines).toBe(14);
    expect(r.refusals).toBe(5);
    expect(r.hardRefusals).toBe(4);
    expect(r.byDirection).toEqual({
      inbound: { refusals: 3, hard: 3 },
      outbound: { refusals: 2, hard: 1 },
      unknown: { refusals: 0, hard: 0 },
    });
    expect(group(r, { reason: 'userunknown' })).toMatchObject({
      direction: 'inbound',
      remoteHost: 'a.example.net',
      clientIp: '203.0.113.10',
      senderDomain: 'a.example.net',
      count: 2,
      hard: 2,
      firstLine: 2,
      lastLine: 3,
    });
    // a client without a name is shown by its IP
    expect(group(r, { reason: 'blocked' })).toMatchObject({
      direction: 'inbound',
      remoteHost: '198.51.100.7',
      clientIp: '198.51.100.7',
      senderDomain: 'spam.example',
      count: 1,
      hard: 1,
    });
    expect(group(r, { remoteHost: 'mx.remote.example' })).toMatchObject({
      direction: 'outbound',
      reason: 'spamdetected',
      senderDomain: 'example.com',
      count: 1,
      hard: 1,
      firstLine: 11,
    });
    expect(group(r, { remoteHost: 'mx.slow.example' })).toMatchObject({
      direction: 'outbound',
      reason: 'mailboxfull',
      senderDomain: 'example.com',
      count: 1,
      hard: 0,
    });
    expect(r.groups).toHaveLength(4);
    expect(r.groups[0].count).toBe(2);
    // the session without a refusal is not kept; each refused one is, with its own lines
    expect(r.sessions.map((s) => [s.direction, s.refusals, s.firstLine, s.lastLine])).toEqual([
      ['inbound', 2, 1, 4],
      ['inbound', 1, 5, 7],
      ['outbound', 1, 10, 12],
      ['outbound', 1, 13, 14],
    ]);
    expect(r.byRemoteHost).toContainEqual({ key: 'a.example.net', count: 2 });
    // client IPs are counted by connection (refused or not), once each here
    expect([...r.topClientIps].sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: '192.0.2.20', count: 1 },
      { key: '198.51.100.7', count: 1 },
      { key: '203.0.113.10', count: 1 },
    ]);
    expect(r.evicted).toBe(0);
  });
});

describe('exim', () => {
  const log = [
    '2024-02-12 14:02:11 1rZaBc-0004Xy-2Q <= newsletter@shop.example H=(localhost) [127.0.0.1] P=esmtpa A=dovecot_login:newsletter S=8812 id=abc123@shop.example',
    '2024-02-12 14:02:12 1rZaBc-0004Xy-2Q ** henry@example.net R=dnslookup T=remote_smtp H=mx1.example.net [198.51.100.9]: SMTP error from remote mail server after RCPT TO:<henry@example.net>: 550 5.1.1 <henry@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
    '2024-02-12 14:02:12 1rZaBc-0004Xy-2Q => ivy@example.org R=dnslookup T=remote_smtp H=mx.example.org [203.0.113.30] C="250 2.0.0 OK 1707746532 x12si"',
    '2024-02-12 14:02:13 1rZaBc-0004Xy-2Q == jack@yahoo.example R=dnslookup T=remote_smtp defer (-44) H=mx.yahoo.example [67.195.204.72]: SMTP error from remote mail server after RCPT TO:<jack@yahoo.example>: 452 4.2.2 Mailbox full',
    '2024-02-12 14:05:00 1rZaBc-0004Xy-2Q Completed',
    '2024-02-12 14:06:40 SMTP connection from [203.0.113.99]:41522 (TCP/IP connection count = 3)',
    '2024-02-12 14:06:41 H=(win-7a1b2c3) [203.0.113.99]:41522 F=<info@bank-secure.example> rejected RCPT <kim@example.com>: 203.0.113.99 is listed in zen.spamhaus.org',
    '2024-02-12 14:06:41 SMTP connection from (win-7a1b2c3) [203.0.113.99]:41522 closed by QUIT',
  ].join('\n');

  it('a message refused at two remotes is outbound twice; a client refused by an ACL is inbound', () => {
    const r = summaryOf(log);
    expect(r.kind).toBe('exim-log');
    expect(r.refusals).toBe(3);
    expect(r.byDirection.outbound.refusals).toBe(2);
    expect(r.byDirection.outbound.hard).toBe(1);
    expect(r.byDirection.inbound.refusals).toBe(1);
    expect(r.byDirection.unknown.refusals).toBe(0);
    expect(group(r, { reason: 'userunknown' })).toMatchObject({
      direction: 'outbound',
      remoteHost: 'mx1.example.net',
      senderDomain: 'shop.example',
      count: 1,
      hard: 1,
      firstLine: 2,
    });
    expect(group(r, { reason: 'mailboxfull' })).toMatchObject({
      direction: 'outbound',
      remoteHost: 'mx.yahoo.example',
      senderDomain: 'shop.example',
      hard: 0,
      firstLine: 4,
    });
    expect(group(r, { direction: 'inbound' })).toMatchObject({
      reason: 'blocked',
      clientIp: '203.0.113.99',
      senderDomain: 'bank-secure.example',
      firstLine: 7,
    });
    // one message (both its refusals), one connection
    expect(r.sessions.map((s) => [s.direction, s.refusals])).toEqual([
      ['outbound', 2],
      ['inbound', 1],
    ]);
    expect(r.sessions[0].lineNumbers).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('sendmail', () => {
  const log = [
    'Jan 22 16:40:01 gw sendmail[8811]: 40MFe1aB008811: ruleset=check_relay, arg1=[203.0.113.61], arg2=127.0.0.4, relay=[203.0.113.61], reject=554 5.7.1 Rejected 203.0.113.61 found in zen.spamhaus.org',
    'Jan 22 16:41:12 gw sendmail[8820]: 40MFfBcD008820: from=<ops@monitor.example>, size=1204, class=0, nrcpts=1, msgid=<202401221641.40MFfBcD008820@monitor.example>, proto=ESMTP, daemon=MTA, relay=host7.monitor.example [192.0.2.7]',
    'Jan 22 16:41:12 gw sendmail[8820]: 40MFfBcD008820: ruleset=check_rcpt, arg1=<oscar@elsewhere.example>, relay=host7.monitor.example [192.0.2.7], reject=550 5.7.1 <oscar@elsewhere.example>... Relaying denied. Proper authentication required.',
    'Jan 22 16:45:30 gw sendmail[8830]: 40MFjUeF008830: from=<pat@example.com>, size=52044, class=0, nrcpts=2, msgid=<abc@example.com>, proto=ESMTP, daemon=MTA, relay=ws12.example.com [10.1.2.12]',
    'Jan 22 16:45:32 gw sendmail[8832]: 40MFjUeF008830: to=<quinn@partner.example>, ctladdr=<pat@example.com> (1001/100), delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=142044, relay=mx.partner.example. [198.51.100.140], dsn=5.1.1, stat=User unknown',
    'Jan 22 16:45:33 gw sendmail[8832]: 40MFjUeF008830: to=<quinn2@partner.example>, ctladdr=<pat@example.com> (1001/100), delay=00:00:03, xdelay=00:00:01, mailer=esmtp, pri=142044, relay=mx.partner.example. [198.51.100.140], dsn=5.1.1, stat=User unknown',
  ].join('\n');

  it('ruleset refusals are inbound, delivery statuses outbound; two recipients refused alike are one group', () => {
    const r = summaryOf(log);
    expect(r.kind).toBe('sendmail-log');
    expect(r.refusals).toBe(4);
    expect(r.hardRefusals).toBe(4);
    expect(r.byDirection).toEqual({
      inbound: { refusals: 2, hard: 2 },
      outbound: { refusals: 2, hard: 2 },
      unknown: { refusals: 0, hard: 0 },
    });
    expect(group(r, { reason: 'blocked' })).toMatchObject({ direction: 'inbound', clientIp: '203.0.113.61', count: 1, firstLine: 1 });
    expect(group(r, { reason: 'norelaying' })).toMatchObject({
      direction: 'inbound',
      clientIp: '192.0.2.7',
      remoteHost: 'host7.monitor.example',
      senderDomain: 'monitor.example',
      count: 1,
    });
    expect(group(r, { reason: 'userunknown' })).toMatchObject({
      direction: 'outbound',
      remoteHost: 'mx.partner.example',
      senderDomain: 'example.com',
      count: 2,
      hard: 2,
      firstLine: 5,
      lastLine: 6,
    });
    expect(r.groups).toHaveLength(3);
    expect(r.groups[0].count).toBe(2);
  });
});

describe('mdaemon', () => {
  // two outbound sessions interleaved by their thread tags
  const session = (tag: string, t: string, reply: string) => [
    `Mon 2021-03-01 10:00:${t}.120: 02: [${tag}] Session 0000${tag}; child 0001; thread 4567`,
    `Mon 2021-03-01 10:00:${t}.121: 02: [${tag}] Parsing message <d:\\mdaemon\\queues\\remote\\md50000${tag}.msg>`,
    `Mon 2021-03-01 10:00:${t}.122: 02: [${tag}] *  From: sender@example.com`,
    `Mon 2021-03-01 10:00:${t}.122: 02: [${tag}] *  To: user${tag}@example.net`,
    `Mon 2021-03-01 10:00:${t}.151: 02: [${tag}] Attempting SMTP connection to [mx1.example.net:25]`,
    `Mon 2021-03-01 10:00:${t}.200: 02: [${tag}] *  Connection established (192.0.2.10:51234 -> 203.0.113.25:25)`,
    `Mon 2021-03-01 10:00:${t}.300: 02: [${tag}] <-- 220 mx1.example.net ESMTP Postfix`,
    `Mon 2021-03-01 10:00:${t}.301: 02: [${tag}] --> EHLO mail.example.com`,
    `Mon 2021-03-01 10:00:${t}.350: 02: [${tag}] <-- 250 8BITMIME`,
    `Mon 2021-03-01 10:00:${t}.351: 02: [${tag}] --> MAIL From:<sender@example.com> SIZE=23456`,
    `Mon 2021-03-01 10:00:${t}.400: 02: [${tag}] <-- 250 2.1.0 Ok`,
    `Mon 2021-03-01 10:00:${t}.401: 02: [${tag}] --> RCPT To:<user${tag}@example.net>`,
    `Mon 2021-03-01 10:00:${t}.500: 02: [${tag}] <-- ${reply}`,
    `Mon 2021-03-01 10:00:${t}.501: 02: [${tag}] --> QUIT`,
    `Mon 2021-03-01 10:00:${t}.550: 02: [${tag}] <-- 221 2.0.0 Bye`,
    `Mon 2021-03-01 10:00:${t}.551: 02: [${tag}] SMTP session terminated (Bytes in/out: 300/200)`,
  ];
  const a = session('1234', '00', '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org');
  const b = session('1235', '01', '550 5.1.1 <user1235@example.net>: Recipient address rejected: User unknown in virtual mailbox table');
  const lines: string[] = [];
  for (let i = 0; i < a.length; i++) lines.push(a[i], b[i]);

  it('interleaved sessions are told apart by their tag; both refusals are outbound, by the same remote', () => {
    const r = summaryOf(lines.join('\n'));
    expect(r.kind).toBe('mdaemon-log');
    expect(r.refusals).toBe(2);
    expect(r.hardRefusals).toBe(2);
    expect(r.byDirection.outbound).toEqual({ refusals: 2, hard: 2 });
    expect(r.byDirection.inbound.refusals + r.byDirection.unknown.refusals).toBe(0);
    expect(group(r, { reason: 'blocked' })).toMatchObject({ remoteHost: 'mx1.example.net', senderDomain: 'example.com', firstLine: 25 });
    expect(group(r, { reason: 'userunknown' })).toMatchObject({
      remoteHost: 'mx1.example.net',
      senderDomain: 'example.com',
      firstLine: 26,
    });
    // each session keeps its own 16 lines: the odd ones and the even ones
    expect(r.sessions).toHaveLength(2);
    const odd = r.sessions.find((s) => s.first.reason === 'blocked')!;
    expect(odd.lineNumbers).toEqual(Array.from({ length: 16 }, (_, i) => 2 * i + 1));
    expect(odd.text).not.toMatch(/\[1235\]/);
  });
});

describe('exchange', () => {
  const head = [
    '#Software: Microsoft Exchange Server',
    '#Version: 15.02.1118.007',
    '#Log-type: SMTP Receive Protocol Log',
    '#Date: 2024-04-10T10:12:00.000Z',
    '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
  ];
  const conv = (id: string, ip: string, rows: [string, string][]) =>
    rows.map(
      ([ev, data], i) => `2024-04-10T10:12:0${i % 10}.100Z,EX01\\Default Frontend EX01,${id},${i},10.0.0.5:25,${ip}:50511,${ev},${data},`,
    );
  const relay = conv('08DC58F1A2B3C4E1', '203.0.113.150', [
    ['+', ''],
    ['>', '"220 ex01.example.com Microsoft ESMTP MAIL Service ready"'],
    ['<', 'EHLO copier-3f'],
    ['>', '250 8BITMIME'],
    ['<', 'MAIL FROM:<copier@example.com>'],
    ['>', '250 2.1.0 Sender OK'],
    ['<', 'RCPT TO:<vera@outside.example>'],
    ['>', '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain'],
    ['<', 'QUIT'],
    ['-', ''],
  ]);
  const unknown = conv('08DC58F1A2B3C4E2', '198.51.100.80', [
    ['+', ''],
    ['<', 'EHLO mail.sender.example'],
    ['<', 'MAIL FROM:<news@sender.example>'],
    ['>', '250 2.1.0 Sender OK'],
    ['<', 'RCPT TO:<gone@example.com>'],
    ['>', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'],
    ['<', 'RCPT TO:<left@example.com>'],
    ['>', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'],
    ['<', 'QUIT'],
    ['-', ''],
  ]);

  it('a receive log: both conversations inbound; two unknown recipients of one client are one group', () => {
    const r = summaryOf([...head, ...relay, ...unknown].join('\n'));
    expect(r.kind).toBe('exchange-log');
    expect(r.refusals).toBe(3);
    expect(r.byDirection).toEqual({
      inbound: { refusals: 3, hard: 3 },
      outbound: { refusals: 0, hard: 0 },
      unknown: { refusals: 0, hard: 0 },
    });
    expect(group(r, { reason: 'norelaying' })).toMatchObject({
      clientIp: '203.0.113.150',
      senderDomain: 'example.com',
      count: 1,
      firstLine: 13,
    });
    expect(group(r, { reason: 'userunknown' })).toMatchObject({
      clientIp: '198.51.100.80',
      senderDomain: 'sender.example',
      count: 2,
      hard: 2,
      firstLine: 21,
      lastLine: 23,
    });
    expect(r.sessions.map((s) => [s.clientIp, s.refusals, s.firstLine, s.lastLine])).toEqual([
      ['203.0.113.150', 1, 6, 15],
      ['198.51.100.80', 2, 16, 25],
    ]);
  });
});
