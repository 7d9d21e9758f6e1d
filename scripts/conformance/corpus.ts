// One measured corpus: a name, and a run that scores Mailmedic against the
// corpus' expected answers and lists the misses so that each can be looked at.

export interface CorpusScore {
  /** What was scored, e.g. "records" (printed after the counts). */
  unit?: string;
  passed: number;
  total: number;
  misses: string[];
  /** Extra score lines, "name: passed/total" (e.g. per-field agreement). */
  extra?: { name: string; passed: number; total: number }[];
  /** Score lines printed instead of "name: passed/total" (a corpus with several figures). */
  lines?: string[];
}

export interface Corpus {
  name: string;
  /** The folder under the corpora root that it needs (an absolute path when `local`). */
  folder: string;
  /** The corpus lives in this repository (test/fixtures): measured even without ../shared/corpora. */
  local?: boolean;
  run(dir: string): Promise<CorpusScore>;
}
