// The resolver engine's bookkeeping: the TTL cache, in-flight de-duplication
// and the concurrency limit, against the project's DoH fixture server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DohResolver } from '../../../src/net/doh';
import { DnsCache } from '../../../src/net/cache';
import { Limiter } from '../../../src/net/limiter';
import { downResolverUrl, startDohServer, type DohServer } from '../../support/doh-server';

let server: DohServer;
beforeAll(async () => {
  server = await startDohServer({
    zone: {
      records: [
        { name: 'short.example', type: 'A', data: '192.0.2.1', ttl: 5 },
        { name: 'long.example', type: 'A', data: '192.0.2.2', ttl: 3600 },
        ...Array.from({ length: 20 }, (_, i) => ({ name: `n${i}.example`, type: 'A', data: `192.0.2.${i + 10}` })),
      ],
      negativeTtl: 30,
    },
    delay: 30,
  });
});
afterAll(() => server.close());

const countSeen = (name: string) => server.seen.filter((s) => s.name === name).length;

describe('TTL cache', () => {
  it('answers from the cache until the TTL runs out, then asks again', async () => {
    let now = 0;
    const d = new DohResolver({ endpoints: [server.url], clock: () => now });
    const first = await d.resolve('short.example', 'A');
    expect(first.cached).toBeUndefined();
    now = 4000;
    const again = await d.resolve('short.example', 'A');
    expect(again.cached).toBe(true);
    expect(again.answers[0]).toMatchObject({ data: '192.0.2.1', ttl: 1 }); // TTL counted down
    expect(countSeen('short.example')).toBe(1);
    now = 5001;
    const fresh = await d.resolve('short.example', 'A');
    expect(fresh.cached).toBeUndefined();
    expect(countSeen('short.example')).toBe(2);
  });

  it('caches NXDOMAIN for the SOA minimum (RFC 2308), and never caches failures', async () => {
    let now = 0;
    const d = new DohResolver({ endpoints: [server.url, await downResolverUrl()], clock: () => now });
    expect((await d.resolve('nowhere.example', 'A')).rcode).toBe('NXDOMAIN');
    now = 29_000;
    expect((await d.resolve('nowhere.example', 'A')).cached).toBe(true);
    now = 30_001;
    expect((await d.resolve('nowhere.example', 'A')).cached).toBeUndefined();
    const down = new DohResolver({ endpoints: [await downResolverUrl()] });
    expect((await down.resolve('long.example', 'A')).failure).toBe('NETWORK');
    expect(down.sent).toBe(1);
    await down.resolve('long.example', 'A');
    expect(down.sent).toBe(2);
  });

  it('does not cache a negative answer without an SOA (RFC 2308 §5)', () => {
    const c = new DnsCache(() => 0);
    c.put('x/A', { name: 'x', type: 'A', rcode: 'NXDOMAIN', answers: [], ad: false, resolver: 'r', ms: 1 }, null);
    expect(c.get('x/A')).toBeNull();
  });
});

describe('in-flight de-duplication', () => {
  it('the same question asked many times at once goes on the wire once', async () => {
    const d = new DohResolver({ endpoints: [server.url], cache: false });
    const before = countSeen('long.example');
    const answers = await Promise.all(Array.from({ length: 10 }, () => d.resolve('LONG.example.', 'A')));
    expect(answers.every((a) => a.answers[0]?.data === '192.0.2.2')).toBe(true);
    expect(countSeen('long.example') - before).toBe(1);
    expect(d.sent).toBe(1);
  });

  it('a caller that cancels gets CANCELLED; the others still get the answer', async () => {
    const d = new DohResolver({ endpoints: [server.url], cache: false });
    const ctrl = new AbortController();
    const a = d.resolve('n1.example', 'A', ctrl.signal);
    const b = d.resolve('n1.example', 'A');
    ctrl.abort();
    expect((await a).failure).toBe('CANCELLED');
    expect((await b).answers[0]?.data).toBe('192.0.2.11');
  });
});

describe('concurrency limit', () => {
  it('never has more than maxConcurrent requests on the wire', async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('queues the rest: 20 questions with a limit of 4 take about 5 rounds', async () => {
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (...a) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(...a);
      } finally {
        inFlight--;
      }
    };
    const d = new DohResolver({ endpoints: [server.url], maxConcurrent: 4, fetch: counting });
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => d.resolve(`n${i}.example`, 'A')));
    expect(rs.every((r) => r.rcode === 'NOERROR')).toBe(true);
    expect(peak).toBe(4);
  });

  it('rejects a nonsensical limit', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});
