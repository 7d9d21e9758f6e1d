// Settings in localStorage["mailmedic:settings"] (DESIGN.md contract 6).
// Storage may be unavailable (private mode, disabled): then settings live for
// the page's lifetime only, and the page says nothing breaks.

import { parseSettings, SETTINGS_KEY, type Settings } from '../core/settings';

export function loadSettings(storage: Storage | null): { settings: Settings; warnings: string[] } {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(SETTINGS_KEY) ?? null;
  } catch {
    raw = null;
  }
  return parseSettings(raw);
}

export function saveSettings(storage: Storage | null, s: Settings): void {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    // storage full or disabled: the settings still apply to this page
  }
}
