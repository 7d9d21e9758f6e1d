// maddy's log (parse/maddy.ts): "module: message\t{json}" lines, bare, under syslog/journald's prefix or
// maddy's own timestamp. Its listeners' MAIL/RCPT/DATA errors are the log's own server refusing a client (the
// reply's code, enhanced code and words are JSON fields, with maddy's own reason beside them); its queue's
// "delivery attempt failed" is an outbound delivery refused or failed.
import { describe, expect, it } from 'vitest';
import { chooseParser } from '../../../src/core/parse/registry';
import { parseMaddy } from '../../../src/core/parse/maddy';
import { analyze } from '../../../src/core/index';
import { buildView } from '../../../src/worker/view/build';

const kindOf = (text: string) => chooseParser(text.split('\n')).parser?.kind ?? 'unknown';

describe('maddy log lines', () => {
  it.each([
    [
      'a listener refusing RCPT (tab-separated fields)',
      'smtp: RCPT error\t{"effective_rcpt":"b@example.net","msg_id":"5462730f","reason":"reject directive used","smtp_code":501,"smtp_enchcode":"5.1.8","smtp_msg":"Use Submission for outgoing SMTP","to":"b@example.net"}',
      {
        code: 501,
        enhanced: '5.1.8',
        stage: 'rcpt',
        recipient: 'b@example.net',
        inbound: true,
        text: 'Use Submission for outgoing SMTP (reject directive used)',
      },
    ],
    [
      'a check refusing at the end of DATA, under the journal prefix',
      'Mar 29 11:05:37 mx.example.org maddy[194975]: smtp: DATA error        {"check":"check.spf","msg_id":"cc89eb1d","reason":"lookup example.net on 127.0.0.53:53: server misbehaving","smtp_code":451,"smtp_enchcode":"4.7.23","smtp_msg":"SPF authentication failed with a temporary error"}',
      { code: 451, enhanced: '4.7.23', stage: 'end-of-data', inbound: true },
    ],
    [
      'a failure with no reply: the reason alone',
      'smtp: DATA error        {"msg_id":"98c21225","reason":"external: open messages/3f3e: permission denied"}',
      { code: null, enhanced: null, text: 'external: open messages/3f3e: permission denied', inbound: true },
    ],
    [
      "the queue's failed delivery (outbound), under maddy's own timestamp",
      '2021-01-14T10:00:00.000Z queue: delivery attempt failed        {"msg_id":"2f6f32e9","rcpt":"nobody@example.com","reason":"Domain does not accept email (null MX)","smtp_code":556,"smtp_enchcode":"5.1.10","smtp_msg":"Domain does not accept email (null MX)"}',
      { code: 556, enhanced: '5.1.10', recipient: 'nobody@example.com', action: 'failed', text: 'Domain does not accept email (null MX)' },
    ],
  ])('%s', (_name, line, want) => {
    expect(kindOf(line)).toBe('maddy-log');
    const r = parseMaddy(line.split('\n'));
    expect(r.rejections?.[0]).toMatchObject(want);
    if (!('inbound' in want)) expect(r.rejections?.[0]?.inbound).toBeUndefined();
  });

  it.each([
    [
      'wrapped inside the fields (at a space in a string)',
      [
        'queue: delivery attempt failed {"msg_id":"2f6f32e9","rcpt":"nobody@example.com","reason":"Domain does',
        'not accept email (null MX)","smtp_code":556,"smtp_enchcode":"5.1.10","smtp_msg":"Domain does',
        'not accept email (null MX)"}',
      ],
    ],
    [
      'wrapped between the message and its fields, the message itself broken',
      [
        'queue: delivery attempt',
        'failed {"msg_id":"2f6f32e9","rcpt":"nobody@example.com","smtp_code":556,"smtp_enchcode":"5.1.10","smtp_msg":"Domain does not accept email (null MX)"}',
      ],
    ],
  ])('a line a paste wrapped, joined again: %s', (_name, lines) => {
    const r = parseMaddy(lines);
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections?.[0]).toMatchObject({ code: 556, enhanced: '5.1.10', line: 1, text: 'Domain does not accept email (null MX)' });
    expect(r.unknownLines).toBe(0);
  });

  it('a closed line is not continued by the prose after it (failing form of the joining)', () => {
    const r = parseMaddy([
      'smtp: DATA error {"msg_id":"1","reason":"external: open messages/1: permission denied"}',
      'and then it stopped {"working"}',
    ]);
    expect(r.rejections?.[0]?.text).toBe('external: open messages/1: permission denied');
    expect(r.unknownLines).toBe(1);
  });

  it('an incoming session: the client, its sender, and the refusal in it', () => {
    const r = parseMaddy([
      'smtp: incoming message\t{"msg_id":"5b63fbdb","sender":"a@example.org","src_host":"mx.example.org","src_ip":"192.0.2.1:57053"}',
      'smtp: RCPT ok\t{"msg_id":"5b63fbdb","rcpt":"b@example.net"}',
      'smtp: DATA error\t{"check":"check.spf","msg_id":"5b63fbdb","reason":"too many MX records","smtp_code":550,"smtp_enchcode":"5.7.23","smtp_msg":"SPF authentication failed with a permanent error"}',
    ]);
    expect(r.sessions?.[0]).toMatchObject({
      direction: 'inbound',
      clientIp: '192.0.2.1',
      remoteHost: 'mx.example.org',
      mailFrom: { address: 'a@example.org' },
    });
    expect(r.rejections?.[0]).toMatchObject({ ip: '192.0.2.1', remote: 'mx.example.org', code: 550 });
  });

  it.each([
    // failing forms: another program's lines, and a JSON log without maddy's fields
    [
      'a Postfix line',
      'Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 Relay access denied; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<x>',
    ],
    ['a JSON log of another program', 'app: request done {"status":200,"path":"/"}'],
  ])('not maddy: %s', (_name, line) => {
    expect(kindOf(line)).not.toBe('maddy-log');
  });
});

describe("maddy's own refusals, read", () => {
  it.each([
    [
      "its MX port refusing a sender of its own domains (a client that must submit): the client's side",
      'smtp: incoming message\t{"msg_id":"5462730f","sender":"admin@example.org","src_host":"localhost","src_ip":"203.0.113.21:50855"}\nsmtp: RCPT error\t{"effective_rcpt":"b@example.net","msg_id":"5462730f","reason":"reject directive used","smtp_code":501,"smtp_enchcode":"5.1.8","smtp_msg":"Use Submission for outgoing SMTP","to":"b@example.net"}',
      'smtp.auth-required',
      /^The sender's side/,
    ],
    [
      'its own resolver failing the SPF check: its administrator',
      'smtp: DATA error        {"check":"check.spf","msg_id":"cc89eb1d","reason":"lookup example.net on 127.0.0.53:53: server misbehaving","smtp_code":451,"smtp_enchcode":"4.7.23","smtp_msg":"SPF authentication failed with a temporary error"}',
      'mta.local-error',
      /^Your server's administrator/,
    ],
    [
      'its own storage refusing it: its administrator',
      'May 03 23:57:32 helix maddy[158504]: smtp: DATA error        {"msg_id":"98c21225","reason":"external: open messages/3f3eac150b6bdd1aec6101c512020da8: permission denied"}',
      'mta.local-error',
      /^Your server's administrator/,
    ],
  ])('%s', async (_name, text, step, who) => {
    const r = await analyze(text);
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe(step);
    expect(buildView(r).verdict.who).toMatch(who);
  });
});
