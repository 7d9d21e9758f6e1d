// Kept in this browser: the page's side of the Keeper —
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

  /**
   * The keeper's jobs, one after another in the order the page asked for
   * them: a Done tick made while its diagnosis is still being written lands
   * after that write (not before it, on nothing), and "Forget everything"
   * runs after every write asked for before it (none lands after the clear).
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly keeper: Keeper | null) {}

  private inTurn<T>(job: () => Promise<T>): Promise<T> {
    const p = this.queue.then(job, job);
    this.queue = p.catch(() => {});
    return p;
  }

  private failed(e: unknown): void {
    const name = (e as DOMException)?.name;
    this.problem =
      name === 'QuotaExceededError'
        ? "This diagnosis could not be kept: this site's storage in the browser is full."
        : 'This browser does not let Mailmedic keep diagnoses (site storage is off or blocked): they are gone after a reload.';
  }

  /** Keep a finished diagnosis as the current one, at the top of the history. */
  async save(d: KeptDiagnosis): Promise<void> {
    const keeper = this.keeper;
    if (!keeper) return;
    // on screen from now on: its Done ticks go to it (queued behind this write)
    this.currentId = d.id;
    try {
      this.history = await this.inTurn(async () => {
        await keeper.save(d);
        return keeper.history();
      });
      this.problem = null;
    } catch (e) {
      this.failed(e);
    }
  }

  saveDone(done: Record<string, boolean>): void {
    const keeper = this.keeper;
    const id = this.currentId;
    if (keeper && id) void this.inTurn(() => keeper.saveDone(id, done)).catch((e) => this.failed(e));
  }

  /** The page was cleared or shows something new: nothing kept is on screen. */
  leave(): void {
    this.currentId = null;
    const keeper = this.keeper;
    if (keeper) void this.inTurn(() => keeper.leave()).catch(() => {});
  }

  /** The history, and the diagnosis on screen when the page was left. */
  async restore(): Promise<KeptDiagnosis | null> {
    const keeper = this.keeper;
    if (!keeper) return null;
    try {
      const [history, current] = await this.inTurn(() => Promise.all([keeper.history(), keeper.current()]));
      this.history = history;
      return current;
    } catch (e) {
      this.failed(e);
      return null;
    }
  }

  open(id: string): Promise<KeptDiagnosis | null> {
    const keeper = this.keeper;
    return keeper ? this.inTurn(() => keeper.open(id)).catch(() => null) : Promise.resolve(null);
  }

  async forgetAll(): Promise<boolean> {
    this.history = [];
    this.currentId = null;
    try {
      const keeper = this.keeper;
      if (keeper) await this.inTurn(() => keeper.forgetAll());
      return true;
    } catch (e) {
      this.failed(e);
      return false;
    }
  }
}
