// The default refusal texts of the mail servers administrators run themselves — Exim's ACLs and
// verification, sendmail's rulesets, qmail-smtpd and its chkuser patch — and of the SPF policy
// service most Postfix servers call (policyd-spf, on the pyspf library). Each text is the product's
// own, quoted from its source or manual (the address in `sources`); what it means and who acts is
// ours. Postfix's own texts are in postfix.ts, Exchange's in onprem.ts.

import type { ReplyKnowledge } from './types';

const EXIM_ACL = 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-access_control_lists.html';
const CHKUSER = 'chkuser 2.0 chkuser_settings.h (qmail-smtpd patch by Antonio Nati)';

export const MTA_REPLIES: ReplyKnowledge[] = [
  // ---- Exim
  {
    // acl.c acl_verify(): "verify = sender" that ended in DEFER — the sender domain's DNS did not answer, or
    // the callout to its MX (a RCPT TO the sender) got no definite answer. A temporary refusal (451/450)
    id: 'exim.sender-verify-incomplete',
    sender: 'Exim (verify = sender)',
    text: /\bCould not complete sender verify(?: callout)?\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: "The receiver could not check the envelope sender's domain just now (Exim 'verify = sender' got no answer)",
    meaning:
      "The receiving Exim verifies every envelope sender (MAIL FROM) before it accepts: it looks the sender's domain up in DNS and, with a callout, asks that domain's MX whether the address exists. 'Could not complete' means it got no definite answer — the domain's name servers or MX did not respond, or refused the callout with a temporary error — so it deferred; the queue retries. If it lasts, the sender domain's DNS or MX is broken, or the MX refuses callouts (the null sender <>).",
    rules: ['smtp.sender-invalid', 'smtp.dns-lookup-failed'],
    transient: true,
    fix: [
      "Check the envelope sender's domain from outside: its name servers must answer for MX and A, and its MX must accept a RCPT TO for the sender from the null sender <>.",
      'A program that sends as a domain nobody receives mail for (an internal or made-up domain): give it a real sender address.',
    ],
    verify: ['dig +short MX <sender domain>; swaks --server <that MX> --from "<>" --to <the sender address> --quit-after RCPT'],
    sources: [
      `${EXIM_ACL} (verify = sender; defer_ok, callout)`,
      'Exim src/src/acl.c acl_verify() ("Sender verify failed", "Could not complete sender verify", "Could not complete sender verify callout")',
    ],
  },
  {
    // Exim's text for a "deny" (or a failed "require") ACL statement written without a message= (acl.c: the
    // default user message of a refusal); the default configure's statements all have their own words, so this
    // is one of the receiving administrator's own rules — its mainlog line says which one
    id: 'exim.administrative-prohibition',
    sender: 'Exim (an ACL without its own message)',
    text: /^(?:[\s\S]{0,120}?[\s:-])?Administrative prohibition\b/i,
    reason: 'rejected',
    // (who acts: nothing names the receiver's fault — the sender checks its own listings first)
    party: 'sender',
    headline: "The receiving Exim refused by one of its administrator's own rules ('Administrative prohibition' names none)",
    meaning:
      "Exim answers 'Administrative prohibition' when an ACL statement of the receiving server refused without a text of its own (deny or require without message=). The words name no reason: it may be a blocklist, a sender or recipient rule, a country or HELO check. Only the receiving server's log line ('rejected RCPT <…>: …' in its mainlog) says which statement fired.",
    rules: ['smtp.rejected', 'smtp.sender-invalid'],
    fix: [
      'If the server is not yours: ask its administrator for the mainlog line of your attempt (time, your IP {ip}) — it names the rule; until then check the usual suspects: blocklists of your IP, PTR and HELO, SPF of the sender domain.',
      'If it is yours: grep the time of the refusal in /var/log/exim/mainlog (or exim_mainlog): the line names the ACL condition; give that statement a message= so the next refusal says why.',
    ],
    sources: [EXIM_ACL, 'Exim src/src/acl.c (default user message "Administrative prohibition")'],
  },
  {
    // the default configure's acl_check_rcpt: "deny domains = +local_domains local_parts = ^[.] : ^.*[@%!/|]
    // message = Restricted characters in address" (and the same for other domains)
    id: 'exim.restricted-characters',
    sender: 'Exim (default configure, acl_check_rcpt)',
    text: /\bRestricted characters in address\b/i,
    reason: 'userunknown',
    party: 'sender',
    meaning:
      "The receiving Exim refuses recipient addresses whose local part starts with a dot or holds @ % ! / | (its default configuration's first RCPT rule): such an address cannot exist there. The address as written is wrong — often a paste error, an extra dot, or a percent-hack route.",
    rules: ['smtp.recipient-unknown'],
    fix: ['Correct the recipient address (no leading dot, none of @ % ! / | before the @), or ask the recipient for the right one.'],
    sources: ['https://github.com/Exim/exim/blob/master/src/src/configure.default (acl_check_rcpt: "Restricted characters in address")'],
  },
  {
    // Exim's temporary refusal when its own processing failed (a lookup, a database, a filter, a spool write)
    id: 'exim.temporary-local-problem',
    sender: 'Exim (its own processing)',
    // (not when words of a rate or quota follow: cPanel's Exim appends "ratelimit exceeded", whose finding is the limit)
    text: /\bTemporary local problem(?: - please try later)?\b(?![\s\S]*\b(?:rate ?limit|limit|exceeded|too many|quota))/i,
    reason: 'systemerror',
    party: 'receiver-policy',
    headline: 'The receiving Exim failed on its own processing (a lookup, a filter, its spool): a temporary fault of that server',
    meaning:
      "Exim answers 'Temporary local problem - please try later' when something on the receiving server failed while it checked or stored the message: a lookup (database, LDAP, DNS of its own), an ACL that deferred on an error, a content scanner that did not answer, a full or unwritable spool. The client did nothing wrong; the queue retries.",
    rules: ['mta.local-error'],
    transient: true,
    fix: [
      'If the server is not yours: nothing to change; the queue retries. If it lasts, tell its administrator the time and your IP.',
      "If it is yours: the paniclog and mainlog lines at that time name the failed lookup or scanner (exim -bp, tail /var/log/exim/paniclog); fix it, then 'exim -qff' to retry.",
    ],
    sources: ['https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html', `${EXIM_ACL} (defer)`],
  },

  // ---- sendmail
  {
    // sendmail cf (proto.m4 check_mail): a sender address without a domain, from a client that is not local
    id: 'sendmail.domain-name-required',
    sender: 'sendmail (check_mail)',
    text: /\bDomain name required for sender address\b/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      "The receiving sendmail refuses an envelope sender (MAIL FROM) without a domain (a bare user name such as 'root' or 'www-data'): outside its own host such an address cannot be answered. The sending program or server did not qualify the sender with its domain.",
    rules: ['smtp.sender-invalid'],
    fix: [
      "Give the sending program a full sender address (user@your-domain); on a sending Postfix set myorigin (and append_at_myorigin), on sendmail the masquerade domain, on a script the -f option of sendmail or the library's From/envelope setting.",
    ],
    sources: [
      'https://www.sendmail.org/~ca/email/doc8.12/cf/m4/readme.html (check_mail; "Domain name required for sender address")',
      'sendmail cf/m4/proto.m4',
    ],
  },
  {
    // sendmail finds itself at the head of the domain's MX list (domain.c getmxrr: the SYSERR "MX list for <domain>
    // points back to <host>"; the delivery's "553 5.3.5 <host> config error: mail loops back to me (MX problem?)"):
    // the MX points at this server, but the domain is not one of its own (class w, local-host-names)
    id: 'sendmail.mail-loops-back',
    sender: 'sendmail (MX list)',
    text: /\bconfig error: mail loops back to me\b|\bMX list for \S{1,255} points back to\b/i,
    reason: 'systemerror',
    party: 'unknown',
    meaning:
      "The sending sendmail found itself as the best MX of the recipient domain, so it would deliver to itself: the domain's MX record points at this server, but sendmail does not take the domain as its own (it is not in class w, /etc/mail/local-host-names), or a mailertable or relay sends it back.",
    rules: ['smtp.mail-loop'],
    fix: [
      "If this server should receive the domain's mail, add the domain to /etc/mail/local-host-names (class w) or to the virtusertable, and restart sendmail; if not, correct the domain's MX record (or the mailertable entry) so it names the real mail server.",
    ],
    verify: ['dig +short MX <recipient domain>', 'sendmail -bt -d0.4 < /dev/null   (lists the names sendmail takes as its own: class w)'],
    sources: [
      'sendmail src/domain.c (getmxrr: "MX list for %s points back to %s")',
      'sendmail src/deliver.c ("553 5.3.5 %s config error: mail loops back to me (MX problem?)")',
      'https://www.sendmail.org/~ca/email/doc8.12/op-sh-5.html (class w)',
    ],
  },
  {
    // sendmail's status for an EX_CONFIG exit (sysexits.h 78, "Local configuration error", DSN 5.3.5 "System
    // incorrectly configured", RFC 3463 §3.4): the sending server's own setup stopped the delivery, most often the
    // MX loop above; the SYSERR line before it in the log names the cause
    id: 'sendmail.local-configuration-error',
    sender: 'sendmail (EX_CONFIG)',
    text: /^\s*(?:(?:Deferred|Service unavailable): )?Local configuration error\b/i,
    codes: [0],
    reason: 'systemerror',
    party: 'unknown',
    headline: "The sending sendmail stopped on its own configuration ('Local configuration error'), not on any receiver's reply",
    meaning:
      "sendmail ends a delivery with 'Local configuration error' when its own configuration makes the delivery impossible: most often the recipient domain's MX points back at this server (a SYSERR line 'MX list for … points back to …' or 'mail loops back to me' just before it), otherwise a mailer or a map it cannot use. No receiver was asked.",
    rules: ['mta.local-error', 'smtp.mail-loop'],
    fix: [
      "Read the SYSERR line logged just before it for the same queue ID: an MX loop is fixed by adding the domain to /etc/mail/local-host-names (if this server receives its mail) or by correcting the domain's MX record; another cause names the mailer or map to fix in sendmail.mc.",
    ],
    verify: ["grep '<queue id>' /var/log/maillog", 'dig +short MX <recipient domain>'],
    sources: [
      'sendmail include/sm/sysexits.h and src/sysexits.c (EX_CONFIG: "Local configuration error", 5.3.5)',
      'RFC 3463 §3.4 (X.3.5 System incorrectly configured)',
    ],
  },
  {
    // sendmail srvrsmtp.c: MAIL/RCPT when the queue's file system is below MinFreeBlocks
    id: 'sendmail.insufficient-disk',
    sender: 'sendmail (MinFreeBlocks)',
    text: /\bInsufficient disk space; try again later\b/i,
    reason: 'systemfull',
    party: 'receiver-policy',
    headline: "The receiving server's disk is too full to take mail: its fault, retried by itself",
    meaning:
      'The receiving sendmail refuses new mail while its queue file system has less free space than MinFreeBlocks (452 4.4.5): a disk that filled up on the receiving server. Nothing the client sent is wrong; the queue retries.',
    rules: ['mta.local-error'],
    transient: true,
    sources: [
      'sendmail src/srvrsmtp.c ("452 4.4.5 Insufficient disk space; try again later")',
      'https://www.sendmail.org/~ca/email/doc8.12/op-sh-5.html (MinFreeBlocks)',
    ],
  },

  // ---- qmail-smtpd and its chkuser patch
  {
    // qmail-smtpd.c: RCPT TO for a domain not in control/rcpthosts, from a client without RELAYCLIENT; chkuser
    // answers the same words with "(#5.5.3 - chkuser)"
    id: 'qmail.rcpthosts',
    sender: 'qmail-smtpd (control/rcpthosts)',
    text: /\bthat domain isn'?t in my list of allowed rcpthosts\b/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      "qmail refuses to relay: the recipient's domain is not in its control/rcpthosts, and the client is neither marked RELAYCLIENT (tcp.smtp) nor logged in (SMTP AUTH, with an AUTH patch). Usually a mail client or device that sends without logging in, or a domain the server should host but was not added.",
    rules: ['smtp.relay-denied'],
    fix: [
      'A mail client or user of this server: log in (SMTP AUTH) on the submission port 587 with STARTTLS.',
      'A fixed device that cannot log in ({ip}): add \'{ip}:allow,RELAYCLIENT=""\' to /etc/tcp.smtp and rebuild tcp.smtp.cdb (qmailctl cdb).',
      'Mail from outside for a domain this server hosts: add the domain to control/rcpthosts (and control/virtualdomains or locals).',
    ],
    sources: [
      'https://cr.yp.to/qmail/qmail-smtpd.html (rcpthosts)',
      'qmail-1.03 qmail-smtpd.c ("553 sorry, that domain isn\'t in my list of allowed rcpthosts (#5.7.1)")',
      CHKUSER,
    ],
  },
  {
    // qmail-smtpd.c: qmail-queue failed (its exit code 81 "qq temporary problem", also the usual exit of a content
    // scanner or spam filter wrapped in front of qmail-queue: simscan, qmail-scanner) — the receiving server's own
    id: 'qmail.qq-temporary-problem',
    sender: 'qmail-smtpd (qmail-queue failed)',
    text: /\bqq (?:temporary problem|write error or disk full|read error|trouble (?:creating|in) [\w ]{1,30}|soft reject)\b/i,
    reason: 'systemerror',
    // the receiving server is the recipient's: its administrator (or provider) acts — a qmail host's "trouble in
    // home directory" is often a mailbox over its quota there
    party: 'recipient',
    headline: "The receiving qmail could not queue the message (qmail-queue, or a scanner in front of it, failed): that server's fault",
    meaning:
      "qmail-smtpd hands each message to qmail-queue; 'qq temporary problem' (and 'qq write error or disk full') mean that step failed on the receiving server — a full disk, wrong permissions, or a virus/spam scanner wrapped around qmail-queue (simscan, qmail-scanner) that crashed or timed out. The client's queue retries.",
    rules: ['smtp.rejected', 'mta.local-error'],
    transient: true,
    fix: [
      "If the server is not yours: nothing to change; tell its administrator (the recipient's provider) if it lasts — 'trouble in home directory' is often the recipient's mailbox over its quota or its directory unwritable.",
      "If it is yours: check free space and the queue (qmail-qstat), the scanner's log (simscan/clamd/spamd), and QMAILQUEUE in tcp.smtp; run the message through qmail-inject by hand to see the error.",
    ],
    sources: [
      'https://cr.yp.to/qmail/qmail-queue.html (exit codes)',
      'qmail-1.03 qmail-smtpd.c ("451 qq temporary problem (#4.3.0)", "451 qq write error or disk full (#4.3.0)", "451 qq trouble in home directory (#4.3.0)")',
    ],
  },
  {
    id: 'qmail.badmailfrom',
    sender: 'qmail-smtpd (control/badmailfrom)',
    text: /\byour envelope sender is in my badmailfrom list\b|\bsender address has invalid format\b[\s\S]{0,20}chkuser/i,
    reason: 'rejected',
    party: 'receiver-policy',
    headline: "The receiving qmail's own list refuses this envelope sender (badmailfrom): its administrator's rule",
    meaning:
      "The receiving qmail lists the envelope sender, or its whole domain (@domain), in control/badmailfrom: a rule its administrator wrote. No DNS record or reputation of the sender explains it; only they can remove it. (chkuser's 'sender address has invalid format' is its check that the sender is a well-formed address.)",
    rules: ['smtp.sender-invalid', 'smtp.rejected'],
    sources: [
      'https://cr.yp.to/qmail/qmail-smtpd.html (badmailfrom)',
      'qmail-1.03 qmail-smtpd.c ("553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)")',
      CHKUSER,
    ],
  },
  {
    // the badrcptto patch for qmail-smtpd (and netqmail/notqmail builds carrying it)
    id: 'qmail.badrcptto',
    sender: 'qmail-smtpd (badrcptto patch)',
    text: /\byour envelope recipient is in my badrcptto list\b/i,
    reason: 'filtered',
    party: 'recipient',
    meaning:
      'The receiving qmail lists this recipient address in control/badrcptto: an address it refuses on purpose (a retired address, a spam trap, one that takes no outside mail).',
    rules: ['smtp.recipient-unknown', 'smtp.rejected'],
    sources: ['qmail-smtpd badrcptto patch ("553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)")'],
  },
  {
    id: 'chkuser.sender-mx',
    sender: 'qmail chkuser',
    text: /\bcan'?t find a valid MX for sender domain\b/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      "The receiving qmail (chkuser patch) looked the envelope sender's domain up and found no usable MX (nor an A record to fall back on): a sender domain that cannot receive replies or bounces. Typical: a program sending as an internal or made-up domain.",
    rules: ['smtp.sender-invalid'],
    sources: [CHKUSER + ' (CHKUSER_SENDERMX_STRING "511 sorry, can\'t find a valid MX for sender domain (#5.1.1 - chkuser)")'],
  },
  {
    id: 'chkuser.rcpt-mx',
    sender: 'qmail chkuser',
    text: /\bcan'?t find a valid MX for rcpt domain\b/i,
    reason: 'hostunknown',
    party: 'sender',
    meaning:
      "The receiving qmail (chkuser) found no usable MX for the recipient's domain (when it relays for an authenticated user): the domain after the @ is wrong or does not receive mail.",
    rules: ['smtp.recipient-unknown'],
    sources: [CHKUSER + ' (CHKUSER_RCPTMX_STRING)'],
  },
  {
    // chkuser: too many refused recipients in one session (CHKUSER_MAXWRONGRCPT), or its intrusion threshold
    id: 'chkuser.security-policies',
    sender: 'qmail chkuser',
    text: /\byou are violating our security policies\b[\s\S]{0,20}chkuser|\breached maximum number of recipients for one session\b/i,
    reason: 'toomanyconn',
    party: 'sender',
    meaning:
      "The receiving qmail (chkuser) stopped the session: the client tried too many recipients that do not exist there ('you are violating our security policies' — its guard against address harvesting), or more recipients than it allows in one session. The first refused recipients are the finding: a stale list sends to many wrong addresses.",
    rules: ['smtp.rate-limited', 'smtp.recipient-unknown'],
    fix: [
      "Clean the recipient list of the addresses refused just before ('no mailbox here by that name'), and send to fewer recipients per session (Postfix: smtp_destination_recipient_limit).",
    ],
    sources: [CHKUSER + ' (CHKUSER_MAXWRONGRCPT_STRING, CHKUSER_INTRUSIONTHRESHOLD_STRING, CHKUSER_MAXRCPT_STRING)'],
  },
  {
    id: 'chkuser.resource',
    sender: 'qmail chkuser',
    text: /\bsystem temporary unavailable, try again later\b/i,
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "The receiving qmail (chkuser) could not look the recipient up in its user database (vpopmail, MySQL) just now: that server's own fault; the queue retries.",
    rules: ['mta.local-error'],
    transient: true,
    sources: [CHKUSER + ' (CHKUSER_RESOURCE_STRING "430 system temporary unavailable, try again later (#4.3.0 - chkuser)")'],
  },

  // ---- policyd-spf (pypolicyd-spf / spf-engine, on pyspf): the SPF result's own explanation after its words
  {
    // a PermError: the sender domain's SPF record is broken (pyspf's explanations: "Two or more type TXT spf records
    // found.", "Void lookup limit of 2 exceeded", "Unknown mechanism found: …", "Too many DNS lookups"); policyd-spf
    // refuses it only when configured (PermError_reject), otherwise a receiver's DMARC or filter reads it
    id: 'policyd-spf.permerror',
    sender: 'policyd-spf (pyspf) and receivers using pyspf',
    text: /\bSPF Permanent Error\b/i,
    reason: 'authfailure',
    party: 'sender',
    headline: "The sender domain's SPF record is broken (SPF PermError): no receiver can evaluate it",
    meaning:
      "The receiver evaluated the envelope sender's SPF record and could not, because the record itself is wrong: two SPF records for the domain, too many DNS lookups (over 10) or void lookups, an unknown mechanism or a syntax error. The words after 'SPF Permanent Error:' name which. The sender's DNS administrator fixes the record; nothing in the message changes it.",
    rules: ['spf.permerror', 'spf.fail'],
    fix: [
      'Publish exactly one TXT record starting v=spf1 for the sender domain, with valid mechanisms and at most 10 DNS-querying terms (include, a, mx, ptr, exists, redirect) — flatten or remove includes if it has more.',
    ],
    verify: ['dig +short TXT <sender domain> | grep -i spf1   (exactly one record)'],
    sources: [
      'https://launchpad.net/pypolicyd-spf (policyd-spf: PermError_reject, "SPF Permanent Error: …")',
      'RFC 7208 §2.6.7 (permerror), §4.5 (more than one record), §4.6.4 (lookup limits)',
    ],
  },
  {
    id: 'policyd-spf.temperror',
    sender: 'policyd-spf (pyspf) and receivers using pyspf',
    text: /\bSPF Temporary Error\b/i,
    reason: 'networkerror',
    party: 'sender',
    meaning:
      "The receiver could not fetch the envelope sender's SPF record just now (a DNS timeout or SERVFAIL at the sender domain's name servers) and deferred the message (policyd-spf TempError_Defer); the queue retries. If it lasts, the sender domain's name servers are failing.",
    rules: ['smtp.dns-lookup-failed', 'spf.permerror'],
    transient: true,
    sources: ['https://launchpad.net/pypolicyd-spf (TempError_Defer, "SPF Temporary Error: …")', 'RFC 7208 §2.6.6 (temperror)'],
  },
  // ---- other mail servers' own texts
  {
    // Exchange Server's content filter agent (Set-ContentFilterConfig -RejectionResponse, default "Message rejected
    // due to content restrictions", answered when a message's SCL reaches SCLRejectThreshold); other filters in
    // front of Exchange answer the same words. Microsoft KB 3024906: the recipient's anti-spam matched the message
    id: 'exchange.content-restrictions',
    sender: "Exchange Server's content filter (and anti-spam products in front of Exchange)",
    text: /\bMessage rejected due to content restrictions\b/i,
    reason: 'spamdetected',
    party: 'sender',
    headline:
      "The recipient's anti-spam filter judged this message's content as spam (often something in the signature: a link, a domain, a phone number)",
    meaning:
      "The recipient side's content filter (Exchange's content filter agent, whose default refusal these words are, or the anti-spam product in front of it) scored the message as spam and refused it. Microsoft's article on this text: the sender has usually landed on the anti-spam vendor's signature list, most often through something in the e-mail signature (a URL, a domain name, a telephone number). The sending server's IP and DNS are not what is judged.",
    rules: ['smtp.content-rejected'],
    fix: [
      'Send a test to the same recipient with the signature removed (and without links or attachments): if it passes, change the part of the signature that is listed.',
      "Ask the recipient (or their administrator) to have their anti-spam vendor re-examine the message, or to allow your address: only the recipient's side can lift a content verdict.",
    ],
    sources: [
      'https://learn.microsoft.com/exchange/troubleshoot/email-delivery/550-5-7-1-message-rejected-content-restrictions ("550 5.7.1 Message rejected due to content restrictions", KB 3024906)',
      'https://learn.microsoft.com/powershell/module/exchange/set-contentfilterconfig (RejectionResponse)',
    ],
  },
  {
    // hMailServer SMTPConnection.cpp ProtocolRCPT_: the IP range the client connects from does not allow this kind
    // of delivery (IP range options "Allow deliveries from": local to external, external to external…)
    id: 'hmailserver.delivery-not-allowed',
    sender: 'hMailServer (IP range delivery options)',
    text: /\bDelivery is not allowed to this address\b/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      'hMailServer refused the recipient because the IP range the client connects from does not allow this kind of delivery (its IP range settings: external to external — relaying — is off for the Internet range). A mail client or device sending out through it without logging in gets this; so does mail from outside to a domain the server does not host.',
    rules: ['smtp.relay-denied'],
    fix: [
      'A mail client or device of this server: log in (SMTP authentication) with the mailbox user on port 587; for the IP range it connects from, keep "Require SMTP authentication" on for external-to-external delivery.',
      'A fixed device that cannot log in: add an IP range for its address (Settings > Advanced > IP Ranges) that allows local/external to external deliveries, higher priority than the Internet range.',
      'Mail from outside for a domain this server should host: add the domain (or its alias) in hMailServer.',
    ],
    sources: [
      'hMailServer source/Server/SMTP/SMTPConnection.cpp ProtocolRCPT_ ("550 Delivery is not allowed to this address.")',
      'https://www.hmailserver.com/documentation/latest/?page=reference_iprange',
    ],
  },
  {
    // Haraka connection.js: no rcpt hook accepted the recipient (rcpt_to.in_host_list, qmail-deliverable, …) and the
    // client is not relaying (not logged in, not in relay.acl): "No plugin determined if relaying was allowed"
    id: 'haraka.cannot-deliver',
    sender: 'Haraka (no rcpt plugin accepted the recipient)',
    text: /\bI cannot deliver mail for\b/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      "Haraka answers this when none of its recipient plugins accepted the address and the client may not relay: the recipient's domain is not one this server receives for (config/host_list, in_host_list), or the client sent out through it without logging in. For a domain it should host, the server's host_list lacks it.",
    rules: ['smtp.relay-denied', 'smtp.recipient-unknown'],
    fix: [
      'A client sending out through this Haraka: authenticate (auth plugin, port 587) or list its address in relay.acl (relay plugin).',
      'Mail from outside for a domain this server should receive: add the domain to config/host_list (rcpt_to.in_host_list) and restart Haraka.',
    ],
    sources: [
      'Haraka connection.js rcpt_respond ("550 I cannot deliver mail for <rcpt>", logged "No plugin determined if relaying was allowed")',
      'https://haraka.github.io/plugins/rcpt_to.in_host_list',
    ],
  },
  {
    // HCL (IBM/Lotus) Domino's SMTP listener: relay refused by its relay restrictions (Configuration document >
    // Router/SMTP > Restrictions and Controls > SMTP Inbound Controls)
    id: 'domino.relay-rejected',
    sender: 'HCL Domino (SMTP inbound relay controls)',
    text: /\bRelay rejected for policy reasons\b/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      "Domino refused to relay: the recipient's domain is not one it serves, and the client is not allowed to relay through it (its 'Allow messages only from the following internet hosts to be sent to external internet domains' and authenticated-relay settings). Typical: an application or device sending to outside addresses through Domino without logging in.",
    rules: ['smtp.relay-denied'],
    fix: [
      "In the Domino server's Configuration document > Router/SMTP > Restrictions and Controls > SMTP Inbound Controls: allow relaying for the device's address (or for authenticated users), and let the client log in; then restart the router (tell router update config).",
    ],
    sources: ['https://help.hcltechsw.com/domino/ (SMTP inbound controls: relay restrictions; "554 Relay rejected for policy reasons")'],
  },
  {
    // Domino's inbound sender controls (Configuration Settings > Router/SMTP > Restrictions and Controls > SMTP
    // Inbound Controls, "Deny messages from the following internet addresses/domains") refuse at MAIL FROM with 554
    id: 'domino.mail-from-rejected',
    sender: 'HCL Domino (SMTP inbound sender controls)',
    text: /\bMail from rejected for policy reasons\b/i,
    reason: 'rejected',
    party: 'receiver-policy',
    headline: "The recipient's Domino server refuses this sender address or domain by its own list (inbound sender controls)",
    meaning:
      'The receiving Domino server lists the envelope sender, or its domain, among the addresses it denies (inbound sender controls), or accepts only listed senders and this one is not among them. A rule its administrator wrote; no DNS record or reputation of the sender explains it.',
    rules: ['smtp.sender-invalid', 'smtp.rejected'],
    sources: [
      'https://www.redbooks.ibm.com/abstracts/sg246930.html (Lotus Domino 6 spam Survival Guide, inbound sender controls: 554 "Mail from rejected for policy reasons")',
    ],
  },
  {
    // Domino's server mail rules with the action "don't deliver message" (and send an NDR): the words name no rule
    id: 'domino.message-rejected-policy',
    sender: 'HCL Domino (a server mail rule) and other filters',
    text: /\bMessage rejected for policy reasons\b/i,
    reason: 'policyviolation',
    party: 'receiver-policy',
    headline: "A rule of the recipient's mail server refused the message ('rejected for policy reasons' names no rule)",
    meaning:
      "On Domino these are the words of a server mail rule whose action is \"don't deliver message\": the recipient's administrator made a rule on the sender, the subject, an attachment or words of the message. The text does not say which condition matched; the rule is the recipient side's own. (Domino's inbound sender controls say 'Mail from rejected for policy reasons' instead, its relay controls 'Relay rejected for policy reasons'; its inbound intended-recipient controls, a recipient in a denied group, answer the same 'Message rejected for policy reasons'.)",
    // the words name no condition: the generic refusal leads, the content step follows (a vague "policy"
    // never outranks what a reply does not say; the same words answer the intended-recipient deny list)
    rules: ['smtp.rejected', 'smtp.content-rejected'],
    fix: [
      "Ask the recipient's administrator which rule refused the message (the time and sender are enough for their log); meanwhile try without attachments or links to see whether content triggers it.",
    ],
    sources: [
      'https://www.redbooks.ibm.com/abstracts/sg246930.html (Lotus Domino 6 spam Survival Guide: a server mail rule that does not deliver answers "Message rejected for policy reasons")',
      'http://www-01.ibm.com/support/docview.wss?uid=swg21212690 (IBM technote: "554 Message rejected for policy reason" when the recipient is in a group of the inbound intended-recipient deny list)',
    ],
  },
  {
    // the validrcptto patch for qmail-smtpd (control/validrcptto.cdb: the addresses that exist)
    id: 'qmail.validrcptto',
    sender: 'qmail-smtpd (validrcptto patch)',
    text: /\bthis recipient is not in my validrcptto list\b/i,
    reason: 'userunknown',
    party: 'sender',
    meaning:
      'The receiving qmail checks recipients against its list of addresses that exist (validrcptto.cdb) and this one is not there: the mailbox does not exist (or the list was not rebuilt after it was created).',
    rules: ['smtp.recipient-unknown'],
    sources: [
      'qmail-smtpd validrcptto patch ("553 sorry, this recipient is not in my validrcptto list (#5.7.1)"); sample: https://pastebin.com/sRe9t6bn',
    ],
  },
];
