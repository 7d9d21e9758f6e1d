// The seed case end to end through analyze(), with DNS answered by the
// project's DoH fixture server over real HTTP and the DoH transport.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { DohResolver } from '../../../src/net/doh';
import { downResolverUrl, startDohServer, type DohServer } from '../../support/doh-server';

const dir = new URL('../../fixtures/cases/mdaemon-554/', import.meta.url);
const input = readFileSync(new URL('input.log', dir), 'utf8');
const zone = JSON.parse(readFileSync(new URL('zone.json', dir), 'utf8'));
const fixedNow = () => new Date('2026-01-01T00:00:00Z');

let dns: DohServer;
beforeAll(async () => {
  dns = await startDohServer({ zone });
});
afterAll(() => dns.close());

describe('seed case: MDaemon 554 after DATA', () => {
  it('orders the checklist: not-compliant, dead ORDB, missing PTR, HELO; SPF passes', async () => {
    const r = await analyze(input, { resolver: new DohResolver({ endpoints: [dns.url] }), now: fixedNow });
    expect(r.inputs).toEqual([{ kind: 'mdaemon-log', lines: 30 }]);
    expect(r.rejections[0]).toMatchObject({ code: 554, stage: 'end-of-data', reason: 'notcompliantrfc', ip: '80.78.72.135', line: 27 });
    const steps = r.checklist.map((s) => `${s.rule}:${s.status}`);
    expect(steps.slice(0, 4)).toEqual(['smtp.not-compliant:fail', 'dnsbl.defunct:fail', 'ptr.missing:fail', 'helo.invalid:warn']);
    expect(steps).toContain('spf.fail:pass');
    expect(steps).not.toContain('dnsbl.listed:fail');
    const ptr = r.checklist.find((s) => s.rule === 'ptr.missing')!;
    expect(ptr.fix.join(' ')).toContain('135.72.78.80.in-addr.arpa');
    expect(ptr.verify).toContain('dig -x 80.78.72.135 +short');
    expect(ptr.verify).toContain('nslookup -type=PTR 135.72.78.80.in-addr.arpa');
    const ordb = r.checklist.find((s) => s.rule === 'dnsbl.defunct')!;
    expect(ordb.evidence[0].line).toBe(23);
    expect(ordb.fix[0]).toMatch(/DNS-BL.*Hosts.*relays\.ordb\.org/);
    // no PTR to take the HELO name from: the commands hold a blank, not a guessed name
    const helo = r.checklist.find((s) => s.rule === 'helo.invalid')!;
    expect(helo.verify).toContain('dig +short <new name> A');
    expect(helo.verify.join(' ')).not.toContain('mail.example.org');
  });

  it('logs every DNS question it asked, each once', async () => {
    dns.seen.length = 0;
    const r = await analyze(input, { resolver: new DohResolver({ endpoints: [dns.url] }), now: fixedNow });
    const asked = r.dns.map((d) => `${d.name} ${d.type}`);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toContain('135.72.78.80.in-addr.arpa PTR');
    expect(r.dns.find((d) => d.type === 'PTR')).toMatchObject({ rcode: 'NXDOMAIN', resolver: dns.url, at: '2026-01-01T00:00:00.000Z' });
    expect(dns.seen.length).toBe(asked.length);
  });

  it('offline, the live checks are inconclusive or rest on the log, never pass', async () => {
    const r = await analyze(input, {});
    expect(r.live).toBe(false);
    expect(r.dns).toEqual([]);
    const ptr = r.checklist.find((s) => s.rule === 'ptr.missing')!;
    expect(ptr.status).toBe('warn');
    expect(ptr.retry).toBe(true);
    expect(r.checklist.find((s) => s.rule === 'spf.missing')!.status).toBe('inconclusive');
    expect(r.checklist[0].rule).toBe('smtp.not-compliant');
  });

  it('a resolver that fails makes the PTR check inconclusive, not a pass or a plain fail', async () => {
    const r = await analyze(input, { resolver: new DohResolver({ endpoints: [await downResolverUrl()], timeoutMs: 500 }) });
    const ptr = r.checklist.find((s) => s.rule === 'ptr.missing')!;
    expect(ptr.status).toBe('warn'); // the receiver's own log still says "no PTR"
    expect(r.checklist.find((s) => s.rule === 'spf.missing')!.status).toBe('inconclusive');
    expect(r.dns.every((d) => d.rcode === 'NETWORK')).toBe(true);
  });
});

describe('inputs that are not mail', () => {
  it.each([
    ['', 'empty'],
    ['just some words\nand more words', 'not recognised'],
  ])('%j gives a warning and an empty checklist', async (text, warning) => {
    const r = await analyze(text);
    expect(r.inputs[0].kind).toBe('unknown');
    expect(r.warnings.join(' ')).toContain(warning);
    expect(r.checklist).toEqual([]);
  });
  it('refuses input over maxInputBytes with a clear message', async () => {
    const r = await analyze('x'.repeat(2000), { limits: { maxInputBytes: 1000 } });
    expect(r.warnings[0]).toMatch(/over the limit/);
  });
  it('rejects invalid limits (a bug in the caller, not bad input)', async () => {
    await expect(analyze('x', { limits: { maxDnsQueries: -1 } })).rejects.toThrow(/maxDnsQueries/);
  });
});
