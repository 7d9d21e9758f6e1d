// The words of each refusal reason (sisimai's vocabulary), as data: what a
// reason means, the phrases that say it, where they come from, and the few
// conditions under which the words decide. The reason engine
// (src/core/reason/engine.ts) reads these tables in a fixed order; no phrase
// here names a file, a message id or an address.

import type { Stage } from '../../types';

export interface ReasonPhrase {
  /** Stable id: "<reason>.<what it says>". */
  id: string;
  /** Case-insensitive, linear-time pattern (no nested quantifiers, gaps bounded). */
  text: RegExp;
  /** Who writes these words: an RFC's text, an MTA's source, a receiver's published page. */
  source: string;
  /**
   * The commands whose replies these words are about, when they name no side themselves: a bare
   * "Address rejected" refuses the address the client just gave — the recipient's in reply to RCPT TO
   * (RFC 5321 §4.1.1.3), the sender's in reply to MAIL FROM. Unset: any stage.
   */
  stages?: Stage[];
  /**
   * A knowledge entry (knowledge/replies) whose advice serves these words better than the reason's general
   * advice, used when that entry also applies to the text (its codes, its words): sendmail's "Connection
   * refused by <host>" keeps the reason sisimai gives it (blocked) but is a TCP-level refusal, so its step is
   * the connection's, not the sender's reputation.
   */
  advice?: string;
}

export interface ReasonTable {
  reason: string;
  /** What the reason means, in our own words. */
  meaning: string;
  /** Where the reason's definition comes from. */
  definition: string;
  /**
   * Unambiguous phrases: they decide in the engine's first pass, at the
   * reason's place in its order (narrow reasons first).
   */
  phrases: ReasonPhrase[];
  /**
   * Words that name the reason only when nothing more exact does: they decide
   * in the second pass, after a code whose detail names a condition.
   */
  weak?: ReasonPhrase[];
  /**
   * The first-pass phrases count only in replies to these commands (or when
   * the command is not known); e.g. spam and virus filters judge a message, so
   * their words in a reply before DATA are another refusal's.
   */
  notAt?: Stage[];
  onlyAt?: Stage[];
  /** Elsewhere the same words mean another reason (user unknown after DATA: a filter). */
  elsewhere?: Partial<Record<Stage, string>>;
  /**
   * …unless the enhanced code says the command was refused, not the message: these
   * subjects ("X.1": an address status) and details ("X.5.0") keep the reason at any stage.
   */
  keptByCodes?: string[];
  /**
   * The first-pass phrases are broad (a sender "address rejected"): they decide
   * only where the enhanced code names no reason of its own, or in reply to these commands.
   */
  onlyWhenCodeSilentExceptAt?: Stage[];
  /** The first-pass phrases do not count when the code is one of these details ("X.2.3"). */
  unlessCode?: string[];
  /** The first-pass phrases do not count when these reasons' first-pass phrases match too. */
  unlessPhrasesOf?: string[];
  /** … or when these phrases (by id) match too. */
  unlessPhraseIds?: string[];
  /** The advice entry (knowledge/replies) shown when these words decide. */
  advice: string;
}

export function phrase(id: string, text: RegExp, source: string, stages?: Stage[], advice?: string): ReasonPhrase {
  return { id, text, source, ...(stages ? { stages } : {}), ...(advice ? { advice } : {}) };
}
