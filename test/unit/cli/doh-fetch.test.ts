// The CLI's DoH transport: one HTTP/2 session per https resolver, every
// question a stream on it, with the engine's size limit, faults and aborts as
// through fetch; http:// and resolvers without HTTP/2 go to Node's fetch.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { DohResolver } from '../../../src/net/doh';
import { http2Fetch } from '../../../src/cli/doh-fetch';
import { encodeQuery } from '../../../src/net/wire';
import { downResolverUrl, startDohServer, throwawayCertificate, type DohServer, type Zone } from '../../support/doh-server';

const dir = new URL('../../fixtures/cases/mdaemon-554/', import.meta.url);
const input = readFileSync(new URL('input.log', dir), 'utf8');
const zone = JSON.parse(readFileSync(new URL('zone.json', dir), 'utf8')) as Zone;

let h2: DohServer;
let h1: DohServer;
beforeAll(async () => {
  h2 = await startDohServer({
    zone: { ...zone, faults: { 'junk.example': 'junk', 'hang.example': 'hang', 'tc.example': 'tc' } },
    h2: true,
    junkBytes: 4 * 1048576,
  });
  h1 = await startDohServer({ zone: { ...zone, faults: { 'hang.example': 'hang' } } });
});
afterAll(async () => {
  await Promise.all([h2.close(), h1.close()]);
});

const ca = () => throwawayCertificate().cert;

describe('HTTP/2 to an https resolver', () => {
  it('a whole diagnosis: every question is a stream of one session, answered as over fetch', async () => {
    let fellBack = 0;
    const f = http2Fetch({ ca: ca(), fallback: (...a) => (fellBack++, fetch(...a)) });
    const over2 = await analyze(input, { resolver: new DohResolver({ endpoints: [h2.url], connectionsPerEndpoint: Infinity, fetch: f }) });
    const over1 = await analyze(input, { resolver: new DohResolver({ endpoints: [h1.url] }) });
    expect(fellBack).toBe(0);
    expect(over2.dns.length).toBe(over1.dns.length);
    expect(over2.dns.every((q) => q.rcode !== 'NETWORK' && q.rcode !== 'TIMEOUT')).toBe(true);
    expect(over2.checklist.map((s) => `${s.rule}:${s.status}`)).toEqual(over1.checklist.map((s) => `${s.rule}:${s.status}`));
  });

  it('hands answers on one per turn of the event loop (a question an answer leads to is written before the next is read)', async () => {
    const f = http2Fetch({ ca: ca() });
    let turn = 0;
    let spinning = true;
    const spin = () => {
      turn++;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    const asked = Array.from({ length: 8 }, (_, i) =>
      f(`${h2.url}?dns=${encodeQuery(`q${i}.example.org`, 'A')}`, { headers: { accept: 'application/dns-message' } }).then(
        (r) => (expect(r.status).toBe(200), turn),
      ),
    );
    const turns = await Promise.all(asked);
    spinning = false;
    expect(new Set(turns).size).toBe(turns.length);
  });

  it('the size limit, a truncated answer and a timeout work over it', async () => {
    const d = new DohResolver({ endpoints: [h2.url], timeoutMs: 300, fetch: http2Fetch({ ca: ca() }) });
    expect((await d.resolve('junk.example', 'TXT')).error).toMatch(/larger than a DNS message/);
    expect((await d.resolve('tc.example', 'TXT')).error).toMatch(/truncated/);
    const hung = await d.resolve('hang.example', 'TXT');
    expect(hung.failure).toBe('TIMEOUT');
    // the session survives a cancelled stream
    expect((await d.resolve('example.org', 'TXT')).rcode).toBe('NOERROR');
  });

  it('a resolver that is down is NETWORK; an untrusted certificate is NETWORK too, never an answer', async () => {
    const down = (await downResolverUrl()).replace('http:', 'https:');
    const r = await new DohResolver({ endpoints: [down], fetch: http2Fetch() }).resolve('example.org', 'TXT');
    expect(r.failure).toBe('NETWORK');
    expect(r.error).toMatch(/ECONNREFUSED/);
    const untrusted = await new DohResolver({ endpoints: [h2.url], fetch: http2Fetch() }).resolve('example.org', 'TXT');
    expect(untrusted.failure).toBe('NETWORK');
  });

  it('http:// goes to the fallback fetch', async () => {
    let fellBack = 0;
    const f = http2Fetch({ fallback: (...a) => (fellBack++, fetch(...a)) });
    expect((await new DohResolver({ endpoints: [h1.url], fetch: f }).resolve('example.org', 'TXT')).rcode).toBe('NOERROR');
    expect(fellBack).toBeGreaterThan(0);
  });
});

describe('close()', () => {
  it('abandons what is still asked, over HTTP/2 and the fallback, and refuses new questions', async () => {
    const f = http2Fetch({ ca: ca() });
    const asked = (url: string) =>
      f(`${url}?dns=${encodeQuery('hang.example', 'TXT')}`, { headers: { accept: 'application/dns-message' } }).then(
        () => 'answered',
        (e: Error) => e.name,
      );
    const overH2 = asked(h2.url);
    const overH1 = asked(h1.url);
    // the HTTP/2 stream is open on the session before close()
    await new Promise((r) => setTimeout(r, 100));
    f.close();
    expect(await overH2).toBe('AbortError');
    expect(await overH1).toBe('AbortError');
    expect(await asked(h2.url)).toBe('AbortError');
  });

  it('a session still connecting when closed ends the question instead of leaving it pending', async () => {
    const f = http2Fetch({ ca: ca() });
    const pending = f(`${h2.url}?dns=${encodeQuery('example.org', 'TXT')}`).then(
      () => 'answered',
      () => 'failed',
    );
    f.close();
    expect(await pending).toBe('failed');
  });
});
