// The user's settings (DESIGN.md contract 6): stored by the page in
// localStorage["mailmedic:settings"] as JSON, at least { "resolvers": [...] }.
// Parsing is forgiving: bad entries are dropped with a warning, never thrown.
// A permalink never carries settings.

export const SETTINGS_KEY = 'mailmedic:settings';

export const DEFAULT_RESOLVERS = ['https://cloudflare-dns.com/dns-query', 'https://dns.google/dns-query'];

export interface Settings {
  /** DoH endpoints (RFC 8484), tried in order. Empty = live checks off. */
  resolvers: string[];
  /** Spamhaus DQS key: Spamhaus lists are then asked at <key>.zen.dq.spamhaus.net (kept in this browser only). */
  dqsKey?: string;
  /** Abusix Mail Intelligence key (kept in this browser only). */
  abusixKey?: string;
}

/** A blocklist key (DQS, Abusix): letters and digits only, so it cannot change a query name's shape. */
export function blocklistKeyProblem(key: string): string | null {
  return /^[a-z0-9]{8,64}$/i.test(key.trim()) ? null : 'a key is 8 to 64 letters and digits';
}

export const DEFAULT_SETTINGS: Settings = { resolvers: [...DEFAULT_RESOLVERS] };

/** Why a DoH endpoint URL is not acceptable, or null when it is. */
export function resolverUrlProblem(url: string): string | null {
  const m = /^(https?):\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?(\/[^\s?#]*)?(\?[^\s#]*)?$/i.exec(url.trim());
  if (!m) return 'not an absolute http(s) URL without a #fragment';
  const [, scheme, host, , , query] = m;
  const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i.test(host);
  if (scheme.toLowerCase() !== 'https' && !loopback) return 'must use https:// (http:// only for a resolver on this machine)';
  if (query && /[?&]dns=/.test(query)) return 'must not already carry a dns= parameter';
  return null;
}

export function parseSettings(raw: string | null): { settings: Settings; warnings: string[] } {
  const warnings: string[] = [];
  if (raw === null) return { settings: structuredCloneSettings(DEFAULT_SETTINGS), warnings };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { settings: structuredCloneSettings(DEFAULT_SETTINGS), warnings: ['The saved settings were not valid JSON and were reset.'] };
  }
  const obj = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  let resolvers = DEFAULT_SETTINGS.resolvers;
  if (Array.isArray(obj.resolvers)) {
    resolvers = [];
    for (const r of obj.resolvers) {
      const problem = typeof r === 'string' ? resolverUrlProblem(r) : 'not a string';
      if (problem) warnings.push(`Resolver ${JSON.stringify(r)} was ignored: ${problem}.`);
      else if (!resolvers.includes((r as string).trim())) resolvers.push((r as string).trim());
    }
  } else if (obj.resolvers !== undefined) {
    warnings.push('The saved resolvers were not a list and were reset.');
  }
  const keys: Partial<Settings> = {};
  for (const k of ['dqsKey', 'abusixKey'] as const) {
    const v = obj[k];
    if (v === undefined || v === '') continue;
    if (typeof v === 'string' && !blocklistKeyProblem(v)) keys[k] = v.trim();
    else
      warnings.push(
        `The saved ${k === 'dqsKey' ? 'Spamhaus DQS' : 'Abusix'} key was ignored: ${typeof v === 'string' ? blocklistKeyProblem(v) : 'not a string'}.`,
      );
  }
  const rest = { ...obj };
  delete rest.dqsKey;
  delete rest.abusixKey;
  return { settings: { ...rest, resolvers, ...keys } as Settings, warnings };
}

function structuredCloneSettings(s: Settings): Settings {
  return JSON.parse(JSON.stringify(s)) as Settings;
}
