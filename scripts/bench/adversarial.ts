// A section of npm run bench (scripts/bench.ts): the worst time per MB over the
// adversarial set of issue 10 (test/support/adversarial.ts: long runs of
// spaces, tabs, dots, digits, "@", "(", "=", "-", URLs, encoded words… in every
// place a real input carries free text, and counts of repeated parts: a DSN's
// recipients, header fields, folded lines). Each input is analysed offline in
// a worker thread with a time limit; the figure is the least of RUNS times,
// per MB of input. Then the slowest few again at 1 MB, and one 1 MB line.
// Not a test: it prints figures.
//
//   SIZE=262144 RUNS=2 LIMIT_MS=20000 TOP=8 npm run bench -- adversarial

import { loadavg } from 'node:os';
import { adversarialSet } from '../../test/support/adversarial';
import { runBounded } from '../../test/support/bounded';

const SIZE = Number(process.env.SIZE ?? 256 * 1024);
const RUNS = Number(process.env.RUNS ?? 2);
const LIMIT = Number(process.env.LIMIT_MS ?? 20000);
const TOP = Number(process.env.TOP ?? 8);
const module = new URL('../../test/support/adversarial.ts', import.meta.url);

interface Figure {
  name: string;
  size: number;
  ms: number | null;
  chars: number;
}

/** Time every input at its size; one worker, restarted after an input that ran out of time. */
async function timeAll(jobs: [string, number][]): Promise<Figure[]> {
  const out: Figure[] = [];
  let from = 0;
  while (from < jobs.length) {
    const batch = jobs.slice(from);
    const r = await runBounded(
      module,
      'timeAdversarial',
      batch.map(([n, s]) => [n, s, RUNS]),
      LIMIT,
      { keepResults: true, perInput: true, resourceLimits: { maxOldGenerationSizeMb: 4096 } },
    );
    batch.forEach(([name, size], i) => {
      const v = r.results[i] as { ms: number; chars: number } | undefined;
      if (v) out.push({ name, size, ms: v.ms, chars: v.chars });
    });
    if (r.finished) break;
    const [name, size] = batch[r.hungAt!];
    out.push({ name, size, ms: null, chars: size });
    from += r.hungAt! + 1;
  }
  return out;
}

const perMb = (f: Figure) => (f.ms === null ? Infinity : f.ms / (f.chars / 1048576));
const show = (f: Figure) =>
  `${f.name} (${(f.chars / 1024).toFixed(0)} KB): ${f.ms === null ? `over ${LIMIT} ms` : `${f.ms.toFixed(0)} ms, ${perMb(f).toFixed(0)} ms/MB`}`;

const set = adversarialSet();
const t0 = performance.now();
const all = await timeAll(set.map((a) => [a.name, SIZE]));
all.sort((a, b) => perMb(b) - perMb(a));
const finite = all.filter((f) => f.ms !== null).map(perMb);
finite.sort((a, b) => a - b);
console.log(
  `adversarial inputs: ${set.length} at ${(SIZE / 1024).toFixed(0)} KB, least of ${RUNS} runs each (load average ${loadavg()[0].toFixed(2)})`,
);
console.log(`over the time limit (${LIMIT} ms): ${all.filter((f) => f.ms === null).length}`);
console.log(`median time per MB: ${finite[Math.floor(finite.length / 2)]?.toFixed(0)} ms/MB`);
console.log(
  `worst time per MB: ${perMb(all[0]) === Infinity ? `over ${((LIMIT / SIZE) * 1048576).toFixed(0)}` : perMb(all[0]).toFixed(0)} ms/MB (${all[0].name})`,
);
for (const f of all.slice(0, TOP)) console.log(`  ${show(f)}`);

// the slowest again at 1 MB: their time per MB should stay the same (linear)
const big = await timeAll(all.slice(0, TOP).map((f) => [f.name, 1048576]));
big.sort((a, b) => perMb(b) - perMb(a));
console.log(`the ${TOP} slowest at 1 MB:`);
for (const f of big) console.log(`  ${show(f)}`);
console.log(`worst time per MB at 1 MB: ${perMb(big[0]) === Infinity ? 'over the limit' : perMb(big[0]).toFixed(0)} ms/MB`);
// the Share dialog's redaction of one long address-like token (100k characters stalled the page 11.6 s)
const red = await runBounded(module, 'timeRedaction', [['a.', 1048576, RUNS]], LIMIT, { keepResults: true });
const rv = red.results[0] as { ms: number; chars: number } | undefined;
console.log(`Share redaction of a 1 MB address-like token: ${rv ? `${rv.ms.toFixed(0)} ms` : `over ${LIMIT} ms`}`);
console.log(`section time: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
