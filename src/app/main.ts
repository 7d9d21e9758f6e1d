// The page's entry: wire the state to the worker, the settings, the service
// worker and the URL fragment (permalinks), then mount the UI.
//
// The first screen carries no engine: this file and everything it
// imports are the Svelte UI, the settings and workbox-window; parsers,
// knowledge, DNS, permalinks and wording run in the analysis worker, whose
// script is fetched after the first paint (client.warm()) or at once when a
// permalink needs it.

import { mount } from 'svelte';
import App from '../ui/App.svelte';
import '../ui/app.css';
import { AppState } from '../ui/state/app.svelte';
import { AnalysisClient } from '../worker/client';
import { loadSettings, saveSettings, STORAGE_OFF } from './settings';
import { registerServiceWorker } from './sw';
import { DEFAULT_RESOLVERS, blocklistKeyProblem, resolverUrlProblem } from '../core/settings';
import { indexedDbKeeper } from './keep';
import { listenForInstall } from './install';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const { settings, warnings } = loadSettings(storage());
const client = new AnalysisClient();
const state = new AppState({
  client,
  settings,
  saveSettings: (s) => saveSettings(storage(), s),
  settingsRules: { defaultResolvers: DEFAULT_RESOLVERS, resolverUrlProblem, blocklistKeyProblem },
  online: navigator.onLine,
  keeper: indexedDbKeeper(),
});
if (warnings.length) state.error = warnings.join(' ');
if (!storage()) state.storageProblem = STORAGE_OFF;

mount(App, { target: document.getElementById('app')!, props: { state } });

window.addEventListener('online', () => state.setOnline(true));
window.addEventListener('offline', () => state.setOnline(false));
window.addEventListener('hashchange', () => void state.openFragment(location.hash));
// a permalink wins over what was kept; without one, the last diagnosis comes back
if (location.hash && location.hash !== '#') void state.openFragment(location.hash);
else void state.restore();
// printing: every step open and no filter, so the checklist prints as a work sheet
window.addEventListener('beforeprint', () => (state.printing = true));
window.addEventListener('afterprint', () => (state.printing = false));
listenForInstall((prompt) => (state.installPrompt = prompt));

// After the first contentful paint: start the engine, so it is ready by the
// first Analyse without delaying the first screen. A requestAnimationFrame
// callback runs before its frame is painted (and FCP is stamped at
// presentation), so waiting on the paint entry itself is the only ordering
// that holds; the timeout covers browsers without paint timing.
whenFirstPainted(() => client.warm());

function whenFirstPainted(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    setTimeout(then, 0);
  };
  try {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      once();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // no paint timing: fall through to the timeout
  }
  setTimeout(once, 2000);
}

registerServiceWorker((apply) => {
  state.applyUpdate = apply;
  state.updateReady = true;
});
