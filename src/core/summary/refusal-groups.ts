// The summary's refusal groups — one per (direction, reason, remote host,
// sender domain, client IP) — found through nested maps, one level per
// field: a lookup builds no key string. (A key joined from the five fields
// was built, flattened, hashed and copied for every refusal counted: most of
// the cost of counting one on a busy log, where most combinations are new.)
// A Set keeps the groups in the order they were made, as one map keyed by the
// joined fields did: the summary's order and its pruning depend on it.

import type { Direction, RefusalGroup } from './types';

type Level<T> = Map<string, T>;
type ByIp = Level<RefusalGroup>;
type ByDomain = Level<ByIp>;
type ByRemote = Level<ByDomain>;
type ByReason = Level<ByRemote>;

export class RefusalGroups {
  private readonly root = new Map<Direction, ByReason>();
  private readonly order = new Set<RefusalGroup>();

  get size(): number {
    return this.order.size;
  }

  /** The group of these fields (null counts as ""), if there is one. */
  get(direction: Direction, reason: string, remote: string | null, domain: string | null, ip: string | null): RefusalGroup | undefined {
    return this.root
      .get(direction)
      ?.get(reason)
      ?.get(remote ?? '')
      ?.get(domain ?? '')
      ?.get(ip ?? '');
  }

  /** Add a group, filed by its own fields. */
  add(g: RefusalGroup): void {
    let byReason = this.root.get(g.direction);
    if (!byReason) this.root.set(g.direction, (byReason = new Map()));
    let byRemote = byReason.get(g.reason);
    if (!byRemote) byReason.set(g.reason, (byRemote = new Map()));
    let byDomain = byRemote.get(g.remoteHost ?? '');
    if (!byDomain) byRemote.set(g.remoteHost ?? '', (byDomain = new Map()));
    let byIp = byDomain.get(g.senderDomain ?? '');
    if (!byIp) byDomain.set(g.senderDomain ?? '', (byIp = new Map()));
    byIp.set(g.clientIp ?? '', g);
    this.order.add(g);
  }

  /** Remove a group, and the levels it leaves empty. */
  private remove(g: RefusalGroup): void {
    this.order.delete(g);
    const byReason = this.root.get(g.direction);
    const byRemote = byReason?.get(g.reason);
    const byDomain = byRemote?.get(g.remoteHost ?? '');
    const byIp = byDomain?.get(g.senderDomain ?? '');
    if (!byReason || !byRemote || !byDomain || !byIp) return;
    byIp.delete(g.clientIp ?? '');
    if (byIp.size) return;
    byDomain.delete(g.senderDomain ?? '');
    if (byDomain.size) return;
    byRemote.delete(g.remoteHost ?? '');
    if (byRemote.size) return;
    byReason.delete(g.reason);
    if (!byReason.size) this.root.delete(g.direction);
  }

  /** Remove the groups counted at most `floor` times (oldest first); the refusals they held. */
  prune(floor: number): number {
    let dropped = 0;
    for (const g of [...this.order]) {
      if (g.count <= floor) {
        this.remove(g);
        dropped += g.count;
      }
    }
    return dropped;
  }

  /** The groups in the order they were made. */
  values(): RefusalGroup[] {
    return [...this.order];
  }
}
