// npm run bench:summary -- FILE
// Measures the large-log summary the way the worker runs it: the file is read
// as a stream of chunks, split into lines, and fed to LogSummariser. Prints
// the time, the throughput, the peak heap and what the summary found.
// Make a 100 MB test file with: npm run make:large-log -- /tmp/large.log 100

import { createReadStream, statSync } from 'node:fs';
import { LogSummariser } from '../src/core/summary/summariser';
import { LineSplitter } from '../src/core/summary/lines';

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run bench:summary -- FILE');
    process.exit(2);
  }
  const size = statSync(file).size;
  const t0 = performance.now();
  const s = new LogSummariser();
  const split = new LineSplitter();
  let peak = 0;
  let read = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    read += Buffer.byteLength(chunk as string);
    s.push(split.push(chunk as string));
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  s.push(split.end());
  const summary = s.finish();
  const ms = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.log(`file: ${(size / 1048576).toFixed(1)} MB, ${summary.lines} lines (${summary.kind}), read ${(read / 1048576).toFixed(1)} MB`);
  console.log(`time: ${(ms / 1000).toFixed(2)} s, ${(size / 1048576 / (ms / 1000)).toFixed(1)} MB/s`);
  console.log(`peak heap: ${(peak / 1048576).toFixed(0)} MB`);
  console.log(
    `refusals: ${summary.refusals} (${summary.hardRefusals} permanent) in ${summary.sessions.length} kept sessions (+${summary.sessionsDropped} counted only); unknown lines: ${summary.unknownLines}`,
  );
  console.log(`by reason: ${summary.byReason.map((c) => `${c.key} ${c.count}`).join(', ')}`);
  console.log(
    `top remote hosts: ${summary.byRemoteHost
      .slice(0, 5)
      .map((c) => `${c.key} ${c.count}`)
      .join(', ')}`,
  );
  console.log(
    `top sender domains: ${summary.bySenderDomain
      .slice(0, 5)
      .map((c) => `${c.key} ${c.count}`)
      .join(', ')}`,
  );
}
main();
