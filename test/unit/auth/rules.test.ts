// Every spf.*, dkim.*, dmarc.*, bulk.* and domain.* rule through analyze(),
// with DNS from a table: each status a rule can report, and the ranking of
// auth refusals.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import type { Report, Step } from '../../../src/core/types';
import { tableResolver, type Table } from '../../support/table-resolver';
import { rsaKey, signMessage } from '../../support/dkim-sign';

const now = () => new Date('2026-01-01T00:00:00Z');
const T = 'Mon 2026-01-05 10:00:00:';

/** An inbound MDaemon session from `ip` with MAIL FROM `from`, optionally refused at MAIL FROM. */
function mdaemon(ip: string, from: string, reply = '250 Sender ok', rcpt = 'bob@example.com'): string {
  return [
    `${T} Session 0001; child 0001`,
    `${T} Accepting SMTP connection from [${ip} : 4000] to [192.0.2.1 : 25]`,
    `${T} --> 220 mx.example.com ESMTP MDaemon`,
    `${T} <-- EHLO mail.sender.example`,
    `${T} --> 250 mx.example.com Hello`,
    `${T} <-- MAIL From:<${from}>`,
    `${T} --> ${reply}`,
    `${T} <-- RCPT To:<${rcpt}>`,
    `${T} --> 250 Recipient ok`,
    `${T} <-- QUIT`,
    `${T} SMTP session terminated`,
  ].join('\n');
}

async function run(text: string, table: Table | null): Promise<Report> {
  return analyze(text, { resolver: table ? tableResolver(table) : undefined, now });
}
/** The steps of an area, sorted (the checklist order is the ranking's business). */
const steps = (r: Report, prefix: string) =>
  r.checklist
    .filter((s) => s.rule.startsWith(prefix))
    .map((s) => `${s.rule}:${s.status}`)
    .sort();
const step = (r: Report, rule: string, status?: string): Step | undefined =>
  r.checklist.find((s) => s.rule === rule && (!status || s.status === status));

const IP = '203.0.113.7';

describe('spf.* rules', () => {
  it.each<[string, Table, string[]]>([
    ['pass', { 'sender.example TXT': [`v=spf1 ip4:${IP} -all`] }, ['spf.missing:pass', 'spf.fail:pass']],
    ['fail', { 'sender.example TXT': ['v=spf1 ip4:192.0.2.9 -all'] }, ['spf.missing:pass', 'spf.fail:fail']],
    ['softfail', { 'sender.example TXT': ['v=spf1 ip4:192.0.2.9 ~all'] }, ['spf.missing:pass', 'spf.softfail:warn']],
    // ?all: neutral for this IP, and a policy that lets forged mail through (RFC 7208 §2.6.2)
    ['neutral', { 'sender.example TXT': ['v=spf1 ip4:192.0.2.9 ?all'] }, ['spf.missing:pass', 'spf.fail:warn', 'spf.weak-policy:warn']],
    ['missing', { 'sender.example A': ['192.0.2.9'] }, ['spf.missing:warn']],
    ['two records', { 'sender.example TXT': ['v=spf1 mx -all', 'v=spf1 ip4:192.0.2.1 -all'] }, ['spf.permerror:fail']],
    ['syntax', { 'sender.example TXT': ['v=spf1 ip4:192.0.2.300 -all'] }, ['spf.permerror:fail']],
    ['temperror', { 'sender.example TXT': 'SERVFAIL' }, ['spf.missing:inconclusive']],
    [
      'ptr and +all',
      { 'sender.example TXT': ['v=spf1 ptr +all'] },
      ['spf.missing:pass', 'spf.fail:pass', 'spf.weak-policy:warn', 'spf.weak-policy:warn'],
    ],
  ])('%s', async (_n, table, want) => {
    const r = await run(mdaemon(IP, 'news@sender.example'), table);
    expect(steps(r, 'spf.')).toEqual([...want].sort());
  });

  it('fail: names the deciding term and gives the record with the IP added', async () => {
    const r = await run(mdaemon(IP, 'news@sender.example'), {
      'sender.example TXT': ['v=spf1 mx include:_spf.esp.example -all'],
      '_spf.esp.example TXT': ['v=spf1 ip4:198.51.100.0/24 -all'],
    });
    const s = step(r, 'spf.fail')!;
    expect(s.title).toContain('decided by "-all"');
    expect(s.fix[0]).toContain('"v=spf1 mx include:_spf.esp.example ip4:203.0.113.7 -all"');
    expect(s.detail).toContain('Include tree (2 of 10 DNS lookups)');
    expect(s.detail).toContain('include:_spf.esp.example → _spf.esp.example');
    expect(r.auth?.spf).toMatchObject({ domain: 'sender.example', ip: IP, result: 'fail', totalLookups: 2, matched: { term: '-all' } });
    // the include ended in -all: it matched nothing for the caller, so it is not marked
    expect(r.auth?.spf?.tree.children[0].node.matched).toBeUndefined();
    expect(r.auth?.spf?.tree).toMatchObject({
      lookups: 2,
      matched: '-all',
      children: [{ term: 'include:_spf.esp.example', node: { domain: '_spf.esp.example', lookups: 0 } }],
    });
  });

  const big: Table = {
    'sender.example TXT': [`v=spf1 ip4:${IP} ${Array.from({ length: 11 }, (_, i) => `include:s${i}.esp.example`).join(' ')} -all`],
  };
  for (let i = 0; i < 11; i++) big[`s${i}.esp.example TXT`] = ['v=spf1 ip4:192.0.2.1 -all'];

  it('more than 10 lookups: permerror for IPs not matched first, lookup-limit warning otherwise', async () => {
    const other = await run(mdaemon('198.51.100.99', 'news@sender.example'), big);
    const p = step(other, 'spf.permerror', 'fail')!;
    expect(p.title).toMatch(/needs 11 DNS lookups/);
    expect(p.fix.join(' ')).toMatch(/include:s0\.esp\.example = 1/);
    const mine = await run(mdaemon(IP, 'news@sender.example'), big);
    expect(steps(mine, 'spf.')).toContain('spf.lookup-limit:warn');
    expect(steps(mine, 'spf.')).toContain('spf.fail:pass');
  });

  it('an SPF refusal puts the SPF step first, with the refusal as evidence', async () => {
    const r = await run(mdaemon(IP, 'news@sender.example', '550 5.7.23 SPF check failed for news@sender.example'), {
      'sender.example TXT': ['v=spf1 ip4:192.0.2.9 -all'],
      '_dmarc.sender.example TXT': ['v=DMARC1; p=none'],
    });
    expect(r.rejections[0].reason).toBe('authfailure');
    expect(r.checklist[0].rule).toBe('spf.fail');
    expect(r.checklist[0].evidence[0].line).toBe(7);
  });

  it('offline: inconclusive, never pass', async () => {
    const r = await run(mdaemon(IP, 'news@sender.example'), null);
    expect(steps(r, 'spf.')).toEqual(['spf.missing:inconclusive']);
    expect(steps(r, 'dmarc.')).toEqual(['dmarc.missing:inconclusive'].sort());
  });
});

const MESSAGE = (to = 'bob@gmail.com', extra = '') =>
  `Return-Path: <bounce@sender.example>\r\nFrom: News <news@sender.example>\r\nTo: ${to}\r\nSubject: Offers\r\nDate: Thu, 1 Jan 2026 10:00:00 +0000\r\nMessage-ID: <1@sender.example>\r\n${extra}\r\nHello,\r\nnews.\r\n`;

describe('dkim.*, dmarc.*, bulk.* and domain.* rules on a message', () => {
  it('a signed, aligned message to Gmail', async () => {
    const key = await rsaKey(2048);
    const text = await signMessage(
      MESSAGE('bob@gmail.com', 'List-Unsubscribe: <https://sender.example/u>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n'),
      key,
      { domain: 'sender.example', selector: 'k1' },
    );
    const r = await run(text, {
      'k1._domainkey.sender.example TXT': [key.record],
      '_dmarc.sender.example TXT': ['v=DMARC1; p=reject; rua=mailto:dmarc@sender.example'],
      'sender.example TXT': ['v=spf1 -all'],
      'sender.example MX': ['10 mx.sender.example'],
      '_mta-sts.sender.example TXT': ['v=STSv1; id=2026'],
      '_smtp._tls.sender.example TXT': ['v=TLSRPTv1; rua=mailto:tls@sender.example'],
      'default._bimi.sender.example TXT': ['v=BIMI1; l=https://sender.example/logo.svg'],
    });
    expect(steps(r, 'dkim.')).toEqual(['dkim.missing:pass', 'dkim.fail:pass', 'dkim.weak-key:pass'].sort());
    expect(steps(r, 'dmarc.')).toEqual(['dmarc.missing:pass', 'dmarc.fail:pass'].sort());
    expect(r.auth?.dkim?.signatures[0]).toMatchObject({ domain: 'sender.example', result: 'pass', keyBits: 2048, bodyHash: 'match' });
    expect(r.auth?.dmarc).toMatchObject({ policy: 'reject', result: 'pass', dkim: [{ domain: 'sender.example', aligned: true }] });
    expect(step(r, 'dmarc.fail')!.title).toMatch(/aligned DKIM \(d=sender\.example\)/);
    expect(steps(r, 'domain.')).toEqual(['domain.mx:info', 'domain.mta-sts:info', 'domain.tls-rpt:info', 'domain.bimi:info'].sort());
    expect(step(r, 'domain.mta-sts')!.detail).toMatch(/cannot read/);
    const gmail = step(r, 'bulk.gmail')!;
    expect(gmail.evidence.map((e) => e.text[0]).join('')).toContain('✓');
    expect(gmail.sources![0]).toMatch(/support\.google\.com/);
  });

  it('unsigned, no DMARC, mail to Outlook.com and Yahoo', async () => {
    const r = await run(MESSAGE('a@outlook.com, b@yahoo.com'), { 'sender.example TXT': ['v=spf1 -all'] });
    expect(steps(r, 'dkim.')).toEqual(['dkim.missing:warn'].sort());
    expect(steps(r, 'dmarc.')).toEqual(['dmarc.missing:fail'].sort());
    expect(step(r, 'dmarc.missing')!.fix[0]).toContain('v=DMARC1; p=none; rua=mailto:dmarc-reports@sender.example');
    expect(steps(r, 'bulk.')).toEqual(['bulk.yahoo:warn', 'bulk.microsoft:warn'].sort());
    expect(steps(r, 'domain.')).toContain('domain.mx:warn');
  });

  it('DMARC fails with a DKIM signature of another domain; weak, testing key; l=; weak policy; unauthorised rua', async () => {
    const key = await rsaKey(1024);
    const text = await signMessage(MESSAGE('bob@example.net'), key, { domain: 'esp.example', selector: 'k', l: 5 });
    const r = await run(text, {
      'k._domainkey.esp.example TXT': [key.record.replace('v=DKIM1;', 'v=DKIM1; t=y;')],
      '_dmarc.sender.example TXT': ['v=DMARC1; p=none; rua=mailto:x@reports.example.net'],
    });
    expect(steps(r, 'dkim.')).toEqual(
      ['dkim.missing:pass', 'dkim.fail:pass', 'dkim.weak-key:warn', 'dkim.testing:info', 'dkim.legacy:warn'].sort(),
    );
    expect(steps(r, 'dmarc.')).toEqual(
      ['dmarc.missing:pass', 'dmarc.fail:warn', 'dmarc.weak-policy:info', 'dmarc.report-auth:warn'].sort(),
    );
    expect(step(r, 'dmarc.fail')!.fix.join(' ')).toMatch(/d=sender\.example/);
  });

  it('DKIM failures: changed body (pasted), missing key; invalid DMARC record', async () => {
    const key = await rsaKey(2048);
    const text = (await signMessage(MESSAGE('bob@example.net'), key, { domain: 'sender.example', selector: 'k' })).replace(
      'news.',
      'NEWS.',
    );
    const r = await run(text, { 'k._domainkey.sender.example TXT': [key.record], '_dmarc.sender.example TXT': ['v=DMARC1; p=sometimes'] });
    const f = step(r, 'dkim.fail')!;
    expect(f.status).toBe('warn');
    expect(f.title).toMatch(/pasted/);
    expect(f.fix[0]).toMatch(/Drop the original message file/);
    expect(steps(r, 'dmarc.')).toEqual(['dmarc.invalid:fail'].sort());
    const r2 = await run(text, {});
    expect(steps(r2, 'dkim.')).toEqual(['dkim.missing:pass', 'dkim.fail:fail'].sort());
    expect(step(r2, 'dkim.fail')!.fix[0]).toContain('k._domainkey.sender.example');
  });
});

describe('auth refusals rank the auth step first', () => {
  const outbound = (reply: string[]) =>
    [
      `${T} Session 0002; child 0001`,
      `${T} Attempting SMTP connection to [gmail-smtp-in.l.google.com : 25]`,
      `${T} <-- 220 mx.google.com ESMTP gsmtp`,
      `${T} --> EHLO mail.sender.example`,
      `${T} <-- 250 mx.google.com at your service`,
      `${T} --> MAIL From:<news@sender.example>`,
      `${T} <-- 250 2.1.0 OK`,
      `${T} --> RCPT To:<bob@gmail.com>`,
      `${T} <-- 250 2.1.5 OK`,
      `${T} --> DATA`,
      `${T} <-- 354 Go ahead`,
      ...reply.map((l) => `${T} <-- ${l}`),
      `${T} SMTP session terminated`,
    ].join('\n');

  it("Gmail 5.7.26 DMARC: dmarc.fail first, from the receiver's verdict", async () => {
    const r = await run(
      outbound(["550-5.7.26 Unauthenticated email from sender.example is not accepted due to domain's", '550 5.7.26 DMARC policy. gsmtp']),
      { 'sender.example TXT': ['v=spf1 ip4:192.0.2.1 -all'], '_dmarc.sender.example TXT': ['v=DMARC1; p=reject'] },
    );
    expect(r.rejections[0]).toMatchObject({ reason: 'authfailure', enhanced: '5.7.26' });
    expect(r.checklist[0]).toMatchObject({ rule: 'dmarc.fail', status: 'fail' });
    expect(step(r, 'bulk.gmail')).toBeDefined();
  });

  it('Microsoft 5.7.515 without DMARC: dmarc.missing first', async () => {
    const r = await run(
      outbound(['550 5.7.515 Access denied, sending domain [sender.example] does not meet the required authentication level.']),
      {
        'sender.example TXT': ['v=spf1 ip4:192.0.2.1 -all'],
      },
    );
    expect(r.checklist[0]).toMatchObject({ rule: 'dmarc.missing', status: 'fail' });
    expect(step(r, 'bulk.microsoft')).toBeDefined(); // 5.7.515 is Outlook.com's own code
  });
});

describe('bulk.microsoft: Outlook.com consumer mail only', () => {
  const toMicrosoft = (host: string, rcpt: string, reply: string) =>
    [
      `${T} Session 0003; child 0001`,
      `${T} Attempting SMTP connection to [${host} : 25]`,
      `${T} <-- 220 ${host} Microsoft ESMTP MAIL Service ready`,
      `${T} --> EHLO mail.sender.example`,
      `${T} <-- 250 ${host} Hello`,
      `${T} --> MAIL From:<news@sender.example>`,
      `${T} <-- 250 2.1.0 Sender OK`,
      `${T} --> RCPT To:<${rcpt}>`,
      `${T} <-- ${reply}`,
      `${T} SMTP session terminated`,
    ].join('\n');
  const dns = { 'sender.example TXT': ['v=spf1 ip4:192.0.2.1 -all'] };

  it.each([
    [
      'a Microsoft 365 tenant: unknown recipient',
      'contoso-example.mail.protection.outlook.com',
      'bob@contoso.example',
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
      false,
    ],
    [
      'a Microsoft 365 tenant: banned sending IP',
      'contoso-example.mail.protection.outlook.com',
      'bob@contoso.example',
      '550 5.7.606 Access denied, banned sending IP [192.0.2.1]',
      false,
    ],
    [
      'Outlook.com: a hotmail.com recipient',
      'hotmail-com.olc.protection.outlook.com',
      'bob@hotmail.com',
      '550 5.7.606 Access denied, banned sending IP [192.0.2.1]',
      true,
    ],
  ])('%s', async (_name, host, rcpt, reply, want) => {
    const r = await run(toMicrosoft(host, rcpt, reply), dns);
    expect(step(r, 'bulk.microsoft') !== undefined).toBe(want);
  });
});

describe('bulk.* when DNS cannot be asked', () => {
  it('an SPF or DKIM check that could not be made is unknown, not "not met"', async () => {
    const key = await rsaKey(1024);
    const text = await signMessage(MESSAGE('bob@gmail.com'), key, { domain: 'sender.example', selector: 'k1' });
    const r = await run(text, { 'sender.example TXT': 'TIMEOUT', 'k1._domainkey.sender.example TXT': 'TIMEOUT' });
    const gmail = step(r, 'bulk.gmail')!;
    const line = (t: string) => gmail.evidence.find((e) => e.text.includes(t))!.text;
    expect(line('SPF or DKIM passes')).toMatch(/^\?/);
    expect(line('Both SPF and DKIM pass')).toMatch(/^\?/);
    expect(line('Both SPF and DKIM pass')).toMatch(/DKIM could not be verified/);
  });
});
