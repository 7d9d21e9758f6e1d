// Classification of a refusal: reason (sisimai's vocabulary), hard or soft,
// and whose move it is. In order:
//   1. a reason the source states outright (a feedback report, an auto-reply);
//   2. a named receiver's own text (Gmail 5.7.26, Microsoft S3150, Yahoo TSS04…);
//   3. an enhanced status code that says exactly what happened (X.2.2 mailbox
//      full, X.7.26 authentication) — RFC 3463 is more reliable than words;
//   4. the common words of each reason (knowledge/replies/generic.ts);
//   5. a vaguer enhanced code (X.1.1 could still be a policy block in words);
//   6. the DSN action (delayed = still retrying) and the stage with the basic code.
// The order follows sisimai's (Sisimai::Reason: a status code first unless it
// is one of the "retry" reasons, then the text), so results compare with it.

import type { Party, Rejection, Stage } from './types';
import type { RawRejection } from './parse/parser';
import { findGenericKnowledge, findReceiverKnowledge, knowledgeById, type ReplyKnowledge } from './knowledge/replies';
import { GENERIC_REPLIES } from './knowledge/replies/generic';
import { findEnhancedCode } from './knowledge/enhanced-codes';

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
    case 'onhold':
      return 'receiver-policy';
    default:
      return 'unknown';
  }
}

/**
 * Reasons an enhanced code gives only loosely: the words of the reply decide
 * first (sisimai's "retry" set, plus X.7.x's catch-alls).
 */
const VAGUE = new Set([
  'undefined',
  'onhold',
  'systemerror',
  'securityerror',
  'expired',
  'suspend',
  'networkerror',
  'hostunknown',
  'userunknown',
  'rejected',
  'filtered',
  'syntaxerror',
  'contenterror',
  'notaccept',
]);

/** When neither the text nor an enhanced code says more: what the stage implies. */
function reasonOfStage(code: number | null, stage: Stage): string {
  if (code === 552) return 'mesgtoobig';
  if (code === 421) return 'toomanyconn';
  // 530/535: authentication required or failed (RFC 4954 §6)
  if (code === 530 || code === 535) return 'securityerror';
  switch (stage) {
    case 'connect':
    case 'helo':
      return 'blocked';
    case 'mail':
      return 'rejected';
    case 'rcpt':
      return code === 550 || code === 551 || code === 553 ? 'userunknown' : 'rejected';
    case 'data':
    case 'end-of-data':
      return 'filtered';
    default:
      return code !== null && code >= 500 ? 'undefined' : 'undefined';
  }
}

const NOT_FAILURES = new Set(['feedback', 'vacation', 'delivered', 'onhold']);

export interface Classification {
  reason: string;
  knowledge: ReplyKnowledge | undefined;
}

/**
 * When an enhanced code names a loose reason (X.1.1 user unknown, X.7.1
 * refused), the words may still say something narrower — but only these
 * reasons override a code (sisimai does the same: a 5.1.1 that says "mailbox
 * full" is a full mailbox; a 5.1.1 that says "blocked" stays user unknown).
 */
const REFINES_A_CODE = new Set([
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
  'requireptr',
  'mesgtoobig',
  'exceedlimit',
  'hasmoved',
  'toomanyconn',
  // servers use X.2.1, X.5.0 and X.3.0 loosely for unknown recipients too
  'userunknown',
  'hostunknown',
]);

/** "Other" details of each class (RFC 3463 X.n.0) and X.7.1: they name no cause, the words do. */
const CATCH_ALL_CODES = new Set(['X.0.0', 'X.1.0', 'X.2.0', 'X.3.0', 'X.4.0', 'X.5.0', 'X.6.0', 'X.7.0', 'X.7.1']);

/** A connection that never got an answer: after a queue's retries, the message expired. */
const NO_CONNECTION =
  /connect(?:ion)? (?:to \S+ )?(?:timed out|refused)|connection timed out|timed out|unable to connect|could not connect|no route to host|host (?:is )?(?:unreachable|not reachable)|did not accept our requests to connect/i;

/** The words of a queue that gave up (knowledge/replies/generic.ts, "expired"). */
const GAVE_UP = GENERIC_REPLIES.find((k) => k.reason === 'expired')?.text;

function refine(reason: string, r: RawRejection, enh: { code: string } | undefined, knowledgeId?: string): string {
  const cls = r.enhanced ? r.enhanced[0] : r.code !== null ? String(r.code)[0] : null;
  // "user unknown" in generic words only, not in reply to RCPT or MAIL and
  // without an X.1.x code: a filter refused the message (sisimai's Filtered
  // rule — a server that knows its users says so at RCPT, with X.1.1 (or the
  // X.5.0 many use for it); the same words in a reply at another or an unknown
  // stage, or with another code, come from a filter). The checklist step stays
  // "recipient unknown", from the words; only the reason follows sisimai.
  if (
    reason === 'userunknown' &&
    knowledgeId === 'generic.user-unknown' &&
    r.code !== null &&
    !(enh && /^X\.(?:1\.\d+|5\.0)$/.test(enh.code)) &&
    r.stage !== 'rcpt' &&
    r.stage !== 'mail'
  )
    return 'filtered';
  // refused in reply to MAIL FROM: the sender was refused, whatever the words
  if (r.stage === 'mail' && ['userunknown', 'filtered', 'hostunknown', 'undefined'].includes(reason)) return 'rejected';
  if (r.stage === 'mail' && reason === 'blocked' && (!knowledgeId || knowledgeId === 'generic.blocked')) return 'rejected';
  // a temporary failure reported as final: the queue gave up
  if (
    // (a log's "deferred" is still being retried: not expired)
    r.action !== 'deferred' &&
    (cls === '4' || /^delayed/i.test(r.action ?? '')) &&
    (reason === 'networkerror' || reason === 'undefined' || reason === 'systemerror' || reason === 'blocked') &&
    NO_CONNECTION.test(r.text)
  )
    return 'expired';
  if (/^delayed/i.test(r.action ?? '') && (reason === 'undefined' || reason === 'onhold')) return 'expired';
  // a connection failure after which the queue said it gave up ("I'm not going to try again")
  if (reason === 'networkerror' && r.action !== 'deferred' && GAVE_UP?.test(r.text)) return 'expired';
  return reason;
}

/** The reply text with e-mail addresses replaced, so that their local parts do not read as reasons. */
export function wordsOnly(text: string): string {
  // (?<!…): a bare address is tried only where a run of its characters starts — tried from every
  // character of a long run without "@", the pattern was quadratic (issue 10)
  return text.replace(/<[^<>\s]*@[^<>\s]*>|(?<![\w.+=-])[\w.+=-]+@[\w.-]+\.[a-z]{2,}/gi, '<address>');
}

export function reasonOf(r: RawRejection): Classification {
  if (r.reason) return { reason: r.reason, knowledge: undefined };
  const known = knowledgeById(r.knowledgeId);
  if (known) return { reason: known.reason, knowledge: known };
  // addresses and host names in the text are not words about the refusal
  // (a recipient called spam@…, a host called policy.example)
  const text = wordsOnly(r.text);
  let receiver = findReceiverKnowledge(text, r.code, r.stage);
  /** The common words, looked up once (undefined: not yet; null: none). */
  let genericOnce: ReplyKnowledge | null | undefined;
  const genericWords = () =>
    genericOnce === undefined ? (genericOnce = findGenericKnowledge(text, r.code, r.stage) ?? null) : genericOnce;
  // readers keep the enhanced code apart from the text; entries that know a receiver
  // by its code (Gmail's 5.7.25, Microsoft's 4.7.650) see it in front, as on the wire —
  // only when the words alone explain nothing (a code is ambiguous: Gmail's 5.7.27 is
  // RFC 7505's null-MX sender elsewhere)
  if (!receiver && r.enhanced && !r.text.includes(r.enhanced) && !genericWords())
    receiver = findReceiverKnowledge(wordsOnly(`${r.enhanced} ${r.text}`), r.code, r.stage);
  if (receiver)
    return { reason: refine(receiver.reason, r, r.enhanced ? findEnhancedCode(r.enhanced) : undefined, receiver.id), knowledge: receiver };
  const enh = r.enhanced ? findEnhancedCode(r.enhanced) : undefined;
  if (enh && !VAGUE.has(enh.reason)) return { reason: refine(enh.reason, r, enh), knowledge: undefined };
  const generic = genericWords() ?? undefined;
  // 421 closes the channel (RFC 5321 §3.8): with no words that say why, it is the receiver's load or rate limit
  if (!generic && r.code === 421 && (!enh || CATCH_ALL_CODES.has(enh.code)))
    return { reason: refine('toomanyconn', r, enh), knowledge: undefined };
  if (enh && enh.reason !== 'undefined') {
    // an expired delivery (X.4.7) is explained by the last error it met, whatever it was
    if (generic && (CATCH_ALL_CODES.has(enh.code) || enh.code === 'X.4.7' || REFINES_A_CODE.has(generic.reason)))
      return { reason: refine(generic.reason, r, enh, generic.id), knowledge: generic };
    return { reason: refine(enh.reason, r, enh), knowledge: generic };
  }
  if (generic) return { reason: refine(generic.reason, r, enh, generic.id), knowledge: generic };
  return { reason: refine(reasonOfStage(r.code, r.stage), r, enh), knowledge: undefined };
}

export function classify(r: RawRejection): Rejection {
  const { reason, knowledge: k } = reasonOf(r);
  const cls = r.enhanced
    ? Number(r.enhanced[0])
    : r.code !== null
      ? Math.floor(r.code / 100)
      : reason === 'expired' && r.action === 'delayed'
        ? 4
        : 5;
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
    hard: cls === 5 && !(k?.transient && (r.code === null || r.code < 500)) && !NOT_FAILURES.has(reason) && r.action !== 'deferred',
    party: k?.party ?? partyOfReason(reason),
    knowledge: k?.id ?? null,
    recipient: r.recipient ?? null,
    remote: r.remote ?? null,
  };
}
