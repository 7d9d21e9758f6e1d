// No contradictions about blocklists (issue 11 point 6): a refusal naming a
// dead list is explained by dnsbl.defunct alone; a listing the receiver
// refused for stands as a failure when DNS now cannot confirm it, with the
// live check's "could not decide" beside it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { tableResolver } from '../../support/table-resolver';
import type { Report } from '../../../src/core/types';

const bounce = (zone: string) =>
  `<bob@example.net>: host mx.example.net[192.0.2.5] said: 554 5.7.1 Service unavailable; Client host [198.51.100.77] blocked using ${zone} (in reply to RCPT TO command)`;
const firstProblem = (r: Report) => r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
const SPAMHAUS_REFUSES_PUBLIC = tableResolver({
  '77.100.51.198.zen.spamhaus.org A': ['127.255.255.254'],
  '2.0.0.127.zen.spamhaus.org A': ['127.255.255.254'],
});

describe('a refusal that names a dead list', () => {
  it.each([['dnsbl.sorbs.net'], ['relays.ordb.org'], ['dnsbl.ahbl.org']])(
    '%s: dnsbl.defunct leads, and no step asks to delist',
    async (zone) => {
      for (const opts of [{}, { resolver: SPAMHAUS_REFUSES_PUBLIC }]) {
        const r = await analyze(bounce(zone), opts);
        expect(firstProblem(r)?.rule).toBe('dnsbl.defunct');
        expect(r.checklist.some((s) => s.rule === 'dnsbl.listed' && (s.status === 'fail' || s.status === 'warn'))).toBe(false);
        const advice = r.checklist.flatMap((s) => s.fix).join(' ');
        expect(advice).not.toMatch(/find what sent the spam|request removal/i);
      }
    },
  );

  it('a live list named in the refusal is a listing, not a dead one', async () => {
    const r = await analyze(bounce('bl.spamcop.net'));
    expect(r.checklist.some((s) => s.rule === 'dnsbl.defunct')).toBe(false);
    expect(r.checklist.find((s) => s.rule === 'dnsbl.listed')?.status).toBe('fail');
  });
});

describe('a listing the receiver refused for, that DNS now cannot confirm', () => {
  it('is a failure (the refusal is the evidence), with the live check inconclusive beside it', async () => {
    const r = await analyze(bounce('zen.spamhaus.org'), { resolver: SPAMHAUS_REFUSES_PUBLIC });
    const listed = r.checklist.find((s) => s.rule === 'dnsbl.listed')!;
    expect(listed).toMatchObject({ status: 'fail', retry: true });
    expect(listed.evidence.map((e) => e.text).join(' ')).toMatch(/DNS now could not decide/);
    expect(r.checklist.find((s) => s.rule === 'dnsbl.inconclusive')?.status).toBe('inconclusive');
  });
});
