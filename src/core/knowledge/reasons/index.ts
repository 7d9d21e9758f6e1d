// The per-reason tables and the two orders the reason engine reads them in.
// Both orders follow sisimai's (Sisimai::Reason, reason/lib.go "classorder"):
// narrow reasons first, so that "550 5.7.1 blocked: mailbox full" is a full
// mailbox, and the broad ones (rejected, blocked) last.

import type { ReasonTable } from './types';
import {
  FILTERED,
  HAS_MOVED,
  HOST_UNKNOWN,
  MAILBOX_FULL,
  MAILER_ERROR,
  NOT_ACCEPT,
  SUSPEND,
  SYSTEM_ERROR,
  SYSTEM_FULL,
  USER_UNKNOWN,
} from './recipient';
import {
  AUTH_FAILURE,
  BAD_REPUTATION,
  BLOCKED,
  CONTENT_ERROR,
  EXCEED_LIMIT,
  MESG_TOO_BIG,
  NOT_COMPLIANT_RFC,
  NO_RELAYING,
  REJECTED,
  REQUIRE_PTR,
  SECURITY_ERROR,
  SYNTAX_ERROR,
} from './sender';
import { POLICY_VIOLATION, SPAM_DETECTED, SPEEDING, TOO_MANY_CONN, VIRUS_DETECTED } from './policy';
import { EXPIRED, NETWORK_ERROR } from './transport';
import { lexiconPhrases } from './lexicon';

export type { ReasonTable, ReasonPhrase } from './types';
export { LANGUAGES, type Language } from './lexicon';
export { NO_ANSWER, REFUSED_CONNECTION, VACATION_WORDS } from './transport';
export { SENDER_NAMED } from './sender';

export const REASON_TABLES: Record<string, ReasonTable> = Object.fromEntries(
  [
    USER_UNKNOWN,
    FILTERED,
    MAILBOX_FULL,
    SUSPEND,
    HAS_MOVED,
    HOST_UNKNOWN,
    NOT_ACCEPT,
    SYSTEM_FULL,
    SYSTEM_ERROR,
    MAILER_ERROR,
    MESG_TOO_BIG,
    EXCEED_LIMIT,
    NO_RELAYING,
    AUTH_FAILURE,
    REQUIRE_PTR,
    NOT_COMPLIANT_RFC,
    BAD_REPUTATION,
    CONTENT_ERROR,
    REJECTED,
    SECURITY_ERROR,
    SYNTAX_ERROR,
    BLOCKED,
    SPAM_DETECTED,
    VIRUS_DETECTED,
    POLICY_VIOLATION,
    SPEEDING,
    TOO_MANY_CONN,
    NETWORK_ERROR,
    EXPIRED,
  ]
    // the other languages' words for the same reasons (lexicon.ts), after the English ones
    .map((t): ReasonTable => ({ ...t, phrases: [...t.phrases, ...lexiconPhrases(t.reason)] }))
    .map((t) => [t.reason, t]),
);

/**
 * First pass: a reason decides when its unambiguous words match, or when the
 * enhanced code's detail names it exactly. Earlier reasons win: a mailbox that
 * is full is more exact than "user unknown", "user unknown" than "blocked".
 */
export const DECISIVE_ORDER = [
  'mailboxfull',
  'mesgtoobig',
  'exceedlimit',
  'suspend',
  'hasmoved',
  'norelaying',
  'authfailure',
  'userunknown',
  'filtered',
  'requireptr',
  'notcompliantrfc',
  'badreputation',
  'contenterror',
  'rejected',
  'notaccept',
  'hostunknown',
  'virusdetected',
  'spamdetected',
  'speeding',
  'toomanyconn',
  // a server that says it requires authentication (securityerror's first-pass words) names the refusal even
  // when its MTA's generic client-block prefix ("Client host rejected:") comes first
  'securityerror',
  'blocked',
] as const;

/**
 * Second pass, when nothing above decided and the code is absent or a catch-all:
 * the first-pass words of some reasons again (now at any stage), then the words of
 * the reasons that only ever explain a catch-all code.
 */
export const WEAK_ORDER = [
  'mailboxfull',
  'authfailure',
  'badreputation',
  'speeding',
  'spamdetected',
  'virusdetected',
  'policyviolation',
  'norelaying',
  'systemerror',
  'networkerror',
  'suspend',
  'contenterror',
  'systemfull',
  'notaccept',
  'expired',
  'securityerror',
  'mailererror',
  'syntaxerror',
] as const;

/** The reasons that name a condition exactly when a code gives them (the rest yield to any words: sisimai's "retry" set). */
export const RETRY_REASONS = new Set(['undefined', 'onhold', 'systemerror', 'securityerror', 'expired', 'networkerror']);
