// The project's DoH fixture server in its own process, for the DNS bench
// sections: a real resolver does not share our event loop.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Zone } from '../../test/support/doh-server';

/**
 * `cert`: with h2, the throwaway certificate's PEM file (a Node client trusts
 * it with NODE_EXTRA_CA_CERTS; Chromium runs with --ignore-certificate-errors).
 */
export async function serverProcess(
  zone: Zone,
  delay: number,
  h2 = false,
): Promise<{ url: string; cert: string | null; stop: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mm-bench-'));
  const file = path.join(dir, 'zone.json');
  const cert = h2 ? path.join(dir, 'cert.pem') : null;
  writeFileSync(file, JSON.stringify(zone));
  const main = new URL('../../test/support/doh-server-main.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', main, file, String(delay), ...(cert ? ['--h2', '--cert-out', cert] : [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(String(d).trim()));
    child.once('exit', (code) => reject(new Error(`fixture server exited ${code}`)));
  });
  return { url, cert, stop: () => child.stdin.end() };
}
