// What the CLI does with its arguments (src/cli/main.ts is the entry): each
// file analysed whole, or read as a stream and summarised above
// LARGE_LOG_BYTES, as the page does (src/shared/limits.ts; its size is checked
// before anything is read), and each --check; the exit code of it all.

import { stat, readFile } from 'node:fs/promises';
import { analyze } from '../core/index';
import type { Report, Resolver } from '../core/index';
import { reportToText } from '../core/format/text';
import { decodeBytes } from '../core/text/decode';
import { sessionText, type LogSummary } from '../core/summary/summariser';
import { LARGE_LOG_BYTES, MAX_WHOLE_BYTES } from '../shared/limits';
import { readSummary, summaryToText } from './summary';
import { closed, outputFailure, say, write } from './output';
import { readTarget } from '../core/parse/target';
import { EXIT, MB, type Args } from './args';

function recognised(report: Report): boolean {
  return report.inputs.some((i) => i.kind !== 'unknown');
}

/** Analyse what the arguments name with `resolver` (the entry made it, and may have warmed it); the exit code. */
export async function run(args: Args, resolver: Resolver): Promise<number> {
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
