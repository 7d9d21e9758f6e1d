// spf.*: the RFC 7208 evaluation for the IP that sent, beside what the
// receiver logged. spf.missing (no record), spf.fail / spf.softfail (the IP
// is not authorised; spf.fail with `pass` when it is), spf.permerror (the
// record is broken: several records, syntax, over 10 lookups), and
// spf.lookup-limit / spf.weak-policy for records that work today but are
// fragile.

import type { EvidenceItem, Step } from '../types';
import { inconclusiveStep, type Rule, type RuleContext } from './rule';
import { loggedEvidence, refusalEvidence, refusalsNaming, refusalsNamingInCommonWords } from './auth-evidence';
import { isSpfRecord, parseSpfRecord } from '../auth/spf/parse';
import type { SpfCheck } from '../checks/spf';
import type { SpfEvaluation } from '../auth/spf/types';
import { describeTree } from '../auth/spf/describe';
import { ipTerm, lookupFixes, recordWithTerm, repairedRecord } from './spf-fixes';
import { isNonPublicIP, normalizeIP } from '../dns/names';
import { submissionRefusal } from './submission';
import { SPF_LOOKUP_LIMIT } from '../auth/spf/limits';

export { recordWithTerm };

const SOURCES = ['RFC 7208 (Sender Policy Framework)', 'https://support.google.com/a/answer/33786 (Google: define your SPF record)'];

/** The refusal reasons an SPF problem can cause (a receiver's SPF or DMARC check, or its spam score). */
const EXPLAINS = ['authfailure', 'securityerror', 'rejected', 'spamdetected'];

function recordEvidence(c: SpfCheck): EvidenceItem[] {
  const r = c.audit.tree;
  return [
    ...(c.assumed
      ? [
          {
            text: `The envelope sender (MAIL FROM) is not in the input: SPF is checked for the From: domain ${c.domain}, where a bounce returns and which it usually is`,
            line: c.line,
          },
        ]
      : []),
    { text: r.record ? `DNS now: ${c.domain} TXT "${r.record}"` : `DNS now: ${c.domain} TXT → ${r.error ?? 'no SPF record'}`, line: 0 },
  ];
}

function verifyCommands(c: SpfCheck, ev: SpfEvaluation | null): string[] {
  const out = [`dig +short TXT ${c.domain}`];
  if (ev)
    out.push(
      `spfquery -ip ${ev.ip} -sender ${ev.sender}${ev.helo ? ` -helo ${ev.helo}` : ''}   (libspf2; or pyspf: python3 -m spf ${ev.ip} ${ev.sender} ${ev.helo ?? ''})`.trim(),
    );
  return out;
}

function treeDetail(c: SpfCheck): string {
  return `Include tree (${c.audit.totalLookups} of 10 DNS lookups):\n${describeTree(c.audit.tree, c.evaluation?.tree)}`;
}

function missing(ctx: RuleContext, c: SpfCheck): Step[] {
  const r = c.audit.tree;
  const ev = [...loggedEvidence(ctx, 'spf'), ...recordEvidence(c)];
  if (r.error?.startsWith('DNS error')) {
    const s = inconclusiveStep('spf.missing', `Whether ${c.domain} has an SPF record could not be checked`, null);
    s.evidence = [...loggedEvidence(ctx, 'spf'), { text: `DNS now: ${c.domain} TXT → ${r.error}`, line: 0 }];
    return [s];
  }
  if (r.error === 'no SPF record') {
    // a client refused for not logging in is no sending server of the domain: its IP is no SPF term
    const ip = submissionRefusal(ctx) ? undefined : ctx.subjects.ip?.value;
    const record = `v=spf1 ${ip ? ipTerm(ip) + ' ' : ''}mx ~all`;
    return [
      {
        rule: 'spf.missing',
        status: refusalEvidence(ctx, 'spf').length ? 'fail' : 'warn',
        title: `${c.domain} has no SPF record`,
        evidence: [...refusalEvidence(ctx, 'spf'), ...ev],
        detail:
          'Without SPF, receivers cannot tell whether the sending IP may send for the domain. Gmail, Yahoo and Microsoft require SPF or DKIM from every sender, and both (with DMARC) from bulk senders.',
        fix: [
          `Publish one TXT record at ${c.domain}: "${record}" — list every server and service that sends mail as ${c.domain} (each provider documents its include:, e.g. include:_spf.google.com, include:spf.protection.outlook.com).`,
          'When everything that sends is listed, change ~all to -all.',
        ],
        verify: verifyCommands(c, c.evaluation),
        sources: SOURCES,
      },
    ];
  }
  return [
    {
      rule: 'spf.missing',
      status: 'pass',
      title: `${c.domain} publishes an SPF record`,
      evidence: ev,
      // with an evaluation, the spf.fail / softfail step shows the tree
      detail: r.record && !c.evaluation ? treeDetail(c) : undefined,
      fix: [],
      verify: [`dig +short TXT ${c.domain}`],
      sources: SOURCES,
    },
  ];
}

function permerror(ctx: RuleContext, c: SpfCheck): Step[] {
  const r = c.audit.tree;
  const ev = c.evaluation;
  const evidence = [...refusalEvidence(ctx, 'spf'), ...loggedEvidence(ctx, 'spf'), ...recordEvidence(c)];
  const fix: string[] = [];
  let title: string;
  let detail: string;
  if (r.error && /SPF records/.test(r.error)) {
    const records = (r.record ?? '').split(' | ').filter(isSpfRecord);
    const terms = [...new Set(records.flatMap((x) => parseSpfRecord(x).terms.map((t) => t.text)).filter((t) => !/^[+\-~?]?all$/i.test(t)))];
    title = `${c.domain} publishes ${records.length} SPF records: receivers treat that as a permanent error`;
    detail =
      'RFC 7208 §4.5: a domain must have exactly one TXT record starting with v=spf1; with more, every receiver returns permerror and SPF fails for every sender.';
    fix.push(
      `Replace them with one TXT record: "v=spf1 ${terms.join(' ')} ~all"`,
      'Delete the other v=spf1 TXT records (other TXT records, such as site verifications, can stay).',
    );
  } else if (r.error?.startsWith('syntax error')) {
    title = `The SPF record of ${c.domain} has a syntax error`;
    detail = `${r.error}. RFC 7208 §4.6: any syntax error anywhere makes the whole record a permerror.`;
    const meant = r.record ? repairedRecord(r.record) : null;
    fix.push(
      meant
        ? `Replace the record at ${c.domain} by the one it was meant to be (terms are separated by single spaces, never commas or semicolons): ${c.domain}. IN TXT "${meant}"`
        : `Correct the record at ${c.domain}: "${r.record}" (terms are separated by single spaces; mechanisms are all, include:, a, mx, ptr, ip4:, ip6:, exists:; modifiers redirect= and exp=).`,
    );
  } else {
    const over = (ev?.error ?? '').includes('DNS-querying') || c.audit.totalLookups > 10;
    title = over
      ? `The SPF record of ${c.domain} needs ${c.audit.totalLookups} DNS lookups; receivers stop at 10 (permerror)`
      : `SPF of ${c.domain} ends in a permanent error${ev?.error ? `: ${ev.error}` : ''}`;
    detail = `${ev?.error ?? ''}\n${treeDetail(c)}`.trim();
    if (over) fix.push(...lookupFixes(c));
    else fix.push(`Correct the SPF tree of ${c.domain} where it fails: ${ev?.error ?? r.error ?? ''}`);
  }
  return [
    {
      rule: 'spf.permerror',
      status: 'fail',
      title,
      evidence,
      detail,
      fix,
      verify: verifyCommands(c, ev),
      sources: ['RFC 7208 §4.5, §4.6, §4.6.4', ...SOURCES],
    },
  ];
}

function evaluated(ctx: RuleContext, c: SpfCheck): Step[] {
  const ev = c.evaluation!;
  const logged = loggedEvidence(ctx, 'spf');
  const ip = ev.ip;
  const where = `${c.identity === 'helo' ? 'HELO' : 'MAIL FROM'} ${c.identity === 'helo' ? c.domain : ev.sender} from ${ip}`;
  const evidence: EvidenceItem[] = [
    ...(ctx.subjects.ip ? [{ text: `Sending IP ${ip}`, line: ctx.subjects.ip.line }] : []),
    { text: `Envelope sender ${ev.sender}`, line: c.line },
    ...logged,
    ...recordEvidence(c),
    {
      text: `SPF now: ${ev.result}${ev.matched ? ` (matched "${ev.matched.term}" in ${ev.matched.domain})` : ''}, ${ev.lookups} DNS lookups`,
      line: 0,
    },
  ];
  switch (ev.result) {
    case 'pass':
      return [
        {
          rule: 'spf.fail',
          status: 'pass',
          title: `SPF passes for ${where}: "${ev.matched?.term}" in ${ev.matched?.domain} authorises it`,
          evidence,
          detail: treeDetail(c),
          fix: [],
          verify: verifyCommands(c, ev),
          sources: SOURCES,
        },
      ];
    case 'fail':
    case 'softfail':
    case 'neutral': {
      const refusals = refusalEvidence(ctx, 'spf');
      const record = c.audit.tree.record ?? `v=spf1 ~all`;
      const newRecord = recordWithTerm(record, ipTerm(ip));
      const term = ev.matched
        ? `"${ev.matched.term}"${ev.matched.domain !== c.domain ? ` in ${ev.matched.domain}` : ''}`
        : 'the end of the record (no term matched)';
      const rule = ev.result === 'softfail' ? 'spf.softfail' : 'spf.fail';
      return [
        {
          rule,
          status: ev.result === 'fail' || refusals.length ? 'fail' : 'warn',
          title: `SPF ${ev.result} for ${where}: the record of ${c.domain} does not authorise ${ip} (decided by ${term})`,
          evidence: [...refusals, ...evidence],
          detail: `${ev.explanation ? `The domain's explanation: "${ev.explanation}". ` : ''}${
            ev.result === 'fail'
              ? 'Receivers that enforce SPF refuse the mail; with DMARC, an SPF fail counts as no SPF pass.'
              : ev.result === 'softfail'
                ? '~all asks receivers to accept but mark the mail; most large receivers count it against the message, and it is not an SPF pass for DMARC.'
                : 'Neutral means the domain makes no statement about this IP: it is not an SPF pass for DMARC or for Gmail, Yahoo and Microsoft.'
          }\n${treeDetail(c)}`,
          fix: [
            `If ${ip} is your server, add "${ipTerm(ip)}" to the SPF record of ${c.domain}: "${newRecord}"${c.audit.totalLookups >= 10 ? ' (ip4:/ip6: costs no DNS lookup)' : ''}.`,
            `If ${ip} belongs to a sending service (a newsletter tool, CRM, ticket system, hosted mail), add that service's include: instead, as its documentation gives it.`,
            `If ${ip} should not send as ${c.domain} at all, the SPF result is right: find the program or device that sends from it, or relay its mail through an authorised server.`,
          ],
          verify: verifyCommands(c, ev),
          sources: ['RFC 7208 §2.6, §8', ...SOURCES],
        },
      ];
    }
    case 'temperror':
      return [
        {
          ...inconclusiveStep(
            'spf.fail',
            `SPF for ${where} could not be evaluated (temporary DNS error)`,
            null,
            `${ev.error ?? 'DNS failed'}. Receivers defer or accept such mail; retry, or choose another resolver in Settings.`,
          ),
          evidence,
        },
      ];
    case 'permerror':
      return permerror(ctx, c);
    case 'none':
      return [];
  }
}

/** What the record gives a server it does not list, in words (RFC 7208 §2.6). */
const UNLISTED: Partial<Record<SpfEvaluation['result'], string>> = {
  fail: 'fail (-all): receivers that enforce SPF refuse forged mail',
  softfail: 'softfail (~all): accepted but marked; not an SPF pass',
  neutral: 'neutral (?all or no final all): neither pass nor fail',
  pass: 'pass: every server on the Internet may send as the domain',
};

/**
 * A domain given alone: the record walked to its end for an address it does
 * not list (checks/spf.ts SPF_PROBE_IP), as receivers walk it for any such
 * server. Its permanent error — void lookups, an mx with too many hosts, a
 * target that breaks on evaluation — is a problem for every sender not
 * matched before it; the audit has already said what it finds without
 * evaluating (lookups over 10, includes without a record, +all, ?all).
 */
function probed(c: SpfCheck, p: SpfEvaluation, steps: Step[]): Step[] {
  const seen = `SPF for a server the record does not list (tested with ${p.ip}, a reserved address): ${UNLISTED[p.result] ?? p.result}${p.error ? ` — ${p.error}` : ''}; ${p.lookups} DNS lookups, ${p.voidLookups} void`;
  for (const s of steps) if (s.rule === 'spf.missing' && s.status === 'pass') s.evidence = [...s.evidence, { text: seen, line: 0 }];
  if (p.result !== 'permerror') return [];
  // what the audit already reported: the lookup limit, an include or redirect without a usable record, glued strings
  const error = p.error ?? '';
  const told =
    (/DNS-querying terms/.test(error) && c.audit.totalLookups > SPF_LOOKUP_LIMIT) ||
    /has no SPF record|not a valid domain name|SPF records; there must be one|syntax error/.test(error) ||
    c.audit.findings.some((f) => f.rule === 'spf.permerror' && /join without a space/.test(f.text));
  if (told) return [];
  return [
    {
      rule: 'spf.permerror',
      status: 'warn',
      title: `SPF of ${c.domain} ends in a permanent error for every server not matched before it: ${p.error ?? 'permerror'}`,
      evidence: [...recordEvidence(c), { text: seen, line: 0 }],
      detail: `Receivers evaluate the record term by term and stop at the first match; a server listed after the failing term, and every server not listed at all, gets permerror — which DMARC counts as no SPF pass and some receivers refuse.\n${treeDetail(c)}`,
      fix: [
        /void|no records/i.test(p.error ?? '')
          ? `Remove the terms of the record of ${c.domain} whose names do not exist or have no records (a:, mx:, include:, exists: of hosts or services no longer used): RFC 7208 §4.6.4 allows at most 2 such lookups.`
          : `Correct the SPF tree of ${c.domain} where it fails: ${p.error ?? ''}`,
      ],
      verify: [`dig +short TXT ${c.domain}`],
      sources: ['RFC 7208 §4.6.4', ...SOURCES],
    },
  ];
}

export const spfRules: Rule = {
  steps: ['spf.missing', 'spf.fail', 'spf.softfail', 'spf.permerror', 'spf.lookup-limit', 'spf.weak-policy'].map((id) => ({
    id,
    explains: EXPLAINS,
    ...(id === 'spf.fail' || id === 'spf.softfail' ? { judgesClientAsServer: true } : {}),
  })),
  reads: ['spf'],
  sources: SOURCES,
  run(ctx) {
    const c = ctx.live.spf;
    // a result the receiver recorded as a failure is stated by rules/recorded.ts
    if (!c && ctx.evidence.logged.some((l) => l.check === 'spf' && l.result !== 'pass')) return [];
    if (!c) {
      // no envelope sender in the input, but the receiver's refusal names SPF ("[SPF] host … is not allowed
      // to send mail from …"): the SPF step is where the fix lies, for whichever domain the envelope has
      // (RFC 7208 §2.4: the MAIL FROM domain's record; RFC 7372 X.7.23) — not a step about DKIM or DMARC
      const said = refusalsNamingInCommonWords(ctx, 'spf');
      if (said.length)
        return [
          {
            rule: 'spf.fail',
            status: 'fail',
            title:
              "The receiver refused the message for SPF; the envelope sender's domain is not in the input, so its record could not be checked here",
            evidence: [...said, ...loggedEvidence(ctx, 'spf')],
            fix: [
              "Add the sending server's public IP (or its provider's include:) to the SPF record of the envelope sender's domain (MAIL FROM), or send through a server that record already lists.",
            ],
            verify: ['dig +short TXT <envelope sender domain>'],
            sources: SOURCES,
          },
        ];
      // no envelope sender in the input: what the receiver logged is all there is
      return loggedEvidence(ctx, 'spf').length
        ? [
            {
              rule: 'spf.fail',
              status: 'info',
              title: 'The receiver logged an SPF result; the envelope sender is not in the input, so SPF could not be checked now',
              evidence: loggedEvidence(ctx, 'spf'),
              fix: [],
              verify: [],
              sources: SOURCES,
            },
          ]
        : [];
    }
    const steps: Step[] = [];
    const r = c.audit.tree;
    const multipleOrSyntax = !!r.error && (/SPF records/.test(r.error) || r.error.startsWith('syntax error'));
    if (multipleOrSyntax) steps.push(...permerror(ctx, c));
    else steps.push(...missing(ctx, c));
    if (c.evaluation && !multipleOrSyntax && r.record) steps.push(...evaluated(ctx, c));
    else if (c.probe && r.record && !multipleOrSyntax) steps.push(...probed(c, c.probe, steps));
    else if (!c.evaluation && r.record && !multipleOrSyntax) {
      const said = refusalsNaming(ctx, 'spf');
      const ip = ctx.subjects.ip?.value;
      // a LAN client submitting to its own server: the IP a receiver evaluates is the server's public one
      const where =
        ip && isNonPublicIP(normalizeIP(ip) ?? ip)
          ? `the input shows only the private address ${ip}`
          : 'the sending IP is not in the input';
      steps.push({
        rule: 'spf.fail',
        status: said.length ? 'fail' : 'info',
        title: said.length
          ? `The receiver refused the message for SPF; ${where}, so the record of ${c.domain} could not be evaluated for the public sending IP here`
          : `SPF of ${c.domain} could not be evaluated: ${where}`,
        evidence: [...said, ...loggedEvidence(ctx, 'spf'), ...recordEvidence(c)],
        detail: treeDetail(c),
        fix: said.length
          ? [
              `Add the public IP of the sending server to the SPF record of ${c.domain} (e.g. "${recordWithTerm(r.record, 'ip4:<sending IP>')}"), or its provider's include:.`,
            ]
          : [],
        verify: [`dig +short TXT ${c.domain}`],
        sources: SOURCES,
      });
    }
    // the tree works for this IP but not for every sender
    const hitLimit = steps.some((s) => s.rule === 'spf.permerror');
    if (!hitLimit && c.audit.totalLookups > 10) {
      steps.push({
        rule: 'spf.lookup-limit',
        status: 'warn',
        title: `The SPF tree of ${c.domain} needs ${c.audit.totalLookups} DNS lookups: senders not matched within the first 10 get permerror`,
        evidence: recordEvidence(c),
        detail: treeDetail(c),
        fix: lookupFixes(c),
        verify: [`dig +short TXT ${c.domain}`],
        sources: ['RFC 7208 §4.6.4'],
      });
    }
    for (const f of c.audit.findings.filter((x) => !/DNS-querying terms/.test(x.text))) {
      steps.push({
        rule: f.rule ?? 'spf.weak-policy',
        status: f.severity,
        title: f.text,
        evidence: recordEvidence(c),
        fix: [],
        verify: [`dig +short TXT ${c.domain}`],
        sources: [f.source],
      });
    }
    return steps;
  },
};
