// The reason engine: the one place that decides why a message was refused
// (sisimai's reason vocabulary), for every kind of input — a log line, a DSN,
// an NDR, a bare reply, a sending service's event. Parsers hand it what the
// input says (the basic code, the enhanced code, the words, the SMTP command
// answered, the DSN action and diagnostic type, the remote host); it returns
// the reason and which table entry decided it.
//
// Precedence — the same for every input kind (DESIGN.md, "How a refusal's reason is decided"):
//   1. stated      the input's structure says what it is: an ARF feedback report, an RFC 3834
//                  auto-reply, a delivery report, an enhanced code of class 2 (delivered).
//   2. receiver    a named receiver's or product's own text (knowledge/replies): Gmail's
//                  5.7.26 words, Microsoft's S3150, Yahoo's TSS04, Postfix's "Relay access
//                  denied". It knows what that sender means, which the generic words may not.
//   3. first pass  in a fixed order of reasons, narrow to broad (knowledge/reasons DECISIVE_ORDER):
//                  a reason decides when its unambiguous words match (at the stages where they
//                  mean it), or when the enhanced code's detail names it exactly (X.2.2, X.7.25).
//                  So when code and words disagree, the narrower reason wins: a 5.1.1 whose words
//                  say "mailbox full" is a full mailbox (servers answer 5.1.1 to every refused
//                  RCPT; the words say more), a 5.2.2 whose words say "user unknown" stays full
//                  (the code is the narrower claim); a code's own exceptions (X.1.1 yields to
//                  "blocked", "sender rejected") are data in knowledge/enhanced-codes.ts.
//   4. the code    an enhanced code whose detail names a condition but is used loosely (X.2.0,
//                  X.3.2, X.7.13) decides now.
//   5. weak words  words that name a reason only when nothing more exact does (a virus, a
//                  policy, a system or network error, a queue that gave up — knowledge/reasons WEAK_ORDER).
//   6. catch-all   a catch-all detail (X.n.0, X.7.1, the network details) names its reason.
//   7. the rest    a non-SMTP diagnostic (X-Unix, X-Postfix: the local mailer); a delay notice
//                  (RFC 3464 Action "delayed": the queue time it reports, expired); the basic code at
//                  its stage (RFC 5321: 552 size, 521/556 no mail, 530/535 authentication, 550 at
//                  RCPT the mailbox); a refusal of the greeting or HELO (blocked).
//   8. otherwise   onhold when there are words nobody understood, undefined when there are none.
// Then one rule of the stage for every layer: a refusal in reply to MAIL FROM is about the
// sender (RFC 5321 §3.3), so reasons about the recipient's mailbox become "rejected".
//
// The order follows sisimai's (Sisimai::Reason: ProbesInto in classorder, then anotherone),
// so that results compare with it; the tables are Mailmedic's own.

import type { Stage } from '../types';
import { plainQuotes } from '../text/punctuation';
import { knowledgeById, RECEIVER_REPLIES, type ReplyKnowledge } from '../knowledge/replies';
import { readEnhancedCode, type CodeReading } from '../knowledge/enhanced-codes';
import { answersAuth, replyCodeReason } from '../knowledge/reply-codes';
import {
  DECISIVE_ORDER,
  NO_ANSWER,
  REFUSED_CONNECTION,
  REASON_TABLES,
  SENDER_NAMED,
  RETRY_REASONS,
  VACATION_WORDS,
  WEAK_ORDER,
  type ReasonPhrase,
  type ReasonTable,
} from '../knowledge/reasons';

/** What a parser knows about one refusal. */
export interface ReasonInput {
  code: number | null;
  enhanced: string | null;
  text: string;
  stage: Stage;
  /** DSN Action (failed, delayed, delivered…) or a log's status (deferred, bounced). */
  action?: string;
  /** DSN Diagnostic-Code type: SMTP, X-Unix, X-Postfix… */
  diagnosticType?: string;
  /** The remote host that answered (Remote-MTA, "host x said"). */
  remote?: string | null;
  /** The failed recipient: its domain names the receiver when the remote host is not known. */
  recipient?: string | null;
  /** A reason the input's structure states (a feedback report, an auto-reply). */
  reason?: string;
  /** The reporting MTA's own words about this recipient, outside the quoted reply. */
  notice?: string;
  /** The knowledge entry the reader found from the log's other lines. */
  knowledgeId?: string;
}

export type ReasonLayer = 'stated' | 'receiver' | 'words' | 'code' | 'weak-words' | 'catch-all' | 'basic-code' | 'stage' | 'undecided';

export interface ReasonDecision {
  reason: string;
  /** Which layer of the precedence decided. */
  layer: ReasonLayer;
  /** The table entry that decided: a phrase id, a knowledge id, "X.2.2", "552", "stage:helo". */
  entry: string;
  /** Where that entry comes from (an RFC, an MTA's text, a receiver's page). */
  source: string;
  /** The knowledge entry with advice for the checklist (receiver's own, or the reason's common words). */
  knowledge?: ReplyKnowledge;
}

/** The reply text with e-mail addresses replaced, so that their local parts do not read as reasons. */
export function wordsOnly(text: string): string {
  // (?<!…): a bare address is tried only where a run of its characters starts — tried from every
  // character of a long run without "@", the pattern was quadratic
  return plainQuotes(text).replace(/<[^<>\s]*@[^<>\s]*>|(?<![\w.+=-])[\w.+=-]+@[\w.-]+\.[a-z]{2,}/gi, '<address>');
}

const BEFORE_MAIL: Stage[] = ['connect', 'helo'];
/** Reasons about the recipient's mailbox or domain: in reply to MAIL FROM they are about the sender. */
const RECIPIENT_SIDE = new Set(['userunknown', 'filtered', 'hostunknown', 'undefined', 'onhold']);

function matchPhrase(list: ReasonPhrase[] | undefined, text: string, stage: Stage): ReasonPhrase | undefined {
  // a phrase bound to commands (ReasonPhrase.stages) means its reason only in their replies
  return list?.find((p) => (!p.stages || p.stages.includes(stage)) && p.text.test(text));
}

/**
 * One attempt of a delivery that is still being retried: a log's deferral (Postfix
 * status=deferred, Exim "==", sendmail "Deferred"). Its words are about that attempt.
 */
function oneAttempt(action: string | undefined): boolean {
  return /^deferred/i.test(action ?? '');
}

/**
 * A delay notice: a DSN whose Action is "delayed" (RFC 3464 §2.3.3). An MTA sends one only
 * when the message has waited in its queue past a warning time (Postfix delay_warning_time,
 * sendmail Timeout.queuewarn, Exim delay_warning): it is a report about the queue time, not
 * one attempt. sisimai names it "expired" when nothing narrower explains it
 * (https://libsisimai.org/en/reason/#expired; Sisimai::Reason find: Action delayed → expired).
 */
function delayNotice(action: string | undefined): boolean {
  return /^delayed/i.test(action ?? '');
}

/**
 * The queue's own word that the message's lifetime ran out: Postfix logs "status=expired,
 * returned to sender" when maximal_queue_lifetime passes (postconf(5)), and some MTAs write
 * "Action: expired" in their DSNs (sisimai reads both as expired: Action delayed or expired →
 * expired). Words of a narrower reason still say what the last attempt met.
 */
function queueGaveUp(action: string | undefined): boolean {
  return /^expired/i.test(action ?? '');
}

/** A report by a queue about the message's fate: a DSN that failed, a delay notice, the queue's "expired". */
function queueReport(action: string | undefined): boolean {
  return /^(?:failed|delayed|expired)/i.test(action ?? '');
}

/** Knowledge entries whose words are common to many servers: they decide at their reason's place, not ahead of it. */
function isGenericKnowledge(k: ReplyKnowledge): boolean {
  return !!k.generic;
}

function appliesTo(k: ReplyKnowledge, text: string, r: ReasonInput): boolean {
  if (k.codes && !k.codes.includes(r.code ?? 0)) return false;
  if (k.stages && !k.stages.includes(r.stage)) return false;
  // an entry that needs its receiver applies when the remote host or the recipient's domain is that receiver's
  if (k.hosts && !receivedBy(k.hosts, r)) return false;
  return k.text.test(text);
}

/** Whether the refusal came from this receiver: its host answered, or the recipient's domain is its. */
function receivedBy(hosts: RegExp, r: ReasonInput): boolean {
  const domain = r.recipient?.split('@')[1];
  return (!!r.remote && hosts.test(r.remote)) || (!!domain && hosts.test(domain));
}

function findReceiver(text: string, r: ReasonInput, generic: boolean): ReplyKnowledge | undefined {
  return RECEIVER_REPLIES.find((k) => isGenericKnowledge(k) === generic && appliesTo(k, text, r));
}

class Decider {
  readonly text: string;
  readonly code: CodeReading | undefined;
  /** Common-words knowledge entries that match, by reason (looked up once). */
  private genericHits: Map<string, ReplyKnowledge> | undefined;

  constructor(readonly r: ReasonInput) {
    // addresses and host names in the text are not words about the refusal (a recipient called spam@…)
    this.text = wordsOnly(r.text);
    this.code = readEnhancedCode(r.enhanced);
  }

  genericKnowledge(reason: string): ReplyKnowledge | undefined {
    if (!this.genericHits) {
      this.genericHits = new Map();
      for (const k of RECEIVER_REPLIES)
        if (isGenericKnowledge(k) && !this.genericHits.has(k.reason) && appliesTo(k, this.text, this.r)) this.genericHits.set(k.reason, k);
    }
    return this.genericHits.get(reason);
  }

  /**
   * Whether the words are an SMTP reply (they came with a basic reply code): the stage
   * rules of the tables are about replies to commands; an MTA's own notice ("Unknown
   * Recipient", "not listed in Domino Directory") answers no command.
   */
  get isReply(): boolean {
    return this.r.code !== null;
  }

  /** Whether a table's first-pass words may decide here (its stages, its code conditions). */
  private firstPassAllowed(t: ReasonTable): boolean {
    const stage = this.r.stage;
    if (this.isReply && t.notAt?.includes(stage)) return false;
    // words bound to an envelope command (an unknown user at RCPT TO) mean nothing of the kind in a reply that
    // only AUTH gets: "535 Authentication failed: No such account" is the login's account (RFC 4954 §6)
    if (t.onlyAt && answersAuth(this.r.code)) return false;
    if (t.unlessCode && this.code && t.unlessCode.includes(this.code.info.code)) return false;
    if (t.onlyWhenCodeSilentExceptAt && !t.onlyWhenCodeSilentExceptAt.includes(stage)) {
      const c = this.code;
      if (c && c.reason !== t.reason && !RETRY_REASONS.has(c.reason) && c.weight !== 'retry') return false;
    }
    return true;
  }

  /** A temporary failure (class 4, or a 4xx reply) is retried: its verdicts are not final. */
  get transient(): boolean {
    return this.code ? this.code.code.startsWith('4') : this.r.code !== null && this.r.code < 500;
  }

  /** The first-pass words of a reason, as a decision (with the reason they mean at this stage). */
  firstPassWords(reason: string): ReasonDecision | undefined {
    const t = REASON_TABLES[reason];
    const k = this.genericKnowledge(reason);
    if (!t) return undefined;
    if (!this.firstPassAllowed(t)) return undefined;
    if (t.unlessPhrasesOf?.some((o) => this.rawWords(o))) return undefined;
    if (t.unlessPhraseIds?.some((id) => this.phraseById(id)?.text.test(this.text))) return undefined;
    const hit = matchPhrase(t.phrases, this.text, this.r.stage);
    if (!hit && !k) return undefined;
    const stage = this.r.stage;
    let meant = reason;
    const kept = !!this.code && !!t.keptByCodes?.some((c) => this.code!.info.code === c || this.code!.info.code.startsWith(`${c}.`));
    if (this.isReply && t.onlyAt && !t.onlyAt.includes(stage) && !(kept && stage !== 'mail')) {
      meant = t.elsewhere?.[stage] ?? '';
      if (!meant) return undefined;
    }
    // a domain that "does not exist" in a temporary failure is a lookup that failed for now
    // (RFC 3463: X.4.4 "Unable to route" is hostunknown when permanent, a network error when not)
    if (meant === 'hostunknown' && this.transient) meant = 'networkerror';
    const entry = hit?.id ?? k!.id;
    // words that mean another reason here bring that reason's advice when the input has it
    // (a temporary "Host not found, try again": the DNS failure's); a filter keeps the unknown user's
    // words that bring their own advice (ReasonPhrase.advice) give it when that entry applies to the text too
    const own = hit?.advice ? knowledgeById(hit.advice) : undefined;
    const advice = (own && appliesTo(own, this.text, this.r) ? own : undefined) ?? k ?? knowledgeById(t.advice);
    const knowledge = meant !== reason ? (this.genericKnowledge(meant) ?? advice) : advice;
    return { reason: meant, layer: 'words', entry, source: hit?.source ?? k!.sources[0], knowledge };
  }

  phraseById(id: string): ReasonPhrase | undefined {
    const t = REASON_TABLES[id.split('.')[0]];
    return t && [...t.phrases, ...(t.weak ?? [])].find((p) => p.id === id);
  }

  /** Whether any table's words (or a common-words knowledge entry) match the text. */
  anyWords(): boolean {
    return (
      Object.values(REASON_TABLES).some((t) => matchPhrase(t.phrases, this.text, this.r.stage) ?? matchPhrase(t.weak, this.text, this.r.stage)) ||
      RECEIVER_REPLIES.some((k) => isGenericKnowledge(k) && appliesTo(k, this.text, this.r))
    );
  }

  /** Whether a reason's first-pass words match, whatever the stage (for a code's exceptions). */
  rawWords(reason: string): boolean {
    const t = REASON_TABLES[reason];
    return !!(t && matchPhrase(t.phrases, this.text, this.r.stage)) || !!this.genericKnowledge(reason);
  }

  /** The code's reason as a decision. */
  byCode(layer: ReasonLayer): ReasonDecision | undefined {
    const c = this.code;
    if (!c || c.reason === 'undefined') return undefined;
    const t = REASON_TABLES[c.reason];
    // the reason's own words, when they are there too, bring its advice
    const words = t && (matchPhrase(t.phrases, this.text, this.r.stage) ?? matchPhrase(t.weak, this.text, this.r.stage));
    return {
      reason: c.reason,
      layer,
      entry: c.registered ? c.code : `${c.code} (${c.info.code})`,
      source: `${c.info.source}: ${c.info.meaning}`,
      knowledge: this.genericKnowledge(c.reason) ?? (words && t ? knowledgeById(t.advice) : undefined),
    };
  }

  /** The code's detail gave way to words that say more (X.1.2 beside a DNS failure). */
  yielded = false;

  /** First pass: narrow to broad, a reason's exact code or its unambiguous words. */
  firstPass(): ReasonDecision | undefined {
    const c = this.code;
    for (const reason of DECISIVE_ORDER) {
      if (c && c.weight === 'decides' && c.reason === reason) {
        if (!c.info.yieldsTo?.some((o) => this.rawWords(o) || this.weakWords(o))) return this.byCode('code');
        this.yielded = true;
      }
      const w = this.firstPassWords(reason);
      if (w) return w;
    }
    return undefined;
  }

  /** A weak-pass reason's words (its first-pass words at any stage, then its weak words). */
  weakWords(reason: string): ReasonPhrase | undefined {
    const t = REASON_TABLES[reason];
    return t ? (matchPhrase(t.phrases, this.text, this.r.stage) ?? matchPhrase(t.weak, this.text, this.r.stage)) : undefined;
  }

  weakPass(): ReasonDecision | undefined {
    for (const reason of WEAK_ORDER) {
      // a host that never answered: the queue waited for it in a final report or a delay notice
      // (sisimai: X.4.1 "No answer from host" is expired); a log's deferral is one attempt
      if (reason === 'networkerror' && NO_ANSWER.text.test(this.text)) {
        const meant = oneAttempt(this.r.action) ? 'networkerror' : 'expired';
        return {
          reason: meant,
          layer: 'weak-words',
          entry: NO_ANSWER.id,
          source: NO_ANSWER.source,
          knowledge: this.genericKnowledge('networkerror'),
        };
      }
      // a host that refused every connection: in a queue's final report (or its delay notice, or
      // under X.4.7 "Delivery time expired") the queue gave up on it, as on one that never
      // answered (sisimai: X.4.1 → expired); a log's
      // deferral or a client's own error is one attempt, named by the words (networkerror)
      if (
        reason === 'networkerror' &&
        (queueReport(this.r.action) || this.code?.info.code === 'X.4.7') &&
        REFUSED_CONNECTION.text.test(this.text)
      )
        return {
          reason: 'expired',
          layer: 'weak-words',
          entry: REFUSED_CONNECTION.id,
          source: REFUSED_CONNECTION.source,
          knowledge: this.genericKnowledge('networkerror'),
        };
      const k = this.genericKnowledge(reason);
      const hit = this.weakWords(reason);
      if (!hit && !k) continue;
      const t = REASON_TABLES[reason];
      return {
        reason,
        layer: 'weak-words',
        entry: hit?.id ?? k!.id,
        source: hit?.source ?? k!.sources[0],
        knowledge: k ?? (t ? knowledgeById(t.advice) : undefined),
      };
    }
    return undefined;
  }

  tail(): ReasonDecision | undefined {
    const r = this.r;
    const type = (r.diagnosticType ?? '').toUpperCase();
    // the local delivery program's own status (Postfix pipe(8)/local(8), sendmail's prog mailer)
    if (type === 'X-UNIX' || type === 'X-POSTFIX')
      return {
        reason: 'mailererror',
        layer: 'basic-code',
        entry: `diagnostic-type:${type}`,
        source: 'RFC 3464 §2.3.6 (a non-SMTP diagnostic type: the local mailer)',
      };
    // a delay notice, or the queue's own "expired", that no words or code explain: the queue time is the finding
    if (delayNotice(r.action))
      return {
        reason: 'expired',
        layer: 'stage',
        entry: 'action:delayed',
        source: 'RFC 3464 §2.3.3 (Action: delayed, sent after a queue warning time); https://libsisimai.org/en/reason/#expired',
      };
    if (queueGaveUp(r.action))
      return {
        reason: 'expired',
        layer: 'stage',
        entry: 'action:expired',
        source: 'Postfix status=expired (postconf(5) maximal_queue_lifetime); https://libsisimai.org/en/reason/#expired',
      };
    const basic = replyCodeReason(r.code, r.stage);
    if (basic)
      return {
        reason: basic.reason,
        layer: 'basic-code',
        entry: String(basic.info.code),
        source: `${basic.info.source}: ${basic.info.meaning}`,
        knowledge: this.genericKnowledge(basic.reason),
      };
    // refused before MAIL FROM: the client itself (its IP or name) was refused (sisimai: EHLO/HELO → blocked)
    if (BEFORE_MAIL.includes(r.stage) && (r.code === null || r.code >= 400))
      return { reason: 'blocked', layer: 'stage', entry: `stage:${r.stage}`, source: 'RFC 5321 §3.1, §4.1.1.1 (greeting and HELO)' };
    return undefined;
  }

  decide(): ReasonDecision {
    const r = this.r;
    // 1. what the input's structure states
    if (r.reason)
      return {
        reason: r.reason,
        layer: 'stated',
        entry: `stated:${r.reason}`,
        source: "the input's structure (report type, Auto-Submitted, Action)",
      };
    const known = knowledgeById(r.knowledgeId);
    if (known) return { reason: known.reason, layer: 'receiver', entry: known.id, source: known.sources[0], knowledge: known };
    if (this.code?.reason === 'delivered' || /^(?:delivered|relayed|expanded)$/i.test(r.action ?? ''))
      return {
        reason: 'delivered',
        layer: 'stated',
        entry: this.code ? this.code.code : `action:${r.action}`,
        source: 'RFC 3464 §2.3.3 (Action), RFC 3463 §3.1 (class 2)',
      };
    // 2. a receiver's own words; readers keep the enhanced code apart from the text, and some
    // entries know a receiver by its code (Gmail's 5.7.26), so they see it in front, as on the
    // wire — only when no table's words explain the text: a code alone is ambiguous (Microsoft's
    // 5.1.10 "recipient not found" is RFC 7505's null MX elsewhere, Gmail's 5.7.27 a null-MX sender)
    let k = findReceiver(this.text, r, false);
    if (!k && r.enhanced && !r.text.includes(r.enhanced) && !this.anyWords())
      k = findReceiver(wordsOnly(`${r.enhanced} ${r.text}`), r, false);
    if (k) return { reason: k.reason, layer: 'receiver', entry: k.id, source: k.sources[0], knowledge: k };
    // 3–8
    const c = this.code;
    // a non-SMTP diagnostic (X-Unix, X-Postfix: the local mailer's own output) is no receiver's
    // reply: the first pass, which reads replies, does not apply (RFC 3464 §2.3.6)
    const localMailer = /^x-(?:unix|postfix|local)/i.test(r.diagnosticType ?? '');
    const first = localMailer ? undefined : this.firstPass();
    if (first) return first;
    if (localMailer) this.yielded = true;
    return (
      (c && c.weight === 'words' ? this.byCode('code') : undefined) ??
      (!c || this.yielded || c.weight === 'retry' || RETRY_REASONS.has(c.reason) ? this.weakPass() : undefined) ??
      this.byCode('catch-all') ??
      this.tail() ??
      this.undecided()
    );
  }

  undecided(): ReasonDecision {
    // sisimai's last resort: an auto-reply's words, then "onhold" for words nobody understood
    if (VACATION_WORDS.text.test(this.text))
      return { reason: 'vacation', layer: 'undecided', entry: VACATION_WORDS.id, source: VACATION_WORDS.source };
    const words = this.text.replace(/[\d.\s:;<>-]/g, '').length > 0;
    return words
      ? {
          reason: 'onhold',
          layer: 'undecided',
          entry: 'onhold',
          source: 'https://libsisimai.org/en/reason/#onhold (no table entry explains the words)',
        }
      : {
          reason: 'undefined',
          layer: 'undecided',
          entry: 'undefined',
          source: 'https://libsisimai.org/en/reason/#undefined (no words, no code)',
        };
  }
}

/** The stage rule for every layer: MAIL FROM names only the sender (RFC 5321 §3.3). */
function afterStage(d: ReasonDecision, r: ReasonInput): ReasonDecision {
  // (a reply that names the sender address as what it refused is about the sender at any command: Postfix's
  // sender restrictions answered at RCPT TO)
  const namesSender = r.stage !== 'mail' && SENDER_NAMED.text.test(r.text);
  if ((r.stage !== 'mail' && !namesSender) || d.layer === 'stated') return d;
  if (RECIPIENT_SIDE.has(d.reason)) {
    // there, the common words' advice about a recipient's mailbox speaks of the sender's address instead
    const common = namesSender && (!d.knowledge || d.knowledge.id.startsWith('generic.'));
    return { ...d, reason: 'rejected', ...(common ? { knowledge: knowledgeById(REASON_TABLES.rejected?.advice) } : {}) };
  }
  // a catch-all security code (X.7.1 "delivery not authorized") in reply to MAIL FROM: the sender was refused
  if (r.stage === 'mail' && d.reason === 'securityerror' && (d.layer === 'catch-all' || d.layer === 'code'))
    return { ...d, reason: 'rejected' };
  return d;
}

/**
 * The reporting MTA's own sentence about the recipient, when it names a narrower reason
 * than the quoted reply (au: "The user(s) account is disabled." above "550 user unknown";
 * Exchange: "The recipient's mailbox is full" above the remote's reply): the MTA read the
 * reply for us. Only its unambiguous words count, only a reason earlier in the order, and only
 * the narrow ones ahead of "user unknown" (a mailbox's state, a size): a notice's headline
 * ("Address not found", "Message blocked") is a broad class, not a finding.
 */
function fromNotice(d: ReasonDecision, r: ReasonInput): ReasonDecision {
  if (!r.notice || d.layer === 'stated' || d.layer === 'receiver') return d;
  const notice = new Decider({ code: null, enhanced: null, text: r.notice, stage: 'unknown' });
  const reply = new Decider(r);
  const rank = (reason: string) => {
    const i = (DECISIVE_ORDER as readonly string[]).indexOf(reason);
    return i < 0 ? DECISIVE_ORDER.length : i;
  };
  for (const reason of DECISIVE_ORDER) {
    if (rank(reason) >= rank(d.reason) || reason === 'userunknown') break;
    // words the reply itself has already had their say in the reply's own decision
    if (reply.rawWords(reason)) continue;
    const w = notice.firstPassWords(reason);
    if (w && w.reason === reason) return { ...w, entry: `notice:${w.entry}` };
  }
  return d;
}

/** The reason of one refusal, and which table entry decided it. */
export function decideReason(r: ReasonInput): ReasonDecision {
  return afterStage(fromNotice(new Decider(r).decide(), r), r);
}
