// What the large-log bench sections share (a file starting with "_" is no
// section of its own): the generated logs, cached in the temporary folder
// (never in the repository), the built CLI, and a measure of one command's
// wall time and peak memory (GNU time's maximum resident set size).

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../test/e2e/harness';
import { makeLargeLog, type Format } from '../make-large-log';

export const BENCH_DIR = process.env.MAILMEDIC_BENCH_DIR ?? path.join(tmpdir(), 'mailmedic-bench');
export const CLI = path.join(ROOT, 'dist-cli', 'mailmedic.mjs');
export const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** A generated log of `mb` MB (made once, then reused). */
export async function largeLog(format: Format, mb: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `${format}-${mb}mb.log`);
  if (!existsSync(file) || statSync(file).size < mb * 1048576) {
    process.stdout.write(`(making ${file}…)\n`);
    await makeLargeLog(file, mb, format, 42);
  }
  return file;
}

/** The built CLI (npm run build:cli: dist-cli/mailmedic.mjs and its run.mjs), made if missing. */
export function builtCli(): string {
  if (!existsSync(CLI)) spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
  return CLI;
}

export interface Measure {
  seconds: number;
  /** User + system CPU seconds: on a loaded machine, closer to the work done than the wall time. */
  cpuSeconds: number;
  peakMb: number;
  code: number | null;
}

/** Run a command (stdout discarded) under GNU time; wall seconds, CPU seconds and peak RSS. */
export function measure(cmd: string, args: string[]): Measure {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', cmd, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const last = r.stderr.toString().trim().split('\n').pop() ?? '';
  const [s, kb, user, sys] = last.split(' ').map(Number);
  // GNU time exits with the command's code
  return { seconds: s, cpuSeconds: user + sys, peakMb: kb / 1024, code: r.status };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

export const load = () => loadavg()[0].toFixed(2);
export const mbOf = (file: string) => statSync(file).size / 1048576;
