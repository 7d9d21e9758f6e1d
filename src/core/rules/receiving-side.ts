// Whose move it is when the log is the reader's own server refusing a client
// (Postfix smtpd "NOQUEUE: reject: RCPT from …", MDaemon's inbound session,
// a milter or policy daemon of its own): the checks that found the client's
// problem (its PTR, HELO, blocklist listing, its domain's SPF, DKIM, DMARC)
// describe the sender's side. The reader runs the receiving server: the
// refusal is its policy working, and what it can do is tell the sender what
// to fix, or make an exception for a sender it trusts — never "delist
// yourself" or "publish your SPF" as if the reader were the sender.
// (The organisation's own device refused as a stranger is rules/own-client.ts;
// a client refused relay or login is rules/submission.ts.)

import type { Step } from '../types';
import { ruleMatches, type Rule, type RuleContext } from './rule';
import { ownClientRefusal } from './own-client';
import { submissionRefusal } from './submission';
import { settingsList } from '../knowledge/mta-settings';
import { knowledgeById } from '../knowledge/replies';

/** Steps about the refused client and its domain: the sender's to fix. */
const SENDER_SIDE = ['ptr.*', 'helo.invalid', 'dnsbl.listed', 'spf.*', 'dkim.*', 'dmarc.*', 'reputation.blocked', 'smtp.ptr-required'];

/** The refusal, when the input is the reader's own server refusing a stranger. */
export function ownServerRefused(ctx: RuleContext) {
  const r = ctx.primary;
  const s = ctx.focus;
  if (!r || !s || s.direction !== 'inbound') return null;
  if (!s.replies.some((x) => x.line === r.line) && !(r.line >= s.startLine && r.line <= s.endLine)) return null;
  if (ownClientRefusal(ctx) || submissionRefusal(ctx)) return null;
  // the server's own malfunction (its blocklist lookups refused) is its own to fix: smtp.receiver-dnsbl-error says so
  if (knowledgeById(r.knowledge)?.receiverError) return null;
  return { refusal: r, session: s };
}

export function forTheReceivingAdmin(steps: Step[], ctx: RuleContext): Step[] {
  const own = ownServerRefused(ctx);
  if (!own) return steps;
  const ip = own.session.clientIp ?? 'the client';
  const domain = own.session.mailFrom?.address.split('@')[1];
  return steps.map((s) => {
    if ((s.status !== 'fail' && s.status !== 'warn') || !SENDER_SIDE.some((p) => ruleMatches(p, s.rule))) return s;
    return {
      ...s,
      detail: [
        `Your server refused this client (line ${own.refusal.line}): the problem is on the sending side — ${ip}${domain ? `, sending as ${domain}` : ''} — and your server's refusal is its policy working.`,
        s.detail,
      ]
        .filter(Boolean)
        .join(' '),
      fix: [
        `Nothing to change on your server if the refusal is wanted. If the mail is wanted, tell the sender's administrator what to fix on their side:`,
        ...s.fix.map((f) => `(sender) ${f}`),
        `Or make an exception on your server for a sender you trust: ${settingsList('client-exception')}.`,
      ],
    };
  });
}

/** A rule with no steps of its own: it addresses the sender-side steps to the receiving admin (runs last among the passes). */
export const receivingSide: Rule = {
  steps: [],
  reads: [],
  sources: ['RFC 5321 §7.9 (a receiver’s policy decisions are its own)'],
  run: () => [],
  revise: forTheReceivingAdmin,
};
