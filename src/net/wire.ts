// DNS wire format for RFC 8484 GET, with dns-packet: the query (id 0, RD,
// AD requested per RFC 6840 §5.7) as base64url without padding, and the
// answer decoded into core's DnsResponse shape.

import { Buffer } from 'buffer';
import dnsPacket from 'dns-packet';
import type { DnsRecord, RRType } from '../core/dns/resolver';

export function encodeQuery(name: string, type: RRType): string {
  const buf = dnsPacket.encode({
    type: 'query',
    id: 0, // RFC 8484 §4.1: id 0 makes GET responses cache-friendly
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.AUTHENTIC_DATA,
    questions: [{ type, name, class: 'IN' }],
  });
  return Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface DecodedAnswer {
  rcode: string;
  ad: boolean;
  answers: DnsRecord[];
  /**
   * Seconds the answer may be cached: the lowest TTL of the answer records, or
   * for a negative answer min(SOA TTL, SOA MINIMUM) (RFC 2308 §5); null when a
   * negative answer carries no SOA ("SHOULD NOT be cached", RFC 2308 §5).
   */
  ttl: number | null;
}

function txtStrings(data: unknown): string[] {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p as Uint8Array)));
}

function toRecord(a: dnsPacket.Answer): DnsRecord | null {
  const base = {
    name: String(a.name).replace(/\.$/, '').toLowerCase(),
    type: a.type,
    ttl: 'ttl' in a && typeof a.ttl === 'number' ? a.ttl : 0,
  };
  const data = (a as { data?: unknown }).data;
  switch (a.type) {
    case 'A':
    case 'AAAA':
      return { ...base, data: String(data) };
    case 'PTR':
    case 'CNAME':
    case 'NS':
      return { ...base, data: String(data).replace(/\.$/, '').toLowerCase() };
    case 'TXT': {
      const strings = txtStrings(data);
      return { ...base, data: strings.join(''), strings };
    }
    case 'MX': {
      const mx = data as { preference: number; exchange: string };
      const exchange = String(mx.exchange).replace(/\.$/, '').toLowerCase();
      return { ...base, data: `${mx.preference} ${exchange}`, preference: mx.preference, exchange };
    }
    case 'SOA': {
      const soa = data as { mname: string; rname: string; serial: number; minimum: number };
      return { ...base, data: `${soa.mname} ${soa.rname} ${soa.serial} min ${soa.minimum}` };
    }
    default:
      return null;
  }
}

/**
 * Decode an answer and check it answers our question (RFC 8484 §4.2.1: the
 * client matches the question, since the id is 0). Returns an error string
 * instead of throwing on garbage.
 */
export function decodeAnswer(body: Uint8Array, name: string, type: RRType): DecodedAnswer | { error: string } {
  let p: dnsPacket.Packet;
  try {
    p = dnsPacket.decode(Buffer.from(body));
  } catch (e) {
    return { error: `not a DNS message (${(e as Error).message})` };
  }
  // a message followed by more bytes is not what a resolver sends (RFC 8484 §4.2.1: the body is one message)
  const used = (dnsPacket.decode as unknown as { bytes: number }).bytes;
  if (used !== body.length) return { error: `not one DNS message: ${body.length - used} bytes after its end` };
  if (p.type !== 'response') return { error: 'not a DNS response (a query came back)' };
  if (p.id !== 0) return { error: `wrong message id ${p.id} (expected 0)` };
  const q = p.questions?.[0];
  if (!q || q.name.replace(/\.$/, '').toLowerCase() !== name.toLowerCase() || q.type !== type) {
    return { error: `answer to another question (${q ? `${q.name} ${q.type}` : 'none'})` };
  }
  const flags = p.flags ?? 0;
  // TC: the resolver's own answer was cut short (RFC 1035 §4.1.1); what is missing could be the
  // record asked for, so a truncated answer is no answer (a "no SPF record" from it would be false)
  if (flags & dnsPacket.TRUNCATED_RESPONSE) return { error: 'the answer is truncated (TC flag): incomplete' };
  const answers = (p.answers ?? []).map(toRecord).filter((r): r is DnsRecord => r !== null);
  const soa = (p.authorities ?? []).find((r) => r.type === 'SOA') as { ttl?: number; data: { minimum: number } } | undefined;
  const rcode = (p as { rcode?: string }).rcode ?? 'NOERROR';
  const positive = answers.some((a) => a.type === type);
  let ttl: number | null;
  if (positive) ttl = Math.min(...answers.map((a) => a.ttl));
  else if (soa) ttl = Math.min(soa.ttl ?? 0, soa.data.minimum);
  else ttl = null;
  return { rcode, ad: (flags & dnsPacket.AUTHENTIC_DATA) !== 0, answers, ttl };
}
