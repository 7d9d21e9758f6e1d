// `npm run layers`: the layers of src/ with their files, and any import that
// breaks them (the same check as test/unit/architecture.test.ts, which runs in
// `npm test`). Exit status 1 when something is wrong.

import { fileURLToPath } from 'node:url';
import { readGraph } from './architecture/graph';
import { checkGraph, layerOf, roomOf } from './architecture/check';
import { CORE_LAYERS, ROOMS, KNOWN_OFFENDERS } from './architecture/layers';

const root = fileURLToPath(new URL('..', import.meta.url));
const graph = readGraph(root);
const findings = checkGraph(graph);

console.log('core/ layers, lowest first (a file imports its own layer and those above it in this list):');
for (const layer of CORE_LAYERS) {
  const files = graph.files.filter((f) => roomOf(f)?.name === 'core' && layerOf(f) === layer);
  console.log(`  ${layer.name.padEnd(10)} ${String(files.length).padStart(3)} files  ${layer.paths.join(' ')}`);
}
console.log('rooms around core/:');
for (const room of ROOMS.filter((r) => r.name !== 'core')) {
  const files = graph.files.filter((f) => roomOf(f) === room);
  const may = [...room.imports, ...room.typesOnly.map((r) => `${r} (types only)`)].join(', ');
  console.log(`  ${room.name.padEnd(10)} ${String(files.length).padStart(3)} files  may import: ${may}`);
}
console.log(`${graph.files.length} files, ${graph.edges.length} imports, ${KNOWN_OFFENDERS.length} known offenders still listed`);
const problems = [
  ...findings.cycles.map((c) => `cycle: ${c}`),
  ...findings.upward,
  ...findings.unplaced.map((f) => `in no layer: ${f}`),
  ...findings.mended.map((k) => `mended, delete from KNOWN_OFFENDERS: ${k}`),
];
for (const p of problems) console.log(`✗ ${p}`);
process.exitCode = problems.length ? 1 : 0;
