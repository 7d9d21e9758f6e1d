// Every verdict header Mailmedic reads, by lowercased name.

import type { VerdictHeaderKnowledge } from './types';
import { MICROSOFT_VERDICTS } from './microsoft';
import { SPAMASSASSIN_VERDICTS } from './spamassassin';
import { OTHER_VERDICTS } from './others';

export type { VerdictHeaderKnowledge, VerdictField, VerdictValue } from './types';
export { findSpamAssassinTest } from './spamassassin';

export const VERDICT_HEADERS: VerdictHeaderKnowledge[] = [...MICROSOFT_VERDICTS, ...SPAMASSASSIN_VERDICTS, ...OTHER_VERDICTS];

export function findVerdictHeader(name: string): VerdictHeaderKnowledge | undefined {
  const n = name.toLowerCase();
  return VERDICT_HEADERS.find((h) => h.header === n);
}
