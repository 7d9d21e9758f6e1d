// helo.invalid: the name the client gave in HELO/EHLO (RFC 5321 §4.1.1.1 and
// §2.3.5: a fully qualified domain name, or an address literal).

import type { EvidenceItem } from '../types';
import { dnsEvidenceText, inconclusiveStep, type Rule } from './rule';
import { settingsList } from '../knowledge/mta-settings';

const SOURCES = [
  'RFC 5321 §4.1.1.1 (EHLO takes the FQDN of the client, or an address literal)',
  'http://www.postfix.org/postconf.5.html#reject_non_fqdn_helo_hostname',
];

export const heloInvalid: Rule = {
  steps: [{ id: 'helo.invalid', explains: ['requireptr'], judgesClientAsServer: true }],
  reads: ['helo', 'ptr'],
  sources: SOURCES,
  run(ctx) {
    const helo = ctx.subjects.helo;
    const check = ctx.live.helo;
    if (!helo || !check) return [];
    const ip = ctx.subjects.ip?.value ?? null;
    const evidence: EvidenceItem[] = [{ text: `The client introduced itself as "${helo.value}"`, line: helo.line }];
    // The IP's own PTR name is the right HELO name when there is one; otherwise the
    // name is a guess, given as an example in prose but never inside a command.
    const ptrName = ctx.live.ptr?.outcome === 'found' ? ctx.live.ptr.names[0] : null;
    const fixName = ptrName ?? `mail.${ctx.subjects.mailFromDomain?.value ?? 'example.org'}`;
    const howTo = `Set the sending server's HELO/EHLO name to its fully qualified name, e.g. ${fixName} (${settingsList('helo-name')}).`;
    if (check.literal) {
      if (check.matchesIp === false) {
        return [
          {
            rule: 'helo.invalid',
            status: 'warn',
            title: `The HELO address literal [${check.literal}] is not the connecting IP ${ip}`,
            evidence,
            fix: [howTo],
            verify: [],
            sources: SOURCES,
          },
        ];
      }
      return [
        {
          rule: 'helo.invalid',
          status: 'info',
          title: `The client used an address literal in HELO ([${check.literal}])`,
          evidence,
          detail: 'Allowed by RFC 5321, but many receivers score it as a sign of a client that is not a proper mail server.',
          fix: [howTo],
          verify: [],
          sources: SOURCES,
        },
      ];
    }
    if (!check.fqdn) {
      return [
        {
          rule: 'helo.invalid',
          status: 'warn',
          title: `The HELO name "${helo.value}" is not a fully qualified domain name`,
          evidence,
          detail:
            'A bare host name such as a Windows computer name shows that a workstation or an application, not a mail server, is sending. Many receivers refuse it outright (Postfix reject_non_fqdn_helo_hostname) or count it against the message.',
          fix: [howTo, "Give the name an A record pointing at the sending IP, and make the IP's PTR point at the name."],
          verify: ['swaks --server <receiver> --ehlo <new name> --quit-after EHLO', `dig +short ${ptrName ?? '<new name>'} A`],
          sources: SOURCES,
        },
      ];
    }
    for (const r of check.responses) evidence.push({ text: dnsEvidenceText(r), line: 0 });
    if (check.resolves === 'error')
      return [
        {
          ...inconclusiveStep('helo.invalid', `Whether the HELO name ${helo.value} resolves could not be checked`, check.responses[0]),
          evidence,
        },
      ];
    if (check.resolves === 'no') {
      return [
        {
          rule: 'helo.invalid',
          status: 'warn',
          title: `The HELO name ${helo.value} does not resolve in DNS`,
          evidence,
          detail: 'Receivers that check the HELO name (Postfix reject_unknown_helo_hostname) refuse names without an A or AAAA record.',
          fix: [ip ? `Add ${helo.value}. IN ${ip.includes(':') ? 'AAAA' : 'A'} ${ip}` : `Add an A record for ${helo.value}`, howTo],
          verify: [`dig +short ${helo.value} A`],
          sources: SOURCES,
        },
      ];
    }
    // Resolves, but elsewhere: Postfix's reject_unknown_helo_hostname accepts it, yet
    // receivers that score HELO (SpamAssassin HELO_DYNAMIC/… rules, Exchange Online's
    // anti-spoofing, M3AAWG's advice that HELO, PTR and A agree) count a name that
    // is neither the IP's PTR name nor pointing at the IP against the sender.
    const ptrNames = ctx.live.ptr?.outcome === 'found' ? ctx.live.ptr.names : [];
    const isPtrName = ptrNames.some((n) => n.toLowerCase() === helo.value.toLowerCase().replace(/\.$/, ''));
    if (ip && check.matchesIp === false && !isPtrName) {
      const type = ip.includes(':') ? 'AAAA' : 'A';
      return [
        {
          rule: 'helo.invalid',
          status: 'warn',
          title: `The HELO name ${helo.value} resolves to ${check.addresses.join(', ')}, not to the sending IP ${ip}${ptrNames.length ? `, and is not its PTR name (${ptrNames.join(', ')})` : ''}`,
          evidence,
          detail:
            "The name a server gives in HELO should be its own: resolving to the connecting IP and matching the IP's PTR name. A HELO that names another host looks like a misconfigured or forged client to receivers that check it.",
          fix: [
            `Either set the HELO/EHLO name to the IP's own name${ptrNames.length ? ` (${ptrNames[0]})` : ''}, or point ${helo.value} at the IP: ${helo.value}. IN ${type} ${ip} — and have the IP's PTR set to ${helo.value} by the IP block's owner.`,
            howTo,
          ],
          verify: [`dig +short ${helo.value} ${type}   (expect ${ip})`, `dig -x ${ip} +short   (expect ${helo.value}.)`],
          sources: [...SOURCES, 'https://www.m3aawg.org/sites/default/files/m3aawg-managing-smtp-reverse-dns-2018-03.pdf'],
        },
      ];
    }
    return [
      {
        rule: 'helo.invalid',
        status: 'pass',
        title: `The HELO name ${helo.value} is a fully qualified name that resolves${check.matchesIp ? ` to ${ip}` : ''}${isPtrName ? " and is the IP's PTR name" : ''}`,
        evidence,
        fix: [],
        verify: [`dig +short ${helo.value}`],
        sources: SOURCES,
      },
    ];
  },
};
