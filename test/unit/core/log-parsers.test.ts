import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../../src/core/analyze';
import type { InputKind } from '../../../src/core/types';

const read = (name: string) => readEvidence(readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url), 'utf8'));

interface Want {
  line: number;
  code: number | null;
  stage: string;
  reason: string;
  recipient?: string | null;
  ip?: string | null;
  knowledge?: string | null;
}

const CASES: { file: string; kind: InputKind; unknown: number; rejections: Want[] }[] = [
  {
    file: 'postfix-syslog.log',
    kind: 'postfix-log',
    unknown: 0, // the dovecot line (no pid: dovecot logs none) is a known mail.log neighbour
    rejections: [
      {
        line: 4,
        code: 550,
        stage: 'rcpt',
        reason: 'blocked',
        recipient: 'alice@example.com',
        ip: '198.51.100.23',
        knowledge: 'dnsbl.spamhaus',
      },
      { line: 8, code: 450, stage: 'rcpt', reason: 'requireptr', recipient: 'bob@example.com', ip: '203.0.113.45' },
      { line: 13, code: null, stage: 'end-of-data', reason: 'spamdetected', recipient: 'carol@example.com', ip: '192.0.2.77' },
      { line: 17, code: 550, stage: 'mail', reason: 'blocked', recipient: 'dana@outlook.com', knowledge: 'microsoft.s3150-block-list' },
      { line: 20, code: 450, stage: 'rcpt', reason: 'onhold', knowledge: 'greylisting' },
      { line: 21, code: 450, stage: 'rcpt', reason: 'onhold', recipient: 'erin@greylist.example', knowledge: 'greylisting' },
    ],
  },
  {
    file: 'postfix-iso.log',
    kind: 'postfix-log',
    unknown: 0,
    rejections: [
      { line: 4, code: 550, stage: 'end-of-data', reason: 'requireptr', recipient: 'grace@gmail.com', knowledge: 'gmail.5.7.1-ipv6' },
    ],
  },
  {
    file: 'exim-mainlog.log',
    kind: 'exim-log',
    unknown: 0,
    rejections: [
      { line: 2, code: 550, stage: 'rcpt', reason: 'userunknown', recipient: 'henry@example.net' },
      { line: 4, code: 421, stage: 'mail', reason: 'badreputation', recipient: 'jack@yahoo.com', knowledge: 'yahoo.tss04' },
      { line: 8, code: 550, stage: 'rcpt', reason: 'blocked', recipient: 'kim@example.com', ip: '203.0.113.99' },
      { line: 10, code: 550, stage: 'end-of-data', reason: 'spamdetected', ip: '192.0.2.61' },
      {
        line: 11,
        code: 550,
        stage: 'end-of-data',
        reason: 'blocked',
        recipient: 'mia@example.com',
        knowledge: 'microsoft.5.7.6xx-banned-ip',
      },
    ],
  },
  {
    file: 'exim-rejectlog.log',
    kind: 'exim-log',
    unknown: 0,
    rejections: [
      { line: 1, code: 550, stage: 'rcpt', reason: 'blocked', ip: '203.0.113.99' },
      { line: 2, code: 550, stage: 'end-of-data', reason: 'spamdetected' },
    ],
  },
  {
    file: 'sendmail.log',
    kind: 'sendmail-log',
    unknown: 0,
    rejections: [
      { line: 1, code: 554, stage: 'connect', reason: 'blocked', ip: '203.0.113.61' },
      { line: 3, code: 550, stage: 'rcpt', reason: 'norelaying', recipient: 'oscar@elsewhere.example', ip: '192.0.2.7' },
      { line: 5, code: null, stage: 'unknown', reason: 'userunknown', recipient: 'quinn@partner.example' },
      { line: 6, code: null, stage: 'connect', reason: 'networkerror', recipient: 'rose@slow.example' },
    ],
  },
  {
    file: 'exchange-tracking.log',
    kind: 'exchange-log',
    unknown: 0,
    rejections: [
      { line: 8, code: 550, stage: 'unknown', reason: 'userunknown', recipient: 'uma@fabrikam.example', knowledge: 'microsoft.5.4.1-dbeb' },
    ],
  },
  {
    file: 'exchange-protocol.log',
    kind: 'exchange-log',
    unknown: 0,
    rejections: [{ line: 15, code: 550, stage: 'rcpt', reason: 'norelaying', recipient: 'vera@outside.example', ip: '203.0.113.150' }],
  },
  {
    file: 'exchange-send.log',
    kind: 'exchange-log',
    unknown: 0,
    rejections: [{ line: 15, code: 554, stage: 'rcpt', reason: 'blocked', recipient: 'ron@partner.example', knowledge: 'dnsbl.spamhaus' }],
  },
  {
    file: 'swaks.txt',
    kind: 'smtp-transcript',
    unknown: 0,
    rejections: [{ line: 25, code: 554, stage: 'end-of-data', reason: 'authfailure' }],
  },
  {
    file: 'telnet.txt',
    kind: 'smtp-transcript',
    unknown: 0,
    rejections: [{ line: 9, code: 553, stage: 'mail', reason: 'rejected', ip: '203.0.113.77' }],
  },
  {
    file: 'openssl.txt',
    kind: 'smtp-transcript',
    unknown: 3, // "Verification: OK", the certificate subject line and the s_client summary
    rejections: [{ line: 29, code: 530, stage: 'mail', reason: 'securityerror', ip: '192.0.2.201' }],
  },
];

describe.each(CASES)('$file', ({ file, kind, unknown, rejections }) => {
  const ev = read(file);
  it(`is read as ${kind}`, () => expect(ev.inputs[0].kind).toBe(kind));
  it('counts the lines it does not know', () => expect(ev.unknownLines).toBe(unknown));
  it('finds every refusal with its stage and reason', () => {
    expect(ev.rejections.map((r) => r.line)).toEqual(rejections.map((r) => r.line));
    rejections.forEach((want, i) => {
      const got = ev.rejections[i];
      expect({ line: got.line, code: got.code, stage: got.stage, reason: got.reason }).toEqual({
        line: want.line,
        code: want.code,
        stage: want.stage,
        reason: want.reason,
      });
      if (want.recipient !== undefined) expect(got.recipient).toBe(want.recipient);
      if (want.ip !== undefined) expect(got.ip).toBe(want.ip);
      if (want.knowledge !== undefined) expect(got.knowledge).toBe(want.knowledge);
    });
  });
});

describe('what the receiver logged', () => {
  it('Postfix: the DNSBL hit, the unknown client and the FCrDNS warning', () => {
    const ev = read('postfix-syslog.log');
    expect(ev.logged.map((l) => [l.check, l.subject, l.zone ?? null, l.result, l.line])).toEqual([
      // dnsblog's answer to postscreen (with the return code), then the refusal naming the list
      ['dnsbl', '198.51.100.23', 'zen.spamhaus.org', 'listed', 2],
      ['dnsbl', '198.51.100.23', 'zen.spamhaus.org', 'listed', 4],
      ['ptr', '203.0.113.45', null, 'none', 6],
      ['fcrdns', '203.0.113.45', null, 'fail', 7],
    ]);
  });
  it('sendmail: "(may be forged)" is a failed FCrDNS', () => {
    const ev = read('sendmail.log');
    expect(ev.logged.some((l) => l.check === 'fcrdns' && l.subject === '192.0.2.7' && l.result === 'fail')).toBe(true);
  });
  // a paste that lost the syslog prefix keeps sendmail's records by their keys (stat=, mailer=, Milter:…);
  // Postfix's records of the same shape (status=, nrcpt=) stay Postfix's
  it.each([
    [
      'sendmail',
      [
        'vA347GJM023903: from=<a@example.org>, size=1200, class=0, nrcpts=1, msgid=<x@example.org>, proto=ESMTP, relay=mx.example.org [192.0.2.7]',
        'vA347GJM023903: Milter: from=<a@example.org>, reject=550 5.7.1 Command rejected',
      ],
      'sendmail-log',
    ],
    [
      'Postfix',
      [
        '16E1046B825C6: from=<a@example.org>, size=468, nrcpt=1 (queue active)',
        '16E1046B825C6: to=<b@example.net>, relay=mx.example.net[192.0.2.8]:25, delay=0.2, dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.8] said: 550 5.7.1 refused (in reply to end of DATA command))',
      ],
      'postfix-log',
    ],
  ])('%s records without their syslog prefix', (_n, lines, kind) => {
    expect(readEvidence(lines.join('\n')).inputs[0].kind).toBe(kind);
  });

  it('Exim: no host name found, and the DNSBL named in the refusal', () => {
    const ev = read('exim-mainlog.log');
    expect(ev.logged.map((l) => [l.check, l.result, l.line])).toEqual([
      ['ptr', 'none', 7],
      ['dnsbl', 'listed', 8],
    ]);
  });
});

describe('sessions', () => {
  it('Postfix: an smtpd connection is one inbound session with its envelope', () => {
    const s = read('postfix-syslog.log').sessions.find((x) => x.clientIp === '203.0.113.45')!;
    expect(s.direction).toBe('inbound');
    expect(s.helo).toEqual({ name: 'SCANNER01', line: 8 });
    expect(s.mailFrom).toEqual({ address: 'scanner@office.example.org', line: 8 });
    expect([s.startLine, s.endLine]).toEqual([6, 9]);
  });
  it('Postfix: the cleanup refusal belongs to the connection that sent the message', () => {
    const s = read('postfix-syslog.log').sessions.find((x) => x.clientIp === '192.0.2.77')!;
    expect(s.replies.some((r) => r.line === 13)).toBe(true);
  });
  it('Postfix: a queue id is an outbound session to its relay', () => {
    const s = read('postfix-syslog.log').sessions.find((x) => x.id === '4XyZ2A0bcdQ1r' && x.direction === 'outbound')!;
    expect(s.remoteHost).toBe('outlook-com.olc.protection.outlook.com');
    expect(s.serverIp).toBe('52.101.40.29');
    expect(s.mailFrom?.address).toBe('reports@example.com');
  });
  it('swaks: the message sent in DATA becomes the message evidence', () => {
    const ev = read('swaks.txt');
    expect(ev.message?.headers.map((h) => h.name)).toEqual(['Date', 'To', 'From', 'Subject', 'Message-Id', 'X-Mailer']);
  });
  it('telnet: the server echoes the client IP in its HELO reply', () => {
    expect(read('telnet.txt').sessions[0].clientIp).toBe('203.0.113.77');
  });
});

describe('Exim, more shapes', () => {
  const ev = read('exim-mainlog-2.log');
  it.each([
    [2, 'bob@example.com', 'hostunknown', null],
    // Exim waiting for its retry time: still queued, and the words name no cause (sisimai's onhold)
    [3, 'carl@example.net', 'onhold', null],
    [4, 'dave@example.net', 'userunknown', 550],
    [5, 'c@example.com', 'onhold', 451],
    [6, null, 'syntaxerror', 550],
    [7, 'r@example.com', 'rejected', 550],
    [8, null, 'rejected', null],
  ])('line %i', (line, recipient, reason, code) => {
    const r = ev.rejections.find((x) => x.line === line)!;
    expect({ recipient: r.recipient, reason: r.reason, code: r.code }).toEqual({ recipient, reason, code });
  });
  it('a deferral is not permanent', () => expect(ev.rejections.find((x) => x.line === 3)!.hard).toBe(false));
  it('"rejected EHLO from [ip]" names the client', () => expect(ev.rejections.find((x) => x.line === 6)!.ip).toBe('203.0.113.6'));
});

describe('Exchange send log', () => {
  it('is an outbound session to the remote server', () => {
    const s = read('exchange-send.log').sessions[0];
    expect([s.direction, s.serverIp, s.clientIp]).toEqual(['outbound', '198.51.100.25', null]);
    expect(s.mailFrom?.address).toBe('sales@example.com');
  });
});

describe('Exim rejectlog', () => {
  it('the refused message’s header copy becomes the message evidence, with input line numbers', () => {
    const ev = read('exim-rejectlog.log');
    expect(ev.message?.headers.map((h) => [h.name, h.line])).toEqual([
      ['Received', 5],
      ['From', 12],
      ['To', 13],
      ['Subject', 14],
    ]);
    expect(ev.hops).toHaveLength(1);
  });
});
