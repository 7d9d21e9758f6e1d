// Issue 10, point 3: fuzzing in npm test (fast-check). Every property of
// test/support/fuzz.ts — text shaped like every input kind through every
// parser and the report builder, edits of the project's own fixtures, the
// Share redaction, the permalink codec — runs in a worker thread with a time
// limit, so that a hang fails the test and names the input it was on.
//
// The seed changes every run (printed below); a failure prints fast-check's
// counterexample and the command that replays it:
//   FUZZ_SEED=<seed> FUZZ_PATH=<path> FUZZ_ONLY=<property> npx vitest run test/unit/robust/fuzz.test.ts
// FUZZ_RUNS scales the number of runs (1 = the default budget, ~a minute in all on a 2-core machine).

import { describe, expect, it } from 'vitest';
import { runBounded } from '../../support/bounded';
import type { FuzzOutcome } from '../../support/fuzz';

const module = new URL('../../support/fuzz.ts', import.meta.url);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
const PATH = process.env.FUZZ_PATH;
const ONLY = process.env.FUZZ_ONLY;

/** Property, runs, and the time it may take in all (a hang detector: generous). */
const BUDGET: [string, number, number][] = [
  ['parsers', 600, 120_000],
  ['fixtures', 400, 150_000],
  ['redaction', 500, 30_000],
  ['permalinkDecode', 500, 30_000],
  ['permalinkRoundTrip', 150, 30_000],
];

describe('fuzzing (fast-check)', () => {
  for (const [name, runs, limit] of BUDGET.filter(([n]) => !ONLY || n === ONLY)) {
    it(
      name,
      async () => {
        const r = await runBounded(module, 'runFuzz', [[name, Math.max(1, Math.round(runs * SCALE)), SEED, PATH]], limit, {
          keepResults: true,
        });
        expect(
          r.finished,
          `${name} did not finish within ${limit} ms, or stayed 15 s on one input (seed ${SEED}); it was on: ${JSON.stringify(r.lastNote)?.slice(0, 2000)}\nreplay: FUZZ_SEED=${SEED} FUZZ_ONLY=${name} npx vitest run test/unit/robust/fuzz.test.ts`,
        ).toBe(true);
        expect(
          r.threw.map((t) => t.error),
          `the fuzz run itself threw (seed ${SEED})\nreplay: FUZZ_SEED=${SEED} FUZZ_ONLY=${name} npx vitest run test/unit/robust/fuzz.test.ts`,
        ).toEqual([]);
        const out = r.results[0] as FuzzOutcome;
        expect(out.failed, `${out.message}\nreplay: ${out.replay}`).toBe(false);
        console.log(`${name}: ${out.runs} runs, seed ${out.seed}`);
      },
      limit + 30_000,
    );
  }
});
