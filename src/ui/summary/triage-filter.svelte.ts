// The triage's filters and search: which refused sessions
// and groups the list shows. The rows come ready from the worker; this only
// matches them against the user's choices.

import type { GroupBy, SessionRow, SummaryGroup, SummaryView } from '../../worker/view/types';

export type FilterKey = 'direction' | 'reason' | 'remoteHost' | 'senderDomain' | 'clientIp';
export const FILTER_KEYS: FilterKey[] = ['direction', 'reason', 'remoteHost', 'senderDomain', 'clientIp'];

export class TriageFilter {
  chosen = $state<Record<FilterKey, string>>({ direction: '', reason: '', remoteHost: '', senderDomain: '', clientIp: '' });
  search = $state('');

  get active(): boolean {
    return !!this.search.trim() || FILTER_KEYS.some((k) => this.chosen[k]);
  }

  private fits(r: Pick<SessionRow, FilterKey>): boolean {
    return FILTER_KEYS.every((k) => !this.chosen[k] || r[k] === this.chosen[k]);
  }

  sessions(v: SummaryView): SessionRow[] {
    const words = this.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return v.sessions.filter((r) => this.fits(r) && words.every((w) => r.search.includes(w)));
  }

  /**
   * The groups (summed up `by` one way): all of them with no filter, else
   * those holding a session the filters keep (with only those sessions). The
   * counts stay the whole log's.
   */
  groups(v: SummaryView, by: GroupBy, shown: SessionRow[]): SummaryGroup[] {
    if (!this.active) return v.groups[by];
    const keep = new Set(shown.map((r) => r.index));
    return v.groups[by].map((g) => ({ ...g, sessions: g.sessions.filter((i) => keep.has(i)) })).filter((g) => g.sessions.length);
  }

  /** Show one group's sessions only (its direction and its value). */
  pickGroup(g: SummaryGroup): void {
    this.chosen = { ...this.chosen, direction: g.direction, [g.by]: g.value ?? '' };
  }

  clear(): void {
    this.chosen = { direction: '', reason: '', remoteHost: '', senderDomain: '', clientIp: '' };
    this.search = '';
  }
}
