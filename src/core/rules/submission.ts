// A refusal to relay, or of a client that did not log in, logged by the
// receiving server itself ("Relay access denied", "relay not permitted",
// "Relaying denied", Exchange "Client was not authenticated"): the client is
// a mail program, copier or application submitting to its own organisation's
// server, not a mail server delivering to a stranger. The checks that judge a
// delivering server's IP — its PTR, its HELO name, SPF for it — do not apply
// to it: receivers run them on the server that finally delivers the mail, and
// adding a laptop's home IP to SPF or asking its ISP for a PTR fixes nothing
// (sendmail.org "Relaying denied"; Postfix SASL_README: clients authenticate,
// servers relay them). Their findings stay in the checklist as information.

import type { Rejection, Step } from '../types';
import { REPLY_KNOWLEDGE } from '../knowledge/replies';
import { ruleMatches, type Rule, type RuleContext } from './rule';
import { ownClientRefusal } from './own-client';

/** Reasons that say the client must log in or may not relay (RFC 4954, RFC 5321 §3.6.2). */
const SUBMISSION_REASONS = new Set(['norelaying', 'securityerror']);

/** The refusal, when it is one of a submitting client by its own organisation's server. */
export function submissionRefusal(ctx: RuleContext): Rejection | null {
  // the organisation's own device or application refused as a stranger (rules/own-client.ts)
  const own = ownClientRefusal(ctx);
  if (own) return own.refusal;
  const r = ctx.primary;
  if (!r || !SUBMISSION_REASONS.has(r.reason)) return null;
  if (loginDeclined(r, ctx)) return r;
  // the server's own inbound log (not a bounce about our server, not our outbound delivery)
  if (ctx.focus?.direction !== 'inbound') return null;
  if (!ctx.focus.replies.some((x) => x.line === r.line) && !(r.line >= ctx.focus.startLine && r.line <= ctx.focus.endLine)) return null;
  return r;
}

/**
 * The dialogue shows the server offering to log in — the AUTH keyword of its EHLO reply (RFC 4954 §3) —
 * and the client refused for relaying without ever sending AUTH: a mail program submitting to a server
 * that would relay for it once logged in (RFC 4954 §1; sendmail's "Relaying denied" page: authenticated
 * clients relay). Whatever else the server's words name (sendmail's "IP name lookup failed": why its
 * relay permission by host name could not match), logging in is the fix.
 */
function loginDeclined(r: Rejection, ctx: RuleContext): boolean {
  const f = ctx.focus;
  if (!f || r.reason !== 'norelaying' || !f.replies.some((x) => x.line === r.line)) return false;
  const offered = f.replies.some((x) => x.code === 250 && x.stage === 'helo' && /(?:^|\s)AUTH[\s=]/.test(x.text));
  return offered && !f.commands.some((c) => c.verb === 'AUTH' && c.line < r.line);
}

/**
 * The client-as-server findings (steps whose kind says judgesClientAsServer)
 * turned into information when the refusal is a submission's.
 */
export function notTheCauseForSubmission(steps: Step[], ctx: RuleContext, clientAsServer: ReadonlySet<string>): Step[] {
  const r = submissionRefusal(ctx);
  if (!r) return steps;
  // a receiver text that names the PTR as its reason (sendmail "IP name lookup failed") keeps it —
  // for the organisation's own device refused as a stranger (rules/own-client.ts) only a named HELO does
  // (the device's own setting, RFC 5321 §4.1.1.1): a PTR for a device is never the fix
  const rules = REPLY_KNOWLEDGE.find((k) => k.id === r.knowledge)?.rules ?? [];
  // (and none when the server offered AUTH and the client did not log in: logging in is the fix)
  const named = loginDeclined(r, ctx) ? [] : ownClientRefusal(ctx) ? rules.filter((p) => p.startsWith('helo.')) : rules;
  return steps.map((s) => {
    if (s.status !== 'fail' && s.status !== 'warn') return s;
    if (!clientAsServer.has(s.rule) || named.some((p) => p !== 'smtp.relay-denied' && ruleMatches(p, s.rule))) return s;
    return {
      ...s,
      status: 'info',
      title: `Not why this was refused: ${s.title}`,
      detail: [
        `The refusal (line ${r.line}) is the server asking this client to log in, or refusing to relay for it: the server's relay and authentication settings decide that, not the client's PTR, HELO or SPF. These findings matter only if this client also delivers mail directly to other receivers; a mail program or device that submits to its own server needs none of them (receivers judge the server that finally delivers the mail).`,
        s.detail,
      ]
        .filter(Boolean)
        .join(' '),
      fix: [],
    };
  });
}

/**
 * A rule with no steps of its own: it revises the others' when the refusal is
 * a submitting client's. It runs first among the passes, before the
 * receiver's words are placed (rules/index.ts).
 */
export function submissionRule(rules: readonly Rule[]): Rule {
  const clientAsServer = new Set(rules.flatMap((r) => r.steps.filter((k) => k.judgesClientAsServer).map((k) => k.id)));
  return {
    steps: [],
    reads: [],
    sources: ['https://www.postfix.org/SASL_README.html', 'RFC 4954 (SMTP AUTH)', 'RFC 5321 §3.6.2 (relaying)'],
    run: () => [],
    revise: (steps, ctx) => notTheCauseForSubmission(steps, ctx, clientAsServer),
  };
}
