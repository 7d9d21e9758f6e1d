// A bounce from the sender's own server that names no IP (GMX "Bad DNS PTR
// resource record"): the refused server is the last one that handled the
// returned message, and its address is looked up before the live checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { readEvidence } from '../../../src/core/analyze';
import { findSubjects } from '../../../src/core/subjects';
import { tableResolver } from '../../support/table-resolver';

const text = (name: string) => readFileSync(new URL(`../../fixtures/real-shaped/${name}`, import.meta.url), 'utf8');

describe('the sending host of a bounce that names no IP', () => {
  it('is the newest hop of the returned message, by name', () => {
    expect(findSubjects(readEvidence(text('b14-gmx-ptr.eml'))).sendingHost).toEqual({ value: 'mail.example.net', line: 49 });
  });
  it('is not a big provider’s internal server, nor used when the refusal names the IP', () => {
    // Microsoft 365's NDR: internal hops only; the refusal names the IP anyway
    expect(findSubjects(readEvidence(text('b01-m365-pasted-outlook.txt'))).sendingHost ?? null).toBeNull();
    // a refusal about the recipient (user unknown) needs no sending IP
    expect(findSubjects(readEvidence(text('b34-outlook-forward-inline.txt'))).sendingHost ?? null).toBeNull();
  });
  it('its one address becomes the IP checked, and the report says so', async () => {
    const dns = tableResolver({ 'mail.example.net A': ['198.51.100.40'] });
    const r = await analyze(text('b14-gmx-ptr.eml'), { resolver: dns });
    expect(r.checklist[0]).toMatchObject({ rule: 'ptr.missing', status: 'fail' });
    expect(dns.asked).toContain('40.100.51.198.in-addr.arpa PTR');
    expect(r.warnings.join(' ')).toMatch(/198\.51\.100\.40, the address of mail\.example\.net/);
  });
  it('several addresses: no guess', async () => {
    const dns = tableResolver({ 'mail.example.net A': ['198.51.100.40', '198.51.100.41'] });
    const r = await analyze(text('b14-gmx-ptr.eml'), { resolver: dns });
    expect(dns.asked.some((q) => q.endsWith('in-addr.arpa PTR'))).toBe(false);
    // GMX's own words are the finding; the IP stays a visible blank
    expect(r.checklist[0]).toMatchObject({ rule: 'ptr.missing', status: 'fail' });
    expect(r.checklist[0].fix.join(' ')).toMatch(/<the sending IP>|<the reverse name of the sending IP>/);
  });
  it('a PTR refusal keeps its own step when DNS now shows a good PTR (fixed since, or another IP was refused)', async () => {
    const dns = tableResolver({
      'mail.example.net A': ['198.51.100.40'],
      '40.100.51.198.in-addr.arpa PTR': ['mail.example.net'],
    });
    const r = await analyze(text('b14-gmx-ptr.eml'), { resolver: dns });
    expect(r.checklist[0]).toMatchObject({ rule: 'smtp.ptr-required', status: 'fail' });
    expect(r.checklist.find((s) => s.rule === 'ptr.missing')?.status).toBe('pass');
  });
});
