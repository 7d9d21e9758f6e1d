// DMARC: record tags, alignment with the Public Suffix List, discovery at
// the organizational domain, the outcome, and report authorization.
import { describe, expect, it } from 'vitest';
import { parseDmarcRecord } from '../../../src/core/auth/dmarc/record';
import { aligned, organizationalDomain } from '../../../src/core/auth/dmarc/align';
import { checkReportDestinations, evaluateDmarc, findDmarcRecord } from '../../../src/core/auth/dmarc/evaluate';
import { Lookup } from '../../../src/core/dns/lookup';
import { tableResolver, type Table } from '../../support/table-resolver';

const dns = (t: Table) => new Lookup(tableResolver(t), () => new Date(0), 100);

describe('DMARC record', () => {
  it('reads every tag', () => {
    const r = parseDmarcRecord(
      'v=DMARC1; p=quarantine; sp=reject; np=reject; adkim=s; aspf=r; pct=50; rua=mailto:a@example.org,mailto:b@rep.example.net!10m; ruf=mailto:f@example.org; fo=1:d; rf=afrf; ri=3600',
    );
    expect(r).toMatchObject({
      status: 'ok',
      policy: 'quarantine',
      subdomainPolicy: 'reject',
      nonexistentPolicy: 'reject',
      adkim: 'strict',
      aspf: 'relaxed',
      pct: 50,
      fo: ['1', 'd'],
      ri: 3600,
    });
    expect(r.rua.map((u) => [u.domain, u.limit])).toEqual([
      ['example.org', null],
      ['rep.example.net', '10m'],
    ]);
  });
  it.each([
    ['', 'empty'],
    ['v=DMARC2; p=none', 'bad-version'],
    ['p=none; v=DMARC1', 'bad-version'],
    ['v=DMARC1; p=maybe', 'bad-value'],
    ['v=DMARC1; p=none; pct=101', 'bad-value'],
    ['v=DMARC1; p=none; fo=2', 'bad-value'],
    ['v=DMARC1; rua=mailto:a@example.org', 'no-policy'],
    ['v=DMARC1; p=reject; future=1', 'ok'],
  ])('%j → %s', (text, status) => {
    expect(parseDmarcRecord(text).status).toBe(status);
  });
});

describe('alignment', () => {
  it.each([
    ['mail.example.co.uk', 'example.co.uk', 'relaxed', true],
    ['mail.example.co.uk', 'example.co.uk', 'strict', false],
    ['a.example.com', 'b.example.net', 'relaxed', false],
    ['bounces.example.com', 'EXAMPLE.com.', 'relaxed', true],
  ] as const)('%s ~ %s (%s) = %s', (a, b, mode, want) => {
    expect(aligned(a, b, mode)).toBe(want);
  });
  it('uses the Public Suffix List', () => {
    expect(organizationalDomain('a.b.example.co.uk')).toBe('example.co.uk');
    expect(organizationalDomain('x.y.example.com')).toBe('example.com');
  });
});

describe('policy discovery and outcome', () => {
  const table: Table = {
    '_dmarc.example.com TXT': ['v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@reports.example.net'],
    'example.com._report._dmarc.reports.example.net TXT': ['v=DMARC1'],
  };
  it('falls back to the organizational domain, where sp= applies', async () => {
    const l = await findDmarcRecord('news.example.com', dns(table));
    expect(l).toMatchObject({ policyDomain: 'example.com', inherited: true, outcome: 'found' });
    const ev = evaluateDmarc('news.example.com', l, { domain: 'bounce.esp.example', result: 'pass' }, [
      { domain: 'esp.example', result: 'pass' },
    ]);
    expect(ev).toMatchObject({ result: 'fail', policy: 'quarantine', disposition: 'quarantine' });
    expect(ev.spf?.aligned).toBe(false);
  });
  it('passes with an aligned DKIM signature even when SPF fails', async () => {
    const l = await findDmarcRecord('example.com', dns(table));
    const ev = evaluateDmarc('example.com', l, { domain: 'example.com', result: 'fail' }, [{ domain: 'mail.example.com', result: 'pass' }]);
    expect(ev).toMatchObject({ result: 'pass', policy: 'reject' });
  });
  it('none, error and multiple', async () => {
    expect((await findDmarcRecord('nothing.example', dns({}))).outcome).toBe('none');
    expect((await findDmarcRecord('t.example', dns({ '_dmarc.t.example TXT': 'TIMEOUT' }))).outcome).toBe('error');
    expect((await findDmarcRecord('m.example', dns({ '_dmarc.m.example TXT': ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] }))).outcome).toBe(
      'multiple',
    );
  });
  it('checks external report destinations (RFC 7489 §7.1)', async () => {
    const rec = parseDmarcRecord('v=DMARC1; p=none; rua=mailto:d@reports.example.net,mailto:x@other.example,mailto:me@example.com');
    const r = await checkReportDestinations('example.com', rec, dns(table));
    expect(r.map((x) => [x.domain, x.authorized])).toEqual([
      ['reports.example.net', 'yes'],
      ['other.example', 'no'],
    ]);
  });
});
