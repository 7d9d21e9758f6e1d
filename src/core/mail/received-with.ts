// The "with" clause of a Received field and the TLS a hop describes:
// protocol words (SMTP, ESMTPSA, LMTP, HTTPS, "Microsoft SMTP Server"…, RFC
// 3848 and the IANA "Mail Transmission Types" registry) and the cipher text
// servers put in comments.

import type { Clause } from './received-tokens';

function words(c: Clause): string[] {
  return c.tokens.filter((t) => t.kind === 'word').map((t) => t.text);
}

const PROTOCOL = /^(e?smtp\w*|lmtp\w*|utf8\w*|https?\w*|asmtp|smtps?a?|mapi|imap|pop3?|local|ecstream|tcp|qmail-scanner\S*|scanned-ok)$/i;

export function readWith(c: Clause | undefined): { protocol: string | null; tls: string | null } {
  if (!c) return { protocol: null, tls: null };
  const w = words(c).filter((x) => x !== ',');
  let protocol: string | null = null;
  // "with esmtps tls …" / "with (cipher) SMTP": a protocol word first; "Microsoft SMTP Server": the words
  const known = w.length === 1 || PROTOCOL.test(w[0] ?? '') ? w.find((x) => PROTOCOL.test(x)) : undefined;
  if (known) protocol = known;
  else if (w.length) {
    // "Microsoft SMTP Server", "[XMail 1.20 ESMTP Server]": the words up to Exim's "tls"
    const stop = w.findIndex((x) => /^tls$/i.test(x));
    protocol = (stop > 0 ? w.slice(0, stop) : w).join(' ');
  } else {
    const lit = c.tokens.find((t) => t.kind === 'literal');
    if (lit) protocol = lit.text;
  }
  let tls: string | null = null;
  const tlsWord = w.findIndex((x) => /^tls$/i.test(x));
  if (tlsWord >= 0 && w[tlsWord + 1]) tls = w[tlsWord + 1];
  // Cisco Secure Email (IronPort): "with ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384"
  const slashed = protocol ? /^([A-Za-z0-9]+)\/TLS\/?(\S*)$/i.exec(protocol) : null;
  if (slashed) return { protocol: slashed[1], tls: tls ?? (slashed[2] || 'TLS') };
  return { protocol, tls };
}

/** TLS as the comments describe it (Postfix "using TLSv1.3 with cipher …", Microsoft "version=TLS1_2, cipher=…", Exim "(TLS1.3)"). */
export function tlsIn(all: string[]): string | null {
  for (const c of all) {
    let m = /using (TLS\S*|SSL\S*)(?: with cipher (\S+))?/i.exec(c);
    if (m) return m[2] ? `${m[1]} ${m[2]}` : m[1];
    m = /version=(TLS[^\s,]{0,40}|SSL[^\s,]{0,40})[,\s]{1,10}cipher=([^\s,)]+)/i.exec(c);
    if (m) return `${m[1]} ${m[2]}`;
    m = /^(TLS[\d._v-]*[:\s][^\s]*|TLSv?[\d.]+)$/i.exec(c.trim());
    if (m) return m[1];
    if (/Google Transport Security/i.test(c)) return 'TLS (Google Transport Security)';
    m = /\bSSL: (TLS\S*)/i.exec(c);
    if (m) return m[1].split(',', 1)[0];
    m = /(?<!\S)(\S+) encrypted/i.exec(c);
    if (m) return m[1];
  }
  return null;
}
