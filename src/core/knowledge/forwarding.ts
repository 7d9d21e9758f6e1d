// The marks a paste shows when the refused message was passed on by a
// forwarder (an alias or .forward that points elsewhere, a forwarding
// service, a mailing list, a mailbox rule): the receiver then judged the
// forwarder's IP, HELO and re-sent envelope, not the original sender's, so
// whose move it is changes (RFC 7208 §1.1.1 and Appendix D: SPF checks the
// last hop, which a forwarder replaces; RFC 7489 §10.4 on lists and DMARC).
//
// Each mark is read either in the refusal's own words (scope 'reply') or in
// the lines of the paste around it (scope 'input'). Bare words such as a
// reader's "Forwarded message" (a person passing the bounce on to the admin)
// or "forward DNS" (Gmail's PTR text) are no mark: only the shapes below are.

export interface ForwardingMark {
  id: string;
  scope: 'reply' | 'input';
  /**
   * Who passed the message on: the server or program that wrote the paste ('own': its alias,
   * .forward, SRS, forwarding rule), or a relay or service whose report the paste quotes ('service').
   * An own forwarder refused for its own IP or name (PTR, HELO, a blocklist) is simply the sending
   * server; a service's IP is the service's to mend.
   */
  by: 'own' | 'service';
  pattern: RegExp;
  /** What the mark shows, in words for the report. */
  says: string;
  source: string;
}

export const FORWARDING_MARKS: ForwardingMark[] = [
  {
    id: 'srs-envelope',
    by: 'own',
    scope: 'input',
    // SRS0=HHH=TT=domain=local@forwarder, SRS1=HHH=forwarder==HHH=TT=domain=local@forwarder
    pattern: /\bSRS[01][=+-][^\s@<>]*@[a-z0-9.-]+\.[a-z]{2,}/i,
    says: 'the envelope sender is rewritten by the Sender Rewriting Scheme (SRS), which forwarders apply',
    source: 'https://www.libsrs2.net/srs/srs.pdf (Sender Rewriting Scheme: SRS0/SRS1 addresses written by a forwarder)',
  },
  {
    id: 'exim-generated-from',
    by: 'own',
    scope: 'input',
    // the address may be a poster's redaction ("<'name'>@<'domain'>.com")
    pattern: /\((?:ultimately )?generated from\s+[^()\s]*@[^()\s]+\)/i,
    says: 'Exim says the refused address was generated from another one (an alias or .forward redirected it)',
    source:
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-the_redirect_router.html (addresses a redirect router generates; the bounce names the address they came from)',
  },
  {
    id: 'rerouted',
    by: 'own',
    scope: 'input',
    pattern: /\((?:re-?routed|redirected|forwarded)\)/i,
    says: 'the delivery is marked as rerouted (a forwarding rule sent the message on)',
    source: 'A delivery report that tags the failed address "(Rerouted)": the message was sent on by a forwarding rule',
  },
  {
    id: 'forward-failed',
    by: 'own',
    scope: 'input',
    pattern: /\bforward(?:ing)?[ _-]?(?:error|failed|failure)\b|\b(?:failed|unable|could not) to forward\b/i,
    says: 'the log reports a forward that failed (a forwarding rule sent the message on)',
    source: "A forwarding rule's own log line: the failed delivery is the forwarded copy",
  },
  {
    id: 'relay-upstream-error',
    by: 'service',
    scope: 'input',
    // Cloudflare Email Routing reports the destination's refusal as "upstream (<host>) error: …"
    pattern: /\bupstream \([a-z0-9.-]+\.?\) error\b/i,
    says: 'a forwarding service reports its next hop\'s refusal ("upstream (…) error")',
    source:
      'https://community.cloudflare.com/t/email-routing-421-4-3-0-upstream-error-to-sender-but-email-delivered/745734 (Cloudflare Email Routing: the forwarded delivery failed upstream)',
  },
  {
    id: 'reply-forwarding',
    by: 'service',
    scope: 'reply',
    // "does not allow external forwarding", "forwarded mail", "forwarder" — not "forward DNS",
    // not a "mail forwarding loop" (a loop is a routing error, not a forwarder's mail)
    pattern: /\b(?:forwarded|forwarding|forwarder)\b(?!\s+(?:loop|dns|lookup|confirmed|path))/i,
    says: "the receiver's own words say the message was forwarded",
    source:
      'https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding (5.7.520: the tenant forbids automatic forwarding)',
  },
];
