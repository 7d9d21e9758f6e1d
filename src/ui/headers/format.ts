// Small display helpers for the message view (durations, sizes).

export function duration(seconds: number): string {
  const a = Math.abs(seconds);
  const sign = seconds < 0 ? '−' : '';
  if (a < 1) return `${sign}${Math.round(a * 1000)} ms`;
  if (a < 120) return `${sign}${Math.round(a)} s`;
  if (a < 7200) return `${sign}${Math.round(a / 60)} min`;
  if (a < 172800) return `${sign}${(a / 3600).toFixed(1)} h`;
  return `${sign}${(a / 86400).toFixed(1)} days`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

export function when(iso: string | null): string {
  return typeof iso === 'string' && iso ? iso.replace('T', ' ').replace(/\.000Z$|Z$/, ' UTC') : '—';
}
