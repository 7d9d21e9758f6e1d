// A listing's own questions (its TXT, and the never-listed test point that
// vouches for it) go out as soon as the listing is in, not after the
// always-listed test point asked beside it: a slow probe must not lengthen the
// chain of dependent questions.
import { describe, expect, it } from 'vitest';
import { askDnsbl } from '../../../src/core/dns/dnsbl-query';
import { Lookup } from '../../../src/core/dns/lookup';
import { findDnsbl } from '../../../src/core/knowledge/dnsbl-registry';
import type { DnsResponse, Resolver, RRType } from '../../../src/core/dns/resolver';
import { tableResolver } from '../../support/table-resolver';

describe('the stages of a DNSBL question', () => {
  it('the TXT of a listing is asked while the test point is still unanswered', async () => {
    const table = tableResolver({
      '2.0.113.203.zen.spamhaus.org A': ['127.0.0.2'],
      '2.0.113.203.zen.spamhaus.org TXT': ['https://check.spamhaus.org/'],
      '2.0.0.127.zen.spamhaus.org A': ['127.0.0.2'],
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const resolver: Resolver = {
      async resolve(name: string, type: RRType): Promise<DnsResponse> {
        order.push(`${name} ${type}`);
        if (name === '2.0.0.127.zen.spamhaus.org') await gate;
        return table.resolve(name, type);
      },
    };
    const dns = new Lookup(resolver, () => new Date(0), 50);
    const done = askDnsbl(dns, findDnsbl('zen.spamhaus.org') ?? null, 'zen.spamhaus.org', '203.113.0.2', 'ipv4');
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toContain('2.0.113.203.zen.spamhaus.org TXT');
    expect(order).toContain('1.0.0.127.zen.spamhaus.org A');
    release();
    const answer = await done;
    expect(answer.verdict).toBe('listed');
    expect(answer.txt).toBe('https://check.spamhaus.org/');
  });
});
