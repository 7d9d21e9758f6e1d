// Checks a report against a whole case's expect.json — the same rules as
// ../shared/tools/check-case.mjs, so the project's own cases in
// test/fixtures/cases/ are held to what graders check.

import type { Report } from '../../src/core/types';

export interface CaseExpect {
  kind?: string[];
  reason?: string[];
  stage?: string[];
  first?: string[];
  must?: { rule: string; status: string[] }[];
  must_not?: { rule: string; status: string[] }[];
  text?: string[];
  offline?: boolean;
}

export function caseMisses(report: Report, exp: CaseExpect): string[] {
  const misses: string[] = [];
  const steps = report.checklist ?? [];
  const has = (rule: string, statuses: string[]) => steps.some((s) => s.rule === rule && statuses.includes(s.status));
  const first = report.rejections[0];
  if (exp.kind && !report.inputs.some((i) => exp.kind!.includes(i.kind)))
    misses.push(`kind not in ${exp.kind} (got ${report.inputs.map((i) => i.kind)})`);
  if (exp.reason && !exp.reason.includes(first?.reason)) misses.push(`reason not in ${exp.reason} (got ${first?.reason})`);
  if (exp.stage && !exp.stage.includes(first?.stage)) misses.push(`stage not in ${exp.stage} (got ${first?.stage})`);
  if (exp.first && !exp.first.includes(steps[0]?.rule)) misses.push(`first step not in ${exp.first} (got ${steps[0]?.rule})`);
  for (const m of exp.must ?? []) if (!has(m.rule, m.status)) misses.push(`missing ${m.rule}:${m.status.join('|')}`);
  for (const m of exp.must_not ?? []) if (has(m.rule, m.status)) misses.push(`unexpected ${m.rule}:${m.status.join('|')}`);
  const text = JSON.stringify(steps.map((s) => [s.title, s.fix, s.verify, s.evidence])).toLowerCase();
  for (const t of exp.text ?? []) if (!text.includes(t.toLowerCase())) misses.push(`text "${t}" not in checklist`);
  return misses;
}
