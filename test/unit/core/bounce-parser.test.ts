import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../../src/core/analyze';
import { decodeBytes } from '../../../src/core/text/decode';

const read = (name: string) =>
  readEvidence(decodeBytes(new Uint8Array(readFileSync(new URL(`../../fixtures/bounces/${name}`, import.meta.url)))), { exactBytes: true });

const CASES: {
  file: string;
  rejections: {
    recipient: string | null;
    reason: string;
    code: number | null;
    enhanced: string | null;
    stage: string;
    knowledge?: string | null;
    ip?: string | null;
  }[];
  messageHeaders: number | null;
}[] = [
  {
    file: 'postfix-dsn.eml',
    rejections: [
      { recipient: 'paul@customer.example', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' },
      {
        recipient: 'rita@gmail.com',
        reason: 'requireptr',
        code: 550,
        enhanced: '5.7.25',
        stage: 'end-of-data',
        knowledge: 'gmail.5.7.25-ptr',
        ip: '192.0.2.10',
      },
    ],
    messageHeaders: 7,
  },
  {
    file: 'm365-ndr.eml',
    rejections: [
      {
        recipient: 'tina@fabrikam.example',
        reason: 'blocked',
        code: 550,
        enhanced: '5.7.708',
        stage: 'unknown',
        knowledge: 'microsoft.5.7.708-traffic-not-accepted',
      },
    ],
    messageHeaders: 8,
  },
  {
    file: 'arf.eml',
    rejections: [
      { recipient: 'uri@mailprovider.example', reason: 'feedback', code: null, enhanced: null, stage: 'unknown', ip: '192.0.2.55' },
    ],
    messageHeaders: 6,
  },
  {
    file: 'autoreply.eml',
    rejections: [{ recipient: 'victor@example.net', reason: 'vacation', code: null, enhanced: null, stage: 'unknown' }],
    messageHeaders: null,
  },
  {
    file: 'pasted-ndr.txt',
    rejections: [{ recipient: 'xena@partner.example', reason: 'hostunknown', code: 550, enhanced: '5.1.2', stage: 'unknown' }],
    messageHeaders: 6,
  },
  {
    file: 'ses-bounce.eml',
    rejections: [{ recipient: 'zoe@partner.example', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' }],
    messageHeaders: null,
  },
  {
    file: 'mdaemon-permanent.eml',
    rejections: [{ recipient: 'nina@partner.example', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' }],
    messageHeaders: 6,
  },
  {
    file: 'exchange2010-ndr.eml',
    rejections: [{ recipient: 'pete@customer.example', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' }],
    messageHeaders: 6,
  },
  {
    file: 'exchange-pasted.txt',
    rejections: [{ recipient: 'quinn@partner.example', reason: 'mailboxfull', code: 552, enhanced: '5.2.2', stage: 'unknown' }],
    messageHeaders: null,
  },
  {
    file: 'forwarded-inline.eml',
    rejections: [
      {
        recipient: 'bob@partner.example',
        reason: 'blocked',
        code: 550,
        enhanced: '5.7.1',
        stage: 'unknown',
        knowledge: 'dnsbl.spamcop',
        ip: '203.0.113.9',
      },
    ],
    messageHeaders: null,
  },
  // sisimai's set-of-emails (BSD-2-Clause, see fixtures/bounces/sisimai/README.md); reasons are sisimai's
  {
    file: 'sisimai/lhost-sendmail-01.eml',
    rejections: [{ recipient: 'userunknown@bouncehammer.jp', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'unknown' }],
    messageHeaders: 11,
  },
  {
    file: 'sisimai/lhost-qmail-01.eml',
    rejections: [{ recipient: 'kijitora@example.ne.jp', reason: 'userunknown', code: 550, enhanced: '5.5.0', stage: 'rcpt' }],
    messageHeaders: 14,
  },
  {
    file: 'sisimai/lhost-exim-01.eml',
    rejections: [{ recipient: 'kijitora@example.ed.jp', reason: 'blocked', code: 550, enhanced: '5.7.0', stage: 'mail' }],
    messageHeaders: 5,
  },
  {
    file: 'sisimai/rhost-google-01.eml',
    rejections: [
      {
        recipient: 'shironeko@example.ne.jp',
        reason: 'suspend',
        code: 550,
        enhanced: '5.2.1',
        stage: 'unknown',
        knowledge: 'gmail.5.2.1-disabled',
      },
    ],
    messageHeaders: null,
  },
];

describe.each(CASES)('$file', ({ file, rejections, messageHeaders }) => {
  const ev = read(file);
  it('is a bounce', () => expect(ev.inputs[0].kind).toBe('bounce'));
  it('has one refusal per failed recipient, classified', () => {
    expect(
      ev.rejections.map((r) => ({ recipient: r.recipient, reason: r.reason, code: r.code, enhanced: r.enhanced, stage: r.stage })),
    ).toEqual(rejections.map(({ recipient, reason, code, enhanced, stage }) => ({ recipient, reason, code, enhanced, stage })));
    rejections.forEach((w, i) => {
      if (w.knowledge !== undefined) expect(ev.rejections[i].knowledge).toBe(w.knowledge);
      if (w.ip !== undefined) expect(ev.rejections[i].ip).toBe(w.ip);
    });
  });
  it('hands the returned headers to the header checks', () => {
    expect(ev.message?.headers.length ?? null).toBe(messageHeaders);
  });
});

describe('bounce details', () => {
  it('points each DSN refusal at its Diagnostic-Code line', () => {
    const ev = read('postfix-dsn.eml');
    expect(ev.rejections.map((r) => r.line)).toEqual([57, 65]);
  });
  it('joins a multi-line reply without repeating its codes', () => {
    const t = read('postfix-dsn.eml').rejections[1].text;
    expect(t).not.toMatch(/550[- ]5\.7\.25/);
    expect(t).toContain('does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP');
  });
  it('feedback reports and auto-replies are not permanent failures', () => {
    expect(read('arf.eml').rejections[0].hard).toBe(false);
    expect(read('autoreply.eml').rejections[0].hard).toBe(false);
  });
  it('a message that merely forwards another is not a bounce', () => {
    const text = [
      'From: Alice <alice@example.com>',
      'To: Bob <bob@example.org>',
      'Subject: Fwd: lunch',
      'Date: Mon, 1 Jul 2024 10:00:00 +0000',
      'Message-ID: <fwd1@example.com>',
      '',
      'See below.',
      '',
      '---------- Forwarded message ---------',
      'From: Carol <carol@example.net>',
      'Subject: lunch',
      '',
      'Noon?',
    ].join('\r\n');
    const ev = readEvidence(text);
    expect(ev.inputs[0].kind).not.toBe('bounce');
    expect(ev.rejections).toHaveLength(0);
  });
});
