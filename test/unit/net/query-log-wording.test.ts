import { describe, expect, it } from 'vitest';
import { answerText, isFailure, isTestPoint, timeText } from '../../../src/ui/dns/describe';
import type { DnsLogEntry } from '../../../src/core/types';

const e = (x: Partial<DnsLogEntry>): DnsLogEntry => ({
  resolver: 'r',
  name: 'x.example',
  type: 'A',
  rcode: 'NOERROR',
  answers: [],
  ms: 12,
  ...x,
});

describe('query log wording', () => {
  it.each([
    [e({ answers: ['192.0.2.1'] }), '192.0.2.1'],
    [e({}), 'no records (NODATA)'],
    [e({ rcode: 'NXDOMAIN' }), 'no such name (NXDOMAIN)'],
    [e({ rcode: 'CORS' }), 'CORS: resolver refuses this page (cross-origin)'],
    [e({ rcode: 'SERVFAIL' }), 'SERVFAIL: the resolver failed (SERVFAIL)'],
    [e({ rcode: 'BADCOOKIE' }), 'BADCOOKIE'],
  ])('%j → %s', (entry, text) => expect(answerText(entry)).toBe(text));

  it('marks failures, test points and cached answers', () => {
    expect(isFailure(e({ rcode: 'TIMEOUT' }))).toBe(true);
    expect(isFailure(e({ rcode: 'NXDOMAIN' }))).toBe(false);
    expect(isTestPoint(e({ name: '2.0.0.127.zen.spamhaus.org' }))).toBe(true);
    expect(isTestPoint(e({ name: 'invalid.multi.uribl.com' }))).toBe(true);
    expect(isTestPoint(e({ name: '2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.zen.spamhaus.org' }))).toBe(true);
    expect(isTestPoint(e({ name: '7.100.51.198.zen.spamhaus.org' }))).toBe(false);
    expect(timeText(e({ cached: true }))).toBe('cache');
    expect(timeText(e({}))).toBe('12 ms');
  });
});
