// Service worker registration with workbox-window: offline app shell, and a
// "new version ready" prompt instead of a silent swap under the user.

import { Workbox } from 'workbox-window';

export function registerServiceWorker(onUpdateReady: (apply: () => void) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('./sw.js', { scope: './' });
  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  wb.register().catch(() => {
    // no service worker (e.g. file://, or blocked): the app still works online
  });
}
