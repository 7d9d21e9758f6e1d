// The page's memory in this browser, in IndexedDB through
// idb-keyval (a small, maintained key-value wrapper): IndexedDB takes
// megabytes of input where localStorage's ~5 MB quota and synchronous writes
// would not. One database of its own, so that "Forget everything" clears
// exactly what Mailmedic kept; settings stay in localStorage (DESIGN.md
// contract 6).

import { createStore, del, delMany, get, keys, set, clear } from 'idb-keyval';
import { HISTORY_SIZE, type HistoryEntry, type KeptDiagnosis, type Keeper } from '../ui/state/kept';

const CURRENT = 'current';
const HISTORY = 'history';
const diagKey = (id: string) => `diagnosis:${id}`;

function entryOf(d: KeptDiagnosis): HistoryEntry {
  const first = d.view.inputs[0];
  return {
    id: d.id,
    savedAt: d.savedAt,
    title: d.view.verdict.sentence,
    input: [first ? `${first.words}, ${first.lines} ${first.lines === 1 ? 'line' : 'lines'}` : 'Input', d.fileName]
      .filter(Boolean)
      .join(' · '),
    tone: d.view.verdict.tone,
  };
}

export function indexedDbKeeper(): Keeper | null {
  if (typeof indexedDB === 'undefined') return null;
  let store: ReturnType<typeof createStore>;
  try {
    store = createStore('mailmedic', 'kept');
  } catch {
    return null;
  }
  const history = async () => ((await get<HistoryEntry[]>(HISTORY, store)) ?? []).filter((e) => e && typeof e.id === 'string');
  return {
    async current() {
      const id = await get<string>(CURRENT, store);
      return id ? ((await get<KeptDiagnosis>(diagKey(id), store)) ?? null) : null;
    },
    async save(d) {
      await set(diagKey(d.id), d, store);
      const list = [entryOf(d), ...(await history()).filter((e) => e.id !== d.id)];
      const dropped = list.slice(HISTORY_SIZE).map((e) => diagKey(e.id));
      await set(HISTORY, list.slice(0, HISTORY_SIZE), store);
      await set(CURRENT, d.id, store);
      if (dropped.length) await delMany(dropped, store);
    },
    async saveDone(id, done) {
      // one read-write transaction: no other write slips between the read and
      // the write (idb-keyval's update() would also write a diagnosis that is gone)
      await store(
        'readwrite',
        (s) =>
          new Promise<void>((resolve, reject) => {
            const req = s.get(diagKey(id));
            req.onsuccess = () => {
              if (req.result) s.put({ ...(req.result as KeptDiagnosis), done }, diagKey(id));
            };
            s.transaction.oncomplete = () => resolve();
            s.transaction.onerror = s.transaction.onabort = () => reject(s.transaction.error);
          }),
      );
    },
    async leave() {
      await del(CURRENT, store);
    },
    history,
    async open(id) {
      const d = (await get<KeptDiagnosis>(diagKey(id), store)) ?? null;
      if (d) await set(CURRENT, id, store);
      return d;
    },
    async forgetAll() {
      await clear(store);
      // nothing else of Mailmedic's is left under this store's names
      if ((await keys(store)).length) throw new Error('the browser kept some entries');
    },
  };
}
