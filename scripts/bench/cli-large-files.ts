// A section of npm run bench: the CLI on files too large to hold (issue 10
// point 4): a 600 MB and a 1 GB generated Postfix log, and a 600 MB file of
// zeros (no log: it must be refused without being decoded whole), each as a
// user runs it (`analyze FILE --offline`, the built CLI): time, peak memory,
// exit code. Not a test: it prints figures.

import { closeSync, openSync, ftruncateSync, existsSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, builtCli, largeLog, load, mbOf, measure } from './_large';

async function main() {
  const cli = builtCli();
  const zeros = path.join(BENCH_DIR, 'zeros-600mb.bin');
  if (!existsSync(zeros)) {
    const fd = openSync(zeros, 'w');
    ftruncateSync(fd, 600 * 1048576);
    closeSync(fd);
  }
  for (const [label, file] of [
    ['600 MB Postfix log', await largeLog('postfix', 600)],
    ['1 GB Postfix log', await largeLog('postfix', 1024)],
    ['600 MB of zeros (no log)', zeros],
  ] as const) {
    const m = measure(process.execPath, [cli, file, '--offline']);
    console.log(
      `${label}: ${m.seconds.toFixed(1)} s, ${(mbOf(file) / m.seconds).toFixed(0)} MB/s, CPU ${m.cpuSeconds.toFixed(1)} s, peak ${m.peakMb.toFixed(0)} MB, exit ${m.code} (load ${load()})`,
    );
  }
}

main();
