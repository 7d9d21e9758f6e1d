// The CLI (DESIGN.md contract 2):
//   npm run analyze -- FILE… [--doh URL] [--offline] [--json]
// Runs the same analyze() as the page, with the DoH transport of src/net.

import { readFile } from 'node:fs/promises';
import { analyze } from '../core/index';
import type { Resolver } from '../core/index';
import { offlineResolver } from '../core/index';
import { reportToText } from '../core/format/text';
import { cliResolver } from './resolver';
import { DEFAULT_RESOLVERS, resolverUrlProblem } from '../core/settings';
import { decodeBytes } from '../core/text/decode';
import { readSummary, summaryToText } from './summary';
import { sessionText } from '../core/summary/summariser';

const USAGE = `usage: npm run analyze -- FILE... [--doh URL]... [--offline] [--json]
  --doh URL   DoH endpoint (RFC 8484 GET); repeat for fallbacks. Default: ${DEFAULT_RESOLVERS.join(', ')}
  --offline   skip live DNS checks (they show as inconclusive)
  --json      print the JSON report (one line per file when several files are given)
  --summary   for a large log: read it as a stream and print a summary (refusals by
              reason, remote host, sender domain; top client IPs; the refused sessions)
  --session N with --summary: diagnose the refused session numbered N in the summary

Environment: MAILMEDIC_DQS_KEY (Spamhaus DQS key), MAILMEDIC_ABUSIX_KEY (Abusix key): used for
  blocklist queries, never printed (the query log shows <key>).`;

interface Args {
  files: string[];
  doh: string[];
  offline: boolean;
  json: boolean;
  summary: boolean;
  session: number | null;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { files: [], doh: [], offline: false, json: false, summary: false, session: null };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--offline') a.offline = true;
    else if (x === '--summary') a.summary = true;
    else if (x === '--session') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) return '--session needs a session number from the summary (1, 2, …)';
      a.session = n;
    } else if (x === '--doh') {
      const url = argv[++i];
      if (!url) return '--doh needs a URL';
      const bad = resolverUrlProblem(url);
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
  const resolver: Resolver = args.offline ? offlineResolver : cliResolver(args.doh.length ? args.doh : DEFAULT_RESOLVERS);
  if (args.summary) return summarise(args, resolver);
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
    const report = await analyze(text, {
      resolver,
      exactBytes: true,
      dnsbl: { dqsKey: process.env.MAILMEDIC_DQS_KEY, abusixKey: process.env.MAILMEDIC_ABUSIX_KEY },
    });
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

/** --summary: stream each file through the summariser (the worker's code); --session N diagnoses one refused session. */
async function summarise(args: Args, resolver: Resolver): Promise<number> {
  let failed = 0;
  for (const file of args.files) {
    let summary;
    try {
      summary = await readSummary(file);
    } catch (e) {
      console.error(`analyze: cannot read ${file}: ${(e as Error).message}`);
      failed++;
      continue;
    }
    if (args.session === null) {
      console.log(args.json ? JSON.stringify({ file, summary }) : summaryToText(file, summary));
      continue;
    }
    const chosen = summary.sessions[args.session - 1];
    if (!chosen) {
      console.error(`analyze: ${file} has ${summary.sessions.length} refused sessions; there is no session ${args.session}`);
      failed++;
      continue;
    }
    const report = await analyze(sessionText(chosen), {
      resolver,
      dnsbl: { dqsKey: process.env.MAILMEDIC_DQS_KEY, abusixKey: process.env.MAILMEDIC_ABUSIX_KEY },
    });
    const title = `${file}, session ${args.session} (lines ${chosen.firstLine}–${chosen.lastLine})`;
    console.log(
      args.json
        ? JSON.stringify({ file, session: args.session, lines: chosen.lines.map((l) => l.n), ...report })
        : reportToText(report, title),
    );
  }
  return failed ? 1 : 0;
}
