// A fetch that behaves like a browser page's for cross-origin requests, for
// Node tests: a `cors` request to a server that sends no
// Access-Control-Allow-Origin fails with a bare TypeError (as in browsers,
// where the CORS failure and a network failure look alike), and a `no-cors`
// request gets an opaque response. Everything else is Node's real fetch
// against the project's DoH fixture server.

export const browserLikeFetch: typeof fetch = async (input, init) => {
  const mode = init?.mode ?? 'cors';
  const res = await fetch(input, init).catch(() => {
    throw new TypeError('Failed to fetch');
  });
  if (mode === 'no-cors') {
    return { type: 'opaque', ok: false, status: 0, arrayBuffer: async () => new ArrayBuffer(0) } as unknown as Response;
  }
  if (!res.headers.get('access-control-allow-origin')) {
    await res.arrayBuffer().catch(() => undefined);
    throw new TypeError('Failed to fetch');
  }
  return res;
};

/**
 * A fetch that queues like a browser's for HTTP/1.1: at most `perOrigin`
 * requests to one origin on the wire at once, the rest held (unsent) until
 * one finishes — its body read or cancelled — or until they are aborted while
 * waiting. `order`: which held request leaves when a connection frees — the
 * oldest ('fifo'), the youngest ('lifo'), or one at random ('random'): a page
 * is not told which (see src/net/send-line.ts). `sentAt` records when each
 * URL really left.
 */
export function queueingFetch(
  inner: typeof fetch = fetch,
  perOrigin = 6,
  order: 'fifo' | 'lifo' | 'random' = 'fifo',
): typeof fetch & { sentAt: Map<string, number> } {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const sentAt = new Map<string, number>();
  const release = (origin: string) => {
    active.set(origin, (active.get(origin) ?? 1) - 1);
    const q = waiting.get(origin);
    if (!q?.length) return;
    const i = order === 'fifo' ? 0 : order === 'lifo' ? q.length - 1 : Math.floor(Math.random() * q.length);
    q.splice(i, 1)[0]();
  };
  const f = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const origin = url.origin;
    const signal = init?.signal;
    if ((active.get(origin) ?? 0) >= perOrigin) {
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const q = waiting.get(origin) ?? [];
          q.splice(q.indexOf(go), 1);
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.set(origin, [...(waiting.get(origin) ?? []), go]);
      });
    }
    active.set(origin, (active.get(origin) ?? 0) + 1);
    sentAt.set(url.href, performance.now());
    let res: Response;
    try {
      res = await inner(input, init);
    } catch (e) {
      release(origin);
      throw e;
    }
    if (!res.body) {
      release(origin);
      return res;
    }
    // the connection is free again once the body is read to its end, cancelled or broken off
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        release(origin);
      }
    };
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        try {
          const r = await reader.read();
          if (r.done) {
            finish();
            ctrl.close();
          } else ctrl.enqueue(r.value);
        } catch (e) {
          finish();
          ctrl.error(e);
        }
      },
      cancel(reason) {
        finish();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return Object.assign(f, { sentAt });
}
