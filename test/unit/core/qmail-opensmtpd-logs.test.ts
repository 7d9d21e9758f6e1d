// qmail's and OpenSMTPD's logs read as logs (parse/qmail.ts, parse/opensmtpd.ts): each line shape
// their sources write (qmail-send.c, qmail-rspawn.c, rblsmtpd, chkuser; smtpd's smtp_session.c and
// mta.c, the older smtp-in/smtp-out/relay lines, the mta trace), with or without the log's label,
// read for the refusal it carries, its stage, whose server refused and the step that fixes it. The
// near forms below each table must not be taken for these logs. Forms written from those programs'
// sources and manuals, not from any collected incident.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { looksLikeQmail } from '../../../src/core/parse/qmail';
import { looksLikeOpensmtpd } from '../../../src/core/parse/opensmtpd';
import { looksLikeNullmailer } from '../../../src/core/parse/nullmailer';
import { preparePaste } from '../../../src/core/parse/paste';

const read = async (text: string) => {
  const r = await analyze(text);
  const rej = r.rejections[0];
  return {
    kind: r.inputs[0]?.kind,
    reason: rej?.reason,
    stage: rej?.stage,
    recipient: rej?.recipient ?? null,
    step: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule,
  };
};

const TAI = '@400000005f1b2c3d0a1b2c3d ';

describe('qmail logs', () => {
  it.each([
    [
      'a remote refusal of the recipient, with the whole message around it',
      [
        `${TAI}new msg 524301`,
        `${TAI}info msg 524301: bytes 2048 from <shop@example.com> qp 4411 uid 89`,
        `${TAI}starting delivery 17: msg 524301 to remote ann@example.org`,
        `${TAI}status: local 0/10 remote 1/20`,
        `${TAI}delivery 17: failure: 192.0.2.27_does_not_like_recipient./Remote_host_said:_550_5.1.1_<ann@example.org>:_Recipient_address_rejected:_User_unknown/Giving_up_on_192.0.2.27./`,
        `${TAI}end msg 524301`,
      ],
      { stage: 'rcpt', recipient: 'ann@example.org', step: 'smtp.recipient-unknown' },
    ],
    [
      'qmail cannot run its own qmail-remote: the installation',
      [`${TAI}starting delivery 3: msg 88 to remote bob@example.net`, `${TAI}delivery 3: deferral: Unable_to_run_qmail-remote./`],
      { reason: 'systemerror', step: 'mta.local-error' },
    ],
    ['qmail-remote crashed', [`${TAI}delivery 4: deferral: qmail-remote_crashed./`], { step: 'mta.local-error' }],
    [
      'a message with the wrong owner in the queue',
      [`${TAI}delivery 5: deferral: Sorry,_message_has_wrong_owner._(#4.3.5)/`],
      { step: 'mta.local-error' },
    ],
    [
      'qmail-send cannot write a bounce',
      [`${TAI}alert: unable to append to bounce message; HELP! sleeping...`],
      { step: 'mta.local-error' },
    ],
    [
      'splogger through syslog: the greeting refused',
      [
        'Dec  1 10:00:00 mail qmail: 1701424800.123456 starting delivery 5: msg 77 to remote c@example.net',
        'Dec  1 10:00:01 mail qmail: 1701424801.123456 delivery 5: deferral: Connected_to_203.0.113.5_but_greeting_failed./Remote_host_said:_554_5.7.1_Service_unavailable;_Client_host_[192.0.2.9]_blocked_using_zen.spamhaus.org/',
      ],
      { stage: 'connect', step: 'dnsbl.listed' },
    ],
    [
      'tai64nlocal dates: no host answered',
      ["2024-01-01 10:00:00.123456789 delivery 9: deferral: Sorry,_I_wasn't_able_to_establish_an_SMTP_connection._(#4.4.1)/"],
      { step: 'smtp.connection-failed' },
    ],
    [
      'the sender refused at MAIL FROM',
      [
        `${TAI}delivery 6: failure: Connected_to_192.0.2.27_but_sender_was_rejected./Remote_host_said:_553_5.1.8_Domain_of_sender_address_does_not_exist/`,
      ],
      { stage: 'mail' },
    ],
    [
      'the HELO name refused',
      [
        `${TAI}delivery 7: deferral: Connected_to_192.0.2.27_but_my_name_was_rejected./Remote_host_said:_504_5.5.2_<localhost>:_Helo_command_rejected:_need_fully-qualified_hostname/`,
      ],
      { stage: 'helo' },
    ],
    [
      'refused after the message',
      [
        `${TAI}delivery 8: deferral: 192.0.2.27_failed_after_I_sent_the_message./Remote_host_said:_451_4.7.1_Greylisted,_please_try_again_later/`,
      ],
      { stage: 'end-of-data', step: 'smtp.greylisted' },
    ],
    [
      'a local mailbox that does not exist',
      [`${TAI}delivery 2: failure: Sorry,_no_mailbox_here_by_that_name._(#5.1.1)/`],
      { step: 'smtp.recipient-unknown' },
    ],
    [
      "the own server's rblsmtpd refused a client",
      [`${TAI}rblsmtpd: 198.51.100.7 pid 4242: 451 http://www.spamhaus.org/query/bl?ip=198.51.100.7`],
      { stage: 'connect', step: 'dnsbl.listed' },
    ],
    [
      "chkuser refused a client's relaying",
      [
        'Dec  1 10:00:00 mail smtpd: 1701424800.123456 CHKUSER rejected relaying: from <x@example.com::> remote <helo.example:unknown:198.51.100.8> rcpt <y@example.org> : client not allowed to relay',
      ],
      { reason: 'norelaying', step: 'smtp.relay-denied' },
    ],
    [
      "Plesk's qmail: its greylisting handler refuses a host its black list of name patterns matches",
      [
        'Mar  2 10:00:01 web1 qmail-queue-handlers[4101]: to=ann@example.org',
        'Mar  2 10:00:01 web1 greylisting filter[4102]: Starting greylisting filter...',
        'Mar  2 10:00:01 web1 greylisting filter[4102]: list type: black, from: out1.pool.example.net, match string: dsl|pool',
        'Mar  2 10:00:01 web1 qmail-queue-handlers[4101]: handlers_stderr: REJECT',
        "Mar  2 10:00:01 web1 qmail-queue-handlers[4101]: REJECT during call 'grey' handler",
      ],
      { reason: 'blocked', stage: 'end-of-data', recipient: 'ann@example.org', step: 'mta.local-error' },
    ],
  ])('%s', async (_name, lines, want) => expect(await read(lines.join('\n'))).toMatchObject({ kind: 'qmail-log', ...want }));

  it('a Plesk handler that passes the message is no refusal', async () => {
    const r = await analyze(
      [
        'Mar  2 10:00:01 web1 qmail-queue-handlers[4101]: to=ann@example.org',
        "Mar  2 10:00:01 web1 qmail-queue-handlers[4101]: PASS during call 'grey' handler",
      ].join('\n'),
    );
    expect(r.inputs[0].kind).toBe('qmail-log');
    expect(r.rejections).toEqual([]);
  });

  it.each([
    ['a success is no refusal', [`${TAI}delivery 1: success: 192.0.2.27_accepted_message./Remote_host_said:_250_ok_1700000000_qp_1/`]],
  ])('%s', async (_name, lines) => {
    const r = await analyze(lines.join('\n'));
    expect(r.inputs[0].kind).toBe('qmail-log');
    expect(r.rejections).toEqual([]);
  });

  it.each([
    // daemontools' label on another service's log is not qmail's
    ['@400000005f1b2c3d0a1b2c3d dovecot: imap-login: Login: user=<a@example.org>'],
    // prose that mentions a delivery
    ['The delivery of my message failed yesterday, what does this mean?'],
    // a bare "warning:" line is any program's (Postfix's dnsblog without its prefix)
    ['warning: dnsblog_query: lookup error for DNS query 1.2.0.192.zen.spamhaus.org: Host or domain name not found'],
  ])('not qmail: %s', (line) => expect(looksLikeQmail([line])).toBe(0));
});

const SYSLOG = 'Mar  8 20:48:47 relay smtpd[88171]: ';

describe('OpenSMTPD logs', () => {
  it.each([
    [
      'the own server refused a client at the greeting (an empty command: a filter)',
      [
        `${SYSLOG}88166f7f21c951f4 smtp connected address=198.51.100.7 host=<unknown>`,
        `${SYSLOG}88166f7f21c951f4 smtp failed-command command="" result="550 no rDNS please fix"`,
      ],
      { stage: 'connect', step: 'smtp.ptr-required' },
    ],
    [
      'the own server refused a recipient',
      [
        `${SYSLOG}b4a942c181a10c63 smtp failed-command command="RCPT TO:<info@example.org> " result="550 Invalid recipient: <info@example.org>"`,
      ],
      { stage: 'rcpt', recipient: 'info@example.org', step: 'smtp.recipient-unknown' },
    ],
    [
      'a remote refused this server (mta delivery, PermFail)',
      [
        `${SYSLOG}2cd79d8bacbe2c12 mta delivery evpid=2cd79d8bacbe2c12aa from=<shop@example.com> to=<ann@example.net> rcpt=<-> source="192.0.2.9" relay="203.0.113.5 (mx.example.net)" delay=2s result="PermFail" stat="550 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org"`,
      ],
      { recipient: 'ann@example.net', step: 'dnsbl.listed' },
    ],
    [
      'the local delivery agent failed',
      [
        `${SYSLOG}2cd79d8bacbe2c12 mda delivery evpid=2cd79d8bacbe2c12aa from=<a@example.com> to=<b@example.org> rcpt=<b@example.org> user=b delay=0s result="TempFail" stat="Error (exited with status 75)"`,
      ],
      { step: 'mta.local-error' },
    ],
    [
      '6.0 "event=" lines: a line too long',
      ['Nov 25 11:47:09 smtpd[12057]: 2c9323b359d01a8a smtp event=bad-input result="500 5.0.0: Line too long"'],
      { step: 'smtp.not-compliant' },
    ],
    [
      'the older smtp-in line',
      [
        'Jan  3 10:00:00 mx smtpd[1]: smtp-in: Failed command on session 4a5b6c7d8e9f0a1b: "RCPT TO:<x@example.org>" => 550 5.7.1 Relaying denied',
      ],
      { stage: 'rcpt', step: 'smtp.relay-denied' },
    ],
    [
      'the older relay line: the remote refused the connection',
      [
        'Jan  3 10:00:00 mx smtpd[1]: relay: TempFail for 1a2b3c4d: session=4a5b6c7d8e9f0a1b, from=<a@example.com>, to=<b@example.net>, rcpt=<->, source=192.0.2.9, relay=203.0.113.5 (mx.example.net), delay=5m, stat=Connection refused',
      ],
      { stage: 'connect', step: 'smtp.connection-failed' },
    ],
    [
      'the mta trace: a banner refusal, then the closed connection',
      [
        'smtp-out: Connected on session c3ad904c53f19f93',
        'mta: 0xea6710: MTA_INIT -> MTA_BANNER',
        'mta: 0xea6710: <<< 554-mx.example.net ESMTP Service not available',
        'mta: 0xea6710: <<< 554 Client host [192.0.2.9] blocked using zen.spamhaus.org',
        'mta: 0xea6710: MTA_BANNER -> MTA_EHLO',
        'smtp-out: Error on session c3ad904c53f19f93: Connection closed unexpectedly',
      ],
      { stage: 'connect', step: 'dnsbl.listed' },
    ],
    [
      'without the syslog prefix',
      [
        '2cd79d8bacbe2c12 mta delivery evpid=2cd79d8bacbe2c12aa from=<a@example.com> to=<b@example.net> rcpt=<-> source="192.0.2.9" relay="203.0.113.5 (mx.example.net)" delay=2s result="PermFail" stat="550 5.1.1 User unknown"',
      ],
      { step: 'smtp.recipient-unknown' },
    ],
  ])('%s', async (_name, lines, want) => expect(await read(lines.join('\n'))).toMatchObject({ kind: 'opensmtpd-log', ...want }));

  it('a delivery that went through is no refusal', async () => {
    const r = await analyze(
      `${SYSLOG}2cd79d8bacbe2c12 mta delivery evpid=2cd79d8bacbe2c12aa from=<a@example.com> to=<b@example.net> rcpt=<-> source="192.0.2.9" relay="203.0.113.5 (mx.example.net)" delay=1s result="Ok" stat="250 2.0.0 Ok: queued"`,
    );
    expect(r.inputs[0].kind).toBe('opensmtpd-log');
    expect(r.rejections).toEqual([]);
  });

  it.each([
    // Postfix's smtpd is another program
    ['Mar  8 20:48:47 mx postfix/smtpd[123]: connect from unknown[198.51.100.7]'],
    // "info:"/"debug:" lines alone are anyone's
    ['info: starting service', 'debug: loaded config'],
  ])('not OpenSMTPD: %s', (...lines) => expect(looksLikeOpensmtpd(lines)).toBe(0));
});

// An mbox "From " separator (RFC 4155, no colon) on top of a pasted notice names its envelope
// sender: a daemon's makes the notice a bounce even when the paste has no From field.
describe('an mbox separator line names who sent a pasted notice', () => {
  const notice = (sender: string, subjectLabel: string) =>
    [
      `From ${sender}`,
      'To: info@example.com',
      `${subjectLabel}: Undelivered Mail Returned to Sender`,
      '',
      'This is the mail system at host mx.example.org.',
      '',
      "I'm sorry to have to inform you that your message could not",
      'be delivered to one or more recipients.',
      '',
      'jo@example.net: host relay.example.net[192.0.2.2] said: 550 5.7.1 Client host',
      '    rejected: cannot find your hostname, [198.51.100.1] (in reply to RCPT TO command)',
    ].join('\n');

  it.each([
    ['MAILER-DAEMON@mx.example.org', 'Re'],
    ['MAILER-DAEMON@mx.example.org Tue Dec  1 10:00:00 2026', 'Re'],
  ])('From %s → a bounce, its refusal read', async (sender, label) => {
    const r = await analyze(notice(sender, label));
    expect(r.inputs[0].kind).toBe('bounce');
    expect(r.rejections[0]).toMatchObject({ code: 550, stage: 'rcpt' });
  });

  it('a person’s mbox line and a message about a bounce stay a message', async () => {
    const r = await analyze(
      [
        'From ann@example.com Tue Dec  1 10:00:00 2026',
        'From: Ann <ann@example.com>',
        'To: bob@example.net',
        'Subject: lunch',
        'Date: Tue, 1 Dec 2026 10:00:00 +0000',
        '',
        'See you at noon.',
      ].join('\n'),
    );
    expect(r.inputs[0].kind).toBe('message');
  });
});

describe('nullmailer-send logs', () => {
  const LOG = [
    'Starting delivery: host: smtp.example.net protocol: smtp file: 1635188050.26893',
    'From: <root@host.example.org> to: <admin@example.org>',
    'Message-Id: <1635188050.541402.26892.nullmailer@host.example.org>',
    'smtp: Failed: 550 5.7.1 <admin@example.org>: Relay access denied',
    'Sending failed: Permanent error in sending the message',
  ];
  it.each([
    ['bare, as journalctl -o cat shows it', LOG],
    ['behind syslog prefixes', LOG.map((l) => `Oct 25 19:00:50 host nullmailer[26892]: ${l}`)],
  ])('%s: the relay refused this server', async (_name, lines) =>
    expect(await read(lines.join('\n'))).toMatchObject({ kind: 'nullmailer-log', reason: 'norelaying', recipient: 'admin@example.org' }),
  );

  it('a header section with From: and Message-Id: alone is not nullmailer', () =>
    expect(looksLikeNullmailer(['From: <root@host.example.org> to: <admin@example.org>', 'Message-Id: <1@host.example.org>'])).toBe(0));
});

describe("programs' lines beside the logs", () => {
  it("sendmail's milter refusal at MAIL FROM after smf-spf's SPF verdict: the SPF step leads", async () =>
    expect(
      await read(
        [
          'Nov  3 04:07:19 mx1 smf-spf[19861]: SPF fail: ip=198.51.100.4, fqdn=[198.51.100.4], helo=bulk.example, from=<x@mail.example.com>',
          'Nov  3 04:07:19 mx1 sm-mta[23903]: vA347GJM023903: Milter: from=<x@mail.example.com>, reject=550 5.7.1 Command rejected',
        ].join('\n'),
      ),
    ).toMatchObject({ kind: 'sendmail-log', stage: 'mail', step: 'spf.fail' }));

  it('a milter refusal at RCPT TO without any verdict keeps its own step', async () =>
    expect(
      await read('Nov  3 04:07:19 mx1 sm-mta[23903]: vA347GJM023903: Milter: to=<y@example.org>, reject=550 5.7.1 Command rejected'),
    ).toMatchObject({ kind: 'sendmail-log', stage: 'rcpt', recipient: 'y@example.org' }));

  it("sendmail's unnamed 'Milter: data, reject=' line is the same refusal as the named milter's line after it", async () => {
    const r = await analyze(
      [
        'Mar  1 13:00:00 mail sendmail[4001]: 41LD00cc004001: Milter: data, reject=550 5.7.1 Command rejected',
        'Mar  1 13:00:00 mail sendmail[4001]: 41LD00cc004001: milter=clamav-milter, action=data, reject=554 5.7.1 Virus found: Eicar-Test-Signature',
      ].join('\n'),
    );
    expect(r.rejections.map((x) => [x.line, x.reason])).toEqual([[2, 'virusdetected']]);
  });

  it('an Exim ACL refusal logged without a message is a refusal at its command', async () =>
    expect(
      await read('2024-12-25 15:43:28 H=mail.example.net [192.0.2.5] F=<a@example.net> temporarily rejected RCPT <b@example.org>'),
    ).toMatchObject({ kind: 'exim-log', stage: 'rcpt', recipient: 'b@example.org' }));

  it.each([
    [
      'Incoming MTA stage:\t2024-12-25 15:43:28 H=mail.example.net [192.0.2.5] F=<a@example.net> rejected RCPT <b@example.org>: Unrouteable address',
      'exim-log',
    ],
  ])("a web interface's label before a log line is taken off: %s", async (line, kind) => expect((await read(line)).kind).toBe(kind));

  it("a header field's name is no label (no space in it)", () =>
    expect(
      preparePaste(['X-Original-Date: 2024-12-25 15:43:28 +0100', '2024-12-25 15:43:28 1tQ4Ab-000123-4x <= a@example.net']).lines[0],
    ).toBe('X-Original-Date: 2024-12-25 15:43:28 +0100'));

  it.each([
    ['[6.801s] mx.example.net:25 --> 554 5.7.1 rejected by content filter', 554],
    ['S: <-- 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown', 550],
  ])("a delivery log's arrow before a reply: %s", async (line, code) => {
    const r = await analyze(line);
    expect(r.inputs[0].kind).toBe('bounce');
    expect(r.rejections[0]?.code).toBe(code);
  });

  it('an arrow before a number in prose is no reply', async () =>
    expect((await analyze('Upgraded the package from version 1.2 --> 554 files changed')).rejections).toEqual([]));
});

describe("replies in a program's fields and in Exim's own lines", () => {
  it("a program's 'response=' field holds the reply; '(EHLO)' after it names the command", async () =>
    expect(await read('response=421-4.7.0 Try again later, closing connection. (EHLO)')).toMatchObject({ kind: 'bounce', stage: 'helo' }));

  it("a size field's number is no reply", async () =>
    expect((await analyze('Message stored: size=550 bytes, 3 recipients')).rejections).toEqual([]));

  it("Exim's timed 'SMTP error from remote mail server' line is the remote's refusal, counted once beside its == line", async () => {
    const line =
      'SMTP error from remote mail server after MAIL FROM:<a@example.com> SIZE=15763: 421 4.7.0 [TS01] Messages from 192.0.2.5 temporarily deferred due to user complaints';
    const alone = await analyze(`2016-07-20 14:18:21 1bPxwi-0001xA-Te ${line}`);
    expect(alone.rejections.map((r) => [r.code, r.stage])).toEqual([[421, 'mail']]);
    const twins = await analyze(
      [
        `2016-07-20 14:18:21 1bPxwi-0001xA-Te ${line}`,
        `2016-07-20 14:18:21 1bPxwi-0001xA-Te == b@example.net R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [192.0.2.9]: ${line}`,
      ].join('\n'),
    );
    expect(twins.rejections.map((r) => r.line)).toEqual([2]);
  });
});
