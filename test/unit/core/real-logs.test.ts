// Real-shaped log excerpts (test/fixtures/real-logs/, sources in SOURCES.md):
// for each, the kind, the refusal the checklist must explain first (its line,
// reason in sisimai's words, stage, and the IP the receiver judged), and the
// first checklist step, offline. A change that reads one of them differently
// must be a deliberate one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, readEvidence } from '../../../src/core/index';
import { decodeBytes } from '../../../src/core/text/decode';
import { LogSummariser } from '../../../src/core/summary/summariser';

const dir = new URL('../../fixtures/real-logs/', import.meta.url);

type Primary = { line: number; reason: string; stage: string; ip: string | null } | null;

const CASES: [string, string, Primary, string][] = [
  ['ex-cpanel-limit.log', 'exim-log', { line: 1, reason: 'speeding', stage: 'unknown', ip: null }, 'smtp.rate-limited'],
  ['ex-cpanel-texts.log', 'exim-log', { line: 1, reason: 'norelaying', stage: 'rcpt', ip: '198.51.100.210' }, 'smtp.relay-denied'],
  // Gmail's 5.7.26 "This mail is unauthenticated": neither SPF nor DKIM passed — the receiver's stated finding (knowledge/recorded-checks.ts)
  ['ex-gmail.log', 'exim-log', { line: 2, reason: 'authfailure', stage: 'end-of-data', ip: '203.0.113.70' }, 'spf.fail'],
  ['ex-inbound-misc.log', 'exim-log', { line: 1, reason: 'userunknown', stage: 'rcpt', ip: '198.51.100.92' }, 'smtp.recipient-unknown'],
  ['ex-inbound-rbl.log', 'exim-log', { line: 1, reason: 'blocked', stage: 'rcpt', ip: '203.0.113.80' }, 'dnsbl.listed'],
  ['ex-noroute.log', 'exim-log', { line: 2, reason: 'networkerror', stage: 'connect', ip: null }, 'smtp.connection-failed'],
  ['ex-old.log', 'exim-log', { line: 2, reason: 'userunknown', stage: 'rcpt', ip: null }, 'smtp.recipient-unknown'],
  ['ex-outlook-defer.log', 'exim-log', { line: 1, reason: 'badreputation', stage: 'rcpt', ip: '203.0.113.71' }, 'reputation.blocked'],
  ['ex-timeout.log', 'exim-log', { line: 2, reason: 'networkerror', stage: 'connect', ip: null }, 'smtp.connection-failed'],
  ['md-14-tagged.log', 'mdaemon-log', { line: 11, reason: 'userunknown', stage: 'rcpt', ip: '198.51.100.20' }, 'smtp.recipient-unknown'],
  ['md-2018-separators.log', 'mdaemon-log', { line: 15, reason: 'blocked', stage: 'connect', ip: '203.0.113.99' }, 'dnsbl.listed'],
  ['md-26-noBrackets.log', 'mdaemon-log', { line: 15, reason: 'securityerror', stage: 'helo', ip: '203.0.113.10' }, 'smtp.login-failed'],
  ['md-dnsbl-userunknown.log', 'mdaemon-log', { line: 13, reason: 'blocked', stage: 'rcpt', ip: '203.0.113.150' }, 'dnsbl.listed'],
  ['md-out-blocked.log', 'mdaemon-log', { line: 21, reason: 'blocked', stage: 'rcpt', ip: '192.0.2.10' }, 'dnsbl.listed'],
  ['md-out-timeout.log', 'mdaemon-log', { line: 7, reason: 'networkerror', stage: 'connect', ip: null }, 'smtp.connection-failed'],
  ['mixed-crlf-prompt.log', 'postfix-log', { line: 3, reason: 'blocked', stage: 'rcpt', ip: '203.0.113.45' }, 'dnsbl.listed'],
  ['mixed-quoted.txt', 'postfix-log', { line: 6, reason: 'blocked', stage: 'rcpt', ip: '203.0.113.45' }, 'dnsbl.listed'],
  ['pf-5424.log', 'postfix-log', { line: 1, reason: 'userunknown', stage: 'rcpt', ip: '203.0.113.45' }, 'smtp.recipient-unknown'],
  ['pf-amavis.log', 'postfix-log', { line: 1, reason: 'spamdetected', stage: 'end-of-data', ip: null }, 'smtp.content-rejected'],
  [
    'pf-gmail-526.log',
    'postfix-log',
    { line: 1, reason: 'authfailure', stage: 'end-of-data', ip: '2001:db8:fe:81::1' },
    // Gmail's words name the SPF result, the domain and the IP: that is the step (rules/recorded.ts)
    'spf.fail',
  ],
  ['pf-gmail-ptr.log', 'postfix-log', { line: 1, reason: 'requireptr', stage: 'end-of-data', ip: '203.0.113.61' }, 'ptr.missing'], // Gmail 5.7.25: its own finding, recorded
  // Postfix evaluates HELO restrictions at RCPT (smtpd_delay_reject) and logs that stage
  ['pf-helo.log', 'postfix-log', { line: 2, reason: 'blocked', stage: 'rcpt', ip: '198.51.100.77' }, 'smtp.helo-rejected'],
  ['pf-journal.log', 'postfix-log', { line: 4, reason: 'userunknown', stage: 'rcpt', ip: null }, 'smtp.recipient-unknown'],
  ['pf-lost.log', 'postfix-log', { line: 2, reason: 'networkerror', stage: 'connect', ip: null }, 'smtp.connection-failed'],
  ['pf-multi.log', 'postfix-log', { line: 1, reason: 'onhold', stage: 'rcpt', ip: null }, 'smtp.greylisted'],
  ['pf-outlook.log', 'postfix-log', { line: 1, reason: 'blocked', stage: 'mail', ip: '203.0.113.61' }, 'reputation.blocked'],
  // "SPF fail - not authorized": the SPF result the server itself recorded when it refused
  ['pf-policyd-spf.log', 'postfix-log', { line: 2, reason: 'authfailure', stage: 'rcpt', ip: '203.0.113.50' }, 'spf.fail'],
  ['pf-postgrey.log', 'postfix-log', { line: 1, reason: 'onhold', stage: 'rcpt', ip: '198.51.100.80' }, 'smtp.greylisted'],
  ['pf-postscreen.log', 'postfix-log', { line: 4, reason: 'blocked', stage: 'rcpt', ip: '198.51.100.9' }, 'smtp.receiver-dnsbl-error'],
  ['pf-rbl-real.log', 'postfix-log', { line: 2, reason: 'blocked', stage: 'rcpt', ip: '203.0.113.45' }, 'dnsbl.listed'],
  ['pf-rbl.log', 'postfix-log', { line: 2, reason: 'blocked', stage: 'rcpt', ip: '198.51.100.166' }, 'smtp.receiver-dnsbl-error'],
  ['pf-relay.log', 'postfix-log', { line: 1, reason: 'norelaying', stage: 'rcpt', ip: '198.51.100.78' }, 'smtp.relay-denied'],
  ['pf-reverse.log', 'postfix-log', { line: 1, reason: 'requireptr', stage: 'rcpt', ip: '203.0.113.8' }, 'ptr.missing'], // "cannot find your reverse hostname": the receiver's finding
  ['pf-rspamd.log', 'postfix-log', { line: 3, reason: 'spamdetected', stage: 'end-of-data', ip: '198.51.100.82' }, 'smtp.content-rejected'],
  ['pf-sender-domain.log', 'postfix-log', { line: 1, reason: 'rejected', stage: 'rcpt', ip: '198.51.100.79' }, 'smtp.sender-invalid'],
  ['pf-timeout.log', 'postfix-log', { line: 3, reason: 'networkerror', stage: 'connect', ip: null }, 'smtp.connection-failed'],
  ['pf-tls.log', 'postfix-log', { line: 3, reason: 'securityerror', stage: 'helo', ip: null }, 'smtp.tls-failed'],
  ['pf-unknown-client.log', 'postfix-log', { line: 3, reason: 'requireptr', stage: 'rcpt', ip: '203.0.113.7' }, 'smtp.ptr-required'],
  ['pf-yahoo.log', 'postfix-log', { line: 1, reason: 'badreputation', stage: 'connect', ip: '203.0.113.61' }, 'reputation.blocked'],
  ['sm-deferred.log', 'sendmail-log', { line: 1, reason: 'networkerror', stage: 'connect', ip: null }, 'smtp.connection-failed'],
  ['sm-milter.log', 'sendmail-log', { line: 2, reason: 'virusdetected', stage: 'data', ip: null }, 'smtp.content-rejected'],
  ['sm-more.log', 'sendmail-log', { line: 1, reason: 'rejected', stage: 'mail', ip: '198.51.100.220' }, 'smtp.sender-invalid'],
  // sendmail's bare "Service unavailable" names no cause: the reason engine leaves it on hold
  ['sm-out.log', 'sendmail-log', { line: 2, reason: 'onhold', stage: 'unknown', ip: null }, 'smtp.rejected'],
  ['sm-relay.log', 'sendmail-log', { line: 1, reason: 'norelaying', stage: 'rcpt', ip: '198.51.100.95' }, 'smtp.relay-denied'],
  ['pf-dns-temp.log', 'postfix-log', { line: 1, reason: 'networkerror', stage: 'unknown', ip: null }, 'smtp.dns-lookup-failed'],
  ['pf-dns.log', 'postfix-log', { line: 1, reason: 'hostunknown', stage: 'unknown', ip: null }, 'smtp.recipient-unknown'],
  [
    'pf-header-check.log',
    'postfix-log',
    { line: 1, reason: 'spamdetected', stage: 'end-of-data', ip: '198.51.100.201' },
    'smtp.content-rejected',
  ],
  ['pf-lmtp.log', 'postfix-log', { line: 1, reason: 'mailboxfull', stage: 'end-of-data', ip: null }, 'smtp.mailbox-full'],
  ['pf-local.log', 'postfix-log', { line: 1, reason: 'userunknown', stage: 'unknown', ip: null }, 'smtp.recipient-unknown'],
  // "loops back to myself": the server's own configuration (the MX points at it, but it does not accept the domain)
  ['pf-loops.log', 'postfix-log', { line: 1, reason: 'systemerror', stage: 'unknown', ip: null }, 'smtp.mail-loop'],
  ['pf-mailboxfull-remote.log', 'postfix-log', { line: 1, reason: 'mailboxfull', stage: 'rcpt', ip: null }, 'smtp.mailbox-full'],
  ['pf-sasl-brute.log', 'postfix-log', { line: 2, reason: 'securityerror', stage: 'helo', ip: '203.0.113.200' }, 'smtp.login-failed'],
  ['pf-size.log', 'postfix-log', { line: 1, reason: 'mesgtoobig', stage: 'end-of-data', ip: null }, 'smtp.message-too-large'],
  ['pf-smarthost-365.log', 'postfix-log', { line: 1, reason: 'securityerror', stage: 'helo', ip: null }, 'smtp.login-failed'],
  ['pf-suspended.log', 'postfix-log', { line: 1, reason: 'networkerror', stage: 'connect', ip: null }, 'smtp.connection-failed'],
  ['tx-openssl.txt', 'smtp-transcript', { line: 18, reason: 'securityerror', stage: 'helo', ip: '198.51.100.61' }, 'smtp.login-failed'],
  ['tx-swaks.txt', 'smtp-transcript', { line: 14, reason: 'blocked', stage: 'rcpt', ip: null }, 'smtp.helo-rejected'],
  ['tx-telnet.txt', 'smtp-transcript', { line: 8, reason: 'blocked', stage: 'rcpt', ip: '203.0.113.33' }, 'reputation.blocked'],
  ['xc-export.csv', 'exchange-log', { line: 4, reason: 'spamdetected', stage: 'unknown', ip: '192.0.2.61' }, 'smtp.content-rejected'],
  ['xc-fl.txt', 'exchange-log', { line: 18, reason: 'blocked', stage: 'unknown', ip: '203.0.113.20' }, 'dnsbl.listed'],
  ['xc-receive.log', 'exchange-log', { line: 16, reason: 'norelaying', stage: 'rcpt', ip: '203.0.113.44' }, 'smtp.relay-denied'],
  ['xc-send.log', 'exchange-log', { line: 17, reason: 'spamdetected', stage: 'end-of-data', ip: '203.0.113.20' }, 'smtp.content-rejected'],
  // the first DEFER (line 6, a dropped connection) has no stage; the second is a connect timeout
  ['xc-table.txt', 'exchange-log', { line: 7, reason: 'networkerror', stage: 'connect', ip: null }, 'smtp.connection-failed'],
];

async function read(file: string) {
  return analyze(decodeBytes(new Uint8Array(readFileSync(new URL(file, dir)))), {});
}

describe('real-shaped logs, offline', () => {
  it.each(CASES)('%s', async (file, kind, primary, first) => {
    const r = await read(file);
    const p = r.rejections.find((x) => x.stage !== 'unknown') ?? r.rejections[0] ?? null;
    expect({
      kind: r.inputs[0].kind,
      primary: p && { line: p.line, reason: p.reason, stage: p.stage, ip: p.ip },
      first: r.checklist[0]?.rule,
    }).toEqual({ kind, primary, first });
    // every line of these excerpts is understood: none is reported skipped
    expect(r.warnings.filter((w) => /not understood/.test(w))).toEqual([]);
  });
});

describe('what the receiver saw, from the neighbours of the reply', () => {
  it('a Spamhaus "open resolver" refusal is the receiver’s fault, never a listing of the client', async () => {
    const r = await read('pf-rbl.log');
    expect(r.checklist.some((s) => s.rule === 'dnsbl.listed' && s.status !== 'pass')).toBe(false);
    expect(r.rejections[0]).toMatchObject({ knowledge: 'spamhaus.query-refused', party: 'recipient' });
  });
  it('postscreen’s plain "blocked using zen" after dnsblog saw 127.255.255.254 is the same error', async () => {
    const r = await read('pf-postscreen.log');
    const step = r.checklist[0];
    expect(step.evidence.map((e) => e.line)).toEqual([4, 2]);
    expect(r.checklist.some((s) => s.rule === 'dnsbl.listed' && s.status !== 'pass')).toBe(false);
  });
  it('an Exim ACL refusal citing "RFC2821 4.1.1.1" has no enhanced code 4.1.1', async () => {
    const r = await read('ex-inbound-rbl.log');
    expect(r.rejections.find((x) => x.line === 3)).toMatchObject({ code: 550, enhanced: null, stage: 'helo', knowledge: 'helo.rejected' });
  });
  it('Exim: the multi-line Gmail reply is joined without its repeated codes', async () => {
    const r = await read('ex-gmail.log');
    expect(r.rejections[0].text).not.toMatch(/550-5\.7\.26/);
    expect(r.rejections[0].text).toMatch(/^This mail is unauthenticated/);
  });
  it('Exim: "retry time not reached" is not a second refusal when the attempt that failed is in the excerpt', async () => {
    const r = await read('ex-outlook-defer.log');
    expect(r.rejections.map((x) => x.line)).toEqual([1]);
  });
  it('a wrapped, quoted excerpt keeps the line numbers of the paste', async () => {
    const r = await read('mixed-quoted.txt');
    expect(r.rejections[0].text).toMatch(/blocked using zen\.spamhaus\.org; https:\/\/www\.spamhaus\.org\/query\/ip\/203\.0\.113\.45$/);
    expect(r.inputs[0].lines).toBe(12);
  });
  it('offline, a refusal that states its DNS finding becomes that finding’s step, with the receiver’s words', async () => {
    const r = await read('pf-gmail-526.log');
    expect(r.checklist[0]).toMatchObject({ rule: 'spf.fail', status: 'fail' });
    expect(r.checklist[0].title).toMatch(/^Gmail recorded SPF fail for \S+ with \S+, and refused the message for it$/);
    expect(r.checklist[0].evidence.some((e) => e.line === r.rejections[0].line)).toBe(true);
  });
});

describe('Exchange and transcripts', () => {
  it('Get-MessageTrackingLog | Format-List: the wrapped RecipientStatus is one refusal, on its own line, naming the remote', async () => {
    const r = await read('xc-fl.txt');
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections[0]).toMatchObject({
      line: 18,
      code: 550,
      enhanced: '5.7.1',
      recipient: 'carol@example.net',
      remote: 'mx.example.net',
    });
    expect(r.rejections[0].text).toMatch(/query\/ip\/203\.0\.113\.20 \(AS3130\)$/);
  });
  it('Export-Csv: "System.String[]" is no recipient', async () => {
    const r = await read('xc-export.csv');
    expect(r.rejections.map((x) => x.recipient)).toEqual(['nora@example.com']);
  });
  it('an SMTP send log: the reply to BDAT LAST ends the message and its one-line multi-line text is joined', async () => {
    const r = await read('xc-send.log');
    expect(r.rejections[0].text).not.toMatch(/550-5\.7\.1/);
  });
  it('a telnet transcript names the server from the command that opened it', async () => {
    const r = await read('tx-telnet.txt');
    expect(r.rejections[0].remote).toBe('mx.example.org');
  });
});

describe('the failures that are no refusal', () => {
  it('Microsoft 365 with SMTP AUTH disabled is named as such, not as a wrong password', async () => {
    const r = await read('pf-smarthost-365.log');
    expect(r.rejections.map((x) => [x.line, x.code, x.knowledge])).toEqual([
      [1, 535, 'microsoft.smtp-auth-disabled'],
      [2, 535, 'microsoft.smtp-auth-disabled'],
    ]);
  });
  it('"Host not found, try again" is a temporary DNS failure, "Host not found" a domain that does not exist', async () => {
    expect((await read('pf-dns-temp.log')).rejections[0]).toMatchObject({
      reason: 'networkerror',
      knowledge: 'dns.temporary-failure',
      hard: false,
    });
    expect((await read('pf-dns.log')).rejections[0]).toMatchObject({ reason: 'hostunknown', hard: true });
  });
  it('smtpd’s "SASL LOGIN authentication failed" is the 535 it answered', async () => {
    expect((await read('pf-sasl-brute.log')).rejections[0]).toMatchObject({ code: 535, enhanced: '5.7.8', ip: '203.0.113.200' });
  });
});

describe('Exim, cPanel texts', () => {
  it('"(TCP/IP connection count = 3)" is no HELO name; "HELO/EHLO must contain a FQDN" is a HELO refusal', async () => {
    const ev = readEvidence(decodeBytes(new Uint8Array(readFileSync(new URL('ex-cpanel-texts.log', dir)))));
    expect(ev.sessions.find((s) => s.clientIp === '203.0.113.214')?.helo?.name).toBe('localhost');
    expect(ev.rejections.find((r) => r.line === 6)).toMatchObject({ stage: 'helo', knowledge: 'helo.rejected' });
  });
});

describe('two MDaemon sessions logged as they happen (tagged, interleaved)', () => {
  it('the summary keeps each session’s own lines, by its [id]', () => {
    // small blocks: the two sessions run across several of them
    const sum = new LogSummariser({ blockBytes: 200 });
    sum.push(readFileSync(new URL('md-interleaved.log', dir)));
    const r = sum.finish();
    expect(r.sessions.map((x) => [x.id, x.lineNumbers.every((n) => n % 2 === (x.id === '514116' ? 1 : 0))])).toEqual([
      ['514116', true],
      ['514117', true],
    ]);
  });
  it('the other session’s "Blocked by zen.spamhaus.org" is no listing of this session’s client', async () => {
    const r = await read('md-interleaved.log');
    expect(r.checklist[0].rule).toBe('smtp.recipient-unknown');
    // the other client's refusal keeps a step of its own, but nothing says this client is listed
    expect(
      r.checklist.filter((s) => s.rule === 'dnsbl.listed' && /198\.51\.100\.20\b/.test(s.title + s.evidence.map((e) => e.text).join(' '))),
    ).toEqual([]);
  });
});

describe('a temporary refusal that a later attempt got past', () => {
  it('greylisted, then status=sent: the step is information, with the delivery line', async () => {
    const r = await read('pf-multi.log');
    expect(r.checklist[0]).toMatchObject({ rule: 'smtp.greylisted', status: 'info' });
    expect(r.checklist[0].evidence.map((e) => e.line)).toEqual([1, 2]);
  });
  it('a deferral with no later delivery stays a warning', async () => {
    expect((await read('pf-postgrey.log')).checklist[0]).toMatchObject({ rule: 'smtp.greylisted', status: 'warn' });
  });
});

describe('Exim 4.7x wording', () => {
  it('names the remote inside the text, a timeout after RCPT, a close in response to end of data, and an expiry', async () => {
    const r = await read('ex-old.log');
    expect(r.rejections.map((x) => [x.line, x.stage, x.reason, x.remote])).toEqual([
      [2, 'rcpt', 'userunknown', 'mx.example.org'],
      [3, 'rcpt', 'networkerror', 'mx.example.net'],
      [4, 'end-of-data', 'networkerror', 'mx.example.com'],
      [5, 'unknown', 'hostunknown', null],
      [6, 'unknown', 'expired', null],
    ]);
    expect(r.rejections[1].text).toBe('SMTP timeout after RCPT TO:<dev@example.net>: Connection timed out');
    expect(r.checklist.find((s) => s.evidence[0]?.line === 6)?.rule).toBe('smtp.delivery-expired');
  });
});

describe('the receiving server’s own setting, for a refusal in its own log', () => {
  it('Exchange 5.7.54: a relay connector for the device’s IP', async () => {
    const r = await read('xc-receive.log');
    expect(r.checklist[0].rule).toBe('smtp.relay-denied');
    expect(r.checklist[0].fix.join(' ')).toMatch(/RemoteIPRanges 203\.0\.113\.44\b.*Ms-Exch-SMTP-Accept-Any-Recipient/);
  });
  it('Postfix HELO refusal: the receiving side may exempt its own device', async () => {
    const r = await read('pf-helo.log');
    expect(r.checklist[0].fix.join(' ')).toMatch(/mynetworks|check_client_access/);
  });
  it.each([
    ['452 4.3.1 Insufficient system resources', 'exchange.back-pressure', 'systemfull'],
    ['530 5.7.1 Client was not authenticated', 'exchange.530-not-authenticated', 'securityerror'],
    ['550 5.7.60 SMTP; Client does not have permissions to send as this sender', 'exchange.send-as-denied', 'securityerror'],
  ])('Exchange "%s"', async (reply, knowledge, reason) => {
    const log = [
      '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
      '2024-02-12T14:00:00.100Z,EX01\\Default Frontend EX01,08DC2B1A00000002,0,10.0.0.5:25,198.51.100.44:51234,+,,',
      '2024-02-12T14:00:00.200Z,EX01\\Default Frontend EX01,08DC2B1A00000002,1,10.0.0.5:25,198.51.100.44:51234,<,MAIL FROM:<a@example.net>,',
      `2024-02-12T14:00:00.201Z,EX01\\Default Frontend EX01,08DC2B1A00000002,2,10.0.0.5:25,198.51.100.44:51234,>,${reply},`,
    ].join('\n');
    const r = await analyze(log, {});
    expect(r.rejections[0]).toMatchObject({ knowledge, reason });
  });
});

describe('sendmail, more', () => {
  it('"Domain of sender address … does not resolve" is the sender, and Microsoft’s "from [ip]" is the IP judged', async () => {
    const r = await read('sm-more.log');
    expect(r.rejections.find((x) => x.line === 2)).toMatchObject({ knowledge: 'sendmail.sender-domain', hard: false });
    expect(r.rejections.find((x) => x.line === 4)).toMatchObject({ ip: '203.0.113.55', knowledge: 'microsoft.4.7.5xx-server-busy' });
  });
});

describe('MDaemon’s "user unknown" after a DNS-BL hit', () => {
  it('is the listing, with the failed list as evidence', async () => {
    const r = await read('md-dnsbl-userunknown.log');
    expect(r.rejections[0]).toMatchObject({ knowledge: 'mdaemon.dnsbl-as-user-unknown', reason: 'blocked' });
    expect(r.checklist[0].evidence.map((e) => e.line)).toEqual([13, 11]);
    expect(r.checklist.some((s) => s.rule === 'smtp.recipient-unknown')).toBe(false);
  });
  it('a "user unknown" with no listing before it stays a recipient problem', async () => {
    expect((await read('md-14-tagged.log')).rejections[0]).toMatchObject({ reason: 'userunknown' });
  });
});
