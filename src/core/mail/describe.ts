// The report's `message` field: the facts read from the headers, plus a
// summary of the MIME body (text and HTML parts, attachments) read with
// postal-mime, which is asynchronous. Nothing of the body's content goes into
// the report — only types, names and sizes.

import PostalMime from 'postal-mime';
import type { Evidence } from '../types';
import type { MessageReport, MimeSummary } from '../types';
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

/**
 * The report's message field, or undefined when the input holds no message.
 * `checkedIp` is the sending IP the live checks ran on.
 */
export async function describeMessage(ev: Evidence, checkedIp: string | null = null): Promise<MessageReport | undefined> {
  const m = ev.message;
  if (!m?.facts) return undefined;
  const headers = m.headers.map((f) => ({ name: f.name, value: f.value, decoded: decodeHeader(f.value), line: f.line }));
  return { ...m.facts, origin: originShown(ev, m.facts.origin, checkedIp), mime: m.hasBody ? await readMime(m.raw) : null, headers };
}

/**
 * A bounce's returned copy ends where the sender's own organisation let the
 * message go (RFC 3461/3464 return at most what the sender sent): its newest
 * Received is the sender's server, so the chain's "first hop from outside the
 * receiving organisation" is a workstation or application submitting to it, not
 * the server the refusing receiver judged. Shown as the sending server only
 * when it is the IP the checks ran on, or when it is a login (its explanation
 * then says it is a user's device, not a mail server).
 */
function originShown(ev: Evidence, origin: MessageReport['origin'], checkedIp: string | null): MessageReport['origin'] {
  if (!origin || ev.inputs[0]?.kind !== 'bounce') return origin;
  return origin.ip === checkedIp || origin.login ? origin : null;
}
