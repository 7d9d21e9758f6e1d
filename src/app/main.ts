// The page's entry: wire the state to the worker, the settings, the service
// worker and the URL fragment (permalinks), then mount the UI.

import { mount } from 'svelte';
import App from '../ui/App.svelte';
import '../ui/app.css';
import { AppState } from '../ui/state/app.svelte';
import { AnalysisClient } from '../worker/client';
import { loadSettings, saveSettings, STORAGE_OFF } from './settings';
import { registerServiceWorker } from './sw';
import { platformCompression } from './compression';
import { reportToText } from '../core/format/text';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const { settings, warnings } = loadSettings(storage());
const state = new AppState({
  client: new AnalysisClient(),
  settings,
  saveSettings: (s) => saveSettings(storage(), s),
  compression: platformCompression,
  formatText: reportToText,
  online: navigator.onLine,
});
if (warnings.length) state.error = warnings.join(' ');
if (!storage()) state.storageProblem = STORAGE_OFF;

mount(App, { target: document.getElementById('app')!, props: { state } });

window.addEventListener('online', () => state.setOnline(true));
window.addEventListener('offline', () => state.setOnline(false));
window.addEventListener('hashchange', () => void state.openFragment(location.hash));
void state.openFragment(location.hash);

registerServiceWorker((apply) => {
  state.applyUpdate = apply;
  state.updateReady = true;
});
