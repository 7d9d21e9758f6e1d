// Real incidents that Mailmedic got wrong (test/fixtures/cases/in-*): each
// general cause, tested on its own small input.
import { describe, expect, it } from 'vitest';
import { raw } from '../../support/raw-rejection';
import { analyze } from '../../../src/core/index';
import { classify } from '../../../src/core/classify';
import type { RawRejection } from '../../../src/core/parse/parser';
import { tableResolver, type Table } from '../../support/table-resolver';

describe('receiver texts of real incidents', () => {
  // [reply, reason, knowledge id, party, hard]
  it.each<[RawRejection, string, string, string, boolean]>([
    // Postfix reject_unauth_destination / defer_unauth_destination
    [raw(554, '5.7.1', 'rcpt', '<b@example.net>: Relay access denied'), 'norelaying', 'postfix.relay-access-denied', 'sender', true],
    [raw(454, '4.7.1', 'rcpt', '<b@example.net>: Relay access denied'), 'norelaying', 'postfix.relay-access-denied', 'sender', false],
    // Microsoft 365's connector refusal has Postfix's words in it, but is no Postfix setting
    [
      raw(550, '5.7.64', 'rcpt', 'TenantAttribution; Relay Access Denied [BN8NAM12FT045.eop-nam12.prod.protection.outlook.com]'),
      'norelaying',
      'microsoft.5.7.64-tenant-attribution',
      'sender',
      true,
    ],
    // a Microsoft 365 mailbox restricted for outbound spam: its own submissions are refused
    [
      raw(
        554,
        '5.2.0',
        'unknown',
        'STOREDRV.Submission.Exception:OutboundSpamException; WASCL UserAction verdict is not None. Actual verdict is Suspend, OutboundSpamLastReason: UserVolumeExceeded.',
      ),
      'blocked',
      'microsoft.5.7.50x-spam-abuse',
      'sender',
      true,
    ],
    [
      raw(550, '5.4.1', 'rcpt', 'Relay Access Denied ATTR36 [DM6NAM10FT012.eop-nam10.prod.protection.outlook.com]'),
      'norelaying',
      'generic.no-relaying',
      'sender',
      true,
    ],
    // Exim's HELO syntax check (an underscore in a device name)
    [raw(550, null, 'helo', 'syntactically invalid argument(s): my_server_01'), 'syntaxerror', 'exim.helo-syntax', 'sender', true],
    // Exim's default acl_check_rcpt
    [raw(550, null, 'rcpt', 'relay not permitted'), 'norelaying', 'exim.relay-not-permitted', 'sender', true],
    // sendmail check_rcpt, with AUTH offered, and without a PTR for the client
    [
      raw(550, '5.7.1', 'rcpt', '<b@example.net>... Relaying denied. Proper authentication required.'),
      'norelaying',
      'sendmail.relaying-denied',
      'sender',
      true,
    ],
    [
      raw(550, '5.7.1', 'rcpt', '<b@example.net>... Relaying denied. IP name lookup failed [198.51.100.9]'),
      'norelaying',
      'sendmail.relaying-denied-no-ptr',
      'sender',
      true,
    ],
    // Gmail 421 4.7.28 is a rate limit (sisimai: speeding), retried by the queue …
    [
      raw(
        421,
        '4.7.28',
        'end-of-data',
        'Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.',
      ),
      'speeding',
      'gmail.4.7.28-rate-limited',
      'sender',
      false,
    ],
    // … its 550 5.7.28 form a reputation block
    [
      raw(
        550,
        '5.7.28',
        'end-of-data',
        'Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.',
      ),
      'badreputation',
      'gmail.5.7.28-blocked',
      'sender',
      true,
    ],
    // the sender's own TLS policy meeting a receiver without STARTTLS (Postfix, Exim): not a handshake failure
    [
      raw(null, '4.7.4', 'unknown', 'TLS is required, but was not offered by host mx.example.net[192.0.2.80]'),
      'securityerror',
      'tls.not-offered',
      'unknown',
      false,
    ],
    [
      raw(null, null, 'unknown', 'a TLS session is required, but the server did not offer TLS support'),
      'securityerror',
      'tls.not-offered',
      'unknown',
      false,
    ],
    [raw(null, null, 'unknown', 'TLS handshake failed: wrong version number'), 'securityerror', 'tls.handshake-failed', 'unknown', true],
    // "your organization" in 5.7.520 is the forwarding tenant: the sender of the forwarded copy
    [
      raw(550, '5.7.520', 'unknown', 'Access denied, Your organization does not allow external forwarding. AS(7555)'),
      'policyviolation',
      'microsoft.5.7.520-forwarding',
      'sender',
      true,
    ],
  ])('%o', (r, reason, knowledge, party, hard) => {
    const c = classify(r);
    expect([c.reason, c.knowledge, c.party, c.hard]).toEqual([reason, knowledge, party, hard]);
  });
});

const postfixRelay = (reply: string) =>
  [
    'Mar 14 10:22:31 mx1 postfix/smtpd[23051]: connect from unknown[198.51.100.23]',
    `Mar 14 10:22:32 mx1 postfix/smtpd[23051]: NOQUEUE: reject: RCPT from unknown[198.51.100.23]: ${reply}; from=<jane@example.com> to=<partner@example.net> proto=ESMTP helo=<[192.168.1.34]>`,
    'Mar 14 10:22:32 mx1 postfix/smtpd[23051]: disconnect from unknown[198.51.100.23] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4',
  ].join('\n');

const statuses = async (text: string, table: Table) => {
  const r = await analyze(text, { resolver: tableResolver(table) });
  return { r, of: (rule: string) => r.checklist.filter((s) => s.rule === rule).map((s) => s.status) };
};

describe('a client refused relay by its own server is not judged as a delivering server', () => {
  const table: Table = { 'example.com TXT': ['v=spf1 mx -all'] };
  it('Postfix "Relay access denied": PTR, HELO and SPF of the client are information, the relay step is first', async () => {
    const { r, of } = await statuses(postfixRelay('554 5.7.1 <partner@example.net>: Relay access denied'), table);
    expect(r.checklist[0].rule).toBe('smtp.relay-denied');
    expect(r.checklist[0].fix.join(' ')).toContain('permit_sasl_authenticated');
    expect(r.checklist[0].fix.join(' ')).toContain('198.51.100.23/32');
    expect(of('ptr.missing')).toEqual(['info']);
    expect(of('spf.fail')).toEqual(['info']);
    expect(of('helo.invalid')).toEqual(['info']);
    const spf = r.checklist.find((s) => s.rule === 'spf.fail')!;
    expect(spf.title).toMatch(/^Not why this was refused/);
    expect(spf.fix).toEqual([]);
  });
  it("no SPF record: the record suggested does not list the refused client's IP", async () => {
    const { r } = await statuses(postfixRelay('554 5.7.1 <partner@example.net>: Relay access denied'), {});
    const fix = r.checklist.find((s) => s.rule === 'spf.missing')!.fix.join(' ');
    expect(fix).toContain('"v=spf1 mx ~all"');
    expect(fix).not.toContain('198.51.100.23');
  });
  it('the same client refused for a blocklist listing keeps its findings', async () => {
    const { of } = await statuses(
      postfixRelay('554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org'),
      table,
    );
    expect(of('ptr.missing')).toEqual(['fail']);
    expect(of('spf.fail')).toEqual(['fail']);
  });
  it('sendmail "Relaying denied. IP name lookup failed" names the PTR: it stays a finding', async () => {
    const log = [
      'Sep 13 13:53:40 mail sendmail[5820]: j8D4rdtZ005820: ruleset=check_rcpt, arg1=<b@example.net>, relay=[198.51.100.9], reject=550 5.7.1 <b@example.net>... Relaying denied. IP name lookup failed [198.51.100.9]',
      'Sep 13 13:54:31 mail sendmail[5820]: j8D4rdtZ005820: from=<a@example.org>, size=0, class=0, nrcpts=0, proto=SMTP, daemon=MTA, relay=[198.51.100.9]',
    ].join('\n');
    const { r, of } = await statuses(log, {});
    expect(of('ptr.missing')).toEqual(['fail']);
    expect(r.checklist.find((s) => s.rule === 'smtp.relay-denied')?.fix.join(' ')).toContain('Connect:198.51.100.9 RELAY');
  });
});

describe('an outbound delivery is judged by its remote peer, not by the client that submitted the message', () => {
  const log = [
    'Jun  3 11:02:17 mail postfix/submission/smtpd[8790]: 3F1A22C0123: client=pc-44.lan.example.org[10.0.4.44], sasl_method=PLAIN, sasl_username=info@example.org',
    'Jun  3 11:02:17 mail postfix/qmgr[1102]: 3F1A22C0123: from=<info@example.org>, size=2211, nrcpt=1 (queue active)',
    'Jun  3 11:02:18 mail postfix/smtp[8812]: 3F1A22C0123: to=<j.smiht@example.net>, relay=mx1.example.net[192.0.2.44]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=5.1.1, status=bounced (host mx1.example.net[192.0.2.44] said: 550 5.1.1 <j.smiht@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))',
  ].join('\n');
  it('no SPF verdict and no PTR advice for the LAN client 10.0.4.44', async () => {
    const { r, of } = await statuses(log, { 'example.org TXT': ['v=spf1 mx -all'] });
    expect(r.checklist[0].rule).toBe('smtp.recipient-unknown');
    expect(of('spf.fail')).toEqual(['info']);
    expect(
      r.checklist
        .filter((s) => s.status === 'fail' || s.status === 'warn')
        .map((s) => s.title)
        .join(' '),
    ).not.toContain('10.0.4.44');
  });
  it('a private client in an inbound session: SPF is not evaluated for it, and the step says why', async () => {
    const t = 'Mon 2024-03-04 10:00:00: ';
    const session = [
      'Session 1; child 1',
      'Accepting SMTP connection from [10.0.4.44 : 40000] to [192.0.2.1 : 25]',
      '--> 220 mx.example.org ESMTP MDaemon',
      '<-- EHLO pc-44.lan.example.org',
      '--> 250 mx.example.org Hello',
      '<-- MAIL From:<a@example.org>',
      '--> 250 ok',
      '<-- RCPT To:<b@example.net>',
      '--> 550 5.7.1 Authentication required',
      '<-- QUIT',
    ]
      .map((l) => t + l)
      .join('\n');
    const { r, of } = await statuses(session, { 'example.org TXT': ['v=spf1 mx -all'] });
    expect(of('spf.fail')).toEqual(['info']);
    expect(r.checklist.find((s) => s.rule === 'spf.fail')?.title).toContain('private address 10.0.4.44');
  });
});

describe('a size refusal shows both sizes the dialogue gives', () => {
  const mdaemon = (ehloSize: string) =>
    [
      'Session 12877; child 0002',
      'Attempting SMTP connection to [192.0.2.31:25]',
      '*  Connection established (192.0.2.5:52004 -> 192.0.2.31:25)',
      '<-- 220 mx.example.net ESMTP Postfix',
      '--> EHLO mail.example.org',
      '<-- 250-mx.example.net',
      `<-- 250-SIZE ${ehloSize}`,
      '<-- 250 8BITMIME',
      '--> MAIL From:<sales@example.org> SIZE=31457280',
      '<-- 552 5.3.4 Message size exceeds fixed limit',
      '--> QUIT',
      'SMTP session terminated (Bytes in/out: 412/143)',
    ]
      .map((l) => `Tue 2024-04-16 10:05:11.372: ${l}`)
      .join('\n');
  it('the EHLO SIZE limit and the declared SIZE=', async () => {
    const r = await analyze(mdaemon('10240000'), {});
    const s = r.checklist.find((x) => x.rule === 'smtp.message-too-large')!;
    const ev = s.evidence.map((e) => e.text).join('\n');
    expect(ev).toContain('SIZE 10240000 bytes (9.8 MiB)');
    expect(ev).toContain('SIZE=31457280 bytes (30.0 MiB)');
    expect(s.fix.join(' ')).toContain('message_size_limit');
  });
  it('SIZE 0 announces no limit (RFC 1870): no limit is claimed', async () => {
    const r = await analyze(mdaemon('0'), {});
    const s = r.checklist.find((x) => x.rule === 'smtp.message-too-large')!;
    expect(s.evidence.map((e) => e.text).join('\n')).not.toContain('announced its size limit');
  });
});

describe("a refusal explained by another area's step lends it the receiver's words", () => {
  it("Gmail's IPv6 PTR refusal: ptr.missing quotes it and carries Gmail's own fixes", async () => {
    const log = [
      'Nov 21 13:40:55 mx postfix/qmgr[711]: 4F3B81A0C2: from=<alerts@example.org>, size=3388, nrcpt=1 (queue active)',
      'Nov 21 13:40:56 mx postfix/smtp[15520]: 4F3B81A0C2: to=<ops@gmail.com>, relay=gmail-smtp-in.l.google.com[2001:db8:4860:4864::1b]:25, delay=1.1, delays=0.02/0.01/0.31/0.76, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[2001:db8:4860:4864::1b] said: 550-5.7.1 [2001:db8:1234:5::25] Our system has detected that this message does 550-5.7.1 not meet IPv6 sending guidelines regarding PTR records and 550-5.7.1 authentication. 550 5.7.1 z5si1234567wrt.412 - gsmtp (in reply to end of DATA command))',
    ].join('\n');
    const r = await analyze(log, { resolver: tableResolver({}) });
    const s = r.checklist[0];
    expect(s.rule).toBe('ptr.missing');
    expect(s.title).toContain('2001:db8:1234:5::25');
    expect(s.evidence[0].text).toContain('IPv6 sending guidelines');
    expect(s.fix.join(' ')).toContain('inet_protocols = ipv4');
  });
});

describe("Exim: the arrival's H= helo is the submitting client's, not the delivering server's", () => {
  it('a delivery refused by Outlook.com is not blamed on HELO "localhost" of the webmail that submitted it', async () => {
    const log = [
      '2024-11-19 16:42:07 1tDQ2p-0003Xy-1b <= invoices@example.org H=localhost [127.0.0.1] P=esmtpa A=dovecot_plain:invoices@example.org S=24411',
      "2024-11-19 16:42:09 1tDQ2p-0003Xy-1b ** client.one@hotmail.com R=dnslookup T=remote_smtp H=hotmail-com.olc.protection.outlook.com [192.0.2.33]: SMTP error from remote mail server after RCPT TO:<client.one@hotmail.com>: 550 5.7.1 Unfortunately, messages from [203.0.113.77] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).",
      '2024-11-19 16:42:09 1tDQ2p-0003Xy-1b Completed',
    ].join('\n');
    const r = await analyze(log, { resolver: tableResolver({}) });
    expect(r.checklist[0].rule).toBe('reputation.blocked');
    expect(r.checklist.filter((s) => s.rule === 'helo.invalid')).toEqual([]);
    // the IP the receiver named is the one checked
    expect(r.checklist.find((s) => s.rule === 'ptr.missing')?.title).toContain('203.0.113.77');
  });
  it('the same when the first line after the arrival is a connection line naming the remote host', async () => {
    const log = [
      '2024-05-02 14:03:09 1s2abc-000Abc-2x <= news@example.org H=localhost (web.example.org) [127.0.0.1] P=esmtpa A=dovecot_login:news S=18234',
      '2024-05-02 14:03:11 1s2abc-000Abc-2x H=mta7.am0.yahoodns.net [192.0.2.65] SMTP error from remote mail server after pipelined MAIL FROM:<news@example.org> SIZE=18234: 421 4.7.0 [TSS04] Messages from 203.0.113.88 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
      '2024-05-02 14:03:11 1s2abc-000Abc-2x == reader@yahoo.com R=dnslookup T=remote_smtp defer (-46) H=mta7.am0.yahoodns.net [192.0.2.65]: SMTP error from remote mail server after pipelined MAIL FROM:<news@example.org> SIZE=18234: 421 4.7.0 [TSS04] Messages from 203.0.113.88 temporarily deferred due to unexpected volume or user complaints',
    ].join('\n');
    const r = await analyze(log, { resolver: tableResolver({}) });
    expect(r.checklist.filter((s) => s.rule === 'helo.invalid')).toEqual([]);
  });
  it('an arrival that is not delivered keeps its client HELO', async () => {
    const log =
      '2024-11-19 16:42:07 1tDQ2p-0003Xy-1b H=(DESKTOP-7G2K1Q) [198.51.100.45] F=<a@example.org> rejected RCPT <b@example.net>: relay not permitted';
    const r = await analyze(log, { resolver: tableResolver({}) });
    expect(r.checklist.some((s) => s.rule === 'helo.invalid' && s.title.includes('DESKTOP-7G2K1Q'))).toBe(true);
  });
});

it('Postfix HELO refusal names the restriction that fired', async () => {
  const log =
    'Sep  5 08:31:12 mail postfix/smtpd[30911]: NOQUEUE: reject: RCPT from unknown[198.51.100.140]: 504 5.5.2 <SCANNER01>: Helo command rejected: need fully-qualified hostname; from=<s@example.com> to=<o@example.com> proto=ESMTP helo=<SCANNER01>';
  const r = await analyze(log, { resolver: tableResolver({}) });
  expect(r.checklist[0].rule).toBe('smtp.helo-rejected');
  expect(r.checklist[0].fix.join(' ')).toContain('reject_non_fqdn_helo_hostname');
});

describe("TLS towards the receiver is not read from the sender's own hops", () => {
  const bounce = (received: string) =>
    [
      'From: Mail Delivery System <Mailer-Daemon@server.example.org>',
      'To: newsletter@example.org',
      'Subject: Mail delivery failed: returning message to sender',
      'Date: Thu, 07 Mar 2024 11:20:54 +0100',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  reader.two@gmail.com',
      '    host gmail-smtp-in.l.google.com [192.0.2.27]',
      '    SMTP error from remote mail server after end of data:',
      '    550-5.7.1 [203.0.113.80      12] Gmail has detected that this message is',
      '    550 5.7.1 likely unsolicited mail. d9443c01a7336 - gsmtp',
      '',
      "------ This is a copy of the message's headers. ------",
      '',
      received,
      'From: Example Shop <newsletter@example.org>',
      'To: reader.two@gmail.com',
      'Subject: Offer',
      'Date: Thu, 07 Mar 2024 11:20:52 +0100',
      'Message-ID: <f1e2d3c4b5a6@example.org>',
    ].join('\n');
  const tlsLine = async (text: string) => {
    const r = await analyze(text, { resolver: tableResolver({}) });
    return r.checklist.find((s) => s.rule === 'bulk.gmail')?.evidence.find((e) => e.text.includes('sent over TLS'))?.text ?? '';
  };
  it('a webmail submission from 127.0.0.1 "with esmtpa" in a bounce: unknown, not "no TLS"', async () => {
    const t = await tlsLine(
      bounce(
        'Received: from [127.0.0.1] (port=40212 helo=server.example.org)\n\tby server.example.org with esmtpa (Exim 4.96.2)\n\tid 1riB5Y-00042S-2p; Thu, 07 Mar 2024 11:20:52 +0100',
      ),
    );
    expect(t).toMatch(/^\?/);
  });
});

describe("a listed IP of a big provider's shared pool is not its user's to delist", () => {
  const bounce = (ip: string) =>
    [
      'Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
      '',
      '** Message blocked **',
      '',
      'Your message to partner@example.net has been blocked. See technical details below for more information.',
      '',
      'The response was:',
      '',
      `550 5.7.1 Service unavailable, Client host [${ip}] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/${ip} (AS3130).`,
    ].join('\n');
  const listed = (ip: string, ptr: string): Table => {
    const rev = ip.split('.').reverse().join('.');
    return {
      [`${rev}.in-addr.arpa PTR`]: [ptr],
      [`${ptr} A`]: [ip],
      [`${rev}.zen.spamhaus.org A`]: ['127.0.0.3'],
      '2.0.0.127.zen.spamhaus.org A': ['127.0.0.2'],
    };
  };
  it("Google's forward-confirmed server: tell the recipient's administrator, no 'find what sent spam'", async () => {
    const r = await analyze(bounce('192.0.2.41'), { resolver: tableResolver(listed('192.0.2.41', 'mail-wm1-f41.google.com')) });
    const s = r.checklist.find((x) => x.rule === 'dnsbl.listed' && x.status === 'fail')!;
    expect(s.fix[0]).toContain('shared outgoing mail servers of Google');
    expect(s.fix.join(' ')).not.toContain('Find what sent the spam');
  });
  it('an own server with its own PTR keeps the clean-up advice', async () => {
    const r = await analyze(bounce('192.0.2.42'), { resolver: tableResolver(listed('192.0.2.42', 'mail.example.org')) });
    const s = r.checklist.find((x) => x.rule === 'dnsbl.listed' && x.status === 'fail')!;
    expect(s.fix[0]).toContain('Find what sent the spam');
  });
});

it("a Postfix bounce's '(in reply to … command)' note gives the stage and is not kept as the receiver's words", async () => {
  const text = [
    'From: Mail Delivery System <MAILER-DAEMON@mail.example.org>',
    'Subject: Undelivered Mail Returned to Sender',
    '',
    'This is the mail system at host mail.example.org.',
    '',
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients. It's attached below.",
    '',
    '<bob@example.net>: host mx.example.net[192.0.2.91] said: 554 5.7.1',
    '    Service unavailable; Client host [198.51.100.12] blocked using',
    '    bl.spamcop.net (in reply to RCPT TO command)',
  ].join('\n');
  const r = await analyze(text, {});
  expect(r.rejections[0].stage).toBe('rcpt');
  expect(r.rejections[0].text).toBe('Service unavailable; Client host [198.51.100.12] blocked using bl.spamcop.net');
});
