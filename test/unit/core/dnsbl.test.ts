// Blocklist checks through analyze(), DNS from an in-memory table: each way a
// list can answer, and what the checklist then says.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import type { Report } from '../../../src/core/types';
import { tableResolver, type Table } from '../../support/table-resolver';
import { dnsblName } from '../../../src/core/dns/names';

const log = (ip: string, extra = '') => `Mon 2007-06-11 09:14:02: Session 0012345; child 0001
Mon 2007-06-11 09:14:02: Accepting SMTP connection from [${ip} : 1547] to [192.168.1.5 : 25]
Mon 2007-06-11 09:14:02: --> 220 mail.example.com ESMTP MDaemon 9.6.0; Mon, 11 Jun 2007 09:14:02 +0200
Mon 2007-06-11 09:14:02: <-- EHLO mail.sender.example
Mon 2007-06-11 09:14:02: --> 250 mail.example.com Hello
Mon 2007-06-11 09:14:02: <-- MAIL From:<reports@sender.example> SIZE=389
Mon 2007-06-11 09:14:02: --> 250 <reports@sender.example>, Sender ok
${extra}Mon 2007-06-11 09:14:02: <-- RCPT To:<alice@example.com>
Mon 2007-06-11 09:14:02: --> 554 5.7.1 Rejected: ${ip} is listed
Mon 2007-06-11 09:14:02: <-- QUIT
Mon 2007-06-11 09:14:02: SMTP session terminated (Bytes in/out: 612/497)
`;

const IP = '198.51.100.7';
const REV = '7.100.51.198';

/** Every default IP and domain list answers its RFC 5782 test points. */
function healthy(): Table {
  const t: Table = {};
  for (const z of [
    'zen.spamhaus.org',
    'bl.spamcop.net',
    'b.barracudacentral.org',
    'psbl.surriel.com',
    'bl.mailspike.net',
    'dnsbl-1.uceprotect.net',
  ]) {
    t[`2.0.0.127.${z} A`] = ['127.0.0.2'];
  }
  t['test.dbl.spamhaus.org A'] = ['127.0.1.2'];
  t['test.multi.surbl.org A'] = ['127.0.0.2'];
  t['test.multi.uribl.com A'] = ['127.0.0.2'];
  return t;
}

const run = (table: Table, text = log(IP), dnsbl = {}) =>
  analyze(text, { resolver: tableResolver(table), now: () => new Date('2026-01-01T00:00:00Z'), dnsbl });
const steps = (r: Report, rule: string) => r.checklist.filter((s) => s.rule === rule);

describe('dnsbl.listed', () => {
  it("a Spamhaus XBL listing: meaning, likely cause, delisting, the list's TXT", async () => {
    const t = healthy();
    t[`${REV}.zen.spamhaus.org A`] = ['127.0.0.4'];
    t[`${REV}.zen.spamhaus.org TXT`] = ['https://check.spamhaus.org/query/ip/198.51.100.7'];
    const r = await run(t);
    const [s] = steps(r, 'dnsbl.listed');
    expect(s.status).toBe('fail');
    expect(s.title).toMatch(/198\.51\.100\.7 is listed on Spamhaus ZEN.*XBL: an infected host, open proxy/);
    expect(s.detail).toMatch(/Likely cause: .*infected/);
    expect(s.fix.join(' ')).toContain('https://check.spamhaus.org/');
    expect(s.evidence.map((e) => e.text).join('\n')).toContain('The list says: "https://check.spamhaus.org/query/ip/198.51.100.7"');
    expect(s.verify[0]).toBe(`dig +short ${REV}.zen.spamhaus.org A   (no answer = not listed)`);
    // the blocked refusal ranks the listing first among the live causes
    expect(r.checklist.findIndex((x) => x.rule === 'dnsbl.listed')).toBeLessThan(r.checklist.findIndex((x) => x.rule === 'ptr.missing'));
  });

  it('reads SURBL bitmasks for a domain linked in the message', async () => {
    const t = healthy();
    t['sender.example.multi.surbl.org A'] = ['127.0.0.24']; // 8 PH + 16 MW
    const r = await run(t);
    const s = steps(r, 'dnsbl.listed').find((x) => x.status === 'fail')!;
    expect(s.title).toMatch(/sender\.example is listed on SURBL multi.*PH: phishing site; MW: malware site/);
  });

  it('clean everywhere: one pass step per subject', async () => {
    const r = await run(healthy());
    const s = steps(r, 'dnsbl.listed');
    expect(s.map((x) => x.status)).toEqual(['pass', 'pass']);
    expect(s[0].title).toBe(`${IP} is not listed on 6 blocklists that answered correctly`);
    expect(steps(r, 'dnsbl.inconclusive')).toEqual([]);
  });

  it('the receiver logged a listing that DNS no longer shows: warn, with both', async () => {
    const text = log(
      IP,
      'Mon 2007-06-11 09:14:02: Querying DNS-BL hosts\nMon 2007-06-11 09:14:02: * bl.spamcop.net - failed\nMon 2007-06-11 09:14:02: ---- End DNS-BL results\n',
    );
    const r = await run(healthy(), text);
    const s = steps(r, 'dnsbl.listed').find((x) => x.status === 'warn');
    expect(s?.title).toMatch(/was listed on SpamCop.*when the receiver checked, and is not listed now/);
    expect(s?.evidence.some((e) => e.line === 9 && /receiver logged: bl\.spamcop\.net/.test(e.text))).toBe(true);
    expect(s?.evidence.some((e) => e.line === 0 && /DNS now: .*bl\.spamcop\.net A/.test(e.text))).toBe(true);
  });
});

describe('dnsbl.inconclusive: never listed, never clean', () => {
  it.each([
    ['Spamhaus refuses a public resolver (127.255.255.254)', `${REV}.zen.spamhaus.org`, ['127.255.255.254'], /public or open resolver/],
    ['Spamhaus rate limit (127.255.255.255)', `${REV}.zen.spamhaus.org`, ['127.255.255.255'], /too many queries/],
    ['URIBL refused (127.0.0.1)', 'sender.example.multi.uribl.com', ['127.0.0.1'], /query refused/],
    ['an answer outside 127/8 (a hijacked zone)', `${REV}.bl.spamcop.net`, ['203.0.113.9'], /outside 127\.0\.0\.0\/8/],
  ])('%s', async (_what, name, answer, reason) => {
    const t = healthy();
    t[`${name} A`] = answer;
    const r = await run(t);
    const zone = name.split('.').slice(-3).join('.');
    expect(steps(r, 'dnsbl.listed').some((s) => s.status === 'fail')).toBe(false);
    const [s] = steps(r, 'dnsbl.inconclusive');
    expect(s.status).toBe('inconclusive');
    expect(s.retry).toBe(true);
    expect(s.evidence.map((e) => e.text).join('\n')).toMatch(reason);
    expect(s.title).toContain(
      zone.includes('uribl') ? 'multi.uribl.com' : zone.includes('spamcop') ? 'bl.spamcop.net' : 'zen.spamhaus.org',
    );
  });

  it('a list that lists its never-listed test point (a wildcard) is not believed, even when it lists the IP', async () => {
    const t = healthy();
    t['1.0.0.127.psbl.surriel.com A'] = ['127.0.0.2'];
    t[`${REV}.psbl.surriel.com A`] = ['127.0.0.2'];
    const r = await run(t);
    expect(steps(r, 'dnsbl.listed').every((s) => s.status === 'pass')).toBe(true);
    expect(
      steps(r, 'dnsbl.inconclusive')[0]
        .evidence.map((e) => e.text)
        .join(' '),
    ).toMatch(/psbl.*lists 1\.0\.0\.127\.psbl\.surriel\.com.*wildcard/);
  });

  it('a list that does not answer its always-listed test point is dead or refusing us', async () => {
    const t = healthy();
    delete t['2.0.0.127.bl.mailspike.net A'];
    t[`${REV}.bl.mailspike.net A`] = ['127.0.0.10'];
    const r = await run(t);
    expect(steps(r, 'dnsbl.listed').every((s) => s.status === 'pass')).toBe(true);
    expect(
      steps(r, 'dnsbl.inconclusive')[0]
        .evidence.map((e) => e.text)
        .join(' '),
    ).toMatch(/Mailspike.*did not list its always-listed test point/);
  });

  it('SERVFAIL or a timeout on the question itself', async () => {
    const t = healthy();
    t[`${REV}.bl.spamcop.net A`] = 'SERVFAIL';
    t[`${REV}.psbl.surriel.com A`] = 'TIMEOUT';
    const r = await run(t);
    const text = steps(r, 'dnsbl.inconclusive')[0]
      .evidence.map((e) => e.text)
      .join('\n');
    expect(text).toMatch(/bl\.spamcop\.net.*SERVFAIL/);
    expect(text).toMatch(/psbl\.surriel\.com.*TIMEOUT/);
  });

  it('offline: every list inconclusive with a retry, none listed or clean', async () => {
    const r = await analyze(log(IP));
    expect(steps(r, 'dnsbl.listed')).toEqual([]);
    const [s] = steps(r, 'dnsbl.inconclusive');
    expect(s.title).toMatch(/live DNS is off/);
    expect(s.retry).toBe(true);
    expect(r.dns).toEqual([]);
  });
});

describe("keys, IPv6 and the receiver's own lists", () => {
  it('with a DQS key, Spamhaus is asked at <key>.zen.dq.spamhaus.net and the key never shows', async () => {
    const key = 'abcdefghij0123456789klmnop';
    const t = healthy();
    t[`2.0.0.127.${key}.zen.dq.spamhaus.net A`] = ['127.0.0.2'];
    t[`${REV}.${key}.zen.dq.spamhaus.net A`] = ['127.0.0.3'];
    t[`test.${key}.dbl.dq.spamhaus.net A`] = ['127.0.1.2'];
    const resolver = tableResolver(t);
    const r = await analyze(log(IP), { resolver, dnsbl: { dqsKey: key } });
    expect(resolver.asked).toContain(`${REV}.${key}.zen.dq.spamhaus.net A`);
    expect(resolver.asked.some((q) => q.endsWith('.zen.spamhaus.org A'))).toBe(false);
    const s = steps(r, 'dnsbl.listed').find((x) => x.status === 'fail')!;
    expect(s.title).toMatch(/<key>\.zen\.dq\.spamhaus\.net.*SBL CSS/);
    expect(JSON.stringify(r)).not.toContain(key);
    expect(r.dns.some((d) => d.name === `${REV}.<key>.zen.dq.spamhaus.net`)).toBe(true);
  });

  it('an invalid key is ignored (it could change the query name)', async () => {
    const resolver = tableResolver(healthy());
    await analyze(log(IP), { resolver, dnsbl: { dqsKey: 'bad.key/../x' } });
    expect(resolver.asked.some((q) => q.includes('dq.spamhaus.net'))).toBe(false);
  });

  it('an IPv6 sender: nibble names, and only lists that carry IPv6', async () => {
    const ip6 = '2001:db8::25';
    const testPoint = dnsblName('::ffff:7f00:2', 'zen.spamhaus.org')!;
    expect(testPoint).toBe('2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.zen.spamhaus.org');
    const resolver = tableResolver({ ...healthy(), [`${testPoint} A`]: ['127.0.0.2'] });
    const r = await analyze(log(ip6), { resolver });
    const nibbles = '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2';
    expect(resolver.asked).toContain(`${nibbles}.zen.spamhaus.org A`);
    expect(resolver.asked).toContain(`${nibbles}.ip6.arpa PTR`);
    expect(resolver.asked.some((q) => q.includes('bl.spamcop.net'))).toBe(false);
    expect(steps(r, 'dnsbl.listed').find((s) => s.evidence.some((e) => e.text.includes('zen.spamhaus.org')))?.status).toBe('pass');
  });

  it('a list the receiver logged is asked too, even one the registry does not know', async () => {
    const text = log(
      IP,
      'Mon 2007-06-11 09:14:02: Querying DNS-BL hosts\nMon 2007-06-11 09:14:02: * rbl.local-list.example - failed\nMon 2007-06-11 09:14:02: ---- End DNS-BL results\n',
    );
    const t = healthy();
    t['2.0.0.127.rbl.local-list.example A'] = ['127.0.0.2'];
    t[`${REV}.rbl.local-list.example A`] = ['127.0.0.2'];
    const r = await run(t, text);
    const s = steps(r, 'dnsbl.listed').find((x) => x.status === 'fail')!;
    expect(s.title).toMatch(/listed on rbl\.local-list\.example/);
    expect(s.evidence.some((e) => e.line === 9)).toBe(true);
  });

  it('asks each question once per analysis, probes included', async () => {
    const resolver = tableResolver(healthy());
    const r = await analyze(log(IP), { resolver });
    expect(new Set(resolver.asked).size).toBe(resolver.asked.length);
    expect(r.dns.length).toBe(resolver.asked.length);
  });
});

describe('lists named by the refusal', () => {
  const refusal = (text: string) => log(IP).replace(`--> 554 5.7.1 Rejected: ${IP} is listed`, `--> ${text}`);

  it('a Spamhaus lookup URL in the refusal points at ZEN', async () => {
    const t = healthy();
    t[`${REV}.zen.spamhaus.org A`] = ['127.0.0.3'];
    const r = await run(t, refusal(`553 http://www.spamhaus.org/query/bl?ip=${IP}`));
    const s = steps(r, 'dnsbl.listed').find((x) => x.status === 'fail')!;
    expect(s.evidence.some((e) => /refusal names zen\.spamhaus\.org: 553 http:\/\/www\.spamhaus\.org/.test(e.text))).toBe(true);
  });

  it('"blocked using <zone>" of a list the registry does not know: asked, with its test points', async () => {
    const t = healthy();
    t['2.0.0.127.rbl.mail.neko.example A'] = ['127.0.0.2'];
    t[`${REV}.rbl.mail.neko.example A`] = ['127.0.0.2'];
    const r = await run(
      t,
      refusal(`554 5.7.1 <x[${IP}]>: Client host rejected: blocked using rbl.mail.neko.example; see http://mail.neko.example/rbl/`),
    );
    const s = steps(r, 'dnsbl.listed').find((x) => x.status === 'fail')!;
    expect(s.title).toMatch(/listed on rbl\.mail\.neko\.example/);
  });
});

describe('test points cost no extra wait', () => {
  it('a clean answer needs only the always-listed test point; a listing adds the never-listed one beside its TXT', async () => {
    const clean = tableResolver(healthy());
    await analyze(log(IP), { resolver: clean });
    expect(clean.asked).toContain('2.0.0.127.zen.spamhaus.org A');
    expect(clean.asked).not.toContain('1.0.0.127.zen.spamhaus.org A');
    const t = healthy();
    t[`${REV}.zen.spamhaus.org A`] = ['127.0.0.2'];
    const listed = tableResolver(t);
    await analyze(log(IP), { resolver: listed });
    const a = listed.asked;
    expect(a).toContain('1.0.0.127.zen.spamhaus.org A');
    // asked together, after the A answer
    expect(Math.abs(a.indexOf('1.0.0.127.zen.spamhaus.org A') - a.indexOf(`${REV}.zen.spamhaus.org TXT`))).toBe(1);
  });
});
