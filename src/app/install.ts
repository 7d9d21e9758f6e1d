// "Install" where the browser offers it: Chromium-based browsers fire
// beforeinstallprompt when the app meets their install criteria (a manifest,
// a service worker); the event is kept and its prompt() called from the
// page's own button. Browsers without the event (Safari, Firefox) get no
// button: their menu's "Add to Home Screen" is the way there.

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice?: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export function listenForInstall(offer: (prompt: (() => Promise<void>) | null) => void): void {
  window.addEventListener('beforeinstallprompt', (e) => {
    // the mini-infobar is not shown; the header's button asks instead
    e.preventDefault();
    const ev = e as InstallPromptEvent;
    offer(async () => {
      await ev.prompt();
      await ev.userChoice?.catch(() => undefined);
    });
  });
  window.addEventListener('appinstalled', () => offer(null));
}
