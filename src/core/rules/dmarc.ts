// dmarc.*: the From domain's DMARC policy and the message's result under it.
// dmarc.missing (no record; `pass` when one is published), dmarc.invalid
// (a record that does not parse, or several), dmarc.fail (no aligned SPF or
// DKIM pass; `pass` when there is one), dmarc.weak-policy (p=none or pct<100:
// the path to p=reject), dmarc.report-auth (external rua/ruf not authorised).

import type { EvidenceItem, Step } from '../types';
import { dnsEvidenceText, inconclusiveStep, type Rule, type RuleContext } from './rule';
import { loggedEvidence, refusalEvidence, refusalsNaming } from './auth-evidence';
import { organizationalDomain } from '../auth/dmarc/align';
import type { DmarcCheck } from '../checks/dmarc';
import { bulkReceiversIn } from './bulk-senders';
import { BULK_RECEIVERS, type BulkReceiver } from '../knowledge/bulk-senders';

const SOURCES = ['RFC 7489 (DMARC)', 'https://support.google.com/a/answer/2466580 (Google: set up DMARC)'];

/** The refusal reasons a DMARC problem can cause (a policy refusal is also worded as one). */
const EXPLAINS = ['authfailure', 'securityerror', 'rejected', 'spamdetected', 'policyviolation'];

function lookupEvidence(c: DmarcCheck): EvidenceItem[] {
  return c.evaluation.lookup.responses.map((r) => ({ text: dnsEvidenceText(r), line: 0 }));
}

/** A first record: monitoring only, reports to the domain itself. */
function starterRecord(domain: string): string {
  return `_dmarc.${domain}. IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}; fo=1"`;
}

const PATH_TO_REJECT = [
  'Read the aggregate (rua) reports for 2–4 weeks: list every source that sends as the domain, and make each pass SPF or DKIM aligned with the From: domain.',
  'Then p=quarantine; pct=25, raised to pct=100 over a few weeks while the reports stay clean.',
  'Then p=reject (the end state: forged mail with the domain in From: is refused).',
];

/** When a large receiver's sender requirements (DMARC among them) began, from knowledge/bulk-senders.ts. */
function requiredSince(id: BulkReceiver['id']): string {
  return BULK_RECEIVERS.find((b) => b.id === id)!.since;
}

function missing(ctx: RuleContext, c: DmarcCheck): Step {
  const receivers = bulkReceiversIn(ctx.evidence);
  const refusals = refusalEvidence(ctx, 'dmarc');
  return {
    rule: 'dmarc.missing',
    status: refusals.length || receivers.length ? 'fail' : 'warn',
    title: `${c.domain} has no DMARC record${organizationalDomain(c.domain) !== c.domain ? ` (nor has its organizational domain ${organizationalDomain(c.domain)})` : ''}`,
    evidence: [
      ...refusals,
      { text: `${c.fromKnown ? 'From' : ctx.evidence.target ? 'The' : 'Envelope sender'} domain ${c.domain}`, line: c.line },
      ...lookupEvidence(c),
    ],
    detail: `Gmail and Yahoo require a DMARC record (at least p=none) from bulk senders since ${requiredSince('gmail')}, and Microsoft from ${requiredSince('microsoft')}. Without one, anyone can send with ${c.domain} in From: and receivers have no policy to apply.`,
    fix: [`Publish: ${starterRecord(organizationalDomain(c.domain))}`, ...PATH_TO_REJECT],
    verify: [`dig +short TXT _dmarc.${organizationalDomain(c.domain)}`],
    sources: SOURCES,
  };
}

/**
 * The policy that applies to the From domain, in words: p= of its own record,
 * or — for a subdomain with no record of its own — sp= of the organizational
 * domain's record when it has one (RFC 7489 §6.3 sp, §6.6.3). An administrator
 * reading "p=none" at the parent is otherwise puzzled by a rejection.
 */
function appliedPolicy(c: DmarcCheck): string | null {
  const lk = c.evaluation.lookup;
  const rec = lk.record;
  if (!rec?.policy) return null;
  if (lk.inherited && rec.subdomainPolicy)
    return `sp=${rec.subdomainPolicy}, the subdomain policy of ${lk.policyDomain} that applies to ${c.domain} (${lk.policyDomain} itself has p=${rec.policy})`;
  return `p=${rec.policy} of ${lk.policyDomain}${lk.inherited ? `, which applies to ${c.domain}` : ''}`;
}

function receiverSaysFail(c: DmarcCheck, said: EvidenceItem[]): Step {
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

export const dmarcRules: Rule = {
  steps: ['dmarc.missing', 'dmarc.invalid', 'dmarc.fail', 'dmarc.weak-policy', 'dmarc.report-auth'].map((id) => ({
    id,
    explains: EXPLAINS,
  })),
  reads: ['dmarc'],
  sources: SOURCES,
  run(ctx) {
    const c = ctx.live.dmarc;
    const logged = loggedEvidence(ctx, 'dmarc');
    if (!c)
      return logged.length
        ? [
            {
              rule: 'dmarc.fail',
              status: 'info',
              title: 'The receiver logged a DMARC result; the From: header is not in the input, so DMARC could not be checked now',
              evidence: logged,
              fix: [],
              verify: [],
              sources: SOURCES,
            },
          ]
        : [];
    const ev = c.evaluation;
    const lk = ev.lookup;
    const steps: Step[] = [];
    if (lk.outcome === 'error') {
      const s = inconclusiveStep(
        'dmarc.missing',
        `The DMARC record of ${c.domain} could not be checked`,
        lk.responses[lk.responses.length - 1] ?? null,
      );
      s.evidence.unshift(...logged);
      return [s];
    }
    if (lk.outcome === 'none') return [missing(ctx, c)];
    // the message itself is not in the input: the receiver's own verdict is the evidence
    const said = refusalsNaming(ctx, 'dmarc');
    if (!c.fromKnown && said.length) steps.push(receiverSaysFail(c, said));
    if (lk.outcome === 'invalid' || lk.outcome === 'multiple') {
      return [
        ...steps,
        {
          rule: 'dmarc.invalid',
          status: 'fail',
          title:
            lk.outcome === 'multiple'
              ? `_dmarc.${lk.policyDomain} has more than one DMARC record: receivers ignore them all`
              : `The DMARC record at _dmarc.${lk.policyDomain} is invalid: ${lk.record?.errors.join('; ')}`,
          evidence: [...refusalEvidence(ctx, 'dmarc'), ...logged, ...lookupEvidence(c)],
          detail: 'RFC 7489 §6.6.3: a domain with no valid record, or several, is treated as having no DMARC policy.',
          fix: lk.repaired
            ? [
                `Replace it by the record it was meant to be: _dmarc.${lk.policyDomain}. IN TXT "${lk.repaired}" (v=DMARC1 first, each tag ended by a semicolon).`,
              ]
            : [
                `Replace the TXT records at _dmarc.${lk.policyDomain} by one valid record, e.g. ${starterRecord(lk.policyDomain!).replace(/^\S+ IN TXT /, '')}`,
              ],
          verify: [`dig +short TXT _dmarc.${lk.policyDomain}`],
          sources: SOURCES,
        },
        ...reportAuthSteps(c),
      ];
    }
    const rec = lk.record!;
    steps.push({
      rule: 'dmarc.missing',
      status: 'pass',
      title: `${c.domain} has a DMARC policy: p=${rec.policy ?? 'none'}${lk.inherited ? ` (from ${lk.policyDomain}${rec.subdomainPolicy ? `, sp=${rec.subdomainPolicy}` : ''})` : ''}${rec.pct < 100 ? ` pct=${rec.pct}` : ''}`,
      evidence: [...logged, ...lookupEvidence(c)],
      detail: rec.warnings.length ? rec.warnings.join(' ') : undefined,
      fix: [],
      verify: [`dig +short TXT _dmarc.${lk.policyDomain}`],
      sources: SOURCES,
    });
    // the outcome for this message
    if (c.fromKnown) {
      const idText: EvidenceItem[] = [
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
      if (ev.result === 'pass') {
        const how = [
          ev.spf?.aligned && ev.spf.result === 'pass' ? `SPF (${ev.spf.domain})` : null,
          ...ev.dkim.filter((d) => d.aligned && d.result === 'pass').map((d) => `DKIM (d=${d.domain})`),
        ].filter(Boolean);
        steps.push({
          rule: 'dmarc.fail',
          status: 'pass',
          title: `DMARC passes for ${ev.fromDomain}: aligned ${how.join(' and ')}`,
          evidence: [...logged, ...idText],
          fix: [],
          verify: [],
          sources: SOURCES,
        });
      } else if (ev.result === 'fail') {
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
        const disposition =
          ev.disposition === 'reject'
            ? 'refuse it'
            : ev.disposition === 'quarantine'
              ? 'put it in spam (quarantine)'
              : 'deliver it anyway (p=none), but count it against the domain';
        steps.push({
          rule: 'dmarc.fail',
          status: ev.disposition === 'none' && !refusalEvidence(ctx, 'dmarc').length ? 'warn' : 'fail',
          title: `DMARC fails for ${ev.fromDomain}: no SPF or DKIM pass aligned with the From: domain; the policy tells receivers to ${disposition}${rec.pct < 100 && ev.disposition !== 'none' ? ` (for ${rec.pct}% of such mail)` : ''}`,
          evidence: [...refusalEvidence(ctx, 'dmarc'), ...logged, ...idText],
          detail:
            'DMARC passes when SPF passes for the envelope domain and that domain aligns with From:, or when a DKIM signature verifies and its d= aligns with From: (RFC 7489 §3.1, §4.2).',
          fix,
          verify: ['Send a new message to a Gmail address and open "Show original": SPF, DKIM and DMARC must say PASS.'],
          sources: SOURCES,
        });
      }
    }
    // judged on the policy that applies to the From domain (sp= for a subdomain using its parent's record)
    const applies = ev.policy ?? rec.policy;
    const tag = lk.inherited && rec.subdomainPolicy ? 'sp' : 'p';
    if (applies === 'none' || (rec.pct < 100 && applies !== 'reject') || applies === 'quarantine') {
      steps.push({
        rule: 'dmarc.weak-policy',
        status: 'info',
        title: `The DMARC policy ${tag === 'sp' ? `for ${c.domain} is sp=${applies} (set by ${lk.policyDomain})` : `of ${lk.policyDomain} is p=${applies ?? 'none'}`}${rec.pct < 100 ? ` pct=${rec.pct}` : ''}: ${applies === 'none' ? 'monitoring only, forged mail is still delivered' : 'not yet at p=reject'}`,
        evidence: lookupEvidence(c),
        fix: applies === 'none' ? PATH_TO_REJECT : PATH_TO_REJECT.slice(1),
        verify: [`dig +short TXT _dmarc.${lk.policyDomain}`],
        sources: ['RFC 7489 §6.3 (p=, pct=), §10.4', ...SOURCES],
      });
    }
    if (!rec.rua.some((u) => u.address))
      steps.push({
        rule: 'dmarc.weak-policy',
        status: 'info',
        title: `The DMARC record of ${lk.policyDomain} asks for no aggregate reports (rua=)`,
        evidence: lookupEvidence(c),
        detail: 'Without reports you cannot see who sends as the domain, which you need before moving to p=reject.',
        fix: [`Add rua=mailto:dmarc-reports@${lk.policyDomain} (or a DMARC report service's address) to the record.`],
        verify: [`dig +short TXT _dmarc.${lk.policyDomain}`],
        sources: ['RFC 7489 §7.2'],
      });
    steps.push(...reportAuthSteps(c));
    return steps;
  },
};

/** dmarc.report-auth: rua/ruf outside the policy domain need the other domain's consent (§7.1). */
function reportAuthSteps(c: DmarcCheck): Step[] {
  const lk = c.evaluation.lookup;
  const steps: Step[] = [];
  for (const r of c.reports) {
    if (r.authorized === 'yes') continue;
    steps.push(
      r.authorized === 'error'
        ? inconclusiveStep(
            'dmarc.report-auth',
            `Whether ${r.domain} accepts DMARC reports for ${lk.policyDomain} could not be checked`,
            r.response,
          )
        : {
            rule: 'dmarc.report-auth',
            status: 'warn',
            title: `${r.tag}=${r.uri} is outside ${lk.policyDomain} and ${r.domain} has not authorised it: receivers will not send these reports`,
            evidence: [{ text: dnsEvidenceText(r.response), line: 0 }],
            detail: 'RFC 7489 §7.1: reports go to another domain only if that domain publishes a TXT record saying it accepts them.',
            fix: [`Have ${r.domain} publish: ${r.name}. IN TXT "v=DMARC1"`],
            verify: [`dig +short TXT ${r.name}`],
            sources: ['RFC 7489 §7.1'],
          },
    );
  }
  return steps;
}
