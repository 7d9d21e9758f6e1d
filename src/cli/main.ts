// The CLI (DESIGN.md contract 2):
//   npm run analyze -- FILE… [--check DOMAIN|IP]… [--doh URL] [--offline] [--json] [--summary | --whole] [--session N]
// Runs the same analyze() as the page, with the DoH transport of src/net
// (./run.ts does the work; ./args.ts reads the arguments).
//
// Exit codes (README "Command line"): 0 analysed; 1 nothing analysed (the input
// was empty or not recognised); 2 bad arguments; 3 a file could not be read;
// 4 a file is too large for what was asked (--whole over MAX_WHOLE_BYTES).
// With several files, the largest code of any of them. A reader that leaves
// early (`| head -c 1`) changes nothing: the CLI stops writing and keeps the
// code of what it analysed; output that cannot be written (a full disk) is 3.
//
// This entry imports only what it needs to read the arguments and reach the
// resolver. It opens the first resolver's connection and asks it the root's
// NS (DohResolver.warm, as the page does when an input is pasted) before the
// analysis modules load: loading them takes longer than a round trip (about
// 0.2 s built, 0.5 s under tsx), so the TLS handshake is done by the time the
// first questions are asked, and the first request and answer a process
// handles — slower than the next ones: Node's HTTP/2 and the DNS wire code run
// cold — are out of the way, instead of in front of the diagnosis' questions.

import type { Resolver } from '../core/dns/resolver';
import { offlineResolver } from '../core/dns/resolver';
import { DEFAULT_RESOLVERS } from '../core/settings';
import { EXIT, parseArgs, USAGE } from './args';
import { cliResolver } from './resolver';
import { say, watch, write } from './output';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    if (args) await say(args);
    await write(process.stderr, USAGE + '\n');
    return args ? EXIT.usage : EXIT.analysed;
  }
  let resolver: Resolver = offlineResolver;
  let doh: ReturnType<typeof cliResolver> | undefined;
  if (!args.offline) {
    doh = cliResolver(args.doh.length ? args.doh : DEFAULT_RESOLVERS);
    // a summary asks no DNS (a --session diagnosis does)
    if (!args.summary || args.session !== null) doh.warm();
    resolver = doh;
  }
  try {
    const { run } = await import('./run');
    return await run(args, resolver);
  } finally {
    // the warm-up's answer is not waited for when the input needed no DNS
    // (a file summarised automatically, one that could not be read)
    doh?.close();
  }
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
