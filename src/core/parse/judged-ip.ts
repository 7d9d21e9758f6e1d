// The IP a receiver judged, as it names it in its reply to an outgoing
// delivery: Gmail "550-5.7.25 [203.0.113.61] The IP address sending this
// message…" (and "[203.0.113.61      12]", padded with a counter), Microsoft
// "Unfortunately, messages from [ip] weren't sent" and "The mail server [ip]
// has been temporarily rate limited", Postfix "Client host [ip] blocked
// using …". The bounce reader's clientIpIn knows the common phrasings; this
// adds the reply shapes a log gives (codes first, then the text).

import { clientIpIn } from './bounce/diagnostic';
import { normalizeIP } from '../dns/names';

/** "[203.0.113.61      12]" (Gmail pads the address and appends a counter) → "[203.0.113.61]". */
function unpad(text: string): string {
  return text.replace(/\[([0-9a-fA-F:.]{7,39})\s+\d+\]/g, '[$1]');
}

export function judgedIpIn(text: string): string | null {
  const t = unpad(text.replace(/\s+/g, ' ').trim());
  const ip = clientIpIn(t);
  if (ip) return ip;
  // "The mail server [ip] has been …", Microsoft's "Server busy. … from [ip]. (AS750)"
  const m = /\b(?:mail server|sending (?:mail )?server|server|sender|MTA|host|from)\s*\[([0-9a-fA-F:.]{7,39})\]/i.exec(t);
  return m ? normalizeIP(m[1]) : null;
}

/** The reply as codes and text ("550 5.7.25 [ip] …"), the shape the IP phrasings are written for. */
export function judgedIpInReply(code: number | null | undefined, enhanced: string | null | undefined, text: string): string | null {
  const reply = [code ?? '', enhanced ?? '', text].filter((x) => x !== '').join(' ');
  return judgedIpIn(reply) ?? judgedIpIn(text);
}
