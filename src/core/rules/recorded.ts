// spf.*, dkim.*, dmarc.* as a receiver recorded them: the result a refusal
// states ("SPF check for [example.org] does not pass with ip: [203.0.113.5]",
// "sending domain [example.org] does not pass DMARC verification"), or an
// Authentication-Results / Received-SPF field the receiving organisation
// wrote (RFC 8601 §5: only its own are believed — mail/read.ts). When the
// live check of the same identity cannot decide (offline, DNS refused, the
// input names no IP), the receiver's record is the finding: its step says
// so, names the domain and the IP the receiver named, and stands beside the
// live check's "could not be checked". When the live check decides, its own
// step speaks (with the receiver's record among its evidence).

import type { EvidenceItem, LoggedCheck, Status, Step } from '../types';
import type { Rule, RuleContext } from './rule';
import { ipTerm } from './spf-fixes';
import { isIP } from '../dns/names';
import { organizationalDomain } from '../auth/dmarc/align';

type Area = 'spf' | 'dkim' | 'dmarc';

const FAILING = new Set(['fail', 'softfail', 'none', 'permerror', 'neutral', 'policy']);

/** The rule id a recorded result stands for. */
function ruleOf(area: Area, result: string): string {
  if (area === 'spf')
    return result === 'softfail'
      ? 'spf.softfail'
      : result === 'none'
        ? 'spf.missing'
        : result === 'permerror'
          ? 'spf.permerror'
          : 'spf.fail';
  if (area === 'dkim') return result === 'none' ? 'dkim.missing' : 'dkim.fail';
  return result === 'none' ? 'dmarc.missing' : 'dmarc.fail';
}

/** Whether the live check of this area decided for this domain (then its own step speaks). */
function liveDecided(ctx: RuleContext, area: Area, l: LoggedCheck): boolean {
  const same = (d: string | undefined) => !l.subject || !d || d.toLowerCase() === l.subject.toLowerCase();
  if (area === 'spf') {
    const c = ctx.live.spf;
    const r = c?.evaluation?.result;
    return !!c && same(c.domain) && !!r && r !== 'temperror' && (!l.ip || c.evaluation!.ip === l.ip);
  }
  if (area === 'dmarc') {
    const c = ctx.live.dmarc;
    return !!c && same(c.domain) && c.evaluation.lookup.outcome !== 'error';
  }
  const c = ctx.live.dkim;
  // (a receiver that found no signature writes header.d=none)
  const d = !l.subject || l.subject === 'none' ? null : l.subject.toLowerCase();
  return !!c && c.verdicts.some((v) => (!d || v.signature.domain?.toLowerCase() === d) && v.result !== 'temperror');
}

const NAMES: Record<Area, string> = { spf: 'SPF', dkim: 'DKIM', dmarc: 'DMARC' };

function fixesFor(area: Area, result: string, domain: string | null, ip: string | null): { fix: string[]; verify: string[] } {
  const d = domain ?? '<the sender domain>';
  const at = ip ?? '<the sending IP>';
  if (area === 'spf') {
    const term = ip && isIP(ip) ? ipTerm(ip) : `ip4:${at}`;
    return {
      fix:
        result === 'none'
          ? [`Publish an SPF record at ${d} that lists every server and service sending as ${d}, e.g. "v=spf1 ${term} mx ~all".`]
          : [
              `If ${at} is a server or service that sends for ${d}, add it to the SPF record of ${d} ("${term}", or the service's include:).`,
              `If ${at} is a forwarder or a mailing list that resent the message, SPF of ${d} cannot pass from it: the forwarder must rewrite the envelope sender (SRS) or keep a valid DKIM signature, and the sender's records are not the fix.`,
            ],
      verify: [`dig +short TXT ${d}`, `spfquery -ip ${at} -sender postmaster@${d}   (libspf2; or python3 -m spf ${at} postmaster@${d})`],
    };
  }
  if (area === 'dkim')
    return {
      fix: [
        `Sign the mail with DKIM as d=${domain ? organizationalDomain(domain) : '<the From: domain>'} in the sending server or service, and publish its key in DNS.`,
        'If a forwarder or list changed the message (subject tag, footer), the original signature breaks: it should re-sign or leave the message unchanged.',
      ],
      verify: ['Send a test message to a Gmail address and open "Show original": DKIM must say PASS.'],
    };
  return {
    fix:
      result === 'none'
        ? [
            `Publish a DMARC record for ${d}: _dmarc.${domain ? organizationalDomain(domain) : '<the From: domain>'}. IN TXT "v=DMARC1; p=none; rua=mailto:<your report address>"`,
          ]
        : [
            `Make SPF pass for an envelope domain aligned with ${d}, or sign with DKIM as d=${domain ? organizationalDomain(domain) : '<the From: domain>'}: either aligned pass passes DMARC.`,
            `If the message was sent with a From: of ${d} by a system that is not ${d}'s (an application, a list, a forwarder), send with a From: address of your own domain instead.`,
          ],
    verify: [`dig +short TXT _dmarc.${domain ? organizationalDomain(domain) : '<the From: domain>'}`],
  };
}

function stepFor(ctx: RuleContext, area: Area, l: LoggedCheck): Step {
  const by = l.by ?? 'The receiver';
  const domain = l.subject || null;
  const ip = l.ip ?? null;
  const { fix, verify } = fixesFor(area, l.result, domain, ip);
  const status: Status = l.refused || l.result === 'fail' ? 'fail' : 'warn';
  const what = `${NAMES[area]} ${l.result}${domain ? ` for ${domain}` : ''}${ip ? ` with ${ip}` : ''}`;
  const evidence: EvidenceItem[] = [{ text: `Recorded by ${by}: ${l.detail ?? what}`, line: l.line }];
  if (!ctx.live.enabled)
    evidence.push({ text: 'DNS now: not asked (live checks are off); the result above is the receiver’s own', line: 0 });
  return {
    rule: ruleOf(area, l.result),
    status,
    title: `${by} recorded ${what}${l.refused ? ', and refused the message for it' : ''}`,
    evidence,
    detail: `This is the receiver's own finding, from the time it judged the message. ${
      area === 'spf'
        ? 'SPF is judged for the envelope sender (MAIL FROM) domain and the IP that connected to the receiver.'
        : area === 'dkim'
          ? 'DKIM is judged on the signature the message carried when it reached the receiver.'
          : 'DMARC passes only when SPF or DKIM passes for a domain aligned with the From: domain.'
    }`,
    fix,
    verify,
    sources: [
      'RFC 8601 §5 (a receiver’s own Authentication-Results)',
      area === 'spf' ? 'RFC 7208' : area === 'dkim' ? 'RFC 6376' : 'RFC 7489',
    ],
  };
}

/** The reasons a failing SPF, DKIM or DMARC result explains (as rules/spf.ts, dkim.ts, dmarc.ts declare). */
const AUTH_EXPLAINS = ['authfailure', 'securityerror', 'rejected', 'spamdetected', 'policyviolation'];

export const recordedChecks: Rule = {
  steps: ['spf.fail', 'spf.softfail', 'spf.missing', 'spf.permerror', 'dkim.fail', 'dkim.missing', 'dmarc.fail', 'dmarc.missing'].map(
    (id) => ({ id, explains: AUTH_EXPLAINS, ...(id === 'spf.fail' || id === 'spf.softfail' ? { judgesClientAsServer: true } : {}) }),
  ),
  // the live checks decide when they can: read to know whether they did
  reads: ['spf', 'dkim', 'dmarc'],
  sources: ['RFC 8601 §5', 'RFC 7208', 'RFC 6376', 'RFC 7489'],
  run(ctx) {
    const steps: Step[] = [];
    const done = new Set<string>();
    for (const l of ctx.evidence.logged) {
      if (l.check !== 'spf' && l.check !== 'dkim' && l.check !== 'dmarc') continue;
      const result = l.result.toLowerCase();
      if (!FAILING.has(result) || liveDecided(ctx, l.check, l)) continue;
      const rule = ruleOf(l.check, result);
      const key = `${rule}|${l.subject}|${l.ip ?? ''}`;
      if (done.has(key)) continue;
      done.add(key);
      steps.push(stepFor(ctx, l.check, { ...l, result }));
    }
    return steps;
  },
};

/**
 * Whether a result the receiver recorded is still what the checklist says:
 * its own step stands (the live check could not decide), or the live check
 * finds the same problem. When DNS now shows otherwise (a PTR that resolves
 * back, SPF passing), the refusal keeps its own step beside the live pass.
 */
export function recordedStillExplains(ctx: RuleContext, l: LoggedCheck): boolean {
  if (l.check === 'ptr') {
    const p = ctx.live.ptr;
    if (!ctx.subjects.ip || !p || p.outcome === 'error') return true;
    // (several PTRs of which one does not resolve back is a problem too: ptr.mismatch says so)
    return p.outcome === 'none' || (p.outcome === 'found' && p.forward.some((f) => f.outcome === 'nomatch'));
  }
  if (l.check !== 'spf' && l.check !== 'dkim' && l.check !== 'dmarc') return false;
  if (!liveDecided(ctx, l.check, l)) return true;
  if (l.check === 'spf') return ctx.live.spf!.evaluation!.result !== 'pass';
  if (l.check === 'dkim') return !ctx.live.dkim!.verdicts.some((v) => v.result === 'pass');
  const d = ctx.live.dmarc!;
  return d.evaluation.lookup.outcome !== 'found' || !d.fromKnown || d.evaluation.result !== 'pass';
}

/** What the receiver recorded for an area, when the input holds such a record: pass, fail, or null (nothing recorded). */
export function recordedResult(ctx: RuleContext, area: Area): 'pass' | 'fail' | null {
  const l = ctx.evidence.logged.filter((x) => x.check === area);
  if (l.some((x) => FAILING.has(x.result.toLowerCase()))) return 'fail';
  if (l.some((x) => x.result.toLowerCase() === 'pass')) return 'pass';
  return null;
}
