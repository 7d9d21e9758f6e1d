import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testResolver } from '../../../src/net/test-resolver';
import { downResolverUrl, startDohServer, type DohServer } from '../../support/doh-server';
import { browserLikeFetch } from '../../support/browser-fetch';

let ok: DohServer;
let noCors: DohServer;
beforeAll(async () => {
  ok = await startDohServer({ zone: { records: [{ name: 'example.com', type: 'A', data: '192.0.2.10' }], ad: true } });
  noCors = await startDohServer({ zone: { records: [{ name: 'example.com', type: 'A', data: '192.0.2.10' }] }, noCors: true });
});
afterAll(async () => {
  await Promise.all([ok.close(), noCors.close()]);
});

describe('testResolver (the settings test button)', () => {
  it('a working validating resolver', async () => {
    const t = await testResolver(ok.url, { fetch: browserLikeFetch });
    expect(t).toMatchObject({ ok: true, ad: true, rcode: 'NOERROR' });
    expect(t.message).toMatch(/DNSSEC-validated/);
  });
  it('a resolver that answers but cannot resolve (SERVFAIL) is not usable; NXDOMAIN is still an answer', async () => {
    const broken = await startDohServer({ zone: { servfail: ['example.com'] } });
    const empty = await startDohServer({ zone: {} });
    try {
      expect(await testResolver(broken.url)).toMatchObject({ ok: false, rcode: 'SERVFAIL' });
      expect(await testResolver(empty.url)).toMatchObject({
        ok: true,
        rcode: 'NXDOMAIN',
        message: expect.stringMatching(/does not exist/),
      });
    } finally {
      await Promise.all([broken.close(), empty.close()]);
    }
  });
  it('a resolver refusing cross-origin requests', async () => {
    expect(await testResolver(noCors.url, { fetch: browserLikeFetch })).toMatchObject({ ok: false, failure: 'CORS' });
  });
  it('a resolver that is down', async () => {
    expect(await testResolver(await downResolverUrl(), { fetch: browserLikeFetch })).toMatchObject({
      ok: false,
      failure: 'NETWORK',
    });
  });
  it.each([['not a url'], ['http://dns.example/dns-query'], ['https://dns.example/dns-query?dns=AAAB'], ['ftp://dns.example/']])(
    'refuses %s before sending anything',
    async (url) => {
      const t = await testResolver(url);
      expect(t.ok).toBe(false);
      expect(t.invalid).toBeTruthy();
    },
  );
});
