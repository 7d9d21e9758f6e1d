// Metamorphic run over the seen real incidents (issue 11 point 1, "a reply is
// found wherever it sits", measured for generalisation): each seen incident
// that Mailmedic reads right in its original form is transformed the ways a
// paste really is (variants/transforms.ts) and must keep its diagnosis — the
// input kind's family, the first refusal's reason and the first fail/warn step
// (scored by real.ts scoreReport against the thread's expectation).
//
// Held-out incidents (isHeldOut) are never transformed, read or printed here.
// One line per transformation: kept N/M, M = the seen incidents right in their
// original form that the transformation changes (an unchanged input proves
// nothing and is not counted).

import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/index';
import { decodeBytes } from '../../src/core/text/decode';
import type { Report } from '../../src/core/types';
import type { Corpus, CorpusScore } from './corpus';
import { REAL_ROOT, analyzeIncident, listIncidents, scoreReport, type RealExpect, type RealIncident } from './real';
import { VARIANTS, type Variant } from './variants/transforms';

/** The family of an input kind: a transformed log may be read by another log reader, not as a bounce. */
export function kindFamily(kind: string): string {
  if (/-log$|^smtp-transcript$/.test(kind)) return 'log';
  if (kind === 'headers' || kind === 'message') return 'message';
  if (kind === 'domain' || kind === 'ip') return 'target';
  return kind;
}

export interface Diagnosis {
  families: string[];
  right: boolean;
  misses: string[];
}

export function diagnosis(report: Report, exp: RealExpect): Diagnosis {
  const s = scoreReport(report, exp);
  const misses = s.misses.filter((m) => !/^(?:missing|unexpected|text|kind|stage) /.test(m));
  return {
    families: [...new Set(report.inputs.map((i) => kindFamily(i.kind)))],
    right: s.recognised && s.reason !== false && s.first !== false,
    misses,
  };
}

/** Whether a variant keeps the original's diagnosis: still right, and read as the same family of input. */
export function kept(original: Diagnosis, variant: Diagnosis): boolean {
  return variant.right && original.families.some((f) => f === 'unknown' || variant.families.includes(f));
}

/** What a variant's diagnosis must not lose: the strings the expectation quotes stay unredacted. */
export function keepOf(exp: RealExpect): string[] {
  return exp.text ?? [];
}

export function incidentText(inc: RealIncident): string {
  return decodeBytes(new Uint8Array(readFileSync(inc.inputPath)));
}

export async function analyzeText(text: string): Promise<Report> {
  return analyze(text, { now: () => new Date('2026-12-01T00:00:00Z') });
}

export interface VariantResult {
  slug: string;
  variant: string;
  kept: boolean;
  misses: string[];
}

/** Every (seen incident right in its original form) × transformation that changes it. */
export async function runVariants(
  variants: Variant[] = VARIANTS,
  slugs?: Set<string>,
): Promise<{ right: number; results: VariantResult[] }> {
  const results: VariantResult[] = [];
  let right = 0;
  for (const inc of listIncidents()) {
    if (inc.held) continue;
    if (slugs && !slugs.has(inc.slug)) continue;
    const original = diagnosis(await analyzeIncident(inc), inc.exp);
    if (!original.right) continue;
    right++;
    const text = incidentText(inc);
    for (const v of variants) {
      const t = v.apply(text, keepOf(inc.exp));
      if (t === text) continue;
      let d: Diagnosis;
      try {
        d = diagnosis(await analyzeText(t), inc.exp);
      } catch (e) {
        d = { families: [], right: false, misses: [`threw: ${String(e)}`] };
      }
      const ok = kept(original, d);
      results.push({
        slug: inc.slug,
        variant: v.name,
        kept: ok,
        misses: ok ? [] : d.right ? [`kind ${d.families} (was ${original.families})`] : d.misses,
      });
    }
  }
  return { right, results };
}

/** The figure line: kept N/M per transformation. */
export function variantsLine(variants: Variant[], right: number, results: VariantResult[]): string {
  const parts: string[] = [];
  let k = 0;
  for (const v of variants) {
    const rs = results.filter((r) => r.variant === v.name);
    const n = rs.filter((r) => r.kept).length;
    k += n;
    parts.push(`${v.name} ${n}/${rs.length}`);
  }
  return `real-variants: kept ${k}/${results.length} (of ${right} seen incidents right as pasted): ${parts.join(', ')}`;
}

/** In `npm run conformance` (~30 s of the run); `npm run conformance:variants -- [NAME…] --misses` lists what breaks. */
export const realVariantsCorpus: Corpus = {
  name: 'real-variants',
  folder: REAL_ROOT,
  local: true,
  async run(): Promise<CorpusScore> {
    const { right, results } = await runVariants();
    const kept = results.filter((r) => r.kept).length;
    return {
      passed: kept,
      total: results.length,
      lines: [variantsLine(VARIANTS, right, results)],
      misses: results.filter((r) => !r.kept).map((r) => `${r.variant} ${r.slug}: ${r.misses.join('; ')}`),
    };
  },
};

async function main() {
  const args = process.argv.slice(2);
  const only = args.filter((a) => !a.startsWith('--'));
  const showMisses = args.includes('--misses');
  const variants = only.length ? VARIANTS.filter((v) => only.includes(v.name)) : VARIANTS;
  const { right, results } = await runVariants(variants);
  console.log(variantsLine(variants, right, results));
  if (showMisses) for (const r of results.filter((x) => !x.kept)) console.log(`  ${r.variant} ${r.slug}: ${r.misses.join('; ')}`);
}

if (process.argv[1] && /real-variants\.ts$/.test(process.argv[1])) main().then(() => process.exit(0));
