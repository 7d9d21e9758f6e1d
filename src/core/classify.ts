// Classification of a refusal: reason (sisimai's vocabulary), hard or soft,
// and whose move it is. Knowledge first (the receiver's own words), then the
// RFC 3463 enhanced code, then the basic code with the stage it answered.

import type { Party, Rejection, Stage } from './types';
import type { RawRejection } from './parse/parser';
import { findReplyKnowledge } from './knowledge/replies';
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
      return 'recipient';
    case 'blocked':
    case 'requireptr':
    case 'notcompliantrfc':
    case 'authfailure':
    case 'mesgtoobig':
    case 'exceedlimit':
    case 'contenterror':
    case 'securityerror':
    case 'syntaxerror':
    case 'norelaying':
    case 'rejected':
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

/** When neither the text nor an enhanced code says more: what the stage implies. */
function reasonOfStage(code: number | null, stage: Stage): string {
  if (code === 552) return 'mesgtoobig';
  if (code === 421) return 'toomanyconn';
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
      return 'undefined';
  }
}

export function classify(r: RawRejection): Rejection {
  const k = findReplyKnowledge(r.text, r.code, r.stage);
  const enh = r.enhanced ? findEnhancedCode(r.enhanced) : undefined;
  const reason = r.reason ?? k?.reason ?? (enh && enh.reason !== 'undefined' ? enh.reason : reasonOfStage(r.code, r.stage));
  const cls = r.enhanced ? Number(r.enhanced[0]) : r.code !== null ? Math.floor(r.code / 100) : 5;
  return {
    code: r.code,
    enhanced: r.enhanced,
    stage: r.stage,
    reason,
    text: r.text,
    ip: r.ip,
    line: r.line,
    hard: cls === 5,
    party: k?.party ?? partyOfReason(reason),
    knowledge: k?.id ?? null,
    recipient: r.recipient ?? null,
    remote: r.remote ?? null,
  };
}
