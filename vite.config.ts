import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS } from './src/app/csp';

// base './': dist/ works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    VitePWA({
      // the page registers the service worker itself with workbox-window (src/app/sw.ts)
      injectRegister: false,
      registerType: 'prompt',
      // the icons and public/examples/ are precached by globPatterns below
      // (includeAssets and the manifest icons too put each in the precache twice)
      includeManifestIcons: false,
      manifest: {
        name: 'Mailmedic — why did my mail bounce?',
        short_name: 'Mailmedic',
        description: 'Paste an SMTP log, a bounce or message headers; get a checked, step-by-step fix list. Runs in your browser.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f7f8fa',
        theme_color: '#0f766e',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          // full-bleed, drawn inside the central 80% (W3C manifest "maskable" safe zone);
          // icon-maskable-512.png is public/icon-maskable.svg rendered at 512 px
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,log,eml,txt}'],
        // the app shell answers every navigation, so a permalink opens offline
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // the first visit is controlled at once; a later version waits for the
        // user's Reload (src/app/sw.ts explains the update flow)
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  worker: { format: 'es' },
  // `npm start` serves dist/ with the headers a deployment must send (README "Deploying"):
  // the Content-Security-Policy reaches the worker's script only as a header
  preview: { headers: SECURITY_HEADERS },
  build: { target: 'es2022', sourcemap: true },
});
