// The message's envelope sender (RFC 5321 MAIL FROM) as far as its headers
// tell: as the receiver recorded it (Authentication-Results smtp.mailfrom),
// else the Return-Path the final receiver wrote (RFC 5321 §4.4), else the
// origin hop's "envelope-from" note.

import type { HeaderField, MessageFacts } from '../types';
import { fieldsNamed } from './header-block';
import { returnPathOf } from './address';
import type { Trace } from './trust';

export function envelopeSender(fields: HeaderField[], { authResults, origin, hops }: Trace): MessageFacts['mailFrom'] {
  for (const ar of authResults.filter((a) => a.trusted)) {
    const r = ar.results.find((x) => x.method === 'spf');
    const mf = r?.properties.find((p) => p.type === 'smtp' && p.name === 'mailfrom')?.value;
    if (mf) return { address: mf, line: ar.line };
  }
  const returnPath = fieldsNamed(fields, 'return-path')[0];
  const path = returnPath ? returnPathOf(returnPath.value) : null;
  if (returnPath && path) return { address: path, line: returnPath.line };
  if (origin && hops[origin.hop].envelopeFrom) return { address: hops[origin.hop].envelopeFrom!, line: hops[origin.hop].line };
  return null;
}
