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
}

export interface Corpus {
  name: string;
  /** The folder under the corpora root that it needs. */
  folder: string;
  run(dir: string): Promise<CorpusScore>;
}
