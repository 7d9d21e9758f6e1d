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
  if (!f || (f.unless && f.unless.test(text))) return null;
  return f;
}
