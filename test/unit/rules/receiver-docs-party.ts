// Documented-reply tables whose rows also name who acts (receiver-docs-regional.test.ts,
// receiver-docs-carriers.test.ts): the row builder and the suite every such table runs — each text read bare,
// cut short, in a Postfix bounce line and in a DSN's Diagnostic-Code (forms() of receiver-docs.table.ts), with
// the entry, the reason, the first step and who acts; and the near-miss that must not be read as the entry.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { knowledgeById } from '../../../src/core/knowledge/replies';
import { forms, type DocRow, type DocTable } from './receiver-docs.table';

export type PartyRow = DocRow & { party: string };
export type PartyTable = Omit<DocTable, 'rows'> & { rows: PartyRow[] };

export const partyRow = (
  id: string,
  code: number,
  enhanced: string | null,
  text: string,
  stage: DocRow['stage'],
  reason: string,
  first: string,
  party: string,
  not: string,
  short?: string,
): PartyRow => ({ id, code, enhanced, text, stage, reason, first, party, not, ...(short ? { short } : {}) });

async function read(text: string) {
  const rep = await analyze(text);
  const first = rep.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  const j = rep.rejections[0];
  return { knowledge: j?.knowledge ?? null, reason: j?.reason, first: first?.rule, party: j?.party };
}

/** One describe block per table: every form of every row, every near-miss, every entry's source. */
export function describePartyTables(tables: PartyTable[]): void {
  for (const table of tables) {
    describe(`${table.receiver}: documented replies (${table.source})`, () => {
      const cases = table.rows.flatMap((row) =>
        forms(table, row).map(
          ([form, paste]) => [`${row.code} ${row.enhanced ?? ''} ${row.text.slice(0, 50)}… (${form})`, row, form, paste] as const,
        ),
      );
      it.each(cases)('%s', async (_name, row, form, paste) => {
        const got = await read(paste);
        if (form !== 'cut short') expect(got.knowledge).toBe(row.id);
        expect(got.reason).toBe(row.reason);
        expect(got.first).toBe(row.first);
        expect(got.party).toBe(row.party);
      });
      it.each(table.rows.map((row) => [row.not, row] as const))('not read as its entry: %s', async (not, row) => {
        expect((await read(not)).knowledge).not.toBe(row.id);
      });
      it('every entry it names exists and cites a source', () => {
        for (const row of table.rows) expect(knowledgeById(row.id)?.sources.length, row.id).toBeGreaterThan(0);
      });
    });
  }
}
