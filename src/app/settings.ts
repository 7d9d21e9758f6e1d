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

/** Said when settings cannot be kept; they still apply until the page is closed. */
export const STORAGE_OFF =
  'This browser does not let Mailmedic keep settings (site storage is off or blocked): they apply until the page is closed.';
export const STORAGE_FULL = "The settings could not be saved (this site's storage is full): they apply until the page is closed.";

/** Save; returns why the settings could not be kept, or null. */
export function saveSettings(storage: Storage | null, s: Settings): string | null {
  if (!storage) return STORAGE_OFF;
  try {
    storage.setItem(SETTINGS_KEY, JSON.stringify(s));
    return null;
  } catch (e) {
    // QuotaExceededError: full; SecurityError: blocked after the page loaded
    return (e as DOMException)?.name === 'QuotaExceededError' ? STORAGE_FULL : STORAGE_OFF;
  }
}
