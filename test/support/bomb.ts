// A "deflate bomb" permalink in Chromium (issue 10, point 6), shared by the
// browser test (test/e2e/permalink-bomb.e2e.ts) and the bench
// (scripts/bench/permalink-bomb.ts): the data, the page's codec bundled as
// the app bundles it, and the peak memory of a browser's processes.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT } from '../e2e/harness';

/** deflate-raw data that unpacks to `mb` MB of zeros (about 1 KB of data per MB). */
export async function deflateZeros(mb: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  z.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((r) => z.on('end', r));
  const zeros = Buffer.alloc(1 << 20);
  for (let i = 0; i < mb; i++) if (!z.write(zeros)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(parts);
}

/** src/worker/compression.ts as a script that sets globalThis.codec. */
export async function bundledCodec(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { platformCompression } from './src/worker/compression'; globalThis.codec = platformCompression;`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
  });
  return out.outputFiles[0].text;
}

/** A Chromium of its own, and its process id (found by a marker in its command line). */
export async function launchMarked(tag: string): Promise<{ browser: Browser; pid: number | undefined }> {
  const marker = `--mailmedic-${tag}-${process.pid}-${Date.now()}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, marker],
  });
  const pid = pids().find((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
  return { browser, pid };
}

function pids(): number[] {
  return readdirSync('/proc')
    .filter((x) => /^\d+$/.test(x))
    .map(Number);
}

/** The largest peak resident memory (VmHWM, kB) among the processes under `rootPid` (the renderer runs the page). */
export function peakKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const p of pids()) {
    try {
      const ppid = Number(
        readFileSync(path.join('/proc', String(p), 'stat'), 'utf8')
          .split(') ')[1]
          .split(' ')[1],
      );
      children.set(ppid, [...(children.get(ppid) ?? []), p]);
    } catch {
      /* gone */
    }
  }
  let peak = 0;
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      try {
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${c}/status`, 'utf8'))?.[1] ?? 0));
      } catch {
        /* gone */
      }
      walk(c);
    }
  };
  walk(rootPid);
  return peak;
}

/** Decompress `data` in the page with the bundled codec (or `decompressBefore`), capped; the time and whether it was refused. */
export async function decompressInPage(
  page: import('playwright-core').Page,
  data: Buffer,
  fn: 'codec' | 'decompressBefore',
  maxBytes: number,
): Promise<{ ms: number; refused: boolean }> {
  return page.evaluate(
    async ([b64, fn, max]) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const g = globalThis as unknown as {
        codec: { decompress: (d: Uint8Array, m: number) => Promise<unknown> };
        decompressBefore: (d: Uint8Array, m: number) => Promise<unknown>;
      };
      const t0 = performance.now();
      const r = fn === 'codec' ? await g.codec.decompress(bytes, max) : await g.decompressBefore(bytes, max);
      return { ms: performance.now() - t0, refused: r === null };
    },
    [data.toString('base64'), fn, maxBytes] as const,
  );
}
