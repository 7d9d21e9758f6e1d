// The CLI's large-log summary: the file is streamed through the same
// summariser the worker runs on a dropped file (bytes in, never the whole
// file), and printed like pflogsumm.

import { createReadStream } from 'node:fs';
import v8 from 'node:v8';
import { LogSummariser, type LogSummary } from '../core/summary/summariser';
import { BLOCK_BYTES } from '../core/summary/chunks';

/**
 * How far V8 lets the heap grow past what is live after a full collection.
 * The summary keeps little (a bounded few tens of MB) but reads a gigabyte
 * through short-lived strings; by default V8 lets the heap reach four times
 * the live size before collecting, which is most of the process's peak
 * memory (about 180 MB on a 1 GB log). At 50 % the 1 GB log peaks at about
 * 139 MB (30 %: 138 MB, with about 5 % more CPU time spent collecting);
 * scripts/bench/summary-pflogsumm.ts prints both.
 */
const HEAP_GROWING_PERCENT = 50;

export async function readSummary(file: string): Promise<LogSummary> {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const s = new LogSummariser();
  // read in large chunks (fewer system calls); the summariser takes them a block at a time
  for await (const chunk of createReadStream(file, { highWaterMark: 16 * BLOCK_BYTES })) s.push(chunk as Uint8Array);
  return s.finish();
}

export function summaryToText(file: string, s: LogSummary): string {
  const mb = (s.bytes / 1048576).toFixed(1);
  const out = [
    `== ${file}`,
    `${s.kind}: ${mb} MB, ${s.lines} lines, ${s.sessionsSeen} sessions, ${s.refusals} refusals (${s.hardRefusals} permanent), ${s.unknownLines} lines not understood`,
    `  inbound (this server refused): ${s.byDirection.inbound.refusals}; outbound (this server was refused): ${s.byDirection.outbound.refusals}${s.byDirection.unknown.refusals ? `; direction unknown: ${s.byDirection.unknown.refusals}` : ''}`,
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
    out.push('', `Refused sessions (diagnose one with: npm run analyze -- ${file} --session N):`);
    s.sessions
      .slice(0, 30)
      .forEach((x, i) =>
        out.push(
          `  ${String(i + 1).padStart(4)}. lines ${x.firstLine}-${x.lastLine}  ${x.direction}  ${x.first.reason}  ${[x.first.code, x.first.enhanced].filter(Boolean).join(' ')} ${x.first.text.slice(0, 80)}`,
        ),
      );
    if (s.sessions.length > 30) out.push(`  … ${s.sessions.length - 30} more (--json lists them all)`);
  }
  return out.join('\n');
}
