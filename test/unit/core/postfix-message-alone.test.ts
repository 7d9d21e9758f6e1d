// Postfix messages pasted without their syslog prefix and program (issue 11 point 1: "the log
// prefix missing"): the shapes only Postfix writes, with the daemon that writes each
// (src/core/parse/postfix/line.ts MESSAGE_SHAPES), short and long queue ids (postconf(5)
// enable_long_queue_ids).

import { describe, expect, it } from 'vitest';
import { readPostfixLine } from '../../../src/core/parse/postfix/line';
import { analyze } from '../../../src/core/index';

describe('a Postfix message alone', () => {
  it.each([
    ['4JfcKV3f3Bz1bwc: host mx1.free.example[192.0.2.6] refused to talk to me: 421 Refused.', 'smtp'],
    ['A23D128724C: host mx.example.org[192.0.2.7] said: 550 5.1.1 unknown (in reply to RCPT TO command)', 'smtp'],
    ['connect to pb-mx13.example.com[192.0.2.54]:25: Connection timed out', 'smtp'],
    ['connect from mout.example.org[192.0.2.151]', 'smtpd'],
    ['disconnect from unknown[192.0.2.154] ehlo=2 starttls=1 mail=1 rcpt=1 data=0/1 quit=1 commands=6/7', 'smtpd'],
    ['0437429007C5: client=unknown[192.0.2.154]', 'smtpd'],
    ['0437429007C5: message-id=<>', 'cleanup'],
    ['16E10: from=<a@example.org>, size=468, nrcpt=1 (queue active)', 'qmgr'],
    ['0437429007C5: milter-reject: END-OF-MESSAGE from unknown[192.0.2.154]: 5.7.1 Spam message rejected; from=<a@b.example>', 'cleanup'],
  ])('%s → %s', (line, daemon) => expect(readPostfixLine(line)?.daemon).toBe(daemon));

  it.each([
    ['a sentence about connecting', 'connect to the server failed'],
    ['a word that is no queue id', 'Hello: host mx.example.org[192.0.2.7] said: 550 x'],
    ['a bounce’s own words', 'host mx.example.org[192.0.2.7] said: 550 5.1.1 unknown'],
  ])('not Postfix: %s', (_n, line) => expect(readPostfixLine(line)).toBeNull());

  it('a log cut to its messages is read as the Postfix log', async () => {
    const r = await analyze(
      [
        'connect from mout.example.org[192.0.2.151]',
        'NOQUEUE: reject: RCPT from mout.example.org[192.0.2.151]: 554 5.7.1 <a@example.net>: Relay access denied; from=<b@example.org> to=<a@example.net> proto=ESMTP helo=<mout.example.org>',
        'disconnect from mout.example.org[192.0.2.151] ehlo=2 starttls=1 mail=1 rcpt=0/1 data=0/1 rset=1 quit=1 commands=6/8',
      ].join('\n'),
      { now: () => new Date('2026-12-01T00:00:00Z') },
    );
    expect(r.inputs.map((i) => i.kind)).toEqual(['postfix-log']);
    expect(r.rejections[0]).toMatchObject({ code: 554, reason: 'norelaying', stage: 'rcpt', line: 2 });
  });

  it.each([
    [
      'a Docker prefix and a date with tabs',
      'postfix-mailcow_1\t| Feb\t8 20:30:05 mail postfix/smtpd[17756]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.9]; from=<b@example.org> to=<a@example.net> proto=ESMTP helo=<example.org>',
      'postfix-log',
      450,
    ],
    [
      'OpenSMTPD debug lines with a tab after the tag',
      [
        'mta:\t0xea6710: MTA_INIT -> MTA_BANNER',
        'mta:\t0xea6710: <<< 554-gmx.example (mx008) ESMTP Service not available',
        'mta:\t0xea6710: <<< 554-No SMTP service',
        'mta:\t0xea6710: <<< 554-Bad DNS PTR resource record.',
        'mta:\t0xea6710: <<< 554 For explanation visit http://postmaster.gmx.example/en/error-messages?ip=192.0.2.41&c=rdns',
        'mta:\t0xea6710: MTA_BANNER -> MTA_EHLO',
        'debug: mta: 0xea6710: disconnected in state MTA_EHLO',
      ].join('\n'),
      'opensmtpd-log',
      554,
    ],
  ])('a log with %s is read by its reader', async (_n, text, kind, code) => {
    const r = await analyze(text, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual([kind]);
    expect(r.rejections[0]).toMatchObject({ code });
  });
});
