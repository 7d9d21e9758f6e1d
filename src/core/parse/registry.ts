// Every input parser, and how the input's kind is chosen. A new format is one
// new module and one line here.

import type { InputParser } from './parser';
import { looksLikeMdaemon, parseMdaemon } from './mdaemon';
import { messageParser } from './message';
import { bounceParser } from './bounce';
import { postfixParser } from './postfix';

export const PARSERS: InputParser[] = [
  { kind: 'mdaemon-log', detect: looksLikeMdaemon, parse: (lines) => parseMdaemon(lines) },
  postfixParser,
  // before the message parser: a bounce is also a message, and wins a tie
  bounceParser,
  messageParser,
];

/** Below this, no parser is sure enough and the input is `unknown`. */
const MIN_CONFIDENCE = 0.3;

export function chooseParser(lines: string[]): { parser: InputParser | null; confidence: number } {
  let best: InputParser | null = null;
  let bestScore = 0;
  for (const p of PARSERS) {
    const s = p.detect(lines);
    if (s > bestScore) {
      best = p;
      bestScore = s;
    }
  }
  return bestScore >= MIN_CONFIDENCE ? { parser: best, confidence: bestScore } : { parser: null, confidence: bestScore };
}
