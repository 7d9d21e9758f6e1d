// A section of npm run bench: the large-log summary of each log format the
// generator writes (npm run make:large-log -- --format …), 100 MB each, by the
// built CLI: MB/s and peak memory (issue 14 point 2: "Exim, Sendmail, MDaemon
// and Exchange logs at comparable speed"). Not a test: it prints figures.

import { FORMATS } from '../make-large-log';
import { RUNS, builtCli, largeLog, load, mbOf, measure, median } from './_large';

async function main() {
  const cli = builtCli();
  for (const format of FORMATS) {
    const file = await largeLog(format, 100);
    const runs = Array.from({ length: RUNS }, () => measure(process.execPath, [cli, file, '--summary', '--offline']));
    const s = median(runs.map((r) => r.seconds));
    const peak = median(runs.map((r) => r.peakMb));
    console.log(
      `${format} (${mbOf(file).toFixed(0)} MB): ${s.toFixed(2)} s, ${(mbOf(file) / s).toFixed(0)} MB/s, peak ${peak.toFixed(0)} MB (median of ${RUNS}, load ${load()})`,
    );
  }
}

main();
