// What receivers mean by their replies: one entry per known text, each with
// its source. The reason engine (src/core/reason/engine.ts) takes the
// receivers' own texts first; entries marked `generic` (words common to many
// servers) it weighs at their reason's place among the per-reason tables of
// knowledge/reasons. GENERIC_REPLIES (generic.ts) is the advice per reason.

import type { Stage } from '../../types';
import { plainQuotes } from '../../text/punctuation';
import type { ReplyKnowledge } from './types';
import { MDAEMON_REPLIES } from './mdaemon';
import { GMAIL_REPLIES } from './gmail';
import { MICROSOFT_REPLIES } from './microsoft';
import { YAHOO_REPLIES } from './yahoo';
import { FILTER_REPLIES } from './filters';
import { GATEWAY_REPLIES } from './gateways';
import { CONTENT_FILTER_REPLIES } from './content-filters';
import { DNSBL_REPLIES } from './dnsbl';
import { GENERIC_REPLIES } from './generic';
import { POSTFIX_REPLIES } from './postfix';
import { SESSION_REPLIES } from './session';
import { ONPREM_REPLIES } from './onprem';
import { ISP_REPLIES } from './isps';
import { RECEIVER_CODE_REPLIES } from './receivers';
import { AUTH_REPLY_KNOWLEDGE } from './auth';
import { SERVICE_REPLIES } from './services';
import { CLIENT_REPLIES } from './clients';
import { LOCALIZED_REPLIES } from './localized';
import { MTA_REPLIES } from './mtas';
import { REGIONAL_REPLIES } from './regional';
import { SUBMISSION_REPLIES } from './submission';
import { SERVER_REPLIES } from './servers';
import { PROVIDER_REPLIES } from './providers';
import { CARRIER_REPLIES } from './carriers';

export type { ReplyKnowledge } from './types';

/** Texts of named receivers and products: specific, so they win over the generic words. */
export const RECEIVER_REPLIES: ReplyKnowledge[] = [
  // mail server and filter software's own default texts (servers.ts: postscreen, Haraka, Stalwart, hMailServer,
  // maddy…), each matched by its own words and never by a code alone: first, so that a receiver entry that
  // also takes a bare RFC code (Gmail's 5.7.25, 5.7.27) does not claim them
  ...SERVER_REPLIES,
  ...MDAEMON_REPLIES,
  ...POSTFIX_REPLIES,
  ...GMAIL_REPLIES,
  ...MICROSOFT_REPLIES,
  ...YAHOO_REPLIES,
  ...ISP_REPLIES,
  // access providers' documented texts (AT&T's Mailblock pages, Swisscom Bluewin): carriers.ts
  ...CARRIER_REPLIES,
  ...RECEIVER_CODE_REPLIES,
  ...REGIONAL_REPLIES,
  ...SERVICE_REPLIES,
  ...SUBMISSION_REPLIES,
  // sending services' and providers' own texts (providers.ts)
  ...PROVIDER_REPLIES,
  ...CLIENT_REPLIES,
  ...LOCALIZED_REPLIES,
  ...GATEWAY_REPLIES,
  ...CONTENT_FILTER_REPLIES,
  ...FILTER_REPLIES,
  ...ONPREM_REPLIES,
  // the default texts of Exim, sendmail, qmail/chkuser and policyd-spf (mtas.ts)
  ...MTA_REPLIES,
  // the session's own failures (no connection, TLS, login, HELO, a receiver's broken
  // blocklist lookups): after the named receivers' texts, before the lists, whose
  // words ("blocked using …") a broken lookup's reply contains
  ...SESSION_REPLIES,
  ...DNSBL_REPLIES,
  // sender authentication refusals (auth.ts)
  ...AUTH_REPLY_KNOWLEDGE,
];

export const REPLY_KNOWLEDGE: ReplyKnowledge[] = [...RECEIVER_REPLIES, ...GENERIC_REPLIES];

function applies(k: ReplyKnowledge, text: string, code: number | null, stage: Stage): boolean {
  return k.text.test(plainQuotes(text)) && (!k.codes || k.codes.includes(code ?? 0)) && (!k.stages || k.stages.includes(stage));
}

/** Only the receivers' own texts (not the generic words). */
export function findReceiverKnowledge(text: string, code: number | null, stage: Stage): ReplyKnowledge | undefined {
  return RECEIVER_REPLIES.find((k) => applies(k, text, code, stage));
}

export function knowledgeById(id: string | null | undefined): ReplyKnowledge | undefined {
  return id ? REPLY_KNOWLEDGE.find((k) => k.id === id) : undefined;
}

/** Whether a reply is the receiver's own malfunction (its blocklist lookups refused…), not a finding about the sender. */
export function isReceiverError(text: string): boolean {
  const plain = plainQuotes(text);
  return RECEIVER_REPLIES.some((k) => k.receiverError && k.text.test(plain));
}
