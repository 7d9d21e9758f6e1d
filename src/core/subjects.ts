// Which IP and names the live checks are about: the client the receiver
// judged in the session that was refused (or the last session), and the
// sender's domains from the envelope and the message.

import { getDomain } from 'tldts';
import type { Evidence, Session, Subjects } from './types';
import type { Lookup } from './dns/lookup';
import { recordsOf } from './dns/resolver';
import { domainOf, isHostname, isIP, isNonPublicIP, normalizeIP } from './dns/names';
import { MAIL_ORGANISATIONS, organisationOf } from './knowledge/mail-organisations';
import { fieldsNamed } from './mail/header-block';
import { messageSubjects } from './mail/subjects';
import { addressIn, dnsDomainOf } from './mail/address';
import { standInIp, standInName, type StandIn } from './knowledge/stand-ins';
import { domainNamedIn } from './knowledge/recorded-checks';

/**
 * In a log of our own server sending, the receiver often echoes the client's
 * public address in its EHLO reply ("250-mx.google.com at your service,
 * [198.51.100.20]"; Outlook.com "Hello [198.51.100.20]"; Postfix "Hello host
 * [ip]"). That is the IP the receiver judged, which the log otherwise lacks.
 */
export function ipEchoedInEhloReply(session: Session): { value: string; line: number } | null {
  for (const r of session.replies) {
    if (r.stage !== 'helo' || r.code !== 250) continue;
    const m = /\[(?:IPv6:)?([0-9a-f:.]+)\]/i.exec(r.text);
    const ip = m && isIP(m[1]) ? normalizeIP(m[1]) : null;
    if (ip && !isNonPublicIP(ip)) return { value: ip, line: r.line };
  }
  return null;
}

/** The session the diagnosis is about: the one with the first refusal, else the last. */
export function focusSession(ev: Evidence): Session | null {
  const first = ev.rejections[0];
  if (first) {
    // the session that got the refusal's reply: a Postfix log interleaves the
    // inbound session (from the submitting client) with the delivery that was
    // refused, and the inbound one's line range spans the delivery's
    const answered = ev.sessions.find((x) => x.replies.some((r) => r.line === first.line));
    if (answered) return answered;
    const s = ev.sessions.find((x) => first.line >= x.startLine && first.line <= x.endLine);
    if (s) return s;
  }
  return ev.sessions[ev.sessions.length - 1] ?? null;
}

/**
 * A domain or an IP pasted alone (parse/target.ts): the IP is checked as a
 * sending server (PTR, FCrDNS, blocklists), the domain as a sender domain
 * (SPF — for the IP when there is one —, DKIM keys, DMARC, MX and the other
 * mail records, domain blocklists), as in a diagnosis of mail from them.
 */
function targetSubjects(t: NonNullable<Evidence['target']>): Subjects {
  return {
    ip: t.ip ? { value: t.ip.value, line: t.ip.line } : null,
    helo: null,
    rdns: null,
    mailFromDomain: t.domain ? { value: t.domain.value, line: t.domain.line } : null,
    fromDomain: null,
    configuredDnsbls: [],
    sendingHost: null,
  };
}

export function findSubjects(ev: Evidence): Subjects {
  if (ev.target) return targetSubjects(ev.target);
  const s = focusSession(ev);
  let ip: Subjects['ip'] = null;
  if (s?.clientIp && s.direction !== 'outbound') ip = { value: s.clientIp, line: s.clientIpLine };
  if (!ip) {
    // a bounce or an outbound log names the sending IP that the receiver judged in its reply
    const judged = ev.rejections.find((r) => r.ip && !isNonPublicIP(r.ip));
    if (judged?.ip && (!s || s.direction === 'outbound')) ip = { value: judged.ip, line: judged.line };
  }
  // our own server's log: the receiver's EHLO reply echoes the public IP it saw
  // (the same IP SPF is evaluated for, auth/identities.ts): PTR and blocklists are about it too
  if (!ip && s?.direction === 'outbound') ip = ipEchoedInEhloReply(s);
  const fromField = ev.message ? fieldsNamed(ev.message.headers, 'from')[0] : undefined;
  const fromAddr = fromField ? addressIn(fromField.value) : null;
  // an internationalised From: domain is checked as its A-label (RFC 5891)
  const fromDomain = fromAddr ? dnsDomainOf(fromAddr) : null;
  const ownCopy = !ip && returnedCopyEndsAtSender(ev, fromDomain);
  if (!ip && !ownCopy) {
    // Received chain: the origin hop that a receiver judged (set by the header reader)
    const origin = ev.hops.find((h) => h.ip && !isNonPublicIP(h.ip));
    if (origin?.ip) ip = { value: origin.ip, line: origin.line };
  }
  // a message's headers: the origin hop the receiving organisation judged (mail/chain.ts), not the oldest public hop
  const fromMessage = s ? null : messageSubjects(ev);
  // (a returned copy's Return-Path still names the envelope sender)
  const msg = ownCopy ? null : fromMessage;
  if (msg && (!ip || ev.hops.some((h) => h.ip === ip?.value && h.line === ip?.line))) ip = msg.ip;
  // the origin hop's HELO and reverse name describe its IP only: when the IP
  // checked is another (the one a bounce's refusal names), they are not its own
  const sameHost = !!msg?.ip && msg.ip.value === ip?.value;
  const mailFrom = s?.mailFrom?.address ? domainOf(s.mailFrom.address) : null;
  // a sending service's event names the sender when the message is not in the input
  const named = (a: { address: string; line: number } | null | undefined) => {
    const d = a ? dnsDomainOf(a.address) : null;
    return d && a ? { value: d, line: a.line } : null;
  };
  // what a receiver recorded (its refusal's words, its Authentication-Results) names the domain and IP
  // it judged when nothing else in the input does: the live checks are about those
  const recorded = (check: string, usable: (l: Evidence['logged'][number]) => boolean) =>
    ev.logged.find((l) => l.check === check && usable(l));
  if (!ip) {
    const r = ev.logged.find((l) => l.refused && l.ip && isIP(l.ip) && !isNonPublicIP(normalizeIP(l.ip) ?? l.ip));
    if (r?.ip) ip = { value: normalizeIP(r.ip) ?? r.ip, line: r.line };
  }
  const domainOfCheck = (l: Evidence['logged'][number] | undefined) =>
    l && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(l.subject) ? { value: l.subject.toLowerCase(), line: l.line } : null;
  // (a domain a refusal names for DMARC is the From: domain, but without the message its alignment
  // cannot be judged: it stands in as the sender domain, as an envelope sender alone does)
  const recordedMailFrom =
    domainOfCheck(recorded('spf', (l) => !!l.refused && !!l.subject)) ??
    domainOfCheck(recorded('dmarc', (l) => !!l.refused && !!l.subject)) ??
    namedByAuthRefusal(ev);
  return {
    ip,
    helo: s?.helo ? { value: s.helo.name, line: s.helo.line } : sameHost ? (msg?.helo ?? null) : null,
    rdns: sameHost ? (msg?.rdns ?? null) : null,
    mailFromDomain:
      mailFrom && s?.mailFrom
        ? { value: mailFrom, line: s.mailFrom.line }
        : (fromMessage?.mailFromDomain ?? named(ev.sender?.mailFrom) ?? recordedMailFrom),
    fromDomain: fromDomain && fromField ? { value: fromDomain, line: fromField.line } : named(ev.sender?.from),
    configuredDnsbls: ev.logged
      .filter((l) => l.check === 'dnsbl' && l.zone && (!s || (l.line >= s.startLine && l.line <= s.endLine)))
      .map((l) => ({ zone: l.zone as string, line: l.line, result: l.result })),
    sendingHost: ip ? null : sendingHostOf(ev),
  };
}

/**
 * The domain an authentication refusal names without stating one check's result (Microsoft's 5.7.515
 * "sending domain example.org doesn't meet the required authentication level"): the receiver judged
 * that domain, so the SPF, DKIM and DMARC checks are about it when nothing else in the input names one.
 */
function namedByAuthRefusal(ev: Evidence): { value: string; line: number } | null {
  for (const r of ev.rejections) {
    if (r.reason !== 'authfailure') continue;
    const d = domainNamedIn(r.text);
    if (d) return { value: d, line: r.line };
  }
  return null;
}

/**
 * A bounce from the sender's own server (Postfix, Exim, Exchange on premises)
 * about a refusal of that server — its PTR (GMX "Bad DNS PTR resource
 * record"), its reputation (Yahoo, Comcast, iCloud, Barracuda) — often names
 * no IP: the receiver refused the server that was talking to it. That server
 * is the last one that handled the returned message: the "by" of its newest
 * Received field. Not for the big providers' servers (their internal names
 * say nothing about the outbound pool the receiver saw).
 */
/**
 * A bounce that returns the message as it left the sender's organisation (an
 * Exchange or Postfix NDR with "Original message headers"): every Received
 * field was written by the sender's own servers, the newest "by" is in the
 * From: domain's organisation, and the oldest client is the user's computer
 * or an application that submitted it. The IP the refusing receiver judged is
 * not among them — it is the newest "by" server's (sendingHostOf).
 */
function returnedCopyEndsAtSender(ev: Evidence, fromDomain: string | null): boolean {
  if (ev.inputs[0]?.kind !== 'bounce' || ev.sessions.length || !fromDomain) return false;
  const newest = [...ev.hops].reverse().find((h) => h.by);
  const host = newest?.by?.replace(/\.$/, '').toLowerCase();
  if (!host || normalizeIP(host) || !isHostname(host)) return false;
  const org = (d: string) => organisationOf(getDomain(d) ?? d);
  return org(host) === org(fromDomain);
}

function sendingHostOf(ev: Evidence): Subjects['sendingHost'] {
  if (ev.inputs[0]?.kind !== 'bounce' || ev.sessions.length) return null;
  if (!ev.rejections.some((r) => r.party === 'sender')) return null;
  const newest = [...ev.hops].reverse().find((h) => h.by);
  const host = newest?.by?.replace(/\.$/, '').toLowerCase();
  if (!newest || !host || !host.includes('.') || normalizeIP(host) || !isHostname(host) || /^localhost\b/.test(host)) return null;
  const org = organisationOf(getDomain(host) ?? host);
  if (MAIL_ORGANISATIONS.some((o) => o.name === org)) return null;
  return { value: host, line: newest.line };
}

/**
 * The subjects with the IP of the sending host, when only its name is known:
 * one public address (A, else AAAA) makes it the IP checked; none, or several,
 * leave the IP unknown rather than guess.
 */
export async function withSendingHostIp(subjects: Subjects, dns: Lookup): Promise<{ subjects: Subjects; note: string | null }> {
  const host = subjects.sendingHost;
  if (subjects.ip || !host) return { subjects, note: null };
  for (const type of ['A', 'AAAA'] as const) {
    const addresses = recordsOf(await dns.query(host.value, type))
      .map((r) => String(r.data))
      .filter((a) => !isNonPublicIP(a));
    if (addresses.length === 1)
      return {
        subjects: { ...subjects, ip: { value: addresses[0], line: host.line } },
        note: `The bounce names no sending IP; the checks use ${addresses[0]}, the address of ${host.value} (line ${host.line}), the server that handled the message last before it was refused.`,
      };
    if (addresses.length > 1)
      return {
        subjects,
        note: `The bounce names no sending IP, and ${host.value} (line ${host.line}) has ${addresses.length} addresses; check the reverse DNS and blocklist listing of the one your server sends from.`,
      };
  }
  return { subjects, note: null };
}

/**
 * The subjects without the stand-ins a poster wrote for their own names and
 * addresses ("mail.mydomain.com", "1.2.3.4", "xxx.xxx.xxx.xxx", and — when
 * the resolver is the public DNS — RFC 2606 / RFC 5737 documentation names):
 * DNS would answer for somebody else, so they are not asked, and a note says
 * which were left out and why. The steps that needed them show their blanks.
 */
export function withoutStandIns(subjects: Subjects, publicDns: boolean): { subjects: Subjects; notes: string[] } {
  const notes: string[] = [];
  const left: string[] = [];
  const out: Subjects = { ...subjects };
  const drop = (s: { value: string; line: number } | null | undefined, found: StandIn | null, what: string): boolean => {
    if (!s || !found || (found.documentation && !publicDns)) return false;
    left.push(s.value.toLowerCase());
    notes.push(
      `The ${what} "${s.value}" (line ${s.line}) looks like a stand-in for the real one (${found.why}), so it was not looked up in DNS; paste the real ${what} to have it checked.`,
    );
    return true;
  };
  if (drop(out.ip, out.ip ? standInIp(out.ip.value) : null, 'sending IP')) out.ip = null;
  if (drop(out.helo, out.helo ? standInName(out.helo.value.replace(/^\[|\]$/g, '')) : null, 'HELO name')) out.helo = null;
  if (drop(out.rdns, out.rdns ? standInName(out.rdns.value) : null, 'reverse DNS name')) out.rdns = null;
  if (drop(out.sendingHost, out.sendingHost ? standInName(out.sendingHost.value) : null, 'sending host')) out.sendingHost = null;
  const domains = new Set<string>();
  for (const key of ['mailFromDomain', 'fromDomain'] as const) {
    const d = out[key];
    if (!d) continue;
    const found = standInName(d.value);
    if (domains.has(d.value) && found && (!found.documentation || publicDns)) out[key] = null;
    else if (drop(d, found, 'sender domain')) out[key] = null;
    domains.add(d.value);
  }
  return { subjects: left.length ? { ...out, standIns: left } : out, notes };
}
