// The Content-Security-Policy a deployment sends as an HTTP header.
// index.html's <meta> policy covers the page only: a Web Worker
// takes its policy from the response that served its script, so without the
// header the worker — which holds the pasted text and makes the DNS requests —
// runs with none. public/_headers (Netlify, Cloudflare Pages), vercel.json
// and `vite preview` send this one (test/unit/robust/csp.test.ts keeps them
// equal); README "Deploying" gives nginx and Apache lines.
//
// connect-src names the default resolvers' origins and a resolver on this
// machine (a local DoH), not every https: origin: a deployment whose users
// add another resolver adds its origin here, and the page says so when the
// policy blocks one (the worker reports the violation).

import { DEFAULT_RESOLVERS } from '../core/settings';

/** Origins the app connects to: itself, the default resolvers, a resolver on this machine. */
export const CONNECT_SRC = [
  "'self'",
  ...new Set(DEFAULT_RESOLVERS.map((u) => new URL(u).origin)),
  'http://127.0.0.1:*',
  'http://localhost:*',
  // a local DoH resolver over TLS (as dnsdist or the project's own --h2 fixture serve it)
  'https://127.0.0.1:*',
  'https://localhost:*',
];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  `connect-src ${CONNECT_SRC.join(' ')}`,
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the app gets (the worker's script included). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
