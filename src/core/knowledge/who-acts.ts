// Whose move a refusal is, when the evidence says more than the refusal's words (issue 11 point 4).
// Data with its sources; the verdict card (worker/view/verdict.ts) reads it.

/**
 * A refusal the reader's own server gave a client (an inbound log line) for something the CLIENT
 * controls and a standard asks of it: the receiving server is right, so the sender's side fixes it
 * and the receiving administrator's move is to tell them (or accept them by exception). Keyed by the
 * checklist rule the refusal's first problem step has; `what` names the client's fault in the words
 * of the verdict; `unless` marks replies of the same rule that are the receiver's own over-strict
 * check instead, with the standard that says so.
 */
export interface ClientFault {
  rule: RegExp;
  what: string;
  unless?: RegExp;
  /** Only replies whose words say so (the rule alone is the receiver's as often). */
  only?: RegExp;
  sources: string[];
}

export const CLIENT_FAULTS: ClientFault[] = [
  {
    // a HELO that is not a fully-qualified name breaks RFC 5321 §4.1.1.1 (EHLO carries the client's FQDN or
    // an address literal); a HELO name that merely does not resolve ("Host not found": Postfix
    // reject_unknown_helo_hostname) is no ground to refuse (RFC 5321 §4.1.4: a server MUST NOT refuse a
    // message because the HELO verification fails) — that check is the receiver's own choice
    rule: /^(?:helo\.|smtp\.helo-rejected$)/,
    what: 'its HELO name',
    unless: /\bHost not found\b|\bunknown (?:helo|host)\b|\bcannot resolve\b|\bdoes not resolve\b/i,
    sources: ['RFC 5321 §4.1.1.1', 'RFC 5321 §4.1.4', 'https://www.postfix.org/postconf.5.html#reject_unknown_helo_hostname'],
  },
  {
    // the client's IP has no (matching) reverse DNS: only whoever holds its IP block can set it (RFC 1912 §2.1)
    rule: /^(?:ptr\.|smtp\.ptr-required$)/,
    what: 'the reverse DNS (PTR) of its IP',
    sources: ['RFC 1912 §2.1', 'https://www.postfix.org/postconf.5.html#reject_unknown_client_hostname'],
  },
  {
    // an SPF "fail", a DKIM signature that does not verify, DMARC failing under the domain's own policy: the
    // sender domain's published records say the message is not theirs (RFC 7208 §8.4, RFC 6376 §6.3, RFC 7489
    // §6.7); "none" (no record) is not among them — refusing for it is the receiver's choice (RFC 7208 §8.1)
    rule: /^(?:spf\.fail|dkim\.fail|dmarc\.fail)$/,
    what: "its domain's own SPF, DKIM or DMARC result",
    unless: /\bSPF (?:result:? )?none\b|\bno SPF record\b/i,
    sources: ['RFC 7208 §8.4', 'RFC 7208 §8.1', 'RFC 6376 §6.3', 'RFC 7489 §6.7'],
  },
  {
    // the message itself: its format (RFC 5322, RFC 5321 §4.5.3.1 line lengths), size or content
    rule: /^(?:headers\.|smtp\.(?:content-rejected|not-compliant|message-too-large)$)/,
    what: 'its message',
    sources: ['RFC 5322', 'RFC 5321 §4.5.3.1.6'],
  },
  {
    // the server's words tell the client to submit its mail — log in on the submission port (RFC 6409 §4.3: a
    // submission server requires authentication; the MX port takes no users' outgoing mail): the client's
    // settings change (maddy's "Use Submission for outgoing SMTP"); a bare "Relay access denied" or
    // "Authentication required" stays the server's to judge (its own domains may be missing from its lists)
    rule: /^smtp\.(?:auth-required|relay-denied)$/,
    what: 'sending without logging in (its mail must be submitted on port 587 or 465 with a login)',
    only: /\buse (?:the )?submission\b|\bsubmission port\b|\buse port 587\b/i,
    sources: [
      'RFC 6409 §4.3',
      'https://github.com/foxcpp/maddy/blob/master/maddy.conf (reject 501 5.1.8 "Use Submission for outgoing SMTP")',
    ],
  },
  {
    // the client wrote to an address the reader's server does not have (RFC 5321 §3.3: 550 at RCPT): the
    // writer corrects the address, unless it should exist
    rule: /^smtp\.recipient-unknown$/,
    what: 'writing to an address your server does not have',
    sources: ['RFC 5321 §3.3'],
  },
];

/** The client fault an own server's refusal names, by its first step's rule and the reply's words; null when none. */
export function clientFaultOf(rule: string, text: string): ClientFault | null {
  const f = CLIENT_FAULTS.find((c) => c.rule.test(rule));
  if (!f || (f.unless && f.unless.test(text)) || (f.only && !f.only.test(text))) return null;
  return f;
}

/**
 * A refusal of the reader's mail elsewhere whose own words show the REFUSING server's check at fault: it
 * refused what a standard allows, or it misroutes mail for a domain it serves. Whoever runs that server
 * mends it; the reader tells them. `rule` is the first problem step's rule, `words` the reply's words that
 * show it, `what` the fault in the verdict's words. Not for the paste's own server log (`notOwnLog`): there
 * the reader runs that server, and the own-server words say so.
 */
export interface ReceiverFault {
  rule: RegExp;
  words: RegExp;
  what: string;
  notOwnLog?: boolean;
  sources: string[];
}

export const RECEIVER_FAULTS: ReceiverFault[] = [
  {
    // an address literal ("[192.0.2.1]") is a valid EHLO argument for a client (RFC 5321 §4.1.1.1: "EHLO" SP
    // ( Domain / address-literal ); §4.1.3), and a client's IP is no name at all: a server calling it "not a
    // fully qualified domain name" applies a name check to an address (Forward Email's inbound check refused
    // Gmail's unnamed IPs so and was fixed on its side: github.com/forwardemail/free-email-forwarding/issues/175)
    rule: /^(?:helo\.|smtp\.helo-rejected$|ptr\.|smtp\.ptr-required$)/,
    words: /\[(?:\d{1,3}\.){3}\d{1,3}\]\s*(?:is\s+)?not\s+a\s+fully[\s-]qualified/i,
    what: 'its check called an IP address not a fully qualified name, which RFC 5321 allows',
    sources: ['RFC 5321 §4.1.1.1', 'RFC 5321 §4.1.3'],
  },
  {
    // Postfix's "mail for <domain> loops back to myself": the host found itself as the best MX of the domain
    // but does not take the domain as its own (mydestination, its virtual domains, a "backup MX" setting), so
    // the receiving domain's server is misconfigured; in the reader's own sending log it is the reader's server
    rule: /^smtp\.mail-loop$/,
    words: /\bloops back to myself\b/i,
    what: "it is the domain's MX but does not take the domain's mail as its own (it loops back to itself)",
    notOwnLog: true,
    sources: ['https://www.postfix.org/postconf.5.html#mydestination', 'https://www.postfix.org/faq.html'],
  },
];

/** The refusing server's own fault its words show, by the first step's rule and the reply's words; null when none. */
export function receiverFaultOf(rule: string, text: string, ownLog: boolean): ReceiverFault | null {
  return RECEIVER_FAULTS.find((f) => f.rule.test(rule) && f.words.test(text) && !(f.notOwnLog && ownLog)) ?? null;
}

/**
 * An SPF refusal by the reader's own server that names the result it refused: "fail" (the domain's own
 * record excludes the client: RFC 7208 §8.4) or the record's "-all". Without it the words ("SPF validation
 * failed" — RFC 7372 §3.2's X.7.23 is a failure "according to the policies of the receiving server") may
 * be a "none" or "softfail" the server's own policy refuses (RFC 7208 §8.1, §8.5): the paste cannot show
 * which, and the verdict says both.
 */
export const SPF_RESULT_STATED =
  /\bSPF\b[^.;\n]{0,40}\b(?:hard\s?)?fail\b|-all\b|\bnot (?:permitted|authori[sz]ed|allowed) to send\b|\bdoes not designate\b/i;

/**
 * A recipient address whose domain cannot be a host name (RFC 1123 §2.1 with RFC 952: letters, digits and
 * hyphens, no label starting or ending with a hyphen; RFC 5321 §4.1.2 Domain): mistyped, so no server can
 * have it — the writer corrects it. (A domain without a dot is left alone: pastes redact as "user@domain".)
 */
export function mistypedDomain(address: string | null | undefined): boolean {
  const domain = address?.split('@')[1];
  if (!domain || !domain.includes('.') || /[<>*\s]/.test(domain)) return false;
  return domain
    .replace(/\.$/, '')
    .split('.')
    .some((l) => l === '' || /^-|-$/.test(l));
}

/**
 * A refusal whose words say the recipient's domain does not exist or takes no mail at all: Postfix's
 * reject_unknown_recipient_domain ("Recipient address rejected: Domain not found", postconf(5)), Amazon SES's
 * 5.4.4 "Invalid domain", a null MX (RFC 7505 §4.2: "Domain does not accept email (null MX)", maddy), "no such
 * domain". There is no recipient's side to restore anything: the address is wrong (mistyped, invented, or the
 * domain gone), and whoever wrote it corrects it. (A DNS failure is not this: a lookup that failed says nothing
 * about the domain's existence — "Host not found, try again" stays a network error.)
 */
export const RECIPIENT_DOMAIN_GONE =
  /\bRecipient address rejected: Domain not found\b|\bInvalid (?:recipient )?domain\b(?! name)|\bnull MX\b|\bdomain does not accept (?:e-?)?mail\b|\bno such domain\b|\b(?:recipient )?domain (?:name )?does not exist\b/i;

/**
 * The reader's own server refused a client's sender because the LOGIN it authenticated with does not own
 * that address (Postfix reject_sender_login_mismatch: "Sender address rejected: not owned by user <login>").
 * The client logged in, so it is one of the reader's own accounts, and which addresses a login may send as
 * is the server's own map (smtpd_sender_login_maps): its administrator grants the address or has the user
 * send as its own. (A program inside the reader's own network is that program's setting: the verdict's
 * application words.)
 */
export const OWN_LOGIN_NOT_OWNER = /\bnot owned by (?:auth(?:enticated)? )?user\b/i;
