// The resolver engine against the project's DoH fixture server, one fault at
// a time: each must come back named for what it is, and a second resolver
// must be tried when the first fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DohResolver } from '../../../src/net/doh';
import { downResolverUrl, startDohServer, type DohServer } from '../../support/doh-server';
import { browserLikeFetch } from '../../support/browser-fetch';

const zone = {
  records: [
    { name: 'ok.example', type: 'A', data: '192.0.2.1', ttl: 120 },
    { name: 'slow.example', type: 'A', data: '192.0.2.2' },
    { name: 'hang.example', type: 'A', data: '192.0.2.3' },
  ],
  servfail: ['servfail.example'],
  refused: ['refused.example'],
  timeout: ['hang.example'],
  garbage: ['garbage.example'],
  wrongId: ['wrongid.example'],
  httpError: ['http500.example'],
  otherQuestion: ['other.example.test'],
  slow: { 'slow.example': 1500 },
};

let good: DohServer;
let noCors: DohServer;
let backup: DohServer;
let DOWN = ''; // nothing listens there: connection refused

beforeAll(async () => {
  DOWN = await downResolverUrl();
  good = await startDohServer({ zone });
  noCors = await startDohServer({ zone, noCors: true });
  backup = await startDohServer({ zone: { records: [{ name: 'servfail.example', type: 'A', data: '192.0.2.9' }, ...zone.records] } });
});
afterAll(async () => {
  await Promise.all([good.close(), noCors.close(), backup.close()]);
});

describe('each fault is reported as what it is', () => {
  it.each([
    ['servfail.example', 'SERVFAIL', undefined],
    ['refused.example', 'REFUSED', undefined],
    ['garbage.example', 'MALFORMED', 'MALFORMED'],
    ['wrongid.example', 'MALFORMED', 'MALFORMED'],
    ['other.example.test', 'MALFORMED', 'MALFORMED'],
    ['http500.example', 'HTTP', 'HTTP'],
    ['hang.example', 'TIMEOUT', 'TIMEOUT'],
    ['slow.example', 'TIMEOUT', 'TIMEOUT'], // answers after 1500 ms, past the 300 ms timeout
    ['nxdomain.example', 'NXDOMAIN', undefined],
  ])('%s → %s', async (name, rcode, failure) => {
    // a short timeout only where the timeout is the point (a loaded machine must not turn SERVFAIL into TIMEOUT)
    const timeoutMs = failure === 'TIMEOUT' ? 300 : 5000;
    const r = await new DohResolver({ endpoints: [good.url], timeoutMs }).resolve(name, 'A');
    expect(r.rcode).toBe(rcode);
    expect(r.failure).toBe(failure);
    expect(r.resolver).toBe(good.url);
    if (failure) expect(r.answers).toEqual([]);
  });

  it('names the wrong id and the other question in the error', async () => {
    const d = new DohResolver({ endpoints: [good.url] });
    expect((await d.resolve('wrongid.example', 'A')).error).toMatch(/wrong message id 4242/);
    expect((await d.resolve('other.example.test', 'A')).error).toMatch(/another question/);
  });

  it('a resolver that is down is NETWORK, not CORS', async () => {
    const r = await new DohResolver({ endpoints: [DOWN], fetch: browserLikeFetch }).resolve('ok.example', 'A');
    expect(r.failure).toBe('NETWORK');
    expect(r.error).toMatch(/could not reach/);
    // outside a browser the cause is there to see
    const node = await new DohResolver({ endpoints: [DOWN] }).resolve('ok.example', 'A');
    expect(node.error).toMatch(/could not reach.*ECONNREFUSED/);
  });

  it('a resolver that refuses cross-origin pages is CORS (browser-like fetch)', async () => {
    const r = await new DohResolver({ endpoints: [noCors.url], fetch: browserLikeFetch }).resolve('ok.example', 'A');
    expect(r.failure).toBe('CORS');
    expect(r.error).toMatch(/cross-origin/);
  });

  it('offline: nothing is sent and the answer says OFFLINE', async () => {
    const before = good.seen.length;
    const d = new DohResolver({ endpoints: [good.url], isOffline: () => true });
    const r = await d.resolve('ok.example', 'A');
    expect(r.failure).toBe('OFFLINE');
    expect(d.sent).toBe(0);
    expect(good.seen.length).toBe(before);
  });

  it('passes the AD flag through', async () => {
    const signed = await startDohServer({ zone: { ...zone, ad: true } });
    try {
      expect((await new DohResolver({ endpoints: [signed.url] }).resolve('ok.example', 'A')).ad).toBe(true);
      expect((await new DohResolver({ endpoints: [good.url] }).resolve('ok.example', 'A')).ad).toBe(false);
    } finally {
      await signed.close();
    }
  });
});

describe('fallback to the next resolver', () => {
  it.each([
    ['down', 'DOWN', 'ok.example', 'NOERROR'],
    ['refusing CORS', 'NOCORS', 'ok.example', 'NOERROR'],
    ['hanging', 'GOOD', 'hang.example', 'NOERROR'],
    ['answering garbage', 'GOOD', 'garbage.example', 'NXDOMAIN'],
    ['answering SERVFAIL', 'GOOD', 'servfail.example', 'NOERROR'],
  ])('first resolver %s → the second answers', async (_what, first, name, rcode) => {
    const url = first === 'NOCORS' ? noCors.url : first === 'GOOD' ? good.url : DOWN;
    const d = new DohResolver({ endpoints: [url, backup.url], timeoutMs: name === 'hang.example' ? 300 : 5000, fetch: browserLikeFetch });
    const r = await d.resolve(name, 'A');
    expect(r.resolver).toBe(backup.url);
    expect(r.failure).toBeUndefined();
    expect(r.rcode).toBe(rcode);
    expect(r.attempts?.map((a) => a.resolver)).toEqual([url, backup.url]);
  });

  it('all resolvers failing gives the failure, with every try in the error', async () => {
    const r = await new DohResolver({ endpoints: [DOWN, good.url], timeoutMs: 200 }).resolve('hang.example', 'A');
    expect(r.failure).toBe('TIMEOUT');
    expect(r.error).toContain(DOWN);
    expect(r.error).toContain(good.url);
  });

  it('a DNS answer (SERVFAIL) beats a transport failure when every resolver fails', async () => {
    const r = await new DohResolver({ endpoints: [good.url, DOWN] }).resolve('servfail.example', 'A');
    expect(r.rcode).toBe('SERVFAIL');
    expect(r.failure).toBeUndefined();
  });

  it('an unreachable resolver is tried last for a while', async () => {
    const d = new DohResolver({ endpoints: [DOWN, good.url] });
    await d.resolve('ok.example', 'A');
    const sentBefore = d.sent;
    const r = await d.resolve('other-name.example', 'A');
    expect(r.resolver).toBe(good.url);
    expect(d.sent - sentBefore).toBe(1);
  });
});
