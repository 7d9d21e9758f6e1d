// Counting keys in bounded memory. A day of a server under a botnet's attack
// has hundreds of thousands of client IPs; counting each exactly would let
// the summary grow with the log. When a counter holds more than `max` keys,
// the rarest are dropped (lossy counting, Manku & Motwani 2002): the keys
// that matter — the top ones — keep exact counts unless they were themselves
// rare for a long stretch; what was dropped is added up in `dropped`.

import type { Count } from './types';
import { own } from './memo';
import { ipv4Number, ipv4Text } from './formats/ip';

export class BoundedCounter {
  /** Counts in boxes: one lookup per occurrence instead of a get and a set. */
  private readonly m = new Map<string, { n: number }>();
  /**
   * Plain dotted-quad IPv4 keys (addIp), as their 32-bit number: a busy log
   * names tens of thousands of client IPs, and a number key is hashed without
   * reading a string and keeps no string alive (nor makes the collector
   * promote one) for as long as it is counted.
   */
  private readonly v4 = new Map<number, number>();
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
    if (this.size > this.max) this.prune();
  }

  /** add() for an IP address (as the parsers normalise it); counted the same, kept cheaper. */
  addIp(ip: string | null | undefined): void {
    if (!ip) return;
    const k = ipv4Number(ip);
    if (k === null) return this.add(ip);
    const v4 = this.v4;
    const c = v4.get(k);
    if (c !== undefined) {
      v4.set(k, c + 1);
      return;
    }
    v4.set(k, 1);
    if (this.size > this.max) this.prune();
  }

  get size(): number {
    return this.m.size + this.v4.size;
  }

  /** Drop the rarest keys until at most half of `max` are left. */
  private prune(): void {
    const target = this.max >> 1;
    let floor = 1;
    while (this.size > target) {
      // forEach, not for…of: no [key, value] array per entry (deleting the current entry is allowed in both)
      this.m.forEach((c, k) => {
        if (c.n <= floor) {
          this.m.delete(k);
          this.dropped += c.n;
          this.droppedKeys++;
        }
      });
      this.v4.forEach((n, k) => {
        if (n <= floor) {
          this.v4.delete(k);
          this.dropped += n;
          this.droppedKeys++;
        }
      });
      floor *= 2;
    }
  }

  /** The n most counted keys (ties by key), without sorting every key: only those at or above the n-th count are. */
  top(n: number): Count[] {
    const size = this.size;
    if (!size || n <= 0) return [];
    const counts = new Float64Array(size);
    let i = 0;
    for (const c of this.m.values()) counts[i++] = c.n;
    for (const c of this.v4.values()) counts[i++] = c;
    counts.sort();
    const floor = counts[Math.max(0, size - n)];
    const out: Count[] = [];
    for (const [key, c] of this.m) if (c.n >= floor) out.push({ key, count: c.n });
    for (const [k, c] of this.v4) if (c >= floor) out.push({ key: ipv4Text(k), count: c });
    return out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, n);
  }
}
