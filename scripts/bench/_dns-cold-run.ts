// One cold CLI-like diagnosis, for the dns-critical-path bench: a fresh
// process makes its resolver as src/cli/main.ts does (src/cli/resolver.ts,
// warmed before the analysis modules load; or offline), reads a file and runs
// analyze() as src/cli/run.ts does, and prints when things happened, in ms
// from the start of the diagnosis (the modules loaded, before the file is read):
//   {"total":…, "firstQuestion":…, "lastAnswer":…, "questions":…, "timeouts":…, "deadline":…}
//
//   node --import tsx scripts/bench/_dns-cold-run.ts FILE (DOH-URL | --offline)

import { readFile } from 'node:fs/promises';
import { offlineResolver, type DnsResponse, type Resolver, type RRType } from '../../src/core/dns/resolver';
import { cliResolver } from '../../src/cli/resolver';

const [file, doh] = process.argv.slice(2);
// as src/cli/main.ts: the resolver is made, and its connection opened and warmed with the root's NS,
// before the analysis modules load (the warm-up question is not counted: requestCount leaves it apart)
const live = doh === '--offline' ? null : cliResolver([doh]);
live?.warm();
const { analyze } = await import('../../src/core/index');
const { decodeBytes } = await import('../../src/core/text/decode');
// from here on as the CLI: its modules are loaded; it reads the file and analyses
const t0 = performance.now();
let first: number | null = null;
let last: number | null = null;
const text = decodeBytes(new Uint8Array(await readFile(file)));
const resolver: Resolver = {
  async resolve(name: string, type: RRType, signal?: AbortSignal): Promise<DnsResponse> {
    first ??= performance.now() - t0;
    const r = await live!.resolve(name, type, signal);
    last = performance.now() - t0;
    return r;
  },
};
const report = await analyze(text, { resolver: live ? resolver : offlineResolver, exactBytes: true });
const total = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    total,
    firstQuestion: first,
    lastAnswer: last,
    questions: report.dns.length,
    timeouts: report.dns.filter((q) => q.rcode === 'TIMEOUT').length,
    deadline: report.dns.filter((q) => q.rcode === 'DEADLINE').length,
    inconclusive: report.checklist.filter((s) => s.status === 'inconclusive').length,
    steps: report.checklist.length,
  }) + '\n',
);
process.exit(0);
