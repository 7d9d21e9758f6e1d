// npm run make:large-log -- OUT [MB] [--format postfix|exim|sendmail|mdaemon|exchange] [--seed N]
// Writes a synthetic mail server log of about MB megabytes (default 100) for
// measuring the large-log summary (scripts/bench/). Sessions run interleaved
// as on a busy server; about a third of the inbound ones are refused and a
// quarter of the outbound ones bounce or are deferred, in the words real
// servers use (scripts/large-log/common.ts). Deterministic for a seed.
// Never commit the output: it goes to /tmp.

import { createWriteStream } from 'node:fs';
import { Interleaver, Rng } from './large-log/common';
import { postfixSession } from './large-log/postfix';
import { eximSession } from './large-log/exim';
import { sendmailSession } from './large-log/sendmail';
import { mdaemonSession } from './large-log/mdaemon';
import { EXCHANGE_HEADER, exchangeSession } from './large-log/exchange';

export const FORMATS = ['postfix', 'exim', 'sendmail', 'mdaemon', 'exchange'] as const;
export type Format = (typeof FORMATS)[number];

/** A source of the log's text, in pieces of about 2000 lines (tests take it in memory, the CLI writes it). */
export function* logPieces(format: Format = 'postfix', seed = 42): Generator<string> {
  const r = new Rng(seed);
  let n = 0;
  const next = () => {
    n++;
    switch (format) {
      case 'exim':
        return eximSession(r);
      case 'sendmail':
        return sendmailSession(r);
      case 'mdaemon':
        return mdaemonSession(r, n);
      case 'exchange':
        return exchangeSession(r, n);
      default:
        return postfixSession(r);
    }
  };
  const lines = new Interleaver(r, format === 'mdaemon' || format === 'exchange' ? 6 : 12, next);
  if (format === 'exchange') yield EXCHANGE_HEADER.join('\n') + '\n';
  for (;;) {
    const buf: string[] = [];
    for (let i = 0; i < 2000; i++) buf.push(lines.line());
    yield buf.join('\n') + '\n';
  }
}

/** About `bytes` bytes of log text (tests). */
export function largeLogText(bytes: number, format: Format = 'postfix', seed = 42): string {
  const out: string[] = [];
  let size = 0;
  for (const piece of logPieces(format, seed)) {
    out.push(piece);
    size += piece.length;
    if (size >= bytes) break;
  }
  return out.join('');
}

/** Write `mb` megabytes of `format` log to `out`; resolves with the bytes written. */
export async function makeLargeLog(out: string, mb: number, format: Format = 'postfix', seed = 42): Promise<number> {
  const w = createWriteStream(out);
  let bytes = 0;
  const limit = mb * 1048576;
  for (const text of logPieces(format, seed)) {
    if (bytes >= limit) break;
    bytes += Buffer.byteLength(text);
    if (!w.write(text)) await new Promise<void>((res) => w.once('drain', () => res()));
  }
  w.end();
  await new Promise<void>((res) => w.once('finish', () => res()));
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('make-large-log.ts')) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const format = (opt('--format') ?? 'postfix') as Format;
  const seed = Number(opt('--seed') ?? 42);
  const [out, size] = args;
  if (!out || !FORMATS.includes(format)) {
    console.error(`usage: npm run make:large-log -- OUT [MB] [--format ${FORMATS.join('|')}] [--seed N]`);
    process.exit(2);
  }
  makeLargeLog(out, Number(size ?? 100), format, seed).then((b) =>
    console.log(`wrote ${(b / 1048576).toFixed(1)} MB of ${format} log to ${out}`),
  );
}
