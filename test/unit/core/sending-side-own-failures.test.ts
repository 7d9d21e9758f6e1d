// The sending side's own failures that a first run of issue 11's sending-side incidents showed unread
// (each mechanism with a passing form and a near miss that must stay as it was):
// - Postfix's SMTP client with no SASL mechanism for its relay ("no mechanism available", "No worthy
//   mechs found", "offered no compatible authentication mechanisms") is the own MTA's setup, not a
//   login the relay refused ("… said: 535 …");
// - a connect() that fails locally with EADDRNOTAVAIL ("Cannot assign requested address") is the
//   sending host's network, not a refusal at the connection;
// - a connection refused by the MX of a big mailbox organisation is the sending side's network;
// - a Go program's logfmt / log15 lines ("t=… lvl=eror … error=\"554 …\"", "EROR[06-01|01:20:52] …")
//   are records of their own, not a message's header section;
// - Exim's "Completed" line stands alone (Rails' "Completed 500 Internal Server Error in 892ms" is no
//   Exim line).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { findReceiverKnowledge } from '../../../src/core/knowledge/replies';
import { isMailOrganisationHost } from '../../../src/core/knowledge/mail-organisations';
import { chooseParser } from '../../../src/core/parse/registry';
import { findReplies } from '../../../src/core/parse/replies/find';
import { looksLikeExim } from '../../../src/core/parse/exim';
import { splitLines } from '../../../src/core/text/lines';
import { buildView } from '../../../src/worker/view/build';

const report = (text: string) => analyze(text, { now: () => new Date('2026-12-01T00:00:00Z') });
const firstProblem = async (text: string) => (await report(text)).checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule;
const who = async (text: string) => buildView(await report(text)).verdict.who ?? '';

describe("Postfix's SMTP client without a usable SASL mechanism is its own setup", () => {
  it.each([
    'SASL authentication failed; cannot authenticate to server smtp.example.net[192.0.2.25]: no mechanism available',
    'warning: SASL authentication failure: No worthy mechs found',
    'SASL authentication failed: server smtp.example.net[192.0.2.25] offered no compatible authentication mechanisms for this type of connection security',
    "warning: smtp.example.net[192.0.2.25]:587 offered no supported AUTH mechanisms: 'CRAM-MD5 DIGEST-MD5'",
  ])('%s', (text) => {
    expect(findReceiverKnowledge(text, null, 'unknown')?.id).toBe('postfix.sasl-no-mechanism');
  });
  it.each([
    // the relay judged the login: its own reply
    'SASL authentication failed; server smtp.example.net[192.0.2.25] said: 535 5.7.8 Error: authentication failed: authentication failure',
    // the receiving side's own SASL (smtpd), a client that logged in badly
    'warning: unknown[198.51.100.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6',
  ])('near miss: %s', (text) => {
    expect(findReceiverKnowledge(text, null, 'unknown')?.id).not.toBe('postfix.sasl-no-mechanism');
  });

  it.each([
    [
      'in a status line',
      'Aug 27 07:12:19 mail postfix/smtp[76]: A4997FB6AA: to=<user@example.com>, relay=smtp.example.net[192.0.2.25]:587, delay=6, delays=0.01/0.03/6/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.example.net[192.0.2.25]: no mechanism available)',
    ],
    [
      'as a queued message line alone (no status line pasted)',
      '2024-02-08T16:42:00.441548+00:00 INFO    postfix/relay/smtp[364]: 36F1612: SASL authentication failed; cannot authenticate to server smtp.example.net[192.0.2.25]: no mechanism available',
    ],
    [
      'with the relay host redacted',
      'Apr  7 12:16:58 relay postfix/smtp[249]: B46951A4DB1F8: SASL authentication failed; cannot authenticate to server [redacted][192.0.2.25]: no mechanism available',
    ],
  ])('%s: the own MTA is at fault, and it is the sending side', async (_what, text) => {
    expect(await firstProblem(text)).toBe('mta.local-error');
    expect(await who(text)).toMatch(/^The sender's side: your own sending server/);
  });

  it('a queued line followed by its status line gives one refusal, the status line', async () => {
    const r = await report(
      [
        'Feb 15 22:53:46 srv2 postfix/smtp[39474]: BBFC982148: SASL authentication failed; cannot authenticate to server smtp.example.net[192.0.2.25]: no mechanism available',
        'Feb 15 22:53:46 srv2 postfix/smtp[39474]: BBFC982148: to=<a@example.org>, relay=smtp.example.net[192.0.2.25]:587, delay=402, delays=401/0.18/1.4/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.example.net[192.0.2.25]: no mechanism available)',
      ].join('\n'),
    );
    expect(r.rejections.map((x) => x.line)).toEqual([2]);
  });

  it('near miss: the relay refusing the login is a login that failed', async () => {
    const text =
      'Aug 27 07:12:19 mail postfix/smtp[76]: A4997FB6AA: to=<user@example.com>, relay=smtp.example.net[192.0.2.25]:587, delay=6, delays=0.01/0.03/6/0, dsn=4.7.8, status=deferred (SASL authentication failed; server smtp.example.net[192.0.2.25] said: 535 5.7.8 Error: authentication failed: authentication failure)';
    expect(await firstProblem(text)).not.toBe('mta.local-error');
  });
});

describe('a connect() that fails on the sending host (EADDRNOTAVAIL) is its network', () => {
  it.each([
    ['connect to gmail-smtp-in.l.google.com[2a00:1450:400b:c01::1b]:25: Cannot assign requested address', 'connection.no-route'],
    ['Error: connect EADDRNOTAVAIL 2001:db8::1:25', 'connection.no-route'],
  ])('%s', (text, id) => {
    expect(findReceiverKnowledge(text, null, 'connect')?.id).toBe(id);
  });
  it("near miss: the own daemon's bind() failing is no delivery's connection", () => {
    expect(findReceiverKnowledge('fatal: bind 192.0.2.1 port 25: Cannot assign requested address', null, 'unknown')?.id).not.toBe(
      'connection.no-route',
    );
  });
  it('a paste of a timeout and an EADDRNOTAVAIL has no reputation step', async () => {
    const r = await report(
      [
        'Oct 27 09:06:16 mail postfix/smtp[3288]: connect to gmail-smtp-in.l.google.com[74.125.193.27]:25: Connection timed out',
        'Oct 27 09:06:16 mail postfix/smtp[3288]: connect to gmail-smtp-in.l.google.com[2a00:1450:400b:c01::1b]:25: Cannot assign requested address',
      ].join('\n'),
    );
    expect(r.checklist.filter((s) => s.rule === 'reputation.blocked' && (s.status === 'fail' || s.status === 'warn'))).toEqual([]);
  });
});

describe('a connection refused by a mailbox organisation’s MX is the sending network', () => {
  it.each([
    ['gmail-smtp-in.l.google.com', true],
    ['example-com.mail.protection.outlook.com', true],
    ['mta5.am0.yahoodns.net', true],
    ['mx01.mail.icloud.com', true],
    ['mx.example.org', false],
    ['google.com.example.net', false],
    [null, false],
  ])('%s → %s', (host, yes) => {
    expect(isMailOrganisationHost(host)).toBe(yes);
  });
  it('refused by Gmail: the sending side', async () => {
    expect(
      await who(
        'Mar 11 12:45:21 mail postfix/smtp[26783]: 5F1E2A: to=<a@gmail.com>, relay=none, delay=106, delays=0.01/0.01/106/0, dsn=4.4.1, status=deferred (connect to gmail-smtp-in.l.google.com[74.125.24.27]:25: Connection refused)',
      ),
    ).toMatch(/^The sender's side/);
  });
  it("near miss: refused by the recipient domain's own host stays the recipient's side", async () => {
    expect(
      await who(
        'Mar 11 12:45:21 mail postfix/smtp[26783]: 5F1E2A: to=<a@example.org>, relay=none, delay=106, delays=0.01/0.01/106/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.40]:25: Connection refused)',
      ),
    ).toMatch(/^The recipient's side/);
  });
});

describe("a Go program's structured log lines are records, not a header section", () => {
  const logfmt = [
    't=2017-01-16T15:53:03+0000 lvl=eror msg="Failed to send alert notifications" logger=context userId=1 error="gomail: could not send email 1: 554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: admin@example.invalid"',
    't=2017-01-16T15:53:03+0000 lvl=eror msg="Request Completed" logger=context userId=1 method=POST path=/api/alert-notifications/test status=500 size=48',
  ];
  const log15 = [
    'EROR[06-01|01:20:52] Failed to send alert notification email  logger=alerting.notifier.email error="535 5.7.8 Username and Password not accepted. Learn more at\\n5.7.8  https://support.google.com/mail/?p=BadCredentials s81-v6sm12080461qke.47 - gsmtp"',
    'EROR[06-01|01:20:52] Request Completed                        logger=context userId=1 method=POST path=/api/alert-notifications/test status=500',
  ];
  it.each([
    ['logfmt', logfmt, 554],
    ['log15', log15, 535],
  ])('%s: the reply inside error="…" ends with its line, and is the refusal', async (_f, lines, code) => {
    const found = findReplies(splitLines(lines.join('\n')));
    expect(found[0]?.code).toBe(code);
    expect(found[0]?.endLine).toBe(1);
    const r = await report(lines.join('\n'));
    expect(r.rejections[0]?.code).toBe(code);
  });
  it('near miss: a real header section keeps its fields', async () => {
    const r = await report(
      ['From: a@example.org', 'To: b@example.net', 'Subject: t=2017 test', 'Date: Mon, 16 Jan 2017 15:53:03 +0000', '', 'body'].join('\n'),
    );
    expect(r.inputs[0]?.kind).not.toBe('bounce');
  });
});

describe("Exim's bare 'Completed' line", () => {
  it.each([
    ['1pfdJV-004eVE-9X Completed', true],
    ['1pfdJV-004eVE-9X Completed QT=2s', true],
    ['Completed 500 Internal Server Error in 892ms (ActiveRecord: 0.0ms | Allocations: 19634)', false],
  ])('%s → Exim: %s', (line, yes) => {
    expect(looksLikeExim([line]) > 0).toBe(yes);
  });
  it("Rails' log with Ruby's Net::SMTP error is an application's error, read for its reply", async () => {
    const text = [
      'Completed 500 Internal Server Error in 892ms (ActiveRecord: 0.0ms | Allocations: 19634)',
      'Net::SMTPAuthenticationError (530-5.7.0 Authentication Required. Learn more at',
      '):',
    ].join('\n');
    expect(chooseParser(splitLines(text)).parser?.kind).not.toBe('exim-log');
    expect((await report(text)).rejections[0]?.code).toBe(530);
  });
});

describe('a reply that only AUTH gets (RFC 4954 §6: 534, 535, 538) names the login, not a recipient', () => {
  it.each([
    ['535 Authentication failed: No such account.', 'securityerror'],
    ['535 5.7.8 Error: authentication failed: user unknown', 'securityerror'],
    ['534 5.7.9 Application-specific password required. No such user setting.', 'securityerror'],
  ])('%s → %s', async (text, reason) => {
    expect((await report(`Error: ${text}`)).rejections[0]?.reason).toBe(reason);
  });
  it.each([
    ['550 5.1.1 <a@example.org>: Recipient address rejected: No such user', 'userunknown'],
    ['RCPT TO:<a@example.org>\n550 No such account', 'userunknown'],
  ])('near miss: %s → %s', async (text, reason) => {
    expect((await report(text)).rejections[0]?.reason).toBe(reason);
  });
});

describe('the sendmail stand-ins (ssmtp, msmtp) and their own log lines', () => {
  it.each([
    ['sendmail: Cannot open smtp.example.net:587', 'program.server-unreachable'],
    ['ssmtp: Cannot open mailhub:25', 'program.server-unreachable'],
    ['msmtp: cannot connect to smtp.example.net, port 587: Connection timed out', 'program.server-unreachable'],
  ])('%s → %s', (text, id) => {
    expect(findReceiverKnowledge(text, null, 'unknown')?.id).toBe(id);
  });
  it('near miss: a file that cannot be opened is no connection', () => {
    expect(findReceiverKnowledge('sendmail: Cannot open /etc/mail/sendmail.cf', null, 'unknown')?.id).not.toBe(
      'program.server-unreachable',
    );
  });
  it("lines that all carry the program's own name are its log, read for the server's reply", async () => {
    const r = await report(
      [
        'msmtp: authentication failed (method PLAIN)',
        'msmtp: server message: 535 5.7.8 Error: authentication failed: authentication failure',
        'msmtp: could not send mail (account default from /etc/msmtprc)',
      ].join('\n'),
    );
    expect(r.rejections[0]?.code).toBe(535);
    expect(
      await firstProblem(['msmtp: server message: 535 5.7.8 Error: authentication failed', 'msmtp: could not send mail'].join('\n')),
    ).toBe('smtp.login-failed');
  });
  it("near miss: a message's header section keeps its repeated fields", async () => {
    const r = await report(
      ['Received: from a.example.org by b.example.net', 'Received: from c.example.org by a.example.org', '', 'body'].join('\n'),
    );
    expect(r.inputs[0]?.kind).not.toBe('bounce');
  });
});

describe("sendmail's relay without a name is its address literal", () => {
  it.each([
    ['relay=[127.0.0.1] [127.0.0.1]', '127.0.0.1'],
    ['relay=mx.example.org. [192.0.2.4]', 'mx.example.org'],
  ])('%s → remote %s', async (relay, remote) => {
    const r = await report(
      `Mar  1 10:00:00 web sendmail[1234]: 42A1B2C3D4: to=<a@example.org>, delay=00:00:01, mailer=relay, pri=30345, ${relay}, dsn=4.0.0, stat=Deferred: Connection refused by ${relay.split(' ')[1]}`,
    );
    expect(r.rejections[0]?.remote).toBe(remote);
  });
  it("a local relay that refuses is the own server's, not the recipient's side", async () => {
    expect(
      await who(
        'Mar  1 10:00:00 web sendmail[1234]: 42A1B2C3D4: to=<a@example.org>, delay=00:00:01, mailer=relay, pri=30345, relay=[127.0.0.1] [127.0.0.1], dsn=4.0.0, stat=Deferred: Connection refused by [127.0.0.1]',
      ),
    ).not.toMatch(/^The recipient's side/);
  });
});
