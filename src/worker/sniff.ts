// Is a dropped file binary? A picture, an archive or a PDF dropped by mistake
// decodes to megabytes of noise that no reader understands, and the user
// learns only that "the input was not recognised". Their first bytes say
// what they are (the formats' own signatures), and a text file has no NUL
// bytes: both are checked before decoding, so the message can name the kind
// of file. An Outlook .msg (a CFB container) is checked before this and read.

/** Signatures at the start of a file; null matches any byte. */
const SIGNATURES: { kind: string; at?: number; bytes: (number | null)[] }[] = [
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: [...'GIF8'].map((c) => c.charCodeAt(0)) },
  { kind: 'a WebP image', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { kind: 'a TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'a TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: 'a PDF document', bytes: [...'%PDF-'].map((c) => c.charCodeAt(0)) },
  // ZIP: also .docx, .xlsx, .odt, .jar
  { kind: 'a ZIP archive (or an Office document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a ZIP archive (or an Office document)', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: 'an xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: 'an executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'an audio file', bytes: [...'OggS'].map((c) => c.charCodeAt(0)) },
  { kind: 'a video file', at: 4, bytes: [...'ftyp'].map((c) => c.charCodeAt(0)) },
  { kind: 'a database file', bytes: [...'SQLite format 3'].map((c) => c.charCodeAt(0)) },
];

/** How far NUL bytes are looked for: a binary file has them early. */
const NUL_WINDOW = 64 * 1024;

/**
 * What kind of binary file the bytes are ("a PNG image"), or null for text.
 * UTF-16 text has NULs too: callers decode a file with a UTF-16 byte order
 * mark before asking.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const s of SIGNATURES) {
    const at = s.at ?? 0;
    if (bytes.length >= at + s.bytes.length && s.bytes.every((b, i) => b === null || bytes[at + i] === b)) return s.kind;
  }
  const end = Math.min(bytes.length, NUL_WINDOW);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return 'a binary file (it has NUL bytes, which text does not)';
  return null;
}

/** UTF-16 text with its byte order mark (Windows' "Unicode" exports): the decoder for it. */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}
