// The browser-test harness: the built app (dist/) served on 127.0.0.1, the
// project's DoH fixture server on 127.0.0.1, and Debian's Chromium driven by
// playwright-core. Nothing here reaches the Internet.

import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startDohServer, type DohServer, type DohServerOptions } from '../support/doh-server';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
  '.log': 'text/plain; charset=utf-8',
  '.eml': 'message/rfc822',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The JavaScript files dist/index.html makes the browser load for the first
 * screen (module scripts and modulepreloads), with their sizes raw and gzip
 * (level 9, as a static host serves them). Issue 14 point 1: ≤ 100 KB gzip.
 */
export function firstLoadScripts(): { file: string; raw: number; gzip: number; text: string }[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/g))
    if (/\brel="modulepreload"/.test(m[0])) urls.add(/\bhref="([^"]+)"/.exec(m[0])?.[1] ?? '');
  return [...urls].filter(Boolean).map((u) => {
    const file = u.replace(/^\.?\//, '');
    const b = readFileSync(path.join(DIST, file));
    return { file, raw: b.length, gzip: gzipSync(b, { level: 9 }).length, text: b.toString('utf8') };
  });
}

export interface ServeOptions {
  /** The path the app lives under, e.g. '/tools/mailmedic/' (default '/'), as on a shared static host. */
  base?: string;
  /** Change a file's bytes as served (a new version of sw.js, a broken worker script). */
  rewrite?: (file: string, body: Buffer) => Buffer | null;
  /** Headers sent with every response, as a host configured by README "Deploying" sends them. */
  headers?: Record<string, string>;
}

/** A static file server for dist/, like any static host. Paths outside `base` are 404. */
export function serveDist(o: ServeOptions = {}): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const base = o.base ?? '/';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(base)) return void res.writeHead(404).end();
    let file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname.slice(base.length - 1))));
    if (!file.startsWith(DIST)) return void res.writeHead(403).end();
    if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(DIST, 'index.html');
    const rel = path.relative(DIST, file).split(path.sep).join('/');
    const body = o.rewrite ? o.rewrite(rel, readFileSync(file)) : readFileSync(file);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, {
      ...o.headers,
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${base}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    }),
  );
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The two screens every issue-15 test runs on: a laptop and a phone (touch, no hover). */
export const SCREENS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
} as const;
export type ScreenSize = keyof typeof SCREENS;

export interface Env {
  app: { url: string; close: () => Promise<void> };
  dns: DohServer;
  browser: Browser;
  /**
   * A fresh context whose settings point at the fixture resolver(s).
   * `serviceWorkers: 'block'` for a test of what the network serves (the
   * service worker controls the page from the first visit and would answer
   * from its cache instead).
   */
  context(opts?: { resolvers?: string[]; serviceWorkers?: 'allow' | 'block'; size?: ScreenSize }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export function loadZone(caseDir: string): DohServerOptions['zone'] {
  return JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/cases', caseDir, 'zone.json'), 'utf8'));
}

export async function startEnv(dnsOptions: DohServerOptions, serve: ServeOptions = {}): Promise<Env> {
  const [app, dns, browser] = await Promise.all([serveDist(serve), startDohServer(dnsOptions), launch()]);
  const contexts: BrowserContext[] = [];
  return {
    app,
    dns,
    browser,
    async context(opts = {}) {
      const ctx = await browser.newContext({ serviceWorkers: opts.serviceWorkers ?? 'allow', ...(opts.size ? SCREENS[opts.size] : {}) });
      contexts.push(ctx);
      const settings = JSON.stringify({ resolvers: opts.resolvers ?? [dns.url] });
      // settings as a user would have saved them, before the app reads them
      await ctx.addInitScript((s: string) => {
        if (!localStorage.getItem('mailmedic:settings')) localStorage.setItem('mailmedic:settings', s);
      }, settings);
      return ctx;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await Promise.all([app.close(), dns.close()]);
    },
  };
}

/** Paste text into the input and analyse; wait for the checklist. */
export async function pasteAndAnalyze(page: Page, text: string): Promise<void> {
  await page.getByTestId('input').fill(text);
  await page.getByTestId('analyze').click();
  await page.locator('ol.checklist > li').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="analyze"]')?.hasAttribute('disabled'));
}

/** The checklist as the page shows it: [rule, status] in order. */
export function checklist(page: Page): Promise<[string, string][]> {
  return page.$$eval('ol.checklist > li[data-rule]', (lis) =>
    lis.map((li) => [li.getAttribute('data-rule')!, li.getAttribute('data-status')!] as [string, string]),
  );
}

const BIG_LOG_BASE = readFileSync(path.join(ROOT, 'test/fixtures/logs/postfix-syslog.log'), 'utf8').trimEnd().split('\n');

/** The fixture log repeated with fresh process and queue ids until it is about `mb` megabytes. */
export function bigLog(mb: number): string {
  const out: string[] = [];
  let size = 0;
  for (let n = 0; size < mb * 1048576; n++) {
    for (const l of BIG_LOG_BASE) {
      const line = l.replace(/\[(\d{3,5})\]/g, (_m, pid: string) => `[${Number(pid) + n * 7}]`).replace(/4XyZ(\w+)/g, `4X${n}Z$1`);
      out.push(line);
      size += line.length + 1;
    }
  }
  return out.join('\n') + '\n';
}
