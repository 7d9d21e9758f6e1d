// The CLI's DoH transport: HTTP/2 to https resolvers, as browsers speak to
// them. Node's fetch (undici) speaks HTTP/1.1 and opens one TLS connection per
// request in flight: the seed case's 26 first questions cost 26 TLS
// handshakes, and in a cold process half a second of CPU before the first
// answer could be read (measured against the project's fixture server over
// TLS: every question sent in ~30 ms over one HTTP/2 session, against
// ~200 ms with fetch). One HTTP/2 session per resolver carries every
// question as its own stream.
//
// It has the shape of fetch() for what the resolver engine (src/net/doh.ts)
// uses: GET, an accept header, an AbortSignal; a response with ok, status,
// headers.get() and a streamed body (so the engine's size limit still stops
// reading early). A resolver that does not speak HTTP/2 (ALPN picks
// http/1.1), and plain http:// URLs (a local fixture or resolver), go to
// Node's fetch.

import http2 from 'node:http2';
import type { Readable } from 'node:stream';

const { HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS } = http2.constants;

interface Origin {
  session: http2.ClientHttp2Session;
  /** Resolves true once the session is up with h2, false when the server chose another protocol. */
  ready: Promise<boolean>;
  /** Streams open: the session holds the process open only while it has some. */
  active: number;
}

/**
 * A fetch() for DoH GETs: HTTP/2 sessions to https origins, Node's fetch
 * otherwise. `preconnect(url)` opens the session ahead of the first question
 * (the CLI does it before reading its input: the TLS handshake then overlaps
 * the reading and parsing instead of holding up the first questions).
 */
export function http2Fetch(
  o: {
    /** Node's fetch, or a stand-in: for http:// and resolvers without HTTP/2. */
    fallback?: typeof fetch;
    /** Certificates to trust besides the system's (tests: the fixture server's throwaway one). */
    ca?: string | Buffer;
  } = {},
): typeof fetch & { preconnect: (url: string) => void; close: () => void } {
  const fallback = o.fallback ?? ((...a) => fetch(...a));
  // close(): the run is over; what is still asked (the warm-up, a question a
  // slow resolver has not answered) is abandoned, so it cannot hold the process
  const closing = new AbortController();
  const handOnInTurn = oneAnswerPerTurn();
  const origins = new Map<string, Origin>();
  /** Origins that answered ALPN without h2: plain fetch for them from then on. */
  const noH2 = new Set<string>();

  const sessionFor = (origin: string): Origin => {
    const known = origins.get(origin);
    if (known && !known.session.closed && !known.session.destroyed) return known;
    const session = http2.connect(origin, o.ca ? { ca: o.ca } : {});
    const ready = new Promise<boolean>((resolve, reject) => {
      session.once('connect', () => {
        const alpn = (session.socket as { alpnProtocol?: string | false } | undefined)?.alpnProtocol;
        resolve(alpn === 'h2');
      });
      session.once('error', reject);
      // destroyed by close() before it was up
      session.once('close', () => reject(new Error('session closed')));
    });
    ready.catch(() => undefined);
    const forget = () => {
      if (origins.get(origin)?.session === session) origins.delete(origin);
    };
    session.on('close', forget);
    session.on('goaway', forget);
    session.on('error', forget);
    // an idle session must not keep a CLI run from ending
    session.unref();
    const made = { session, ready, active: 0 };
    origins.set(origin, made);
    return made;
  };

  const f = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // (a string or URL is all the engine passes: `instanceof Request` would touch the global
    // Request, whose first use loads the whole of undici — ~15 ms of compiling in a cold CLI)
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    const method = init?.method ?? 'GET';
    const signal = init?.signal ? AbortSignal.any([init.signal, closing.signal]) : closing.signal;
    if (url.protocol !== 'https:' || method !== 'GET' || noH2.has(url.origin)) return fallback(input, { ...init, signal });
    if (signal?.aborted) throw new DOMException('This operation was aborted', 'AbortError');
    const conn = sessionFor(url.origin);
    let h2: boolean;
    try {
      h2 = await conn.ready;
    } catch (e) {
      throw new TypeError('fetch failed', { cause: e });
    }
    if (!h2) {
      noH2.add(url.origin);
      conn.session.close();
      return fallback(input, { ...init, signal });
    }
    const headers: http2.OutgoingHttpHeaders = { [HTTP2_HEADER_PATH]: url.pathname + url.search };
    // (the engine passes a plain object; the global Headers would load undici, the cost this avoids)
    for (const [k, v] of Object.entries((init?.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
    const stream = conn.session.request(headers, { endStream: true });
    if (conn.active++ === 0) conn.session.ref();
    const onAbort = () => stream.close(http2.constants.NGHTTP2_CANCEL);
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.once('close', () => {
      signal?.removeEventListener('abort', onAbort);
      if (--conn.active === 0 && !conn.session.destroyed) conn.session.unref();
    });
    const response = await new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
      stream.once('response', resolve);
      stream.once('error', (e) => reject(new TypeError('fetch failed', { cause: e })));
      stream.once('close', () => {
        if (signal?.aborted) reject(new DOMException('This operation was aborted', 'AbortError'));
        else reject(new TypeError('fetch failed', { cause: new Error(`stream closed (code ${stream.rstCode})`) }));
      });
    });
    await handOnInTurn();
    const status = Number(response[HTTP2_HEADER_STATUS]);
    const got = (name: string) => {
      const v = response[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
    };
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: '',
      headers: { get: got, has: (n: string) => got(n) !== null },
      body: bodyOf(stream),
      type: 'basic',
      url: url.href,
      // the engine reads `body`; a caller without streams still gets the bytes
      arrayBuffer: async () => {
        const parts: Buffer[] = [];
        for await (const c of stream) parts.push(c as Buffer);
        const b = Buffer.concat(parts);
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
      },
    } as unknown as Response;
  };
  const preconnect = (href: string) => {
    try {
      const url = new URL(href);
      if (url.protocol === 'https:' && !noH2.has(url.origin)) sessionFor(url.origin);
    } catch {
      // not a URL: the first question will say so
    }
  };
  const close = () => {
    closing.abort();
    for (const { session } of origins.values()) session.destroy();
    origins.clear();
  };
  return Object.assign(f as typeof fetch, { preconnect, close });
}

/**
 * The response body as the engine reads it (getReader().read() until done,
 * cancel()), over the stream's own async iterator. Not Readable.toWeb: in a
 * cold process the web streams it builds cost about a millisecond a response
 * (their modules load on first use, and each read goes through several
 * promise hops), spent while the next questions wait to go out; and on Node
 * 20 an adapter could throw "Controller is already closed" outside any
 * promise when data came after the stream was closed, ending the process.
 */
function bodyOf(stream: Readable): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  const cancel = async () => {
    stream.destroy();
  };
  const reader = {
    read: () => chunks.next(),
    cancel,
    releaseLock: () => undefined,
  };
  return { getReader: () => reader, cancel } as unknown as ReadableStream<Uint8Array>;
}

/**
 * A gate that lets one answer through per turn of the event loop. Node's
 * HTTP/2 writes a request only in a later phase of the loop (nghttp2's
 * output is flushed from an "immediate"), after every promise callback
 * queued has run. Answers come in together (the resolver answers a burst of
 * questions in one burst): handed on all at once, the question one of them
 * leads to (a PTR's name's address, an SPF include) would leave only once
 * every other answer had been read and its checks had run. Handed on one
 * per turn, that question is written before the next answer is read
 * (measured on the bench's cold CLI: from the first answer of the first
 * round to the resolver receiving the second round's question, 15–19 ms
 * before, 9–10 ms after, on a loaded machine).
 */
function oneAnswerPerTurn(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  const next = () => {
    waiting.shift()?.();
    if (waiting.length) setImmediate(next);
  };
  return () =>
    new Promise<void>((resolve) => {
      if (waiting.push(resolve) === 1) setImmediate(next);
    });
}
