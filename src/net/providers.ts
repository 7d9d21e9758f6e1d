// Public DoH resolvers that allow cross-origin GET from a page (RFC 8484 with
// Access-Control-Allow-Origin), so the browser can ask them directly.

export interface DohProvider {
  name: string;
  url: string;
}

export const DEFAULT_PROVIDERS: DohProvider[] = [
  { name: 'Cloudflare', url: 'https://cloudflare-dns.com/dns-query' },
  { name: 'Google', url: 'https://dns.google/dns-query' },
];

export const DEFAULT_RESOLVERS = DEFAULT_PROVIDERS.map((p) => p.url);

/** A DoH endpoint must be an absolute https URL (http only on loopback, for tests and local resolvers). */
export function validateResolverUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) return 'must be https:// (http:// only on localhost)';
  if (u.hash) return 'must not have a #fragment';
  if (u.searchParams.has('dns')) return 'must not already carry a dns= parameter';
  return null;
}
