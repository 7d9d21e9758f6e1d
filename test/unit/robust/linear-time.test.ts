// Issue 10, point 2: linear time on any input. Adversarial inputs
// (test/support/adversarial.ts) that were quadratic before the fixes are
// analysed at a size and at four times that size, with no refusal text cut
// (limits.maxReplyChars raised), so that every pattern sees the whole run. A
// linear reader takes about four times as long, a quadratic one sixteen times.
// The check allows up to eight times (and measures again before failing), so
// that a loaded machine does not make it flaky; it asserts no absolute speed.
// Everything runs in a worker thread with a generous time limit, so that a
// regression fails rather than hangs. Speed itself is measured by npm run
// bench (scripts/bench/adversarial.ts).

import { beforeAll, describe, expect, it } from 'vitest';
import { runBounded } from '../../support/bounded';

const module = new URL('../../support/adversarial.ts', import.meta.url);

/** Inputs that took quadratic time before issue 10 (one or two per mechanism that was fixed). */
const ONCE_QUADRATIC = [
  'postfix-reject/digits', // the address mask in classify.ts; bounce detection's address patterns
  'postfix-reject/letter-dot',
  'postfix-reject/hyphens',
  'postfix-reject/ip-ish', // the domain tokens of the DNSBL checks
  'postfix-reject/tabs', // trailing-whitespace patterns
  'postfix-reject/open-bracket', // " from host[ip" in Postfix's reader
  'header-received-tls/letters', // "(\S+) encrypted" in received-with.ts
  'header-from/letter-at',
  'bare-reply/letters', // an address in running text (bounce/text.ts)
  'ndr-text/digits',
  'mdaemon/spaces', // "Accepting SMTP connection from … to …"
  'exim/addresses',
  'dsn-diagnostic/spaces',
  'count/dsn-recipients',
  'count/folded-tabs',
];

const SIZE = 16 * 1024;
const LIMIT_MS = 30_000;

/** Least of two runs at SIZE and at 4 × SIZE, for each name, in one worker. */
async function measure(names: string[]): Promise<Map<string, [number, number]>> {
  // counts of repeated parts (a DSN's recipients) need more parts than a run needs characters
  const size = (n: string) => (n.startsWith('count/') ? SIZE * 8 : SIZE);
  const inputs = names.flatMap((n) => [
    [n, size(n), 3, true],
    [n, size(n) * 4, 3, true],
  ]);
  const r = await runBounded(module, 'timeAdversarial', inputs, LIMIT_MS, { keepResults: true, perInput: true });
  expect(r.hungOn, `${JSON.stringify(r.hungOn)} did not finish within ${LIMIT_MS} ms`).toBeUndefined();
  expect(r.threw).toEqual([]);
  const out = new Map<string, [number, number]>();
  names.forEach((n, i) => out.set(n, [(r.results[2 * i] as { ms: number }).ms, (r.results[2 * i + 1] as { ms: number }).ms]));
  return out;
}

// a floor under the small time: a few milliseconds of noise must not read as growth
const growth = ([a, b]: [number, number]) => b / Math.max(a, 20);

describe('time grows linearly with adversarial input', () => {
  let first: Map<string, [number, number]>;
  beforeAll(async () => {
    first = await measure(ONCE_QUADRATIC);
  }, 240_000);

  it.each(ONCE_QUADRATIC)(
    '%s',
    async (name) => {
      // a loaded machine (other test runs, a collection of garbage) can slow one run:
      // measured again, up to three times, before a growth counts
      let g = growth(first.get(name)!);
      for (let i = 0; i < 3 && g >= 8; i++) g = Math.min(g, growth((await measure([name])).get(name)!));
      expect(g, `${name}: 4× the input took ${g.toFixed(1)}× the time`).toBeLessThan(8);
    },
    120_000,
  );

  it.each(['a', 'a.', 'a-', '1'])(
    'the Share redaction of a long address-like token of "%s"',
    async (unit) => {
      const size = 64 * 1024;
      const run = async () => {
        const r = await runBounded(
          module,
          'timeRedaction',
          [
            [unit, size, 3],
            [unit, size * 4, 3],
          ],
          LIMIT_MS,
          { keepResults: true },
        );
        expect(r.finished, 'the redaction did not finish within the limit').toBe(true);
        const [a, b] = r.results as { ms: number }[];
        return growth([a.ms, b.ms]);
      };
      let g = await run();
      for (let i = 0; i < 3 && g >= 8; i++) g = Math.min(g, await run());
      expect(g, `4× the token took ${g.toFixed(1)}× the time`).toBeLessThan(8);
    },
    240_000,
  );

  it(
    'a 1 MB adversarial line is read (a hang detector, not a speed test)',
    async () => {
      const r = await runBounded(module, 'timeAdversarial', [['postfix-reject/letter-dot', 1 << 20, 1]], LIMIT_MS, { keepResults: true });
      expect(r.finished, 'a 1 MB line did not finish within the limit').toBe(true);
    },
    2 * LIMIT_MS,
  );
});
