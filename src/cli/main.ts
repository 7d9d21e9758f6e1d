// The CLI (DESIGN.md contract 2):
//   npm run analyze -- FILE… [--check DOMAIN|IP]… [--doh URL] [--offline] [--json] [--summary | --whole] [--session N]
// Runs the same analyze() as the page, with the DoH transport of src/net. A
// file above LARGE_LOG_BYTES is summarised as a stream, as the page does
// (src/shared/limits.ts); its size is checked before anything is read.
//
// Exit codes (README "Command line"): 0 analysed; 1 nothing analysed (the input
// was empty or not recognised); 2 bad arguments; 3 a file could not be read;
// 4 a file is too large for what was asked (--whole over MAX_WHOLE_BYTES).
// With several files, the largest code of any of them. A reader that leaves
// early (`| head -c 1`) changes nothing: the CLI stops writing and keeps the
// code of what it analysed; output that cannot be written (a full disk) is 3.

import { stat, readFile } from 'node:fs/promises';
import { analyze } from '../core/index';
import type { Report, Resolver } from '../core/index';
import { offlineResolver } from '../core/index';
import { reportToText } from '../core/format/text';
import { cliResolver } from './resolver';
import { DEFAULT_RESOLVERS, resolverUrlProblem } from '../core/settings';
import { decodeBytes } from '../core/text/decode';
import { sessionText, type LogSummary } from '../core/summary/summariser';
import { LARGE_LOG_BYTES, MAX_WHOLE_BYTES } from '../shared/limits';
import { readSummary, summaryToText } from './summary';
import { closed, outputFailure, watch, write } from './output';
import { readTarget } from '../core/parse/target';

export const EXIT = { analysed: 0, nothing: 1, usage: 2, unreadable: 3, tooLarge: 4 } as const;

const MB = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;

const USAGE = `usage: npm run analyze -- FILE... [--check DOMAIN|IP]... [--doh URL]... [--offline] [--json] [--summary | --whole] [--session N]
  --check X   check a domain (MX and its hosts, SPF, DKIM at common selectors, DMARC, MTA-STS, TLS-RPT,
              BIMI, blocklists) or an IP (PTR, forward-confirmed reverse DNS, blocklists) instead of a file;
              "--check 'example.org 192.0.2.10'" checks the IP as the domain's sending server
  --doh URL   DoH endpoint (RFC 8484 GET); repeat for fallbacks. Default: ${DEFAULT_RESOLVERS.join(', ')}
  --offline   skip live DNS checks (they show as inconclusive)
  --json      print the JSON report, or the summary as JSON (one line per file when several are given)
  --summary   read the file as a stream and print a summary of the log (refusals by reason,
              direction, remote host, sender domain; top client IPs; the refused sessions).
              Files over ${MB(LARGE_LOG_BYTES)} are summarised without asking, as in the page.
  --whole     analyse the file whole even when it is over ${MB(LARGE_LOG_BYTES)} (up to ${MB(MAX_WHOLE_BYTES)})
  --session N diagnose the refused session numbered N in the summary

Exit codes: 0 analysed, 1 nothing analysed (empty or not recognised), 2 bad arguments,
  3 a file could not be read (or the output not written), 4 a file too large to analyse whole.

Environment: MAILMEDIC_DQS_KEY (Spamhaus DQS key), MAILMEDIC_ABUSIX_KEY (Abusix key): used for
  blocklist queries, never printed (the query log shows <key>).`;

interface Args {
  files: string[];
  /** Domains or IPs to check (--check), each analysed as if it were a file holding it. */
  checks: string[];
  doh: string[];
  offline: boolean;
  json: boolean;
  summary: boolean;
  whole: boolean;
  session: number | null;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { files: [], checks: [], doh: [], offline: false, json: false, summary: false, whole: false, session: null };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--offline') a.offline = true;
    else if (x === '--summary') a.summary = true;
    else if (x === '--whole') a.whole = true;
    else if (x === '--session') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) return '--session needs a session number from the summary (1, 2, …)';
      a.session = n;
    } else if (x === '--check') {
      const t = argv[++i];
      if (!t || !t.trim()) return '--check needs a domain or an IP address';
      a.checks.push(t);
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
  if (!a.files.length && !a.checks.length) return 'no input file (or --check DOMAIN|IP)';
  if (a.whole && (a.summary || a.session !== null)) return '--whole cannot go with --summary or --session';
  return a;
}

/** Text for stderr, one line. */
function say(text: string): Promise<void> {
  return write(process.stderr, `analyze: ${text}\n`);
}

function recognised(report: Report): boolean {
  return report.inputs.some((i) => i.kind !== 'unknown');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    if (args) await say(args);
    await write(process.stderr, USAGE + '\n');
    return args ? EXIT.usage : EXIT.analysed;
  }
  const resolver: Resolver = args.offline ? offlineResolver : cliResolver(args.doh.length ? args.doh : DEFAULT_RESOLVERS);
  const dnsbl = { dqsKey: process.env.MAILMEDIC_DQS_KEY, abusixKey: process.env.MAILMEDIC_ABUSIX_KEY };
  const many = args.files.length + args.checks.length > 1;
  let code: number = EXIT.analysed;

  const printReport = async (
    file: string,
    report: Report,
    extra: Record<string, unknown> = {},
    title?: string,
    fileLines?: readonly number[],
  ) => {
    // a --check names what was checked in place of a file
    const label = 'check' in extra ? {} : { file };
    const out = args.json
      ? JSON.stringify({ ...label, ...extra, ...report }, null, many ? undefined : 2)
      : reportToText(report, title ?? (many ? file : undefined), fileLines && ((n) => fileLines[n - 1] ?? n)) + (many ? '\n' : '');
    await write(process.stdout, out + '\n');
  };

  const whole = async (file: string, size: number): Promise<number> => {
    if (size > MAX_WHOLE_BYTES) {
      await say(
        `${file} is ${MB(size)}, over the ${MB(MAX_WHOLE_BYTES)} that are analysed whole; drop --whole to summarise it as a stream.`,
      );
      return EXIT.tooLarge;
    }
    const text = decodeBytes(new Uint8Array(await readFile(file)));
    const report = await analyze(text, { resolver, exactBytes: true, dnsbl });
    await printReport(file, report);
    return recognised(report) ? EXIT.analysed : EXIT.nothing;
  };

  for (const file of args.files) {
    // the reader has gone (`| head`): what is left would be analysed for no one
    if (closed(process.stdout)) break;
    let size: number;
    try {
      const st = await stat(file);
      if (!st.isFile()) throw new Error('not a regular file');
      size = st.size;
    } catch (e) {
      // "npm run analyze -- example.org": a name that is no file but reads as a domain or an IP
      const hint = readTarget([file]) ? ` (to check it as a domain or an IP: --check ${file})` : '';
      await say(`cannot read ${file}: ${(e as Error).message}${hint}`);
      code = Math.max(code, EXIT.unreadable);
      continue;
    }
    try {
      const stream = args.summary || args.session !== null || (!args.whole && size > LARGE_LOG_BYTES);
      if (!stream) {
        code = Math.max(code, await whole(file, size));
        continue;
      }
      if (!args.summary && args.session === null)
        await say(
          `${file} is ${MB(size)}, over ${MB(LARGE_LOG_BYTES)}: reading it as a stream and summarising it, as the page does (--whole analyses it whole, up to ${MB(MAX_WHOLE_BYTES)}).`,
        );
      const summary = await readSummary(file);
      if (summary.kind === 'unknown') {
        // not a log (a large message, a bounce with attachments): analysed whole after all, as in the page
        if (size <= MAX_WHOLE_BYTES && args.session === null) {
          await say(`${file} is not a mail server log; analysing it whole.`);
          code = Math.max(code, await whole(file, size));
        } else {
          await say(
            `${file} was not recognised as a mail server log${size > MAX_WHOLE_BYTES ? ` and is too large (${MB(size)}) to analyse whole` : ''}; nothing was analysed.`,
          );
          code = Math.max(code, EXIT.nothing);
        }
        continue;
      }
      if (args.session === null) {
        await printSummary(file, summary, args.json, many);
        continue;
      }
      const chosen = summary.sessions[args.session - 1];
      if (!chosen) {
        await say(`${file} has ${summary.sessions.length} refused sessions listed; there is no session ${args.session}`);
        code = Math.max(code, EXIT.usage);
        continue;
      }
      const report = await analyze(sessionText(chosen), { resolver, dnsbl });
      await printReport(
        file,
        report,
        { session: args.session, lines: chosen.lineNumbers },
        `${file}, session ${args.session} (lines ${chosen.firstLine}–${chosen.lastLine})`,
        // the text report numbers lines as in the file (the JSON carries the map as `lines`)
        chosen.lineNumbers,
      );
      code = Math.max(code, recognised(report) ? EXIT.analysed : EXIT.nothing);
    } catch (e) {
      await say(`cannot read ${file}: ${(e as Error).message}`);
      code = Math.max(code, EXIT.unreadable);
    }
  }
  for (const check of args.checks) {
    if (closed(process.stdout)) break;
    // only a domain or an IP: anything else given to --check is refused, not analysed as a paste
    if (!readTarget(check.split(/\r?\n/))) {
      await say(`--check ${check}: not a domain or an IP address; nothing was checked.`);
      code = Math.max(code, EXIT.nothing);
      continue;
    }
    const report = await analyze(check, { resolver, dnsbl });
    await printReport(check, report, { check }, many ? `--check ${check}` : undefined);
    code = Math.max(code, recognised(report) ? EXIT.analysed : EXIT.nothing);
  }
  const failure = outputFailure(process.stdout);
  if (failure) {
    await say(`cannot write the output: ${failure.message}`);
    code = Math.max(code, EXIT.unreadable);
  }
  return code;
}

async function printSummary(file: string, summary: LogSummary, json: boolean, many: boolean): Promise<void> {
  await write(process.stdout, (json ? JSON.stringify({ file, summary }, null, many ? undefined : 2) : summaryToText(file, summary)) + '\n');
}

// The exit code is set and the process ends when its work is done: every
// write above has been handed on. A resolver's idle connection must not keep
// it waiting, so a last timer (unref'd: it holds nothing up) ends it after a
// moment if something else still does.
watch(process.stdout);
watch(process.stderr);
main().then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => process.exit(code), 2000).unref();
  },
  async (e) => {
    await write(process.stderr, `${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = EXIT.nothing;
    setTimeout(() => process.exit(EXIT.nothing), 2000).unref();
  },
);
