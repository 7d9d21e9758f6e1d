// Permalinks: a link round-trips; the reports Mailmedic makes are accepted as
// findings; a link whose findings are malformed anywhere the page reads them
// item by item is refused with a message (the page would otherwise draw half
// a report or stop); oversized and corrupt data are refused.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { decodeBytes } from '../../../src/core/text/decode';
import {
  DEFAULT_PERMALINK_LIMITS,
  decodePermalink,
  encodePermalink,
  PERMALINK_PREFIX,
  type SharedState,
} from '../../../src/core/share/permalink';
import { platformCompression } from '../../../src/worker/compression';
import type { Report } from '../../../src/core/types';

const root = path.join(import.meta.dirname, '../../fixtures/cases');
const cases = readdirSync(root).filter((d) => existsSync(path.join(root, d, 'expect.json')));

async function reportOf(name: string): Promise<Report> {
  const dir = path.join(root, name);
  const input = ['input.txt', 'input.log', 'input.eml'].map((f) => path.join(dir, f)).find((f) => existsSync(f))!;
  return analyze(decodeBytes(new Uint8Array(readFileSync(input))), { exactBytes: true });
}

const state = (report: unknown): SharedState =>
  ({ v: 1, mode: 'findings', report, done: [], dns: [], created: '2025-01-01T00:00:00Z' }) as SharedState;
/** A link made by hand, as anyone can. */
const rawLink = (x: unknown) => PERMALINK_PREFIX + deflateRawSync(Buffer.from(JSON.stringify(x))).toString('base64url');

describe('permalinks', () => {
  it.each(cases)('the report of %s travels as findings and comes back equal', async (name) => {
    const report = await reportOf(name);
    const link = await encodePermalink(state(report), platformCompression);
    const back = await decodePermalink(link, platformCompression);
    expect(back).toEqual({ ok: true, state: JSON.parse(JSON.stringify(state(report))) });
  });

  describe('a findings link malformed where the page reads item by item is refused', async () => {
    const good = await reportOf('mdaemon-554');
    // small steps, as a crafted link would carry (real ones would pass the JSON size limit first)
    const step = { rule: 'smtp.rejected', status: 'fail', title: 't', evidence: [], fix: [], verify: [] };
    const variants: [string, (r: Report) => unknown][] = [
      ['an evidence item is null', (r) => ({ ...r, checklist: [{ ...step, evidence: [null] }] })],
      ['an evidence line is text', (r) => ({ ...r, checklist: [{ ...step, evidence: [{ text: 'x', line: 'abc' }] }] })],
      ['a fix line is an object', (r) => ({ ...r, checklist: [{ ...step, fix: [{ a: 1 }] }] })],
      ['a verify line is a number', (r) => ({ ...r, checklist: [{ ...step, verify: [5] }] })],
      ['the sources are a string', (r) => ({ ...r, checklist: [{ ...step, sources: 'abc' }] })],
      ['a step is null', (r) => ({ ...r, checklist: [null] })],
      ['a refusal is null', (r) => ({ ...r, rejections: [null] })],
      ['a refusal has no text', (r) => ({ ...r, rejections: [{ ...r.rejections[0], text: undefined }] })],
      ['an input entry is null', (r) => ({ ...r, inputs: [null] })],
      ['the warnings are a string', (r) => ({ ...r, warnings: 'abc' })],
      ['a hop is a number', (r) => ({ ...r, hops: [1] })],
      ['a DNS entry has no name', (r) => ({ ...r, dns: [{ ...r.dns[0], name: 5 }] })],
    ];
    it.each(variants)('%s', async (_why, tamper) => {
      const r = await decodePermalink(rawLink(state(tamper(structuredClone(good)))), platformCompression);
      expect(r).toEqual({ ok: false, error: 'This link cannot be opened: the findings are malformed.' });
    });
  });

  it('refuses findings with more steps or evidence lines than a page can draw at once, with a clear message', async () => {
    const good = await reportOf('mdaemon-554');
    // small steps, as a crafted link would carry (real ones would pass the JSON size limit first)
    const step = { rule: 'smtp.rejected', status: 'fail', title: 't', evidence: [], fix: [], verify: [] };
    const many = { ...good, checklist: Array.from({ length: 20_000 }, (_, i) => ({ ...step, title: `step ${i}` })) };
    const t0 = performance.now();
    const r = await decodePermalink(await encodePermalink(state(many), platformCompression), platformCompression);
    expect(r).toEqual({
      ok: false,
      error:
        'This link cannot be opened: its findings have 20000 checklist steps, more than the 1000 a link may carry (a diagnosis has a few dozen); share the input instead.',
    });
    console.log(`a 20,000-step findings link refused in ${(performance.now() - t0).toFixed(0)} ms`);
    const heavy = { ...good, checklist: [{ ...step, evidence: Array.from({ length: 20_000 }, (_, i) => ({ text: `e${i}`, line: 1 })) }] };
    expect(await decodePermalink(await encodePermalink(state(heavy), platformCompression), platformCompression)).toMatchObject({
      ok: false,
      error: /20000 evidence lines, more than the 10000/,
    });
    // the limits are the codec's, and can be given
    expect(
      await decodePermalink(await encodePermalink(state(many), platformCompression), platformCompression, {
        ...DEFAULT_PERMALINK_LIMITS,
        maxSteps: 30_000,
        maxEvidence: 100_000,
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses data that unpacks past the size limit, and corrupt data', async () => {
    const bomb = PERMALINK_PREFIX + deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x20)).toString('base64url');
    expect(await decodePermalink(bomb, platformCompression)).toMatchObject({ ok: false, error: /size limit/ });
    expect(await decodePermalink(PERMALINK_PREFIX + 'AAAA', platformCompression)).toMatchObject({ ok: false });
    expect(await decodePermalink('#mm1.%%%', platformCompression)).toMatchObject({ ok: false, error: /base64url/ });
  });
});
