// Bytes helpers for DKIM: base64 (atob exists alike in browsers, workers and
// Node ≥ 16) and the byte form of header and body text.

/** Decode base64, or null when it is not base64. */
export function base64Bytes(b64: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return null;
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export function bytesToBase64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

/**
 * The octets of message text. The input was decoded to text once (UTF-8, or
 * Windows-1252 for older servers); signatures cover the original octets, so
 * text is encoded back as UTF-8, which is exact for 7-bit mail and for UTF-8.
 */
export function utf8(s: string): Uint8Array {
  const e = new TextEncoder().encode(s);
  const out = new Uint8Array(e.length);
  out.set(e);
  return out;
}
