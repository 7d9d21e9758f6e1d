// Probe: each line of a TSV file is "ACCEPTED-RULES<TAB>INPUT" (INPUT with \n escapes); prints the first
// fail/warn step of the offline analysis and whether it is one of the accepted rules. A lead's tool for
// auditing families of texts whose expected diagnosis was written before the run.
import { readFileSync } from 'node:fs';
import { analyze } from '../src/core';
import { firstProblem } from './conformance/real';

let ok = 0;
let n = 0;
for (const row of readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!row.trim() || row.startsWith('#')) continue;
  const [want, raw] = row.split('\t');
  const input = raw.replace(/\\n/g, '\n');
  const report = await analyze(input, {});
  const f = firstProblem(report);
  const good = !!f && want.split('|').includes(f.rule);
  n++;
  if (good) ok++;
  console.log(
    `${good ? 'ok  ' : 'MISS'} ${report.inputs
      .map((i) => i.kind)
      .join(',')
      .padEnd(14)} ${f ? `${f.rule}:${f.status}` : 'none'}  want ${want}  | ${input.slice(0, 110).replace(/\n/g, '⏎')}`,
  );
}
console.log(`${ok}/${n}`);
