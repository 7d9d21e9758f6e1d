// The shape of one fact about a reply text: who sends it, what it means, which
// reason (sisimai's vocabulary) and checklist rules it points to, and where
// the fact comes from.

import type { Party, Stage } from '../../types';

export interface ReplyKnowledge {
  id: string;
  /** Who sends this text (a product or a receiver). */
  sender: string;
  /** Case-insensitive pattern on the reply text. */
  text: RegExp;
  /** Only for these basic codes / stages, when given; 0 stands for "no reply code" (an MTA's own words). */
  codes?: number[];
  stages?: Stage[];
  /** sisimai reason name. */
  reason: string;
  party: Party;
  /** What it means, in words an administrator can act on. */
  meaning: string;
  /**
   * The step's headline, when the general one of its rule would mislead (5.7.520 is
   * a forwarding policy, not a content filter): it also replaces the rule's general detail.
   */
  headline?: string;
  /** Checklist rules this points to, most likely first. */
  rules: string[];
  /**
   * Receiver-specific fixes and checks, replacing the general advice for the
   * reason. Placeholders: {ip} {helo} {mailfrom} {rcpt} {server}.
   */
  fix?: string[];
  verify?: string[];
  /** Whether the sender's server retrying later can succeed on its own (greylisting, rate limits). */
  transient?: boolean;
  /**
   * The refusal is the receiving server's own malfunction (its blocklist
   * lookups refused, say): the names in the text are no finding about the
   * sender, so no check takes them for one.
   */
  receiverError?: boolean;
  /**
   * The text is the sending server's own queue status (its own DNS lookup of the next hop, its own
   * directory), written before any receiver answered: the reader's own sending server is the one to fix.
   */
  ownQueue?: boolean;
  /**
   * Words common to many servers rather than one receiver's own (a DNSBL refusal, an SPF
   * failure, a connection that timed out): the reason engine weighs them at their reason's
   * place in its order (src/core/reason/engine.ts), not ahead of the enhanced code.
   */
  generic?: boolean;
  /**
   * The receiver's host names, when its words mean something else elsewhere: the entry
   * applies only when the remote host that answered, or the recipient's domain, is one of these
   * (reason/engine.ts receivedBy) — a paste that names neither is read by the words' other tables.
   */
  hosts?: RegExp;
  /**
   * The same words in the reader's own receiving server's log (it refused a client: rules/receiving-side.ts):
   * the step for that server's administrator, when the text's usual step speaks to the sender instead
   * (postscreen deferring big senders that retry from ever new IPs is the reader's own setting to change).
   */
  ownServer?: { rules: string[]; headline?: string; fix?: string[] };
  sources: string[];
}
