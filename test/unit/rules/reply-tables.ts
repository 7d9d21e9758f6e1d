// The shared suite for tables of documented reply texts (receiver-docs.test.ts, product-docs.test.ts): every
// text is explained by its knowledge entry and leads to the step it means, in each form of forms() — bare, cut
// short, in a Postfix bounce line and folded into a DSN's Diagnostic-Code — and a similar text that is not it is
// not read as it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { knowledgeById } from '../../../src/core/knowledge/replies';
import { forms, type DocTable } from './receiver-docs.table';

async function read(text: string) {
  const r = await analyze(text);
  const first = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  const j = r.rejections[0];
  return { knowledge: j?.knowledge ?? null, reason: j?.reason, first: first?.rule };
}

/** One describe per table, titled `<receiver>: <what> (<source>)`. */
export function describeReplyTables(tables: readonly DocTable[], what: string): void {
  for (const table of tables) {
    describe(`${table.receiver}: ${what} (${table.source})`, () => {
      const cases = table.rows.flatMap((row) =>
        forms(table, row).map(
          ([form, paste]) => [`${row.code} ${row.enhanced ?? ''} ${row.text.slice(0, 60)}… (${form})`, row, form, paste] as const,
        ),
      );
      it.each(cases)('%s', async (_name, row, form, paste) => {
        const got = await read(paste);
        // a reply cut short may leave only words another entry (or a reason table) also knows: the reason and the
        // step must stay, the entry may be a more general one
        if (form !== 'cut short') expect(got.knowledge).toBe(row.id);
        expect(got.reason).toBe(row.reason);
        expect(got.first).toBe(row.first);
      });

      it.each(table.rows.map((row) => [row.not, row] as const))('not read as its entry: %s', async (not, row) => {
        expect((await read(not)).knowledge).not.toBe(row.id);
      });

      it('every entry it names exists and cites a source', () => {
        for (const row of table.rows) {
          const k = knowledgeById(row.id);
          expect(k, row.id).toBeDefined();
          expect(k!.sources.length, row.id).toBeGreaterThan(0);
        }
      });
    });
  }
}
