// The contract every input parser fulfils. A parser never throws on bad input:
// it returns what it understood, counts what it did not, and warns.

import type { Hop, InputKind, LoggedCheck, MessageEvidence, Sender, Session, Stage, Target } from '../types';

/** A refusal as a parser found it, before classification. */
export interface RawRejection {
  code: number | null;
  enhanced: string | null;
  stage: Stage;
  text: string;
  ip: string | null;
  line: number;
  recipient?: string | null;
  remote?: string | null;
  /** A reason the source states outright (a feedback report, an auto-reply). */
  reason?: string;
  /** The log's own server refused a client here, where no session says so (Postfix cleanup's refusal without its queue id). */
  inbound?: boolean;
  /** The mail client or application whose error reported the reply (it submitted the message): its knowledge id. */
  client?: string;
  /**
   * The recipient as the sender gave it, when the reporting MTA's own alias expansion or
   * qualification changed it: Postfix "<root@host> (expanded from <root>)" and orig_to=,
   * a DSN's Original-Recipient (RFC 3464 §2.3.1). A bare local name ("root") was qualified by
   * the reporting server itself (Postfix myorigin, sendmail's $j).
   */
  originalRecipient?: string | null;
  /** DSN Action (RFC 3464 §2.3.3): failed, delayed… */
  action?: string;
  /** DSN Diagnostic-Code type: SMTP, X-Unix, X-Postfix… */
  diagnosticType?: string;
  /**
   * The reporting MTA's own words about this one recipient, outside the quoted reply
   * (au's "The user(s) account is disabled." above "550 user unknown").
   */
  notice?: string;
  /**
   * The knowledge entry that explains the refusal, when the reader knows it
   * from the log's other lines rather than the reply's words (postscreen's
   * generic "blocked using zen" after dnsblog logged the list's error answer).
   */
  knowledgeId?: string;
}

export interface ParseResult {
  kind: InputKind;
  sessions?: Session[];
  /** Refusals not tied to a session dialogue (bounces, queue logs). */
  rejections?: RawRejection[];
  message?: MessageEvidence | null;
  /** The original sender, when the input names it without the message (a sending service's event). */
  sender?: Sender | null;
  hops?: Hop[];
  logged?: LoggedCheck[];
  /** The domain or IP to check, when the input is only that (parse/target.ts). */
  target?: Target;
  unknownLines: number;
  warnings: string[];
}

export interface ParseContext {
  /** The input is a dropped file whose bytes are intact (not a paste). */
  exactBytes: boolean;
  /**
   * The lines are a log's own, as a file holds them (the large-log summary
   * parses one session's lines at a time, after recognising the log): the
   * cleaning of pasted text (quotes, Markdown, wrapped lines) is skipped.
   */
  clean?: boolean;
}

export interface InputParser {
  kind: InputKind;
  /** How sure (0..1) that these lines are this parser's format. */
  detect(lines: string[]): number;
  parse(lines: string[], text: string, ctx: ParseContext): ParseResult;
}
