// DNS blocklists: the sending IP against IP lists, and the sender's domains
// and the domains linked in the message against domain lists. Which lists:
// the well-known ones every large receiver uses (registry `checkByDefault`),
// the ones the receiver's own log shows it queried, the ones its refusal
// names, and any the user added in the settings. Dead lists are not asked
// (dnsbl.defunct explains them). Every list is asked at once, with its
// RFC 5782 test points beside it (dns/dnsbl-query.ts).

import { knowledgeById } from '../knowledge/replies';
import { getDomain } from 'tldts';
import { domainLikeTokens } from '../text/tokens';
import type { Evidence, Subjects } from '../types';
import type { Lookup } from '../dns/lookup';
import { DNSBL_REGISTRY, findDnsbl, type DnsblEntry } from '../knowledge/dnsbl-registry';
import { askDnsbl, type DnsblAnswer } from '../dns/dnsbl-query';
import { isHostname, isIPv4, isNonPublicIP, normalizeIP, normalizeName, toDnsName } from '../dns/names';
import { blocklistKeyProblem } from '../settings';

/** The user's DNSBL settings (kept in the browser only). */
export interface DnsblSettings {
  /** Spamhaus Data Query Service key: ZEN and DBL are then asked at <key>.zen.dq.spamhaus.net… */
  dqsKey?: string;
  /** Abusix Mail Intelligence key: <key>.combined.mail.abusix.zone. */
  abusixKey?: string;
  /** More zones to ask (IP lists), e.g. the receiver's own. */
  zones?: string[];
  /** Ask the registry's default lists (default true). */
  defaults?: boolean;
}

/** A DQS or Abusix key, lowercased, or null: letters and digits only (settings.ts), so it cannot change the query's shape. */
export function validKey(key: string | undefined): string | null {
  if (!key || blocklistKeyProblem(key)) return null;
  return key.trim().toLowerCase();
}

export type WhyAsked = 'default' | 'receiver' | 'refusal' | 'setting';

export interface DnsblSubject {
  value: string;
  kind: 'ipv4' | 'ipv6' | 'domain';
  line: number;
  /** Where the subject comes from: the client IP, MAIL FROM, From:, a link in the message. */
  source: 'ip' | 'mail-from' | 'from' | 'link';
}

export interface DnsblListResult {
  /** The zone as shown (a key replaced by "<key>"). */
  zone: string;
  entry: DnsblEntry | null;
  subject: DnsblSubject;
  why: WhyAsked[];
  /** What the receiver logged about this list, if it did. */
  receiver: { line: number; result: string }[];
  answer: DnsblAnswer;
}

export interface DnsblCheck {
  subjects: DnsblSubject[];
  results: DnsblListResult[];
  /** Lists that were not asked, and why (no key, IPv6 not listed…). */
  notAsked: { zone: string; name: string; why: string }[];
  /** A DQS key was used for Spamhaus. */
  dqs: boolean;
}

/** Domain-looking tokens in a text (a refusal that names its list). */
function domainTokens(text: string): string[] {
  return domainLikeTokens(text).map((t) => t.toLowerCase());
}

/**
 * Zones named as blocklists in a refusal: Postfix's reject_rbl_client says
 * "blocked using <zone>" (postconf(5), reject_rbl_client); Exim's dnslists
 * and many others say "listed (at|in|on) <zone>" / "RBL <zone>". Only zones
 * the registry does not know come from here; known ones are matched by name.
 */
export function unknownListsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:blocked using|listed (?:at|in|on|by)|RBL:?|DNSBL:?)\s+((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi)) {
    const z = m[1].toLowerCase();
    if (!findDnsbl(z) && isHostname(z) && z.split('.').length >= 3) out.push(z);
  }
  return out;
}

/** Registered domains of the links in the message body, at most `max`. */
export function linkedDomains(ev: Evidence, max = 5): { value: string; line: number }[] {
  const msg = ev.message;
  if (!msg?.hasBody) return [];
  const out = new Map<string, number>();
  const lines = msg.raw.split(/\r?\n/);
  let inBody = false;
  for (let i = 0; i < lines.length && out.size < max; i++) {
    if (!inBody) {
      if (lines[i].trim() === '') inBody = true;
      continue;
    }
    // a host in Unicode (https://bücher.example/) is listed, and asked, as its A-label
    for (const m of lines[i].matchAll(/\bhttps?:\/\/([\p{L}\p{N}.-]+)/giu)) {
      const host = toDnsName(m[1]);
      const d = host ? getDomain(host) : null;
      if (d && !out.has(d)) out.set(d, msg.firstLine + i);
      if (out.size >= max) break;
    }
  }
  return [...out].map(([value, line]) => ({ value, line }));
}

export function dnsblSubjects(subjects: Subjects, ev: Evidence): DnsblSubject[] {
  const out: DnsblSubject[] = [];
  const ip = subjects.ip ? normalizeIP(subjects.ip.value) : null;
  if (ip && !isNonPublicIP(ip)) out.push({ value: ip, kind: isIPv4(ip) ? 'ipv4' : 'ipv6', line: subjects.ip!.line, source: 'ip' });
  const seen = new Set<string>();
  const addDomain = (d: { value: string; line: number } | null, source: DnsblSubject['source']) => {
    if (!d) return;
    const reg = getDomain(normalizeName(d.value)) ?? null;
    if (!reg || !isHostname(reg) || seen.has(reg)) return;
    seen.add(reg);
    out.push({ value: reg, kind: 'domain', line: d.line, source });
  };
  addDomain(subjects.mailFromDomain, 'mail-from');
  addDomain(subjects.fromDomain, 'from');
  for (const l of linkedDomains(ev)) addDomain(l, 'link');
  return out;
}

interface Plan {
  zone: string;
  shown: string;
  entry: DnsblEntry | null;
  why: Set<WhyAsked>;
  /** Refusals that name this list. */
  named: { line: number; result: string }[];
}

export async function checkDnsbls(subjects: Subjects, ev: Evidence, dns: Lookup, settings: DnsblSettings = {}): Promise<DnsblCheck> {
  const dqsKey = validKey(settings.dqsKey);
  const abusixKey = validKey(settings.abusixKey);
  const keys = { dqsKey, abusixKey };
  const plans = new Map<string, Plan>();
  const notAsked: DnsblCheck['notAsked'] = [];
  const namedLines = new Map<string, Set<number>>();
  const add = (entry: DnsblEntry | null, zone: string, why: WhyAsked, named?: { line: number; result: string }) => {
    if (entry?.status === 'defunct') return;
    let real = zone;
    let shown = zone;
    if (entry?.keyed) {
      const key = keys[entry.keyed.setting];
      if (!key) {
        if (why === 'default') {
          notAsked.push({
            zone: entry.zone,
            name: entry.name,
            why: `needs a ${entry.keyed.setting === 'dqsKey' ? 'Spamhaus DQS' : 'Abusix'} key in Settings`,
          });
        }
        return;
      }
      real = `${key}.${entry.keyed.keyZone}`;
      shown = `<key>.${entry.keyed.keyZone}`;
    } else if (entry?.dqsZone && dqsKey) {
      real = `${dqsKey}.${entry.dqsZone}`;
      shown = `<key>.${entry.dqsZone}`;
    }
    const p = plans.get(real) ?? { zone: real, shown, entry, why: new Set<WhyAsked>(), named: [] };
    p.why.add(why);
    // each refusal's line once (a set: a list named in thousands of refusals is added in linear time)
    const lines = namedLines.get(real) ?? new Set<number>();
    if (named && !lines.has(named.line)) {
      lines.add(named.line);
      p.named.push(named);
    }
    namedLines.set(real, lines);
    plans.set(real, p);
  };
  if (settings.defaults !== false) for (const e of DNSBL_REGISTRY) if (e.checkByDefault) add(e, e.zone, 'default');
  for (const c of subjects.configuredDnsbls) {
    const z = normalizeName(c.zone);
    if (isHostname(z)) add(findDnsbl(z) ?? null, z, 'receiver');
  }
  for (const r of ev.rejections) {
    // a receiver whose own lookups failed names the list without a listing (Spamhaus "open resolver")
    if (knowledgeById(r.knowledge)?.receiverError) continue;
    // in a log of several sessions, a refusal of another client names no list for this one
    if (r.ip && subjects.ip && r.ip !== subjects.ip.value) continue;
    const named = { line: r.line, result: `named in the refusal: ${[r.code, r.enhanced].filter(Boolean).join(' ')} ${r.text}`.trim() };
    for (const t of domainTokens(r.text)) {
      const e = DNSBL_REGISTRY.find((x) => x.zone === t || x.aliases?.includes(t));
      if (e) add(e, e.zone, 'refusal', named);
    }
    // a list the registry does not know, named the way MTAs name lists
    for (const z of unknownListsIn(r.text)) add(null, z, 'refusal', named);
    // a list named only by its lookup URL
    for (const e of DNSBL_REGISTRY) if (e.mentionedBy?.test(r.text)) add(e, e.zone, 'refusal', named);
  }
  for (const z of settings.zones ?? []) {
    const n = normalizeName(z);
    if (isHostname(n)) add(findDnsbl(n) ?? null, n, 'setting');
  }

  const subs = dnsblSubjects(subjects, ev);
  const jobs: Promise<DnsblListResult>[] = [];
  for (const s of subs) {
    for (const p of plans.values()) {
      const listKind = p.entry?.kind ?? 'ip';
      if ((s.kind === 'domain') !== (listKind === 'domain')) continue;
      if (s.kind === 'ipv6' && p.entry && !p.entry.ipv6) {
        if (!notAsked.some((n) => n.zone === p.shown))
          notAsked.push({ zone: p.shown, name: p.entry.name, why: 'does not list IPv6 addresses' });
        continue;
      }
      const receiver = subjects.configuredDnsbls
        .filter((c) => s.source === 'ip' && (findDnsbl(c.zone) ?? null) === p.entry && (p.entry || normalizeName(c.zone) === p.zone))
        .map((c) => ({ line: c.line, result: c.result }))
        .concat(s.kind === 'domain' ? [] : p.named);
      jobs.push(
        askDnsbl(dns, p.entry, p.zone, s.value, s.kind).then((answer) => ({
          zone: p.shown,
          entry: p.entry,
          subject: s,
          why: [...p.why],
          receiver,
          answer,
        })),
      );
    }
  }
  return { subjects: subs, results: await Promise.all(jobs), notAsked, dqs: dqsKey !== null };
}
