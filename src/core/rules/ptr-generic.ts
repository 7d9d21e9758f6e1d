// ptr.generic: the sending IP's PTR name looks like one an ISP gives a whole
// range of end-user addresses (IP digits in it; dsl, dyn, pool, cable…).
// Receivers (Spamhaus PBL, Abusix policy, SpamRATS Dyna, SpamAssassin's
// RDNS_DYNAMIC, many corporate gateways) treat such a host as a client that
// should send through a smarthost, not as a mail server.

import { getDomain } from 'tldts';
import type { Step } from '../types';
import { GENERIC_HINTS, GENERIC_SOURCES, hasIpDigits } from '../knowledge/generic-rdns';
import { dnsEvidenceText, type Rule, type RuleContext } from './rule';

export interface GenericVerdict {
  generic: boolean;
  reasons: string[];
}

/** Why a PTR name looks generic, if it does: only the labels left of the registered domain count. */
export function genericName(name: string, ip: string): GenericVerdict {
  const n = name.toLowerCase().replace(/\.$/, '');
  const reasons: string[] = [];
  if (hasIpDigits(n, ip)) reasons.push("it contains the IP address's own digits");
  const registered = getDomain(n) ?? '';
  const host = registered && n.endsWith(registered) ? n.slice(0, -registered.length).replace(/\.$/, '') : n;
  for (const label of host.split('.').filter(Boolean)) {
    for (const h of GENERIC_HINTS) {
      if (h.pattern.test(label) && !reasons.some((r) => r.includes(h.meaning))) reasons.push(`"${label}" suggests ${h.meaning}`);
    }
  }
  return { generic: reasons.length > 0, reasons };
}

function suggestion(ctx: RuleContext): string {
  const domain = ctx.subjects.mailFromDomain?.value ?? ctx.subjects.fromDomain?.value;
  return domain ? `mail.${domain}` : 'mail.<your domain>';
}

export const ptrGeneric: Rule = {
  steps: [{ id: 'ptr.generic', explains: ['requireptr', 'blocked'], judgesClientAsServer: true }],
  reads: ['ptr'],
  sources: [],
  run(ctx) {
    const ip = ctx.subjects.ip;
    const check = ctx.live.ptr;
    if (!ip || !check || check.outcome !== 'found') return [];
    // judge the name receivers would use: a forward-confirmed one if any
    const name = check.forward.find((f) => f.outcome === 'match')?.name ?? check.names[0];
    const v = genericName(name, ip.value);
    const evidence = [
      { text: `Sending IP ${ip.value}`, line: ip.line },
      { text: dnsEvidenceText(check.response), line: 0 },
    ];
    if (!v.generic) {
      return [
        {
          rule: 'ptr.generic',
          status: 'pass',
          title: `The PTR name ${name} looks like a server's own name, not a generic one`,
          evidence,
          fix: [],
          verify: [`dig -x ${ip.value} +short`],
          sources: GENERIC_SOURCES,
        },
      ];
    }
    const want = suggestion(ctx);
    const type = ip.value.includes(':') ? 'AAAA' : 'A';
    const step: Step = {
      rule: 'ptr.generic',
      status: 'warn',
      title: `The PTR name ${name} looks generic (dynamic or end-user): ${v.reasons.join('; ')}`,
      evidence,
      detail:
        'ISPs give whole ranges of customer addresses names like this. Many receivers and blocklists (Spamhaus PBL, Abusix policy, SpamRATS Dyna, SpamAssassin RDNS_DYNAMIC) treat mail from such an address as coming from an end-user machine, not a mail server, and refuse or score it. ' +
        'Only the holder of the IP block (your ISP or hosting provider) can change the PTR; the DNS host of your domain cannot.',
      fix: [
        `Ask the owner of the IP block (\`whois ${ip.value}\` names it; usually the ISP or hosting provider, often via its control panel: "reverse DNS" / "rDNS") to set the PTR to a name of your own: ${check.reverse}. IN PTR ${want}.`,
        `Make that name resolve back to the IP in your domain's zone: ${want}. IN ${type} ${ip.value}`,
        `Use the same name as the server's HELO/EHLO name.`,
        "If the line is a consumer line whose PTR cannot be changed, send through your provider's smarthost (authenticated relay) instead of delivering directly.",
      ],
      verify: [`dig -x ${ip.value} +short   (expect ${want}.)`, `dig +short ${want} ${type}   (expect ${ip.value})`],
      sources: GENERIC_SOURCES,
    };
    return [step];
  },
};
