// domain.*: the sender domain's MX, MTA-STS, TLS-RPT and BIMI records. In a
// diagnosis they are information beside the refusal; for a domain given
// alone they are half of the answer, so the MX hosts are resolved too
// (checks/mx-domain.ts) and each record is read as its users read it
// (auth/policy-records.ts): one that senders would ignore is a warning.

import type { EvidenceItem, Step } from '../types';
import { dnsEvidenceText, inconclusiveStep, type Rule } from './rule';
import { isNullMx, type DomainRecord, type MxDomainCheck, type MxHost } from '../checks/mx-domain';
import type { DmarcCheck } from '../checks/dmarc';
import type { PtrCheck } from '../checks/ptr';
import { describeResponse } from '../dns/resolver';
import { readBimiRecord, readMtaStsRecord, readTlsRptRecord, type PolicyRecordReading } from '../auth/policy-records';
import { organizationalDomain } from '../auth/dmarc/align';

const ev = (r: { response: Parameters<typeof dnsEvidenceText>[0] }): EvidenceItem[] => [{ text: dnsEvidenceText(r.response), line: 0 }];

/** "Reverse DNS of 192.0.2.25 (mx1.example.org): mx1.example.org, forward-confirmed" — one line of domain.mx-rdns. */
function reverseWords(h: MxHost, p: PtrCheck): string {
  const head = `Reverse DNS of ${p.ip} (${h.name}): `;
  if (p.outcome === 'error') return `${head}could not be checked (${describeResponse(p.response)})`;
  if (p.outcome === 'none') return `${head}no PTR record`;
  const confirmed = p.forward.find((f) => f.outcome === 'match');
  return `${head}${p.names.join(', ')}, ${confirmed ? 'forward-confirmed' : p.forward.some((f) => f.outcome === 'error') ? 'forward confirmation not checked' : 'not forward-confirmed'}`;
}

function hostWords(h: MxHost): string {
  return h.addresses.length ? `${h.name} (${h.addresses.join(', ')})` : h.name;
}

/** domain.mx: where the domain receives mail, and whether a sender can reach it there. */
function mxStep(c: MxDomainCheck): Step {
  const d = c.domain;
  const verify = [`dig +short MX ${d}`];
  const sources = ['RFC 5321 §5.1', 'RFC 7505'];
  if (c.mx.outcome === 'error') return inconclusiveStep('domain.mx', `The MX records of ${d} could not be checked`, c.mx.response);
  if (c.mx.nxdomain)
    return {
      rule: 'domain.mx',
      status: 'fail',
      title: `${d} does not exist in DNS (NXDOMAIN): no mail can be sent to it, and receivers refuse mail from it`,
      evidence: ev(c.mx),
      detail:
        'Receivers check that a sender domain exists (Postfix reject_unknown_sender_domain, Exim verify = sender); replies and bounces to it cannot be delivered. Check the spelling, and that the domain is registered and delegated to name servers.',
      fix: [`Register ${d} (or renew it) and publish its zone, with an MX record for the server that receives its mail.`],
      verify: [...verify, `dig +short NS ${d}`],
      sources,
    };
  if (c.mx.outcome === 'none')
    return {
      rule: 'domain.mx',
      status: 'warn',
      title: `${d} has no MX record: replies and bounces to it go to its A record or nowhere`,
      evidence: ev(c.mx),
      detail: 'Some receivers refuse mail whose sender domain cannot receive mail (Postfix reject_unknown_sender_domain).',
      fix: [`Publish an MX record for ${d} pointing at the server that receives its mail.`],
      verify,
      sources,
    };
  if (isNullMx(c.mx.values))
    return {
      rule: 'domain.mx',
      status: 'warn',
      title: `${d} publishes a null MX (RFC 7505): it receives no mail, so replies and bounces to it fail`,
      evidence: ev(c.mx),
      detail:
        'RFC 7505 §4.2: receivers may refuse mail whose envelope sender domain has a null MX (550 5.7.27). Right for a domain that sends no mail either; then also publish "v=spf1 -all" and a DMARC p=reject.',
      fix: [`If ${d} sends or receives mail, replace the null MX by an MX record pointing at the server that receives its mail.`],
      verify,
      sources,
    };
  const hosts = c.hosts;
  if (!hosts)
    return {
      rule: 'domain.mx',
      status: 'info',
      title: `${d} receives mail at ${c.mx.values.join(', ')}`,
      evidence: ev(c.mx),
      detail: 'Some receivers refuse mail whose sender domain cannot receive mail (Postfix reject_unknown_sender_domain).',
      fix: [],
      verify,
      sources,
    };
  // a domain given alone: each MX host resolved
  const evidence = [
    ...ev(c.mx),
    ...hosts.flatMap((h) => h.responses.map((r) => ({ text: dnsEvidenceText(r), line: 0 }))),
    // the hosts' reverse DNS is domain.mx-rdns's own step
  ];
  const literal = hosts.filter((h) => h.literal);
  const dead = hosts.filter((h) => !h.literal && h.outcome === 'none');
  const unsure = hosts.filter((h) => h.outcome === 'error');
  const alias = hosts.filter((h) => h.outcome === 'found' && h.cname.length);
  const usable = hosts.filter((h) => h.outcome === 'found');
  if (!usable.length && unsure.length && !literal.length && !dead.length)
    return {
      ...inconclusiveStep('domain.mx', `Whether the MX hosts of ${d} resolve could not be checked`, unsure[0].responses[0] ?? null),
      evidence,
    };
  const fix: string[] = [];
  for (const h of literal)
    fix.push(
      `The MX record "${h.preference} ${h.name}" names an IP address; an MX must name a host. Publish a name for the server (e.g. mx.${d}. IN A ${h.name}) and point the MX at it: ${d}. IN MX ${h.preference} mx.${d}.`,
    );
  for (const h of dead)
    fix.push(
      `${h.name} has no address (A or AAAA): remove this MX record if the host is gone, or publish its address: ${h.name}. IN A <the server's IP>`,
    );
  for (const h of alias)
    fix.push(
      `${h.name} is an alias (CNAME → ${h.cname.join(' → ')}): point the MX record at the canonical name ${h.cname.at(-1)} instead (RFC 2181 §10.3).`,
    );
  const broken = literal.length + dead.length;
  const status = !usable.length ? 'fail' : broken || alias.length ? 'warn' : 'pass';
  const title = !usable.length
    ? `No MX host of ${d} can be reached: ${[...literal.map((h) => `${h.name} is an IP address, not a host name`), ...dead.map((h) => `${h.name} has no address`)].join('; ')}`
    : broken
      ? `${broken} of ${hosts.length} MX hosts of ${d} cannot receive mail (${[...literal, ...dead].map((h) => h.name).join(', ')}); mail goes to ${usable.map(hostWords).join(', ')}`
      : alias.length
        ? `${d} receives mail at ${usable.map(hostWords).join(', ')}, but ${alias.map((h) => h.name).join(', ')} ${alias.length > 1 ? 'are aliases' : 'is an alias'} (CNAME), which an MX must not name`
        : `${d} receives mail at ${usable.map(hostWords).join(', ')}`;
  return {
    rule: 'domain.mx',
    status,
    title,
    evidence,
    detail:
      status === 'pass'
        ? 'Every MX host resolves to an address. Senders try them in order of preference (lowest first).'
        : 'Senders look up the MX hosts of a domain and connect to their addresses (RFC 5321 §5.1); a host that does not resolve is skipped, and when none resolves, mail to the domain is deferred and bounced. An MX that names an alias works with many senders but is forbidden (RFC 2181 §10.3), and some refuse it.',
    fix,
    verify: [...verify, ...hosts.filter((h) => !h.literal).map((h) => `dig +short A ${h.name}; dig +short AAAA ${h.name}`)],
    sources: [...sources, 'RFC 2181 §10.3'],
  };
}

/**
 * domain.mx-rdns, for a domain given alone: the reverse DNS of its MX hosts'
 * addresses. Receiving needs none, but receivers judge the PTR and its
 * forward confirmation of every server that SENDS to them (RFC 8601 §3
 * iprev; Gmail's and Microsoft's sender requirements), and a domain's own
 * server — an MX host under the domain itself, as a self-hosted set-up has
 * — usually sends its mail too. So a missing or unconfirmed PTR there is a
 * warning; at a provider's inbound hosts (another domain's names) a note.
 */
function mxReverseStep(c: MxDomainCheck): Step | null {
  const d = c.domain;
  const checked = (c.hosts ?? []).flatMap((h) => h.ptr.map((p) => ({ h, p })));
  if (!checked.length) return null;
  const org = organizationalDomain(d);
  const own = (h: MxHost) => h.name === org || h.name.endsWith(`.${org}`);
  const confirmed = (p: PtrCheck) => p.outcome === 'found' && p.forward.some((f) => f.outcome === 'match');
  const unsure = (p: PtrCheck) =>
    p.outcome === 'error' || (p.outcome === 'found' && !confirmed(p) && p.forward.some((f) => f.outcome === 'error'));
  const evidence = checked.flatMap(({ h, p }) => [
    { text: reverseWords(h, p), line: 0 },
    { text: dnsEvidenceText(p.response), line: 0 },
    ...p.forward.map((f) => ({ text: dnsEvidenceText(f.response), line: 0 })),
  ]);
  const verify = checked.map(({ p }) => `dig -x ${p.ip} +short`);
  const sources = ['RFC 8601 §3 (iprev)', 'RFC 1912 §2.1', 'M3AAWG Sender Best Common Practices (rDNS)'];
  const bad = checked.filter(({ p }) => !confirmed(p) && !unsure(p));
  if (!bad.length && checked.every(({ p }) => unsure(p)))
    return {
      ...inconclusiveStep('domain.mx-rdns', `The reverse DNS of the MX hosts of ${d} could not be checked`, checked[0].p.response),
      evidence,
    };
  if (!bad.length)
    return {
      rule: 'domain.mx-rdns',
      status: checked.some(({ p }) => unsure(p)) ? 'inconclusive' : 'pass',
      title: `The MX hosts of ${d} have forward-confirmed reverse DNS (${checked.map(({ p }) => `${p.ip} → ${p.names[0]}`).join(', ')})`,
      evidence,
      fix: [],
      verify,
      sources,
    };
  const mine = bad.filter(({ h }) => own(h));
  const words = (x: { h: MxHost; p: PtrCheck }) =>
    `${x.h.name} (${x.p.ip}) ${x.p.outcome === 'none' ? 'has no PTR record' : `has a PTR (${x.p.names.join(', ')}) that does not lead back to it`}`;
  return {
    rule: 'domain.mx-rdns',
    status: mine.length ? 'warn' : 'info',
    title: mine.length
      ? `${mine.map(words).join('; ')}: if this server also sends the mail of ${d}, receivers refuse or junk it`
      : `${bad.map(words).join('; ')}: a provider's receiving host, harmless unless it also sends your mail`,
    evidence,
    detail:
      "Receiving mail needs no reverse DNS, but receivers check the PTR of every server that sends to them, and that its name resolves back to the same address (forward-confirmed reverse DNS); without it Gmail, Microsoft and many others refuse or junk the mail. A self-hosted MX usually sends the domain's mail too. The PTR belongs to the owner of the IP block (the ISP or hosting provider), not to the domain's DNS.",
    fix: mine.map(
      ({ h, p }) =>
        `Ask the owner of the IP block of ${p.ip} (usually the ISP or hosting provider; \`whois ${p.ip}\` shows who it is) to set its PTR to the host's name, which already resolves to it: ${p.reverse}. IN PTR ${h.name}.`,
    ),
    verify,
    sources,
  };
}

/**
 * One of the optional records: information when absent or valid; a warning
 * when it is there but senders or receivers would ignore it (several, or
 * invalid: RFC 8461 §3.1, RFC 8460 §3, BIMI §4 all say so).
 */
function policyStep(o: {
  rule: string;
  record: DomainRecord;
  read: (r: string) => PolicyRecordReading;
  found: (r: PolicyRecordReading) => string;
  none: string;
  what: string;
  example: string;
  sources: string[];
  verify: string[];
  detail?: (r: PolicyRecordReading) => string | undefined;
}): Step {
  const r = o.record;
  if (r.outcome === 'error') return inconclusiveStep(o.rule, `${r.name} could not be checked`, r.response);
  const base = { rule: o.rule, evidence: ev(r), verify: o.verify, sources: o.sources };
  if (r.outcome === 'none') return { ...base, status: 'info', title: o.none, fix: [] };
  if (r.values.length > 1)
    return {
      ...base,
      status: 'warn',
      title: `${r.name} holds ${r.values.length} ${o.what} records: senders then treat the domain as having none`,
      fix: [`Delete all but one of the TXT records at ${r.name}; the one to keep, e.g.: ${r.name}. IN TXT "${o.example}"`],
    };
  const reading = o.read(r.values[0]);
  if (reading.problems.length)
    return {
      ...base,
      status: 'warn',
      title: `The ${o.what} record at ${r.name} is invalid (${reading.problems.join('; ')}): it is ignored`,
      fix: [`Replace it by a valid record, e.g. ${r.name}. IN TXT "${o.example}"`],
    };
  return { ...base, status: 'info', title: o.found(reading), detail: o.detail?.(reading), fix: [] };
}

/** BIMI needs DMARC enforcement (quarantine or reject, for all mail) before receivers show the logo. */
function bimiDmarcStep(c: MxDomainCheck, dmarc: DmarcCheck | null): Step | null {
  if (c.bimi.outcome !== 'found' || !dmarc || dmarc.evaluation.lookup.outcome === 'error') return null;
  const lk = dmarc.evaluation.lookup;
  const rec = lk.outcome === 'found' ? lk.record : null;
  const policy = dmarc.evaluation.policy ?? rec?.policy ?? null;
  const enforced = !!rec && (policy === 'quarantine' || policy === 'reject') && rec.pct === 100;
  if (enforced) return null;
  return {
    rule: 'domain.bimi',
    status: 'warn',
    title: `${c.domain} publishes BIMI, but its DMARC policy is ${rec ? `p=${policy ?? 'none'}${rec.pct < 100 ? ` pct=${rec.pct}` : ''}` : 'missing'}: receivers show no logo without p=quarantine or p=reject for all mail`,
    evidence: [...ev(c.bimi), ...lk.responses.map((r) => ({ text: dnsEvidenceText(r), line: 0 }))],
    fix: [
      `Move the DMARC policy of ${lk.policyDomain ?? c.domain} to p=quarantine (pct=100) or p=reject once its reports show every sender passing (see the dmarc.* steps).`,
    ],
    verify: [`dig +short TXT _dmarc.${lk.policyDomain ?? c.domain}`],
    sources: ['https://bimigroup.org/implementation-guide/ (BIMI Group: DMARC at enforcement)'],
  };
}

export const senderDomainRecords: Rule = {
  steps: [{ id: 'domain.mx' }, { id: 'domain.mx-rdns' }, { id: 'domain.mta-sts' }, { id: 'domain.tls-rpt' }, { id: 'domain.bimi' }],
  reads: ['mx', 'dmarc'],
  sources: [
    'RFC 5321 §5.1',
    'RFC 7505',
    'RFC 2181 §10.3',
    'RFC 8601 §3 (iprev)',
    'RFC 8461',
    'RFC 8460',
    'https://bimigroup.org/implementation-guide/ (BIMI Group)',
  ],
  run(ctx) {
    const c = ctx.live.mxDomain;
    if (!c) return [];
    const d = c.domain;
    const steps: Step[] = [mxStep(c)];
    const rdns = mxReverseStep(c);
    if (rdns) steps.push(rdns);
    steps.push(
      policyStep({
        rule: 'domain.mta-sts',
        record: c.mtaSts,
        read: readMtaStsRecord,
        found: () => `${d} announces MTA-STS (${c.mtaSts.values[0]})`,
        none: `${d} does not use MTA-STS (optional: it makes senders require TLS to its MX)`,
        what: 'MTA-STS',
        example: 'v=STSv1; id=20260101000000',
        sources: ['RFC 8461'],
        verify: [`dig +short TXT _mta-sts.${d}`, `curl https://mta-sts.${d}/.well-known/mta-sts.txt`],
        detail: () =>
          `The policy itself is a file at https://mta-sts.${d}/.well-known/mta-sts.txt, on another web origin that a browser page cannot read (no CORS), so it was not checked here: fetch it with the curl command and check that "mx:" lists every MX host and that mode is testing or enforce.`,
      }),
      policyStep({
        rule: 'domain.tls-rpt',
        record: c.tlsRpt,
        read: readTlsRptRecord,
        found: () => `${d} asks for TLS reports: ${c.tlsRpt.values[0]}`,
        none: `${d} asks for no TLS reports (TLS-RPT, optional)`,
        what: 'TLS-RPT',
        example: `v=TLSRPTv1; rua=mailto:tls-reports@${d}`,
        sources: ['RFC 8460'],
        verify: [`dig +short TXT _smtp._tls.${d}`],
      }),
    );
    // read always: whether BIMI can show its logo depends on the DMARC policy
    const dmarc = ctx.live.dmarc;
    steps.push(
      bimiDmarcStep(c, dmarc) ??
        policyStep({
          rule: 'domain.bimi',
          record: c.bimi,
          read: readBimiRecord,
          found: () => `${d} publishes a BIMI logo record: ${c.bimi.values[0]}`,
          none: `${d} has no BIMI record (optional: a brand logo in supporting inboxes; needs DMARC at quarantine or reject)`,
          what: 'BIMI',
          example: `v=BIMI1; l=https://${d}/logo.svg; a=https://${d}/vmc.pem`,
          sources: ['https://bimigroup.org/implementation-guide/ (BIMI Group)'],
          verify: [`dig +short TXT default._bimi.${d}`],
        }),
    );
    return steps;
  },
};
