// Transfer decodings for the leaf parts of a bounce (RFC 2045 §6.7, §6.8) and
// RFC 2047 encoded words in header values. Small enough to write here; the
// line walker in mime.ts needs them line by line (see the note there).

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Base64 to bytes; characters outside the alphabet are skipped (RFC 2045 §6.8). */
export function decodeBase64(s: string): Uint8Array {
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const c of s) {
    if (c === '=') break;
    const v = B64_INDEX.get(c);
    if (v === undefined) continue;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** One quoted-printable line: its bytes, and whether it ended in a soft break (`=`). */
export function decodeQuotedPrintableLine(line: string): { bytes: number[]; soft: boolean } {
  let s = line.replace(/(?<![ \t])[ \t]+$/, '');
  const soft = s.endsWith('=');
  if (soft) s = s.slice(0, -1);
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = s.charCodeAt(i);
      if (code < 0x80) bytes.push(code);
      else for (const b of new TextEncoder().encode(c)) bytes.push(b);
    }
  }
  return { bytes, soft };
}

/** Bytes to text in the declared charset; unknown labels fall back to UTF-8, then Latin-1. */
export function decodeWithCharset(bytes: Uint8Array, charset?: string): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase();
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    try {
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      return String.fromCharCode(...bytes);
    }
  }
}

/** RFC 2047 encoded words (`=?charset?B|Q?…?=`) in a header value. */
export function decodeEncodedWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, cs: string, enc: string, data: string) => {
    const charset = cs.split('*', 1)[0];
    if (enc.toUpperCase() === 'B') return decodeWithCharset(decodeBase64(data), charset);
    return decodeWithCharset(Uint8Array.from(decodeQuotedPrintableLine(data.replace(/_/g, ' ')).bytes), charset);
  });
}
