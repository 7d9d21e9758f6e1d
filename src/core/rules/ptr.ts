// ptr.missing and ptr.mismatch: the sending IP's reverse DNS, as the receiver
// logged it and as DNS says now. Most large receivers refuse or junk mail from
// IPs without a forward-confirmed PTR (Gmail: "The sending IP must have a PTR
// record", support.google.com/a/answer/81126; Microsoft, Yahoo likewise).

import type { EvidenceItem, Step } from '../types';
import { dnsEvidenceText, inconclusiveStep, type Rule, type RuleContext } from './rule';
import { isFQDN, isNonPublicIP, normalizeIP } from '../dns/names';

const SOURCES = [
  'https://www.m3aawg.org/sites/default/files/m3aawg-managing-smtp-reverse-dns-2018-03.pdf (one PTR per sending IP, forward-confirmed)',
  'RFC 1912 §2.1 (every Internet-reachable host should have a PTR)',
  'https://support.google.com/a/answer/81126 (Gmail sender guidelines: PTR and forward DNS)',
];

/** A name to suggest for the PTR: one that already resolves to the IP, else the HELO if it is an FQDN, else mail.<sender domain>. */
function suggestedName(ctx: RuleContext): string {
  // a name of the sender's that already resolves to the IP: the PTR is then forward-confirmed at once
  const confirmed = ctx.live.ptr?.confirmedNames[0];
  if (confirmed) return confirmed;
  const helo = ctx.subjects.helo?.value;
  if (helo && isFQDN(helo)) return helo.replace(/\.$/, '');
  const domain = ctx.subjects.mailFromDomain?.value ?? ctx.subjects.fromDomain?.value;
  if (domain) return `mail.${domain}`;
  // an IP given alone names no domain: a placeholder no one takes for a real name
  return ctx.evidence.target ? 'mail.<your domain>' : 'mail.example.org';
}

function loggedPtr(ctx: RuleContext, ip: string): EvidenceItem[] {
  return ctx.evidence.logged
    .filter((l) => l.check === 'ptr' && (l.subject === ip || !l.subject))
    .map((l) => ({
      text: `The receiver logged: ${l.result === 'none' ? 'no PTR records found' : l.result === 'pass' ? `PTR ${l.detail}` : `PTR lookup ${l.result}`}`,
      line: l.line,
    }));
}

export const ptrMissing: Rule = {
  steps: [{ id: 'ptr.missing', explains: ['requireptr', 'blocked', 'rejected'], judgesClientAsServer: true }],
  reads: ['ptr'],
  sources: SOURCES,
  run(ctx) {
    const ip = ctx.subjects.ip;
    const check = ctx.live.ptr;
    if (ip && isNonPublicIP(normalizeIP(ip.value) ?? ip.value)) {
      return [
        {
          rule: 'ptr.missing',
          status: 'info',
          title: `${ip.value} is a private or local address: public reverse DNS and blocklists do not apply`,
          evidence: [{ text: `Sending IP ${ip.value}`, line: ip.line }],
          detail:
            "The receiver saw this client on its own network (RFC 1918 / RFC 6598 / loopback / ULA). Such an address has no public PTR record and is on no public blocklist; a refusal here comes from the receiver's own rules (authentication, relay permissions, message checks).",
          fix: [],
          verify: [],
          sources: ['RFC 1918 (private IPv4)', 'RFC 4193 (unique local IPv6)'],
        },
      ];
    }
    if (!ip || !check) return [];
    const logged = loggedPtr(ctx, ip.value);
    const seenAt: EvidenceItem = { text: `Sending IP ${ip.value}`, line: ip.line };
    if (check.outcome === 'error') {
      // The receiver's own lookup is evidence from its time; DNS now could not confirm it.
      const loggedNone = ctx.evidence.logged.find(
        (l) => l.check === 'ptr' && l.result === 'none' && (l.subject === ip.value || !l.subject),
      );
      if (loggedNone) {
        return [
          {
            ...missingStep(ctx, ip.value, check.reverse, [seenAt, ...logged, { text: dnsEvidenceText(check.response), line: 0 }]),
            status: 'warn',
            title: `The receiver found no PTR record for ${ip.value} (DNS now could not be asked)`,
            retry: true,
          },
        ];
      }
      const s = inconclusiveStep('ptr.missing', `Reverse DNS of ${ip.value} could not be checked`, check.response);
      s.evidence.unshift(seenAt, ...logged);
      return [s];
    }
    const now: EvidenceItem = { text: dnsEvidenceText(check.response), line: 0 };
    if (check.outcome === 'found') {
      return [
        {
          rule: 'ptr.missing',
          status: 'pass',
          title: `${ip.value} has ${check.names.length > 1 ? `${check.names.length} PTR records` : 'a PTR record'}: ${check.names.join(', ')}`,
          evidence: [seenAt, ...logged, now],
          // Several PTRs are legal, but receivers may check only one of them, at random
          // (the resolver's order varies); M3AAWG advises one PTR per sending IP.
          ...(check.names.length > 1
            ? {
                detail:
                  'Several PTR records: a receiver may look at only one of them, in whatever order its resolver returns. Keep a single PTR naming the mail server, forward-confirmed (ptr.mismatch).',
              }
            : {}),
          fix: [],
          verify: [`dig -x ${ip.value} +short`],
          sources: SOURCES,
        },
      ];
    }
    return [missingStep(ctx, ip.value, check.reverse, [seenAt, ...logged, now])];
  },
};

function missingStep(ctx: RuleContext, ip: string, reverse: string, evidence: EvidenceItem[]): Step {
  const name = suggestedName(ctx);
  return {
    rule: 'ptr.missing',
    status: 'fail',
    title: `${ip} has no PTR record (reverse DNS)`,
    evidence,
    detail:
      `Receivers look up the PTR record of the connecting IP; without one, many (Gmail, Microsoft, Yahoo, and servers set to require reverse DNS) refuse or junk the mail. ` +
      `The record lives in the reverse zone of the IP block, which belongs to whoever holds the block — usually the ISP or hosting provider — not to the DNS host of your domain.`,
    fix: [
      `Ask the owner of the IP block (usually your ISP or hosting provider; \`whois ${ip}\` shows who it is) to create: ${reverse}. IN PTR ${name}.`,
      ctx.live.ptr?.confirmedNames.includes(name)
        ? `${name} already resolves to ${ip} (DNS now), so with this PTR the reverse DNS is forward-confirmed.`
        : `Make the name resolve back to the IP (forward-confirmed reverse DNS): ${name}. IN ${ip.includes(':') ? 'AAAA' : 'A'} ${ip}`,
      `Use the same name as the sending server's HELO/EHLO name.`,
    ],
    verify: [`dig -x ${ip} +short`, `nslookup -type=PTR ${reverse}`, `dig +short ${name} ${ip.includes(':') ? 'AAAA' : 'A'}`],
    sources: SOURCES,
  };
}

export const ptrMismatch: Rule = {
  steps: [{ id: 'ptr.mismatch', explains: ['requireptr', 'blocked'], judgesClientAsServer: true }],
  reads: ['ptr'],
  sources: SOURCES,
  run(ctx) {
    const ip = ctx.subjects.ip;
    const check = ctx.live.ptr;
    if (!ip || !check || check.outcome !== 'found') return [];
    const evidence: EvidenceItem[] = [
      { text: `Sending IP ${ip.value}`, line: ip.line },
      { text: dnsEvidenceText(check.response), line: 0 },
    ];
    for (const f of check.forward) evidence.push({ text: dnsEvidenceText(f.response), line: 0 });
    const confirmed = check.forward.filter((f) => f.outcome === 'match');
    const unconfirmed = check.forward.filter((f) => f.outcome === 'nomatch');
    // RFC 8601 §3 (iprev) passes when any name leads back; but a receiver that refused for
    // reverse DNS evidently read another one (Postfix and Exim check one name)
    if (confirmed.length && unconfirmed.length && ctx.evidence.rejections.some((r) => r.reason === 'requireptr')) {
      // Several PTRs, not all forward-confirmed: a receiver that reads one (resolvers
      // rotate their order; Postfix and Exim take the first) gets the bad name part of
      // the time — intermittent "no PTR / no FCrDNS" refusals. M3AAWG: one PTR per IP.
      const bad = unconfirmed.map((f) => f.name);
      return [
        {
          rule: 'ptr.mismatch',
          status: 'fail',
          title: `${ip.value} has ${check.names.length} PTR records and only ${confirmed.map((f) => f.name).join(', ')} resolves back: receivers that read ${bad.join(', ')} see no forward-confirmed name`,
          evidence,
          detail:
            'A receiver checks one PTR name (the first its resolver returns, and resolvers rotate the order), so with a name that does not resolve back the check fails part of the time. An IP should have exactly one PTR (M3AAWG), naming the mail server.',
          fix: [
            `Delete the PTR record${bad.length > 1 ? 's' : ''} ${bad.map((n) => `${check.reverse}. IN PTR ${n}.`).join(', ')} (in the reverse-DNS panel of the IP's provider, often its default name), keeping only ${confirmed[0].name}.`,
          ],
          verify: [`dig -x ${ip.value} +short   (expect only ${confirmed[0].name}.)`],
          sources: SOURCES,
        },
      ];
    }
    if (confirmed.length) {
      const ok = confirmed[0];
      const others = unconfirmed.map((f) => f.name);
      return [
        {
          rule: 'ptr.mismatch',
          status: 'pass',
          title: `Forward-confirmed reverse DNS: ${ok.name} resolves back to ${ip.value}`,
          evidence,
          detail: others.length
            ? `The other PTR name${others.length > 1 ? 's' : ''} (${others.join(', ')}) do${others.length > 1 ? '' : 'es'} not resolve back: receivers that check only one name may pick ${others.length > 1 ? 'them' : 'it'}. An IP should have one PTR (M3AAWG).`
            : undefined,
          fix: [],
          verify: [`dig +short ${ok.name}`],
          sources: SOURCES,
        },
      ];
    }
    if (check.forward.some((f) => f.outcome === 'error')) {
      return [
        {
          ...inconclusiveStep(
            'ptr.mismatch',
            `Whether ${check.names[0]} resolves back to ${ip.value} could not be checked`,
            check.forward.find((f) => f.outcome === 'error')!.response,
          ),
          evidence,
        },
      ];
    }
    const name = check.names[0];
    const type = ip.value.includes(':') ? 'AAAA' : 'A';
    return [
      {
        rule: 'ptr.mismatch',
        status: 'fail',
        title: `Reverse DNS is not forward-confirmed: ${name} does not resolve to ${ip.value}`,
        evidence,
        detail:
          'Receivers accept a PTR name only if its address records lead back to the same IP (FCrDNS, "iprev" in RFC 8601). Otherwise the name is treated as forged or missing.',
        fix: [
          `Add to the zone of ${name}: ${name}. IN ${type} ${ip.value}`,
          `Or have the PTR of ${ip.value} changed to a name that already resolves to it.`,
        ],
        verify: [`dig +short ${name} ${type}`, `dig -x ${ip.value} +short`],
        sources: SOURCES,
      },
    ];
  },
};
