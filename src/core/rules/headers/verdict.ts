// verdict.spam and verdict.bulk: what the receiving spam filter concluded,
// from its own headers (knowledge/verdicts). This is often the answer to
// "why did my mail go to junk": the filter says so, and the other steps
// (authentication, reverse DNS, blocklists, headers) say what to fix.

import type { Step, Verdict } from '../../types';
import type { Rule } from '../rule';

function describe(v: Verdict): string[] {
  return v.items
    .filter((i) => i.level && i.level !== 'info')
    .map((i) => `${v.header} ${i.key === 'value' ? '' : i.key + ':'}${i.value} — ${i.meaning ?? 'not documented'}`);
}

function listed(v: Verdict): string[] {
  // SpamAssassin / Rspamd tests with a Mailmedic counterpart, heaviest first
  const out: string[] = [];
  for (const i of v.items)
    for (const t of i.list ?? [])
      if (t.rule && (t.points ?? 1) > 0)
        out.push(`${t.name}${t.points !== null ? ` (${t.points})` : ''}: ${t.meaning ?? ''} → see ${t.rule}`);
  return out;
}

export const verdictSpam: Rule = {
  steps: [{ id: 'verdict.spam' }, { id: 'verdict.bulk' }],
  reads: [],
  sources: [],
  run(ctx) {
    const verdicts = ctx.evidence.message?.facts?.verdicts ?? [];
    if (!verdicts.length) return [];
    const bad = verdicts.filter((v) => v.level && ['spam', 'phish', 'malware', 'blocked'].includes(v.level));
    const bulk = verdicts.filter((v) => v.level === 'bulk');
    const steps: Step[] = [];
    const sources = [...new Set(verdicts.flatMap((v) => v.sources))];
    if (bad.length) {
      const advice = [...new Set(bad.flatMap((v) => v.items.map((i) => i.advice).filter((a): a is string => !!a)))];
      const tests = bad.flatMap(listed);
      // the fullest report names the filter best (X-Forefront-Antispam-Report over X-MS-Exchange-Organization-SCL)
      const main = [...bad].sort((a, b) => b.items.length - a.items.length)[0];
      steps.push({
        rule: 'verdict.spam',
        status: 'fail',
        title: `${main.filter} classified the message as ${main.level === 'blocked' ? 'blocked' : main.level}`,
        evidence: bad.flatMap((v) => describe(v).map((text) => ({ text, line: v.line }))),
        detail:
          "The receiving filter's own verdict, from the headers it added. The steps about authentication, reverse DNS, blocklists and headers show what it held against the message.",
        fix: [...advice, ...tests.map((t) => `The filter's test ${t}`)].slice(0, 8),
        verify: ['Send a new test message to the same mailbox and read these headers again.'],
        sources,
      });
    } else {
      steps.push({
        rule: 'verdict.spam',
        status: 'pass',
        title: `${[...verdicts].sort((a, b) => b.items.length - a.items.length)[0].filter} did not classify the message as spam`,
        evidence: verdicts.flatMap((v) => describe(v).map((text) => ({ text, line: v.line }))).slice(0, 6),
        fix: [],
        verify: [],
        sources,
      });
    }
    if (bulk.length) {
      steps.push({
        rule: 'verdict.bulk',
        status: 'warn',
        title: `${bulk[0].filter} rated the message as bulk mail`,
        evidence: bulk.flatMap((v) => describe(v).map((text) => ({ text, line: v.line }))),
        detail: "Bulk mail is filed as junk once its complaint level reaches the recipient organisation's threshold.",
        fix: [...new Set(bulk.flatMap((v) => v.items.map((i) => i.advice).filter((a): a is string => !!a)))],
        verify: [],
        sources,
      });
    }
    return steps;
  },
};
