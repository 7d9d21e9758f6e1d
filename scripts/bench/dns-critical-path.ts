// A section of npm run bench (scripts/bench.ts): how long a full diagnosis
// waits on DNS in a cold CLI process, against the least it could wait. Not a
// test: it prints figures.
//
// The project's DoH fixture server, in its own process (a real resolver does
// not share our event loop), answers every question after DELAY ms. The
// critical path (in round trips) is derived from how the analysis asks, and
// every wait in it must have a reason in the data (_dns-cases.ts). Each run is
// a fresh process (cold JIT, cold fetch, no connections yet) diagnosing the
// case's input as the CLI does; the same input offline, in fresh processes
// interleaved with those runs, gives what the diagnosis costs without DNS.
// The live part is the difference of the medians; aim: ≤ 1.2 × the critical
// path × DELAY.
//
// Then two slow resolvers: one answering every question in 2 s (every check
// must complete), and one answering in 3.9 s behind a 50-level SPF include
// chain (the diagnosis' DNS deadline must end it).

import { writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../../src/core/index';
import { chainCase, criticalPath, median, seedCase, type Case } from './_dns-cases';
import { requestCount, serverProcess, type ServerProcess } from './_dns-server';

const DELAY = Number(process.env.BENCH_DELAY ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const ROOT = new URL('../..', import.meta.url).pathname;
const CLI = path.join(ROOT, 'dist-cli', 'mailmedic.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'mm-bench-dns-'));

interface ColdRun {
  total: number;
  firstQuestion: number | null;
  lastAnswer: number | null;
  questions: number;
  timeouts: number;
  deadline: number;
  inconclusive: number;
  steps: number;
}

/**
 * The built CLI itself (dist-cli/mailmedic.mjs, rebuilt at the start), from
 * process start to exit: what a user waits for, module loading and the
 * warm-up question included. ms.
 */
function wholeCli(input: string, doh: string, cert: string | null = null): number {
  const file = path.join(tmp, 'input.txt');
  writeFileSync(file, input);
  const env = cert ? { ...process.env, NODE_EXTRA_CA_CERTS: cert } : process.env;
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, file, '--json', ...(doh === '--offline' ? ['--offline'] : ['--doh', doh])], {
    encoding: 'utf8',
    timeout: 120_000,
    env,
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`CLI exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** One diagnosis in a fresh process (scripts/bench/_dns-cold-run.ts); `cert` trusts the fixture's throwaway certificate. */
function cold(input: string, doh: string, cert: string | null = null): ColdRun {
  const file = path.join(tmp, 'input.txt');
  writeFileSync(file, input);
  const run = new URL('./_dns-cold-run.ts', import.meta.url).pathname;
  const env = cert ? { ...process.env, NODE_EXTRA_CA_CERTS: cert } : process.env;
  const r = spawnSync(process.execPath, ['--import', 'tsx', run, file, doh], { encoding: 'utf8', timeout: 120_000, env });
  if (r.status !== 0) throw new Error(`cold run failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ColdRun;
}

async function bench(c: Case): Promise<void> {
  const cp = await criticalPath(c);
  const ideal = cp.depth * DELAY;
  console.log(`\n${c.name}`);
  console.log(`  questions: ${cp.questions}; rounds the code takes: ${cp.rounds}`);
  console.log(
    `  critical path: ${cp.depth} round trip${cp.depth > 1 ? 's' : ''} × ${DELAY} ms = ${ideal} ms  (${cp.chain.join(' → ').replace(/→ \((.*?)\) →/g, '→($1)→')})`,
  );
  console.log(`  needless waits: ${cp.needless.length ? cp.needless.join('; ') : 'none'}`);
  // HTTP/2 over TLS as public resolvers speak it (the CLI's own transport), then plain HTTP/1.1
  for (const h2 of [true, false]) {
    const server = await serverProcess(c.zone, DELAY, h2);
    const live: ColdRun[] = [];
    const offline: ColdRun[] = [];
    const sent: Sent[] = [];
    const cliLive: number[] = [];
    const cliOffline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { run, requests } = await counted(server, () => cold(c.input, server.url, server.cert));
      live.push(run);
      sent.push(requests);
      offline.push(cold(c.input, '--offline'));
      cliLive.push(wholeCli(c.input, server.url, server.cert));
      cliOffline.push(wholeCli(c.input, '--offline'));
    }
    server.stop();
    const totals = live.map((r) => r.total);
    const base = median(offline.map((r) => r.total));
    const livePart = median(totals) - base;
    const label = h2 ? 'HTTP/2 over TLS' : 'HTTP/1.1';
    console.log(
      `  cold CLI, ${label}, median of ${RUNS} fresh processes: diagnosis ${median(totals).toFixed(0)} ms (min ${Math.min(...totals).toFixed(0)}, max ${Math.max(...totals).toFixed(0)}), the same offline ${base.toFixed(0)} ms; first question at ${median(live.map((r) => r.firstQuestion ?? 0)).toFixed(0)} ms, last answer at ${median(live.map((r) => r.lastAnswer ?? 0)).toFixed(0)} ms; ${live.reduce((n, r) => n + r.timeouts, 0)} timeouts in all runs`,
    );
    console.log(
      `  ratio (cold CLI, ${label}): ${(livePart / ideal).toFixed(2)}× the critical path (live part ${livePart.toFixed(0)} ms; aim ≤ 1.20×)`,
    );
    console.log(`  ${requestsLine(sent, live)}`);
    const cliPart = median(cliLive) - median(cliOffline);
    console.log(
      `  the built CLI, start to exit (${label}), median of ${RUNS}: ${median(cliLive).toFixed(0)} ms, --offline ${median(cliOffline).toFixed(0)} ms: live part ${cliPart.toFixed(0)} ms = ${(cliPart / ideal).toFixed(2)}× the critical path (module loading and the warm-up question included)`,
    );
  }
}

interface Sent {
  requests: number;
  distinct: number;
}

/** One run, with the DoH requests the server received during it. */
async function counted(server: ServerProcess, f: () => ColdRun): Promise<{ run: ColdRun; requests: Sent }> {
  await server.reset();
  const run = f();
  return { run, requests: requestCount(await server.seen()) };
}

/** DoH requests the resolver received against the distinct questions among them and the questions the report lists. */
function requestsLine(sent: Sent[], runs: { questions: number }[]): string {
  const extra = sent.filter((s) => s.requests !== s.distinct).length;
  const unlisted = sent.filter((s, i) => s.distinct !== runs[i].questions).length;
  return `DoH requests per diagnosis: median ${median(sent.map((s) => s.requests))} for ${median(sent.map((s) => s.distinct))} distinct questions (the report lists ${median(runs.map((r) => r.questions))}); runs with a question sent twice: ${extra}/${sent.length}, with the report's count ≠ the server's: ${unlisted}/${sent.length}`;
}

/** Every question answered in 2 s: every check must complete. */
async function twoSecondResolver(): Promise<void> {
  const c = seedCase();
  console.log(`\n2-second resolver (seed case, cold CLI)`);
  for (const h2 of [false, true]) {
    const server = await serverProcess(c.zone, 2000, h2);
    const { run: r, requests } = await counted(server, () => cold(c.input, server.url, server.cert));
    server.stop();
    console.log(
      `  ${h2 ? 'HTTP/2 over TLS' : 'HTTP/1.1'}: checks completed: ${r.questions - r.timeouts - r.deadline}/${r.questions} questions answered, ${r.steps - r.inconclusive}/${r.steps} steps decided, in ${(r.total / 1000).toFixed(1)} s; ${requestsLine([requests], [r])}`,
    );
  }
}

/**
 * A 50-level SPF include chain answered slowly: the deadline ends it. The issue
 * saw 3.9 s answers; here 3.5 s, so that a loaded machine's own delay does not
 * push an answer past the 4 s timeout (which would end the chain earlier, by
 * a timeout, and show nothing of the deadline).
 */
async function deadlineCase(): Promise<void> {
  const records = [{ name: 'chain.example', type: 'TXT', data: 'v=spf1 include:l1.chain.example -all' }];
  for (let i = 1; i < 50; i++)
    records.push({ name: `l${i}.chain.example`, type: 'TXT', data: `v=spf1 include:l${i + 1}.chain.example -all` });
  records.push({ name: 'l50.chain.example', type: 'TXT', data: 'v=spf1 ip4:192.0.2.1 -all' });
  const input =
    'Nov 26 18:22:06 mx postfix/smtpd[15521]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 550 5.7.23 <anna@example.com>: Recipient address rejected: SPF fail; from=<info@chain.example> to=<anna@example.com> proto=ESMTP helo=<mail.chain.example>\n';
  const server = await serverProcess({ records }, 3500);
  const { run: r, requests } = await counted(server, () => cold(input, server.url));
  server.stop();
  console.log(`\ndeadline: a 50-level SPF include chain, every answer after 3.5 s (cold CLI)`);
  console.log(
    `  diagnosis took ${(r.total / 1000).toFixed(1)} s (deadline ${DEFAULT_LIMITS.dnsDeadlineMs / 1000} s): ${r.questions - r.deadline - r.timeouts} questions answered, ${r.deadline} cut off by the deadline, ${r.timeouts} timed out, ${r.inconclusive}/${r.steps} steps inconclusive; ${requests.requests} DoH requests`,
  );
}

async function main(): Promise<void> {
  // the built CLI as the sources are now (the whole-process lines run it)
  spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
  console.log(`bench: DoH fixture server on 127.0.0.1 (its own process) answering every question after ${DELAY} ms`);
  // a shared machine's load moves the figures: say what it was
  console.log(`  (${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)} at start)`);
  for (const c of [seedCase(), chainCase()]) await bench(c);
  await twoSecondResolver();
  await deadlineCase();
  console.log(`  (load average ${loadavg()[0].toFixed(2)} at the end)`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
