// The Received chain as hops in time order (oldest first), with per-hop
// delays, the total transit time, and the origin: the first hop outside the
// receiving organisation, whose client IP the receiver judged (RFC 5321 §4.4:
// each relay prepends its Received field, so the chain is read bottom-up).
//
// How the origin is found, most trusted first:
// 1. an IP the receiver states it judged: Microsoft's X-Forefront-Antispam-Report
//    CIP:, Received-SPF client-ip=, Authentication-Results smtp.remote-ip= or
//    policy.iprev=, MDaemon's X-MDRemoteIP — when a hop has that IP;
// 2. walking from the newest hop down: hops from private addresses, or from
//    hosts of the receiver's own organisation (the registrable domain of the
//    newest "by", the Authentication-Results authserv-id), are internal; the
//    first hop from elsewhere is the origin (SpamAssassin's trusted/internal
//    network inference does the same, Mail::SpamAssassin::Conf "trusted_networks");
// 3. failing both, the oldest hop from a public IP that is not a login
//    (authenticated submission: its client is a user's computer, not a server).

import { getDomain } from 'tldts';
import type { HeaderField, Hop, Origin, StatedIp, Transit } from '../types';
import { isNonPublicIP, normalizeIP } from '../dns/names';
import { organisationOf } from '../knowledge/mail-organisations';
import type { ReceivedFields } from './received';

export interface ReceivedEntry {
  field: HeaderField;
  parsed: ReceivedFields;
}

function toHop(e: ReceivedEntry): Hop {
  const p = e.parsed;
  return {
    from: p.from,
    helo: p.helo,
    rdns: p.rdns,
    ip: p.ip,
    by: p.by,
    with: p.with,
    id: p.id,
    for: p.for,
    date: p.time !== null ? new Date(p.time).toISOString() : null,
    delay: null,
    line: e.field.line,
    via: p.via,
    tls: p.tls,
    auth: p.auth,
    envelopeFrom: p.envelopeFrom,
    relay: p.relay,
  };
}

/** Hops oldest first (the input lists Received fields newest first), with delays in seconds. */
export function buildHops(entries: ReceivedEntry[]): Hop[] {
  const hops = entries.map(toHop).reverse();
  let prev: number | null = null;
  for (const h of hops) {
    const t = h.date ? Date.parse(h.date) : null;
    if (t !== null && prev !== null) h.delay = Math.round(t - prev) / 1000;
    if (t !== null) prev = t;
  }
  return hops;
}

export function transitOf(hops: Hop[]): Transit | null {
  const dated = hops.filter((h) => h.date);
  if (dated.length < 2) return null;
  const first = dated[0];
  const last = dated[dated.length - 1];
  return {
    seconds: Math.round(Date.parse(last.date!) - Date.parse(first.date!)) / 1000,
    firstLine: first.line,
    lastLine: last.line,
    skewedHops: hops.map((h, i) => (h.delay !== null && h.delay < 0 ? i : -1)).filter((i) => i >= 0),
  };
}

function orgOfHost(host: string | null | undefined): string | null {
  if (!host) return null;
  const d = getDomain(host.replace(/\.$/, ''), { allowPrivateDomains: false });
  return d ? organisationOf(d) : null;
}

/** A hop that does not cross organisations: local, from a private address, or between hosts of one organisation. */
function insideOneOrganisation(h: Hop | null): boolean {
  if (!h || !h.relay || !h.ip || isNonPublicIP(h.ip)) return true;
  const from = orgOfHost(h.rdns) ?? orgOfHost(h.helo) ?? orgOfHost(h.from);
  return from !== null && from === orgOfHost(h.by);
}

function isLogin(h: Hop): boolean {
  return !!h.auth;
}

/**
 * `vouches(s, i)`: whether the header that stated the IP was written by the
 * server that received hop i or a later one (not copied along from an
 * earlier receiver, as in a forwarded message).
 */
export function findOrigin(
  hops: Hop[],
  stated: StatedIp[],
  receiverHosts: string[],
  vouches: (s: StatedIp, hop: number) => boolean = () => true,
): Origin | null {
  // 1. an IP the receiver says it judged — provided every later hop stayed inside one
  //    organisation (else the statement is an earlier receiver's, carried along)
  for (const s of stated) {
    for (let i = hops.length - 1; i >= 0; i--) {
      if (!insideOneOrganisation(hops[i + 1] ?? null)) break;
      if (hops[i].ip && hops[i].ip === s.ip && hops[i].relay !== false && vouches(s, i)) {
        return {
          hop: i,
          ip: s.ip,
          reason: 'stated',
          statedBy: s,
          explanation: `The receiver's ${s.header} (line ${s.line}) names ${s.ip} as the connecting IP.`,
        };
      }
    }
  }
  // 2. the organisation boundary, walking down from the newest hop
  const inside = new Set<string>();
  for (const h of receiverHosts) {
    const o = orgOfHost(h);
    if (o) inside.add(o);
  }
  const newest = [...hops].reverse().find((h) => h.by && orgOfHost(h.by));
  if (newest) inside.add(orgOfHost(newest.by)!);
  for (let i = hops.length - 1; i >= 0; i--) {
    const h = hops[i];
    const byOrg = orgOfHost(h.by);
    if (!h.relay || !h.ip) continue;
    if (isNonPublicIP(h.ip)) {
      if (byOrg) inside.add(byOrg);
      continue;
    }
    const fromOrg = orgOfHost(h.rdns) ?? orgOfHost(h.helo) ?? orgOfHost(h.from);
    if (fromOrg && inside.has(fromOrg)) {
      if (byOrg) inside.add(byOrg);
      continue;
    }
    if (isLogin(h)) {
      return {
        hop: i,
        ip: h.ip,
        reason: 'boundary',
        login: true,
        explanation: `The newest hop from outside the receiving servers is a login (${h.auth}) from ${h.ip}: these headers end at the sender's own submission server, so the IP that other receivers judge is that server's, not shown here.`,
      };
    }
    return {
      hop: i,
      ip: h.ip,
      reason: 'boundary',
      explanation: `The first hop from outside the receiving organisation (${[...inside].join(', ') || 'the newest server'}) comes from ${h.ip}.`,
    };
  }
  // 3. the oldest public, non-login relay
  for (let i = 0; i < hops.length; i++) {
    const h = hops[i];
    if (h.relay && h.ip && !isNonPublicIP(h.ip) && !isLogin(h))
      return {
        hop: i,
        ip: h.ip,
        reason: 'fallback',
        explanation: `The oldest hop from a public address, ${h.ip}, is the best guess at the sending server.`,
      };
  }
  return null;
}

/** IPs the receiver states it judged, from its own headers (topmost first). */
export function statedIps(fields: HeaderField[]): StatedIp[] {
  const out: StatedIp[] = [];
  const add = (raw: string | null | undefined, f: HeaderField) => {
    const ip = raw ? normalizeIP(raw.trim()) : null;
    if (ip) out.push({ ip, header: f.name, line: f.line });
  };
  for (const f of fields) {
    const n = f.name.toLowerCase();
    if (n === 'x-forefront-antispam-report') add(/(?:^|;)\s*CIP:([^;]+)/i.exec(f.value)?.[1], f);
    else if (n === 'received-spf') add(/client-ip=([^;\s]+)/i.exec(f.value)?.[1], f);
    else if (n === 'authentication-results') {
      add(/smtp\.remote-ip=([^;\s]+)/i.exec(f.value)?.[1], f);
      add(/policy\.iprev=([^;\s()]+)/i.exec(f.value)?.[1], f);
    } else if (n === 'x-mdremoteip') add(f.value, f);
  }
  return out;
}
