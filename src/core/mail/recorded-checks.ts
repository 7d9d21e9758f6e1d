// What the receiver recorded about the message's authentication and its
// sender's reverse DNS, as logged checks beside the live ones ("what the
// receiver saw"): its trusted Authentication-Results (RFC 8601), the reverse
// name its Received line gives the origin, and its Received-SPF (RFC 7208 §9.1)
// when Authentication-Results say nothing of SPF.

import type { AuthResult, LoggedCheck } from '../types';
import { domainOf, domainPart } from '../dns/names';
import type { Trace } from './trust';

export function recordedChecks(trace: Trace): LoggedCheck[] {
  const logged = authResultsChecks(trace);
  logged.push(...originReverseDns(trace));
  if (!logged.some((l) => l.check === 'spf')) {
    const spf = trace.receivedSpf.find((r) => r.trusted);
    if (spf) {
      const dom = spf.envelopeFrom ? (domainOf(spf.envelopeFrom) ?? spf.envelopeFrom) : (spf.helo ?? '');
      logged.push({ check: 'spf', subject: dom, result: spf.result, ...(spf.comment ? { detail: spf.comment } : {}), line: spf.line });
    }
  }
  return logged;
}

/** The check an Authentication-Results method records, and what it was about (RFC 8601 §2.7 properties). */
function checkOf(r: AuthResult): { check: LoggedCheck['check']; subject: string | null } | null {
  const prop = (t: string, n: string) => r.properties.find((p) => p.type === t && p.name === n)?.value ?? null;
  switch (r.method) {
    case 'spf': {
      const mf = prop('smtp', 'mailfrom');
      return { check: 'spf', subject: mf ? (domainOf(mf) ?? domainPart(mf)) : prop('smtp', 'helo') };
    }
    case 'dkim': {
      const identity = prop('header', 'i');
      return { check: 'dkim', subject: prop('header', 'd') ?? (identity ? domainPart(identity) || null : null) };
    }
    case 'dmarc':
      return { check: 'dmarc', subject: prop('header', 'from') };
    case 'iprev':
      return { check: 'fcrdns', subject: prop('policy', 'iprev') ?? prop('smtp', 'remote-ip') };
    default:
      return null;
  }
}

/** Each method's result in the trusted Authentication-Results, once per check, subject (and DKIM signature). */
function authResultsChecks(trace: Trace): LoggedCheck[] {
  const logged: LoggedCheck[] = [];
  const seen = new Set<string>();
  for (const ar of trace.authResults.filter((a) => a.trusted)) {
    for (const r of ar.results) {
      const c = checkOf(r);
      if (!c) continue;
      const b = c.check === 'dkim' ? (r.properties.find((p) => p.type === 'header' && p.name === 'b')?.value ?? '') : '';
      const key = `${c.check}|${c.subject}|${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const detail = [r.comment, r.reason].filter(Boolean).join('; ') || undefined;
      logged.push({ check: c.check, subject: c.subject ?? '', result: r.result, ...(detail ? { detail } : {}), line: ar.line });
    }
  }
  return logged;
}

/** What the receiving server's Received line says about the origin's reverse DNS ("unknown", "may be forged", a name). */
function originReverseDns({ origin, received }: Trace): LoggedCheck[] {
  if (!origin || origin.login) return [];
  const entry = received[received.length - 1 - origin.hop];
  const p = entry.parsed;
  const line = entry.field.line;
  if (p.rdnsNote === 'unknown')
    return [
      {
        check: 'ptr',
        subject: origin.ip,
        result: 'none',
        detail: 'the receiver wrote "unknown": no reverse name that resolves back to the IP',
        line,
      },
    ];
  if (p.rdnsNote === 'forged')
    return [{ check: 'fcrdns', subject: origin.ip, result: 'fail', detail: `${p.rdns ?? 'the reverse name'} "may be forged"`, line }];
  return p.rdns ? [{ check: 'ptr', subject: origin.ip, result: 'pass', detail: p.rdns, line }] : [];
}
