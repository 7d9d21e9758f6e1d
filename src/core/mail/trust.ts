// Which Received hop is the origin (the client the receiving organisation
// judged), which organisation received the message, and so which of the
// authentication headers that organisation wrote and can be believed
// (RFC 8601 §5: "only … header fields … added by the receiving ADMD"). The
// rest of the header section is the sender's, or any relay's, to write.

import { getDomain } from 'tldts';
import type { AuthResultsHeader, HeaderField, Hop, Origin, ReceivedSpfHeader, StatedIp } from '../types';
import { organisationOf } from '../knowledge/mail-organisations';
import { isReceiverTrace } from '../knowledge/server-fields';
import { parseReceived } from './received';
import { buildHops, findOrigin, statedIps, type ReceivedEntry } from './chain';
import { parseAuthResults } from './authres';
import { parseReceivedSpf } from './received-spf';
import { fieldsNamed } from './header-block';

/** The Received chain read, its origin, and the authentication headers with whether each can be believed. */
export interface Trace {
  received: ReceivedEntry[];
  hops: Hop[];
  origin: Origin | null;
  /** Index of the origin's Received among the fields (-1 without an origin). */
  originIndex: number;
  authResults: AuthResultsHeader[];
  receivedSpf: ReceivedSpfHeader[];
}

function orgOf(host: string | null | undefined): string | null {
  if (!host) return null;
  const d = getDomain(host.replace(/\.$/, ''));
  return d ? organisationOf(d) : null;
}

export function readTrace(fields: HeaderField[]): Trace {
  const received: ReceivedEntry[] = fieldsNamed(fields, 'received').map((field) => ({ field, parsed: parseReceived(field.value) }));
  const hops = buildHops(received);
  const authAll = fieldsNamed(fields, 'authentication-results').map((f) => ({ f, ar: parseAuthResults(f.value) }));
  const receiverHosts = authAll.length ? [authAll[0].ar.authservId] : [];
  const origin = findOrigin(hops, statedIps(fields), receiverHosts, vouchedBy(fields, received));
  if (origin && !origin.login) hops[origin.hop].origin = true;
  const orgs = receivingOrganisation(hops, origin, receiverHosts);
  const originField = origin ? received[received.length - 1 - origin.hop].field : null;
  const originIndex = originField ? fields.indexOf(originField) : -1;
  // the fields above the origin's Received were written inside the receiving organisation
  const trustedByPlace = (f: HeaderField) => originIndex >= 0 && fields.indexOf(f) < originIndex;
  const ours = (host: string | null) => {
    const o = orgOf(host);
    return o !== null && orgs.has(o);
  };

  // RFC 8601 §5: believe only Authentication-Results that the receiving organisation wrote
  const authResults: AuthResultsHeader[] = authAll.map(({ f, ar }) => ({
    ...ar,
    line: f.line,
    trusted: trustedByPlace(f) || ours(ar.authservId),
  }));
  if (!origin && authResults.length) authResults[0].trusted = true;

  const receivedSpf: ReceivedSpfHeader[] = fieldsNamed(fields, 'received-spf').map((f, k) => {
    const r = parseReceivedSpf(f.value);
    const trusted =
      trustedByPlace(f) ||
      (!!origin && r.clientIp === origin.ip) ||
      ours(r.receiver) ||
      // no origin found: the topmost Received-SPF is the final receiver's
      (!origin && k === 0);
    return { ...r, line: f.line, trusted };
  });
  return { received, hops, origin, originIndex, authResults, receivedSpf };
}

/** A stated IP counts when its header stands above the hop's Received, or among the trace fields right below it. */
function vouchedBy(fields: HeaderField[], received: ReceivedEntry[]): (s: StatedIp, hop: number) => boolean {
  const fieldIndex = new Map(fields.map((f, i) => [f, i]));
  const byLine = new Map(fields.map((f, i) => [f.line, i]));
  return (s, hop) => {
    const h = fieldIndex.get(received[received.length - 1 - hop].field)!;
    const at = byLine.get(s.line) ?? -1;
    if (at < h) return true;
    for (let k = h + 1; k < at; k++) if (!isReceiverTrace(fields[k].name)) return false;
    return true;
  };
}

/** The receiving organisation: the hosts that handled the message from the origin on (else the first Authentication-Results' writer). */
function receivingOrganisation(hops: Hop[], origin: Origin | null, receiverHosts: string[]): Set<string> {
  const orgs = new Set<string>();
  if (origin) {
    for (const h of hops.slice(origin.hop)) {
      const o = orgOf(h.by);
      if (o) orgs.add(o);
    }
  }
  for (const h of receiverHosts) {
    const o = orgOf(h);
    if (o && (!origin || orgs.size === 0)) orgs.add(o);
  }
  return orgs;
}

/**
 * How many fields, from the top, the receiving organisation wrote: those
 * above the origin's Received, that Received itself, and the trace fields
 * right below it.
 */
export function receiverFieldCount(fields: HeaderField[], originIndex: number): number {
  if (originIndex < 0) return 0;
  let n = originIndex + 1;
  while (n < fields.length && isReceiverTrace(fields[n].name)) n++;
  return n;
}
