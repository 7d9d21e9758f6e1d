// A full diagnosis over real HTTP: the DoH requests that reach the fixture
// server are exactly the distinct questions in the report's query log — each
// once, nothing unlogged, nothing logged that was not sent.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { DohResolver } from '../../../src/net/doh';
import { startDohServer, type DohServer, type Zone } from '../../support/doh-server';

const dir = new URL('../../fixtures/cases/mdaemon-554/', import.meta.url);
const input = readFileSync(new URL('input.log', dir), 'utf8');
const seedZone = JSON.parse(readFileSync(new URL('zone.json', dir), 'utf8')) as Zone;

/** The seed sender with a PTR to confirm and a listing to explain: questions that depend on answers. */
const chainZone: Zone = {
  records: [
    ...(seedZone.records ?? []),
    { name: '135.72.78.80.in-addr.arpa', type: 'PTR', data: 'mail.example.org' },
    { name: 'mail.example.org', type: 'A', data: '80.78.72.135' },
    { name: '135.72.78.80.bl.spamcop.net', type: 'A', data: '127.0.0.2' },
    { name: '135.72.78.80.bl.spamcop.net', type: 'TXT', data: 'Blocked - see https://www.spamcop.net/bl.shtml?80.78.72.135' },
  ],
};

let server: DohServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const sorted = (xs: string[]) => [...xs].sort();

describe('DoH requests = distinct questions of the report', () => {
  it.each([
    ['the seed case', seedZone, false],
    ['the seed case with PTR→A and a listing→TXT', chainZone, false],
    ['the seed case against a fixture that turns NXDOMAIN into NODATA', seedZone, true],
  ])('%s', async (_name, zone, rcodeAsNoerror) => {
    server = await startDohServer({ zone, rcodeAsNoerror, delay: 5 });
    const resolver = new DohResolver({ endpoints: [server.url] });
    const report = await analyze(input, { resolver });
    const asked = report.dns.map((d) => `${d.name} ${d.type}`);
    const sent = server.seen.map((s) => `${s.name} ${s.type}`);
    expect(new Set(asked).size).toBe(asked.length);
    expect(sorted(sent)).toEqual(sorted(asked));
    expect(resolver.sent).toBe(sent.length);
    expect(report.checklist[0].rule).toBe('smtp.not-compliant');
  });

  it('a second diagnosis with the same resolver is answered from the cache, and says so', async () => {
    server = await startDohServer({ zone: { ...seedZone, negativeTtl: 60 } });
    const resolver = new DohResolver({ endpoints: [server.url] });
    const first = await analyze(input, { resolver });
    const sentAfterFirst = server.seen.length;
    const second = await analyze(input, { resolver });
    expect(server.seen.length).toBe(sentAfterFirst);
    expect(second.dns.length).toBe(first.dns.length);
    expect(second.dns.every((d) => d.cached)).toBe(true);
    expect(second.checklist.map((s) => `${s.rule}:${s.status}`)).toEqual(first.checklist.map((s) => `${s.rule}:${s.status}`));
  });

  it('the chain case finds the listing and the forward-confirmed PTR', async () => {
    server = await startDohServer({ zone: chainZone });
    const r = await analyze(input, { resolver: new DohResolver({ endpoints: [server.url] }) });
    const listed = r.checklist.find((s) => s.rule === 'dnsbl.listed' && s.status === 'fail')!;
    expect(listed.title).toMatch(/80\.78\.72\.135 is listed on SpamCop/);
    expect(listed.evidence.map((e) => e.text).join(' ')).toContain('https://www.spamcop.net/bl.shtml?80.78.72.135');
    expect(r.checklist.find((s) => s.rule === 'ptr.mismatch')?.status).toBe('pass');
  });
});
