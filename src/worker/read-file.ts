// A dropped or chosen file, bytes → text, in the worker: decoding a
// multi-megabyte file (charset sniffing, or taking an Outlook .msg apart) is
// parsing, and parsing stays off the main thread. The same decoder as the
// CLI, so that line numbers agree.

import { decodeBytes } from '../core/text/decode';
import { isMsgFile } from './msg-signature';
import { binaryKind, utf16Encoding } from './sniff';

export type FileText = { text: string } | { error: string };

export async function readFileText(file: Blob, name: string): Promise<FileText> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // an Outlook .msg: analyse the Internet headers it kept (the reader, a
    // large library, is loaded only for one)
    if (isMsgFile(bytes)) return (await import('./msg-file')).msgToText(bytes);
    const utf16 = utf16Encoding(bytes);
    if (utf16) return { text: new TextDecoder(utf16).decode(bytes.subarray(2)) };
    // a picture, an archive, a PDF dropped by mistake: said, not decoded into noise
    const binary = binaryKind(bytes);
    if (binary)
      return {
        error: `${name} looks like ${binary}, not text. Mailmedic reads mail server logs, bounces and messages as text (.log, .txt, .eml) and Outlook .msg files: open the file and paste its text, or save the message as .eml.`,
      };
    return { text: decodeBytes(bytes) };
  } catch (e) {
    return { error: `${name} could not be read: ${(e as Error).message}` };
  }
}
