// Kept in this browser (issue 15 point 6): the page's side of the Keeper —
// the history list, which kept diagnosis is on screen (so that its Done
// ticks are kept with it), and what to say when the browser keeps nothing.

import type { KeptDiagnosis, HistoryEntry, Keeper } from './kept';

export class Keeping {
  /** Recent diagnoses kept in this browser (newest first). */
  history = $state.raw<HistoryEntry[]>([]);
  showHistory = $state(false);
  /** Why diagnoses cannot be kept (storage off or full), or null. */
  problem = $state<string | null>(null);
  /** The id under which the diagnosis on screen is kept, if it is. */
  currentId: string | null = null;

  constructor(private readonly keeper: Keeper | null) {}

  private failed(e: unknown): void {
    const name = (e as DOMException)?.name;
    this.problem =
      name === 'QuotaExceededError'
        ? "This diagnosis could not be kept: this site's storage in the browser is full."
        : 'This browser does not let Mailmedic keep diagnoses (site storage is off or blocked): they are gone after a reload.';
  }

  /** Keep a finished diagnosis as the current one, at the top of the history. */
  async save(d: KeptDiagnosis): Promise<void> {
    if (!this.keeper) return;
    try {
      await this.keeper.save(d);
      this.currentId = d.id;
      this.problem = null;
      this.history = await this.keeper.history();
    } catch (e) {
      this.failed(e);
    }
  }

  saveDone(done: Record<string, boolean>): void {
    if (this.keeper && this.currentId) void this.keeper.saveDone(this.currentId, done).catch((e) => this.failed(e));
  }

  /** The page was cleared or shows something new: nothing kept is on screen. */
  leave(): void {
    this.currentId = null;
    void this.keeper?.leave().catch(() => {});
  }

  /** The history, and the diagnosis on screen when the page was left. */
  async restore(): Promise<KeptDiagnosis | null> {
    if (!this.keeper) return null;
    try {
      this.history = await this.keeper.history();
      return await this.keeper.current();
    } catch (e) {
      this.failed(e);
      return null;
    }
  }

  open(id: string): Promise<KeptDiagnosis | null> {
    return this.keeper ? this.keeper.open(id).catch(() => null) : Promise.resolve(null);
  }

  async forgetAll(): Promise<boolean> {
    this.history = [];
    this.currentId = null;
    try {
      await this.keeper?.forgetAll();
      return true;
    } catch (e) {
      this.failed(e);
      return false;
    }
  }
}
