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
});
