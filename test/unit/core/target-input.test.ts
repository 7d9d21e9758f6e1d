// A domain or an IP pasted alone (input kinds `domain` and `ip`, parse/target.ts):
// which pastes are one (and which are not, however much they look like it), and
// the checklist each gets — the same rules and steps as a diagnosis — with DNS
// from an in-memory table.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { readTarget, readTargetToken, targetParser } from '../../../src/core/parse/target';
import { chooseParser } from '../../../src/core/parse/registry';
import { splitLines } from '../../../src/core/text/lines';
import { decodeBytes } from '../../../src/core/text/decode';
import type { Report } from '../../../src/core/types';
import type { DnsResponse, Resolver, RRType } from '../../../src/core/dns/resolver';
import { tableResolver, type Table } from '../../support/table-resolver';
import { COMMON_DKIM_SELECTORS } from '../../../src/core/knowledge/dkim-selectors';
import { SPF_PROBE_IP } from '../../../src/core/checks/spf';
import { repairedRecord } from '../../../src/core/rules/spf-fixes';
import { reverseName } from '../../../src/core/dns/names';

describe('a domain or an IP alone: the forms people paste', () => {
  const domain = (value: string, extra: Record<string, unknown> = {}) => ({ kind: 'domain', value, ...extra });
  const ip = (value: string) => ({ kind: 'ip', value });
  it.each([
    ['example.org', domain('example.org')],
    ['Example.ORG.', domain('example.org')],
    ['  example.org  ', domain('example.org')],
    ['mail.example.co.uk', domain('mail.example.co.uk')],
    ['bücher.de', domain('xn--bcher-kva.de')],
    ['user@example.org', domain('example.org')],
    ['<user@example.org>', domain('example.org')],
    ['mailto:user@example.org', domain('example.org')],
    ['"user@example.org",', domain('example.org')],
    ['`example.org`', domain('example.org')],
    // a web address: the mail domain below its www host
    ['https://www.example.org/contact?x=1', domain('example.org')],
    ['www.example.org', domain('example.org')],
    ['example.org/contact', domain('example.org')],
    ['www.co.uk', domain('www.co.uk')],
    ['http://user:pw@example.org:8080/', domain('example.org')],
    ['s1._domainkey.example.org', domain('example.org', { selector: 's1' })],
    ['_dmarc.example.org', domain('example.org')],
    ['_mta-sts.example.org', domain('example.org')],
    ['default._bimi.example.org', domain('example.org')],
    ['192.0.2.10', ip('192.0.2.10')],
    ['[192.0.2.10]', ip('192.0.2.10')],
    ['2001:DB8::1', ip('2001:db8::1')],
    ['2001:db8::', ip('2001:db8::')],
    ['[IPv6:2001:db8::25]', ip('2001:db8::25')],
    ['::ffff:192.0.2.7', ip('192.0.2.7')],
    ['http://[2001:db8::1]:8080/', ip('2001:db8::1')],
    ['postmaster@[192.0.2.10]', ip('192.0.2.10')],
  ])('%s', (text, expected) => {
    expect(readTargetToken(text)).toMatchObject(expected);
  });

  it.each([
    'example', // no dot
    'localhost',
    'co.uk', // a public suffix alone
    'host.local', // no public suffix the PSL knows
    'server.internal',
    'report.txt',
    'mail.example', // RFC 2606 reserved TLD: never in DNS
    '1.2.3',
    '999.1.1.1',
    '192.0.2.10:25',
    'user name@example.org',
    '@example.org',
    'ex ample.org',
    '-bad-.example.org',
    'exa_mple._tcp.example.org',
    '',
  ])('not one: %j', (text) => {
    expect(readTargetToken(text)).toBeNull();
  });

  it.each([
    ['Is example.org down?'],
    ['example.org is refusing our mail'],
    ['Name <user@example.org>'],
    ['Nov 12 08:01:12 mx1 postfix/smtpd[28211]: connect from mail.example.net[192.0.2.44]'],
    ['550 5.7.1 example.org'],
    ['Received: from mail.example.org (mail.example.org [192.0.2.1])'],
    ['From: user@example.org'],
    [Array.from({ length: 21 }, (_, i) => `host${i}.example.org`).join('\n')],
    ['example.org\n\nThanks for your help'],
  ])('not a domain/IP input: %j', (text) => {
    expect(readTarget(splitLines(text))).toBeNull();
    expect(chooseParser(splitLines(text)).parser?.kind).not.toBe('domain');
  });

  it('one domain and one IP together: the IP is the domain’s sending server; the rest are named, not checked', () => {
    const r = readTarget(splitLines('example.org, 192.0.2.10\nexample.net\n198.51.100.7\nexample.org'))!;
    expect(r.target.domain).toMatchObject({ value: 'example.org', line: 1 });
    expect(r.target.ip).toMatchObject({ value: '192.0.2.10', line: 1 });
    expect(r.target.skipped).toEqual(['example.net', '198.51.100.7']);
    expect(r.warnings.join(' ')).toMatch(/SPF of example\.org is evaluated for it/);
    expect(r.warnings.join(' ')).toMatch(/not checked: example\.net, 198\.51\.100\.7\. Paste each alone/);
  });

  it('an internationalised domain is checked as its A-label, and says so', () => {
    const r = readTarget(['bücher.de'])!;
    expect(r.target.domain).toMatchObject({ value: 'xn--bcher-kva.de', written: 'bücher.de' });
    expect(r.warnings[0]).toMatch(/bücher\.de is checked as xn--bcher-kva\.de/);
  });

  it('every fixture keeps its kind: no log, bounce, message or incident is read as a domain or an IP', () => {
    const roots = [path.join(import.meta.dirname, '../../fixtures'), path.join(import.meta.dirname, '../../../../shared/cases')];
    const files: string[] = [];
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(log|txt|eml|json|msg)$/.test(name) && !/^(zone|expect)\.json$/.test(name) && statSync(p).size < 4 << 20) files.push(p);
      }
    };
    roots.forEach(walk);
    expect(files.length).toBeGreaterThan(300);
    const misread = files.filter((f) => targetParser.detect(splitLines(decodeBytes(new Uint8Array(readFileSync(f))))) > 0);
    // the project's own domain/IP cases are the only ones
    expect(misread.map((f) => path.relative(path.join(import.meta.dirname, '../../..'), f))).toEqual(
      misread.filter((f) => /cases\/target-/.test(f)).map((f) => path.relative(path.join(import.meta.dirname, '../../..'), f)),
    );
  });
});

/** A table resolver that also answers through CNAMEs, as a recursive resolver does (RFC 1034 §3.6.2). */
function withCnames(table: Table, cnames: Record<string, string>): Resolver {
  const inner = tableResolver(table);
  return {
    async resolve(name: string, type: RRType): Promise<DnsResponse> {
      const n = name.toLowerCase();
      const target = cnames[n];
      if (!target) return inner.resolve(n, type);
      const r = await inner.resolve(target, type);
      return { ...r, name: n, answers: [{ name: n, type: 'CNAME', ttl: 300, data: target }, ...r.answers] };
    },
  };
}

const NOW = () => new Date('2026-12-03T10:00:00Z');
const run = (text: string, resolver: Resolver) => analyze(text, { resolver, now: NOW });
const step = (r: Report, rule: string) => r.checklist.filter((s) => s.rule === rule);
const statuses = (r: Report, rule: string) => step(r, rule).map((s) => s.status);

/** The blocklists asked by default answer their RFC 5782 test points (so their answers are trusted). */
function healthyLists(t: Table): Table {
  for (const z of [
    'zen.spamhaus.org',
    'bl.spamcop.net',
    'b.barracudacentral.org',
    'psbl.surriel.com',
    'bl.mailspike.net',
    'dnsbl-1.uceprotect.net',
  ])
    t[`2.0.0.127.${z} A`] = ['127.0.0.2'];
  t['test.dbl.spamhaus.org A'] = ['127.0.1.2'];
  t['test.multi.surbl.org A'] = ['127.0.0.2'];
  t['test.multi.uribl.com A'] = ['127.0.0.2'];
  return t;
}

// a 2048-bit RSA public key (SubjectPublicKeyInfo), and a 1024-bit one
const KEY_2048 =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3Ds5fVVLa0XGTU6PVoRrFOyQpDOK5CRdE5TmyR4sB6WPrORJKnaaxFUpB6sAdaANZBE+bYkFdsfQurwIdoTqoR53Q1Iy9ijHcz2qvJMZVKf57TzP/JhuxxLL9Ax//f643qJyAKTvK/0W3HYJdDanBafv8sfXIg0NmkED0CqxLOimpsOiiiAzLfxIB2B6cV1fkXm1rAE1Ox8UC4v+7okKRpFnHJKWtuEnY+GJ2d3BWhhm6MITUdIQuoLZJq4bQ5kMrpURNDGW8b9GL/kkLY9mU9w2g3BNLulUM7tPNkluekOoswuXwb/Crcx5mPRWZOqgVwMvLtSTHB7SGWaZCGPLbQIDAQAB';
const KEY_1024 =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';

describe('a domain alone: MX, SPF, DKIM at common selectors, DMARC, MTA-STS, TLS-RPT, BIMI', () => {
  const base = (): Table =>
    healthyLists({
      'example.org TXT': ['v=spf1 ip4:192.0.2.0/28 include:_spf.example.net -all'],
      '_spf.example.net TXT': ['v=spf1 ip4:198.51.100.0/24 ~all'],
      'example.org MX': ['10 mx1.example.org', '20 mx2.example.org'],
      'mx1.example.org A': ['192.0.2.25'],
      'mx2.example.org AAAA': ['2001:db8::25'],
      [`${reverseName('192.0.2.25')} PTR`]: ['mx1.example.org'],
      [`${reverseName('2001:db8::25')} PTR`]: ['mx2.example.org'],
      '_dmarc.example.org TXT': ['v=DMARC1; p=reject; rua=mailto:dmarc@example.org'],
      'google._domainkey.example.org TXT': [`v=DKIM1; k=rsa; p=${KEY_2048}`],
    });

  it('a well-set-up domain: the records found pass, the optional ones are notes, no problem', async () => {
    const r = await run('example.org', tableResolver(base()));
    expect(r.inputs[0].kind).toBe('domain');
    expect(r.target).toEqual({ domain: 'example.org', ip: null });
    expect(r.rejections).toEqual([]);
    const problems = r.checklist.filter((s) => s.status === 'fail' || s.status === 'warn');
    expect(problems.map((s) => `${s.rule}: ${s.title}`)).toEqual([]);
    expect(statuses(r, 'spf.missing')).toEqual(['pass']);
    expect(statuses(r, 'dmarc.missing')).toEqual(['pass']);
    expect(statuses(r, 'dkim.missing')).toEqual(['pass']);
    expect(step(r, 'dkim.missing')[0].title).toBe('example.org publishes DKIM key at google._domainkey');
    expect(statuses(r, 'dkim.weak-key')).toEqual(['pass']);
    expect(statuses(r, 'domain.mx')).toEqual(['pass']);
    expect(step(r, 'domain.mx')[0].title).toBe('example.org receives mail at mx1.example.org (192.0.2.25), mx2.example.org (2001:db8::25)');
    expect(statuses(r, 'domain.mta-sts')).toEqual(['info']);
    // nothing about a sending IP: none was given
    expect(step(r, 'spf.fail')).toEqual([]);
    expect(step(r, 'ptr.missing')).toEqual([]);
    // SPF walked to its end for a server it does not list
    expect(
      step(r, 'spf.missing')[0]
        .evidence.map((e) => e.text)
        .join('\n'),
    ).toContain(`SPF for a server the record does not list (tested with ${SPF_PROBE_IP}, a reserved address): fail (-all)`);
    // every common selector was asked
    const asked = r.dns.filter((d) => d.name.endsWith('._domainkey.example.org')).map((d) => d.name.split('.')[0]);
    expect(asked.sort()).toEqual(COMMON_DKIM_SELECTORS.map((s) => s.selector).sort());
    // ranked by severity: no refusal to explain
    const order = r.checklist.map((s) => s.status);
    const rank = { fail: 0, warn: 1, inconclusive: 2, info: 3, pass: 4 } as const;
    expect(order.map((s) => rank[s])).toEqual([...order.map((s) => rank[s])].sort((a, b) => a - b));
  });

  it('no DKIM key at any common selector is a note, never a failure', async () => {
    const t = base();
    delete t['google._domainkey.example.org TXT'];
    const r = await run('example.org', tableResolver(t));
    const [s] = step(r, 'dkim.missing');
    expect(s.status).toBe('info');
    expect(s.title).toBe(`No DKIM key found at the ${COMMON_DKIM_SELECTORS.length} common selectors of example.org`);
    expect(s.detail).toMatch(/A domain may sign with any other, so this is not a failure/);
    expect(r.checklist.filter((x) => x.rule.startsWith('dkim.') && (x.status === 'fail' || x.status === 'warn'))).toEqual([]);
  });

  it('DKIM keys found are read: a 1024-bit key, a revoked one, a broken one, a testing one, a dangling CNAME', async () => {
    const t = base();
    t['s1._domainkey.example.org TXT'] = [`v=DKIM1; k=rsa; t=y; p=${KEY_1024}`];
    t['default._domainkey.example.org TXT'] = ['v=DKIM1; k=rsa; p='];
    t['dkim._domainkey.example.org TXT'] = ['v=DKIM1; k=rsa; p=not base64!'];
    const r = await run(
      'example.org',
      withCnames(t, { 'selector1._domainkey.example.org': 'selector1-example-org._domainkey.contoso.onmicrosoft.com' }),
    );
    expect(step(r, 'dkim.missing')[0].title).toMatch(/example\.org publishes DKIM keys at .*google\._domainkey.*s1\._domainkey/);
    const weak = step(r, 'dkim.weak-key').find((s) => s.title.includes('s1._domainkey'))!;
    expect(weak.status).toBe('warn');
    expect(weak.title).toContain('RSA 1024 bits');
    expect(statuses(r, 'dkim.testing')).toEqual(['info']);
    const fails = step(r, 'dkim.fail');
    expect(fails.find((s) => s.title.includes('default._domainkey'))).toMatchObject({
      status: 'info',
      title: expect.stringMatching(/is revoked/),
    });
    expect(fails.find((s) => s.title.includes('dkim._domainkey'))).toMatchObject({
      status: 'warn',
      title: expect.stringMatching(/cannot be used/),
    });
    const dangling = fails.find((s) => s.title.includes('selector1._domainkey'))!;
    expect(dangling.status).toBe('warn');
    expect(dangling.title).toMatch(/delegated by CNAME to .*onmicrosoft\.com \(Microsoft 365\), which publishes no key/);
    expect(dangling.fix.join(' ')).toMatch(/Defender portal/);
  });

  it('a selector the paste names ("s2._domainkey.example.org") is asked, and its absence is a warning', async () => {
    const r = await run('myselector._domainkey.example.org', tableResolver(base()));
    expect(r.target?.domain).toBe('example.org');
    expect(r.dns.some((d) => d.name === 'myselector._domainkey.example.org')).toBe(true);
    const s = step(r, 'dkim.fail').find((x) => x.title === 'No DKIM key at myselector._domainkey.example.org')!;
    expect(s.status).toBe('warn');
  });

  it('a wildcard under _domainkey is no key at every selector', async () => {
    const t = base();
    delete t['google._domainkey.example.org TXT'];
    for (const s of COMMON_DKIM_SELECTORS) t[`${s.selector}._domainkey.example.org TXT`] = [`v=DKIM1; p=${KEY_2048}`];
    const r = await run('example.org', tableResolver(t));
    expect(step(r, 'dkim.missing')[0]).toMatchObject({ status: 'info', title: expect.stringMatching(/a wildcard/) });
    expect(step(r, 'dkim.weak-key')).toEqual([]);
  });

  it('a broken SPF and no DMARC: the SPF error first, the missing DMARC a warning', async () => {
    const t = base();
    t['example.org TXT'] = ['v=spf1 ip4:192.0.2.0/28 -all', 'v=spf1 include:_spf.example.net ~all'];
    delete t['_dmarc.example.org TXT'];
    const r = await run('example.org', tableResolver(t));
    expect(r.checklist[0]).toMatchObject({ rule: 'spf.permerror', status: 'fail' });
    expect(statuses(r, 'dmarc.missing')).toEqual(['warn']);
    expect(step(r, 'dmarc.missing')[0].evidence[0].text).toBe('The domain example.org');
  });

  it('SPF void lookups: a permanent error for every server not listed before it; ?all and +all are weak', async () => {
    const t = base();
    t['example.org TXT'] = ['v=spf1 a:old1.example.org a:old2.example.org mx:old3.example.org ?all'];
    const r = await run('example.org', tableResolver(t));
    const [p] = step(r, 'spf.permerror');
    expect(p.status).toBe('warn');
    expect(p.title).toMatch(/permanent error for every server not matched before it: more than 2 lookups returned no records/);
    expect(step(r, 'spf.weak-policy').map((s) => s.title)).toEqual([
      expect.stringMatching(/^"\?all" gives every server .* a neutral result/),
    ]);
    t['example.org TXT'] = ['v=spf1 +all'];
    const all = await run('example.org', tableResolver(t));
    expect(step(all, 'spf.weak-policy').map((s) => s.status)).toEqual(['warn']);
    expect(
      step(all, 'spf.missing')[0]
        .evidence.map((e) => e.text)
        .join(' '),
    ).toContain('pass: every server on the Internet may send as the domain');
  });

  it('MX: a null MX, a host without an address, an IP for a host, an alias, a domain that does not exist', async () => {
    const nullMx = base();
    nullMx['example.org MX'] = ['0 .'];
    expect(step(await run('example.org', tableResolver(nullMx)), 'domain.mx')[0]).toMatchObject({
      status: 'warn',
      title: expect.stringMatching(/null MX/),
    });

    const dead = base();
    dead['example.org MX'] = ['10 mx1.example.org', '20 gone.example.org'];
    const d = step(await run('example.org', tableResolver(dead)), 'domain.mx')[0];
    expect(d.status).toBe('warn');
    expect(d.title).toBe(
      '1 of 2 MX hosts of example.org cannot receive mail (gone.example.org); mail goes to mx1.example.org (192.0.2.25)',
    );

    const literal = base();
    literal['example.org MX'] = ['10 192.0.2.25'];
    const l = step(await run('example.org', tableResolver(literal)), 'domain.mx')[0];
    expect(l.status).toBe('fail');
    expect(l.title).toMatch(/No MX host of example\.org can be reached: 192\.0\.2\.25 is an IP address, not a host name/);
    expect(l.fix[0]).toContain('example.org. IN MX 10 mx.example.org.');

    const alias = base();
    alias['example.org MX'] = ['10 mail.example.org'];
    alias['real.example.net A'] = ['192.0.2.26'];
    const a = step(await run('example.org', withCnames(alias, { 'mail.example.org': 'real.example.net' })), 'domain.mx')[0];
    expect(a.status).toBe('warn');
    expect(a.title).toMatch(/mail\.example\.org is an alias \(CNAME\)/);
    expect(a.fix[0]).toContain('point the MX record at the canonical name real.example.net');

    const none = await run('nonexistent-domain.org', tableResolver(healthyLists({})));
    expect(step(none, 'domain.mx')[0]).toMatchObject({
      status: 'fail',
      title: expect.stringMatching(/does not exist in DNS \(NXDOMAIN\)/),
    });
    expect(statuses(none, 'spf.missing')).toEqual(['warn']);
  });

  it("the MX hosts' reverse DNS: confirmed passes; the domain's own host without one warns, a provider's is a note", async () => {
    const ok = await run('example.org', tableResolver(base()));
    expect(step(ok, 'domain.mx-rdns')[0]).toMatchObject({
      status: 'pass',
      title:
        'The MX hosts of example.org have forward-confirmed reverse DNS (192.0.2.25 → mx1.example.org, 2001:db8::25 → mx2.example.org)',
    });

    const noPtr = base();
    delete noPtr[`${reverseName('192.0.2.25')} PTR`];
    const n = step(await run('example.org', tableResolver(noPtr)), 'domain.mx-rdns')[0];
    expect(n.status).toBe('warn');
    expect(n.title).toBe(
      'mx1.example.org (192.0.2.25) has no PTR record: if this server also sends the mail of example.org, receivers refuse or junk it',
    );
    expect(n.fix).toEqual([expect.stringContaining('whois 192.0.2.25')]);
    expect(n.fix[0]).toContain('25.2.0.192.in-addr.arpa. IN PTR mx1.example.org.');
    expect(n.verify).toContain('dig -x 192.0.2.25 +short');

    const elsewhere = base();
    elsewhere[`${reverseName('192.0.2.25')} PTR`] = ['host-25.isp.example.net'];
    elsewhere['host-25.isp.example.net A'] = ['198.51.100.9'];
    const e = step(await run('example.org', tableResolver(elsewhere)), 'domain.mx-rdns')[0];
    expect(e.status).toBe('warn');
    expect(e.title).toMatch(/^mx1\.example\.org \(192\.0\.2\.25\) has a PTR \(host-25\.isp\.example\.net\) that does not lead back to it/);

    const provider = base();
    provider['example.org MX'] = ['10 mx.provider.example.net'];
    provider['mx.provider.example.net A'] = ['198.51.100.25'];
    const p = step(await run('example.org', tableResolver(provider)), 'domain.mx-rdns')[0];
    expect(p.status).toBe('info');
    expect(p.title).toMatch(/mx\.provider\.example\.net \(198\.51\.100\.25\) has no PTR record: a provider's receiving host/);
    expect(p.fix).toEqual([]);
  });

  it('MTA-STS, TLS-RPT and BIMI records are read: valid ones are notes, ignored ones warnings; BIMI needs DMARC enforcement', async () => {
    const t = base();
    t['_mta-sts.example.org TXT'] = ['v=STSv1; id=20260101T000000'];
    t['_smtp._tls.example.org TXT'] = ['v=TLSRPTv1; rua=mailto:tls@example.org'];
    t['default._bimi.example.org TXT'] = ['v=BIMI1; l=https://example.org/logo.svg; a=https://example.org/vmc.pem'];
    const ok = await run('example.org', tableResolver(t));
    expect(step(ok, 'domain.mta-sts')[0]).toMatchObject({ status: 'info', title: expect.stringMatching(/announces MTA-STS/) });
    expect(step(ok, 'domain.mta-sts')[0].detail).toMatch(/browser page cannot read \(no CORS\)/);
    expect(step(ok, 'domain.mta-sts')[0].verify).toContain('curl https://mta-sts.example.org/.well-known/mta-sts.txt');
    expect(statuses(ok, 'domain.tls-rpt')).toEqual(['info']);
    expect(statuses(ok, 'domain.bimi')).toEqual(['info']);

    t['_mta-sts.example.org TXT'] = ['v=STSv1; id=2026-01-01'];
    t['_smtp._tls.example.org TXT'] = ['v=TLSRPTv1; rua=tls@example.org'];
    t['_dmarc.example.org TXT'] = ['v=DMARC1; p=none; rua=mailto:dmarc@example.org'];
    const bad = await run('example.org', tableResolver(t));
    expect(step(bad, 'domain.mta-sts')[0]).toMatchObject({
      status: 'warn',
      title: expect.stringMatching(/id=2026-01-01 must be 1 to 32 letters and digits/),
    });
    expect(step(bad, 'domain.tls-rpt')[0]).toMatchObject({
      status: 'warn',
      title: expect.stringMatching(/neither a mailto: nor an https: address/),
    });
    expect(step(bad, 'domain.bimi')[0]).toMatchObject({
      status: 'warn',
      title: expect.stringMatching(/its DMARC policy is p=none: receivers show no logo/),
    });

    t['_mta-sts.example.org TXT'] = ['v=STSv1; id=1', 'v=STSv1; id=2'];
    expect(step(await run('example.org', tableResolver(t)), 'domain.mta-sts')[0]).toMatchObject({
      status: 'warn',
      title: expect.stringMatching(/holds 2 MTA-STS records/),
    });
  });
});

describe('an IP alone: PTR, forward confirmation, generic names, blocklists', () => {
  const IP = '198.51.100.7';
  const REV = '7.100.51.198';

  it('no PTR and a Spamhaus listing: both problems, whose move each is, no sender-domain steps', async () => {
    const t = healthyLists({});
    t[`${REV}.zen.spamhaus.org A`] = ['127.0.0.3'];
    const r = await run(IP, tableResolver(t));
    expect(r.inputs[0].kind).toBe('ip');
    expect(r.target).toEqual({ domain: null, ip: IP });
    expect(statuses(r, 'ptr.missing')).toEqual(['fail']);
    const ptr = step(r, 'ptr.missing')[0];
    expect(ptr.fix[0]).toMatch(
      /Ask the owner of the IP block .*whois 198\.51\.100\.7.*7\.100\.51\.198\.in-addr\.arpa\. IN PTR mail\.<your domain>\./,
    );
    expect(statuses(r, 'dnsbl.listed')).toEqual(['fail']);
    expect(
      r.checklist
        .slice(0, 2)
        .map((s) => s.rule)
        .sort(),
    ).toEqual(['dnsbl.listed', 'ptr.missing']);
    expect(r.checklist.some((s) => /^(spf|dkim|dmarc|domain)\./.test(s.rule))).toBe(false);
  });

  it('a forward-confirmed PTR that looks generic: FCrDNS passes, ptr.generic warns', async () => {
    const t = healthyLists({});
    t[`${REV}.in-addr.arpa PTR`] = ['dsl-198-51-100-7.dyn.example.net'];
    t['dsl-198-51-100-7.dyn.example.net A'] = [IP];
    const r = await run(`[${IP}]`, tableResolver(t));
    expect(statuses(r, 'ptr.missing')).toEqual(['pass']);
    expect(statuses(r, 'ptr.mismatch')).toEqual(['pass']);
    expect(statuses(r, 'ptr.generic')).toEqual(['warn']);
    expect(statuses(r, 'dnsbl.listed')).toEqual(['pass']);
  });

  it('a domain with its sending IP: SPF evaluated for that IP, and the IP’s own checks', async () => {
    const t = healthyLists({
      'example.org TXT': ['v=spf1 ip4:192.0.2.0/28 -all'],
      '_dmarc.example.org TXT': ['v=DMARC1; p=none'],
      [`${REV}.in-addr.arpa PTR`]: ['mail.example.org'],
      'mail.example.org A': [IP],
    });
    const r = await run(`example.org ${IP}`, tableResolver(t));
    expect(r.target).toEqual({ domain: 'example.org', ip: IP });
    const [spf] = step(r, 'spf.fail');
    expect(spf.status).toBe('fail');
    expect(spf.title).toMatch(/the record of example\.org does not authorise 198\.51\.100\.7/);
    expect(statuses(r, 'ptr.mismatch')).toEqual(['pass']);
    expect(r.checklist[0].rule).toBe('spf.fail');
  });

  it('offline: every live step is inconclusive, none fails', async () => {
    const r = await analyze('example.org 192.0.2.10');
    expect(r.checklist.length).toBeGreaterThan(3);
    expect(r.checklist.every((s) => s.status === 'inconclusive')).toBe(true);
  });
});

describe('an SPF record with a typing slip: the record it was meant to be', () => {
  it.each([
    ['v=spf1 include:_spf.google.com, include:sendgrid.net, ~all', 'v=spf1 include:_spf.google.com include:sendgrid.net ~all'],
    ['v=spf1 ip4:192.0.2.1; ip4:192.0.2.2; -all', 'v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 -all'],
    ['v=spf1 ip4: 192.0.2.1 include: _spf.example.net -all', 'v=spf1 ip4:192.0.2.1 include:_spf.example.net -all'],
    ['"v=spf1 mx -all"', 'v=spf1 mx -all'],
  ])('%s', (record, meant) => {
    expect(repairedRecord(record)).toBe(meant);
  });
  it.each([
    ['v=spf1 ip4:192.0.2.300 -all'], // a wrong address is no slip of typing
    ['v=spf1 exists:%{l,}.example.org -all'], // a macro's delimiters are left alone
    ['v=spf1 mx -all'], // nothing to repair
    ['spf1 mx, -all'],
  ])('no guess: %s', (record) => {
    expect(repairedRecord(record)).toBeNull();
  });
});
