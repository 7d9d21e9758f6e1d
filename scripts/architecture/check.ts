// The checks of the layer rules over the import graph (scripts/architecture/layers.ts).

import type { Edge, Graph } from './graph';
import { findCycles, loopIn } from './graph';
import { CORE_LAYERS, KNOWN_OFFENDERS, ROOMS, type Layer, type Room } from './layers';

function longestMatch<T extends { paths: string[] }>(file: string, items: T[]): T | null {
  let best: T | null = null;
  let bestLength = -1;
  for (const item of items) {
    for (const p of item.paths) {
      const hit = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (hit && p.length > bestLength) {
        best = item;
        bestLength = p.length;
      }
    }
  }
  return best;
}

export function layerOf(file: string): Layer | null {
  return longestMatch(file, CORE_LAYERS);
}

export function roomOf(file: string): Room | null {
  return longestMatch(file, ROOMS);
}

/** Svelte components may render themselves (a tree); that is not a cycle between modules. */
function isRecursiveComponent(component: string[], graph: Graph): boolean {
  return (
    component.length === 1 && component[0].endsWith('.svelte') && graph.edges.some((e) => e.from === component[0] && e.to === component[0])
  );
}

/** Why `e` breaks a layer rule, or null when it does not. */
export function edgeProblem(e: Edge): string | null {
  const from = roomOf(e.from);
  const to = roomOf(e.to);
  if (!from || !to) return null; // reported as unplaced files
  if (from.name === 'core' && to.name === 'core') {
    const a = layerOf(e.from);
    const b = layerOf(e.to);
    if (!a || !b) return null;
    const ia = CORE_LAYERS.indexOf(a);
    const ib = CORE_LAYERS.indexOf(b);
    return ib > ia ? `core layer "${a.name}" imports the higher layer "${b.name}"` : null;
  }
  if (from === to) return null;
  if (from.imports.includes(to.name)) return null;
  if (from.typesOnly.includes(to.name)) return e.typeOnly ? null : `${from.name}/ may import only types from ${to.name}/`;
  return `${from.name}/ may not import ${to.name}/`;
}

export interface Findings {
  unplaced: string[];
  cycles: string[];
  upward: string[];
  /** KNOWN_OFFENDERS entries that no longer offend: delete them. */
  mended: string[];
}

export const edgeKey = (e: Pick<Edge, 'from' | 'to'>) => `${e.from} -> ${e.to}`;

export function checkGraph(graph: Graph, known: string[] = KNOWN_OFFENDERS): Findings {
  const unplaced = graph.files.filter((f) => {
    const room = roomOf(f);
    return !room || (room.name === 'core' && !layerOf(f) && !f.endsWith('.d.ts'));
  });
  // A known offender is an edge to be mended; the loops it closes are counted once it is.
  const knownSet = new Set(known);
  const rest: Graph = { files: graph.files, edges: graph.edges.filter((e) => !knownSet.has(edgeKey(e))) };
  const cycles = findCycles(rest)
    .filter((c) => !isRecursiveComponent(c, rest))
    .map((c) => `${c.length} files: ${loopIn(rest, c).join(' -> ')}`);
  const offending = new Set<string>();
  const upward: string[] = [];
  for (const e of graph.edges) {
    const why = edgeProblem(e);
    if (!why) continue;
    const key = edgeKey(e);
    offending.add(key);
    if (!knownSet.has(key)) upward.push(`${e.from}:${e.line} imports ${e.to}: ${why}`);
  }
  const mended = known.filter((k) => !offending.has(k));
  return { unplaced, cycles, upward: [...new Set(upward)], mended };
}
