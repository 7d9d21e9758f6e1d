// One Received field, read into what a hop says: who connected (the name it
// gave in HELO, its reverse DNS, its IP), who received (by), how (with:
// protocol, TLS, authentication), the queue id, the recipient and the date.
//
// Servers disagree about where they put the HELO name and the reverse name:
//   Postfix, Sendmail:  from HELO (RDNS [IP])
//   Exim:               from RDNS ([IP] helo=HELO)      (helo= left out when it equals RDNS)
//   qmail:              from RDNS (HELO helo) (IP)      ("HELO x" left out when it equals RDNS)
//   Exim 3:             from RDNS (HELO) [IP.port]
//   CommuniGate:        from [IP] (HELO helo)  /  from RDNS ([IP] verified)
//   Microsoft:          from HELO (IP) by HOST (IP) with Microsoft SMTP Server … id 15.20…
//   Gmail:              from HELO (RDNS. [IP]) by mx.google.com with ESMTPS id …
//   MDaemon:            from HELO (unverified [IP]) by HOST (MDaemon …) with ESMTP id md5….msg
// so the reading is: an explicit "HELO x"/"helo=x" wins; else the first name
// is the HELO name, unless a comment gives a bare name beside a bracketed IP
// elsewhere (Exim 3). Checked against SpamAssassin's rcvd_parser.t cases
// (scripts/conformance/received.ts).

import { isIPv4, normalizeIP, isHostname } from '../dns/names';
import { readMailDate } from './date';
import { splitReceived, type Clause, type Token } from './received-tokens';
import { readWith, tlsIn } from './received-with';

export interface ReceivedFields {
  /** The first name or literal after "from", as written. */
  from: string | null;
  /** The HELO/EHLO name the client gave (an address literal keeps its brackets). */
  helo: string | null;
  /** The client's reverse DNS name, as the receiving server found it. */
  rdns: string | null;
  /** What the receiver said about that name: Postfix's "unknown", Sendmail's "may be forged". */
  rdnsNote: 'unknown' | 'forged' | null;
  /** The client's IP, normalised. */
  ip: string | null;
  /** A user name the receiver noted (ident, qmail's user@ip). */
  ident: string | null;
  by: string | null;
  /** The product in the comment after by, e.g. "Postfix", "MDaemon PRO v23.5.1". */
  byProduct: string | null;
  /** The protocol after "with": SMTP, ESMTPS, Microsoft SMTP Server, HTTP… */
  with: string | null;
  via: string | null;
  id: string | null;
  for: string | null;
  envelopeFrom: string | null;
  /** How TLS was described (protocol, cipher), when the hop used it. */
  tls: string | null;
  /** How the client authenticated, when the hop says so (ESMTPA, "authenticated bits=0"…). */
  auth: string | null;
  /** The date text and its reading. */
  dateText: string | null;
  time: number | null;
  /** A network relay hop (an IP connected); false for local pickups, fetchmail, scanners. */
  relay: boolean;
}

function stripAngles(s: string): string {
  return s.replace(/^<+|(?<!>)>+$/g, '').trim();
}

function cleanHost(s: string): string {
  return s.replace(/(?<![,;])[,;]+$/, '').replace(/\.$/, '');
}

/** An IP in a piece of text: "1.2.3.4", "1.2.3.4:25", "IPv6:…", "::ffff:1.2.3.4", "1.2.3.4.13219" (Exim 3's ip.port). */
export function ipIn(text: string): string | null {
  let t = text.trim().replace(/^ipv6:/i, '');
  const direct = normalizeIP(t);
  if (direct) return direct;
  // IPv4 with a port, ":port" or ".port"
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3})[:.](\d{1,5})$/.exec(t);
  if (v4port && isIPv4(v4port[1])) return v4port[1];
  // "[IPv6]:port" already lost its brackets; "v6.port" style is not used
  t = t.replace(/\]:\d+$/, '').replace(/^\[/, '');
  return normalizeIP(t);
}

/** Protocols that carry no HELO (webmail, internal pickup, retrieval). */
const NO_HELO = /^(e?smtp)?(https?u?|ecstream|imap|pop3?|mapi|local|tcp|mail|spool)\b/i;
/** Retrieval and re-injection, not relays (SpamAssassin ignores these too). */
const NOT_RELAY = /^(imap|pop3?|qmail-scanner|scanned-ok|spamassassin|amavis)|fetchmail/i;
/** Words in from-comments that stand where a name would, meaning "no reverse name". */
const NO_NAME = new Set(['unknown', 'unverified', 'softdnserr', 'may', 'be', 'forged', 'verified', 'rdns', 'failed']);

interface FromReading {
  from: string | null;
  helo: string | null;
  rdns: string | null;
  ip: string | null;
  ident: string | null;
  auth: string | null;
  rdnsNote: ReceivedFields['rdnsNote'];
}

function isName(s: string): boolean {
  const n = cleanHost(s);
  return isHostname(n) && !NO_NAME.has(n.toLowerCase()) && !ipIn(n);
}

function readFrom(tokens: Token[], protocol: string | null, exim: boolean, microsoft: boolean): FromReading {
  const first = tokens[0];
  const token = first && first.kind !== 'comment' ? first : null;
  const tokenText = token ? (token.kind === 'literal' ? `[${token.text}]` : cleanHost(token.text)) : null;
  let helo: string | null | undefined;
  let rdns: string | null = null;
  let ip: string | null = null;
  let ident: string | null = null;
  let auth: string | null = null;
  let commentHeloOnly: string | null = null;
  let ipFromComment = false;
  /** qmail's "(ip)" / "(user@ip)", CommuniGate's "([ip] verified)": the token is then the reverse name. */
  let tokenIsRdns = false;
  let rdnsNote: ReceivedFields['rdnsNote'] = null;

  for (const t of tokens.slice(token ? 1 : 0)) {
    if (t.kind === 'literal' || t.kind === 'word') {
      // an IP outside comments after the name: "(EHLO x) [1.2.3.4]", Exim 3 "[ip.port]"
      const found = ipIn(t.text);
      if (found && !ip) ip = found;
      continue;
    }
    const c = t.text;
    const heloMatch = /\b(?:HELO|EHLO|LHLO)\b\s*([^\s()]*)/.exec(c) ?? /\bhelo=([^\s()]+)/i.exec(c);
    if (heloMatch && helo === undefined) helo = heloMatch[1] === '' ? null : heloMatch[1];
    if (/authenticated|\bAUTH:|\baccount\b/i.test(c)) auth ??= c.replace(/\s+/g, ' ');
    // bracketed IPs inside the comment: "(rdns [ip])", "([ip:port] helo=x)", "(softdnserr [::ffff:ip])"
    const brackets = [...c.matchAll(/\[([^\][]+)\](?::\d+)?/g)];
    let commentIp: string | null = null;
    for (const b of brackets) {
      const found = ipIn(b[1]);
      // "HELO [10.10.10.10]" is the client's name for itself, not the address seen
      if (found && /\b(?:HELO|EHLO|LHLO|helo=)\s*$/i.test(c.slice(0, b.index))) continue;
      if (found) {
        commentIp = found;
        if (/\]\s*verified\b/i.test(c)) tokenIsRdns = true;
        // the name just before the bracket is the reverse name
        const before = c.slice(0, b.index).trim().split(/\s+/).pop() ?? '';
        if (before && isName(before) && !/^(HELO|EHLO|LHLO|account)$/i.test(before)) rdns ??= cleanHost(before);
        break;
      }
    }
    if (!commentIp) {
      // unbracketed: "(1.2.3.4)", "(user@1.2.3.4)", "(63.146.189.86:23198)", "(2a01:111::34)"
      const ws = c.split(/[\s,]+/);
      for (const [k, w] of ws.entries()) {
        if (w.includes('[') || /^(HELO|EHLO|LHLO)$/i.test(ws[k - 1] ?? '')) continue;
        const at = w.lastIndexOf('@');
        const found = ipIn(at >= 0 ? w.slice(at + 1) : w);
        if (found) {
          commentIp = found;
          if (at > 0) ident ??= w.slice(0, at);
          if (!ipFromComment) tokenIsRdns = true;
          break;
        }
      }
    }
    if (commentIp) {
      if (!ip || !ipFromComment) ip = commentIp;
      ipFromComment = true;
      // Postfix: "unknown [ip]" = no reverse name that resolves back to the IP (postconf(5) smtpd_client_restrictions);
      // Sendmail: "(may be forged)" = the reverse name does not resolve back to the IP
      if (/^unknown\s*\[/i.test(c.trim())) rdnsNote = 'unknown';
      else if (/may be forged/i.test(c)) rdnsNote = 'forged';
    } else if (!heloMatch && isName(c) && !/\s/.test(c)) {
      // a bare name in a comment, with the IP elsewhere: Exim 3 "from RDNS (HELO) [ip]",
      // or a reverse name with no IP seen ("from DL1GSPMX02 (dl1gspmx02.gamestop.com)")
      commentHeloOnly ??= cleanHost(c);
    }
  }

  // the first token may itself be the IP (qmail "from 1.2.3.4", CommuniGate "from [1.2.3.4]")
  const tokenIp = token ? ipIn(token.text) : null;
  if (!ip && tokenIp) ip = tokenIp;

  const noHelo = protocol !== null && NO_HELO.test(protocol);
  if (helo === undefined) {
    if (noHelo) helo = null;
    else if (commentHeloOnly && ip && !ipFromComment && token && !tokenIp) {
      // Exim 3: the token is the reverse name, the comment the HELO
      helo = commentHeloOnly;
      rdns ??= tokenText;
    } else if (token && (!tokenIp || ipFromComment || token.kind === 'literal')) helo = tokenText;
    else helo = null;
  } else if (token && !tokenIp && tokenText && tokenText.toLowerCase() !== 'unknown') {
    // an explicit HELO: the token is the reverse name (qmail, Exim, GMX)
    rdns ??= tokenText;
  }
  // Exim writes "from RDNS ([ip])" when HELO equals RDNS; qmail "from RDNS (ip)" likewise
  if (!rdns && token && !tokenIp && ipFromComment && !microsoft && (exim || tokenIsRdns) && tokenText && isName(tokenText))
    rdns = tokenText;
  if (helo === '') helo = null;
  return { from: tokenText, helo: helo ?? null, rdns, ip, ident, auth, rdnsNote };
}

function words(c: Clause | undefined): string[] {
  return c ? c.tokens.filter((t) => t.kind === 'word').map((t) => t.text) : [];
}

function comments(c: Clause | undefined): string[] {
  return c ? c.tokens.filter((t) => t.kind === 'comment').map((t) => t.text) : [];
}

export function parseReceived(value: string): ReceivedFields {
  const parts = splitReceived(value);
  const clause = (n: Clause['name']) => parts.clauses.find((c) => c.name === n);
  const fromClause = clause('from');
  const byClause = clause('by');
  const read = readWith(clause('with'));
  const withTls = read.tls;
  // "by host (via HTTP)": webmail front ends name the protocol in a comment
  const viaComment = parts.clauses.flatMap((c) => comments(c)).find((c) => /^via (HTTPS?|\w+)$/i.test(c));
  // Yahoo webmail: "from 1.2.3.4 by web1.mail.yahoo.com via HTTP"
  const viaWord = words(clause('via'))[0];
  const protocol = read.protocol ?? (viaComment ? viaComment.slice(4) : null) ?? (viaWord && /^https?$/i.test(viaWord) ? viaWord : null);
  const allComments = parts.clauses.flatMap((c) => comments(c));
  const byWords = words(byClause);
  const byProduct = comments(byClause)[0] ?? null;
  const exim = /\bExim\b/i.test([...allComments, protocol ?? ''].join(' ')) || /^esmtp/.test(protocol ?? '');
  const microsoft = /Microsoft/i.test(protocol ?? '') || /SMTPSVC/i.test(protocol ?? '');
  const from = fromClause
    ? readFrom(fromClause.tokens, protocol, exim, microsoft)
    : { from: null, helo: null, rdns: null, ip: null, ident: null, auth: null, rdnsNote: null };

  // a second "from" after the others is XMail's envelope sender: "for <x> from <y>"
  const laterFrom = parts.clauses.filter((c) => c.name === 'from').slice(1)[0];
  let envelopeFrom: string | null = laterFrom ? stripAngles(words(laterFrom)[0] ?? '') || null : null;
  for (const c of [...allComments, ...comments(fromClause)]) {
    const m = /envelope-(?:from|sender)\s+<?([^\s<>,)]*)>?/i.exec(c);
    if (m) {
      envelopeFrom = m[1] || envelopeFrom;
      break;
    }
  }
  // and Postfix's "(envelope-from x)" after the date
  if (parts.dateText) {
    const m = /\(envelope-from <?([^\s<>)]*)>?\)/i.exec(parts.dateText);
    if (m) envelopeFrom ??= m[1];
  }

  let id: string | null = words(clause('id'))[0] ?? null;
  // "…; Thu, 10 Nov 2005 08:24:21 -0600 id 000000DB.43735815.00001E11": an id after the date
  let dateText = parts.dateText;
  if (dateText) {
    const late = /\sid\s+(\S+)\s*$/i.exec(dateText);
    if (late) {
      id ??= late[1];
      dateText = dateText.slice(0, late.index).trim();
    }
  }
  if (id) id = stripAngles(id).replace(/(?<![,;])[,;]+$/, '') || null;
  const forWord = words(clause('for'))[0];
  const forAddr = forWord ? stripAngles(forWord).replace(/[,;]+$/, '') || null : null;

  let auth = from.auth;
  if (!auth && protocol && /^(e?smtp)?s?a$|^esmtpsa$|^esmtpa$|^asmtp$|^lmtpsa?$|^utf8smtps?a$/i.test(protocol)) auth = protocol;
  if (!auth && protocol && /^https?u?$/i.test(protocol)) auth = protocol;

  const date = dateText ? readMailDate(dateText.replace(/\(envelope-from[^()]*\)/i, ''), false) : null;
  const tls =
    withTls ??
    tlsIn([...allComments, ...comments(fromClause)]) ??
    (protocol && /^(e?smtps|esmtpsa|utf8smtps\w*|smtps)$/i.test(protocol) ? 'TLS' : null);
  const relay = from.ip !== null && !(protocol && NOT_RELAY.test(protocol)) && !/fetchmail/i.test(allComments.join(' '));
  return {
    from: from.from,
    helo: from.helo,
    rdns: from.rdns,
    rdnsNote: from.rdnsNote,
    ip: from.ip,
    ident: from.ident,
    by: byWords[0] ? cleanHost(byWords[0]) : null,
    byProduct,
    with: protocol,
    via: words(clause('via')).join(' ') || null,
    id,
    for: forAddr,
    envelopeFrom,
    tls,
    auth,
    dateText,
    time: date ? date.ms : null,
    relay,
  };
}
