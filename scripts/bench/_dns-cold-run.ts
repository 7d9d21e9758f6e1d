// One cold CLI-like diagnosis, for the dns-critical-path bench: a fresh
// process reads a file and runs analyze() as src/cli/main.ts does (its
// resolver, src/cli/resolver.ts, or offline), and prints when things happened, in ms
// from the start of the diagnosis (the file read and decoded):
//   {"total":…, "firstQuestion":…, "lastAnswer":…, "questions":…, "timeouts":…, "deadline":…}
//
//   node --import tsx scripts/bench/_dns-cold-run.ts FILE (DOH-URL | --offline)

import { readFile } from 'node:fs/promises';
import { analyze } from '../../src/core/index';
import { offlineResolver, type DnsResponse, type Resolver, type RRType } from '../../src/core/dns/resolver';
import { cliResolver } from '../../src/cli/resolver';
import { decodeBytes } from '../../src/core/text/decode';

const [file, doh] = process.argv.slice(2);
// from here on as the CLI: its modules are loaded; it makes its resolver, reads the file, analyses
const t0 = performance.now();
let first: number | null = null;
let last: number | null = null;
const inner: Resolver = doh === '--offline' ? offlineResolver : cliResolver([doh]);
const text = decodeBytes(new Uint8Array(await readFile(file)));
const resolver: Resolver = {
  async resolve(name: string, type: RRType, signal?: AbortSignal): Promise<DnsResponse> {
    first ??= performance.now() - t0;
    const r = await inner.resolve(name, type, signal);
    last = performance.now() - t0;
    return r;
  },
};
const report = await analyze(text, { resolver: doh === '--offline' ? offlineResolver : resolver, exactBytes: true });
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
