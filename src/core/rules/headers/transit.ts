// transit.clock-skew and transit.delay: what the Received dates say about the
// journey. A hop dated before the one below it means a server clock is wrong
// (the delays then lie); a long hop shows where the message waited (a queue,
// greylisting, a retry after a temporary refusal).

import type { Step } from '../../types';
import type { Rule } from '../rule';

const SOURCES = ['RFC 5321 §4.4 (each relay prepends a Received field with its date)'];
/** A hop over an hour is worth a look; greylisting retries usually come within 5–30 minutes. */
const SLOW_SECONDS = 3600;

function duration(s: number): string {
  const a = Math.abs(s);
  if (a < 120) return `${Math.round(a)} s`;
  if (a < 7200) return `${Math.round(a / 60)} min`;
  if (a < 172800) return `${(a / 3600).toFixed(1)} h`;
  return `${(a / 86400).toFixed(1)} days`;
}

export const clockSkew: Rule = {
  steps: [{ id: 'transit.clock-skew' }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const hops = ctx.evidence.hops;
    const steps: Step[] = [];
    hops.forEach((h, i) => {
      if (h.delay === null || h.delay >= -1) return;
      const prev = hops
        .slice(0, i)
        .reverse()
        .find((x) => x.date);
      steps.push({
        rule: 'transit.clock-skew',
        status: 'warn',
        title: `Hop ${i + 1} (${h.by ?? 'unknown server'}) is dated ${duration(h.delay)} before the hop below it`,
        evidence: [
          { text: `${h.by ?? '?'} received it at ${h.date}`, line: h.line },
          ...(prev ? [{ text: `${prev.by ?? '?'} had received it at ${prev.date}`, line: prev.line }] : []),
        ],
        detail:
          'A message cannot arrive before it was sent: one of the two servers has a wrong clock or time zone, so delays around these hops are not real.',
        fix: [`Check the clock and time zone of ${h.by ?? 'this server'} and of ${prev?.by ?? 'the server before it'} (NTP).`],
        verify: [],
        sources: SOURCES,
      });
    });
    return steps;
  },
};

export const slowHop: Rule = {
  steps: [{ id: 'transit.delay' }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const hops = ctx.evidence.hops;
    const slow = hops.map((h, i) => ({ h, i })).filter(({ h }) => h.delay !== null && h.delay > SLOW_SECONDS);
    return slow.map(({ h, i }) => ({
      rule: 'transit.delay',
      status: 'info' as const,
      title: `The message waited ${duration(h.delay!)} before ${h.by ?? 'hop ' + (i + 1)} received it`,
      evidence: [{ text: `${h.from ?? h.ip ?? '?'} → ${h.by ?? '?'} at ${h.date}`, line: h.line }],
      detail:
        "A long wait at one hop is a queue: the sending server retried after a temporary refusal (greylisting, rate limits, a full mailbox) or could not reach the next server. The sending server's log for that time shows why.",
      fix: [
        `Look in the log of ${hops[i - 1]?.by ?? h.from ?? 'the previous server'} for this message's deferrals (4xx replies) around ${hops[i - 1]?.date ?? h.date}.`,
      ],
      verify: [],
      sources: SOURCES,
    }));
  },
};
