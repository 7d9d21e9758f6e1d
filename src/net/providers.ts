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

export { DEFAULT_RESOLVERS, resolverUrlProblem as validateResolverUrl } from '../core/settings';
