// dnsbl.listed: the sending IP (or the sender's or a linked domain) is on a
// live blocklist that passed its RFC 5782 test points. The step says what the
// listing means, what usually causes it, and how to get off the list; beside
// what DNS says now it shows what the receiver logged at the time.

import type { EvidenceItem, Step } from '../types';
import type { DnsblListResult } from '../checks/dnsbl';
import { queryName } from '../dns/dnsbl-query';
import { dnsEvidenceText, type Rule, type RuleContext } from './rule';
import { getDomain } from 'tldts';
import { MAIL_ORGANISATIONS, organisationOf } from '../knowledge/mail-organisations';

const RFC5782 = 'RFC 5782 (DNS blacklists: query format, return codes, test points)';

/** Receiver words meaning "this IP was found on the list". MDaemon logs a hit as "failed". */
const RECEIVER_LISTED = /^(listed|failed|blocked|found|hit|fail)$|^named in the refusal/;

function subjectText(r: DnsblListResult): string {
  switch (r.subject.source) {
    case 'ip':
      return `The sending IP ${r.subject.value}`;
    case 'mail-from':
      return `The envelope sender's domain ${r.subject.value}`;
    case 'from':
      return `The From: domain ${r.subject.value}`;
    default:
      return `The domain ${r.subject.value}, linked in the message,`;
  }
}

function listName(r: DnsblListResult): string {
  return r.entry ? `${r.entry.name} (${r.zone})` : r.zone;
}

/** What the receiver said about a list: its log's result, or its refusal naming the list. */
export function receiverEvidence(r: DnsblListResult): EvidenceItem[] {
  return r.receiver.map((l) => ({
    text: l.result.startsWith('named in the refusal: ')
      ? `The receiver's refusal names ${r.zone}: ${l.result.slice('named in the refusal: '.length)}`
      : `The receiver logged: ${r.zone} — ${l.result}`,
    line: l.line,
  }));
}

function baseEvidence(r: DnsblListResult): EvidenceItem[] {
  return [{ text: `${subjectText(r).replace(/,$/, '')} (from the input)`, line: r.subject.line }, ...receiverEvidence(r)];
}

function verifyCommand(r: DnsblListResult): string {
  const name = queryName(r.subject.value, r.subject.kind, r.zone) ?? `${r.subject.value}.${r.zone}`;
  return `dig +short ${name} A   (no answer = not listed)`;
}

/**
 * The big mailbox provider whose outgoing server the sending IP is, by its
 * forward-confirmed PTR (mail-wm1-f41.google.com, *.outbound.protection.outlook.com):
 * a Gmail or Outlook.com user's mail refused because the provider's shared IP
 * is listed (a frequent forum question) can neither clean nor delist that IP.
 */
function providerPool(ctx: RuleContext, ip: string): { org: string; name: string } | null {
  const p = ctx.live.ptr;
  if (!p || p.outcome !== 'found' || ctx.subjects.ip?.value !== ip) return null;
  const confirmed = p.forward.filter((f) => f.outcome === 'match').map((f) => f.name);
  for (const name of confirmed) {
    const org = organisationOf(getDomain(name) ?? name);
    if (MAIL_ORGANISATIONS.some((o) => o.name === org)) return { org, name };
  }
  return null;
}

function listedStep(r: DnsblListResult, ctx: RuleContext): Step {
  const a = r.answer;
  const meanings = a.meanings.map((m) => m.meaning);
  const causes = [...new Set(a.meanings.map((m) => m.cause).filter((c): c is string => !!c))];
  if (!causes.length && r.entry?.cause) causes.push(r.entry.cause);
  const policyOnly = a.meanings.length > 0 && a.meanings.every((m) => m.policy);
  const evidence = baseEvidence(r);
  evidence.push({ text: dnsEvidenceText(a.response), line: 0 });
  if (a.txtResponse && a.txt) evidence.push({ text: `The list says: "${a.txt}"`, line: 0 });
  evidence.push({ text: `${r.zone} passed its RFC 5782 test points (127.0.0.2 listed, 127.0.0.1 not), so its answer is trusted`, line: 0 });
  const fix: string[] = [];
  if (r.entry?.listsRanges) {
    fix.push(
      'This list covers a whole range or network, not only your IP: the provider must clean its network, or send through a smarthost elsewhere.',
    );
  }
  // the sub-list's own removal path when the return code has one (Spamhaus PBL ≠ XBL ≠ SBL)
  const byCode = [...new Set(a.meanings.flatMap((m) => m.delistSteps ?? []))];
  const general = r.entry?.delistSteps ?? [
    r.entry?.delist
      ? `Fix the cause, then request removal at ${r.entry.delist}.`
      : `Fix the cause, then follow the removal instructions of ${r.zone}${a.txt ? ` (its TXT record: ${a.txt})` : ''}.`,
  ];
  fix.push(...(byCode.length ? byCode : general));
  const pool = r.subject.source === 'ip' ? providerPool(ctx, r.subject.value) : null;
  if (pool) {
    // the delisting steps are the provider's to take, not its users'
    fix.splice(
      0,
      fix.length,
      `${r.subject.value} is one of the shared outgoing mail servers of ${pool.org} (PTR ${pool.name}, forward-confirmed): its users cannot clean or delist it. Tell the recipient's administrator that ${r.zone} refused a server of ${pool.org} (they can exempt the provider's servers from that list, or apply the list only to the connecting hop), and report the refusal to ${pool.org}; meanwhile write from an address at another provider.`,
      ...(r.entry?.delist ? [`What the list says about the IP: ${r.entry.delist}`] : []),
    );
  } else if (r.subject.source === 'ip' && !policyOnly) {
    fix.unshift(
      "Find what sent the spam before asking for removal, or the listing comes back: check the mail server's queue and logs for unusual volume, compromised accounts (authenticated senders you do not recognise), web forms, and machines behind the same NAT that connect out to port 25.",
    );
  }
  return {
    rule: 'dnsbl.listed',
    status: 'fail',
    title: `${subjectText(r)} is listed on ${listName(r)}: ${meanings.join('; ')}`,
    evidence,
    detail: [
      `${r.entry?.meaning ? r.entry.meaning[0].toUpperCase() + r.entry.meaning.slice(1) + '.' : ''} Return code ${a.codes.join(', ')}: ${meanings.join('; ')}.`,
      causes.length ? `Likely cause: ${causes.join(' ')}` : '',
      policyOnly ? 'This is a policy listing (the address range should not send mail directly), not a sign of abuse.' : '',
    ]
      .filter(Boolean)
      .join(' '),
    fix,
    verify: [verifyCommand(r), ...(r.entry?.delist ? [`Check the status at ${r.entry.delist}`] : [])],
    sources: [...(r.entry?.sources ?? []), RFC5782],
  };
}

/** The receiver saw a listing that DNS does not show now: it expired or was removed. */
function expiredStep(r: DnsblListResult): Step {
  const evidence = baseEvidence(r);
  evidence.push({ text: dnsEvidenceText(r.answer.response), line: 0 });
  return {
    rule: 'dnsbl.listed',
    status: 'warn',
    title: `${subjectText(r)} was listed on ${listName(r)} when the receiver checked, and is not listed now`,
    evidence,
    detail:
      'The listing has expired or was removed since. Mail sent now should pass this list; if the cause is still there, the listing will return.',
    fix: ['Make sure the cause is gone (compromised account, infected host, list without opt-in), then send again.'],
    verify: [verifyCommand(r)],
    sources: [...(r.entry?.sources ?? []), RFC5782],
  };
}

/** The receiver saw a listing that DNS cannot check now: its evidence stands, with a retry. */
function unconfirmedStep(r: DnsblListResult): Step {
  const evidence = baseEvidence(r);
  evidence.push({ text: dnsEvidenceText(r.answer.response), line: 0 });
  evidence.push({ text: `DNS now could not decide: ${r.answer.reason}`, line: 0 });
  return {
    rule: 'dnsbl.listed',
    status: 'warn',
    title: `The receiver found ${r.subject.value} listed on ${listName(r)} (DNS now could not confirm it)`,
    evidence,
    detail:
      `The receiver's own lookup found the listing; this check could not repeat it (see dnsbl.inconclusive). ${r.entry?.meaning ? `A listing there means: ${r.entry.meaning}.` : ''}`.trim(),
    fix: [
      ...(r.entry?.delistSteps ??
        (r.entry?.delist
          ? [`Check the listing and request removal at ${r.entry.delist}.`]
          : [`Check the listing on the web page of ${r.zone}.`])),
    ],
    verify: [verifyCommand(r)],
    sources: [...(r.entry?.sources ?? []), RFC5782],
    retry: true,
  };
}

export const dnsblListed: Rule = {
  steps: [{ id: 'dnsbl.listed', explains: ['blocked', 'rejected', 'spamdetected'] }],
  reads: ['dnsbl', 'ptr'],
  sources: [RFC5782],
  run(ctx: RuleContext) {
    const check = ctx.live.dnsbl;
    if (!check) return [];
    const steps: Step[] = [];
    for (const r of check.results) {
      if (r.answer.verdict === 'listed') steps.push(listedStep(r, ctx));
      else if (r.answer.verdict === 'clean' && r.receiver.some((l) => RECEIVER_LISTED.test(l.result))) steps.push(expiredStep(r));
      else if (r.answer.verdict === 'inconclusive' && r.receiver.some((l) => RECEIVER_LISTED.test(l.result)))
        steps.push(unconfirmedStep(r));
    }
    if (steps.length) return steps;
    const clean = check.results.filter((r) => r.answer.verdict === 'clean');
    if (!clean.length) return [];
    const bySubject = new Map<string, DnsblListResult[]>();
    for (const r of clean) bySubject.set(r.subject.value, [...(bySubject.get(r.subject.value) ?? []), r]);
    return [...bySubject].map(([subject, rs]): Step => ({
      rule: 'dnsbl.listed',
      status: 'pass',
      title: `${subject} is not listed on ${rs.length} blocklist${rs.length > 1 ? 's' : ''} that answered correctly`,
      evidence: [
        { text: `${subjectText(rs[0]).replace(/,$/, '')} (from the input)`, line: rs[0].subject.line },
        ...rs.map((r) => ({
          text: `${listName(r)}: not listed (${r.answer.response.rcode}); it lists its RFC 5782 test point ${r.answer.probe.listed.name}, so it is alive and answering`,
          line: 0,
        })),
      ],
      fix: [],
      verify: rs.slice(0, 3).map(verifyCommand),
      sources: [RFC5782],
    }));
  },
};
