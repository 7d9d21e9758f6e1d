// The project's own DoH fixture server (RFC 8484 GET and POST) on 127.0.0.1,
// answering from a zone table, with faults on demand for the transport tests:
// every way a resolver can fail (see Fault), per name or for every question,
// a delay, and a missing CORS header. It speaks HTTP/1.1, or with `h2` HTTP/2
// over TLS with a throwaway self-signed certificate, as public DoH resolvers
// do (a browser then multiplexes every question on one connection instead of
// six HTTP/1.1 connections; start Chromium with --ignore-certificate-errors).
// Tests never reach a public resolver.

import http from 'node:http';
import http2 from 'node:http2';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Buffer } from 'buffer';
import dnsPacket from 'dns-packet';

export interface ZoneRecord {
  name: string;
  type: string;
  data: string | string[] | { preference?: number; exchange: string };
  ttl?: number;
}

/**
 * Ways a resolver fails, each answered to a question:
 * - servfail, refused: the DNS rcode;
 * - hang: never answers (the client's timeout must fire);
 * - http404, http500: an HTTP error status;
 * - html: 200 with an HTML page (a captive portal, a wrong URL);
 * - not-dns: 200 application/dns-message with bytes that are not a DNS message;
 * - tc: a DNS answer with the TC (truncated) flag and no records;
 * - cut: a real answer cut off in the middle of its records;
 * - wrong-id: a real answer with a message id other than the query's;
 * - wrong-question, wrong-type: the answer to another name, or to another type of the same name;
 * - query: the query sent back (QR clear): a message, but not a response;
 * - junk: a real answer followed by `junkBytes` (50 MB) of junk in the same body.
 */
export type Fault =
  | 'servfail'
  | 'refused'
  | 'hang'
  | 'http404'
  | 'http500'
  | 'html'
  | 'not-dns'
  | 'tc'
  | 'cut'
  | 'wrong-id'
  | 'wrong-question'
  | 'wrong-type'
  | 'query'
  | 'junk';

export const FAULTS: Fault[] = [
  'servfail',
  'refused',
  'hang',
  'http404',
  'http500',
  'html',
  'not-dns',
  'tc',
  'cut',
  'wrong-id',
  'wrong-question',
  'wrong-type',
  'query',
  'junk',
];

export interface Zone {
  records?: ZoneRecord[];
  /** Names answered with a fault. */
  faults?: Record<string, Fault>;
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
  /** Every question is answered with this fault (names in zone.faults keep theirs). */
  fault?: Fault;
  /** Bytes of junk after the answer for the `junk` fault (default 50 MB). */
  junkBytes?: number;
  /** HTTP/2 over TLS with a throwaway certificate (and HTTP/1.1 over TLS for clients without h2). */
  h2?: boolean;
}

export interface SeenQuestion {
  /** Milliseconds since the server started. */
  t: number;
  /** Wall-clock arrival (Date.now()), to line up with a client's own clock. */
  at: number;
  name: string;
  type: string;
}

export interface DohServer {
  url: string;
  seen: SeenQuestion[];
  /** Junk bytes written after answers (the `junk` fault), before the client went away. */
  junkSent: number;
  /** Connections accepted (TLS connections with h2). */
  connections: number;
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
  const slow = new Map(Object.entries(o.zone.slow ?? {}).map(([k, v]) => [norm(k), v]));
  const named = new Map(Object.entries(o.zone.faults ?? {}).map(([k, v]) => [norm(k), v]));
  // the older per-name lists are faults too
  for (const [list, fault] of [
    [o.zone.servfail, 'servfail'],
    [o.zone.refused, 'refused'],
    [o.zone.timeout, 'hang'],
    [o.zone.garbage, 'not-dns'],
    [o.zone.wrongId, 'wrong-id'],
    [o.zone.httpError, 'http500'],
    [o.zone.otherQuestion, 'wrong-question'],
  ] as [string[] | undefined, Fault][])
    for (const n of list ?? []) named.set(norm(n), fault);
  const faultOf = (name: string): Fault | undefined => named.get(name) ?? o.fault;
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
    const fault = faultOf(name);
    if (fault === 'servfail') return withRcode('SERVFAIL');
    if (fault === 'refused') return withRcode('REFUSED');
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

  const state = { junkSent: 0, connections: 0 };

  /** Write `bytes` of junk after `head`, minding backpressure, until done or the client goes away. */
  function junkAfter(res: http.ServerResponse, head: Uint8Array): void {
    const chunk = Buffer.alloc(1 << 20, 0x41);
    let left = o.junkBytes ?? 50 * 1048576;
    let gone = false;
    res.on('close', () => (gone = true));
    res.writeHead(200, { 'content-type': 'application/dns-message' });
    res.write(head);
    const pump = () => {
      while (left > 0 && !gone) {
        const n = Math.min(left, chunk.length);
        left -= n;
        state.junkSent += n;
        const ok = res.write(n === chunk.length ? chunk : chunk.subarray(0, n));
        if (!ok) return void res.once('drain', pump);
      }
      if (!gone) res.end();
    };
    pump();
  }

  function send(res: http.ServerResponse, query: dnsPacket.Packet, name: string): void {
    const fault = faultOf(name);
    const dns = (p: dnsPacket.Packet | Buffer) =>
      void res
        .writeHead(200, { 'content-type': 'application/dns-message', 'cache-control': 'max-age=60' })
        .end(Buffer.isBuffer(p) ? p : dnsPacket.encode(p));
    switch (fault) {
      case 'http404':
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      case 'http500':
        return void res.writeHead(500).end('internal error');
      case 'html':
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!doctype html><html><head><title>Sign in to the network</title></head><body><h1>Welcome</h1></body></html>');
      case 'not-dns':
        return dns(Buffer.from('this is not a dns message'));
      case 'tc': {
        const a = answer(query);
        return dns({ ...a, flags: (a.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE, answers: [], authorities: [] });
      }
      case 'cut': {
        // broken off three bytes before its end (in its records, or in the question of an empty answer)
        const full = dnsPacket.encode(answer(query));
        return dns(full.subarray(0, full.length - 3));
      }
      case 'wrong-id':
        return dns({ ...answer(query), id: 4242 });
      case 'wrong-question':
        return dns(answer({ ...query, questions: [{ type: 'A', name: 'other.example', class: 'IN' }] }));
      case 'wrong-type': {
        const q = query.questions![0];
        return dns(answer({ ...query, questions: [{ ...q, type: q.type === 'TXT' ? 'A' : 'TXT' }] }));
      }
      case 'query':
        return dns(query);
      case 'junk':
        return junkAfter(res, dnsPacket.encode(answer(query)));
      default:
        return dns(answer(query));
    }
  }

  // (HTTP/2's compatibility API has the same request and response methods used here)
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
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
      seen.push({ t: Date.now() - t0, at: Date.now(), name, type: q?.type ?? '' });
      if (faultOf(name) === 'hang') return; // never answers: the client's timeout must fire
      setTimeout(() => send(res, query, name), slow.get(name) ?? o.delay ?? 0);
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
  };
  const server = o.h2
    ? http2.createSecureServer(
        { ...throwawayCertificate(), allowHTTP1: true },
        handler as unknown as Parameters<typeof http2.createSecureServer>[1],
      )
    : http.createServer(handler);
  return new Promise((resolve) => {
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `${o.h2 ? 'https' : 'http'}://127.0.0.1:${port}/dns-query`,
        seen,
        get junkSent() {
          return state.junkSent;
        },
        get connections() {
          return state.connections;
        },
        options: o,
        close: () =>
          new Promise<void>((r) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => r());
            if (!('closeAllConnections' in server)) for (const s of sessions) s.destroy();
          }),
      });
    });
    // an HTTP/2 server has no closeAllConnections: its sessions are closed by hand
    const sessions = new Set<http2.ServerHttp2Session>();
    if (o.h2) {
      (server as http2.Http2SecureServer).on('session', (s) => {
        sessions.add(s);
        s.on('close', () => sessions.delete(s));
      });
      (server as http2.Http2SecureServer).on('secureConnection', (socket) => {
        state.connections++;
        socket.on('error', () => undefined);
      });
    } else server.on('connection', () => state.connections++);
  });
}

/** A self-signed certificate for 127.0.0.1, made with openssl for this process only. */
let certificate: { key: Buffer; cert: Buffer } | null = null;
export function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(path.join(tmpdir(), 'mm-doh-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    certificate = { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
