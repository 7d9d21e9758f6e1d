// helo.invalid: the name the client gave in HELO/EHLO (RFC 5321 §4.1.1.1 and
// §2.3.5: a fully qualified domain name, or an address literal).

import type { EvidenceItem, Step } from '../types';
import type { HeloCheck } from '../checks/helo';
import { dnsEvidenceText, inconclusiveStep, type Rule } from './rule';
import { settingsList } from '../knowledge/mta-settings';

const SOURCES = [
  'RFC 5321 §4.1.1.1 (EHLO takes the FQDN of the client, or an address literal)',
  'http://www.postfix.org/postconf.5.html#reject_non_fqdn_helo_hostname',
];

/** What every form of the step shares: the name, the sending IP, the evidence and the fix. */
interface HeloFacts {
  helo: string;
  ip: string | null;
  evidence: EvidenceItem[];
  /** The IP's PTR names (empty when it has none or DNS could not say). */
  ptrNames: string[];
  howTo: string;
}

export const heloInvalid: Rule = {
  steps: [{ id: 'helo.invalid', explains: ['requireptr'], judgesClientAsServer: true }],
  reads: ['helo', 'ptr'],
  sources: SOURCES,
  run(ctx) {
    const helo = ctx.subjects.helo;
    const check = ctx.live.helo;
    if (!helo || !check) return [];
    const ptrNames = ctx.live.ptr?.outcome === 'found' ? ctx.live.ptr.names : [];
    // The IP's own PTR name is the right HELO name when there is one; otherwise the
    // name is a guess, given as an example in prose but never inside a command.
    const fixName = ptrNames[0] ?? `mail.${ctx.subjects.mailFromDomain?.value ?? 'example.org'}`;
    const facts: HeloFacts = {
      helo: helo.value,
      ip: ctx.subjects.ip?.value ?? null,
      evidence: [{ text: `The client introduced itself as "${helo.value}"`, line: helo.line }],
      ptrNames,
      howTo: `Set the sending server's HELO/EHLO name to its fully qualified name, e.g. ${fixName} (${settingsList('helo-name')}).`,
    };
    if (check.literal) return [literalStep(facts, check.literal, check.matchesIp)];
    if (!check.fqdn) return [bareNameStep(facts)];
    for (const r of check.responses) facts.evidence.push({ text: dnsEvidenceText(r), line: 0 });
    return [resolvedStep(facts, check)];
  },
};

/** HELO [192.0.2.1]: allowed by RFC 5321, but it should be the connecting IP. */
function literalStep(f: HeloFacts, literal: string, matchesIp: boolean | null): Step {
  if (matchesIp === false)
    return {
      rule: 'helo.invalid',
      status: 'warn',
      title: `The HELO address literal [${literal}] is not the connecting IP ${f.ip}`,
      evidence: f.evidence,
      fix: [f.howTo],
      verify: [],
      sources: SOURCES,
    };
  return {
    rule: 'helo.invalid',
    status: 'info',
    title: `The client used an address literal in HELO ([${literal}])`,
    evidence: f.evidence,
    detail: 'Allowed by RFC 5321, but many receivers score it as a sign of a client that is not a proper mail server.',
    fix: [f.howTo],
    verify: [],
    sources: SOURCES,
  };
}

/** HELO accounting-pc: a computer's name, not a mail server's. */
function bareNameStep(f: HeloFacts): Step {
  return {
    rule: 'helo.invalid',
    status: 'warn',
    title: `The HELO name "${f.helo}" is not a fully qualified domain name`,
    evidence: f.evidence,
    detail:
      'A bare host name such as a Windows computer name shows that a workstation or an application, not a mail server, is sending. Many receivers refuse it outright (Postfix reject_non_fqdn_helo_hostname) or count it against the message.',
    fix: [f.howTo, "Give the name an A record pointing at the sending IP, and make the IP's PTR point at the name."],
    verify: ['swaks --server <receiver> --ehlo <new name> --quit-after EHLO', `dig +short ${f.ptrNames[0] ?? '<new name>'} A`],
    sources: SOURCES,
  };
}

/** A fully qualified name: does it resolve, and to the sending IP or its PTR name? */
function resolvedStep(f: HeloFacts, check: HeloCheck): Step {
  const { helo, ip, evidence, ptrNames } = f;
  if (check.resolves === 'error')
    return {
      ...inconclusiveStep('helo.invalid', `Whether the HELO name ${helo} resolves could not be checked`, check.responses[0]),
      evidence,
    };
  if (check.resolves === 'no')
    return {
      rule: 'helo.invalid',
      status: 'warn',
      title: `The HELO name ${helo} does not resolve in DNS`,
      evidence,
      detail: 'Receivers that check the HELO name (Postfix reject_unknown_helo_hostname) refuse names without an A or AAAA record.',
      fix: [ip ? `Add ${helo}. IN ${ip.includes(':') ? 'AAAA' : 'A'} ${ip}` : `Add an A record for ${helo}`, f.howTo],
      verify: [`dig +short ${helo} A`],
      sources: SOURCES,
    };
  // Resolves, but elsewhere: Postfix's reject_unknown_helo_hostname accepts it, yet
  // receivers that score HELO (SpamAssassin HELO_DYNAMIC/… rules, Exchange Online's
  // anti-spoofing, M3AAWG's advice that HELO, PTR and A agree) count a name that
  // is neither the IP's PTR name nor pointing at the IP against the sender.
  const isPtrName = ptrNames.some((n) => n.toLowerCase() === helo.toLowerCase().replace(/\.$/, ''));
  if (ip && check.matchesIp === false && !isPtrName) {
    const type = ip.includes(':') ? 'AAAA' : 'A';
    return {
      rule: 'helo.invalid',
      status: 'warn',
      title: `The HELO name ${helo} resolves to ${check.addresses.join(', ')}, not to the sending IP ${ip}${ptrNames.length ? `, and is not its PTR name (${ptrNames.join(', ')})` : ''}`,
      evidence,
      detail:
        "The name a server gives in HELO should be its own: resolving to the connecting IP and matching the IP's PTR name. A HELO that names another host looks like a misconfigured or forged client to receivers that check it.",
      fix: [
        `Either set the HELO/EHLO name to the IP's own name${ptrNames.length ? ` (${ptrNames[0]})` : ''}, or point ${helo} at the IP: ${helo}. IN ${type} ${ip} — and have the IP's PTR set to ${helo} by the IP block's owner.`,
        f.howTo,
      ],
      verify: [`dig +short ${helo} ${type}   (expect ${ip})`, `dig -x ${ip} +short   (expect ${helo}.)`],
      sources: [...SOURCES, 'https://www.m3aawg.org/sites/default/files/m3aawg-managing-smtp-reverse-dns-2018-03.pdf'],
    };
  }
  return {
    rule: 'helo.invalid',
    status: 'pass',
    title: `The HELO name ${helo} is a fully qualified name that resolves${check.matchesIp ? ` to ${ip}` : ''}${isPtrName ? " and is the IP's PTR name" : ''}`,
    evidence,
    fix: [],
    verify: [`dig +short ${helo}`],
    sources: SOURCES,
  };
}
