import { describe, expect, it } from 'vitest';
import { DNSBL_REGISTRY, findDnsbl } from '../../../src/core/knowledge/dnsbl-registry';
import { meaningsOf } from '../../../src/core/dns/dnsbl-query';

describe('the DNSBL registry', () => {
  it('holds 30+ live lists, IP and domain, and the dead ones', () => {
    const alive = DNSBL_REGISTRY.filter((e) => e.status === 'alive');
    expect(alive.length).toBeGreaterThanOrEqual(30);
    expect(alive.some((e) => e.kind === 'domain')).toBe(true);
    for (const z of ['relays.ordb.org', 'dnsbl.sorbs.net', 'list.dsbl.org', 'dnsbl.ahbl.org', 'dnsbl.njabl.org']) {
      expect(findDnsbl(z)?.status).toBe('defunct');
    }
  });

  it('every entry has a source, a meaning, and a unique zone', () => {
    const zones = new Set<string>();
    for (const e of DNSBL_REGISTRY) {
      expect(e.sources.length, e.zone).toBeGreaterThan(0);
      expect(e.meaning, e.zone).toBeTruthy();
      expect(zones.has(e.zone), e.zone).toBe(false);
      zones.add(e.zone);
      for (const a of e.aliases ?? []) expect(zones.has(a), a).toBe(false);
      if (e.status === 'defunct') expect(e.defunct?.note, e.zone).toBeTruthy();
      for (const code of Object.keys({ ...e.codes, ...e.errorCodes })) expect(code).toMatch(/^127\.\d+\.\d+\.\d+$/);
    }
  });

  it.each([
    ['zen.spamhaus.org', '127.0.0.4', /XBL/],
    ['zen.spamhaus.org', '127.0.0.10', /PBL/],
    ['dbl.spamhaus.org', '127.0.1.2', /spam domain/],
    ['multi.surbl.org', '127.0.0.64', /ABUSE/],
    ['multi.uribl.com', '127.0.0.6', /black.*grey|grey.*black/],
    ['combined.mail.abusix.zone', '127.0.0.11', /generic rDNS/],
    ['bl.spamcop.net', '127.0.0.2', /SpamCop/],
  ])('%s %s means %s', (zone, code, meaning) => {
    expect(
      meaningsOf(findDnsbl(zone)!, [code])
        .map((m) => m.meaning)
        .join(' '),
    ).toMatch(meaning);
  });

  it('finds lists by alias, key-prefixed DQS zone, and case', () => {
    expect(findDnsbl('XBL.Spamhaus.org.')?.zone).toBe('zen.spamhaus.org');
    expect(findDnsbl('abcdefgh12345678.zen.dq.spamhaus.net')?.zone).toBe('zen.spamhaus.org');
    expect(findDnsbl('black.uribl.com')?.zone).toBe('multi.uribl.com');
    expect(findDnsbl('no.such.list.example')).toBeUndefined();
  });
});
