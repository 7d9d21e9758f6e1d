// A refusal as the report shows it: its reason (decided by the reason engine,
// src/core/reason/engine.ts, from what the parser found), whether it is final
// (hard), and whose move it is (party).

import type { Party, Rejection, Stage } from './types';
import type { RawRejection } from './parse/parser';
import type { ReplyKnowledge } from './knowledge/replies';
import { decideReason, wordsOnly, type ReasonDecision } from './reason/engine';
import { findRefusalProblem } from './knowledge/refusal-problems';

export { wordsOnly };

function partyOfReason(reason: string): Party {
  switch (reason) {
    case 'userunknown':
    case 'mailboxfull':
    case 'hostunknown':
    case 'hasmoved':
    case 'suspend':
    case 'systemfull':
    case 'notaccept':
    case 'systemerror':
    case 'mailererror':
    case 'vacation':
      return 'recipient';
    case 'blocked':
    case 'requireptr':
    case 'notcompliantrfc':
    case 'authfailure':
    case 'badreputation':
    case 'mesgtoobig':
    case 'exceedlimit':
    case 'contenterror':
    case 'securityerror':
    case 'syntaxerror':
    case 'norelaying':
    case 'rejected':
    case 'feedback':
      return 'sender';
    case 'spamdetected':
    case 'policyviolation':
    case 'filtered':
    case 'toomanyconn':
    case 'speeding':
    case 'virusdetected':
      return 'receiver-policy';
    default:
      return 'unknown';
  }
}

const NOT_FAILURES = new Set(['feedback', 'vacation', 'delivered']);

export interface Classification {
  reason: string;
  knowledge: ReplyKnowledge | undefined;
  /** Which layer and table entry of the reason engine decided. */
  decision: ReasonDecision;
}

export function reasonOf(r: RawRejection): Classification {
  const decision = decideReason(r);
  return { reason: decision.reason, knowledge: decision.knowledge, decision };
}

/**
 * A refusal of MAIL FROM is about the envelope sender (RFC 5321 §3.3, §4.1.1.2: no recipient has been
 * named yet): words common to many servers that usually blame the recipient ("Invalid address", "mailbox
 * unavailable" answering MAIL FROM) put it on the sender there. A receiver's own entry keeps its word.
 */
function partyAtStage(party: Party, stage: Stage, ownEntry: boolean): Party {
  return stage === 'mail' && party === 'recipient' && !ownEntry ? 'sender' : party;
}

export function classify(r: RawRejection): Rejection {
  const { reason, knowledge: k } = reasonOf(r);
  const cls = r.enhanced ? Number(r.enhanced[0]) : r.code !== null ? Math.floor(r.code / 100) : /^delayed/i.test(r.action ?? '') ? 4 : 5;
  const hard = cls === 5 && !(k?.transient && (r.code === null || r.code < 500)) && !NOT_FAILURES.has(reason) && r.action !== 'deferred';
  // a problem that names whose move it is (a recipient's own delivery restriction), when no receiver's own
  // entry does: a reason's generic advice (knowledge/replies/generic.ts) only says whose move the reason
  // usually is ("authentication required" is mostly the sender's, not when a group requires it)
  const ownEntry = k && !k.id.startsWith('generic.');
  const problemParty = ownEntry
    ? undefined
    : findRefusalProblem({ code: r.code, enhanced: r.enhanced, text: r.text, stage: r.stage, hard, reason })?.party;
  return {
    code: r.code,
    enhanced: r.enhanced,
    stage: r.stage,
    reason,
    text: r.text,
    ip: r.ip,
    line: r.line,
    // reports that refuse nothing (a complaint, an auto-reply) are never permanent failures
    // (a "transient" text in a 5xx reply is final all the same: Gmail's low-reputation words come
    // as 421 4.7.0 and as 550 5.7.1, and no queue retries a 550 — RFC 5321 §4.2.1)
    hard,
    party: partyAtStage(problemParty ?? k?.party ?? partyOfReason(reason), r.stage, !!ownEntry),
    knowledge: k?.id ?? null,
    recipient: r.recipient ?? null,
    remote: r.remote ?? null,
    ...(r.client ? { client: r.client } : {}),
    ...(r.originalRecipient && r.originalRecipient !== r.recipient ? { originalRecipient: r.originalRecipient } : {}),
  };
}
