// What the page keeps in this browser: the current
// diagnosis (input, report, view, Done ticks) and a short history of recent
// ones. Never sent anywhere. The store itself (IndexedDB) is the app's
// (src/app/keep.ts); the page sees this interface only.

import type { Report } from '../../core/types';
import type { ReportView } from '../../worker/view/types';

/**
 * Bumped when ReportView's shape changes: a kept view of another version is
 * rebuilt from its report by the worker instead of being drawn.
 */
export const VIEW_VERSION = 2;

export interface KeptDiagnosis {
  id: string;
  /** ISO 8601. */
  savedAt: string;
  input: string;
  fileName: string | null;
  exactBytes: boolean;
  report: Report;
  view: ReportView;
  viewVersion: number;
  done: Record<string, boolean>;
}

/** One line of the history list (the diagnosis itself is read when opened). */
export interface HistoryEntry {
  id: string;
  savedAt: string;
  /** The verdict's sentence. */
  title: string;
  /** What the input was ("Postfix log, 30 lines · mail.log"). */
  input: string;
  tone: ReportView['verdict']['tone'];
}

export interface Keeper {
  /** The diagnosis shown when the page was left, if any. */
  current(): Promise<KeptDiagnosis | null>;
  /** Keep a diagnosis as the current one and at the top of the history. */
  save(d: KeptDiagnosis): Promise<void>;
  /** Keep the Done ticks of a kept diagnosis. */
  saveDone(id: string, done: Record<string, boolean>): Promise<void>;
  /** The page was cleared: no current diagnosis (the history stays). */
  leave(): Promise<void>;
  history(): Promise<HistoryEntry[]>;
  open(id: string): Promise<KeptDiagnosis | null>;
  /** Forget everything kept: the current diagnosis and the whole history. */
  forgetAll(): Promise<void>;
}

/** How many diagnoses the history keeps. */
export const HISTORY_SIZE = 10;
