// The own texts of servers that administrators run themselves — Exchange
// Server's receive connectors and transport — with the setting on that server
// that decides them. A refusal in the administrator's own inbound log is often
// their server judging their own device (a copier, an application), so each
// entry says what the receiving side can change, beside what the sender can.

import type { ReplyKnowledge } from './types';

const EXCHANGE_RELAY = 'https://learn.microsoft.com/exchange/mail-flow/connectors/allow-anonymous-relay';

/** qmail's own failures (qmail-rspawn.c, qmail-lspawn.c, spawn.c, qmail-local.c, qmail-send.c report texts). */
export const QMAIL_LOCAL_ERROR =
  /\bUnable to run qmail-(?:remote|local)\b|\bqmail-(?:remote|local|getpw) (?:crashed|produced no output)\b|\bqmail-spawn (?:out of memory|unable to)\b|\bmessage has wrong owner\b|\bUnable to (?:chdir to maildir|open \S{0,200}\.qmail|switch to \S{1,200}: access denied)\b|\bUh-oh: \S|\bunable to append to bounce message\b|\balert: (?:cannot start|unable to)\b|\btrouble (?:opening|injecting|creating|writing|reading|marking)\b/i;

export const ONPREM_REPLIES: ReplyKnowledge[] = [
  {
    // Exchange's categorizer found the recipient address on a directory object (an AD user's proxyAddresses,
    // a contact) that has no mailbox database: it treats the address as its own and defers it, even an
    // outside address that a stale directory entry still lists (MicrosoftDocs/OfficeDocs-Exchange#2952)
    id: 'exchange.no-mdb',
    ownQueue: true,
    sender: 'Exchange Server',
    text: /\bRecipient deferred because there is no Mdb\b/i,
    reason: 'systemerror',
    party: 'unknown',
    headline:
      "The organisation's own Exchange server holds the recipient address on a directory entry without a mailbox: its directory, not the recipient's server",
    meaning:
      'Exchange resolved the recipient to an object of its own directory (a user whose proxyAddresses list the address, a mail user or contact) that has no mailbox database, so it defers the message instead of sending it out. An outside address that a stale directory entry still lists never leaves the organisation.',
    rules: ['mta.local-error'],
    fix: [
      'Find the directory object that holds the address (Get-Recipient -Identity <address>, or search proxyAddresses in Active Directory) and remove the address from it, or give the object a mailbox if it should have one; in a hybrid setup, fix it where the directory is synchronised from.',
    ],
    verify: ['Get-Recipient -Identity <the recipient address>   (must return nothing for an outside address)'],
    sources: ['https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/2952 (420 4.2.0 Recipient deferred because there is no Mdb)'],
  },
  {
    // Exchange servers that talk to each other (an Edge subscription, hybrid, two sites) authenticate as
    // Exchange servers (ExchangeServer auth over TLS, or the Exchange Server permission on the receive connector);
    // "451 5.7.3 Cannot achieve Exchange Server authentication" is that handshake failing — the organisation's
    // own connector or certificate configuration, not an outside receiver's judgment
    id: 'exchange.server-authentication',
    ownQueue: true,
    sender: 'Exchange Server (between its own servers)',
    text: /\bCannot achieve Exchange Server authentication\b/i,
    reason: 'securityerror',
    party: 'unknown',
    headline: "The organisation's Exchange servers could not authenticate to each other (connector or certificate setup)",
    meaning:
      'One Exchange server hands mail to another (a Mailbox server to an Edge, an on-premises server to Exchange Online in hybrid, or two sites) and they authenticate as Exchange servers. That failed: the receive connector does not allow Exchange Server authentication, the TLS certificate one side presents is expired, untrusted or not the one the connector names, or an appliance in between strips STARTTLS.',
    rules: ['mta.local-error', 'smtp.tls-failed'],
    transient: true,
    fix: [
      "On the receiving server: the default receive connector must keep 'Exchange Server authentication' and the Exchange Servers permission group (Get-ReceiveConnector | Format-List Name,AuthMechanism,PermissionGroups); an Edge subscription that was re-created needs a fresh EdgeSync.",
      'Check the certificates used for SMTP on both sides (Get-ExchangeCertificate: not expired, the SMTP service assigned, trusted by the other side) and that no firewall inspects SMTP and removes STARTTLS.',
    ],
    verify: [
      'Get-ReceiveConnector | Format-List Name,AuthMechanism,PermissionGroups',
      'Get-ExchangeCertificate | Format-List Thumbprint,Services,NotAfter',
    ],
    sources: [
      'Exchange Server transport ("451 5.7.3 Cannot achieve Exchange Server authentication", in the queue\'s LastError)',
      'https://learn.microsoft.com/exchange/mail-flow/connectors/receive-connectors (authentication mechanisms; the ExchangeServers permission group)',
    ],
  },
  {
    // Exchange's own queue ("LastError" in the queue viewer, a delay notice): a temporary 451 4.4.0 because its
    // transport's DNS lookup of the next hop said "nonexistent domain". For a domain that exists, the transport
    // asks the wrong DNS servers: by default it uses the network adapter's, and a public DNS server listed
    // there does not know the organisation's internal names (other Exchange servers, a smart host, split DNS).
    // A recipient domain that really does not exist ends in a permanent 5.4.4 instead
    id: 'exchange.dns-nonexistent-domain',
    ownQueue: true,
    sender: 'Exchange Server (its own queue)',
    text: /\bDNS query failed\. The error was: SMTPSEND\.DNS\.NonExistentDomain\b/i,
    codes: [451, 0],
    reason: 'networkerror',
    party: 'sender',
    headline:
      "The organisation's own Exchange server could not resolve its next hop: its transport asks DNS servers that call the domain nonexistent",
    meaning:
      "Exchange keeps the message in its queue and retries (451 4.4.0): its transport service looked the next hop up and was told the domain does not exist. When the domain does exist (an internal Exchange server, a smart host, a partner domain), Exchange is asking the wrong DNS servers — by default those of the server's network adapter, where an external (public) DNS server listed beside the internal ones answers for internal names.",
    rules: ['mta.local-error'],
    fix: [
      "On the Exchange server: list only the internal DNS servers (the domain controllers) on its network adapter, or set the transport's own DNS servers (Set-TransportService <server> -InternalDNSAdapterEnabled $false -InternalDNSServers <internal DNS IPs>; -ExternalDNS… for outside domains, used by a send connector with -UseExternalDNSServersEnabled $true).",
      'Then restart the Microsoft Exchange Transport service and retry the queue (Retry-Queue <queue> -Resubmit $true).',
    ],
    verify: ['Resolve-DnsName -Type MX <the next hop domain>   (on the Exchange server)', 'Get-Queue | Format-List Identity,LastError'],
    transient: true,
    sources: [
      'https://learn.microsoft.com/exchange/troubleshoot/mailflow/dns-query-failed (451 4.4.0 DNS query failed)',
      'https://exchangemaster.wordpress.com/2014/04/15/bad-nic-settings-cause-internal-messages-to-queue-with-451-4-4-0-dns-query-failed-nonexistent-domain/',
    ],
  },
  {
    id: 'exim.relay-not-permitted',
    sender: 'Exim',
    // the default configure's acl_check_rcpt: "deny message = relay not permitted"
    text: /relay not permitted/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      "Exim's RCPT ACL (acl_check_rcpt in the default configuration) refused to relay: the recipient domain is not in local_domains or relay_to_domains, the client is not in relay_from_hosts, and it did not authenticate. Usually a mail client or device sending without logging in; reverse DNS, SPF and blocklists of the client play no part.",
    rules: ['smtp.relay-denied'],
    fix: [
      'A mail client or user of this server: make it log in (SMTP AUTH), port 587 with STARTTLS; the default ACL accepts it with "accept authenticated = *".',
      'A fixed device or application that cannot log in ({ip}): add its address to relay_from_hosts (hostlist relay_from_hosts = <; 127.0.0.1 ; ::1 ; {ip}); on Debian set dc_relay_nets in /etc/exim4/update-exim4.conf.conf and run update-exim4.conf; then restart Exim.',
      'Mail from outside for a domain this server hosts: add the domain to local_domains (or relay_to_domains when it only passes the mail on).',
    ],
    verify: [
      'exim -bh {ip}   (a test session as that client: type EHLO, MAIL FROM, RCPT TO and read the ACL trace)',
      'swaks --server <this server> --port 587 --tls --auth-user <user> --from {mailfrom} --to {rcpt} --quit-after RCPT   (expect 250)',
    ],
    sources: [
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-the_default_configuration_file.html (acl_check_rcpt, relay_from_hosts)',
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-command_line_options.html (-bh)',
    ],
  },
  {
    // Exim's own check of the EHLO/HELO argument ("rejected EHLO from [ip]: syntactically invalid argument(s): my_server_01")
    id: 'exim.helo-syntax',
    sender: 'Exim',
    text: /syntactically invalid argument\(s\)/i,
    stages: ['helo'],
    reason: 'syntaxerror',
    party: 'sender',
    meaning:
      'Exim refused the name the client gave in EHLO/HELO because it has characters a host name may not contain — most often an underscore (a Windows or device name like my_server_01), a space or nothing at all (RFC 1123 §2.1, RFC 5321 §4.1.1.1).',
    rules: ['smtp.helo-rejected', 'helo.invalid'],
    fix: [
      "Give the sending server or device a valid fully qualified HELO name (letters, digits, hyphens and dots, e.g. mail.example.org) in its SMTP settings (Postfix: smtp_helo_name; Exchange: the send connector's FQDN; a device: its SMTP host name).",
      'If you run this receiving Exim and must accept that client as it is: helo_allow_chars = _ (main section) lets underscores through, or helo_accept_junk_hosts = {ip} exempts that client only; then restart Exim.',
    ],
    verify: ['exim -bh {ip}   (a test session as that client: EHLO <the new name> must get 250)'],
    sources: [
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-main_configuration.html (helo_allow_chars, helo_accept_junk_hosts)',
      'RFC 1123 §2.1',
    ],
  },
  {
    // Exim's own words when a router or transport cannot run on this server: an option it cannot
    // expand ("failed to expand "interface" option for remote_smtp transport"), a file it may not
    // open ("Permission denied (euid=109 egid=116)"): no remote host was asked, so no reply code
    id: 'exim.local-transport-error',
    sender: 'Exim (its own configuration)',
    text: /\bfailed to expand\b[^:]{0,80}\b(?:option|condition|string)\b|\bPermission denied \(euid\s*=\s*\d+\s+egid\s*=\s*\d+\)/i,
    codes: [0],
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "Exim failed on its own configuration before any remote server was asked: a router or transport option it could not expand (a lookup, a file the option reads), or a file its process (the euid/egid shown) may not open. The message waits in the queue and every delivery using that transport fails the same way until the server's configuration is fixed.",
    rules: ['mta.local-error'],
    fix: [
      'On this server, read the option named in the error (exim -bP transport <name>, or the router) and the file it opens: make the file exist and readable by the Exim user (ls -l the path; chown/chmod so the euid/egid in the error can read it), or correct the expansion.',
      'Then retry the queue (exim -qff) and watch the log: the same line must not come back.',
    ],
    verify: ['exim -bP transports   (the failing transport and its options)', "exim -bt <recipient>   (the routing, as Exim's own user)"],
    sources: [
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-string_expansions.html (a forced or failed expansion in a transport option defers the delivery)',
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html (the == line and its defer words)',
    ],
  },
  {
    // qmail's own words when it cannot run its own delivery programs or reach its queue and files: qmail-rspawn
    // and qmail-lspawn ("Unable to run qmail-remote.", "qmail-remote crashed.", "qmail-remote produced no
    // output."), spawn.c ("message has wrong owner"), qmail-local ("Unable to chdir to maildir", "Uh-oh: …"),
    // qmail-send's alerts ("unable to append to bounce message", "cannot start"): no remote was asked
    id: 'qmail.local-error',
    sender: 'qmail (its own installation)',
    text: QMAIL_LOCAL_ERROR,
    codes: [0],
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      'qmail failed on its own installation before any remote server was asked: it could not run one of its delivery programs (qmail-remote, qmail-local: a missing or non-executable binary, wrong ownership or permissions after an upgrade or a copied queue), or it could not read or write its queue, a mailbox or a control file. Every delivery through that program fails the same way until the installation is fixed.',
    rules: ['mta.local-error'],
    fix: [
      'Check the installation: ls -l /var/qmail/bin/qmail-remote /var/qmail/bin/qmail-local (present, executable, owned as installed); run /var/qmail/bin/qmail-remote by hand to see why it cannot start (a missing library, a TLS build without its certificate).',
      'Check the queue and its owners (qmail-qstat; the queue-fix tool repairs ownership and modes of /var/qmail/queue), then restart qmail-send and watch the log for the same line.',
    ],
    verify: ['qmail-qstat   (the queue is readable)', 'tail -f the qmail-send log: the delivery must end in success'],
    sources: [
      'https://cr.yp.to/qmail/qmail-1.03.tar.gz (qmail-rspawn.c, qmail-lspawn.c, spawn.c, qmail-local.c, qmail-send.c: their report texts)',
      'https://cr.yp.to/qmail/faq/install.html',
    ],
  },
  {
    // OpenSMTPD's local delivery agent failed (mda.c: the MDA command, LMTP or maildir delivery ended with
    // "Error (exited with status 75)", "exited abnormally", "terminated by signal"): the own server's
    // delivery program or its mailbox, not any sender
    id: 'opensmtpd.mda-error',
    sender: 'OpenSMTPD (its local delivery)',
    text: /\bError \((?:exited with status \d{1,3}|exited abnormally|terminated by signal \d{1,3}|killed by signal \d{1,3})\)/i,
    codes: [0],
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "OpenSMTPD accepted the message but its local delivery failed: the program the action delivers with (mda, an LMTP socket such as Dovecot's, a maildir) exited with an error — 75 (EX_TEMPFAIL) is retried, others bounce. Nothing outside the server judged the mail.",
    rules: ['mta.local-error'],
    fix: [
      'Run the delivery program of the matching action by hand as the recipient\'s user (smtpd.conf: action … mda "…" or lmtp …) and read its error; check that the LMTP socket or the maildir exists and is writable by that user.',
    ],
    verify: ['smtpctl show queue   (the envelopes still waiting)', 'tail -f the mail log: the next \'mda delivery\' must say result="Ok"'],
    sources: [
      'https://man.openbsd.org/smtpd.conf.5 (action … mda, lmtp, maildir)',
      'https://github.com/OpenSMTPD/OpenSMTPD (usr.sbin/smtpd/mda.c)',
    ],
  },
  {
    // OpenDKIM's own log when it cannot use its signing key (opendkim.c: "can't load key from %s",
    // "%s: key data is not secure: %s can be read or written by other users", "error loading key '%s'")
    id: 'opendkim.key-error',
    sender: 'OpenDKIM (its own configuration)',
    text: /\b(?:can't load key from|key data is not secure|error loading key)\b/i,
    codes: [0],
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "The server's own DKIM milter (OpenDKIM) cannot use its signing key: the key file named in its KeyTable is missing, unreadable, or readable by other users (OpenDKIM refuses such a key unless RequireSafeKeys is off). Postfix then answers its clients 451 4.7.1 'Service unavailable - try again later' (milter_default_action = tempfail) or sends the mail unsigned. Nothing the client sent is at fault.",
    rules: ['mta.local-error'],
    fix: [
      'Check the path in the KeyTable (or KeyFile) line against the file: ls -l <key file> — it must exist and be readable by the opendkim user only: chown opendkim:opendkim <key file>; chmod 600 <key file> (and the directory not writable by others).',
      'Then restart OpenDKIM and send a test message: its log must no longer say "can\'t load key" or "key data is not secure".',
    ],
    verify: ['opendkim-testkey -d <domain> -s <selector> -vvv', 'ls -l <key file>   (owner opendkim, mode 600)'],
    sources: [
      'http://www.opendkim.org/opendkim.conf.5.html (KeyTable, KeyFile, RequireSafeKeys)',
      'https://www.postfix.org/MILTER_README.html (milter_default_action)',
    ],
  },
  {
    // Postfix dnsblog(8) (dnsblog.c dnsblog_query: "lookup error for DNS query %s: %s"): the server's
    // own resolver gave no answer to postscreen's DNSBL/DNSWL question
    id: 'postfix.dnsblog-lookup-error',
    sender: 'Postfix dnsblog (its own resolver)',
    text: /\blookup error for DNS query\b/i,
    codes: [0],
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "The server's own postscreen could not get an answer from a DNS blocklist or allowlist: its resolver failed the query ('Host not found, try again', SERVFAIL, time-out). Most often the server resolves through a public resolver (Google 8.8.8.8, Cloudflare 1.1.1.1, a provider's), which the lists refuse or rate-limit, or its local resolver is down. The client is not listed; the list was simply not read, so postscreen scores without it.",
    rules: ['mta.local-error'],
    fix: [
      "Point the mail server at a resolver of its own that queries the lists directly (a local unbound or bind, not a public forwarder): /etc/resolv.conf nameserver 127.0.0.1, or the container's dns: setting; for Spamhaus with a public resolver, use a Data Query Service key instead.",
      'Then watch the log: no more "dnsblog_query: lookup error" lines, and dnsblog logs "addr … listed by domain …" only for real listings.',
    ],
    verify: ['dig +short 2.0.0.127.zen.spamhaus.org A   (on the mail server: 127.0.0.2 … means the list answers)', 'cat /etc/resolv.conf'],
    sources: [
      'https://www.postfix.org/dnsblog.8.html',
      'https://www.postfix.org/postconf.5.html#postscreen_dnsbl_sites',
      'https://www.spamhaus.org/resource-hub/dnsbl/using-our-public-mirrors-check-your-return-codes-now./',
    ],
  },
  {
    // unbound's validator (validator.c: "failed to prime trust anchor -- DNSKEY rrset is not secure")
    id: 'unbound.trust-anchor-failure',
    sender: "unbound (the server's own resolver)",
    text: /\b(?:failed to|could not) prime trust anchor\b/i,
    codes: [0],
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "The server's own resolver (unbound) cannot validate the DNS root (its DNSSEC trust anchor is missing, stale, or its clock is wrong), so it answers SERVFAIL to every lookup. Every PTR, MX and DNSBL lookup the mail server makes fails: it then refuses clients for 'cannot find your reverse hostname' and defers its own mail. The refused clients' DNS is fine.",
    rules: ['mta.local-error'],
    fix: [
      'Repair the resolver: refresh the root trust anchor (unbound-anchor -a /var/lib/unbound/root.key, or recreate the resolver container), check the clock (timedatectl: DNSSEC fails with a wrong date), and make sure it can reach the root servers over UDP and TCP port 53.',
      'Then check that lookups work from the mail server and requeue: postqueue -f.',
    ],
    verify: [
      'dig @127.0.0.1 . DNSKEY +dnssec   (status NOERROR, flag ad)',
      'dig @127.0.0.1 -x <a client address>   (a PTR answer, not SERVFAIL)',
    ],
    sources: [
      'https://unbound.docs.nlnetlabs.nl/en/latest/manpages/unbound-anchor.html',
      'https://www.postfix.org/postconf.5.html#reject_unknown_client_hostname',
    ],
  },
  {
    id: 'sendmail.relaying-denied-no-ptr',
    sender: 'sendmail',
    text: /Relaying denied\. IP name (?:lookup failed|possibly forged)/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      'sendmail\'s check_rcpt ruleset refused to relay, and says why it could not recognise the client: its IP has no PTR ("IP name lookup failed") or the PTR name does not resolve back ("possibly forged"), so relay permissions given by host or domain name (FEATURE(relay_entire_domain), access entries by name) could not match it.',
    rules: ['smtp.relay-denied', 'ptr.missing', 'ptr.mismatch'],
    fix: [
      'Give relay permission by address instead of name: add "Connect:{ip} RELAY" to /etc/mail/access and rebuild the map (makemap hash /etc/mail/access < /etc/mail/access).',
      'Or give the client IP a PTR record whose name resolves back to it, or make the client log in (SMTP AUTH, port 587).',
    ],
    verify: ['dig -x {ip} +short', 'makemap -u hash /etc/mail/access | grep {ip}'],
    sources: ['https://www.sendmail.org/~ca/email/relayingdenied.html'],
  },
  {
    id: 'sendmail.relaying-denied',
    sender: 'sendmail',
    // check_rcpt: "Relaying denied", "… Proper authentication required." (AUTH offered),
    // "… IP name lookup failed [ip]" (relay permission by host name, but no PTR)
    text: /Relaying denied/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      "sendmail's check_rcpt ruleset refused to relay: the recipient is not local and the client neither authenticated (AUTH, STARTTLS client certificate) nor has RELAY in the access database.",
    rules: ['smtp.relay-denied'],
    fix: [
      'A mail client or user of this server: make it log in (SMTP AUTH), port 587 with STARTTLS (sendmail needs confAUTH_MECHANISMS and TRUST_AUTH_MECH in sendmail.mc).',
      'A fixed device or server that cannot log in ({ip}): add "Connect:{ip} RELAY" to /etc/mail/access and rebuild the map (makemap hash /etc/mail/access < /etc/mail/access); no restart is needed.',
      'Mail from outside for a domain this server hosts: add the domain to /etc/mail/local-host-names (delivered here) or /etc/mail/relay-domains (passed on), then restart sendmail.',
    ],
    verify: [
      'makemap -u hash /etc/mail/access | grep {ip}',
      'swaks --server <this server> --port 587 --tls --auth-user <user> --from {mailfrom} --to {rcpt} --quit-after RCPT   (expect 250)',
    ],
    sources: [
      'https://www.sendmail.org/~ca/email/relayingdenied.html',
      'https://www.sendmail.org/m4/anti_spam.html (access database, Connect: RELAY)',
    ],
  },
  {
    id: 'exchange.5.7.54-unable-to-relay',
    sender: 'Exchange Server',
    text: /5\.7\.54\b|Unable to relay recipient in non-accepted domain/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      'The Exchange receive connector that took the connection does not let this client send to outside domains: it is anonymous (not logged in) and the connector grants no relay permission. Typical for a copier, scanner or application that sends through Exchange to external addresses.',
    rules: ['smtp.relay-denied'],
    fix: [
      'For a device or application you trust: create a receive connector only for its IP (New-ReceiveConnector -Name "Relay {ip}" -TransportRole FrontendTransport -Custom -Bindings 0.0.0.0:25 -RemoteIPRanges {ip}), give it the Anonymous users permission group, and grant relay: Get-ReceiveConnector "Relay {ip}" | Add-ADPermission -User "NT AUTHORITY\\ANONYMOUS LOGON" -ExtendedRights "Ms-Exch-SMTP-Accept-Any-Recipient".',
      'Or make the client log in: an Exchange mailbox account on the Client Frontend connector, port 587 with STARTTLS.',
    ],
    verify: [
      "From the device's host: swaks --server {server} --from {mailfrom} --to {rcpt} --quit-after RCPT   (expect 250 for the outside recipient)",
    ],
    sources: [EXCHANGE_RELAY],
  },
  {
    id: 'exchange.back-pressure',
    sender: 'Exchange Server',
    text: /Insufficient system resources|back ?pressure/i,
    codes: [421, 451, 452],
    reason: 'systemfull',
    party: 'recipient',
    meaning:
      'The receiving Exchange server is in back pressure: its transport refuses new mail because a resource is short — most often free disk space on the drive of the queue database (mail.que), or memory. Nothing is wrong with the sender.',
    // the refusing server's own resources, not a verdict on the client: the step of a server's own fault
    headline: 'The refusing Exchange server is short of its own resources (back pressure: disk space or memory), whoever the client is',
    rules: ['mta.local-error', 'smtp.rejected'],
    fix: [
      'On the Exchange server: free disk space on the queue database drive (or move the queue: TransportService config QueueDatabasePath) and check which resource is short: Get-ExchangeDiagnosticInfo -Server <server> -Process EdgeTransport -Component ResourceThrottling.',
      'Senders only wait: their queues retry the 452 by themselves.',
    ],
    verify: ['Get-ExchangeDiagnosticInfo -Process EdgeTransport -Component ResourceThrottling   (every resource at Normal)'],
    transient: true,
    sources: ['https://learn.microsoft.com/exchange/mail-flow/back-pressure'],
  },
  {
    // hMailServer's SMTPConnection answers at the end of DATA when it could not store the message it had
    // taken (its database refused the insert: corrupt tables, a locked or full database): 554 in 5.x
    // (hmailserver/hmailserver, hMailServer/Source/Server/SMTP/SMTPConnection.cpp: "The delivery of the
    // message failed. This may happen if tables are corrupt in the database"), 451 4.3.0 in later builds
    id: 'hmailserver.message-not-saved',
    sender: 'hMailServer',
    text: /\bYour message was received but it could not be saved\b/i,
    reason: 'systemerror',
    party: 'recipient',
    receiverError: true,
    meaning:
      'The receiving hMailServer took the whole message but could not store it: its own database refused it (damaged tables, a database that is locked, full or unreachable). Nothing is wrong with the message or the sender.',
    headline: 'The receiving hMailServer could not store the message it accepted: its own database failed, whoever the sender is',
    rules: ['mta.local-error', 'smtp.rejected'],
    fix: [
      "On the receiving hMailServer: read its error log (hMailServer's Logs folder, ERROR_*.log) for the database error at that time, repair or free the database (MySQL/MSSQL: check and repair the tables; the built-in MSSQL CE: its size limit), then restart the hMailServer service.",
      'Senders only wait or resend: nothing on their side changes it.',
    ],
    verify: ['A test message to the same recipient is accepted (250 at the end of DATA) and appears in the mailbox'],
    sources: [
      'https://github.com/hmailserver/hmailserver (hMailServer/Source/Server/SMTP/SMTPConnection.cpp: "554 Your message was received but it could not be saved. Please retry later.")',
    ],
  },
  {
    id: 'exchange.530-not-authenticated',
    sender: 'Exchange Server',
    text: /Client was not authenticated|Client not authenticated to send anonymous mail/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'The Exchange receive connector requires clients to log in and this one did not: the connector does not have the Anonymous users permission group (internet mail reaches such a connector and is refused), or a device uses the wrong connector or port.',
    rules: ['smtp.auth-required'],
    fix: [
      'For internet mail: give the connector that listens on port 25 the Anonymous users permission group (Set-ReceiveConnector "<server>\\Default Frontend <server>" -PermissionGroups AnonymousUsers,ExchangeServers,ExchangeLegacyServers).',
      'For a device: configure it to log in (port 587, STARTTLS, a mailbox account), or give it its own anonymous relay connector by IP.',
    ],
    verify: ['Get-ReceiveConnector | ft Name,Bindings,RemoteIPRanges,PermissionGroups -AutoSize'],
    sources: ['https://learn.microsoft.com/exchange/mail-flow/connectors/receive-connectors', EXCHANGE_RELAY],
  },
  {
    id: 'exchange.send-as-denied',
    sender: 'Exchange Server',
    text: /Client does not have permissions to send as this sender|5\.7\.60\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning: 'The client logged in as one mailbox and sends as another address (MAIL FROM / From:) that the account may not send as.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send with the address of the account that logs in, or grant that account Send As on the other mailbox (Add-RecipientPermission <mailbox> -AccessRights SendAs -Trustee <account>; on-premises: Add-ADPermission -ExtendedRights "Send As").',
    ],
    verify: [],
    sources: ['https://learn.microsoft.com/exchange/recipients/mailbox-permissions'],
  },
  {
    id: 'sendmail.sender-domain',
    sender: 'sendmail (check_mail) and others',
    text: /Domain of sender address \S+ does not (?:exist|resolve)|Sender domain must (?:exist|resolve)|sender domain (?:does not|doesn't) resolve/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'The receiver looked up the domain of the envelope sender (MAIL FROM) and found no MX or A record ("does not exist"), or could not get an answer ("does not resolve", a temporary 451: the domain\'s name servers did not answer).',
    rules: ['smtp.sender-invalid'],
    sources: [
      'sendmail cf/README, check_mail ("Domain of sender address … does not exist / does not resolve")',
      "RFC 3463 §3.2 (X.1.8 Bad sender's system address)",
    ],
  },
];
