// Service worker registration with workbox-window: offline app shell, and a
// "new version ready" prompt instead of a silent swap under the user.
//
// The policy (vite.config.ts: clientsClaim, no skipWaiting):
// - first visit: nothing controls the page yet; the new worker installs,
//   activates and claims the page at once (clientsClaim), so the first
//   visit is already served from, and cached by, the service worker (issue
//   14 point 5) — no reload asked of the user.
// - a later version: it installs and WAITS (a page running the old code
//   must not be served the new build's files under it); workbox-window says
//   'waiting', the page offers Reload, and only that click tells it to skip
//   waiting; when it takes control the page reloads into the new version.
// - another tab clicked Reload first: the new version took control of this
//   page too (controllerchange) without this page asking. This page still
//   runs the old code, so it keeps offering Reload, which now only reloads.

import { Workbox } from 'workbox-window';

export function registerServiceWorker(onUpdateReady: (apply: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('./sw.js', { scope: './' });
  let asked = false;
  const apply = () => {
    asked = true;
    // the waiting version may already have taken control (another tab): then reloading is all
    void navigator.serviceWorker.getRegistration().then((r) => {
      if (r?.waiting) wb.messageSkipWaiting();
      else location.reload();
    });
  };
  wb.addEventListener('waiting', () => onUpdateReady(apply));
  // (workbox-window's 'controlling' event calls a change an update only when the page was
  // controlled when it registered, which a first visit claimed later is not: so, by hand)
  let controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const wasControlled = controlled;
    controlled = true;
    // the first install claiming the page is not an update: nothing to say
    if (!wasControlled) return;
    if (asked) location.reload();
    else onUpdateReady(apply);
  });
  wb.register().catch(() => {
    // no service worker (e.g. file://, or blocked): the app still works online
  });
}
