// Where the time goes for one adversarial input (issue 10): a CPU profile of
// analyze() on it, the functions with the most time of their own (a
// backtracking regular expression shows as the function that runs it).
//
//   npx tsx scripts/robust/profile-one.ts postfix-reject/digits 20000

import { Session } from 'node:inspector/promises';
import { findAdversarial, timeAdversarial } from '../../test/support/adversarial';

const [name, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg ?? 20000);
findAdversarial(name);
await timeAdversarial(name, 200); // warm up
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const { ms } = await timeAdversarial(name, size, 1, !!process.env.UNLIMITED);
const { profile } = await session.post('Profiler.stop');
const self = new Map<string, number>();
const dt = profile.timeDeltas ?? [];
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
(profile.samples ?? []).forEach((id, i) => {
  const n = byId.get(id)!;
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log(`${name} at ${size}: ${ms.toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
