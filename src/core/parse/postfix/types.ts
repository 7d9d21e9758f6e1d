// The fields one Postfix log message is read into (event.ts fills them;
// fields.ts and postscreen.ts fill parts). The names follow
// postfix-grok-patterns where a name exists, so the corpus of its tests
// scores this reader (scripts/conformance/postfix-lines.ts).

export interface PostfixEvent {
  daemon: string;
  queueId?: string;
  level?: string;
  /** reject, warning, milter-reject, discard, hold, redirect… */
  action?: string;
  clientHost?: string;
  clientIp?: string;
  clientPort?: number;
  serverIp?: string;
  serverPort?: number;
  relayHost?: string;
  relayIp?: string;
  relayPort?: number;
  /** sent, bounced, deferred, expired… */
  status?: string;
  dsn?: string;
  /** The server's reply as logged (for smtp: what the remote said). */
  response?: string;
  /** The SMTP command word as Postfix logs it: RCPT, RCPT TO, MAIL FROM, CONNECT, END-OF-MESSAGE, "."… */
  smtpStage?: string;
  code?: number;
  enhanced?: string;
  /** The reply text after the codes (smtpd rejects). */
  replyText?: string;
  from?: string;
  to?: string;
  origTo?: string;
  helo?: string;
  proto?: string;
  violation?: string;
  access?: string;
  dnsblDomain?: string;
  /**
   * What the list was asked about, from Postfix's default_rbl_reply "$rbl_class [$rbl_what] blocked
   * using $rbl_domain": an IP (reject_rbl_client), or a domain — the sender address's, the HELO
   * name, the client's host name (reject_rhsbl_*) — when it is not the client IP that is listed.
   */
  dnsblWhat?: string;
  dnsblRank?: number;
  messageId?: string;
  size?: number;
  /** smtpd "connect from", "disconnect from"; smtp "connect to … failed". */
  event?: 'connect' | 'disconnect' | 'client' | 'lost' | 'timeout' | 'other';
  /** What smtpd warned about the client's DNS (FCrDNS, PTR). */
  dnsWarning?: 'no-ptr' | 'fcrdns-mismatch' | 'ptr-temp';
  message?: string;
}
