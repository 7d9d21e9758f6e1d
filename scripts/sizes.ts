// `npm run sizes [-- --at REV] [--top N]`: the longest functions and the
// largest files of src/, so that the figures in a note can be reproduced.
// With --at, the tree of that commit is read (git archive into a temporary
// folder) — e.g. `npm run sizes -- --at d46163e^` for before the layering work.
// Functions are measured by scripts/architecture/functions.ts (declarations,
// methods, arrow functions, function expressions; a "long: …" comment beside
// one is its written reason and is printed).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionSizes } from './architecture/functions';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const at = option('--at');
const top = Number(option('--top') ?? 15);

const repo = fileURLToPath(new URL('..', import.meta.url));
let root = repo;
if (at) {
  root = mkdtempSync(join(tmpdir(), 'mailmedic-sizes-'));
  const tar = execFileSync('git', ['-C', repo, 'archive', at, 'src'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', root], { input: tar });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

const files = filesUnder(join(root, 'src'));
const lineCount = (path: string) => readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;
const bySize = files.map((f) => ({ file: relative(root, f), lines: lineCount(f) })).sort((a, b) => b.lines - a.lines);
const fns = functionSizes(root, files);

console.log(`src/ at ${at ?? 'the working tree'}: ${files.length} files, ${bySize.reduce((n, f) => n + f.lines, 0)} lines`);
console.log(`functions over 80 lines: ${fns.filter((f) => f.lines > 80).length}; over 120: ${fns.filter((f) => f.lines > 120).length}`);
console.log(`\nlongest functions (lines, where, name${fns.some((f) => f.reason) ? ', written reason' : ''}):`);
for (const f of fns.slice(0, top))
  console.log(`  ${String(f.lines).padStart(4)}  ${`${f.file}:${f.line}`.padEnd(52)} ${f.name}${f.reason ? `  — ${f.reason}` : ''}`);
console.log('\nlargest files (lines):');
for (const f of bySize.slice(0, top)) console.log(`  ${String(f.lines).padStart(4)}  ${f.file}`);
if (at) rmSync(root, { recursive: true, force: true });
