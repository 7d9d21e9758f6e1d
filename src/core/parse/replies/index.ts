// The reply finder's entry points for the readers: replies in a reader's own
// lines (BodyLine: text and input line), as RawRejections.

import type { RawRejection } from '../parser';
import type { BodyLine } from '../bounce/mime';
import { readableView, type TextView } from '../../text/view';
import { findReplies, type FoundReply } from './find';

export { findReplies, type FoundReply } from './find';

/** The replies in a reader's lines, with the input's line numbers. */
export function findRepliesIn(lines: BodyLine[]): FoundReply[] {
  const view = readableView(lines.map((l) => l.text));
  const mapped: TextView = { ...view, origin: view.origin.map((o) => lines[o - 1]?.line ?? o) };
  return findReplies(mapped);
}

/** A found reply as a refusal for the evidence (only refusals: 4xx and 5xx, or a refusal's words without a code). */
export function asRefusal(f: FoundReply): RawRejection | null {
  if (f.code !== null && (f.code < 400 || f.code >= 600)) return null;
  if (f.code === null && f.enhanced !== null && !/^[45]/.test(f.enhanced)) return null;
  return {
    code: f.code,
    enhanced: f.enhanced,
    stage: f.stage,
    text: f.text,
    ip: f.ip,
    line: f.line,
    recipient: f.recipient,
    remote: f.remote,
    ...(f.action ? { action: f.action } : {}),
    ...(f.client ? { client: f.client } : {}),
    ...(f.inbound ? { inbound: true } : {}),
  };
}
