// How pasted logs are cleaned line for line (parse/paste.ts), the syslog
// prefixes Postfix lines come with (parse/postfix/line.ts), and what its
// mail.log neighbours say (parse/postfix/companions.ts).
import { describe, expect, it } from 'vitest';
import { preparePaste } from '../../../src/core/parse/paste';
import { readPostfixLine, readSyslogLine } from '../../../src/core/parse/postfix/line';
import { companionFinding } from '../../../src/core/parse/postfix/companions';

const PF = 'Mar  4 10:16:11 mx1 postfix/smtpd[2100]: NOQUEUE: reject: RCPT from unknown[203.0.113.45]: 554 5.7.1';

describe('preparePaste', () => {
  it('keeps the line count, unquotes a quoted log and joins its wrapped lines', () => {
    const input = [
      'Hi,',
      '',
      `> ${PF}`,
      '> Service unavailable; Client host [203.0.113.45] blocked using zen.spamhaus.org;',
      '> from=<a@example.net>',
      '',
      'Bob',
    ];
    const p = preparePaste(input);
    expect(p.lines).toHaveLength(input.length);
    expect(p.lines[2]).toBe(`${PF} Service unavailable; Client host [203.0.113.45] blocked using zen.spamhaus.org; from=<a@example.net>`);
    expect(p.lines.filter((l) => l.trim())).toHaveLength(1);
    expect([p.unquoted, p.joined]).toEqual([3, 2]);
  });
  it.each([
    ['root@mx1:~# grep 203.0.113.45 /var/log/mail.log'],
    ['$ journalctl -u postfix'],
    ['-- Logs begin at Mon 2024-03-01 00:00:00 UTC, end at Mon 2024-03-01 12:00:00 UTC. --'],
    ['[...]'],
    ['```'],
    ['PS C:\\Users\\admin> Get-Content smtp.log'],
  ])('drops the noise line %s between log lines', (noise) => {
    const p = preparePaste([PF, noise, PF]);
    expect(p.lines).toEqual([PF, '', PF]);
  });
  it('does not join a short line, an indented line, or a header field to the log line before it', () => {
    const short = 'Mar  4 10:16:11 mx1 postfix/smtpd[2100]: disconnect';
    expect(preparePaste([short, 'continued?', PF]).lines[1]).toBe('continued?');
    expect(preparePaste([PF, '  Subject: hello', PF]).lines[1]).toBe('  Subject: hello');
    expect(preparePaste([PF, 'P Received: from x by y', PF]).lines[1]).toBe('P Received: from x by y');
  });
  it.each([
    ['grep -H over one file', `/var/log/mail.info:${PF}`],
    ['grep over rotated files', `mail.log.1:${PF}`],
  ])("takes off grep's file-name prefix: %s", (_name, line) => {
    expect(preparePaste([line, line]).lines).toEqual([PF, PF]);
  });
  it.each([
    ['a header field', 'Received: from mx.example.net by mail.example.org'],
    ['a URL', 'https://www.example.org/why-my-mail-bounces: read this'],
    ['a word with a colon before a log line', `Log:${PF}`],
  ])('keeps a line whose start is no file name before a log line: %s', (_name, line) => {
    expect(preparePaste([line, PF]).lines[0]).not.toBe(PF);
  });
  it('leaves a message or a transcript as it is', () => {
    const msg = ['From: a@example.com', 'To: b@example.org', '> quoted text', '', 'body'];
    expect(preparePaste(msg).lines).toBe(msg);
    const tx = ['220 mx ESMTP', 'EHLO x', '250 ok', '$ quit'];
    expect(preparePaste(tx).lines).toBe(tx);
  });
});

describe('syslog prefixes', () => {
  it.each([
    ['BSD', 'Mar  4 10:16:10 mx1 postfix/smtpd[2100]: connect from x[192.0.2.1]', 'smtpd'],
    ['journalctl short', 'Jan 02 07:31:13 azazel postfix/smtp[1050192]: x', 'smtp'],
    ['journalctl short-precise', 'Jan 02 07:31:13.123456 azazel postfix/smtp[1050192]: x', 'smtp'],
    ['journalctl short-iso', '2024-03-01T10:00:00+0100 mx1 postfix/qmgr[1]: x', 'qmgr'],
    ['rsyslog precise', '2024-01-02T03:04:05.123456+00:00 mx1 postfix/cleanup[1]: x', 'cleanup'],
    ['RFC 5424', '<22>1 2024-03-01T10:00:00.123456+01:00 mx1 postfix/smtpd 4321 - - NOQUEUE: reject: x', 'smtpd'],
    [
      'RFC 5424 with structured data',
      '<22>1 2024-03-01T10:00:00Z mx1 postfix/smtpd 4321 ID47 [exampleSDID@32473 iut="3"] connect from x[192.0.2.1]',
      'smtpd',
    ],
    ['docker compose', 'mailserver  | Mar  1 10:00:00 mail postfix/smtpd[77]: connect from x[192.0.2.1]', 'smtpd'],
    ['docker-mailserver level', '2024-02-14T14:47:24.705153-08:00 INFO    postfix/smtpd[39551]: x', 'smtpd'],
    ['multi-instance', 'May 10 12:00:00 relay postfix-out/smtp[3001]: x', 'smtp'],
    ['service name', 'May 10 12:00:00 relay postfix/submission/smtpd[3001]: x', 'smtpd'],
  ])('%s', (_name, line, daemon) => {
    expect(readPostfixLine(line)?.daemon).toBe(daemon);
  });
  it('reads the message of an RFC 5424 line', () => {
    expect(readSyslogLine('<22>1 2024-03-01T10:00:00Z mx1 postfix/smtpd 4321 - - connect from x[192.0.2.1]')?.message).toBe(
      'connect from x[192.0.2.1]',
    );
  });
  it('is not fooled by another program', () => {
    expect(readPostfixLine('Mar  4 10:16:10 mx1 dovecot[1]: imap-login: x')).toBeNull();
    expect(readSyslogLine('Mar  4 10:16:10 mx1 dovecot[1]: imap-login: x')?.program).toBe('dovecot');
    expect(readSyslogLine('Mar  4 10:16:10 mx1 dovecot: imap-login: x')?.program).toBe('dovecot');
  });
  // a paste that lost part or all of the syslog prefix is still Postfix's (issue 11)
  it.each([
    ['the time only', 'Feb 25 12:11:46 postfix/smtpd[799447]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 no', 'smtpd'],
    ['the host only', 'mail postfix/smtp[28481]: 8C91D6EBC: to=<a@b.example>, relay=x[192.0.2.2]:25, status=bounced (loops)', 'smtp'],
    ['no prefix', 'postfix/smtpd[2717]: NOQUEUE: reject: RCPT from unknown[192.0.2.3]: 450 4.7.1 Client host rejected', 'smtpd'],
    ['no prefix and no pid', 'postfix/amavis/smtp: to=<u@x.example>, relay=127.0.0.1[127.0.0.1]:10024, status=deferred (TLS)', 'smtp'],
    [
      'a host redacted with spaces',
      'Feb 08 04:49:12 [my domain] postfix/smtp[5460]: 9843783F4B: to=<a@b.example>, status=deferred (x)',
      'smtp',
    ],
    [
      'another syslog_name',
      '2021-04-21T17:16:28+02:00 server1 server1-1/smtp[17514]: EEC614DD82BD4: to=<e@x.example>, relay=y[192.0.2.4]:25, status=deferred (z)',
      'smtp',
    ],
    [
      'the message alone (cleanup)',
      'milter-reject: END-OF-MESSAGE from h.example[10.0.0.1]: 5.7.1 Spam message rejected; from=<a@b.example>',
      'cleanup',
    ],
    [
      'the message alone (smtpd)',
      'NOQUEUE: reject: RCPT from h.example[192.0.2.9]: 550 5.1.1 <a@b>: User unknown; from=<> to=<a@b>',
      'smtpd',
    ],
  ])('reads a Postfix line with %s', (_what, line, daemon) => {
    expect(readPostfixLine(line)?.daemon).toBe(daemon);
  });
  it.each([
    ['another program without a pid', 'Mar  4 10:16:10 mx1 dovecot: lmtp(a@b): Quota exceeded'],
    ['a word before a slash that is no Postfix daemon', 'docs/guide[2]: to=<a@b.example>, relay=x, status=sent (ok)'],
    ['prose about Postfix', 'I think postfix is rejecting: mail from my printer'],
  ])('does not take %s for Postfix', (_what, line) => {
    expect(readPostfixLine(line)).toBeNull();
  });
});

describe('what policy daemons and milters beside Postfix concluded', () => {
  it.each([
    [
      'policyd-spf',
      'prepend Received-SPF: Fail (mailfrom) identity=mailfrom; client-ip=203.0.113.50; helo=vps.example.net; envelope-from=ceo@example.org; receiver=<UNKNOWN>',
      { check: 'spf', subject: 'example.org', result: 'fail' },
      '203.0.113.50',
    ],
    [
      'policyd-spf',
      '550 5.7.23 Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=ceo@example.org;ip=203.0.113.50;r=<UNKNOWN>',
      { check: 'spf', subject: 'example.org', result: 'fail' },
      '203.0.113.50',
    ],
    ['opendkim', '4C1F2A0123: DKIM verification successful', { check: 'dkim', result: 'pass' }, null],
    [
      'opendkim',
      '4C1F2A0123: s=sel d=example.net SSL error:04091068:rsa routines:int_rsa_verify:bad signature',
      { check: 'dkim', subject: 'example.net', result: 'fail' },
      null,
    ],
    ['opendmarc', '4C1F2A0123: example.net fail', { check: 'dmarc', subject: 'example.net', result: 'fail' }, null],
  ])('%s: %s', (program, message, check, clientIp) => {
    const f = companionFinding(program, message, 7);
    expect(f?.check).toMatchObject({ ...check, line: 7 });
    expect(f?.clientIp ?? null).toBe(clientIp);
  });
  it('says nothing about lines that conclude nothing', () => {
    expect(companionFinding('postgrey', 'action=greylist, reason=new, client_address=198.51.100.80', 1)).toBeNull();
    expect(companionFinding('opendkim', 'OpenDKIM Filter v2.11.0 starting', 1)).toBeNull();
  });
});
