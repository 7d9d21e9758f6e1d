// SPF: RFC 7208 §7.4 macro examples, and check_host() over a table resolver
// for every result and limit. (The full RFC 7208 suite runs in
// `npm run conformance`.)
import { describe, expect, it } from 'vitest';
import { expandMacros, parseMacroString, type MacroValues } from '../../../src/core/auth/spf/macro';
import { evaluateSpf } from '../../../src/core/auth/spf/evaluate';
import { auditSpf, heaviestIncludes } from '../../../src/core/auth/spf/audit';
import { parseSpfRecord } from '../../../src/core/auth/spf/parse';
import { describeTree } from '../../../src/core/auth/spf/describe';
import { recordWithTerm } from '../../../src/core/rules/spf';
import { Lookup } from '../../../src/core/dns/lookup';
import { tableResolver, type Table } from '../../support/table-resolver';

const v4: MacroValues = {
  sender: 'strong-bad@email.example.com',
  local: 'strong-bad',
  senderDomain: 'email.example.com',
  domain: 'email.example.com',
  ipDotted: '192.0.2.3',
  ipReadable: '192.0.2.3',
  ipVersion: 'in-addr',
  helo: 'mx.example.org',
  receiver: 'unknown',
  timestamp: '0',
};

describe('SPF macros (RFC 7208 §7.4 examples)', () => {
  it.each([
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l-}', 'strong.bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{S}', 'strong-bad%40email.example.com'],
    ['a%%b%_c%-d', 'a%b c%20d'],
  ])('%s → %s', async (spec, want) => {
    const tokens = parseMacroString(spec);
    expect(typeof tokens).not.toBe('string');
    expect(await expandMacros(tokens as never, v4, async () => 'unknown')).toBe(want);
  });
  it('IPv6 %{ir} gives nibbles', async () => {
    const ip6 = { ...v4, ipDotted: '2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1', ipVersion: 'ip6' };
    const t = parseMacroString('%{ir}.%{v}._spf.%{d2}');
    expect(await expandMacros(t as never, ip6, async () => '')).toBe(
      '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com',
    );
  });
  it.each(['%{x}', '%{c}', '%{d0}', '%(d)', 'abc%'])('%s is a syntax error outside exp', (spec) => {
    expect(typeof parseMacroString(spec)).toBe('string');
  });
});

describe('SPF record syntax', () => {
  it.each([
    ['v=spf1 ip4:192.0.2.0/24 include:_spf.example.net ~all', null],
    ['v=spf1 a/24//64 mx:mail.example.org/28 -all', null],
    ['v=spf1 ip4:192.0.2.0/33 -all', /prefix length/],
    ['v=spf1 foo:bar -all', /unknown term/],
    ['v=spf1 redirect=a.example redirect=b.example', /more than once/],
    ['v=spf1 a:foo-bar -all', /not a domain name/],
    ['v=spf1 -all:x', /takes no argument/],
  ])('%s', (record, err) => {
    const p = parseSpfRecord(record);
    if (err === null) expect(p.error).toBeNull();
    else expect(p.error).toMatch(err);
  });
});

async function run(table: Table, ip: string, mailFrom = 'user@example.org', helo = 'mail.example.org') {
  const lookup = new Lookup(tableResolver(table), () => new Date(0), 500);
  return evaluateSpf({ ip, mailFrom, helo }, lookup);
}

const manyIncludes = (n: number): Table => {
  const t: Table = { 'example.org TXT': [`v=spf1 ${Array.from({ length: n }, (_, i) => `include:i${i}.example.net`).join(' ')} -all`] };
  for (let i = 0; i < n; i++) t[`i${i}.example.net TXT`] = ['v=spf1 -all'];
  return t;
};

describe('check_host()', () => {
  it.each<[string, Table, string, string, string | null]>([
    ['ip4 pass', { 'example.org TXT': ['v=spf1 ip4:192.0.2.0/24 -all'] }, '192.0.2.9', 'pass', 'ip4:192.0.2.0/24'],
    [
      'include pass names the inner term',
      { 'example.org TXT': ['v=spf1 include:_spf.example.net -all'], '_spf.example.net TXT': ['v=spf1 ip4:198.51.100.7 -all'] },
      '198.51.100.7',
      'pass',
      'ip4:198.51.100.7',
    ],
    ['a with CIDR', { 'example.org TXT': ['v=spf1 a/30 -all'], 'example.org A': ['192.0.2.1'] }, '192.0.2.2', 'pass', 'a/30'],
    [
      'mx',
      { 'example.org TXT': ['v=spf1 mx -all'], 'example.org MX': ['10 mx.example.org'], 'mx.example.org A': ['192.0.2.25'] },
      '192.0.2.25',
      'pass',
      'mx',
    ],
    ['ip6', { 'example.org TXT': ['v=spf1 ip6:2001:db8::/32 -all'] }, '2001:db8::5', 'pass', 'ip6:2001:db8::/32'],
    [
      'exists with %{i}',
      { 'example.org TXT': ['v=spf1 exists:%{i}.allow.example.org -all'], '192.0.2.4.allow.example.org A': ['127.0.0.2'] },
      '192.0.2.4',
      'pass',
      'exists:%{i}.allow.example.org',
    ],
    [
      'redirect',
      { 'example.org TXT': ['v=spf1 redirect=_spf.example.org'], '_spf.example.org TXT': ['v=spf1 ip4:192.0.2.1 -all'] },
      '192.0.2.1',
      'pass',
      'ip4:192.0.2.1',
    ],
    ['-all fail', { 'example.org TXT': ['v=spf1 ip4:192.0.2.1 -all'] }, '203.0.113.5', 'fail', '-all'],
    ['~all softfail', { 'example.org TXT': ['v=spf1 ip4:192.0.2.1 ~all'] }, '203.0.113.5', 'softfail', '~all'],
    ['no all: neutral', { 'example.org TXT': ['v=spf1 ip4:192.0.2.1'] }, '203.0.113.5', 'neutral', null],
    ['no record: none', { 'example.org TXT': ['google-site-verification=abc'] }, '203.0.113.5', 'none', null],
    ['two records: permerror', { 'example.org TXT': ['v=spf1 -all', 'v=spf1 ~all'] }, '203.0.113.5', 'permerror', null],
    ['11 includes: permerror', manyIncludes(11), '203.0.113.5', 'permerror', null],
    ['10 includes: fine', manyIncludes(10), '203.0.113.5', 'fail', '-all'],
    [
      '3 void lookups: permerror',
      { 'example.org TXT': ['v=spf1 a:n1.example.org a:n2.example.org a:n3.example.org -all'] },
      '203.0.113.5',
      'permerror',
      null,
    ],
    ['timeout: temperror', { 'example.org TXT': 'TIMEOUT' }, '203.0.113.5', 'temperror', null],
    [
      'include of a domain without SPF: permerror',
      { 'example.org TXT': ['v=spf1 include:none.example.net -all'] },
      '203.0.113.5',
      'permerror',
      null,
    ],
  ])('%s', async (_name, table, ip, result, term) => {
    const r = await run(table, ip);
    expect(r.result).toBe(result);
    expect(r.matched?.term ?? null).toBe(term);
  });

  it('counts lookups and explains the limit', async () => {
    const r = await run(manyIncludes(11), '203.0.113.5');
    expect(r.lookups).toBe(11);
    expect(r.error).toMatch(/more than 10 DNS-querying terms/);
  });

  it('gives the exp= explanation on fail', async () => {
    const r = await run(
      { 'example.org TXT': ['v=spf1 -all exp=why.example.org'], 'why.example.org TXT': ['%{i} may not send for %{d}'] },
      '203.0.113.5',
    );
    expect(r.explanation).toBe('203.0.113.5 may not send for example.org');
  });

  it('checks the HELO name for the null sender', async () => {
    const r = await run({ 'mail.example.org TXT': ['v=spf1 a -all'], 'mail.example.org A': ['192.0.2.8'] }, '192.0.2.8', '');
    expect(r).toMatchObject({ domain: 'mail.example.org', sender: 'postmaster@mail.example.org', result: 'pass' });
  });
});

describe('SPF tree audit', () => {
  it('counts the whole tree, names the heaviest include, draws the tree', async () => {
    const t: Table = {
      'example.org TXT': ['v=spf1 mx include:big.example.net include:small.example.net -all'],
      'big.example.net TXT': ['v=spf1 include:a.example.net include:b.example.net a -all'],
      'a.example.net TXT': ['v=spf1 ip4:192.0.2.0/24 -all'],
      'b.example.net TXT': ['v=spf1 ptr -all'],
      'small.example.net TXT': ['v=spf1 ip4:198.51.100.0/24 -all'],
    };
    const lookup = new Lookup(tableResolver(t), () => new Date(0), 500);
    const audit = await auditSpf('example.org', lookup);
    expect(audit.totalLookups).toBe(7);
    expect(heaviestIncludes(audit)[0]).toMatchObject({ term: 'include:big.example.net', cost: 5 });
    const ev = await evaluateSpf({ ip: '198.51.100.3', mailFrom: 'x@example.org', helo: null }, lookup);
    const text = describeTree(audit.tree, ev.tree);
    expect(text).toContain('include:small.example.net → small.example.net (0 lookups)');
    expect(text).toContain('← matched "ip4:198.51.100.0/24"');
  });
  it('warns about +all and missing all', async () => {
    const lookup = new Lookup(tableResolver({ 'example.org TXT': ['v=spf1 +all'] }), () => new Date(0), 50);
    expect((await auditSpf('example.org', lookup)).findings[0].text).toMatch(/every IP/);
  });
  it('adds a term before the final all', () => {
    expect(recordWithTerm('v=spf1 mx -all', 'ip4:192.0.2.1')).toBe('v=spf1 mx ip4:192.0.2.1 -all');
    expect(recordWithTerm('v=spf1 redirect=x.example', 'ip4:192.0.2.1')).toBe('v=spf1 ip4:192.0.2.1 redirect=x.example');
  });
});
