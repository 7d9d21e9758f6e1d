// Issue 10, point 6: the Content-Security-Policy a deployment sends as a header
// (a worker takes its policy from the response that served its script, not
// from index.html's <meta>). The files static hosts read carry the same
// policy as src/app/csp.ts, and connect-src is as narrow as the default
// resolvers allow.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECT_SRC, CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/app/csp';
import { DEFAULT_RESOLVERS } from '../../../src/core/settings';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0] === name)
    ?.slice(1);

describe('the Content-Security-Policy header', () => {
  it('connect-src: the app, the default resolvers and a resolver on this machine — not every https: origin', () => {
    const connect = directive(CONTENT_SECURITY_POLICY, 'connect-src')!;
    expect(connect).not.toContain('https:');
    expect(connect).not.toContain('*');
    for (const r of DEFAULT_RESOLVERS) expect(connect).toContain(new URL(r).origin);
    // a DoH resolver on this machine, plain or over TLS
    for (const local of ['http://127.0.0.1:*', 'https://127.0.0.1:*', 'http://localhost:*', 'https://localhost:*'])
      expect(connect).toContain(local);
    expect(connect).toEqual(CONNECT_SRC);
    expect(directive(CONTENT_SECURITY_POLICY, 'script-src')).toEqual(["'self'"]);
    expect(directive(CONTENT_SECURITY_POLICY, 'object-src')).toEqual(["'none'"]);
  });
  it('public/_headers (Netlify, Cloudflare Pages) sends it for every path', () => {
    const text = readFileSync(path.join(ROOT, 'public/_headers'), 'utf8');
    expect(text).toMatch(/^\/\*$/m);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(text).toContain(`  ${k}: ${v}\n`);
  });
  it('vercel.json sends it for every path', () => {
    const j = JSON.parse(readFileSync(path.join(ROOT, 'vercel.json'), 'utf8')) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    const all = j.headers.find((h) => h.source === '/(.*)')!;
    expect(Object.fromEntries(all.headers.map((h) => [h.key, h.value]))).toEqual(SECURITY_HEADERS);
  });
  it('the README gives the same policy for nginx and Apache', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`);
    expect(readme).toContain(`Header always set Content-Security-Policy "${CONTENT_SECURITY_POLICY}"`);
  });
});
