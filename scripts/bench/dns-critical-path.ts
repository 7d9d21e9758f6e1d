// A section of npm run bench (scripts/bench.ts): how long a full diagnosis waits on DNS, against the least it
// could wait. Not a test: it prints figures.
//
// The project's DoH fixture server answers every question after DELAY ms.
// The critical path is the longest chain of dependent questions: B depends on
// A when B could only be asked after A's answer — B's name is in A's answer
// (PTR → A, SPF include → TXT) or B asks about the same name (a DNSBL's TXT
// after its A said "listed"). A first run with an instant in-memory resolver
// records every question and answer and derives that chain from the data
// alone, so a needless wait in the code (probes before the real questions, a
// check started late) shows as time over the critical path, not as a longer
// path. Then each case runs RUNS times over HTTP against the delayed server
// with a fresh resolver (no cache), against the server in its own process
// (a real resolver does not share our event loop), and the median is compared with
// critical path × DELAY. Aim: ≤ 1.2×.

import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { loadavg, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../../src/core/index';
import type { DnsResponse, Resolver, RRType } from '../../src/core/dns/resolver';
import { DohResolver } from '../../src/net/doh';

import { startDohServer, type Zone } from '../../test/support/doh-server';

const DELAY = Number(process.env.BENCH_DELAY ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

interface Case {
  name: string;
  input: string;
  zone: Zone;
}

function seedCase(): Case {
  const dir = new URL('../../test/fixtures/cases/mdaemon-554/', import.meta.url);
  return {
    name: 'seed: mdaemon-554',
    input: readFileSync(new URL('input.log', dir), 'utf8'),
    zone: JSON.parse(readFileSync(new URL('zone.json', dir), 'utf8')) as Zone,
  };
}

/** A sender with chains: a PTR to confirm, a listing to explain, SPF with an include. */
function chainCase(): Case {
  const seed = seedCase();
  const input = seed.input.replace('EHLO accounting-pc', 'EHLO mail.example.org');
  const records = [
    ...(seed.zone.records ?? []).filter((r) => r.name !== 'example.org'),
    { name: '135.72.78.80.in-addr.arpa', type: 'PTR', data: 'mail.example.org' },
    { name: 'mail.example.org', type: 'A', data: '80.78.72.135' },
    { name: '135.72.78.80.zen.spamhaus.org', type: 'A', data: '127.0.0.4' },
    { name: '135.72.78.80.zen.spamhaus.org', type: 'TXT', data: 'https://check.spamhaus.org/' },
    { name: 'example.org', type: 'TXT', data: 'v=spf1 include:_spf.example.net -all' },
    { name: '_spf.example.net', type: 'TXT', data: 'v=spf1 ip4:80.78.72.128/27 -all' },
  ];
  return { name: 'chains: PTR→A, listed→TXT, SPF include', input: input, zone: { ...seed.zone, records } };
}

interface Traced {
  name: string;
  type: string;
  askedAt: number;
  answeredAt: number;
  answers: string[];
}

/** An instant resolver (answers from the zone on the next tick) that records the questions. */
async function trace(c: Case): Promise<Traced[]> {
  const server = await startDohServer({ zone: c.zone });
  const doh = new DohResolver({ endpoints: [server.url], cache: false });
  const seen: Traced[] = [];
  let tick = 0;
  const resolver: Resolver = {
    async resolve(name: string, type: RRType): Promise<DnsResponse> {
      const askedAt = tick++;
      const r = await doh.resolve(name, type);
      seen.push({ name, type, askedAt, answeredAt: tick++, answers: r.answers.map((a) => a.data.toLowerCase()) });
      return r;
    },
  };
  await analyze(c.input, { resolver });
  await server.close();
  return seen;
}

/** Longest chain of data-dependent questions. */
function criticalPath(qs: Traced[]): { depth: number; chain: string[] } {
  const depth = new Map<Traced, { d: number; chain: string[] }>();
  const ordered = [...qs].sort((a, b) => a.askedAt - b.askedAt);
  for (const b of ordered) {
    let best = { d: 1, chain: [`${b.name} ${b.type}`] };
    for (const a of ordered) {
      if (a === b || a.answeredAt > b.askedAt) continue;
      const dependsOn = a.name === b.name || a.answers.some((x) => x.includes(b.name.toLowerCase()));
      const da = depth.get(a);
      if (dependsOn && da && da.d + 1 > best.d) best = { d: da.d + 1, chain: [...da.chain, `${b.name} ${b.type}`] };
    }
    depth.set(b, best);
  }
  let top = { d: 0, chain: [] as string[] };
  for (const v of depth.values()) if (v.d > top.d) top = v;
  return { depth: top.d, chain: top.chain };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The fixture server in its own process, as a real resolver would be. */
async function serverProcess(zone: Zone, delay: number): Promise<{ url: string; stats: () => Promise<number>; stop: () => void }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mm-bench-')), 'zone.json');
  writeFileSync(file, JSON.stringify(zone));
  const main = new URL('../../test/support/doh-server-main.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', main, file, String(delay)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(String(d).trim()));
    child.once('exit', (code) => reject(new Error(`fixture server exited ${code}`)));
  });
  const base = url.replace(/\/dns-query$/, '');
  return {
    url,
    stats: async () => {
      const seen = (await (await fetch(`${base}/stats`)).json()) as unknown[];
      await fetch(`${base}/reset`);
      return seen.length;
    },
    stop: () => child.stdin.end(),
  };
}

async function bench(c: Case): Promise<void> {
  const traced = await trace(c);
  const cp = criticalPath(traced);
  const server = await serverProcess(c.zone, DELAY);
  const times: number[] = [];
  let requests = 0;
  let questions = 0;
  for (let i = 0; i < RUNS; i++) {
    await server.stats();
    const resolver = new DohResolver({ endpoints: [server.url] }); // fresh: no cache between runs
    const t0 = performance.now();
    const report = await analyze(c.input, { resolver });
    times.push(performance.now() - t0);
    requests = await server.stats();
    questions = report.dns.length;
  }
  server.stop();
  const ideal = cp.depth * DELAY;
  const med = median(times);
  console.log(`\n${c.name}`);
  console.log(`  questions: ${questions} distinct, ${requests} DoH requests`);
  console.log(
    `  critical path: ${cp.depth} dependent question${cp.depth > 1 ? 's' : ''} × ${DELAY} ms = ${ideal} ms  (${cp.chain.join(' → ')})`,
  );
  console.log(
    `  full diagnosis: median ${med.toFixed(0)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, first ${times[0].toFixed(0)})`,
  );
  console.log(`  ratio: ${(med / ideal).toFixed(2)}× the critical path (aim ≤ 1.20×)`);
}

async function main(): Promise<void> {
  console.log(`bench: DoH fixture server on 127.0.0.1 answering every question after ${DELAY} ms`);
  // a shared machine's load moves the figures: say what it was
  console.log(`  (${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)} at start)`);
  for (const c of [seedCase(), chainCase()]) await bench(c);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
