// The rule ids DESIGN.md (contract 4) and the README name, against the ids
// the rules declare (rules/index.ts RULE_IDS, from each rule's `steps`).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/core/rules';

const root = path.join(import.meta.dirname, '../../..');

/** Ids in a text: `area.problem`, and `area.*` (`a`, `b`, …) groups spelled out. */
function idsIn(text: string): string[] {
  const out: string[] = [];
  const groups = /`([a-z]+)\.\*`\s*\(([^)]*(?:\([^)]*\)[^)]*)*)\)/g;
  for (const g of text.matchAll(groups)) for (const m of g[2].matchAll(/`([a-z0-9-]+)`/g)) out.push(`${g[1]}.${m[1]}`);
  for (const m of text.replace(groups, '').matchAll(/`([a-z]+\.[a-z0-9-]+)`/g)) out.push(m[1]);
  return [...new Set(out)].sort();
}

describe('rule ids', () => {
  it('are area.problem, lowercase', () => {
    expect(RULE_IDS.filter((id) => !/^[a-z]+\.[a-z0-9-]+$/.test(id))).toEqual([]);
  });

  it("DESIGN.md's contract 4 names only ids that exist", () => {
    const design = readFileSync(path.join(root, 'DESIGN.md'), 'utf8');
    const contract = design.slice(design.indexOf('4. **Rule ids**'), design.indexOf('5. **The checklist in the page**'));
    const named = idsIn(contract).filter((id) => id !== 'area.problem');
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((id) => !RULE_IDS.includes(id))).toEqual([]);
  });

  it('the README lists every id, and no other', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('Rule ids are stable');
    const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
    expect(idsIn(paragraph).filter((id) => id !== 'area.problem')).toEqual(RULE_IDS);
  });
});
