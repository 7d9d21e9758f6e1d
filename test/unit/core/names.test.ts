import { describe, expect, it } from 'vitest';
import { dnsblName, isFQDN, isNonPublicIP, normalizeIP, parseIPv6, reverseName } from '../../../src/core/dns/names';

describe('reverseName', () => {
  it.each([
    ['80.78.72.135', '135.72.78.80.in-addr.arpa'],
    ['2001:db8::1', '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa'],
    ['not-an-ip', null],
    ['256.1.1.1', null],
  ])('%s → %s', (ip, want) => expect(reverseName(ip)).toBe(want));
});

describe('parseIPv6 / normalizeIP', () => {
  it.each([
    ['::1', '::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['IPv6:2001:db8::2', '2001:db8::2'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['192.0.2.1', '192.0.2.1'],
    ['2001:db8::1::2', null],
    ['1:2:3:4:5:6:7:8:9', null],
  ])('%s → %s', (ip, want) => expect(normalizeIP(ip)).toBe(want));
  it('keeps an embedded IPv4 tail', () => expect(parseIPv6('64:ff9b::192.0.2.33')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0221]));
});

describe('names', () => {
  it.each([
    ['accounting-pc', false],
    ['mail.example.com', true],
    ['mail.example.com.', true],
    ['1.2.3.4', false],
    ['bad_.example.com', true],
    ['-bad.example.com', false],
  ])('isFQDN(%s) = %s', (n, want) => expect(isFQDN(n)).toBe(want));
  it('dnsblName', () => expect(dnsblName('80.78.72.135', 'zen.spamhaus.org')).toBe('135.72.78.80.zen.spamhaus.org'));
  it.each([
    ['10.1.2.3', true],
    ['192.168.1.5', true],
    ['100.64.0.1', true],
    ['80.78.72.135', false],
    ['fe80::1', true],
    ['2001:db8::1', false],
  ])('isNonPublicIP(%s) = %s', (ip, want) => expect(isNonPublicIP(ip)).toBe(want));
});
