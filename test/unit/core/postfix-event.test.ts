import { describe, expect, it } from 'vitest';
import { parsePostfixMessage, readPostfixLine } from '../../../src/core/parse/postfix/event';

describe('Postfix line prefix', () => {
  it.each([
    ['Mar  4 10:15:01 mx1 postfix/smtpd[2100]: connect from a[192.0.2.1]', 'smtpd', 2100],
    ['2024-05-02T08:01:12.482913+02:00 relay postfix/submission/smtpd[3301]: connect from b[192.0.2.2]', 'smtpd', 3301],
    ['2024-05-02 08:01:12 relay postfix-out/smtp[77]: 4VTq0K1Xz0z5x: to=<x@y>, status=sent (250 ok)', 'smtp', 77],
  ])('%s', (line, daemon, pid) => {
    const p = readPostfixLine(line)!;
    expect([p.daemon, p.pid]).toEqual([daemon, pid]);
  });
  it('is not fooled by other programs', () => expect(readPostfixLine('Mar  4 10:30:00 mx1 dovecot: imap-login: Login')).toBeNull());
});

describe('Postfix messages', () => {
  it('smtpd NOQUEUE reject', () => {
    const e = parsePostfixMessage(
      'smtpd',
      'NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 <x@y>: Relay access denied; from=<a@b> to=<x@y> proto=ESMTP helo=<pc>',
    );
    expect(e).toMatchObject({
      queueId: 'NOQUEUE',
      action: 'reject',
      smtpStage: 'RCPT',
      clientHost: 'unknown',
      clientIp: '192.0.2.9',
      code: 554,
      enhanced: '5.7.1',
      from: 'a@b',
      to: 'x@y',
      helo: 'pc',
    });
    expect(e.replyText).toBe('<x@y>: Relay access denied');
  });
  it('smtp status=bounced with said and in reply to', () => {
    const e = parsePostfixMessage(
      'smtp',
      '3F2A11C0A2: to=<b@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.1.26]:25, delay=1, delays=0/0/0/1, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[142.250.1.26] said: 550-5.7.26 first 550-5.7.26 second (in reply to end of DATA command))',
    );
    expect(e).toMatchObject({
      queueId: '3F2A11C0A2',
      to: 'b@gmail.com',
      relayHost: 'gmail-smtp-in.l.google.com',
      relayIp: '142.250.1.26',
      relayPort: 25,
      status: 'bounced',
      dsn: '5.7.26',
      code: 550,
      enhanced: '5.7.26',
      smtpStage: 'end of DATA',
    });
    expect(e.replyText).toBe('first second');
  });
  it('cleanup header check', () => {
    const e = parsePostfixMessage(
      'cleanup',
      '4XyZ1N2kLmz9v: reject: header Subject: Win from h.example[192.0.2.7]; from=<a@b> to=<c@d> proto=ESMTP helo=<h.example>: 5.7.1 Message content rejected',
    );
    expect(e).toMatchObject({
      action: 'reject',
      smtpStage: 'END-OF-MESSAGE',
      clientIp: '192.0.2.7',
      enhanced: '5.7.1',
      replyText: 'Message content rejected',
      to: 'c@d',
    });
  });
  it('postscreen', () => {
    expect(parsePostfixMessage('postscreen', 'PREGREET 11 after 0.1 from [192.0.2.3]:4412: EHLO x')).toMatchObject({
      violation: 'PREGREET',
      clientIp: '192.0.2.3',
      clientPort: 4412,
    });
    expect(parsePostfixMessage('postscreen', 'DNSBL rank 3 for [192.0.2.3]:4412')).toMatchObject({ dnsblRank: 3, clientIp: '192.0.2.3' });
  });
  it('smtpd FCrDNS warning', () => {
    expect(
      parsePostfixMessage('smtpd', 'warning: hostname h.example does not resolve to address 192.0.2.4: Name or service not known'),
    ).toMatchObject({
      level: 'warning',
      dnsWarning: 'fcrdns-mismatch',
      clientIp: '192.0.2.4',
    });
  });
  it('never throws on garbage', () => {
    for (const s of ['', ':', 'NOQUEUE:', 'reject: RCPT from', 'to=<', '\u0000\u0001', 'x'.repeat(10000)])
      expect(() => parsePostfixMessage('smtpd', s)).not.toThrow();
  });
});
