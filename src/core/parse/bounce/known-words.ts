// Whether a refusal's words are known, so that a short paste carrying them is
// read as mail-delivery evidence even when it has none of a notice's frame:
// a sentence copied out of an NDR ("The recipient's mailbox is full and
// can't accept messages now", in the notice's language), a reply whose code
// line is not where a reply line would be ("smtp error from remote mail after
// mail from:… 550 unroutable sender address"), an application's error
// ("MessageRejected: Email address is not verified"), a gateway's log cell
// ("SPF=FAIL … is not permitted to send email for example.org"). Known means
// a table says what the words mean: a receiver's own entry
// (knowledge/replies), a check result a receiver states
// (knowledge/recorded-checks.ts), a problem the words name
// (knowledge/refusal-problems.ts), or a reason's own unambiguous words (the
// reason engine's receiver or words layers — not its weak words, which
// "500 Internal Server Error" has too, and never its guess from a code).

import type { Stage } from '../../types';
import { findReceiverKnowledge } from '../../knowledge/replies';
import { readRecordedChecks } from '../../knowledge/recorded-checks';
import { findRefusalProblem } from '../../knowledge/refusal-problems';
import { decideReason } from '../../reason/engine';
import { isStackFrame } from '../../text/stack-frames';

const BY_WORDS = new Set(['receiver', 'words']);

export function knownRefusalWords(
  text: string,
  code: number | null = null,
  enhanced: string | null = null,
  stage: Stage = 'unknown',
): boolean {
  if (findReceiverKnowledge(text, code, stage)) return true;
  if (readRecordedChecks(text).length) return true;
  if (findRefusalProblem({ code, enhanced, text, stage, hard: code === null || code >= 500 })) return true;
  return BY_WORDS.has(decideReason({ code, enhanced, text, stage }).layer);
}

/** Most lines and characters a paste of words alone may have (a sentence or a short notice, not a document). */
const MAX_LINES = 15;
const MAX_CHARS = 3000;

/**
 * A short paste with no reply code at all whose words are a known refusal.
 * (Addresses and host names alone are no words: the engine masks addresses.)
 */
export function knownWordsAlone(sample: string[]): boolean {
  // (a line repeated — a program that logs the same error twice, a pm2 log's copies — is counted once)
  // (the frames of a stack trace under an application's error are no words of it)
  const lines = [...new Set(sample.map((l) => l.trim()).filter((l) => l && !isStackFrame(l)))];
  if (!lines.length || lines.length > MAX_LINES) return false;
  const text = lines.map((l) => l.trim()).join(' ');
  if (text.length > MAX_CHARS) return false;
  return knownRefusalWords(text);
}
