// A session transcript inside a bounce: MDaemon's "Permanent Delivery
// Failure" carries the log of the failed delivery ("--- Session Transcript
// ---" then MDaemon log lines), so the refusal, its stage and the recipient
// are read with the MDaemon log reader rather than guessed from the words.

import type { RawRejection } from '../parser';
import { looksLikeMdaemon, parseMdaemon } from '../mdaemon';
import type { BodyLine } from './mime';

/** MDaemon log lines in the bounce text, trimmed, with their input line numbers. */
function mdaemonLines(lines: BodyLine[]): BodyLine[] {
  return lines
    .map((l) => ({ text: l.text.trim(), line: l.line }))
    .filter((l) => /^(?:[A-Z][a-z]{2} )?\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}/.test(l.text));
}

/** The refusals of the transcript, or nothing when the bounce carries none. */
export function transcriptRefusals(lines: BodyLine[]): RawRejection[] {
  const found = mdaemonLines(lines);
  if (found.length < 3 || looksLikeMdaemon(found.map((l) => l.text)) < 0.3) return [];
  const result = parseMdaemon(found.map((l) => l.text));
  const out: RawRejection[] = [];
  for (const s of result.sessions ?? []) {
    for (const r of s.replies) {
      if (r.code < 400) continue;
      const rcpt = s.rcptTo.filter((x) => x.line <= r.line).pop();
      out.push({
        code: r.code,
        enhanced: r.enhanced,
        stage: r.stage,
        text: r.text,
        ip: null,
        line: found[r.line - 1]?.line ?? 0,
        recipient: r.stage === 'rcpt' || r.stage === 'data' || r.stage === 'end-of-data' ? (rcpt?.address ?? null) : null,
        remote: s.remoteHost ?? s.serverIp,
      });
    }
  }
  return out;
}
