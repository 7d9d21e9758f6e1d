// DKIM canonicalization (RFC 6376 §3.4) and header selection (§5.4.2).
// Works on the raw field text that the message reader keeps (folds
// included), since "simple" signs the header exactly as it was sent.

import type { HeaderField } from '../../types';
import type { Canonicalization } from '../../mail/dkim-signature';

/** The raw field with CRLF line ends (the reader joins folded lines with "\n"). */
export function rawField(f: HeaderField): string {
  return f.raw.replace(/\r?\n/g, '\r\n');
}

/** §3.4.1 simple / §3.4.2 relaxed header canonicalization, CRLF-terminated. */
export function canonHeader(raw: string, c: Canonicalization): string {
  if (c === 'simple') return raw + '\r\n';
  const colon = raw.indexOf(':');
  const name = raw
    .slice(0, colon)
    .replace(/(?<![ \t])[ \t]+$/, '')
    .toLowerCase();
  const value = raw
    .slice(colon + 1)
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
  return `${name}:${value}\r\n`;
}

/** §3.4.3 simple / §3.4.4 relaxed body canonicalization. */
export function canonBody(body: string, c: Canonicalization): string {
  let b = body;
  if (c === 'relaxed') {
    b = b
      .split('\r\n')
      .map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''))
      .join('\r\n');
  }
  // both: no trailing empty lines; the body ends with one CRLF
  let end = b.length;
  while (end >= 2 && b[end - 2] === '\r' && b[end - 1] === '\n') end -= 2;
  b = b.slice(0, end);
  if (b === '') return c === 'simple' ? '\r\n' : '';
  return b + '\r\n';
}

/**
 * §5.4.2: for each name in h=, the last not-yet-used field of that name,
 * working upwards; a name with no field left signs nothing.
 */
export function selectHeaders(fields: HeaderField[], names: string[]): HeaderField[] {
  const used = new Set<HeaderField>();
  const out: HeaderField[] = [];
  for (const n of names) {
    const lower = n.toLowerCase();
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i];
      if (used.has(f) || f.name.toLowerCase() !== lower) continue;
      used.add(f);
      out.push(f);
      break;
    }
  }
  return out;
}

/** The DKIM-Signature field with the value of its b= tag removed (§3.5 b=, §3.7). */
export function withoutSignatureValue(raw: string): string {
  const colon = raw.indexOf(':');
  return raw.slice(0, colon + 1) + raw.slice(colon + 1).replace(/((?:^|;)[ \t\r\n]*b[ \t\r\n]*=)[^;]*/, '$1');
}

/** The body of the raw message: everything after the first empty line. */
export function bodyOf(raw: string): string | null {
  const lines = raw.split('\r\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  while (i < lines.length && lines[i] !== '') i++;
  if (i >= lines.length) return null;
  const rest = lines.slice(i + 1);
  return rest.length ? rest.join('\r\n') + '\r\n' : '';
}
