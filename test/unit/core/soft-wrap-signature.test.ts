// Two things a paste picks up on its way (issue 11 point 1): a mail client's soft wrap
// (src/core/text/wrap.ts, used by parse/paste.ts and the reply finder) and the poster's
// signature under it (src/core/text/signature.ts).

import { describe, expect, it } from 'vitest';
import { softWrapped } from '../../../src/core/text/wrap';
import { withoutSignature } from '../../../src/core/text/signature';
import { analyze } from '../../../src/core/index';

describe('soft wrap', () => {
  it.each([
    ['a long line', 'x'.repeat(64), 'y', true],
    [
      'a short line whose next word would not have fitted at 72',
      'May 11 11:35:36 mail dovecot:',
      'lmtp(quotauser@otherdomain.example)<1522><2E+aO4c4uV7yBQAAUIhAew>: sieve:',
      true,
    ],
    [
      'a 50-column line before a 30-character word',
      'a'.repeat(25) + ' ' + 'b'.repeat(24),
      'relay=mx-ha03.web.example[192.0.2.17]:25,',
      true,
    ],
  ])('wrapped: %s', (_n, line, next, yes) => expect(softWrapped(line, next)).toBe(yes));
  it.each([
    ['a short line before a short word', 'Reporting-MTA: dns; mx.example.org', 'Action: failed'],
    ['a heading', 'Transcript:', 'x'.repeat(70)],
    ['a line that ends where the next word would still fit', 'a'.repeat(40), 'word'],
  ])('not wrapped: %s', (_n, line, next) => expect(softWrapped(line, next)).toBe(false));

  it('a Postfix log wrapped at 72 columns is read as the Postfix log', async () => {
    const log = [
      'May 11 11:33:24 mail postfix/lmtp[1050]: A23D128724C:',
      'to=<quotauser@otherdomain.example>,',
      'relay=mail.example.org[/var/run/dovecot/lmtp], delay=0.01,',
      'delays=0.01/0/0/0, dsn=5.2.2, status=bounced (host',
      'mail.example.org[/var/run/dovecot/lmtp] said: 552 5.2.2',
      '<quotauser@otherdomain.example> Quota exceeded (mailbox for user is full)',
      '(in reply to end of DATA command))',
      '',
      'May 11 11:35:36 mail dovecot:',
      'lmtp(quotauser@otherdomain.example)<1522><2E+aO4c4uV7yBQAAUIhAew>: sieve:',
      'msgid=<20200511113535.889CA28724D@mail.example.org>: failed to store',
      "into mailbox 'INBOX': Quota exceeded (mailbox for user is full)",
    ];
    const r = await analyze(log.join('\n'), { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['postfix-log']);
    expect(r.rejections[0]).toMatchObject({ code: 552, reason: 'mailboxfull', line: 1 });
  });
});

describe('a log line wrapped right after its program tag', () => {
  it('joins the message that starts with an upper-case word and a colon (NOQUEUE:)', async () => {
    const r = await analyze(
      [
        'postfix-mailcow_1    | Feb  8 20:30:05 mail postfix/smtpd[17756]:',
        'NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 450 4.7.1 Client host',
        'rejected: cannot find your reverse hostname, [192.0.2.9];',
        'from=<from@example.com> to=<to@example.pt> proto=ESMTP helo=<example.com>',
      ].join('\n'),
      { now: () => new Date('2026-12-01T00:00:00Z') },
    );
    expect(r.inputs.map((i) => i.kind)).toEqual(['postfix-log']);
    expect(r.rejections[0]).toMatchObject({ code: 450, reason: 'requireptr', line: 1 });
  });
});

describe('a log quoted with "> " and its own indent, between the poster’s words', () => {
  it('drops the words around it for the log readers', async () => {
    const r = await analyze(
      [
        'Hi, my mail bounces with this and I have no idea why. Any help appreciated!',
        '',
        '>  postfix/smtpd[10031]: connect from mail.example.org[192.0.2.62]',
        '>  postfix/smtpd[10031]: NOQUEUE: reject: RCPT from mail.example.org[192.0.2.62]: 504 5.5.2 <mail>: Helo command rejected: need fully-qualified hostname; from=<forum@example.org> to=<a@example.net> proto=ESMTP helo=<mail>',
        '>  postfix/smtpd[10031]: disconnect from mail.example.org[192.0.2.62] ehlo=1 mail=1 rcpt=0/1 data=0/1 rset=1 quit=1 commands=4/6',
        '',
        'Thanks in advance,',
        'Tom',
        'Becker & Sons, Musterstadt, Germany',
        'Tel. +49 30 1234567',
      ].join('\n'),
      { now: () => new Date('2026-12-01T00:00:00Z') },
    );
    expect(r.inputs.map((i) => i.kind)).toEqual(['postfix-log']);
    expect(r.rejections[0]).toMatchObject({ code: 504, stage: 'rcpt' });
  });
});

describe('signature', () => {
  const paste = ['Hi, my mail bounces:', '', 'x', 'y', 'Thanks,', 'Tom'];
  it.each([
    ['RFC 3676 "-- "', [...paste, '-- ', 'Tom Becker | IT', 'Tel. +49 30 1234567']],
    ['a trimmed "--"', [...paste, '--', 'Tom Becker', 'https://www.example.com']],
  ])('%s: blanked, the line count kept', (_n, lines) => {
    const out = withoutSignature(lines);
    expect(out).toHaveLength(lines.length);
    expect(out.slice(0, paste.length)).toEqual(paste);
    expect(out.slice(paste.length).every((l) => l === '')).toBe(true);
  });
  it.each([
    ['a notice’s own rule near the top', ['Address not found', '--', "Your message wasn't delivered to a@example.org"]],
    ['a tail with a reply code', [...paste, '--', '550 5.1.1 user unknown']],
    ['a separator far up (a log’s rule)', [...paste, '--', ...Array.from({ length: 12 }, (_, i) => `line ${i}`)]],
    ['a separator as the last line', [...paste, '-- ']],
  ])('kept: %s', (_n, lines) => expect(withoutSignature(lines)).toBe(lines));
});
