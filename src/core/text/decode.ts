// Bytes to text. Logs and messages are mostly UTF-8 or ASCII, but older
// Windows servers (MDaemon, Exchange) write Windows-1252; a strict UTF-8
// decode that fails falls back to it rather than producing U+FFFD noise.

export function decodeBytes(bytes: Uint8Array): string {
  // UTF-8 byte order mark
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}
