// The CLI (DESIGN.md contract 2):
//   npm run analyze -- FILE… [--doh URL] [--offline] [--json]
// Runs the same analyze() as the page, with the DoH transport of src/net.

import { readFile } from 'node:fs/promises';
import { analyze } from '../core/index';
import type { Resolver } from '../core/index';
import { offlineResolver } from '../core/index';
import { reportToText } from '../core/format/text';
import { DohResolver } from '../net/doh';
import { DEFAULT_RESOLVERS, validateResolverUrl } from '../net/providers';
import { decodeBytes } from '../core/text/decode';
import { createReadStream } from 'node:fs';
import { LogSummariser, type LogSummary } from '../core/summary/summariser';
import { LineSplitter } from '../core/summary/lines';

/** Stream each file through the summariser (the same code the worker runs on a dropped file). */
async function summarise(args: Args): Promise<number> {
  let failed = 0;
  for (const file of args.files) {
    const s = new LogSummariser();
    const split = new LineSplitter();
    try {
      for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) s.push(split.push(chunk as string));
    } catch (e) {
      console.error(`analyze: cannot read ${file}: ${(e as Error).message}`);
      failed++;
      continue;
    }
    s.push(split.end());
    const summary = s.finish();
    if (args.json) console.log(JSON.stringify({ file, summary }));
    else console.log(summaryToText(file, summary));
  }
  return failed ? 1 : 0;
}

function summaryToText(file: string, s: LogSummary): string {
  const out = [
    `== ${file}`,
    `${s.kind}: ${s.lines} lines, ${s.sessionsSeen} sessions, ${s.refusals} refusals (${s.hardRefusals} permanent), ${s.unknownLines} lines not understood`,
  ];
  for (const w of s.warnings) out.push(`Warning: ${w}`);
  const list = (title: string, c: { key: string; count: number }[]) => {
    if (!c.length) return;
    out.push('', title);
    for (const x of c.slice(0, 15)) out.push(`  ${String(x.count).padStart(7)}  ${x.key}`);
  };
  list('Refusals by reason:', s.byReason);
  list('Refusals by remote host:', s.byRemoteHost);
  list('Refusals by sender domain:', s.bySenderDomain);
  list('Top client IPs:', s.topClientIps);
  if (s.sessions.length) {
    out.push('', 'Refused sessions (diagnose one with: npm run analyze -- FILE after cutting its lines):');
    for (const x of s.sessions.slice(0, 20))
      out.push(
        `  lines ${x.firstLine}-${x.lastLine}  ${x.first.reason}  ${[x.first.code, x.first.enhanced].filter(Boolean).join(' ')} ${x.first.text.slice(0, 80)}`,
      );
  }
  return out.join('\n');
}

const USAGE = `usage: npm run analyze -- FILE... [--doh URL]... [--offline] [--json]
  --doh URL   DoH endpoint (RFC 8484 GET); repeat for fallbacks. Default: ${DEFAULT_RESOLVERS.join(', ')}
  --offline   skip live DNS checks (they show as inconclusive)
  --json      print the JSON report (one line per file when several files are given)
  --summary   for a large log: read it as a stream and print a summary (refusals by
              reason, remote host, sender domain; top client IPs; the refused sessions)`;

interface Args {
  files: string[];
  doh: string[];
  offline: boolean;
  json: boolean;
  summary: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { files: [], doh: [], offline: false, json: false, summary: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--offline') a.offline = true;
    else if (x === '--summary') a.summary = true;
    else if (x === '--doh') {
      const url = argv[++i];
      if (!url) return '--doh needs a URL';
      const bad = validateResolverUrl(url);
      if (bad) return `--doh ${url}: ${bad}`;
      a.doh.push(url);
    } else if (x === '-h' || x === '--help') return '';
    else if (x.startsWith('--')) return `unknown option ${x}`;
    else a.files.push(x);
  }
  if (!a.files.length) return 'no input file';
  return a;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    if (args) console.error(`analyze: ${args}`);
    console.error(USAGE);
    return args ? 2 : 0;
  }
  if (args.summary) return summarise(args);
  const resolver: Resolver = args.offline
    ? offlineResolver
    : new DohResolver({ endpoints: args.doh.length ? args.doh : DEFAULT_RESOLVERS });
  let failed = 0;
  for (const file of args.files) {
    let text: string;
    try {
      text = decodeBytes(new Uint8Array(await readFile(file)));
    } catch (e) {
      console.error(`analyze: cannot read ${file}: ${(e as Error).message}`);
      failed++;
      continue;
    }
    const report = await analyze(text, { resolver, exactBytes: true });
    if (args.json) {
      console.log(args.files.length > 1 ? JSON.stringify({ file, ...report }) : JSON.stringify({ file, ...report }, null, 2));
    } else {
      console.log(reportToText(report, args.files.length > 1 ? file : undefined));
      if (args.files.length > 1) console.log('');
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
