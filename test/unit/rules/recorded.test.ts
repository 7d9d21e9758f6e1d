// What a receiver recorded (its refusal's words, its own Authentication-
// Results) becomes the specific step, with the domain and IP it named —
// offline and when DNS cannot decide; a live check that decides speaks for
// itself. (Issue 11 point 5; knowledge/recorded-checks.ts, rules/recorded.ts.)
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { readRecordedChecks } from '../../../src/core/knowledge/recorded-checks';
import { tableResolver } from '../../support/table-resolver';
import type { Report } from '../../../src/core/types';

const firstProblem = (r: Report) => r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');

describe('readRecordedChecks: the check, domain, IP and result a refusal states', () => {
  it.each([
    [
      'Gmail 5.7.26, SPF check for',
      'This message does not pass authentication checks (SPF and DKIM both do not pass). SPF check for [orange.fr] does not pass with ip: [192.0.2.194].',
      [
        { check: 'spf', result: 'fail', domain: 'orange.fr', ip: '192.0.2.194' },
        { check: 'dkim', result: 'fail', domain: null },
      ],
    ],
    [
      'Gmail 5.7.26, hard fail policy',
      'The MAIL FROM domain [example.org] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [198.51.100.40].',
      [{ check: 'spf', result: 'fail', domain: 'example.org', ip: '198.51.100.40' }],
    ],
    [
      'Gmail 2024 authentication results',
      'Authentication results: DKIM = did not pass SPF [mx.example.net] with ip: [2001:db8::1] = did not pass',
      [
        { check: 'spf', result: 'fail', domain: 'mx.example.net', ip: '2001:db8::1' },
        { check: 'dkim', result: 'fail' },
      ],
    ],
    [
      'Gmail DMARC',
      "Unauthenticated email from yahoo.com is not accepted due to domain's DMARC policy",
      [{ check: 'dmarc', result: 'fail', domain: 'yahoo.com' }],
    ],
    [
      'Microsoft 5.7.509',
      'Access denied, sending domain [OUR_DOMAIN.ORG] does not pass DMARC verification and has a DMARC policy of reject.',
      [{ check: 'dmarc', result: 'fail', domain: 'our_domain.org' }],
    ],
    [
      'Microsoft 5.7.515 with its results',
      "Access denied, sending domain EXAMPLE.JP doesn't meet the required authentication level. … Spf= Fail , Dkim= Pass , DMARC= Pass ...",
      [
        { check: 'spf', result: 'fail', domain: 'example.jp' },
        { check: 'dkim', result: 'pass' },
        { check: 'dmarc', result: 'pass' },
      ],
    ],
    [
      'a gateway log',
      'SPF=FAIL: (header from: support@example.com) indicates that MTA (192.0.2.245) is not permitted to send email for example.com',
      [{ check: 'spf', result: 'fail', domain: 'example.com', ip: '192.0.2.245' }],
    ],
    ['Gmail 5.7.25', 'The IP address sending this message does not have a PTR record setup.', [{ check: 'ptr', result: 'none' }]],
    ['GMX', 'Nemesis ESMTP Service not available No SMTP service Bad DNS PTR resource record.', [{ check: 'ptr', result: 'none' }]],
  ])('%s', (_name, text, want) => {
    expect(readRecordedChecks(text)).toMatchObject(want);
  });

  it.each([
    ['words about SPF that state no result', 'Please publish an SPF record and sign with DKIM.'],
    ['a DMARC policy mentioned without a failure', 'We honour the DMARC policy of every domain.'],
    ['a blocklist refusal', '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org'],
  ])('states nothing for %s', (_name, text) => {
    expect(readRecordedChecks(text)).toEqual([]);
  });
});

const GMAIL_SPF = [
  '<bob@gmail.com>: host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.7.26 This',
  '    message does not pass authentication checks (SPF and DKIM both do not pass).',
  '    550-5.7.26 SPF check for [example.org] does not pass with ip:',
  '    550-5.7.26 [198.51.100.194]. To best protect our users from spam, the message',
  '    550 5.7.26 has been blocked. - gsmtp (in reply to end of DATA command)',
].join('\n');

describe('a refusal that states its finding, offline', () => {
  it('gives the spf.* step for that domain and IP, recorded by the receiver, before anything generic', async () => {
    const r = await analyze(GMAIL_SPF);
    const first = firstProblem(r)!;
    expect(first).toMatchObject({ rule: 'spf.fail', status: 'fail' });
    expect(first.title).toBe('Gmail recorded SPF fail for example.org with 198.51.100.194, and refused the message for it');
    expect(first.fix.join(' ')).toContain('ip4:198.51.100.194');
    expect(r.checklist.some((s) => s.rule === 'smtp.auth-failed')).toBe(false);
    // the live check stands beside it, unable to tell
    expect(r.checklist.find((s) => s.rule === 'spf.missing')?.status).toBe('inconclusive');
  });

  it('never has a bulk-sender step "none found unmet" beside a receiver that says SPF failed', async () => {
    const r = await analyze(GMAIL_SPF);
    const bulk = r.checklist.find((s) => s.rule === 'bulk.gmail')!;
    expect(bulk.title).not.toMatch(/none found unmet/);
    expect(bulk.evidence.map((e) => e.text).join(' ')).toMatch(/SPF fail \(recorded by the receiver\)/);
  });

  it('gives ptr.missing for a PTR refusal, with a visible blank for what the paste does not say', async () => {
    const r = await analyze('550 5.7.25 [MY_IPV6] The IP address sending this message does not have a PTR record setup. - gsmtp');
    const first = firstProblem(r)!;
    expect(first).toMatchObject({ rule: 'ptr.missing', status: 'fail' });
    expect(first.fix.join(' ')).toContain('<the sending IP>');
    expect(first.fix.join(' ')).toContain("<your server's host name>");
    expect(first.fix.join(' ')).not.toMatch(/mail\.example\.org/);
  });

  it('keeps the refusal as it was when the words state no finding (a generic SPF refusal)', async () => {
    const r = await analyze('550 5.7.1 Message rejected because of SPF policy. Contact your administrator.');
    expect(r.checklist.some((s) => s.title.startsWith('Gmail recorded'))).toBe(false);
  });
});

describe('a refusal that states its finding, with DNS', () => {
  it('lets the live check decide when it can: SPF passing now keeps the refusal’s own step beside the pass', async () => {
    const dns = tableResolver({ 'example.org TXT': ['v=spf1 ip4:198.51.100.194 -all'], '_dmarc.example.org TXT': ['v=DMARC1; p=none'] });
    const r = await analyze(
      '550-5.7.26 The MAIL FROM domain [example.org] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [198.51.100.194]. - gsmtp',
      { resolver: dns },
    );
    expect(r.checklist.find((s) => s.rule === 'spf.fail')?.status).toBe('pass');
    expect(r.checklist.some((s) => s.title.startsWith('Gmail recorded'))).toBe(false);
    // (other problems of the test zone — no PTR for the IP — may rank beside it)
    expect(r.checklist.find((s) => s.rule === 'smtp.auth-failed')?.status).toBe('fail');
  });

  it('checks the named domain and IP live: SPF failing now is the live step, with the receiver’s words', async () => {
    const dns = tableResolver({ 'example.org TXT': ['v=spf1 ip4:192.0.2.1 -all'] });
    const r = await analyze(GMAIL_SPF, { resolver: dns });
    const first = firstProblem(r)!;
    expect(first.rule).toBe('spf.fail');
    expect(first.title).toMatch(/^SPF fail for MAIL FROM postmaster@example\.org from 198\.51\.100\.194/);
  });
});

describe("a receiver's Authentication-Results, pasted without the rest of the headers", () => {
  const AR = [
    'Authentication-Results: mail.protonmail.ch; dkim=pass (Good 2048 bit rsa-sha256 signature) header.d=esp.example header.a=rsa-sha256',
    'Authentication-Results: mail.protonmail.ch; dmarc=fail (p=quarantine dis=none) header.from=news.example.org',
    'Authentication-Results: mail.protonmail.ch; spf=pass smtp.mailfrom=bounce.esp.example',
  ].join('\n');
  it('are findings: DMARC fail first, and no "no DKIM signature" for a signature the receiver verified', async () => {
    const r = await analyze(AR);
    expect(firstProblem(r)).toMatchObject({ rule: 'dmarc.fail', status: 'fail' });
    expect(firstProblem(r)!.title).toContain('news.example.org');
    expect(r.checklist.some((s) => s.rule === 'dkim.missing' && (s.status === 'warn' || s.status === 'fail'))).toBe(false);
    expect(r.checklist.some((s) => s.rule === 'dkim.fail' && s.status === 'fail')).toBe(false);
  });
});
