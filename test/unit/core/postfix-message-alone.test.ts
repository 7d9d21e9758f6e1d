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
    // a poster's redaction inside the brackets keeps its own ("host[[redacted]]"): still the host and its reply
    [
      'Feb  7 11:37:49 listes postfix/smtp[9617]: E78CA1816A5: host mx2.free.example[[redacted]] refused to talk to me: 421 Refused. Your reverse DNS entry does not resolve.',
      'connect',
      'requireptr',
    ],
    [
      'A23D128724C: host mx.example.org[[IP removed]] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      'rcpt',
      'userunknown',
    ],
    // the same line with a plain IP: unchanged
    [
      'Feb  7 11:37:49 listes postfix/smtp[9617]: E78CA1816A5: host mx2.free.example[192.0.2.59] refused to talk to me: 421 Refused. Your reverse DNS entry does not resolve.',
      'connect',
      'requireptr',
    ],
  ])('a redacted IP in brackets: %s', async (line, stage, reason) => {
    const r = await analyze(line);
    expect(r.inputs[0]?.kind).toBe('postfix-log');
    expect(r.rejections[0]?.stage).toBe(stage);
    expect(r.rejections[0]?.reason).toBe(reason);
  });

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

  // a delivery agent's status record decides the paste is the log, however many neighbour lines lost their
  // syslog prefix and program tag around it (parse/postfix/index.ts DELIVERY_STATUS)
  it('a status record among a neighbour’s lines without prefix is read as the Postfix log', async () => {
    const text = [
      "lmtp(u@example.org)<1522><2E+aO4c4uV7yBQAAUIhAew>: sieve: msgid=<x@example.org>: failed to store into mailbox 'Junk': Quota exceeded (mailbox for user is full)",
      '',
      "lmtp(u@example.org)<1522><2E+aO4c4uV7yBQAAUIhAew>: sieve: msgid=<x@example.org>: failed to store into mailbox 'INBOX': Quota exceeded (mailbox for user is full)",
      '',
      'A23D128724C: to=<u@example.org>, relay=mail.example.org[/var/run/dovecot/lmtp], delay=0.01, delays=0.01/0/0/0, dsn=5.2.2, status=bounced (host mail.example.org[/var/run/dovecot/lmtp] said: 552 5.2.2 <u@example.org> Quota exceeded (mailbox for user is full) (in reply to end of DATA command))',
    ].join('\n');
    const r = await analyze(text, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['postfix-log']);
    expect(r.rejections[0]).toMatchObject({ code: 552, reason: 'mailboxfull' });
  });

  // smtpd's refusal record ("NOQUEUE: reject: … ; from=<…> to=<…> proto=…") is the log's own too, and a
  // status record whose address holds a poster's placeholder ("to=<u@<cutout>>") still is one
  it.each([
    [
      "smtpd's refusal record between a poster's question and asterisks",
      [
        'The app shares a file and gets an error.',
        'Log postfix:',
        '****',
        'NOQUEUE: reject: RCPT from unknown[192.0.2.12]: 553 5.7.1 <a@example.org>: Sender address rejected: not owned by user app@example.org; from=<a@example.org> to=<b@example.org> proto=ESMTP helo=<cloud>',
        '****',
      ],
      553,
    ],
    [
      'a status record whose address a poster cut',
      [
        '```',
        'B34D65FD96: to=<u@<cutout>>, relay=relay.example.net[192.0.2.18]:25, delay=0.36, delays=0.22/0.05/0.03/0.06, dsn=5.7.1, status=bounced (host relay.example.net[192.0.2.18] said: 554 5.7.1 <u@<cutout>>: Relay access denied (in reply to RCPT TO command))',
        '```',
      ],
      554,
    ],
  ])('%s is read as the Postfix log', async (_n, lines, code) => {
    const r = await analyze(lines.join('\n'), { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['postfix-log']);
    expect(r.rejections[0]).toMatchObject({ code });
  });

  it('the reply alone, without the record, stays a notice', async () => {
    const r = await analyze(
      ['The app shares a file and gets an error:', '553 5.7.1 <a@example.org>: Sender address rejected: not owned by user app@example.org'].join('\n'),
      { now: () => new Date('2026-12-01T00:00:00Z') },
    );
    expect(r.inputs.map((i) => i.kind)).toEqual(['bounce']);
  });

  it('the same words without the status record stay a notice', async () => {
    const text = [
      "lmtp(u@example.org)<1522><2E+aO4c4uV7yBQAAUIhAew>: sieve: msgid=<x@example.org>: failed to store into mailbox 'Junk': Quota exceeded (mailbox for user is full)",
      '',
      '<u@example.org>: host mail.example.org[/var/run/dovecot/lmtp] said: 552 5.2.2 <u@example.org> Quota exceeded (mailbox for user is full) (in reply to end of DATA command)',
    ].join('\n');
    const r = await analyze(text, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['bounce']);
  });
});
