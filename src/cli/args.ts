// The CLI's arguments and exit codes (DESIGN.md contract 2, README "Command
// line"). Apart from src/cli/run.ts so that the entry (main.ts) can read them,
// and open the resolver's connection, before the analysis modules load.

import { DEFAULT_RESOLVERS, resolverUrlProblem } from '../core/settings';
import { LARGE_LOG_BYTES, MAX_WHOLE_BYTES } from '../shared/limits';

export const EXIT = { analysed: 0, nothing: 1, usage: 2, unreadable: 3, tooLarge: 4 } as const;

export const MB = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;

export const USAGE = `usage: npm run analyze -- FILE... [--check DOMAIN|IP]... [--doh URL]... [--offline] [--json] [--summary | --whole] [--session N]
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

export interface Args {
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

export function parseArgs(argv: string[]): Args | string {
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
