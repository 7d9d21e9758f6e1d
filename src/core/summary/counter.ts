// Counting keys in bounded memory. A day of a server under a botnet's attack
// has hundreds of thousands of client IPs; counting each exactly would let
// the summary grow with the log. When a counter holds more than `max` keys,
// the rarest are dropped (lossy counting, Manku & Motwani 2002): the keys
// that matter — the top ones — keep exact counts unless they were themselves
// rare for a long stretch; what was dropped is added up in `dropped`.

import type { Count } from './types';
import { own } from './memo';

export class BoundedCounter {
  /** Counts in boxes: one lookup per occurrence instead of a get and a set. */
  private readonly m = new Map<string, { n: number }>();
  /** Occurrences removed from the counter by pruning. */
  dropped = 0;
  /** Distinct keys removed. */
  droppedKeys = 0;

  constructor(private readonly max = 20_000) {}

  add(key: string | null | undefined, by = 1): void {
    if (!key) return;
    const m = this.m;
    const c = m.get(key);
    if (c !== undefined) {
      c.n += by;
      return;
    }
    // a new key is kept: its own copy, not a slice of the log
    m.set(own(key), { n: by });
    if (m.size > this.max) this.prune();
  }

  get size(): number {
    return this.m.size;
  }

  /** Drop the rarest keys until at most half of `max` are left. */
  private prune(): void {
    const target = this.max >> 1;
    let floor = 1;
    while (this.m.size > target) {
      for (const [k, c] of this.m) {
        if (c.n <= floor) {
          this.m.delete(k);
          this.dropped += c.n;
          this.droppedKeys++;
        }
      }
      floor *= 2;
    }
  }

  top(n: number): Count[] {
    return [...this.m.entries()]
      .map(([key, c]) => ({ key, count: c.n }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, n);
  }
}
