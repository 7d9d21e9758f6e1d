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
