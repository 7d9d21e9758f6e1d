// The project's own DoH fixture server (RFC 8484 GET and POST) on 127.0.0.1,
// answering from a zone table, with faults on demand for the transport tests:
// a delay, SERVFAIL, a hang (timeout), garbage bodies, a wrong message id,
// a missing CORS header, and HTTP errors. Tests never reach a public resolver.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Buffer } from 'buffer';
import dnsPacket from 'dns-packet';

export interface ZoneRecord {
  name: string;
  type: string;
  data: string | string[] | { preference?: number; exchange: string };
  ttl?: number;
}

export interface Zone {
  records?: ZoneRecord[];
  servfail?: string[];
  timeout?: string[];
  /** Names answered with bytes that are not a DNS message. */
  garbage?: string[];
  /** Names answered with a message id other than 0. */
  wrongId?: string[];
  /** Names answered with HTTP 500. */
  httpError?: string[];
  /** Names answered REFUSED. */
  refused?: string[];
  /** Names answered after this many ms (overrides the server's delay). */
  slow?: Record<string, number>;
  /** Names answered with a message for another question. */
  otherQuestion?: string[];
  /** Answer with the AD (authentic data) flag set. */
  ad?: boolean;
  /** Add an SOA to negative answers (so they may be cached, RFC 2308 §5), with this MINIMUM. */
  negativeTtl?: number;
}

export interface DohServerOptions {
  zone: Zone;
  /** Milliseconds before each answer. */
  delay?: number;
  /** Leave out Access-Control-Allow-Origin (a resolver that refuses cross-origin pages). */
  noCors?: boolean;
  /**
   * Answer every rcode as NOERROR with no records, as ../shared/tools/doh-fixture.mjs
   * does (its NXDOMAIN and SERVFAIL come out as NODATA): checks must cope.
   */
  rcodeAsNoerror?: boolean;
  port?: number;
}

export interface SeenQuestion {
  t: number;
  name: string;
  type: string;
}

export interface DohServer {
  url: string;
  seen: SeenQuestion[];
  /** The options in force; tests may change `delay`, `noCors`… between requests. */
  options: DohServerOptions;
  close(): Promise<void>;
}

const norm = (n: string) => n.toLowerCase().replace(/\.$/, '');

/**
 * dns-packet's encoder ignores a `rcode` field: the rcode must sit in the low
 * four bits of the flags (RFC 1035 §4.1.1). (../shared/tools/doh-fixture.mjs
 * passes `rcode` and so answers NOERROR where it means NXDOMAIN or SERVFAIL.)
 */
const RCODE_BITS: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };

function rdata(r: ZoneRecord): unknown {
  if (r.type === 'TXT') return (Array.isArray(r.data) ? r.data : [r.data]).map((s) => Buffer.from(String(s)));
  if (r.type === 'MX') {
    const d = r.data as { preference?: number; exchange: string };
    return { preference: d.preference ?? 10, exchange: d.exchange };
  }
  return r.data;
}

export function startDohServer(o: DohServerOptions): Promise<DohServer> {
  const byName = new Map<string, ZoneRecord[]>();
  for (const r of o.zone.records ?? []) {
    const k = norm(r.name);
    byName.set(k, [...(byName.get(k) ?? []), r]);
  }
  const sets = (xs?: string[]) => new Set((xs ?? []).map(norm));
  const servfail = sets(o.zone.servfail);
  const hang = sets(o.zone.timeout);
  const garbage = sets(o.zone.garbage);
  const wrongId = sets(o.zone.wrongId);
  const httpError = sets(o.zone.httpError);
  const refused = sets(o.zone.refused);
  const otherQuestion = sets(o.zone.otherQuestion);
  const slow = new Map(Object.entries(o.zone.slow ?? {}).map(([k, v]) => [norm(k), v]));
  const seen: SeenQuestion[] = [];
  const t0 = Date.now();

  function answer(query: dnsPacket.Packet): dnsPacket.Packet {
    const q = query.questions?.[0];
    const base = {
      type: 'response' as const,
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (o.zone.ad ? dnsPacket.AUTHENTIC_DATA : 0),
      questions: query.questions ?? [],
    };
    const soa = (name: string) =>
      o.zone.negativeTtl === undefined
        ? []
        : [
            {
              name: name.split('.').slice(-2).join('.'),
              type: 'SOA',
              class: 'IN',
              ttl: o.zone.negativeTtl,
              data: {
                mname: 'ns.invalid',
                rname: 'hostmaster.invalid',
                serial: 1,
                refresh: 3600,
                retry: 600,
                expire: 86400,
                minimum: o.zone.negativeTtl,
              },
            } as dnsPacket.Answer,
          ];
    const withRcode = (rcode: string, name = ''): dnsPacket.Packet => ({
      ...base,
      flags: base.flags | (o.rcodeAsNoerror ? 0 : RCODE_BITS[rcode]),
      authorities: rcode === 'NXDOMAIN' ? soa(name) : [],
    });
    if (!q) return withRcode('FORMERR');
    const name = norm(q.name);
    if (servfail.has(name)) return withRcode('SERVFAIL');
    if (refused.has(name)) return withRcode('REFUSED');
    const rrs = byName.get(name);
    if (!rrs) return withRcode('NXDOMAIN', name);
    const answers: dnsPacket.Answer[] = [];
    let target = rrs;
    const cname = rrs.find((r) => r.type === 'CNAME');
    if (cname && q.type !== 'CNAME') {
      answers.push({ name: q.name, type: 'CNAME', class: 'IN', ttl: cname.ttl ?? 300, data: String(cname.data) } as dnsPacket.Answer);
      target = byName.get(norm(String(cname.data))) ?? [];
    }
    for (const r of target) {
      if (r.type === q.type)
        answers.push({ name: r.name, type: r.type, class: 'IN', ttl: r.ttl ?? 300, data: rdata(r) } as dnsPacket.Answer);
    }
    return { ...base, answers, authorities: answers.length ? [] : soa(name) };
  }

  const server = http.createServer((req, res) => {
    if (!o.noCors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept');
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (url.pathname === '/stats') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(seen));
    if (url.pathname === '/reset') {
      seen.length = 0;
      return void res.writeHead(204).end();
    }
    if (url.pathname !== '/dns-query') return void res.writeHead(404).end();
    const reply = (buf: Buffer) => {
      let query: dnsPacket.Packet;
      try {
        query = dnsPacket.decode(buf);
      } catch {
        return void res.writeHead(400).end('bad dns message');
      }
      const q = query.questions?.[0];
      const name = q ? norm(q.name) : '';
      seen.push({ t: Date.now() - t0, name, type: q?.type ?? '' });
      if (hang.has(name)) return; // never answers: the client's timeout must fire
      setTimeout(
        () => {
          if (otherQuestion.has(name)) {
            const other = answer({ ...query, questions: [{ type: 'A', name: 'other.example', class: 'IN' }] });
            return void res.writeHead(200, { 'content-type': 'application/dns-message' }).end(dnsPacket.encode(other));
          }
          if (httpError.has(name)) return void res.writeHead(500).end('internal error');
          if (garbage.has(name))
            return void res.writeHead(200, { 'content-type': 'application/dns-message' }).end(Buffer.from('this is not a dns message'));
          const a = answer(query);
          if (wrongId.has(name)) a.id = 4242;
          res.writeHead(200, { 'content-type': 'application/dns-message', 'cache-control': 'max-age=60' }).end(dnsPacket.encode(a));
        },
        slow.get(name) ?? o.delay ?? 0,
      );
    };
    if (req.method === 'GET') {
      const b64 = url.searchParams.get('dns');
      if (!b64) return void res.writeHead(400).end('missing dns parameter');
      return reply(Buffer.from(b64.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    }
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => reply(Buffer.concat(chunks)));
      return;
    }
    res.writeHead(405).end();
  });
  return new Promise((resolve) => {
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/dns-query`,
        seen,
        options: o,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

/**
 * A DoH URL on 127.0.0.1 where nothing listens (a resolver that is down): a
 * port taken from the OS and released. (Port 9 would not do: fetch refuses it
 * as a "bad port" before connecting.)
 */
export async function downResolverUrl(): Promise<string> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}/dns-query`;
}
