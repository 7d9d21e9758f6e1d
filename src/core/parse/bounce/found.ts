// A notice pasted without its headers (or whose words gave no code) is read
// by the reply finder (parse/replies/): every reply it holds. The notice's
// own reader (words.ts) still knows what the replies alone do not say — the
// recipient block each reply stands in, the stage a sentence names — and a
// recipient block that lists earlier attempts under its final reply
// (Exchange's "Remote Server at … returned" history) is one refusal, not several.

import type { RawRejection } from '../parser';
import type { TextRecipient } from './text';

export function fromFoundReplies(found: RawRejection[], words: RawRejection[], textRecipients: TextRecipient[]): RawRejection[] {
  if (!found.length) return words;
  const blocks = [...textRecipients].sort((a, b) => a.line - b.line);
  const only = blocks.length === 1 ? blocks[0].address : null;
  const out: RawRejection[] = [];
  const taken = new Set<string>();
  const used = new Set<RawRejection>();
  // the words' own refusal of the same reply (the same codes), or the only one they found
  const sameReply = (f: RawRejection) =>
    words.find((w) => !used.has(w) && w.code === f.code && (w.enhanced ?? null) === (f.enhanced ?? null)) ??
    (words.length === 1 && !used.has(words[0]) ? words[0] : undefined);
  for (const f of found) {
    const block = blocks.filter((b) => b.line <= f.line).pop();
    const same = sameReply(f);
    const recipient = f.recipient ?? block?.address ?? same?.recipient ?? only ?? null;
    // a notice written per recipient: one refusal each, the first reply under it being the final one
    const key = blocks.length && recipient ? recipient.toLowerCase() : null;
    if (key) {
      if (taken.has(key)) continue;
      taken.add(key);
    }
    const near =
      words.find((w) => w.line === f.line) ??
      same ??
      (recipient ? words.find((w) => w.recipient?.toLowerCase() === recipient.toLowerCase()) : undefined);
    if (near) used.add(near);
    out.push({
      ...f,
      recipient,
      stage: f.stage !== 'unknown' ? f.stage : (near?.stage ?? 'unknown'),
      remote: f.remote ?? near?.remote ?? null,
      ip: f.ip ?? near?.ip ?? null,
      ...(f.action || near?.action ? { action: f.action ?? near?.action } : {}),
    });
  }
  // a recipient whose words gave a reason but no reply the finder could read
  for (const w of words) {
    if (used.has(w) || !w.recipient || !w.text.trim()) continue;
    if (!out.some((o) => o.recipient?.toLowerCase() === w.recipient!.toLowerCase())) out.push(w);
  }
  return out.sort((a, b) => a.line - b.line);
}
