// The view the worker builds for the page: steps with their fix lines cut
// into code, sources as links, pending steps in a partial report, the
// message view's knowledge, and the text for "Copy as text".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../../src/core/index';
import { tableResolver } from '../../support/table-resolver';
import type { PartialReport } from '../../../src/core/types';
import { buildView } from '../../../src/worker/view/build';
import { sourceView } from '../../../src/worker/view/sources';

const cases = path.join(import.meta.dirname, '../../fixtures/cases');
const SEED = readFileSync(path.join(cases, 'mdaemon-554/input.log'), 'utf8');

describe('sourceView', () => {
  it.each([
    [
      'https://support.google.com/a/answer/81126 (Gmail sender guidelines: PTR and forward DNS)',
      { text: 'Gmail sender guidelines: PTR and forward DNS — support.google.com', href: 'https://support.google.com/a/answer/81126' },
    ],
    [
      'http://www.postfix.org/postconf.5.html#reject_non_fqdn_helo_hostname',
      { text: 'postfix.org/postconf.5.html', href: 'http://www.postfix.org/postconf.5.html#reject_non_fqdn_helo_hostname' },
    ],
    [
      'RFC 5321 §4.1.1.1 (EHLO takes the FQDN of the client, or an address literal)',
      {
        text: 'RFC 5321 §4.1.1.1 (EHLO takes the FQDN of the client, or an address literal)',
        href: 'https://www.rfc-editor.org/rfc/rfc5321#section-4.1.1.1',
      },
    ],
    ['RFC 5782 §5 (test points)', { text: 'RFC 5782 §5 (test points)', href: 'https://www.rfc-editor.org/rfc/rfc5782#section-5' }],
    ['RFC 7489', { text: 'RFC 7489', href: 'https://www.rfc-editor.org/rfc/rfc7489' }],
    ['MDaemon help, Server Settings » Servers', { text: 'MDaemon help, Server Settings » Servers', href: null }],
  ])('%s', (s, want) => {
    expect(sourceView(s)).toEqual(want);
  });
});

describe('buildView', () => {
  it('gives every step ready to draw, in the report order', async () => {
    const report = await analyze(SEED);
    const v = buildView(report);
    expect(v.steps.map((s) => [s.rule, s.status])).toEqual(report.checklist.map((s) => [s.rule, s.status]));
    expect(v.pending).toBe(false);
    const ptr = v.steps.find((s) => s.rule === 'ptr.missing')!;
    expect(ptr.key).toBe(`ptr.missing|${ptr.title}`);
    expect(ptr.verify.flat().some((p) => p.kind === 'code' && p.copy.startsWith('dig -x 80.78.72.135'))).toBe(true);
    expect(ptr.sources.some((s) => s.href === 'https://support.google.com/a/answer/81126')).toBe(true);
    expect(v.steps[0].statusWords).toBe('Problem');
    expect(v.text).toMatch(/^Input: mdaemon-log \(30 lines\)/);
    expect(v.message).toBeNull();
  });

  it('marks the steps that wait for DNS answers pending in a partial report, and only those', async () => {
    const partials: PartialReport[] = [];
    // answers that take a moment, so that the first partial comes before them
    const table = tableResolver({});
    const slow = {
      resolve: (n: string, t: Parameters<typeof table.resolve>[1]) =>
        new Promise<Awaited<ReturnType<typeof table.resolve>>>((ok) => setTimeout(() => ok(table.resolve(n, t)), 30)),
    };
    await analyze(SEED, { resolver: slow, onPartial: (p) => partials.push(structuredClone(p)) });
    const first = partials[0];
    expect(first.checklist.some((s) => s.pending)).toBe(true);
    const v = buildView(first);
    expect(v.pending).toBe(true);
    for (const [i, s] of v.steps.entries()) expect(s.status === 'pending').toBe(first.checklist[i].pending === true);
    expect(v.steps.find((s) => s.rule === 'smtp.not-compliant')!.status).toBe('fail');
    expect(v.steps.find((s) => s.status === 'pending')!.statusWords).toBe('Checking…');
    expect(v.verdict.counts.pending).toBe(v.steps.filter((s) => s.status === 'pending').length);
  });

  it("gives a message's header fields and recorded results their meaning", async () => {
    const input = readFileSync(path.join(import.meta.dirname, '../../../public/examples/outlook-junk-headers.txt'), 'utf8');
    const report = await analyze(input);
    const v = buildView(report);
    expect(v.message).not.toBeNull();
    const headers = report.message!.headers;
    expect(v.message!.headerInfo).toHaveLength(headers.length);
    const received = headers.findIndex((h) => h.name.toLowerCase() === 'received');
    expect(v.message!.headerInfo[received]?.source).toMatch(/rfc5321/);
    expect(v.message!.authMeanings.some((m) => typeof m === 'string' && m.length > 0)).toBe(true);
  });

  it('draws no message view for a tampered shared report', async () => {
    const report = await analyze(SEED);
    const v = buildView({ ...report, message: { summary: 'nope' } as never });
    expect(v.message).toBeNull();
  });
});
