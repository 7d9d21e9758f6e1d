// The layers of DESIGN.md, enforced: no import cycle, no import up the order of
// scripts/architecture/layers.ts, every file in a layer. The checker itself is
// tested on small graphs first, so that a pass means something.

import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readGraph, type Graph } from '../../scripts/architecture/graph';
import { checkGraph } from '../../scripts/architecture/check';
import { CORE_LAYERS } from '../../scripts/architecture/layers';
import { readFileSync } from 'node:fs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const edge = (from: string, to: string, typeOnly = false) => ({ from, to, typeOnly, line: 1 });

describe('the layer checker', () => {
  it('finds a cycle, an upward import, a value import into the UI and an unplaced file', () => {
    const g: Graph = {
      files: [
        'src/core/types/index.ts',
        'src/core/mail/a.ts',
        'src/core/mail/b.ts',
        'src/core/rules/r.ts',
        'src/ui/X.svelte',
        'src/elsewhere/z.ts',
      ],
      edges: [
        edge('src/core/mail/a.ts', 'src/core/mail/b.ts'),
        edge('src/core/mail/b.ts', 'src/core/mail/a.ts', true),
        edge('src/core/types/index.ts', 'src/core/rules/r.ts', true),
        edge('src/ui/X.svelte', 'src/core/types/index.ts', true),
        edge('src/ui/X.svelte', 'src/core/mail/a.ts'),
      ],
    };
    const f = checkGraph(g, []);
    expect(f.cycles).toEqual(['2 files: src/core/mail/a.ts -> src/core/mail/b.ts -> src/core/mail/a.ts']);
    expect(f.upward).toEqual([
      'src/core/types/index.ts:1 imports src/core/rules/r.ts: core layer "types" imports the higher layer "rules"',
      'src/ui/X.svelte:1 imports src/core/mail/a.ts: ui/ may import only types from core/',
    ]);
    expect(f.unplaced).toEqual(['src/elsewhere/z.ts']);
  });

  it('a known offender is tolerated, and reported once it is mended', () => {
    const g: Graph = {
      files: ['src/core/types/index.ts', 'src/core/rules/r.ts'],
      edges: [edge('src/core/rules/r.ts', 'src/core/types/index.ts'), edge('src/core/types/index.ts', 'src/core/rules/r.ts')],
    };
    const f = checkGraph(g, ['src/core/types/index.ts -> src/core/rules/r.ts', 'src/ui/gone.ts -> src/core/x.ts']);
    expect(f.upward).toEqual([]);
    expect(f.cycles).toEqual([]);
    expect(f.mended).toEqual(['src/ui/gone.ts -> src/core/x.ts']);
  });
});

describe('the layers of src/ (scripts/architecture/layers.ts, DESIGN.md "Layers")', () => {
  const graph = readGraph(root);
  const findings = checkGraph(graph);

  it('reads the whole tree', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.edges.length).toBeGreaterThan(300);
  });
  it('has no import cycle', () => expect(findings.cycles).toEqual([]));
  it('has no import up the layer order', () => expect(findings.upward).toEqual([]));
  it('places every file in a layer', () => expect(findings.unplaced).toEqual([]));
  it('lists no mended offender (delete it from KNOWN_OFFENDERS)', () => expect(findings.mended).toEqual([]));
});

describe("DESIGN.md's table of core layers", () => {
  it('names the layers of scripts/architecture/layers.ts, in order, with their files', () => {
    const design = readFileSync(`${root}/DESIGN.md`, 'utf8');
    const rows = [...design.matchAll(/^\| (\d+) \| (\w+) \| ([^|]+) \|/gm)].map((m) => ({
      n: Number(m[1]),
      name: m[2],
      files: [...m[3].matchAll(/`([^`]+)`/g)].map((f) => `src/core/${f[1]}`).sort(),
    }));
    expect(rows).toEqual(CORE_LAYERS.map((l, i) => ({ n: i + 1, name: l.name, files: [...l.paths].sort() })));
  });
});
