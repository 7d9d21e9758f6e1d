// A step's sources as the rules write them — "https://… (what it is)",
// "RFC 5321 §4.1.1.1 (what it says)", or a manual's name in words — made
// into links where they name a place: the URL itself, or the RFC section at
// the RFC Editor (https://www.rfc-editor.org/rfc/rfcNNNN#section-X).

import type { SourceView } from './types';

const URL_FIRST = /^(https?:\/\/\S+)(?:\s+\((.*)\))?\s*$/;
const RFC = /^RFC\s?(\d{3,5})(?:\s*§\s*(\d+(?:\.\d+)*))?/i;

export function sourceView(s: string): SourceView {
  if (typeof s !== 'string') return { text: String(s), href: null };
  const u = URL_FIRST.exec(s.trim());
  if (u) {
    const url = u[1].replace(/[),.;]+$/, '');
    let host = url;
    try {
      host = new URL(url).host.replace(/^www\./, '');
    } catch {
      return { text: s, href: null };
    }
    return { text: u[2] ? `${u[2]} — ${host}` : host + new URL(url).pathname.replace(/\/$/, ''), href: url };
  }
  const r = RFC.exec(s.trim());
  if (r) return { text: s, href: `https://www.rfc-editor.org/rfc/rfc${r[1]}${r[2] ? `#section-${r[2]}` : ''}` };
  return { text: s, href: null };
}
