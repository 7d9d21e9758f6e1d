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
}

export interface DohServerOptions {
  zone: Zone;
  /** Milliseconds before each answer. */
  delay?: number;
  /** Leave out Access-Control-Allow-Origin (a resolver that refuses cross-origin pages). */
  noCors?: boolean;
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
  const seen: SeenQuestion[] = [];
  const t0 = Date.now();

  function answer(query: dnsPacket.Packet): dnsPacket.Packet {
    const q = query.questions?.[0];
    const base = {
      type: 'response' as const,
      id: query.id,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
      questions: query.questions ?? [],
    };
    const withRcode = (rcode: string): dnsPacket.Packet => ({ ...base, flags: base.flags | RCODE_BITS[rcode] });
    if (!q) return withRcode('FORMERR');
    const name = norm(q.name);
    if (servfail.has(name)) return withRcode('SERVFAIL');
    const rrs = byName.get(name);
    if (!rrs) return withRcode('NXDOMAIN');
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
    return { ...base, answers };
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
      setTimeout(() => {
        if (httpError.has(name)) return void res.writeHead(500).end('internal error');
        if (garbage.has(name))
          return void res.writeHead(200, { 'content-type': 'application/dns-message' }).end(Buffer.from('this is not a dns message'));
        const a = answer(query);
        if (wrongId.has(name)) a.id = 4242;
        res.writeHead(200, { 'content-type': 'application/dns-message', 'cache-control': 'max-age=60' }).end(dnsPacket.encode(a));
      }, o.delay ?? 0);
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
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
