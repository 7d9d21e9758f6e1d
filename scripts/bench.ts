// npm run bench — every benchmark section in scripts/bench/, one after the
// other, each in its own process so that one section's heap and event loop
// do not colour the next one's figures. Not a test: the sections print
// figures ("name: value" lines); nothing here passes or fails on speed.
//
//   npm run bench                    all sections
//   npm run bench -- dns-critical    the sections whose file name contains the word

import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

const dir = path.join(import.meta.dirname, 'bench');
const only = process.argv.slice(2);
const sections = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => !only.length || only.some((w) => f.includes(w)))
  .sort();

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
let failed = 0;
for (const file of sections) {
  console.log(`\n## ${file.replace(/\.ts$/, '')} (load average ${loadavg()[0].toFixed(2)})`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(section ${file} exited ${r.status ?? r.signal})`);
  }
}
process.exit(failed ? 1 : 0);
