// The refusals themselves: one step per distinct refusal, named by its reason
// (smtp.not-compliant, smtp.recipient-unknown, reputation.blocked …). Refusals
// whose cause is a DNS check (requireptr, authfailure, a DNSBL named in the
// text) are explained by those checks' rules instead; ranking puts them first.

import type { EvidenceItem, Rejection, Session, Stage, Step } from '../types';
import { adviceForReason, adviceForRule, REJECTION_ADVICE, type RejectionAdvice } from '../knowledge/rejection-advice';
import { REPLY_KNOWLEDGE, type ReplyKnowledge } from '../knowledge/replies';
import { ruleMatches, type Rule, type RuleContext } from './rule';
import { recordedStillExplains } from './recorded';
import { findDnsbl } from '../knowledge/dnsbl-registry';
import { findRefusalProblem, type RefusalProblem } from '../knowledge/refusal-problems';
import { isIP, isNonPublicIP } from '../dns/names';
import { namesArea } from '../auth/refusals';
import { ownServerRefused } from './receiving-side';

/**
 * The refusal reasons each step of this rule explains when it is not the
 * primary refusal's own step (which ranking puts first anyway).
 */
const EXPLAINS: Record<string, string[]> = {
  'smtp.not-compliant': ['notcompliantrfc'],
  'mta.local-error': ['systemerror', 'mailererror'],
  'smtp.recipient-unknown': ['userunknown', 'hostunknown'],
  'smtp.relay-denied': ['norelaying'],
  'smtp.mailbox-full': ['mailboxfull'],
  'smtp.message-too-large': ['mesgtoobig', 'exceedlimit'],
  'smtp.rate-limited': ['toomanyconn', 'speeding'],
  'smtp.content-rejected': ['spamdetected', 'policyviolation', 'filtered'],
  'smtp.auth-required': ['securityerror'],
  'reputation.blocked': ['blocked', 'rejected'],
  'dnsbl.listed': ['blocked', 'rejected', 'spamdetected'],
};

/** Reasons explained by another area's rules (ptr.*, spf.*, dnsbl.*). */
const EXPLAINED_ELSEWHERE = new Set(['requireptr', 'authfailure']);

/** The steps that explain a refusal of these reasons when its words name no rule of their own. */
const AREA_OF: Record<string, string[]> = {
  authfailure: ['dmarc.*', 'spf.*', 'dkim.*'],
  requireptr: ['ptr.*'],
  blocked: ['dnsbl.*'],
};

const STAGE_WORDS: Record<Stage, string> = {
  connect: 'on connection, before HELO',
  helo: 'in reply to HELO/EHLO',
  mail: 'in reply to MAIL FROM',
  rcpt: 'in reply to RCPT TO',
  data: 'in reply to DATA',
  'end-of-data': 'after the message was sent (end of DATA)',
  unknown: 'at an unknown stage',
};

export function stageWords(stage: Stage): string {
  return STAGE_WORDS[stage];
}

/**
 * A knowledge entry's text with the case's values put in. What the input does
 * not say stays a visible blank in angle brackets (as in "dig -x <the sending
 * IP>"), so that a command reads as one to complete, never as a wrong value.
 */
function fill(template: string, ctx: RuleContext, r: Rejection): string {
  const vars: Record<string, string> = {
    ip: r.ip ?? ctx.subjects.ip?.value ?? '<the sending IP>',
    helo: ctx.subjects.helo?.value ?? '<your HELO name>',
    mailfrom: ctx.focus?.mailFrom?.address || '<the sender address>',
    rcpt: r.recipient ?? ctx.focus?.rcptTo[0]?.address ?? '<the recipient address>',
    server: ctx.focus?.serverIp ?? r.remote ?? '<the receiving server>',
    original: r.originalRecipient ?? r.recipient ?? '<the recipient>',
    domain: ctx.subjects.fromDomain?.value ?? ctx.subjects.mailFromDomain?.value ?? '<the sender domain>',
  };
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/**
 * Whether the area that explains this refusal has something to check: a
 * public sending IP for reverse DNS and blocklists, a sender domain for SPF,
 * DKIM and DMARC. Without one (a bounce that names no IP, a private
 * address), the refusal keeps its own step, so that it is never left unsaid.
 */
function checkedElsewhere(r: Rejection, ctx: RuleContext): boolean {
  // the receiver's words stated the result it refused for (rules/recorded.ts, ptr.*): that step explains
  // it — unless DNS now decides otherwise (a good PTR, SPF passing: fixed since, or another IP was refused)
  const stated = ctx.evidence.logged.filter((l) => l.refused && l.line === r.line);
  if (stated.length) return stated.some((l) => recordedStillExplains(ctx, l));
  // a dead list the refusal names (relays.ordb.org, SORBS): the listing means nothing, dnsbl.defunct
  // explains it — never "find what sent the spam, request removal"; unless the refusal names a live
  // list too (a host's page quoting "blocked using zen.spamhaus.org" and "… dnsbl.sorbs.net" together):
  // that listing is a finding about the sender, and the refusal keeps its step
  if (namesDefunctList(r) && !namesLiveList(r)) return true;
  // a list the refusal names gets its dnsbl.listed step even offline (what the receiver found);
  // a refusal that names no list the checks know ("is in an RBL") keeps its own
  if (isDnsblText(r)) return !!ctx.subjects.ip && !!ctx.live.dnsbl?.results.some((x) => x.receiver.some((l) => l.line === r.line));
  // an SPF refusal of a paste that names no envelope domain: rules/spf.ts states it as spf.fail from the
  // refusal alone (no DNS to ask), so that step — not a general "SPF, DKIM or DMARC" one — carries it
  if (
    r.reason === 'authfailure' &&
    !ctx.live.spf &&
    !ctx.subjects.mailFromDomain &&
    !ctx.subjects.fromDomain &&
    !ctx.evidence.logged.some((l) => l.check === 'spf' && l.result !== 'pass') &&
    namesArea(r.text, 'spf') &&
    // (a receiver's own documented reply keeps the steps its entry names)
    (!r.knowledge || !!REPLY_KNOWLEDGE.find((x) => x.id === r.knowledge)?.generic)
  )
    return true;
  // offline, the other checks say only "could not tell": the receiver's own words must keep their step
  if (!ctx.live.enabled) return false;
  if (r.reason === 'authfailure') return !!(ctx.subjects.mailFromDomain || ctx.subjects.fromDomain) && !!(ctx.live.spf || ctx.live.dmarc);
  // a PTR refusal is explained by the reverse-DNS steps only when they find the problem; when DNS
  // now shows a forward-confirmed PTR (fixed since, or another IP was refused) or could not be
  // asked, those steps pass or say nothing, and the refusal must keep its own step
  if (r.reason === 'requireptr') return !!ctx.subjects.ip && ptrProblemFound(ctx);
  return !!ctx.subjects.ip;
}

function ptrProblemFound(ctx: RuleContext): boolean {
  const p = ctx.live.ptr;
  // (several PTRs of which one does not resolve back is a problem too: ptr.mismatch says so)
  return !!p && (p.outcome === 'none' || (p.outcome === 'found' && p.forward.some((f) => f.outcome === 'nomatch')));
}

/** The domain-like names of a refusal's text (candidate DNSBL zones). */
const zonesIn = (r: Rejection): string[] => r.text.match(/\b(?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24}\b/gi) ?? [];

/** Whether a refusal names a blocklist that no longer exists (knowledge/dnsbl: status defunct). */
function namesDefunctList(r: Rejection): boolean {
  return zonesIn(r).some((z) => findDnsbl(z)?.status === 'defunct');
}

/** Whether the refusal names a blocklist that is still in service (knowledge/dnsbl-registry.ts). */
function namesLiveList(r: Rejection): boolean {
  return zonesIn(r).some((z) => {
    const entry = findDnsbl(z);
    return !!entry && entry.status !== 'defunct';
  });
}

function isDnsblText(r: Rejection): boolean {
  return !!r.knowledge?.startsWith('dnsbl.');
}

/**
 * Whether the refusal's words state a check's result (knowledge/recorded-checks.ts: "DKIM
 * authentication didn't pass", "does not have a PTR record"): then the step of that check
 * explains it, whatever broad reason its code gave (a 5.7.30 read as a security error).
 */
function statesChecks(r: Rejection, ctx: RuleContext): boolean {
  return BROAD_REASONS.has(r.reason) && ctx.evidence.logged.some((l) => l.refused && l.line === r.line);
}

/**
 * Reasons too broad to say what to fix: a stated check explains such a refusal. A narrower
 * reason keeps its own step beside the check ("Relaying denied. IP name lookup failed" is a
 * relay refusal that also names the missing PTR).
 */
const BROAD_REASONS = new Set([
  'securityerror',
  'rejected',
  'blocked',
  'policyviolation',
  'spamdetected',
  'filtered',
  'onhold',
  'undefined',
  'notaccept',
]);

/** Whether another area's step explains this refusal (PTR, SPF/DKIM/DMARC, a blocklist). */
function explainedElsewhere(r: Rejection, ctx: RuleContext): boolean {
  return (EXPLAINED_ELSEWHERE.has(r.reason) || isDnsblText(r) || statesChecks(r, ctx)) && checkedElsewhere(r, ctx);
}

/**
 * A temporary refusal followed, in the same log, by the message's delivery
 * (Postfix "status=sent" after a greylisting 450, an MDaemon 250 after the
 * dot): the line that shows the retry went through. Only when the session is
 * about this one recipient, so that another recipient's delivery is not
 * taken for this one's.
 */
function laterDelivery(r: Rejection, ctx: RuleContext): number | null {
  if (r.hard || r.code === null || r.code >= 500) return null;
  for (const s of ctx.evidence.sessions) {
    if (!s.replies.some((x) => x.line === r.line) && !(r.line >= s.startLine && r.line <= s.endLine)) continue;
    const rcpts = new Set(s.rcptTo.map((x) => x.address.toLowerCase()));
    if (rcpts.size > 1 || (r.recipient && rcpts.size && !rcpts.has(r.recipient.toLowerCase()))) continue;
    const ok = s.replies.find(
      (x) => x.line > r.line && x.code >= 250 && x.code < 260 && (x.stage === 'end-of-data' || x.stage === 'unknown'),
    );
    if (ok) return ok.line;
  }
  return null;
}

/**
 * The two sizes a size refusal is about, when the dialogue shows them: the
 * limit the receiver announced in its EHLO reply ("250-SIZE 10240000", RFC 1870
 * §4; SIZE 0 means no limit) and the size the client declared in MAIL FROM
 * (SIZE=…) or logged.
 */
function sizeEvidence(session: Session): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const ehlo = session.replies.find((x) => x.code === 250 && /(?:^|\s)SIZE\s+[1-9]\d*/i.test(x.text));
  const limit = ehlo ? /(?:^|\s)SIZE\s+(\d+)/i.exec(ehlo.text)?.[1] : undefined;
  if (ehlo && limit)
    out.push({
      text: `The receiver announced its size limit in its EHLO reply: SIZE ${limit} bytes (${mb(Number(limit))})`,
      line: ehlo.line,
    });
  const mail = session.commands.find((c) => c.verb === 'MAIL' && /\bSIZE=\d+/i.test(c.arg));
  const declared = mail ? /\bSIZE=(\d+)/i.exec(mail.arg)?.[1] : undefined;
  if (mail && declared)
    out.push({ text: `The client declared the message as SIZE=${declared} bytes (${mb(Number(declared))}) in MAIL FROM`, line: mail.line });
  return out;
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** The refusal is about a connection to a loopback or private address ("connect to 172.20.0.6[172.20.0.6]:2525"). */
function toOwnNetwork(r: Rejection): boolean {
  const ips = [r.remote ?? '', ...[...r.text.matchAll(/\[([0-9a-f:.]+)\](?::\d+)?/gi)].map((m) => m[1])].filter((x) => isIP(x));
  return ips.length > 0 && ips.every((ip) => isNonPublicIP(ip));
}

/** Whether a knowledge entry is one receiver's or product's own (not the general advice of a reason or words common to many servers). */
function ownEntry(k: ReplyKnowledge): boolean {
  return !k.generic && !k.id.startsWith('generic.');
}

/**
 * The advice for a refusal, most exact first: a named receiver's own entry
 * (it knows what its words mean), then the problem the words or the
 * enhanced code name (knowledge/refusal-problems.ts: a sender the login does
 * not own, TLS required, a refused login, a sending quota, greylisting —
 * narrower than the reason), then the words' common entry, then the reason.
 */
function adviceFor(
  r: Rejection,
  k: ReplyKnowledge | undefined,
): { advice: RejectionAdvice; k: ReplyKnowledge | undefined; problem?: RefusalProblem } {
  const problem = findRefusalProblem({ ...r, privateClient: !!r.ip && isIP(r.ip) && isNonPublicIP(r.ip) });
  // (an entry whose own headline says what happened keeps its smtp.rejected: it is no vague catch-all)
  // (an entry about the recipient's mailbox does not speak for a refusal of MAIL FROM: there it is the sender's, RFC 5321 §3.3)
  const recipientSideAtMail =
    r.stage === 'mail' && !!k && /^smtp\.(?:recipient|mailbox)/.test(k.rules[0]) && problem?.rule === 'smtp.sender-invalid';
  if (
    k &&
    ownEntry(k) &&
    !recipientSideAtMail &&
    !problem?.beforeReceiver &&
    (k.rules[0] !== 'smtp.rejected' || k.headline) &&
    problem?.rule !== k.rules[0]
  ) {
    const a = adviceForRule(k.rules[0]);
    if (a) return { advice: a, k };
  }
  const pa = problem && adviceForRule(problem.rule);
  if (problem && pa) {
    // the entry's own words still speak when they point at the same problem
    const same = k && k.rules[0] === problem.rule;
    return {
      advice: {
        ...pa,
        headline: problem.headline ?? pa.headline,
        detail: problem.detail ?? pa.detail,
        fix: problem.fix ?? pa.fix,
        verify: problem.verify ?? pa.verify,
        sources: [...(problem.sources ?? []), ...pa.sources.filter((x) => !problem.sources.includes(x))],
      },
      k: same ? k : undefined,
      problem,
    };
  }
  // a security error that only the catch-all code (X.7.1, X.7.0) named, without any words about
  // logging in or encryption: nothing says authentication is wanted — the refusal's own words lead
  if (!k && r.reason === 'securityerror') return { advice: adviceForReason('undefined'), k };
  const named = (k && k.rules[0] !== 'smtp.rejected' && adviceForRule(k.rules[0])) || adviceForReason(r.reason);
  return { advice: named, k };
}

function stepFor(r: Rejection, ctx: RuleContext): Step {
  const known = r.knowledge ? REPLY_KNOWLEDGE.find((x) => x.id === r.knowledge) : undefined;
  // the receiver's words name the problem more exactly than the reason does
  // (a "user unknown" after DATA is classed filtered, but is still about the address)
  // (the catch-all smtp.rejected of a vague entry gives way to the reason's own advice: "expired")
  const chosen = adviceFor(r, known);
  // the entry's words in the reader's own server's log, refusing a client: its step for that server's administrator
  const own = chosen.k?.ownServer && ownServerRefused(ctx)?.refusal.line === r.line ? chosen.k.ownServer : undefined;
  const ownAdvice = own && adviceForRule(own.rules[0]);
  const k =
    own && chosen.k
      ? { ...chosen.k, rules: own.rules, headline: own.headline ?? chosen.k.headline, fix: own.fix ?? chosen.k.fix }
      : chosen.k;
  const named = ownAdvice || chosen.advice;
  // a connection that failed to a loopback or private address is inside the reader's own system
  // (LMTP to Dovecot, a content filter on 127.0.0.1:10024, a container's network): no receiver
  // was reached, and the fix is that system's own configuration (a port, a service not running)
  const advice = named.rule === 'smtp.connection-failed' && toOwnNetwork(r) ? (adviceForRule('mta.local-error') ?? named) : named;
  const reply = [r.code, r.enhanced, r.text].filter((x) => x !== null && x !== '').join(' ');
  // a refusal at MAIL FROM is about the envelope sender: name it when the refusal's session has it
  const sender =
    r.stage === 'mail' ? ctx.evidence.sessions.find((x) => r.line >= x.startLine && r.line <= x.endLine)?.mailFrom?.address : undefined;
  const evidence = [
    {
      text: `${reply} — ${stageWords(r.stage)}${sender ? `, sender ${sender}` : ''}${r.recipient ? `, for ${r.recipient}` : ''}${r.originalRecipient ? ` (given as ${r.originalRecipient})` : ''}${r.remote ? `, from ${r.remote}` : ''}`,
      line: r.line,
    },
  ];
  const session = ctx.focus;
  if (session?.messageSize != null && (r.stage === 'end-of-data' || r.stage === 'data')) {
    const sizeLine = session.commands.find((c) => c.verb === 'DATA')?.line ?? 0;
    evidence.push({ text: `The client sent the message (${session.messageSize} bytes) before the refusal`, line: sizeLine });
  }
  if (advice.rule === 'dnsbl.listed') {
    // the lists the receiver's own log shows as hits, in the session of this refusal
    const s = ctx.evidence.sessions.find((x) => r.line >= x.startLine && r.line <= x.endLine);
    for (const l of s?.logged ?? [])
      if (l.check === 'dnsbl' && l.result === 'listed' && l.line <= r.line)
        evidence.push({ text: `The receiver's blocklist check: ${l.zone ?? 'a list'} listed ${l.subject || 'the client'}`, line: l.line });
  }
  if (k?.receiverError) {
    // what the receiver's own log says its lookups got back
    for (const l of ctx.evidence.logged)
      if (l.check === 'dnsbl' && l.result === 'error')
        evidence.push({
          text: `The receiver logged an error answer from ${l.zone ?? 'the list'}${l.detail ? `: ${l.detail}` : ''}`,
          line: l.line,
        });
  }
  if (advice.rule === 'smtp.message-too-large' && session) evidence.push(...sizeEvidence(session));
  if (advice.rule === 'smtp.not-compliant' && !ctx.evidence.message) {
    evidence.push({ text: "The refused message's headers are not in the input, so they could not be checked here.", line: 0 });
  }
  const delivered = laterDelivery(r, ctx);
  if (delivered) evidence.push({ text: 'A later attempt delivered the message: the temporary refusal resolved itself', line: delivered });
  return {
    rule: advice.rule,
    status: delivered ? 'info' : (advice.status ?? (r.hard ? 'fail' : 'warn')),
    title: `${k?.headline ?? advice.headline}: "${reply}" ${stageWords(r.stage)}${k && k.sender !== 'many' ? ` (${k.sender})` : ''}`,
    evidence,
    detail: [k?.meaning, k?.headline ? undefined : advice.detail].filter(Boolean).join(' '),
    fix: (k?.fix ?? advice.fix).map((f) => fill(f, ctx, r)),
    verify: (k?.verify ?? advice.verify).map((v) => fill(v, ctx, r)),
    sources: [...(k?.sources ?? []), ...advice.sources],
  };
}

/** How many further recipients of one repeated refusal its step names before it counts the rest. */
const MAX_SAME_NAMED = 10;

export const rejectionRule: Rule = {
  steps: [...new Set(REJECTION_ADVICE.map((a) => a.rule))].map((id) => ({ id, explains: EXPLAINS[id] })),
  reads: ['ptr', 'dnsbl', 'spf', 'dmarc'],
  sources: [],
  run(ctx) {
    const seen = new Set<string>();
    const stepOf = new Map<string, number>();
    const steps: Step[] = [];
    for (const r of ctx.evidence.rejections) {
      if (explainedElsewhere(r, ctx)) continue;
      // the same refusal repeated (each recipient, each retry) is one step
      const key = `${r.reason}|${r.code}|${r.enhanced}|${r.text}`;
      if (seen.has(key)) {
        // …but each refused recipient is named: the step says what the refusals share and keeps what differs
        const at = stepOf.get(key);
        const st = at === undefined ? undefined : steps[at];
        if (st && r.recipient && !st.evidence.some((e) => e.text.includes(r.recipient!))) {
          // (a large log refuses thousands alike: ten are named, the rest counted on one line)
          const named = st.evidence.filter((e) => e.text.startsWith('The same refusal for ')).length;
          if (named < MAX_SAME_NAMED) st.evidence.push({ text: `The same refusal for ${r.recipient}`, line: r.line });
          else {
            const more = st.evidence.find((e) => e.text.startsWith('The same refusal for more recipients'));
            const n = more ? Number(/\((\d+)\)/.exec(more.text)?.[1] ?? 0) + 1 : 1;
            const text = `The same refusal for more recipients (${n})`;
            if (more) more.text = text;
            else st.evidence.push({ text, line: r.line });
          }
        }
        continue;
      }
      seen.add(key);
      stepOf.set(key, steps.length);
      steps.push(stepFor(r, ctx));
    }
    return steps;
  },
  revise: withReceiverWords,
};

/**
 * A refusal explained by another area's step (Gmail's IPv6 PTR refusal by
 * ptr.missing, a 5.7.26 by dmarc.*) has no step of its own, but the
 * receiver's words and its own advice (send to Gmail over IPv4 meanwhile:
 * inet_protocols = ipv4) belong to the step that explains it: the first
 * problem step of a rule the receiver's text names gets the refusal as
 * evidence and the receiver's fixes after its own.
 */
export function withReceiverWords(steps: Step[], ctx: RuleContext): Step[] {
  const out = [...steps];
  const done = new Set<string>();
  const own = new Set<string>();
  for (const r of ctx.evidence.rejections) {
    if (!explainedElsewhere(r, ctx)) continue;
    const k = r.knowledge ? REPLY_KNOWLEDGE.find((x) => x.id === r.knowledge) : undefined;
    if (k && done.has(k.id)) continue;
    // a step that already quotes the refusal (dmarc.fail, dnsbl.listed) speaks for it
    if (out.some((st) => st.evidence.some((e) => e.line === r.line && e.text.includes(r.text)))) continue;
    // the receiver's rules in its own order (5.7.26: dmarc.fail before spf.fail)
    const problem = (p: string) => out.findIndex((st) => (st.status === 'fail' || st.status === 'warn') && ruleMatches(p, st.rule));
    // (without a receiver's entry: the areas of the checks the log states it refused for — a milter's SPF
    // verdict logged beside its "Command rejected" — then the reason's own area)
    const stated = ctx.evidence.logged.filter((l) => l.refused && l.line === r.line).map((l) => `${l.check}.*`);
    const i = (k?.rules ?? [...stated, ...(AREA_OF[r.reason] ?? [])]).map(problem).find((x) => x >= 0) ?? -1;
    if (i < 0 || !k) {
      // no step found the problem (DNS could not be asked, or shows it mended): the refusal is
      // never left unsaid, it keeps its own step, as offline
      const key = `${r.reason}|${r.code}|${r.enhanced}|${r.text}`;
      if (i < 0 && !own.has(key)) {
        own.add(key);
        out.push(stepFor(r, ctx));
      }
      continue;
    }
    done.add(k.id);
    const st = out[i];
    const reply = [r.code, r.enhanced, r.text].filter((x) => x !== null && x !== '').join(' ');
    const fixes = (k.fix ?? []).map((f) => fill(f, ctx, r)).filter((f) => !st.fix.includes(f));
    out[i] = {
      ...st,
      evidence: [{ text: `${reply} — ${stageWords(r.stage)}${k.sender !== 'many' ? ` (${k.sender})` : ''}`, line: r.line }, ...st.evidence],
      fix: [...st.fix, ...fixes.map((f) => (k.sender !== 'many' ? `${k.sender}: ${f}` : f))],
      sources: [...(st.sources ?? []), ...k.sources.filter((x) => !(st.sources ?? []).includes(x))],
    };
  }
  return out;
}
