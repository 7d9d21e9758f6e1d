// Table-driven tests of the first rules over small sessions, with DNS from an
// in-memory table: each rule's failing and passing forms, and inconclusive
// when DNS fails.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { tableResolver, type Table } from '../../support/table-resolver';

/** A minimal MDaemon inbound session from `ip` with HELO `helo`, ending in `reply`. */
function session(o: { ip?: string; helo?: string; dnsbl?: string[]; reply?: string; ptrLogged?: string } = {}): string {
  const t = 'Mon 2024-03-04 10:00:00: ';
  const lines = [
    'Session 1; child 1',
    `Accepting SMTP connection from [${o.ip ?? '203.0.113.7'} : 40000] to [192.0.2.1 : 25]`,
    ...(o.ptrLogged ? ['Performing PTR lookup (x.in-addr.arpa)', o.ptrLogged, '---- End PTR results'] : []),
    '--> 220 mx.example.net ESMTP MDaemon',
    `<-- EHLO ${o.helo ?? 'mail.example.org'}`,
    '--> 250 mx.example.net Hello',
    '<-- MAIL From:<a@example.org>',
    '--> 250 ok',
    '<-- RCPT To:<b@example.net>',
    '--> 250 ok',
    '<-- DATA',
    ...(o.dnsbl ? ['Querying DNS-BL hosts', ...o.dnsbl.map((d) => `* ${d}`), '---- End DNS-BL results'] : []),
    '--> 354 go',
    o.reply ?? '--> 250 queued',
    '<-- QUIT',
  ];
  return lines.map((l) => t + l).join('\n');
}

const stepOf = async (text: string, rule: string, table: Table = {}) => {
  const r = await analyze(text, { resolver: tableResolver(table) });
  return r.checklist.filter((s) => s.rule === rule).map((s) => s.status);
};

describe('ptr.missing / ptr.mismatch', () => {
  const rev = '7.113.0.203.in-addr.arpa PTR';
  it.each<[string, Table, string[], string[]]>([
    ['no PTR', {}, ['fail'], []],
    ['PTR that resolves back', { [rev]: ['mail.example.org'], 'mail.example.org A': ['203.0.113.7'] }, ['pass'], ['pass']],
    ['PTR that does not resolve back', { [rev]: ['mail.example.org'], 'mail.example.org A': ['198.51.100.1'] }, ['pass'], ['fail']],
    ['PTR lookup SERVFAIL', { [rev]: 'SERVFAIL' }, ['inconclusive'], []],
    ['forward lookup times out', { [rev]: ['mail.example.org'], 'mail.example.org A': 'TIMEOUT' }, ['pass'], ['inconclusive']],
  ])('%s', async (_name, table, missing, mismatch) => {
    expect(await stepOf(session(), 'ptr.missing', table)).toEqual(missing);
    expect(await stepOf(session(), 'ptr.mismatch', table)).toEqual(mismatch);
  });
  it('the fix names the reverse zone record and the block owner', async () => {
    const r = await analyze(session({ ip: '80.78.72.135' }), { resolver: tableResolver({}) });
    const s = r.checklist.find((x) => x.rule === 'ptr.missing')!;
    expect(s.fix[0]).toMatch(/owner of the IP block.*135\.72\.78\.80\.in-addr\.arpa\. IN PTR mail\.example\.org\./);
  });
  it('IPv6: the nibble name', async () => {
    const r = await analyze(session({ ip: '2001:db8::25' }), { resolver: tableResolver({}) });
    expect(r.checklist.find((x) => x.rule === 'ptr.missing')!.fix.join(' ')).toContain(
      '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    );
  });
});

describe('helo.invalid', () => {
  it.each<[string, string, Table, string]>([
    ['a bare computer name', 'accounting-pc', {}, 'warn'],
    ['an FQDN that resolves', 'mail.example.org', { 'mail.example.org A': ['203.0.113.7'] }, 'pass'],
    ['an FQDN that does not resolve', 'ghost.example.org', {}, 'warn'],
    [
      'an FQDN whose lookup fails',
      'mail.example.org',
      { 'mail.example.org A': 'SERVFAIL', 'mail.example.org AAAA': 'SERVFAIL' },
      'inconclusive',
    ],
    ['the address literal of the client', '[203.0.113.7]', {}, 'info'],
    ['an address literal of another host', '[198.51.100.9]', {}, 'warn'],
  ])('%s', async (_n, helo, table, status) => {
    expect(await stepOf(session({ helo }), 'helo.invalid', table)).toEqual([status]);
  });
});

describe('dnsbl.defunct', () => {
  it.each<[string, string[], string[]]>([
    ['ORDB answering listed', ['relays.ordb.org - failed'], ['fail']],
    ['AHBL (wildcards everything) even when it answered clean', ['dnsbl.ahbl.org - passed'], ['fail']],
    ['a SORBS sub-list answering clean', ['dnsbl.sorbs.net - passed'], ['warn']],
    ['DSBL sub-zone', ['list.dsbl.org - passed'], ['warn']],
    ['a live list only', ['zen.spamhaus.org - passed'], []],
  ])('%s', async (_n, dnsbl, want) => {
    expect(await stepOf(session({ dnsbl }), 'dnsbl.defunct')).toEqual(want);
  });
});

describe('refusals and ranking', () => {
  it.each<[string, string, string, string]>([
    ['MDaemon non-conforming message', '--> 554 Message does not conform to standards', 'smtp.not-compliant', 'notcompliantrfc'],
    [
      'unknown user at RCPT-like text after data',
      '--> 550 5.1.1 <b@example.net>: Recipient address rejected: User unknown',
      'smtp.recipient-unknown',
      'userunknown',
    ],
    ['message too big', '--> 552 5.3.4 Message size exceeds fixed limit', 'smtp.message-too-large', 'mesgtoobig'],
  ])('%s → first step %s', async (_n, reply, rule, reason) => {
    const r = await analyze(session({ reply, helo: 'accounting-pc', dnsbl: ['relays.ordb.org - failed'] }), {
      resolver: tableResolver({}),
    });
    expect(r.rejections[0].reason).toBe(reason);
    expect(r.checklist[0].rule).toBe(rule);
  });
  it('without a refusal, the worst problems come first and passes last', async () => {
    const r = await analyze(session({ helo: 'accounting-pc' }), { resolver: tableResolver({ 'example.org TXT': ['v=spf1 -all'] }) });
    const statuses = r.checklist.map((s) => s.status);
    const order = { fail: 0, warn: 1, inconclusive: 2, info: 3, pass: 4 } as const;
    expect([...statuses].sort((a, b) => order[a] - order[b])).toEqual(statuses);
  });
});
