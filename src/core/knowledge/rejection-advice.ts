// What to do about a refusal, by its reason: the checklist rule it becomes,
// and the general advice. Receiver-specific advice (the exact setting on
// MDaemon, Gmail's page…) lives with the reply text in knowledge/replies/ and wins
// over this.

export interface RejectionAdvice {
  rule: string;
  /** sisimai reasons this advice covers. */
  reasons: string[];
  /** Short headline of the problem. */
  headline: string;
  detail: string;
  fix: string[];
  verify: string[];
  sources: string[];
  /** The step's status when it is not a failure to fix (an auto-reply is `info`). */
  status?: 'info' | 'warn';
}

export const REJECTION_ADVICE: RejectionAdvice[] = [
  {
    rule: 'smtp.not-compliant',
    reasons: ['notcompliantrfc'],
    headline: 'The receiver refused the message itself as not conforming to the standards',
    detail:
      'The refusal came after the message was sent, from a check of the message (RFC 5322): its headers are the first suspect — a missing Date: or From:, a header given twice, a malformed address or date.',
    fix: [
      'Look at the headers of the refused message: exactly one Date: (e.g. "Date: Mon, 11 Jun 2007 09:14:02 +0200"), exactly one From: with a valid address, at most one each of Sender:, Reply-To:, To:, Subject:, Message-ID:.',
      'Fix the program that writes the message (a script, scanner, ERP or CMS mailer) to add the missing headers or drop the duplicates.',
    ],
    verify: ["Paste the refused message's headers (or drop the .eml) into Mailmedic: every headers.* step must pass."],
    sources: ['RFC 5322 §3.6 (required and single-occurrence fields)'],
  },
  {
    // a receiver that names the From: header (Gmail 5.7.1 "Messages missing a valid address in From:
    // header"): RFC 5322 §3.6 requires exactly one From: with at least one mailbox (§3.4 syntax)
    rule: 'headers.missing-from',
    reasons: [],
    headline: 'The receiver refused the message for its From: header: missing, empty, or not a valid address',
    detail:
      'Every message needs exactly one From: header holding a full address, local-part@domain (RFC 5322 §3.6.2, §3.4). A program that builds the message from a setting (a "from address", a notification or feedback address) writes an empty From: <> or a bare name when that setting is empty or holds no domain.',
    fix: [
      "Set the sending program's sender (From) address to a full address of a domain you send for, e.g. notifications@<your domain>, and send again.",
      "If a person's address is used as the sender, make sure it has a domain and no stray quotes or brackets.",
    ],
    verify: [
      "Paste the refused message's headers (or drop the .eml) into Mailmedic: headers.missing-from and headers.invalid-address must pass.",
    ],
    sources: ['RFC 5322 §3.6.2 (originator fields: From: is required)', 'RFC 5322 §3.4 (address specification)'],
  },
  {
    rule: 'smtp.recipient-unknown',
    reasons: ['userunknown', 'hostunknown', 'hasmoved'],
    headline: 'The recipient address does not exist',
    detail: 'This is not a DNS, blocklist or authentication problem: the receiving system does not know the mailbox (or the domain).',
    fix: [
      'Check the recipient address for typos and ask the recipient for their current address.',
      'Remove the address from mailing lists after a hard bounce.',
    ],
    verify: ['Send a test message to the corrected address.'],
    sources: ['RFC 3463 §3.2 (X.1.1 Bad destination mailbox address)'],
  },
  {
    rule: 'smtp.relay-denied',
    reasons: ['norelaying'],
    headline: 'The server refused to relay: it does not accept mail for that domain from this client',
    detail:
      "Either the client should authenticate (SMTP AUTH) before sending to outside domains, or the domain's MX points at a server that does not handle it.",
    fix: [
      'Authenticate the client (SMTP AUTH on port 587) or allow its IP to relay on the server it uses.',
      "Check that the recipient domain's MX records point at servers that accept mail for it.",
    ],
    verify: ['swaks --to <recipient> --server <server> --auth-user <user> --port 587 --tls'],
    sources: ['RFC 5321 §3.6.2', 'RFC 6409 (message submission)'],
  },
  {
    rule: 'smtp.mailbox-full',
    reasons: ['mailboxfull'],
    headline: "The recipient's mailbox is full",
    detail: 'The recipient must make room, or their administrator raise the quota. Nothing on the sending side fixes it.',
    fix: ['Tell the recipient by other means; retry later.'],
    verify: [],
    sources: ['RFC 3463 §3.3 (X.2.2 Mailbox full)'],
  },
  {
    rule: 'smtp.message-too-large',
    reasons: ['mesgtoobig', 'exceedlimit'],
    headline: 'The message is larger than the receiver accepts',
    detail: "Attachments grow by a third in transfer (base64). The receiver's limit is in its EHLO SIZE keyword (RFC 1870).",
    fix: [
      'Send the attachment as a link, or compress or split it: the encoded message must stay under the limit the receiver announces.',
      "If you run the receiving server and want larger mail: raise its limit — Postfix message_size_limit (default 10240000); Exim message_size_limit; Exchange Set-TransportConfig -MaxReceiveSize and the receive connector's -MaxMessageSize; MDaemon Setup » Server Settings » Servers & Delivery (maximum message size).",
    ],
    verify: ['swaks --server {server} --quit-after EHLO  (the SIZE line shows the limit)'],
    sources: ['RFC 1870 (SIZE)', 'RFC 3463 §3.4 (X.3.4 Message too big)'],
  },
  {
    rule: 'smtp.rate-limited',
    reasons: ['toomanyconn', 'speeding'],
    headline: 'The receiver is limiting how fast this sender may send',
    detail:
      'Too many connections, messages or recipients in a short time. Temporary (4xx) refusals are retried; permanent ones need a slower sending rate.',
    fix: ['Lower the sending rate and the number of concurrent connections to this receiver; let the queue retry.'],
    verify: ['Watch the queue: deferred messages should go out on retry.'],
    sources: ['RFC 3463 §3.5 (X.4.5 Mail system congestion)'],
  },
  {
    rule: 'smtp.content-rejected',
    reasons: ['spamdetected', 'contenterror', 'virusdetected', 'filtered', 'policyviolation'],
    headline: "The receiver's filter refused the content of the message",
    detail:
      "A spam, virus or policy filter judged the message. Authentication (SPF, DKIM, DMARC) and the sending IP's reputation weigh in these verdicts.",
    fix: [
      'Check the authentication steps below; make sure SPF, DKIM and DMARC pass.',
      'Check the content: links to listed domains, attachments of blocked types, misleading headers.',
    ],
    verify: [],
    sources: ['RFC 3463 §3.8 (X.7.1 Delivery not authorized, message refused)'],
  },
  {
    rule: 'smtp.auth-required',
    reasons: ['securityerror'],
    headline: 'The server requires authentication or encryption that the client did not give',
    detail: 'The client must log in (SMTP AUTH) or use TLS before this server accepts the mail.',
    fix: ['Configure the client to authenticate on the submission port (587 with STARTTLS, or 465 with implicit TLS).'],
    verify: ['swaks --server <server> --port 587 --tls --auth-user <user> --quit-after AUTH'],
    sources: ['RFC 4954 (SMTP AUTH)', 'RFC 3463 §3.8 (X.7.8, X.7.9)'],
  },
  {
    rule: 'reputation.blocked',
    reasons: ['blocked', 'rejected', 'suspend'],
    headline: 'The receiver refused this sender by its own policy or block list',
    detail:
      "The receiver blocked the sending IP or domain by its own judgment (not necessarily a public DNSBL). Reverse DNS, authentication and the IP's listings usually decide it.",
    fix: ["Work through the reverse DNS, blocklist and authentication steps; then use the receiver's delisting form if it names one."],
    verify: [],
    sources: [],
  },
  {
    rule: 'smtp.ptr-required',
    reasons: ['requireptr'],
    headline: 'The receiver requires reverse DNS (a PTR record that resolves back) for the sending IP',
    detail:
      'The sending IP has no PTR record, or its name does not resolve back to the same IP (forward-confirmed reverse DNS), or the name looks like a dynamic address. The live reverse-DNS checks run on the sending IP when the input names it.',
    fix: [
      'Ask whoever holds the IP block (your ISP or hosting provider) to set a PTR record for the sending IP naming your mail server (e.g. mail.example.org).',
      'Make that name resolve (A/AAAA) back to the same IP, and use it in HELO/EHLO.',
    ],
    verify: ['dig -x <sending IP> +short', 'dig +short <that name> A'],
    sources: ['RFC 7372 §3.4 (X.7.25)', 'RFC 7601 §2.7.3 (iprev)', 'https://support.google.com/a/answer/81126'],
  },
  {
    rule: 'smtp.auth-failed',
    reasons: ['authfailure'],
    headline: 'The receiver refused the message because SPF, DKIM or DMARC did not pass',
    detail:
      'The receiver checked the message’s authentication and it failed (or was missing). The SPF, DKIM and DMARC steps check the sender’s domain when the input names it (MAIL FROM, or the From: header of the returned message).',
    fix: [
      'Publish an SPF record that includes every server that sends for the domain, sign with DKIM, and publish DMARC (at least p=none) aligned with the From: domain.',
    ],
    verify: ['dig +short TXT {domain}', 'dig +short TXT _dmarc.{domain}'],
    sources: ['RFC 7208 (SPF)', 'RFC 6376 (DKIM)', 'RFC 7489 (DMARC)', 'RFC 7372 §3.3'],
  },
  {
    rule: 'smtp.helo-rejected',
    reasons: [],
    headline: 'The receiver refused the name the client gave in HELO/EHLO',
    detail:
      'Receivers check the HELO/EHLO name: it must be a fully qualified domain name (not a bare host name like SCANNER01 or localhost), and many require it to resolve in DNS, ideally to the sending IP.',
    fix: [
      "Set the sending server's or device's HELO name to its fully qualified DNS name (e.g. mail.example.org) and give that name an A record pointing at the sending IP.",
    ],
    verify: ['dig +short <HELO name> A', 'swaks --server <receiver> --ehlo <HELO name> --quit-after EHLO'],
    sources: [
      'RFC 5321 §4.1.1.1 (EHLO takes the client’s fully qualified domain name)',
      'https://www.postfix.org/postconf.5.html#reject_non_fqdn_helo_hostname',
    ],
  },
  {
    rule: 'smtp.greylisted',
    reasons: [],
    headline: 'The receiver greylisted the message: a temporary refusal that a retry passes',
    detail:
      'Greylisting refuses the first attempt from an unknown sender, IP and recipient with a 4xx reply and accepts the same message when it comes back after a few minutes. Real mail servers retry by themselves.',
    fix: [
      'Nothing, if the sending server queues and retries: the message goes out on a later attempt.',
      'A script or device that talks SMTP directly and never retries must send through a real mail server.',
    ],
    verify: ['Look for a later delivery of the same message in the log (250, status=sent).'],
    sources: ['https://www.greylisting.org/', 'RFC 5321 §4.5.4.1 (retry strategy)'],
    status: 'warn',
  },
  {
    rule: 'smtp.sender-invalid',
    reasons: [],
    headline: 'The receiver refused the envelope sender (MAIL FROM)',
    detail:
      "The receiver checked the MAIL FROM address — whether its domain exists and has MX records, or whether the sender's server accepts it (callout) — and refused it.",
    fix: [
      "Send with a MAIL FROM address whose domain resolves (MX or A) and whose mailbox accepts bounces; programs often use root@localhost.localdomain or a host's internal name.",
      'On Postfix set myorigin and the sender canonical map; on a script set the envelope sender (sendmail -f).',
    ],
    verify: ['dig +short MX <sender domain>', 'swaks --server <receiver> --from <sender> --to <recipient> --quit-after RCPT'],
    sources: ['RFC 5321 §4.1.1.2 (MAIL)', 'https://www.postfix.org/postconf.5.html#reject_unknown_sender_domain'],
  },
  {
    rule: 'smtp.connection-failed',
    reasons: [],
    headline: 'The sending server could not hold a connection to the receiving server (no SMTP reply at all)',
    detail:
      'No receiver refused anything: the TCP connection to port 25 timed out, was refused, had no route, or was dropped mid-dialogue. This is a network or server-availability problem, not a judgment of the mail; reverse DNS, blocklists and SPF do not cause it (except a receiver that drops distrusted clients without a word).',
    fix: [
      'From the sending server, test the connection: nc -vz -w 10 <receiving MX> 25. If no host at all answers on port 25, the sending network blocks outgoing port 25: ask the provider to open it or relay through a smarthost on port 587.',
      "Check the recipient domain's MX records and that those hosts answer on port 25.",
    ],
    verify: ['nc -vz -w 10 <receiving MX> 25', 'dig +short MX <recipient domain>'],
    sources: ['https://www.postfix.org/DEBUG_README.html', 'RFC 5321 §4.5.4.1 (retry strategy)'],
  },
  {
    rule: 'smtp.delivery-expired',
    reasons: ['expired'],
    headline: 'The sending server gave up: the message stayed undeliverable for its whole queue lifetime',
    detail:
      'Every attempt during the retry period (Postfix maximal_queue_lifetime, 5 days by default; Exim retry rules; sendmail Timeout.queuereturn) was deferred, and the queue returned the message. The cause is the temporary error those attempts met: look for it in the earlier lines for this recipient or in the bounce.',
    fix: [
      'Find the last temporary error for this recipient (a connection timeout, greylisting, a rate limit, a full mailbox) and fix that; the expiry itself is only the consequence.',
    ],
    verify: ['Postfix: postqueue -p (the reason of each deferred message); Exim: exim -bp and exigrep <address> /var/log/exim/mainlog'],
    sources: [
      'RFC 5321 §4.5.4.1 (retry strategy, give up after 4–5 days)',
      'https://www.postfix.org/postconf.5.html#maximal_queue_lifetime',
    ],
  },
  {
    rule: 'dnsbl.listed',
    reasons: [],
    headline: 'The receiver refused the mail because a DNS blocklist lists the sending IP (or, for a domain list, a sender domain)',
    detail:
      'The reply says a blocklist (DNSBL/RBL) lists the sending IP, or — for a domain list such as Spamhaus DBL — the domain of the sender address or HELO name. When it does not name the list, the blocklist steps below show which public lists list the IP and the domains now.',
    fix: [
      "Look the IP up on the lists' own pages (e.g. https://check.spamhaus.org/, https://www.barracudacentral.org/lookups, https://www.spamcop.net/bl.shtml), find and stop what sent spam from it, then request removal.",
    ],
    verify: ['dig +short <reversed IP>.zen.spamhaus.org A   (no answer = not listed)'],
    sources: ['RFC 5782 (DNS blacklists)'],
  },
  {
    rule: 'mta.local-error',
    reasons: [],
    headline:
      'An error inside the mail system itself (its configuration, or a local service it relies on: a policy service, a lookup table, LMTP, a content filter), not a judgment of the mail',
    detail:
      "The server failed on its own setup: whatever the client sends, it gets the same answer until the server's administrator fixes it. Reverse DNS, SPF, DKIM and blocklists of the sender play no part.",
    fix: [
      'On the server that answered, read the warning lines logged just before the error: they name the restriction, table or service that failed (a service not running, a wrong port, a misspelt setting).',
    ],
    verify: ['Send again after the fix: the reply must be 250, and the log must have no warning before it.'],
    sources: ['RFC 5321 §4.2.1 (a 4yz/5yz reply about the server itself)', 'https://www.postfix.org/DEBUG_README.html'],
  },
  {
    rule: 'smtp.dns-lookup-failed',
    reasons: [],
    headline: 'The sending server could not look up the recipient domain in DNS (a temporary DNS failure, not a refusal)',
    detail: "No receiver was reached. The sending server's resolver, or the recipient domain's name servers, did not answer.",
    fix: ["Check the sending server's resolver (dig MX <domain> on that server) and the domain's delegation (dig +trace MX <domain>)."],
    verify: ['dig MX <recipient domain>'],
    sources: ['RFC 5321 §5.1'],
  },
  {
    rule: 'smtp.mail-loop',
    reasons: [],
    headline: 'The mail would loop: the server would deliver it to itself',
    detail: "The recipient domain's MX points at a server that does not accept the domain as its own.",
    fix: [
      "Accept the domain on the server (Postfix mydestination / virtual_mailbox_domains / relay_domains) or correct the domain's MX record.",
    ],
    verify: ['dig +short MX <recipient domain>'],
    sources: ['https://www.postfix.org/faq.html#loop'],
  },
  {
    rule: 'smtp.tls-failed',
    reasons: [],
    headline: 'The TLS handshake between the two servers failed',
    detail:
      'The servers could not agree on a TLS protocol or cipher, or a policy required a verified certificate that did not verify. The mail itself was not judged.',
    fix: [
      'Inspect the receiving side: openssl s_client -starttls smtp -connect <server>:25 shows the offered protocol, cipher and certificate, or where the handshake fails; update the older side or renew the certificate.',
    ],
    verify: ['openssl s_client -starttls smtp -connect <server>:25 </dev/null'],
    sources: ['https://www.postfix.org/TLS_README.html', 'RFC 3207 (STARTTLS)'],
  },
  {
    rule: 'smtp.login-failed',
    reasons: [],
    headline: 'The server refused the client’s login (SMTP AUTH): wrong user name or password, or a locked account',
    detail:
      'The client authenticated with credentials the server did not accept. Fix the credentials on the client; nothing in DNS is involved.',
    fix: [
      'Correct the user name (usually the full address) and password in the sending program or device; check that the account is not locked or barred from SMTP.',
    ],
    verify: ['swaks --server <server> --port 587 --tls --auth-user <user> --quit-after AUTH'],
    sources: ['RFC 4954 §6 (535 5.7.8)'],
  },
  {
    rule: 'forwarding.disabled-by-policy',
    reasons: [],
    headline: "The forwarding organisation's own policy stopped an automatic forward to an outside address",
    detail:
      'A mailbox forwards automatically (an inbox rule, a forwarding address) and its own organisation forbids automatic forwarding outside it. The original sender and the final recipient have nothing to fix.',
    fix: [
      "The forwarding mailbox's administrator: allow automatic external forwarding for that mailbox only, or remove the forward if nobody meant it (a rule a phisher planted is common).",
    ],
    verify: ['Send a test message to the forwarding mailbox: the copy must reach the outside address.'],
    sources: ['https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding'],
  },
  {
    rule: 'submission.auth-not-offered',
    reasons: [],
    headline: 'The client tried to log in (SMTP AUTH) where the server offers no login',
    detail:
      'The server does not offer AUTH on this connection (an MX host, a relay that trusts clients by IP, or AUTH only after STARTTLS): the credentials were never checked.',
    fix: [
      "Log in on the provider's submission host (port 587 with STARTTLS), or turn authentication off when sending to an MX or an IP-trusted relay.",
    ],
    verify: ['swaks --server <server> --port 587 --tls --quit-after EHLO   (the EHLO reply must list 250-AUTH)'],
    sources: ['RFC 4954 §4, §6'],
  },
  {
    rule: 'smtp.receiver-dnsbl-error',
    reasons: [],
    headline: "The receiver's own blocklist lookup failed and it refused the mail anyway (not a listing of the sending IP)",
    detail:
      "The receiving server's blocklist query was refused (Spamhaus answers 127.255.255.254 to queries from public resolvers) and the server took the error for a listing. Only the receiver's administrator can fix it.",
    fix: [
      'Receiver: query blocklists through your own recursive resolver or with a DQS key, and accept only listing codes (Postfix: reject_rbl_client zen.spamhaus.org=127.0.0.[2..11]).',
      "Sender: tell the receiver's postmaster, quoting the reply.",
    ],
    verify: ['On the receiving server: dig +short 2.0.0.127.zen.spamhaus.org A   (127.0.0.2 = working; 127.255.255.254 = refused)'],
    sources: ['https://www.spamhaus.org/resource-hub/dnsbl/using-our-public-mirrors-check-your-return-codes-now./'],
  },
  {
    rule: 'reputation.complaint',
    reasons: ['feedback'],
    headline: 'A recipient or their provider reported the message as spam (feedback report)',
    detail:
      'This is an ARF feedback report (RFC 5965) from a feedback loop: the recipient marked the message as spam or the provider flagged it. Complaints lower the sender’s reputation with that provider.',
    fix: [
      'Stop mailing the reporting recipient (unsubscribe them) and check why they did not expect the mail.',
      'Make unsubscribing easy (List-Unsubscribe, RFC 8058 one-click) and send only to people who asked.',
    ],
    verify: [],
    sources: ['RFC 5965 (ARF)', 'RFC 8058 (one-click unsubscribe)'],
    status: 'warn',
  },
  {
    rule: 'smtp.delivered',
    reasons: ['delivered'],
    headline: 'The message was delivered (a delivery notification, not a failure)',
    detail: 'The report says the receiving server accepted the message for this recipient.',
    fix: [],
    verify: [],
    sources: ['RFC 3464 §2.3.3 (Action: delivered)', 'https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html'],
    status: 'info',
  },
  {
    rule: 'smtp.auto-reply',
    reasons: ['vacation'],
    headline: 'This is an automatic reply (out of office), not a delivery failure',
    detail: 'The message was delivered; the recipient’s system answered automatically (RFC 3834).',
    fix: [],
    verify: [],
    sources: ['RFC 3834 (automatic responses)'],
    status: 'info',
  },
  {
    rule: 'smtp.rejected',
    reasons: [
      'undefined',
      'systemerror',
      'systemfull',
      'notaccept',
      'networkerror',
      'expired',
      'syntaxerror',
      'onhold',
      'vacation',
      'feedback',
    ],
    headline: 'The receiver refused the mail',
    detail: 'The reply does not say more about why. Read the full text of the reply; the steps below check the usual causes.',
    fix: [],
    verify: [],
    sources: ['RFC 5321 §4.2 (reply codes)'],
  },
];

export function adviceForRule(rule: string | undefined): RejectionAdvice | undefined {
  return rule ? REJECTION_ADVICE.find((a) => a.rule === rule) : undefined;
}

export function adviceForReason(reason: string): RejectionAdvice {
  return REJECTION_ADVICE.find((a) => a.reasons.includes(reason)) ?? REJECTION_ADVICE[REJECTION_ADVICE.length - 1];
}
