// From a header block to the message's facts: the Received chain and its
// origin, what the receiver recorded about authentication (Authentication-
// Results, Received-SPF, ARC), the DKIM signatures present, the filters'
// verdicts, and the summary fields decoded. Pure and synchronous; the MIME
// body is read later (describe.ts) because postal-mime is asynchronous.

import { getDomain } from 'tldts';
import { decodeWords } from 'postal-mime';
import type { AuthResultsHeader, HeaderField, Hop, LoggedCheck, MessageFacts, ReceivedSpfHeader, StatedIp, SummaryField } from '../types';
import { domainOf, domainPart } from '../dns/names';
import { organisationOf } from '../knowledge/mail-organisations';
import { parseReceived } from './received';
import { buildHops, findOrigin, statedIps, transitOf, type ReceivedEntry } from './chain';
import { parseAuthResults } from './authres';
import { readArc } from './arc';
import { parseDkimSignature } from './dkim-signature';
import { parseReceivedSpf } from './received-spf';
import { readVerdicts } from './verdicts';
import { readMailDate } from './date';
import { fieldsNamed } from './header-block';
import { returnPathOf } from './address';
import { isReceiverTrace } from '../knowledge/server-fields';

export interface MessageReading {
  facts: MessageFacts;
  hops: Hop[];
  /** What the receiver recorded (trusted Authentication-Results / Received-SPF), as logged checks. */
  logged: LoggedCheck[];
  warnings: string[];
}

/** Decode RFC 2047 encoded-words for display; never throws. */
export function decodeHeader(value: string): string {
  try {
    return decodeWords(value);
  } catch {
    return value;
  }
}

function summary(fields: HeaderField[], name: string): SummaryField | null {
  const f = fieldsNamed(fields, name)[0];
  return f ? { name: f.name, value: decodeHeader(f.value), raw: f.value, line: f.line } : null;
}

function orgOf(host: string | null | undefined): string | null {
  if (!host) return null;
  const d = getDomain(host.replace(/\.$/, ''));
  return d ? organisationOf(d) : null;
}

/** Where each of the first `upTo` lines of the text ends: "CRLF", "LF" or "CR" (as splitLines cuts them). */
function lineEnds(text: string, upTo: number): string[] {
  const ends: string[] = [];
  for (let i = 0; i < text.length && ends.length < upTo; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        ends.push('CRLF');
        i++;
      } else ends.push('CR');
    } else if (c === 10) ends.push('LF');
  }
  return ends;
}

function bareLineEnds(text: string, firstLine: number, lastLine: number): MessageFacts['bareLineEnds'] {
  const ends = lineEnds(text, lastLine);
  const header = ends.slice(firstLine - 1, lastLine);
  const crlf = header.filter((e) => e === 'CRLF').length;
  const out: MessageFacts['bareLineEnds'] = [];
  header.forEach((e, k) => {
    // a file of LF lines is the local (Unix) convention, converted on sending;
    // a lone LF among CRLF lines, or any lone CR, is a bare line end (RFC 5322 §2.3)
    if (e === 'CR' || (e === 'LF' && crlf > 0)) out.push({ line: firstLine + k, kind: e as 'CR' | 'LF' });
  });
  return out;
}

/**
 * How many fields, from the top, the receiving organisation wrote: those
 * above the origin's Received, that Received itself, and the trace fields
 * right below it.
 */
function receiverFieldCount(fields: HeaderField[], originIndex: number): number {
  if (originIndex < 0) return 0;
  let n = originIndex + 1;
  while (n < fields.length && isReceiverTrace(fields[n].name)) n++;
  return n;
}

export function readMessageHeaders(
  fields: HeaderField[],
  opts: { text?: string; exactBytes?: boolean; lastLine?: number } = {},
): MessageReading {
  const warnings: string[] = [];
  const received: ReceivedEntry[] = fieldsNamed(fields, 'received').map((field) => ({ field, parsed: parseReceived(field.value) }));
  const hops = buildHops(received);
  const authAll = fieldsNamed(fields, 'authentication-results').map((f) => ({ f, ar: parseAuthResults(f.value) }));
  const receiverHosts = authAll.length ? [authAll[0].ar.authservId] : [];
  // a stated IP counts when its header stands above the hop's Received, or among the trace fields right below it
  const fieldIndex = new Map(fields.map((f, i) => [f, i]));
  const byLine = new Map(fields.map((f, i) => [f.line, i]));
  const vouches = (s: StatedIp, hop: number) => {
    const h = fieldIndex.get(received[received.length - 1 - hop].field)!;
    const at = byLine.get(s.line) ?? -1;
    if (at < h) return true;
    for (let k = h + 1; k < at; k++) if (!isReceiverTrace(fields[k].name)) return false;
    return true;
  };
  const origin = findOrigin(hops, statedIps(fields), receiverHosts, vouches);
  if (origin && !origin.login) hops[origin.hop].origin = true;

  // the receiving organisation: the hosts that handled the message from the origin on
  const receiverOrgs = new Set<string>();
  if (origin) {
    for (const h of hops.slice(origin.hop)) {
      const o = orgOf(h.by);
      if (o) receiverOrgs.add(o);
    }
  }
  for (const h of receiverHosts) {
    const o = orgOf(h);
    if (o && (!origin || receiverOrgs.size === 0)) receiverOrgs.add(o);
  }
  const originField = origin ? received[received.length - 1 - origin.hop].field : null;
  const originIndex = originField ? fields.indexOf(originField) : -1;
  const trustedByPlace = (f: HeaderField) => originIndex >= 0 && fields.indexOf(f) < originIndex;

  // RFC 8601 §5: believe only Authentication-Results that the receiving organisation wrote
  const authResults: AuthResultsHeader[] = authAll.map(({ f, ar }) => {
    const o = orgOf(ar.authservId);
    return { ...ar, line: f.line, trusted: trustedByPlace(f) || (o !== null && receiverOrgs.has(o)) };
  });
  if (!origin && authResults.length) authResults[0].trusted = true;

  const receivedSpf: ReceivedSpfHeader[] = fieldsNamed(fields, 'received-spf').map((f, k) => {
    const r = parseReceivedSpf(f.value);
    const o = orgOf(r.receiver);
    const trusted =
      trustedByPlace(f) ||
      (!!origin && r.clientIp === origin.ip) ||
      (o !== null && receiverOrgs.has(o)) ||
      // no origin found: the topmost Received-SPF is the final receiver's
      (!origin && k === 0);
    return { ...r, line: f.line, trusted };
  });

  // the DKIM engine's reader (auth/dkim): the same tags and checks that verification uses
  const dkimSignatures = fieldsNamed(fields, 'dkim-signature').map((f) => {
    const sig = parseDkimSignature(f.value);
    return {
      line: f.line,
      d: sig.domain,
      s: sig.selector,
      a: sig.a,
      tags: sig.tags.map((t) => ({ name: t.name, value: t.value.replace(/\s+/g, ' ') })),
      problems: [...sig.errors, ...sig.warnings],
    };
  });

  // what the receiver recorded, as logged checks beside the live ones
  const logged: LoggedCheck[] = [];
  const seen = new Set<string>();
  for (const ar of authResults.filter((a) => a.trusted)) {
    for (const r of ar.results) {
      const prop = (t: string, n: string) => r.properties.find((p) => p.type === t && p.name === n)?.value ?? null;
      const detail = [r.comment, r.reason].filter(Boolean).join('; ') || undefined;
      let check: LoggedCheck['check'] | null = null;
      let subject: string | null = null;
      if (r.method === 'spf') {
        check = 'spf';
        const mf = prop('smtp', 'mailfrom');
        subject = mf ? (domainOf(mf) ?? domainPart(mf)) : prop('smtp', 'helo');
      } else if (r.method === 'dkim') {
        check = 'dkim';
        const identity = prop('header', 'i');
        subject = prop('header', 'd') ?? (identity ? domainPart(identity) || null : null);
      } else if (r.method === 'dmarc') {
        check = 'dmarc';
        subject = prop('header', 'from');
      } else if (r.method === 'iprev') {
        check = 'fcrdns';
        subject = prop('policy', 'iprev') ?? prop('smtp', 'remote-ip');
      }
      if (!check) continue;
      const key = `${check}|${subject}|${check === 'dkim' ? (prop('header', 'b') ?? '') : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      logged.push({ check, subject: subject ?? '', result: r.result, ...(detail ? { detail } : {}), line: ar.line });
    }
  }
  // what the receiving server's Received line says about the origin's reverse DNS
  if (origin && !origin.login) {
    const entry = received[received.length - 1 - origin.hop];
    const p = entry.parsed;
    const line = entry.field.line;
    if (p.rdnsNote === 'unknown')
      logged.push({
        check: 'ptr',
        subject: origin.ip,
        result: 'none',
        detail: 'the receiver wrote "unknown": no reverse name that resolves back to the IP',
        line,
      });
    else if (p.rdnsNote === 'forged')
      logged.push({ check: 'fcrdns', subject: origin.ip, result: 'fail', detail: `${p.rdns ?? 'the reverse name'} "may be forged"`, line });
    else if (p.rdns) logged.push({ check: 'ptr', subject: origin.ip, result: 'pass', detail: p.rdns, line });
  }
  if (!logged.some((l) => l.check === 'spf')) {
    const spf = receivedSpf.find((r) => r.trusted);
    if (spf) {
      const dom = spf.envelopeFrom ? (domainOf(spf.envelopeFrom) ?? spf.envelopeFrom) : (spf.helo ?? '');
      logged.push({ check: 'spf', subject: dom, result: spf.result, ...(spf.comment ? { detail: spf.comment } : {}), line: spf.line });
    }
  }

  // the envelope sender: as the receiver recorded it, else the Return-Path it wrote, else the origin hop's
  let mailFrom: MessageFacts['mailFrom'] = null;
  for (const ar of authResults.filter((a) => a.trusted)) {
    const r = ar.results.find((x) => x.method === 'spf');
    const mf = r?.properties.find((p) => p.type === 'smtp' && p.name === 'mailfrom')?.value;
    if (mf) {
      mailFrom = { address: mf, line: ar.line };
      break;
    }
  }
  const returnPath = fieldsNamed(fields, 'return-path')[0];
  const path = returnPath ? returnPathOf(returnPath.value) : null;
  if (!mailFrom && returnPath && path) mailFrom = { address: path, line: returnPath.line };
  if (!mailFrom && origin && hops[origin.hop].envelopeFrom)
    mailFrom = { address: hops[origin.hop].envelopeFrom!, line: hops[origin.hop].line };

  const dateField = summary(fields, 'date');
  const date = dateField ? readMailDate(dateField.raw, true) : null;
  const firstHop = hops.find((h) => h.date);
  const submitDelay = date && firstHop ? Math.round(Date.parse(firstHop.date!) - date.ms) / 1000 : null;

  if (!received.length)
    warnings.push(
      'There are no Received headers: these are the headers of a message as written, before any server handled it (or they were cut off).',
    );
  else if (!origin) warnings.push('No hop from a public IP address was found in the Received headers, so there is no sending IP to check.');

  const facts: MessageFacts = {
    summary: {
      subject: summary(fields, 'subject'),
      from: summary(fields, 'from'),
      sender: summary(fields, 'sender'),
      replyTo: summary(fields, 'reply-to'),
      to: summary(fields, 'to'),
      cc: summary(fields, 'cc'),
      date: dateField ? { ...dateField, iso: date?.iso ?? null } : null,
      messageId: summary(fields, 'message-id'),
      returnPath: summary(fields, 'return-path'),
    },
    origin,
    mailFrom,
    transit: transitOf(hops),
    submitDelay,
    authResults,
    arc: readArc(fields),
    receivedSpf,
    dkimSignatures,
    verdicts: readVerdicts(fields),
    relayHops: hops.filter((h) => h.relay).length,
    smtputf8: hops.some((h) => /^utf8/i.test(h.with ?? '')),
    bareLineEnds:
      opts.exactBytes && opts.text && fields.length
        ? bareLineEnds(opts.text, fields[0].line, opts.lastLine ?? fields[fields.length - 1].line)
        : [],
    receiverFieldCount: receiverFieldCount(fields, originIndex),
  };
  return { facts, hops, logged, warnings };
}
