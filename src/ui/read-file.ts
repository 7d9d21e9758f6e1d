// Reading a dropped or chosen file: files too large to take whole are refused
// here with a clear message rather than freezing the tab; the bytes are
// decoded in the worker (src/worker/read-file.ts).

import type { AnalysisClient } from '../worker/client';
import type { FileText } from '../worker/read-file';

import { MAX_WHOLE_BYTES } from '../shared/limits';

/** Pastes above this size are refused in the page with a clear message (files go through the worker as they are). */
export const MAX_PASTE_BYTES = MAX_WHOLE_BYTES;

export async function readDroppedFile(file: File, client: Pick<AnalysisClient, 'readFile'>): Promise<FileText> {
  if (file.size > MAX_PASTE_BYTES) {
    return {
      error: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; Mailmedic reads up to ${MAX_PASTE_BYTES / 1048576} MB at once. Cut the log to the session in question.`,
    };
  }
  return client.readFile(file, file.name);
}
