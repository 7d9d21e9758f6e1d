// One diagnosis waits for DNS at most limits.dnsDeadlineMs: what is still
// unanswered then is inconclusive, with a message, and nothing more is asked.
// (A resolver answering in 3.9 s and a 50-level SPF include chain once held
// one analysis for 53 s.)
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { Lookup } from '../../../src/core/dns/lookup';
import type { DnsResponse, Resolver, RRType } from '../../../src/core/dns/resolver';
import { tableResolver, type Table } from '../../support/table-resolver';

function slow(inner: Resolver, ms: number): Resolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async resolve(name: string, type: RRType): Promise<DnsResponse> {
      asked.push(`${name} ${type}`);
      await new Promise((r) => setTimeout(r, ms));
      return inner.resolve(name, type);
    },
  };
}

const hang: Resolver = { resolve: () => new Promise<DnsResponse>(() => undefined) };

describe('the DNS deadline of one diagnosis', () => {
  it('ends a question still unanswered, logs it, and answers later questions without asking', async () => {
    const dns = new Lookup(hang, () => new Date(0), 50, { deadlineMs: 100 });
    const r = await dns.query('example.org', 'TXT');
    expect(r.failure).toBe('DEADLINE');
    expect(r.error).toMatch(/time limit/);
    expect(dns.log.map((e) => e.rcode)).toEqual(['DEADLINE']);
    expect(dns.unansweredAtDeadline).toBe(1);
    const asked: string[] = [];
    const after = await new Lookup({ resolve: async (n, t) => (asked.push(n), hang.resolve(n, t)) }, () => new Date(0), 50, {
      deadlineMs: 1,
    });
    await new Promise((res) => setTimeout(res, 20));
    expect((await after.query('late.example', 'A')).failure).toBe('DEADLINE');
    expect(asked).toEqual([]);
    dns.finish();
    after.finish();
  });

  it('a 50-level SPF include chain answered slowly: SPF is inconclusive when the time is up, and the report says why', async () => {
    const input =
      'Nov 26 18:22:06 mx postfix/smtpd[15521]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 550 5.7.23 <anna@example.com>: Recipient address rejected: SPF fail; from=<info@chain.example> to=<anna@example.com> proto=ESMTP helo=<mail.chain.example>';
    const table: Table = { 'chain.example TXT': ['v=spf1 include:l1.chain.example -all'] };
    for (let i = 1; i < 50; i++) table[`l${i}.chain.example TXT`] = [`v=spf1 include:l${i + 1}.chain.example -all`];
    table['l50.chain.example TXT'] = ['v=spf1 ip4:192.0.2.1 -all'];
    const resolver = slow(tableResolver(table), 60);
    const report = await analyze(input, { resolver, limits: { dnsDeadlineMs: 300 } });
    // (the SPF fail the refusal itself states is the server's own record, a step of its own: the live check is the other one)
    const live = report.checklist.filter((s) => !/recorded/.test(s.title));
    const spf = live.find((s) => s.rule === 'spf.fail')!;
    expect(spf.status).toBe('inconclusive');
    expect(report.warnings.join(' ')).toMatch(/DNS took longer than the 300 ms this diagnosis waits: 1 question was still unanswered/);
    expect(report.dns.some((e) => e.rcode === 'DEADLINE')).toBe(true);
    // the chain was cut where the time ran out: far fewer than 50 levels were asked
    expect(resolver.asked.filter((q) => q.endsWith('.chain.example TXT')).length).toBeLessThan(10);
    // no verdict on the evaluation or the lookup count from a cut chain
    const verdicts = live.filter((s) => ['spf.fail', 'spf.softfail', 'spf.permerror'].includes(s.rule) && s.status !== 'inconclusive');
    expect(verdicts.map((s) => `${s.rule}:${s.status}`)).toEqual([]);
  });

  it('limits.dnsDeadlineMs is validated; 0 means none', async () => {
    await expect(analyze('x', { limits: { dnsDeadlineMs: -5 } })).rejects.toThrow(/dnsDeadlineMs/);
    const r = slow(tableResolver({}), 5);
    const report = await analyze(
      'Nov 26 18:22:06 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 Service unavailable; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>',
      { resolver: r, limits: { dnsDeadlineMs: 0 } },
    );
    expect(report.dns.some((e) => e.rcode === 'DEADLINE')).toBe(false);
  });
});
