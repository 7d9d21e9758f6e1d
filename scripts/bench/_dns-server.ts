// The project's DoH fixture server in its own process, for the DNS bench
// sections: a real resolver does not share our event loop.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SeenQuestion, Zone } from '../../test/support/doh-server';

export interface ServerProcess {
  url: string;
  cert: string | null;
  stop: () => void;
  /** The DoH requests the server received since the last reset (its /stats). */
  seen: () => Promise<SeenQuestion[]>;
  reset: () => Promise<void>;
}

/** GET one of the fixture server's own paths (it trusts its throwaway certificate: this is our own server). */
function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const mod = url.startsWith('https:') ? https : http;
    // a fresh connection each time: a kept-alive one may have been closed by the server while a cold
    // run blocked this process (spawnSync), and reusing it hangs up
    const req = mod.get(url, { rejectUnauthorized: false, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
}

/**
 * Requests and the distinct questions (name and type) among them, without the
 * page's warm-up question (the root's NS, asked when an input is pasted to open
 * the connection early; src/net/doh.ts warm), counted apart in `warm`.
 */
export function requestCount(seen: SeenQuestion[]): { requests: number; distinct: number; warm: number } {
  const isWarm = (q: SeenQuestion) => q.name === '' && q.type === 'NS';
  const asked = seen.filter((q) => !isWarm(q));
  return { requests: asked.length, distinct: new Set(asked.map((q) => `${q.name} ${q.type}`)).size, warm: seen.length - asked.length };
}

/**
 * `cert`: with h2, the throwaway certificate's PEM file (a Node client trusts
 * it with NODE_EXTRA_CA_CERTS; Chromium runs with --ignore-certificate-errors).
 */
export async function serverProcess(zone: Zone, delay: number, h2 = false): Promise<ServerProcess> {
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
  const base = url.replace(/\/dns-query$/, '');
  return {
    url,
    cert,
    stop: () => child.stdin.end(),
    seen: async () => JSON.parse(await get(`${base}/stats`)) as SeenQuestion[],
    reset: async () => void (await get(`${base}/reset`)),
  };
}
