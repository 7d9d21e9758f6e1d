// A log inside one container — a JSON log line's string, a shell string, a page's HTML — is read
// by its log reader, with the evidence on the paste's own line (src/core/parse/container.ts).

import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { remapLines, unwrapContainer } from '../../../src/core/parse/container';

const LOG = [
  'Mar  4 10:16:09 mx1 postfix/smtp[2211]: A1B2C3D4E5: to=<a@example.org>, relay=mx.example.org[192.0.2.7]:25, delay=1, status=sent (250 ok)',
  'Mar  4 10:16:10 mx1 postfix/smtp[2211]: B2C3D4E5F6: to=<b@example.org>, relay=mx.example.org[192.0.2.7]:25, status=bounced (host mx.example.org[192.0.2.7] said: 550 5.1.1 <b@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
];
const json = (s: string) => JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
const html = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('a log in a container', () => {
  it.each([
    ['a JSON log line', ['{"level":"error","msg":"delivery","log":' + json(LOG.join('\n')) + '}'], 1],
    ['a shell string', ["+ echo $'" + LOG.join('\\n') + "'"], 1],
    ['a shell string without escapes', ["+ echo $'" + LOG[1] + "'"], 1],
    ['one log line in a page’s HTML', ['<div><p>' + html(LOG[1]) + '</p></div>'], 1],
    ['HTML on one line', ['<p>' + LOG.map(html).join('<br>') + '</p>'], 1],
    [
      'one log line quoted whole in a JSON record (no line break, only \\u003c escapes)',
      ['{"ts":"2026-11-30T09:12:44Z","line":' + json(LOG[1]) + '}'],
      1,
    ],
    ['a note, then the JSON line', ['The worker logged this:', '{"err":' + json(LOG.join('\n')) + '}'], 2],
  ])('%s: read as the Postfix log, evidence on the paste’s line', async (_name, lines, at) => {
    const r = await analyze(lines.join('\n'), { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['postfix-log']);
    expect(r.rejections[0]).toMatchObject({ code: 550, reason: 'userunknown', stage: 'rcpt', line: at });
  });

  // (the exim line has no timestamp: only its own shape says it is Exim's, and the record around it must not count against it)
  const EXIM_BARE =
    'R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<a@example.de>: host mx.example.de [192.0.2.8]: 550 inconsistent or no DNS PTR record for 192.0.2.1';
  const EXIM_DEFER =
    'a@example.com R=dnslookup T=remote_smtp defer (-1): failed to expand “interface” option for remote_smtp transport: failed to open /etc/exim4/domains/example.com/ip: Permission denied';
  it.each([
    [
      'a JSON record whose member holds a bare Exim line (\\u003c escapes)',
      '{"level":"error","ts":"2026-11-30T09:12:44Z","msg":"sending mail failed","error":' + json(EXIM_BARE) + '}',
      550,
    ],
    [
      'a JSON record whose member holds it without any escape (a short frame no more)',
      '{"level":"error","ts":"2026-11-30T09:12:44Z","caller":"mailer/send.go:88","msg":"sending mail failed","error":' +
        JSON.stringify(EXIM_DEFER) +
        '}',
      null,
    ],
  ])('%s: read as the Exim log', async (_n, line, code) => {
    const r = await analyze(line, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['exim-log']);
    expect(r.rejections[0]).toMatchObject({ code, line: 1 });
  });

  it('a line that is no JSON record keeps its short strings as they are', () => {
    expect(
      unwrapContainer(['The worker said "' + EXIM_DEFER + '" and stopped there, twice, again and again and again, as it always does.']),
    ).toBeNull();
  });

  it('a telnet session in a page’s HTML: the refusal a later command corrected is no refusal (order kept before lines are moved)', async () => {
    const session = [
      '220 mx.example.net ESMTP ready',
      'HELO',
      '250 mx.example.net Hello [192.0.2.1]',
      'Mail',
      '501 5.5.4 Unrecognized parameter',
      'MAIL FROM: a@example.com',
      '250 2.1.0 Sender OK',
      'RCPT TO: b@example.net',
      '550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus',
    ];
    const r = await analyze('<div><p>' + session.map(html).join('<br>') + '</p></div>', { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.rejections.map((x) => x.code)).toEqual([550]);
    expect(r.rejections[0]).toMatchObject({ line: 1, stage: 'rcpt' });
  });

  // A bounce notice or a message's headers in a container: read out of it, so the container's own
  // syntax (a JSON record's closing quote and brace) is no part of a reply, and the refusal that
  // explains the failure stays first. (analyze.ts innerReadingSurer)
  const TRANSCRIPT = [
    '----- The following addresses had permanent fatal errors -----',
    '<bob@example.net>',
    '----- Transcript of session follows -----',
    '... while talking to mx.example.net.:',
    '>>> RCPT To:<bob@example.net>',
    '<<< 552 <bob@example.net>... Mail quota exceeded',
    '554 <bob@example.net>... Service unavailable',
  ];
  const AUTH_RESULTS = [
    'Authentication-Results: mx.example.net; dkim=pass header.d=esp.example header.a=rsa-sha256',
    'Authentication-Results: mx.example.net; dmarc=fail (p=quarantine dis=none) header.from=example.org',
    'Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=bounce.esp.example',
  ];
  const record = (lines: string[]) =>
    '{"level":"error","ts":"2026-11-30T09:12:44Z","msg":"sending mail failed","error":' + json(lines.join('\n')) + '}';
  it.each([
    ['a sendmail notice in a JSON record', record(TRANSCRIPT)],
    ['a sendmail notice in a shell string', "+ echo $'" + TRANSCRIPT.join('\\n') + "'"],
    ['a sendmail notice in a page’s HTML', '<p>' + TRANSCRIPT.map(html).join('<br>') + '</p>'],
  ])('%s: the recipient’s full mailbox leads, and no reply holds the container’s syntax', async (_n, paste) => {
    const r = await analyze(paste, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['bounce']);
    expect(r.rejections.map((x) => x.text).join(' ')).not.toMatch(/["}]\s*$/);
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('smtp.mailbox-full');
  });

  it('a quoted DSN block as a page’s source line for line (a <br /> ending each): read out of it too', async () => {
    const dsn = [
      '> Reporting-MTA: dns; mail.example.org',
      '>',
      '>Final-Recipient: rfc822; admin@example.org',
      '>Action: failed',
      '>Status: 5.4.6',
      '> Diagnostic-Code: X-Postfix; mail for example.org loops back to myself',
    ];
    const paste = dsn.map((l) => html(l) + '<br />').join('\n');
    const r = await analyze(paste, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('smtp.mail-loop');
  });

  // a line no reader takes as it stands, whose container undone is an error a reader knows
  it.each([
    [
      'a TLS error in a page’s HTML (&#39; for the apostrophe)',
      '<p>Hostname/IP does not match certificate&#39;s altnames: Host: mail.example.org. is not in the cert&#39;s altnames: DNS:example.org, DNS:www.example.org</p>',
      'smtp.tls-failed',
    ],
    [
      "a sending quota quoted in a shell string (\\' for the apostrophe)",
      `+ echo $'"Quota d\\'envoi de mails dépassé"'`,
      'smtp.rate-limited',
    ],
  ])('%s: read out of its container', async (_n, paste, rule) => {
    const r = await analyze(paste, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe(rule);
  });

  it('the receiver’s Authentication-Results in a JSON record are read as headers: DMARC failed, not a refusal', async () => {
    const r = await analyze(record(AUTH_RESULTS), { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['headers']);
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('dmarc.fail');
  });

  it('a message’s text quoted in an application’s error, the reply outside it: the reply is read', async () => {
    const paste = [
      'user error (cannot execute command DATA ' +
        JSON.stringify('From: <a@example.org>\nTo: <b@example.net>\nSubject: test\nMIME-Version: 1.0\n\nHello') +
        ', expected reply code 250, but received 550 5.7.1 [2001:db8::1] Our system has detected that',
      '5.7.1 this message does not meet IPv6 sending guidelines regarding PTR',
      '5.7.1 records and authentication.',
    ].join('\n');
    const r = await analyze(paste, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['bounce']);
    expect(r.rejections[0]).toMatchObject({ code: 550, enhanced: '5.7.1' });
  });

  it('two refusals folded onto one paste line: the one the log wrote first stays the first step', async () => {
    const log = [
      'smtp-out: routing: Failed to resolve MX for [example.net]: Invalid domain name',
      'smtp-out: session 0000000000000000: evpid=1, status=PermFail, from=<>, to=<b@example.net>, rcpt=<->, source=-, relay=example.net, delay=0s, stat=Invalid domain name',
    ];
    for (const paste of [log.join('\n'), record(log)]) {
      const r = await analyze(paste, { now: () => new Date('2026-12-01T00:00:00Z') });
      expect(r.inputs.map((i) => i.kind)).toEqual(['opensmtpd-log']);
      expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('smtp.dns-lookup-failed');
    }
  });

  it('is not undone where the lines are the paste’s own', () => {
    expect(unwrapContainer(LOG)).toBeNull();
  });

  it('a JSON line whose string holds no log stays what it was', async () => {
    const r = await analyze('{"level":"error","msg":"send failed: 550 5.1.1 \\"a@b.example\\" user unknown"}');
    expect(r.inputs.map((i) => i.kind)).not.toContain('postfix-log');
    expect(r.rejections[0]).toMatchObject({ code: 550, reason: 'userunknown' });
  });

  it('moves every line number back, 0 staying 0', () => {
    const r = remapLines({ line: 3, s: [{ startLine: 2, endLine: 4, x: { line: 0 } }] }, [1, 1, 2, 2]);
    expect(r).toEqual({ line: 2, s: [{ startLine: 1, endLine: 2, x: { line: 0 } }] });
  });
});
