// Reading a dropped or chosen file in the page: bytes → text with the same
// decoder the CLI uses, so line numbers agree. Large files are refused here
// with a clear message rather than freezing the tab.

import { decodeBytes } from '../core/text/decode';
import { MAX_PASTE_BYTES } from './state/app.svelte';
import { isMsgFile } from './headers/msg-signature';

export async function readDroppedFile(file: File): Promise<{ text: string } | { error: string }> {
  if (file.size > MAX_PASTE_BYTES) {
    return {
      error: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; Mailmedic reads up to ${MAX_PASTE_BYTES / 1048576} MB at once. Cut the log to the session in question.`,
    };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // an Outlook .msg: analyse the Internet headers it kept
    if (isMsgFile(bytes)) return (await import('./headers/msg-file')).msgToText(bytes);
    return { text: decodeBytes(bytes) };
  } catch (e) {
    return { error: `${file.name} could not be read: ${(e as Error).message}` };
  }
}
