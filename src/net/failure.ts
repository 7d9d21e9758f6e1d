// Naming a failed fetch honestly. In a browser, a resolver that refuses
// cross-origin requests (no Access-Control-Allow-Origin) and a resolver that
// cannot be reached both reject fetch() with the same bare TypeError: the
// Fetch standard hides the difference on purpose (fetch.spec.whatwg.org,
// "CORS check" and "network error"). We can still tell them apart without
// reading anything we may not: a second request in `no-cors` mode gets an
// opaque response when the server is reachable (so the first failure was the
// CORS check) and fails again when it is not (so it was the network).
// Outside a browser (Node, the CLI) there is no CORS and the same probe
// simply fails again: NETWORK.

import type { DnsFailure } from '../core/dns/resolver';

/** `navigator.onLine === false`, where the host has a navigator (browsers, workers). */
export function isBrowserOffline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  return nav?.onLine === false;
}

/** The low-level reason Node's fetch gives (`cause.code`, e.g. ECONNREFUSED). */
function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? '';
}

export async function classifyFetchError(
  e: unknown,
  url: string,
  fetchFn: typeof fetch,
  isOffline: () => boolean,
): Promise<{ failure: DnsFailure; error: string }> {
  if (isOffline()) return { failure: 'NETWORK', error: 'the browser went offline' };
  const detail = causeOf(e) || (e as Error)?.message || String(e);
  try {
    const probe = await fetchFn(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    if (probe.type === 'opaque') {
      return {
        failure: 'CORS',
        error:
          'the resolver answered but refuses cross-origin requests from this page (no Access-Control-Allow-Origin); choose a resolver that allows them',
      };
    }
    // reachable and readable the second time: the first failure was passing
    return { failure: 'NETWORK', error: `the request failed once (${detail}); the resolver is reachable now` };
  } catch {
    return { failure: 'NETWORK', error: `could not reach the resolver (offline, a firewall, or the server is down): ${detail}` };
  }
}
