// bulk.<provider>: when the input shows mail going to Gmail, Yahoo/AOL or
// Outlook.com, their sender requirements (2024–2025) as one compact step
// each, every requirement marked met, not met or unknown from what was
// checked here.

import type { Evidence, EvidenceItem, Step } from '../types';
import { domainPart, isNonPublicIP, normalizeIP } from '../dns/names';
import type { Rule, RuleContext } from './rule';
import { BULK_RECEIVERS, type BulkReceiver, type RequirementId } from '../knowledge/bulk-senders';
import { addressesIn } from '../mail/address';
import { fieldsNamed } from '../mail/header-block';
import { recordedResult } from './recorded';

/** The providers the input shows mail going to: recipients, the refusing host, its words. */
export function bulkReceiversIn(ev: Evidence): BulkReceiver[] {
  const rcptDomains = new Set<string>();
  for (const s of ev.sessions) for (const r of s.rcptTo) rcptDomains.add(domainPart(r.address));
  for (const r of ev.rejections) if (r.recipient) rcptDomains.add(domainPart(r.recipient));
  for (const f of ev.message?.headers ?? []) {
    if (!/^(to|cc|delivered-to)$/i.test(f.name)) continue;
    for (const a of addressesIn(f.value)) rcptDomains.add(domainPart(a));
  }
  const hosts = [...ev.sessions.map((s) => s.remoteHost ?? ''), ...ev.rejections.map((r) => r.remote ?? '')].filter(Boolean);
  return BULK_RECEIVERS.filter(
    (b) =>
      [...rcptDomains].some((d) => b.domains.test(d)) ||
      hosts.some((h) => b.hosts.test(h)) ||
      ev.rejections.some((r) => (r.knowledge && b.knowledge.test(r.knowledge)) || (r.reason === 'authfailure' && b.texts.test(r.text))),
  );
}

type Met = 'yes' | 'no' | 'unknown';

/** SPF and DKIM as checked now, or as the receiver recorded them when they could not be checked. */
function authWhy(spfNow: string | undefined, spfPass: boolean | null, dkim: RuleContext['live']['dkim'], dkimPass: boolean | null): string {
  const spfText =
    spfNow && spfNow !== 'temperror'
      ? spfNow
      : spfPass === null
        ? (spfNow ?? 'not checked')
        : `${spfPass ? 'pass' : 'fail'} (recorded by the receiver)`;
  const dkimText = dkim
    ? dkimPass
      ? 'pass'
      : dkimPass === null
        ? 'could not be verified'
        : dkim.verdicts.length
          ? 'no valid signature'
          : 'none'
    : dkimPass === null
      ? 'not checked (no message)'
      : `${dkimPass ? 'pass' : 'fail'} (recorded by the receiver)`;
  return `SPF ${spfText}, DKIM ${dkimText}`;
}

function requirementStatus(ctx: RuleContext, id: RequirementId): { met: Met; why: string } {
  const { spf, dkim, dmarc, ptr } = ctx.live;
  // a check that could not be made (DNS offline, timed out, refused) is unknown, never "not met" —
  // unless the receiver recorded the result (its refusal says SPF failed): that is known
  const recorded = (area: 'spf' | 'dkim') => {
    const r = recordedResult(ctx, area);
    return r === null ? null : r === 'pass';
  };
  const spfPass = spf?.evaluation && spf.evaluation.result !== 'temperror' ? spf.evaluation.result === 'pass' : recorded('spf');
  const dkimPass = dkim
    ? dkim.verdicts.some((v) => v.result === 'pass')
      ? true
      : dkim.verdicts.some((v) => v.result === 'temperror' || v.result === 'neutral')
        ? null
        : false
    : recorded('dkim');
  const yn = (b: boolean | null): Met => (b === null ? 'unknown' : b ? 'yes' : 'no');
  switch (id) {
    case 'spf-or-dkim':
      return {
        met:
          spfPass || dkimPass
            ? 'yes'
            : spfPass === null && dkimPass === null
              ? 'unknown'
              : spfPass === null || dkimPass === null
                ? 'unknown'
                : 'no',
        why: authWhy(spf?.evaluation?.result, spfPass, dkim, dkimPass),
      };
    case 'spf-and-dkim':
      return {
        met: spfPass === false || dkimPass === false ? 'no' : yn(spfPass === null || dkimPass === null ? null : true),
        why: authWhy(spf?.evaluation?.result, spfPass, dkim, dkimPass),
      };
    case 'dmarc': {
      const o = dmarc?.evaluation.lookup.outcome;
      return {
        met: o === 'found' ? 'yes' : o === 'none' || o === 'invalid' || o === 'multiple' ? 'no' : 'unknown',
        why: o ? `DMARC record: ${o}` : 'no From: domain to check',
      };
    }
    case 'alignment': {
      const r = dmarc?.fromKnown ? dmarc.evaluation.result : null;
      return {
        met: r === 'pass' ? 'yes' : r === 'fail' || r === 'none' ? 'no' : 'unknown',
        why: r ? `DMARC ${r}` : 'the From: header is not in the input',
      };
    }
    case 'ptr': {
      if (!ptr) return { met: 'unknown', why: 'no sending IP in the input' };
      if (ptr.outcome === 'error') return { met: 'unknown', why: 'reverse DNS could not be checked' };
      const ok = ptr.outcome === 'found' && ptr.forward.some((f) => f.outcome === 'match');
      return {
        met: ok ? 'yes' : 'no',
        why: ptr.outcome === 'none' ? 'no PTR' : ok ? `PTR ${ptr.names[0]} confirmed` : 'PTR not forward-confirmed',
      };
    }
    case 'tls': {
      // the hop where the message entered the receiving organisation (its
      // client is the origin): earlier hops are the sender's own relays
      // — never a hop from a loopback or private client (a webmail or PC submitting to its own
      // server says nothing of the connection to the receiver), and in a bounce the returned
      // message's hops are all the sender's own: the one into the receiver is not there
      const bounce = ctx.evidence.inputs.some((i) => i.kind === 'bounce');
      const hop =
        ctx.evidence.hops.find((h) => h.origin) ??
        (bounce
          ? undefined
          : ctx.evidence.hops.findLast((h) => h.with && h.relay !== false && !(h.ip && isNonPublicIP(normalizeIP(h.ip) ?? h.ip))));
      const ehlo = ctx.focus?.commands.some((c) => c.verb === 'STARTTLS');
      if (ehlo) return { met: 'yes', why: 'STARTTLS in the session' };
      if (hop?.tls) return { met: 'yes', why: `Received (line ${hop.line}): ${hop.tls}` };
      if (hop?.with)
        return { met: /ESMTPS|TLS|SMTPS|HTTPS/i.test(hop.with) ? 'yes' : 'no', why: `Received (line ${hop.line}): with ${hop.with}` };
      return { met: 'unknown', why: 'the input does not show whether TLS was used' };
    }
    case 'unsubscribe': {
      const h = ctx.evidence.message?.headers;
      if (!h) return { met: 'unknown', why: 'no message headers in the input' };
      const lu = fieldsNamed(h, 'list-unsubscribe')[0];
      const post = fieldsNamed(h, 'list-unsubscribe-post')[0];
      const ok = !!lu && !!post && /List-Unsubscribe=One-Click/i.test(post.value) && /<https:/i.test(lu.value);
      return {
        met: ok ? 'yes' : 'no',
        why: ok
          ? 'List-Unsubscribe with https and List-Unsubscribe-Post: List-Unsubscribe=One-Click'
          : lu
            ? 'List-Unsubscribe without one-click (List-Unsubscribe-Post, https URI)'
            : 'no List-Unsubscribe header (needed only for marketing or subscribed mail)',
      };
    }
  }
}

const FIX: Record<RequirementId, string> = {
  'spf-or-dkim': 'Make SPF pass for the sending IP or sign with DKIM (see the spf.* and dkim.* steps).',
  'spf-and-dkim':
    'Bulk senders need both: SPF passing for the envelope domain and a valid DKIM signature (see the spf.* and dkim.* steps).',
  dmarc: 'Publish a DMARC record for the From: domain, at least p=none (see dmarc.missing).',
  alignment: 'Align the From: domain with the DKIM d= domain or the envelope (Return-Path) domain (see dmarc.fail).',
  ptr: 'Give the sending IP a PTR record whose name resolves back to it (see ptr.*).',
  tls: 'Enable STARTTLS on the sending server (Postfix: smtp_tls_security_level = may).',
  unsubscribe:
    'Add "List-Unsubscribe: <https://…>, <mailto:…>" and "List-Unsubscribe-Post: List-Unsubscribe=One-Click" to marketing mail, and honour requests within 2 days.',
};

export const bulkSenderRules: Rule = {
  steps: BULK_RECEIVERS.map((b) => ({ id: `bulk.${b.id}` })),
  reads: ['spf', 'dkim', 'dmarc', 'ptr'],
  sources: BULK_RECEIVERS.flatMap((b) => b.sources),
  run(ctx) {
    const steps: Step[] = [];
    for (const b of bulkReceiversIn(ctx.evidence)) {
      const results = b.requirements.map((r) => ({ r, ...requirementStatus(ctx, r.id) }));
      const evidence: EvidenceItem[] = results.map((x) => ({
        text: `${x.met === 'yes' ? '✓' : x.met === 'no' ? '✗' : '?'} ${x.r.text}${x.r.scope === 'bulk' ? ' (bulk senders)' : ''} — ${x.why}`,
        line: 0,
      }));
      const failedAll = results.filter((x) => x.met === 'no' && x.r.scope === 'all');
      const failedBulk = results.filter((x) => x.met === 'no' && x.r.scope === 'bulk');
      const unmet = [...failedAll, ...failedBulk];
      const unknown = results.filter((x) => x.met === 'unknown').length;
      // what could not be checked is said as such, never "none found unmet" — least of all beside a
      // receiver whose refusal says the authentication failed (Microsoft 5.7.515 names no check)
      const authRefused = ctx.evidence.rejections.some((r) => r.reason === 'authfailure');
      const summary = unmet.length
        ? `${unmet.length} of ${results.length} not met`
        : unknown
          ? `${unknown} of ${results.length} could not be checked from the input${authRefused ? ", and the receiver's refusal says its authentication requirements were not met" : ''}`
          : `all ${results.length} met`;
      steps.push({
        rule: `bulk.${b.id}`,
        status: failedAll.length ? 'fail' : failedBulk.length ? 'warn' : results.some((x) => x.met === 'unknown') ? 'info' : 'pass',
        title: `${b.name} sender requirements (since ${b.since}): ${summary}`,
        evidence,
        detail: `The input shows mail to ${b.name}. Rules marked "bulk senders" apply to domains sending 5,000 or more messages a day to ${b.name}; the others to everyone.`,
        fix: unmet.map((x) => FIX[x.r.id]),
        verify: [
          'Send a test message to an account at the provider and read its headers (Gmail: "Show original"): SPF, DKIM and DMARC should each say pass.',
        ],
        sources: b.sources,
      });
    }
    return steps;
  },
};

export { BULK_RECEIVERS };
