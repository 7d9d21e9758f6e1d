// Find the super-linear paths (issue 10, point 2): every adversarial input
// (test/support/adversarial.ts) analysed offline at doubling sizes, in a
// worker with a time limit for each; an input whose time grows more than
// RATIO× when its size doubles, or that does not finish, is listed. Not a
// test — a tool to audit with; the test and the bench use the same inputs.
//
//   npx tsx scripts/robust/find-superlinear.ts [word…]   (only inputs whose name contains a word)
//   SIZES=5000,10000,20000,40000 LIMIT_MS=5000 RATIO=2.5 VERBOSE=1

import { adversarialSet } from '../../test/support/adversarial';
import { runBounded } from '../../test/support/bounded';

const SIZES = (process.env.SIZES ?? '5000,10000,20000,40000').split(',').map(Number);
const LIMIT = Number(process.env.LIMIT_MS ?? 5000);
const RATIO = Number(process.env.RATIO ?? 2.5);
const only = process.argv.slice(2);
const module = new URL('../../test/support/adversarial.ts', import.meta.url);

const names = adversarialSet()
  .map((a) => a.name)
  .filter((n) => !only.length || only.some((w) => n.includes(w)));
const jobs = names.flatMap((n) => SIZES.map((s) => [n, s, 2] as [string, number, number]));
const times = new Map<string, (number | string)[]>();
let from = 0;
while (from < jobs.length) {
  const batch = jobs.slice(from);
  const r = await runBounded(module, 'timeAdversarial', batch, LIMIT, {
    keepResults: true,
    perInput: true,
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  batch.forEach(([n], i) => {
    const v = r.results[i] as { ms: number } | undefined;
    if (v) times.set(n, [...(times.get(n) ?? []), v.ms]);
  });
  for (const t of r.threw) times.set(t.args[0] as string, [...(times.get(t.args[0] as string) ?? []), `threw ${t.error}`]);
  if (r.finished) break;
  const hung = batch[r.hungAt!];
  times.set(hung[0], [...(times.get(hung[0]) ?? []), `> ${LIMIT} ms at ${hung[1]}`]);
  // skip the larger sizes of the input that hung
  from += r.hungAt! + 1;
  while (from < jobs.length && jobs[from][0] === hung[0]) from++;
}

let flagged = 0;
for (const n of names) {
  const t = times.get(n) ?? [];
  const nums = t.filter((x): x is number => typeof x === 'number');
  const ratios = nums.slice(1).map((x, i) => (x > 20 ? x / Math.max(nums[i], 1) : 0));
  const worst = Math.max(0, ...ratios);
  const bad = t.some((x) => typeof x === 'string') || worst > RATIO;
  const line = `${n}: ${t.map((x) => (typeof x === 'number' ? x.toFixed(0) : x)).join(' → ')}${worst > RATIO ? `  ×${worst.toFixed(1)}` : ''}`;
  if (bad) flagged++;
  if (bad || process.env.VERBOSE) console.log(`${bad ? 'FLAG' : '    '} ${line}`);
}
console.log(`\n${flagged} of ${names.length} flagged (sizes ${SIZES.join(', ')}; limit ${LIMIT} ms)`);
