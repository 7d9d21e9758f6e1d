// dmarc.fail: the message's DMARC result — computed here from its headers
// (RFC 7489 §3.1 alignment, §4.2), or, when only a log or a bounce is in the
// input, what the receiver logged or said about it.

import type { EvidenceItem, Step } from '../../types';
import type { RuleContext } from '../rule';
import { refusalEvidence } from '../auth-evidence';
import { organizationalDomain } from '../../auth/dmarc/align';
import type { DmarcCheck } from '../../checks/dmarc';
import { appliedPolicy, lookupEvidence, SOURCES } from './common';

/** No From domain to check live: what the receiver logged is reported as it is. */
export function loggedOnly(logged: EvidenceItem[]): Step {
  return {
    rule: 'dmarc.fail',
    status: 'info',
    title: 'The receiver logged a DMARC result; the From: header is not in the input, so DMARC could not be checked now',
    evidence: logged,
    fix: [],
    verify: [],
    sources: SOURCES,
  };
}

/** The message itself is not in the input: the receiver's own verdict is the evidence. */
export function receiverSaysFail(c: DmarcCheck, said: EvidenceItem[]): Step {
  const d = c.domain;
  const applied = appliedPolicy(c);
  return {
    rule: 'dmarc.fail',
    status: 'fail',
    title: `The receiver refused the message for failing DMARC${applied ? ` under ${applied}` : ''}: no SPF or DKIM pass aligned with the From: domain`,
    evidence: [...said, ...lookupEvidence(c)],
    detail: `The message's headers are not in the input, so which mechanism failed could not be checked here. DMARC passes when SPF passes for an envelope domain aligned with From: (here the envelope domain is ${d}), or when a DKIM signature with d= aligned with From: verifies.`,
    fix: [
      `Make SPF pass: the public IP of the sending server must be in the SPF record of ${d} (see the spf.* steps).`,
      `Sign the mail with DKIM as d=${organizationalDomain(d)} (or a subdomain of it) in the sending server or service.`,
      `If the From: domain differs from ${d}, the envelope domain or the DKIM d= must be in the From: domain's organizational domain.`,
    ],
    verify: ['Paste the headers of the refused message (or drop the .eml) into Mailmedic to see the SPF, DKIM and DMARC results for it.'],
    sources: SOURCES,
  };
}

/** Each identifier DMARC weighed (SPF's domain, every DKIM d=) and whether it aligns with From:. */
function identifiers(c: DmarcCheck): EvidenceItem[] {
  const ev = c.evaluation;
  const rec = ev.lookup.record!;
  return [
    { text: `From domain ${ev.fromDomain}`, line: c.line },
    ...(ev.spf
      ? [
          {
            text: `SPF ${ev.spf.result} for ${ev.spf.domain}: ${ev.spf.aligned ? 'aligned' : `not aligned (${rec.aspf})`} with ${ev.fromDomain}`,
            line: 0,
          },
        ]
      : [{ text: 'SPF: no result for the envelope sender', line: 0 }]),
    ...(ev.dkim.length
      ? ev.dkim.map((d) => ({
          text: `DKIM ${d.result} for d=${d.domain}: ${d.aligned ? 'aligned' : `not aligned (${rec.adkim})`} with ${ev.fromDomain}`,
          line: 0,
        }))
      : [{ text: 'DKIM: no signature', line: 0 }]),
  ];
}

/** The message's result under the record that was found (a From: header is in the input); null when neither pass nor fail. */
export function messageResult(ctx: RuleContext, c: DmarcCheck, logged: EvidenceItem[]): Step | null {
  const ev = c.evaluation;
  if (ev.result === 'pass') {
    const how = [
      ev.spf?.aligned && ev.spf.result === 'pass' ? `SPF (${ev.spf.domain})` : null,
      ...ev.dkim.filter((d) => d.aligned && d.result === 'pass').map((d) => `DKIM (d=${d.domain})`),
    ].filter(Boolean);
    return {
      rule: 'dmarc.fail',
      status: 'pass',
      title: `DMARC passes for ${ev.fromDomain}: aligned ${how.join(' and ')}`,
      evidence: [...logged, ...identifiers(c)],
      fix: [],
      verify: [],
      sources: SOURCES,
    };
  }
  if (ev.result !== 'fail') return null;
  const rec = ev.lookup.record!;
  const disposition =
    ev.disposition === 'reject'
      ? 'refuse it'
      : ev.disposition === 'quarantine'
        ? 'put it in spam (quarantine)'
        : 'deliver it anyway (p=none), but count it against the domain';
  return {
    rule: 'dmarc.fail',
    status: ev.disposition === 'none' && !refusalEvidence(ctx, 'dmarc').length ? 'warn' : 'fail',
    title: `DMARC fails for ${ev.fromDomain}: no SPF or DKIM pass aligned with the From: domain; the policy tells receivers to ${disposition}${rec.pct < 100 && ev.disposition !== 'none' ? ` (for ${rec.pct}% of such mail)` : ''}`,
    evidence: [...refusalEvidence(ctx, 'dmarc'), ...logged, ...identifiers(c)],
    detail:
      'DMARC passes when SPF passes for the envelope domain and that domain aligns with From:, or when a DKIM signature verifies and its d= aligns with From: (RFC 7489 §3.1, §4.2).',
    fix: failFix(c),
    verify: ['Send a new message to a Gmail address and open "Show original": SPF, DKIM and DMARC must say PASS.'],
    sources: SOURCES,
  };
}

/** What to change when DMARC fails: an aligned DKIM signature, else an aligned envelope sender or a passing SPF. */
function failFix(c: DmarcCheck): string[] {
  const ev = c.evaluation;
  const rec = ev.lookup.record!;
  const fix: string[] = [];
  if (!ev.dkim.some((d) => d.aligned))
    fix.push(
      `Sign the mail with DKIM as d=${ev.fromDomain} (or a subdomain${rec.adkim === 'strict' ? '; adkim=s needs exactly ' + ev.fromDomain : ''}): a DKIM signature of another domain (${ev.dkim.map((d) => d.domain).join(', ') || 'none here'}) does not count for DMARC.`,
    );
  else if (ev.dkim.some((d) => d.aligned && d.result !== 'pass'))
    fix.push('Make the aligned DKIM signature verify (see the dkim.fail step).');
  if (ev.spf && !ev.spf.aligned)
    fix.push(
      `Or send with an envelope sender (Return-Path) in ${organizationalDomain(ev.fromDomain)}${rec.aspf === 'strict' ? ` (aspf=s: exactly ${ev.fromDomain})` : ''}: SPF passed or failed for ${ev.spf.domain}, which does not align with ${ev.fromDomain}. Sending services call this a "custom return-path" or "bounce domain".`,
    );
  else if (ev.spf && ev.spf.result !== 'pass') fix.push('Or make SPF pass for the sending IP (see the spf.* steps).');
  return fix;
}
