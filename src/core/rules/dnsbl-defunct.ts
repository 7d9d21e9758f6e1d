// dnsbl.defunct: the receiver still queries a blocklist that no longer exists.
// Dead lists that wildcard ("listed" for every address, as ORDB from 2008 and
// AHBL from 2015) make the receiver refuse all mail; others only slow it down.
// No delisting helps: the list has to go from the receiver's configuration.

import type { EvidenceItem, InputKind, Step } from '../types';
import { findDnsbl } from '../knowledge/dnsbl-registry';
import { domainLikeTokens } from '../text/tokens';
import type { Rule, RuleContext } from './rule';
import { settingIn, type Product } from '../knowledge/mta-settings';

/** The receiving server whose log this is, when the log says which (knowledge/mta-settings.ts knows where its lists are). */
const PRODUCT_OF_LOG: Partial<Record<InputKind, Product>> = { 'mdaemon-log': 'mdaemon', 'postfix-log': 'postfix', 'exim-log': 'exim' };

/** Where the DNSBL list lives in the receiving server's configuration. */
function whereToRemove(ctx: RuleContext, zone: string): { text: string; source?: string } {
  const product = PRODUCT_OF_LOG[ctx.focus?.kind ?? ctx.evidence.inputs[0]?.kind ?? 'unknown'];
  const setting = product && settingIn('dnsbl-remove', product, { zone });
  return setting
    ? { text: setting.where, source: setting.source }
    : { text: `Remove ${zone} from the DNS blocklists the receiving server queries.` };
}

export const dnsblDefunct: Rule = {
  steps: [{ id: 'dnsbl.defunct', explains: ['blocked', 'rejected'] }],
  reads: [],
  sources: ['RFC 5782 (DNS blacklists)'],
  run(ctx) {
    const byZone = new Map<string, EvidenceItem[]>();
    const listedBy = new Set<string>();
    for (const d of ctx.subjects.configuredDnsbls) {
      const entry = findDnsbl(d.zone);
      if (entry?.status !== 'defunct') continue;
      const ev = byZone.get(entry.zone) ?? [];
      ev.push({ text: `The receiver queried ${d.zone}: ${d.result}`, line: d.line });
      byZone.set(entry.zone, ev);
      if (d.result === 'listed') listedBy.add(entry.zone);
    }
    // a refusal that names a dead list ("blocked using relays.ordb.org")
    for (const r of ctx.evidence.rejections) {
      const m = new Set(domainLikeTokens(r.text));
      for (const z of m) {
        const entry = findDnsbl(z);
        if (entry?.status !== 'defunct') continue;
        const ev = byZone.get(entry.zone) ?? [];
        ev.push({ text: `The refusal names ${z}: ${r.code ?? ''} ${r.text}`.trim(), line: r.line });
        byZone.set(entry.zone, ev);
        listedBy.add(entry.zone);
      }
    }
    const steps: Step[] = [];
    for (const [zone, evidence] of byZone) {
      const entry = findDnsbl(zone)!;
      const d = entry.defunct!;
      const shown = ctx.subjects.configuredDnsbls.find((c) => findDnsbl(c.zone) === entry)?.zone ?? zone;
      const where = whereToRemove(ctx, shown);
      steps.push({
        rule: 'dnsbl.defunct',
        status: d.behaviour === 'listed-all' || listedBy.has(zone) ? 'fail' : 'warn',
        title: `${shown} is a dead blocklist (${entry.name}, closed ${d.since}): remove it from the DNS-BL hosts`,
        evidence,
        detail: `${d.note} Its answers say nothing about the sender; no delisting is possible. Any "listed" result from it is false.`,
        fix: [where.text, 'While there, check every other list in use against a current list of live DNSBLs.'],
        verify: [
          `After the change, the next session's DNS-BL block in the log no longer shows ${shown}.`,
          `A dead list gives no meaningful answer to its test point, or "listed" for everything:`,
          `dig +short 2.0.0.127.${shown} A`,
        ],
        sources: where.source ? [...entry.sources, where.source] : entry.sources,
      });
    }
    return steps;
  },
};
