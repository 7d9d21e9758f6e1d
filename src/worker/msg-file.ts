// Outlook .msg files (a Compound File Binary holding MAPI properties): the
// Internet headers Outlook kept when the message arrived (PR_TRANSPORT_
// MESSAGE_HEADERS, 0x007D) are what Mailmedic analyses. Read with
// @kenjiuno/msgreader (Apache-2.0, a maintained .msg reader for browsers and
// Node); nothing here writes the format.

import MsgReaderModule from '@kenjiuno/msgreader';

type Reader = new (data: ArrayBuffer) => { getFileData(): { headers?: string; subject?: string; error?: string } };

// a CommonJS module: its default export is under .default when loaded as ESM by Node
const MsgReader = ((MsgReaderModule as unknown as { default?: Reader }).default ?? MsgReaderModule) as unknown as Reader;

/** The Internet headers of a .msg file, as text to analyse; or why there are none. */
export function msgToText(bytes: Uint8Array): { text: string } | { error: string } {
  let data: ReturnType<InstanceType<Reader>['getFileData']>;
  try {
    const copy = bytes.slice().buffer;
    data = new MsgReader(copy).getFileData();
  } catch (e) {
    return { error: `The .msg file could not be read: ${(e as Error).message}` };
  }
  if (data.error) return { error: `The .msg file could not be read: ${data.error}` };
  if (!data.headers?.trim()) {
    return {
      error:
        'This .msg file has no Internet headers: it was never received from a mail server (a draft, or a copy from Sent Items). Open a message as it was received, or save it as .eml.',
    };
  }
  // the headers alone: Outlook keeps the body as MAPI properties, not as the MIME text that was sent
  return { text: data.headers.replace(/\r?\n?$/, '\r\n') };
}
