// The report's `message` field: the facts read from the headers, plus a
// summary of the MIME body (text and HTML parts, attachments) read with
// postal-mime, which is asynchronous. Nothing of the body's content goes into
// the report — only types, names and sizes.

import PostalMime from 'postal-mime';
import type { Evidence } from '../types';
import type { MessageReport, MimeSummary } from './facts';
import { decodeHeader } from './read';

function size(content: ArrayBuffer | Uint8Array | string): number {
  return typeof content === 'string' ? content.length : content.byteLength;
}

export async function readMime(raw: string): Promise<MimeSummary> {
  try {
    const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
    return {
      textLength: email.text !== undefined ? email.text.length : null,
      htmlLength: email.html !== undefined ? email.html.length : null,
      attachments: email.attachments.map((a) => ({
        type: a.mimeType,
        filename: a.filename,
        disposition: a.disposition,
        size: size(a.content),
      })),
    };
  } catch (e) {
    return { textLength: null, htmlLength: null, attachments: [], error: `The message body could not be read: ${(e as Error).message}` };
  }
}

/** The report's message field, or undefined when the input holds no message. */
export async function describeMessage(ev: Evidence): Promise<MessageReport | undefined> {
  const m = ev.message;
  if (!m?.facts) return undefined;
  const headers = m.headers.map((f) => ({ name: f.name, value: f.value, decoded: decodeHeader(f.value), line: f.line }));
  return { ...m.facts, mime: m.hasBody ? await readMime(m.raw) : null, headers };
}
