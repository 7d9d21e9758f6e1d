// Every input parser, and how the input's kind is chosen. A new format is one
// new module and one line here.

import type { InputParser, ParseResult } from './parser';
import { looksLikeMdaemon, parseMdaemon } from './mdaemon';
import { messageParser } from './message';
import { bounceParser } from './bounce';
import { postfixParser } from './postfix';
import { eximParser } from './exim';
import { sendmailParser } from './sendmail';
import { qmailParser } from './qmail';
import { opensmtpdParser } from './opensmtpd';
import { nullmailerParser } from './nullmailer';
import { maddyParser } from './maddy';
import { exchangeParser } from './exchange';
import { exchangePowershellParser } from './exchange-powershell';
import { transcriptParser } from './transcript';
import { targetParser } from './target';
import { preparePaste } from './paste';
import { plainLine, unescapedHtmlLines, unquotedWhole } from '../text/view';
import { withoutForwardBlock } from '../text/forward-block';
import { withoutSignature } from '../text/signature';
import { plainQuotes } from '../text/punctuation';

/** The cleaned lines of one input, made once for every log reader's detection and parse. */
const prepared = new WeakMap<string[], string[]>();
function preparedLines(lines: string[]): string[] {
  let p = prepared.get(lines);
  if (!p) {
    // (a forum's Markdown around log lines — "**…**", a line in backticks — is no part of the log)
    // (and a tab is a space: a copy out of a terminal, a table or a mail client turns runs of spaces into tabs,
    // while the logs we read separate their fields with spaces — MDaemon, Postfix, Exim, sendmail, qmail)
    // (and a page's HTML escapes undone line for line — "helo=&lt;pc&gt;<br />": the fields the log wrote)
    // (and a word processor's typographic quotes as the ASCII ones the log wrote, after the Markdown's backticks)
    const unescaped = unescapedHtmlLines(lines) ?? lines;
    p = preparePaste(unescaped.map((l) => plainQuotes(plainLine(l.includes('\t') ? l.replace(/\t/g, ' ') : l)))).lines;
    prepared.set(lines, p);
  }
  return p;
}

/** A paste quoted whole ("> " on every line), without its quote marks, made once per input. */
const unquoted = new WeakMap<string[], string[] | null>();
function unquotedLines(lines: string[]): string[] | null {
  if (!unquoted.has(lines)) unquoted.set(lines, unquotedWhole(lines));
  return unquoted.get(lines)!;
}

/**
 * A paste under a forwarded message's block (and the poster's line before it: text/forward-block.ts),
 * without them, made once per input: the readers see what was forwarded. A bounce's reader keeps the
 * block (parse/bounce/forward.ts takes it for the forwarded bounce's headers) and loses only the prose.
 */
const unforwarded = new WeakMap<string[], [string[], string[]]>();
function unforwardedLines(lines: string[], keepBlock: boolean): string[] {
  let u = unforwarded.get(lines);
  if (!u) {
    // (and without the poster's signature under it: text/signature.ts)
    const unsigned = withoutSignature(lines);
    u = [withoutForwardBlock(unsigned), withoutForwardBlock(unsigned, true)];
    unforwarded.set(lines, u);
  }
  return u[keepBlock ? 1 : 0];
}

/**
 * Parsers never throw on bad input; should one fail by a bug, the input is
 * reported as not understood, with the reason, instead of breaking the page.
 */
function guarded(p: InputParser): InputParser {
  // log readers get the paste cleaned (quotes, prompts, wrapped lines: parse/paste.ts); a
  // message, a bounce or a transcript is read as it is, only without the quote marks of a reply
  // that quotes it whole; a domain/IP to check is read as it is
  const isLog = !['message', 'bounce', 'smtp-transcript', 'domain', 'ip'].includes(p.kind);
  const isTarget = p.kind === 'domain' || p.kind === 'ip';
  const prepare = (lines: string[], keepBlock = false) => {
    if (isTarget) return lines;
    const u = unforwardedLines(lines, keepBlock);
    return isLog ? preparedLines(u) : (unquotedLines(u) ?? u);
  };
  return {
    kind: p.kind,
    detect(lines) {
      try {
        return p.detect(prepare(lines));
      } catch {
        return 0;
      }
    },
    parse(raw, text, ctx): ParseResult {
      let lines = raw;
      try {
        lines = ctx.clean ? raw : prepare(raw, p.kind === 'bounce');
        const r = p.parse(lines, text, ctx);
        // lines a log reader did not know are counted and said, never fatal
        if (r.unknownLines > 0 && p.kind !== 'message' && p.kind !== 'bounce' && p.kind !== 'domain') {
          const n = lines.filter((l) => l.trim()).length;
          r.warnings.push(`${r.unknownLines} of ${n} lines were not understood as ${p.kind} lines and were skipped.`);
        }
        return r;
      } catch (e) {
        return {
          kind: p.kind,
          unknownLines: lines.length,
          warnings: [
            `The ${p.kind} reader could not read this input (${e instanceof Error ? e.message : String(e)}). Please report it with a sample.`,
          ],
        };
      }
    },
  };
}

const ALL: InputParser[] = [
  // a domain or an IP alone: sure (1) only when every word of the input is one, so first
  targetParser,
  { kind: 'mdaemon-log', detect: looksLikeMdaemon, parse: (lines) => parseMdaemon(lines) },
  postfixParser,
  eximParser,
  sendmailParser,
  qmailParser,
  opensmtpdParser,
  nullmailerParser,
  maddyParser,
  exchangeParser,
  exchangePowershellParser,
  transcriptParser,
  // before the message parser: a bounce is also a message, and wins a tie
  bounceParser,
  messageParser,
];

export const PARSERS: InputParser[] = ALL.map(guarded);

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
