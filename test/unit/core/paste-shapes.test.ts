// Shapes of real pastes that used to lose the refusal or its stage (issue 11
// point 1): the stage a reply's own words give, a DSN block pasted alone, a
// client's error box with labels in its language, Postfix lines without
// their prefix or queue id, wrapped before "status=", a redacted address with
// spaces, a status cut before its closing parenthesis, and connection
// failures pasted without any status line.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const first = async (text: string) => {
  const r = await analyze(text);
  const rej = r.rejections[0];
  return {
    kind: r.inputs[0]?.kind,
    stage: rej?.stage,
    code: rej?.code ?? null,
    reason: rej?.reason,
    step: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule,
  };
};

describe('the stage a reply names in its own words', () => {
  it.each([
    [
      'Feb 17 21:53:28 mx haraka[48106]: [NOTICE] [930E.1.1] [outbound] recipient <a@example.net> rejected: 550 5.7.1 Service unavailable; Client host [192.0.2.8] blocked using FBLW15',
      'rcpt',
    ],
    ['MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Unable to relay', 'rcpt'],
    ['Error: 554 5.7.1 <a@example.net>: Relay access denied', 'rcpt'],
    ['"raw_reason": "501 5.5.2 RCPT TO syntax error"', 'rcpt'],
    ['The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.3 Authentication unsuccessful.', 'mail'],
    [
      "exception 'Zend_Mail_Protocol_Exception' with message '5.7.1 Spam message rejected\n' in /var/www/lib/Zend/Mail/Protocol/Abstract.php:431",
      'end-of-data',
    ],
    [
      "smtpstatus=554 smtpmsg='554-Transaction failed\\n554-Reject due to policy restrictions.\\n554 For explanation visit https://postmaster.web.de/error-messages' exitcode=EX_UNAVAILABLE",
      'end-of-data',
    ],
    ['192.0.2.26 failed after I sent the message.\nRemote host said: 550-5.7.1 This message is not RFC 5322 compliant', 'end-of-data'],
  ])('%s → %s', async (text, stage) => expect((await first(text)).stage).toBe(stage));

  it.each([
    // a refusal of the client named in words about the IP is no verdict on the message's content
    ['Error: 554 5.7.1 Spam source blocked, see https://example.net/rbl'],
    // "Transaction failed" after words that open the connection is the greeting's
    ['Remote host said: 421 Service not available, closing transmission channel'],
  ])('no stage invented: %s', async (text) => expect((await first(text)).stage).not.toBe('end-of-data'));
});

describe('a DSN block or a client error box pasted alone', () => {
  it('a per-recipient DSN block with a wrapped Diagnostic-Code', async () =>
    expect(
      await first(`Final-Recipient: rfc822; a@example.net
Original-Recipient: rfc822;a@example.net
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 550 5.1.1 <a@example.net>: Recipient address
    rejected: User unknown in virtual alias table`),
    ).toMatchObject({ kind: 'bounce', code: 550, stage: 'rcpt', reason: 'userunknown', step: 'smtp.recipient-unknown' }));

  it("a client's error box with labels in its language", async () =>
    expect(await first('Destinataire : a@example.net\nErreur : 550 5.1.1 User unknown')).toMatchObject({
      kind: 'bounce',
      code: 550,
      reason: 'userunknown',
    }));

  it('a real header section with a refusal in a field is still headers (the passing form)', async () =>
    expect(
      (await first('From: a@example.org\nTo: b@example.net\nSubject: 550 reasons to smile\nDate: Mon, 1 Dec 2025 10:00:00 +0000\n\nhello'))
        .kind,
    ).not.toBe('bounce'));
});

describe('a log whose timestamps look like header fields', () => {
  it('an application log with ISO timestamps and an escaped reply is no header section', async () =>
    expect(
      await first(
        '2021-09-17T17:39:17.329Z\tcore/event\nWARNING\t\t"DC_EVENT_WARNING"\t0\t"src/job.rs:255: SMTP failed to send: Permanent(Response { message: [\\"5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc\\"] })"\n2021-09-17T17:39:17.340Z\tcore/event',
      ),
    ).toMatchObject({ kind: 'bounce', step: 'smtp.content-rejected', stage: 'end-of-data' }));

  // (the OpenSMTPD reader reads the trace: parse/opensmtpd.ts)
  it('an OpenSMTPD trace ("mta: 0x…: <<< 554-…") is read for its reply at the banner', async () =>
    expect(
      await first(
        'mta: 0xea6710: MTA_INIT -> MTA_BANNER\nmta: 0xea6710: <<< 554-mx.example.net Service not available\nmta: 0xea6710: <<< 554-No SMTP service\nmta: 0xea6710: <<< 554-Bad DNS PTR resource record.\nmta: 0xea6710: <<< 554 For explanation visit http://postmaster.example.net/rdns\nmta: 0xea6710: MTA_BANNER -> MTA_EHLO\nmta: 0xea6710: >>> EHLO client.example.org\nsmtp-out: Error on session c3ad904c53f19f93: Connection closed unexpectedly',
      ),
    ).toMatchObject({ kind: 'opensmtpd-log', code: 554, stage: 'connect', reason: 'requireptr' }));
});

describe('Postfix lines without their prefix or queue id', () => {
  it('a delivery line wrapped before status=, without a queue id or pid', async () =>
    expect(
      await first(
        'postfix/amavis/smtp: to=<user@example.com>, relay=127.0.0.1[127.0.0.1]:10024, \nstatus=deferred (TLS is required, but was not offered by host 127.0.0.1[127.0.0.1])',
      ),
    ).toMatchObject({ kind: 'postfix-log', step: 'smtp.tls-failed' }));

  it('a milter refusal without prefix or queue id', async () =>
    expect(
      await first(
        'milter-reject: END-OF-MESSAGE from lists.example.org[192.0.2.9]: 5.7.1 Spam message rejected; from=<list-owner@example.org> to=<a@example.org> proto=ESMTP helo=<lists.example.org>',
      ),
    ).toMatchObject({ kind: 'postfix-log', stage: 'end-of-data', step: 'smtp.content-rejected' }));

  it('a redacted address with spaces and a status cut before its parenthesis closes', async () =>
    expect(
      await first(
        'Feb 08 04:49:12 [my domain] postfix/smtp[5460]: 9843783F4B: to=<[some email address]>, relay=mx.example.net[198.51.100.17]:25, delay=38136, delays=38136/0.03/0.06/0, dsn=4.0.0, status=deferred (host mx.example.net[198.51.100.17] refused to talk to me: 554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit https://example.net/rdns',
      ),
    ).toMatchObject({ kind: 'postfix-log', stage: 'connect', reason: 'requireptr' }));

  it('connection failures pasted without any status line', async () =>
    expect(
      await first(
        'May 25 20:40:11 mail postfix/smtp[52683]: connect to mx1.example.net[198.51.100.27]:25: Connection timed out\nMay 25 20:40:41 mail postfix/smtp[52683]: connect to mx2.example.net[198.51.100.28]:25: Connection timed out',
      ),
    ).toMatchObject({ kind: 'postfix-log', stage: 'connect', code: null, step: 'smtp.connection-failed' }));

  it('a connection failure that a status line reports is one refusal, not two (the passing form)', async () => {
    const r = await analyze(
      'May 25 20:40:11 mail postfix/smtp[52683]: connect to mx1.example.net[198.51.100.27]:25: Connection timed out\nMay 25 20:40:11 mail postfix/smtp[52683]: 3F2A1B: to=<a@example.net>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx1.example.net[198.51.100.27]:25: Connection timed out)',
    );
    expect(r.rejections).toHaveLength(1);
  });
});
