// Whether a refused message had been passed on by a forwarder, read from the
// paste around the refusal (knowledge/forwarding.ts holds the marks). Two
// kinds of evidence:
// - a mark: the refusal's own words, or a line near it, in one of the shapes
//   that only forwarding writes (an SRS envelope, Exim's "generated from",
//   a forwarding rule's "Forward Error", a relay's "upstream (…) error");
// - the refused IP is the reporting host's own: "host relay.example[192.0.2.7]
//   said: … blocked … ip=192.0.2.7" — the host that answered did not refuse the
//   mail, it accepted it, passed it on, and reports that its own IP was refused
//   at the next hop (a forwarding service relaying a later hop's refusal).

import { FORWARDING_MARKS } from '../knowledge/forwarding';
import { normalizeIP } from '../dns/names';

export interface ForwardedBy {
  /** Which evidence showed it: a mark's id, or 'relay-ip'. */
  mark: string;
  /** What it shows, in words for the report. */
  says: string;
  /** Whose forwarding: the paste's own server or program, or a relay or service it quotes. */
  by: 'own' | 'service';
  /** The line (1-based, like every Located line) where it stood. */
  line: number;
}

/** How far from the refusal (in lines) a mark in the paste still belongs to it: a bounce's block, a log's few lines. */
const NEAR = 20;

/** `host name[ip] said:`, `name [ip]` — the reporting host of a bounce (Postfix, Exim) and its IP. */
const REPORTING_HOST = /\bhost\s+[a-z0-9.-]+\s*\[([0-9a-f:.]{7,39})\]\s*(?:said|:)/i;

/** The refusal's own words name the IP of the host that reported it. */
function relayIp(lines: string[], line: number, text: string): ForwardedBy | null {
  for (let i = Math.max(0, line - 4); i <= Math.min(lines.length - 1, line - 1); i++) {
    const m = REPORTING_HOST.exec(lines[i]);
    const ip = m ? normalizeIP(m[1]) : null;
    if (!ip) continue;
    const named = new RegExp(`(?:^|[^0-9a-f:.])${ip.replace(/[.]/g, '\\.')}(?:$|[^0-9a-f:.])`, 'i');
    if (named.test(text))
      return {
        mark: 'relay-ip',
        by: 'service',
        says: `the refused IP ${ip} is the reporting host's own: it passed the message on and was refused at the next hop`,
        line: i + 1,
      };
  }
  return null;
}

/** The forwarding evidence for one refusal (its text and line), or null. */
export function forwardedBy(lines: string[], refusal: { text: string; line: number }): ForwardedBy | null {
  for (const m of FORWARDING_MARKS) {
    if (m.scope === 'reply' && m.pattern.test(refusal.text)) return { mark: m.id, by: m.by, says: m.says, line: refusal.line };
  }
  const from = Math.max(0, refusal.line - 1 - NEAR);
  const to = Math.min(lines.length - 1, refusal.line - 1 + NEAR);
  for (const m of FORWARDING_MARKS) {
    if (m.scope !== 'input') continue;
    for (let i = from; i <= to; i++) if (m.pattern.test(lines[i])) return { mark: m.id, by: m.by, says: m.says, line: i + 1 };
  }
  return relayIp(lines, refusal.line, refusal.text);
}
