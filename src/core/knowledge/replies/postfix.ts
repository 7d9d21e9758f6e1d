// Postfix's own refusal texts (smtpd restrictions, postconf(5)): they name the
// restriction that fired, so each points at one checklist rule.

import type { ReplyKnowledge } from './types';

const POSTCONF = 'https://www.postfix.org/postconf.5.html';

export const POSTFIX_REPLIES: ReplyKnowledge[] = [
  {
    // smtpd answers these when its OWN configuration fails, whoever the client is: "Server
    // configuration error" for a restriction it cannot run (a DNSBL zone written where a
    // restriction name belongs: 'warning: unknown smtpd restriction: "zen.spamhaus.org"'),
    // "Server configuration problem" for a policy service or table it cannot reach ('warning:
    // problem talking to server 127.0.0.1:9999'), "Temporary lookup failure" for a lookup table
    // (MySQL, LDAP, proxymap) that did not answer; verify(8) "unknown mail transport error" for a
    // probe its own transport could not run. The client did nothing wrong: the refusing server's
    // administrator fixes main.cf/master.cf or the service, and the log's warning line says which.
    id: 'postfix.local-configuration',
    sender: 'Postfix (its own configuration)',
    text: /\bServer configuration (?:error|problem)\b|\bTemporary lookup failure\b|\bunverified address: unknown mail transport error\b/i,
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "The refusing Postfix failed on its own configuration, not on anything the client sent: a restriction it cannot run (smtpd logs 'warning: unknown smtpd restriction'), a policy service or lookup table it cannot reach ('warning: problem talking to server …', a MySQL/LDAP map that does not answer), or an address probe its own transport could not deliver. Every client gets the same answer until the server is fixed.",
    rules: ['mta.local-error'],
    fix: [
      "On the refusing server, read the 'warning:' lines logged just before the refusal (journalctl -u postfix, /var/log/mail.log): they name the restriction, map or service that failed.",
      'A DNSBL zone written as a restriction (smtpd_recipient_restrictions = …, zen.spamhaus.org): write it as reject_rbl_client zen.spamhaus.org; a policy service (postfwd, policyd, postgrey, SPF policy) that is down: start it or take its check_policy_service line out; a table: check the database and the map file (postmap -q test <map>). Then postfix reload.',
      'If the server is not yours: tell its administrator what the reply says — the fault is on their side, and your mail will pass once they fix it.',
    ],
    verify: [
      'postfix check; postconf -n | grep -E "restrictions|policy"',
      "After postfix reload, the next attempt is answered 250 and the log has no 'warning: unknown smtpd restriction' or 'problem talking to server'.",
    ],
    sources: [
      `${POSTCONF}#smtpd_recipient_restrictions`,
      'https://www.postfix.org/SMTPD_POLICY_README.html',
      'https://www.postfix.org/ADDRESS_VERIFICATION_README.html',
    ],
  },
  {
    // Postfix's own delivery agents that could not hand the message on: pipe(8) and local(8) running a command
    // (procmail, Dovecot's deliver/dovecot-lda, a script) that failed — src/global/pipe_command.c "Command died
    // with status N", "Command output: …", pipe's "temporary failure." — and qmgr's "mail transport
    // unavailable" for a master.cf transport that is missing or keeps crashing. No receiver was asked: the
    // server's own setup stopped the delivery.
    id: 'postfix.delivery-agent-failed',
    sender: 'Postfix (pipe, local, qmgr)',
    text: /\bCommand died with status \d+\b|\bCommand (?:time limit exceeded|output:)|\bmail transport unavailable\b|^\s*temporary failure\.\s/i,
    codes: [0],
    // (sisimai's mailererror: the mail delivery program failed)
    reason: 'mailererror',
    party: 'receiver-policy',
    headline: "The server's own delivery step failed (a command or transport of its own), before any receiver was asked",
    meaning:
      "Postfix handed the message to one of its own delivery programs and that step failed: a command run by pipe(8) or local(8) — procmail, Dovecot's LDA, a script — exited with an error (its output follows 'Command output:'), or the transport named for the domain is missing from master.cf or keeps crashing ('mail transport unavailable'). The sender did nothing wrong; the server's administrator fixes the command or the transport, and the queue retries a temporary failure.",
    rules: ['mta.local-error'],
    fix: [
      "Read what the command said (after 'Command output:') and the lines logged before it for the same queue ID: a permission denied names the file or directory to fix (the mailbox, the user's home, the LDA's log), a missing program the path to correct in master.cf or in mailbox_command.",
      "'mail transport unavailable': the transport named in transport_maps, virtual_transport or mailbox_transport must exist in master.cf and start (postfix check; the 'warning:' or 'fatal:' lines name it); then postfix reload and postqueue -f.",
    ],
    verify: [
      "grep '<queue id>' /var/log/mail.log",
      'postfix check; postconf -M | grep -E "pipe|lmtp|virtual"',
      'postqueue -f   (retries the deferred mail after the fix)',
    ],
    sources: [
      'https://www.postfix.org/pipe.8.html',
      'https://www.postfix.org/local.8.html',
      'Postfix src/global/pipe_command.c ("Command died with status %d", "Command output: %s"); src/qmgr/qmgr_deliver.c ("mail transport unavailable")',
    ],
  },
  {
    // Postfix's SMTP CLIENT (relayhost with smtp_sasl_auth_enable) could not even try to log in: it has no
    // SASL mechanism in common with what the relay offers. Its own texts (src/smtp/smtp_sasl_glue.c "SASL
    // authentication failed; cannot authenticate to server %s: %s" with Cyrus SASL's "no mechanism available";
    // src/smtp/smtp_sasl_proto.c "SASL authentication failed: server %s offered no compatible authentication
    // mechanisms for this type of connection security"; Cyrus SASL's "No worthy mechs found"; "offered no
    // supported AUTH mechanisms") say so before any password was sent: the Cyrus plug-ins (libsasl2-modules,
    // cyrus-sasl-plain) are not installed, or smtp_sasl_mechanism_filter / smtp_sasl_security_options exclude
    // every mechanism the relay offers. A relay that REFUSED the login answers "… said: 535 …" instead
    // (postfix.relay-login-refused is not this: that is the relay's judgment).
    id: 'postfix.sasl-no-mechanism',
    ownQueue: true,
    sender: 'Postfix (its SMTP client logging in to a relay)',
    text: /\bcannot authenticate to server \S{1,300}: no mechanism available\b|\bSASL authentication failure: No worthy mechs found\b|\boffered no compatible authentication mechanisms for this type of connection security\b|\boffered no supported AUTH mechanisms\b/i,
    codes: [0],
    // (sisimai's securityerror: an authentication that did not happen; no receiver judged anything)
    reason: 'securityerror',
    party: 'sender',
    headline: 'The sending Postfix has no SASL mechanism to log in to its relay with (its own SASL libraries or settings)',
    meaning:
      'Postfix relays through a server that requires a login, but it could not start one: none of the mechanisms the relay offers (PLAIN, LOGIN, CRAM-MD5…) is usable on the sending side. Either the Cyrus SASL plug-ins are not installed (Debian/Ubuntu libsasl2-modules, RHEL cyrus-sasl-plain), or smtp_sasl_mechanism_filter / smtp_sasl_security_options leave no mechanism the relay offers on this connection (noplaintext without TLS, a filter naming plug-ins instead of mechanisms). No password was checked and the relay judged nothing; the queue keeps deferring until the sending server is fixed.',
    rules: ['mta.local-error'],
    fix: [
      'Install the SASL mechanism plug-ins on the sending server (Debian/Ubuntu: apt-get install libsasl2-modules; RHEL/Fedora: dnf install cyrus-sasl-plain cyrus-sasl-md5), then postfix reload.',
      "Compare what the relay offers (openssl s_client -starttls smtp -connect {server}:587, then EHLO: the AUTH line) with smtp_sasl_mechanism_filter and smtp_sasl_security_options (postconf -n | grep sasl): the filter takes mechanism names (plain, login, cram-md5), and 'noplaintext' forbids PLAIN and LOGIN unless TLS is on (smtp_sasl_tls_security_options).",
    ],
    verify: ['postconf -n | grep -E "sasl|relayhost"', 'postqueue -f   (the deferred mail goes out: status=sent)'],
    transient: true,
    sources: [
      'https://www.postfix.org/SASL_README.html#client_sasl (Postfix SMTP client SASL: mechanisms, smtp_sasl_mechanism_filter, smtp_sasl_security_options)',
      'Postfix src/smtp/smtp_sasl_glue.c ("SASL authentication failed; cannot authenticate to server %s: %s"), src/smtp/smtp_sasl_proto.c ("offered no compatible authentication mechanisms for this type of connection security")',
      'https://github.com/EasyEngine/dockerfiles/issues/106 and https://github.com/turnkeylinux/tracker/issues/1253 (no mechanism available / No worthy mechs found: libsasl2-modules missing)',
      'https://github.com/Oefenweb/ansible-postfix/issues/45 (no compatible authentication mechanisms: smtp_sasl_mechanism_filter = plain)',
    ],
  },
  {
    // Dovecot's text for any internal failure it will not detail to a client (lib-storage mail-error.h
    // MAIL_ERRSTR_CRITICAL_MSG), answered over LMTP, by the LDA and over IMAP: the mailbox server's own fault
    id: 'dovecot.internal-error',
    sender: 'Dovecot (LMTP, LDA)',
    text: /\bInternal error occurred\. Refer to server log for more information\b/i,
    reason: 'systemerror',
    party: 'receiver-policy',
    headline: 'The mailbox server (Dovecot) failed on its own error while storing the message',
    meaning:
      "Dovecot answers 'Internal error occurred. Refer to server log for more information.' for any failure of its own it does not tell a client about: a mail store it cannot write (permissions, a full disk, a broken index), a quota or Sieve plugin that failed, a user lookup that errored. The message is fine; the mailbox server's log at that time names the cause.",
    rules: ['mta.local-error'],
    fix: [
      'On the mailbox server: doveadm log errors (or journalctl -u dovecot) at the time of the refusal names the failed file or plugin; fix its permissions, space or configuration, then postqueue -f to retry.',
      'If the server is not yours: tell its administrator the time and the recipient; the fault is on their side.',
    ],
    verify: ['doveadm log errors', 'doveadm user <recipient>   (the user lookup works and names the right mail location)'],
    sources: ['Dovecot src/lib-storage/mail-error.h (MAIL_ERRSTR_CRITICAL_MSG)', 'https://doc.dovecot.org/main/core/admin/logging.html'],
  },
  {
    // the same words after the envelope (at RCPT or DATA): Postfix talks to its milters from the connection
    // on, so one that is down or unreachable fails the session at CONNECT (MILTER_README: milter_default_action
    // applies when "the Milter application is unavailable"); a milter that answered the connection and the
    // envelope and then tempfails without words made a decision on that envelope — the ordinary such decision
    // is greylisting (RFC 6647 §2: a new client/sender/recipient triplet deferred once; Plesk's greylisting
    // milter answers so at DATA). The retry passes; nothing is broken.
    id: 'postfix.milter-tempfail-envelope',
    sender: 'Postfix (a milter that answered the envelope)',
    text: /^(?:[\s\S]{0,40}\b)?Service unavailable - try again later\b/i,
    codes: [451],
    stages: ['rcpt', 'data'],
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "The refusing Postfix deferred the message on one of its mail filters (a milter) after the filter had answered the connection and seen the envelope: the filter is running and chose to defer this sender and recipient without saying why, as a greylisting milter does on a first attempt (Plesk's greylisting answers so at DATA). The retry after a few minutes passes; a client that never retries (an application without a queue) loses the mail.",
    rules: ['smtp.greylisted', 'mta.local-error'],
    fix: [
      'A sending server with a queue needs nothing: its retry passes. For your own application or device that does not retry, exempt its address or domain from the greylisting (Plesk: Tools & Settings > Spam Filter / plesk bin grey_listing --update-server -whitelist add:<domain>; milter-greylist: a whitelist line).',
      "If no greylisting runs there, read the milters' own log lines at the same moment (journalctl -u opendkim -u rspamd; 'warning: milter …' in /var/log/mail.log): they name the filter that deferred.",
    ],
    verify: ['The same message is accepted at the next attempt (a later "queued as" or status=sent for it).'],
    transient: true,
    sources: [
      'https://www.postfix.org/MILTER_README.html (milters are contacted from the connection on; milter_default_action when a Milter application is unavailable)',
      'RFC 6647 §2 (greylisting: a temporary refusal of a new triplet)',
      'https://www.plesk.com/?p=214013 (Plesk: "milter-reject: DATA from …: 451 4.7.1 Service unavailable - try again later" from its greylisting milter)',
    ],
  },
  {
    // Postfix's smtpd answers "451 4.7.1 Service unavailable - try again later" when a milter (OpenDKIM,
    // OpenDMARC, rspamd, ClamAV, Plesk's psa-pc-remote) is unreachable or failed and milter_default_action
    // is tempfail (the default), or when a milter tempfails without its own reply text (Plesk's greylisting
    // filter does so on a first attempt): the refusing server's own filter, not a verdict on the client
    id: 'postfix.milter-tempfail',
    sender: 'Postfix (its milters)',
    text: /^(?:[\s\S]{0,40}\b)?Service unavailable - try again later\b/i,
    codes: [451],
    reason: 'systemerror',
    party: 'receiver-policy',
    meaning:
      "The refusing Postfix deferred the message on one of its mail filters (milters: a DKIM signer such as OpenDKIM, OpenDMARC, rspamd, a virus scanner, Plesk's filters): the filter is down, cannot be reached or failed on its own error (OpenDKIM 'error loading key'), or it asked to try later (a greylisting milter's first answer). The client did nothing wrong.",
    rules: ['mta.local-error', 'smtp.greylisted'],
    fix: [
      "On the refusing server, read the milters' own log lines logged at the same moment (journalctl -u opendkim -u opendmarc -u rspamd; /var/log/mail.log 'warning: milter …'): they name the filter and its error.",
      'Start or repair that filter (its socket path/port must match smtpd_milters and non_smtpd_milters in main.cf), then postfix reload. A greylisting filter needs nothing: the retry passes.',
      'If the server is not yours: tell its administrator; the queue retries the 451 by itself.',
    ],
    verify: ['postconf smtpd_milters non_smtpd_milters milter_default_action', "grep -i 'milter' /var/log/mail.log | tail"],
    transient: true,
    sources: [
      'https://www.postfix.org/MILTER_README.html (milter_default_action: tempfail when a milter is unavailable or misconfigured)',
      `${POSTCONF}#milter_default_action`,
      'https://www.plesk.com/?p=214013 (Plesk: "milter-reject: DATA from …: 451 4.7.1 Service unavailable - try again later" from its greylisting milter)',
    ],
  },
  {
    id: 'postfix.relay-access-denied',
    sender: 'Postfix',
    // reject_unauth_destination answers 554 (relay_domains_reject_code), the default
    // smtpd_relay_restrictions' defer_unauth_destination 454 4.7.1
    // "<rcpt>: Relay access denied" (Recipient address rejected: … in Postfix before 2.x);
    // not Microsoft 365's "5.7.64 TenantAttribution; Relay Access Denied" nor its
    // "5.4.1 Relay Access Denied ATTR36 [….protection.outlook.com]"
    text: /^(?![\s\S]*(?:TenantAttribution|\bATTR\d+\b|protection\.outlook\.com))(?:[\s\S]*:\s*)?Relay access denied/i,
    reason: 'norelaying',
    party: 'sender',
    meaning:
      'Postfix refused to relay (reject_unauth_destination or defer_unauth_destination in smtpd_relay_restrictions): the recipient domain is not one it delivers or relays for (mydestination, virtual_mailbox_domains, virtual_alias_domains, relay_domains), and the client is neither in mynetworks nor logged in (permit_sasl_authenticated). Usually a mail client or device that sends without logging in; reverse DNS, SPF and blocklists of the client play no part.',
    rules: ['smtp.relay-denied'],
    fix: [
      'A mail client or user of this server: make it log in — in its outgoing (SMTP) server settings turn on "My server requires authentication" with the mailbox user and password, port 587 with STARTTLS. Postfix then relays it through permit_sasl_authenticated (the submission service in master.cf must be enabled with smtpd_sasl_auth_enable=yes).',
      'A fixed device or application that cannot log in ({ip}): add its address to mynetworks in main.cf (e.g. mynetworks = 127.0.0.0/8 [::1]/128 {ip}/32), then postfix reload. Keep smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination — never remove reject_unauth_destination (that makes an open relay).',
      'Mail from outside for a domain this server hosts: add the domain to mydestination, virtual_mailbox_domains or relay_domains.',
    ],
    verify: [
      'postconf mynetworks smtpd_relay_restrictions relay_domains mydestination',
      'swaks --server <this server> --port 587 --tls --auth-user <user> --from {mailfrom} --to {rcpt} --quit-after RCPT   (expect 250)',
    ],
    sources: [`${POSTCONF}#reject_unauth_destination`, `${POSTCONF}#smtpd_relay_restrictions`, 'https://www.postfix.org/SASL_README.html'],
  },
  {
    id: 'postfix.helo-rejected',
    sender: 'Postfix',
    text: /Helo command rejected: (?:need fully-qualified hostname|Host not found|Invalid name|Malformed DNS server reply)/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'The receiver checks the name the client gives in HELO/EHLO (reject_non_fqdn_helo_hostname, reject_unknown_helo_hostname, reject_invalid_helo_hostname): it must be a fully qualified name, and with the "unknown" check it must resolve in DNS.',
    rules: ['smtp.helo-rejected', 'helo.invalid', 'ptr.missing'],
    fix: [
      "Make the sending server or device introduce itself with its fully qualified DNS name (e.g. mail.example.org) — on Postfix smtp_helo_name, on Exchange the connector's FQDN, on a device its SMTP settings — and make that name resolve to its IP.",
      'If you run this receiving Postfix and the client is your own device that cannot be changed: let it past the HELO check that fired ("need fully-qualified hostname" is reject_non_fqdn_helo_hostname, "Host not found" reject_unknown_helo_hostname, "Invalid name" reject_invalid_helo_hostname) by its address — add it to mynetworks (when permit_mynetworks comes before that check in smtpd_helo_restrictions / smtpd_recipient_restrictions) or to a check_client_access table with OK placed before it — then postfix reload.',
    ],
    verify: ['dig +short <HELO name> A   (must answer, ideally with the sending IP)'],
    sources: [`${POSTCONF}#reject_non_fqdn_helo_hostname`, `${POSTCONF}#reject_unknown_helo_hostname`],
  },
  {
    id: 'postfix.sender-domain-not-found',
    sender: 'Postfix',
    text: /Sender address rejected: (?:Domain not found|need fully-qualified address|Malformed DNS server reply)/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'The envelope sender (MAIL FROM) has a domain with no MX or A record, or is not a full address (reject_unknown_sender_domain, reject_non_fqdn_sender). Programs often send as root@localhost or an internal host name.',
    rules: ['smtp.sender-invalid'],
    sources: [`${POSTCONF}#reject_unknown_sender_domain`, `${POSTCONF}#reject_non_fqdn_sender`],
  },
  {
    id: 'postfix.sender-login-mismatch',
    sender: 'Postfix',
    text: /Sender address rejected: not owned by user/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'The client logged in, but the sender address is not one its login owns (reject_sender_login_mismatch, smtpd_sender_login_maps): it must send as its own address, or be allowed that one.',
    rules: ['smtp.sender-invalid'],
    sources: [`${POSTCONF}#reject_sender_login_mismatch`],
  },
  {
    id: 'postfix.sender-not-logged-in',
    sender: 'Postfix',
    text: /Sender address rejected: not logged in/i,
    reason: 'securityerror',
    party: 'sender',
    meaning: 'The client must log in (SMTP AUTH) as the owner of the sender address before sending as it (reject_sender_login_mismatch).',
    rules: ['smtp.auth-required'],
    sources: [`${POSTCONF}#reject_sender_login_mismatch`],
  },
  {
    id: 'postfix.recipient-domain-not-found',
    sender: 'Postfix',
    text: /Recipient address rejected: (?:Domain not found|need fully-qualified address)/i,
    reason: 'hostunknown',
    party: 'recipient',
    meaning: 'The recipient domain has no MX or A record (reject_unknown_recipient_domain).',
    rules: ['smtp.recipient-unknown'],
    sources: [`${POSTCONF}#reject_unknown_recipient_domain`],
  },
  {
    // "Client host rejected: Access denied" is the text Postfix gives a client restriction that ends in
    // a plain "reject" (smtpd_client_restrictions = permit_mynetworks, reject) or an access(5) table's
    // REJECT without its own words (check_client_access): the server's own list of whom it serves said
    // no. It names no blocklist, no reputation and no DNS check — those have their own words
    // ("blocked using", "cannot find your hostname"). A relay that refuses its own logged-in users so
    // lacks permit_sasl_authenticated before the reject.
    id: 'postfix.client-access-denied',
    sender: 'Postfix (its client restrictions)',
    text: /\bClient host rejected: Access denied\b/i,
    reason: 'blocked',
    party: 'receiver-policy',
    meaning:
      "The refusing Postfix's own client restrictions refused this client: a plain 'reject' at the end of smtpd_client_restrictions (or of the restriction list that runs at that stage), or an access table entry REJECT for its address or name. It names no blocklist and no reputation check. When the client had logged in (SMTP AUTH), the list lacks permit_sasl_authenticated before that reject.",
    headline: "The refusing server's own client restrictions refused this client ('Access denied'): no blocklist, a rule of that server",
    rules: ['smtp.rejected', 'mta.local-error'],
    fix: [
      "On the refusing server: postconf smtpd_client_restrictions smtpd_relay_restrictions smtpd_recipient_restrictions — find the list that ends in 'reject' or the check_client_access table that holds REJECT for this client ({ip}).",
      "For users who log in (mail clients, applications on port 587/465): put permit_sasl_authenticated before the reject, e.g. smtpd_client_restrictions = permit_mynetworks, permit_sasl_authenticated, reject (and the same in the submission service's -o overrides in master.cf); for a fixed host that cannot log in, add it to mynetworks. Then postfix reload.",
      'If the server is not yours: its administrator refuses your client by its own rule — ask them to allow it, or send through the submission port with a login they gave you.',
    ],
    verify: [
      "postconf -n | grep -E 'client_restrictions|relay_restrictions|mynetworks'",
      "After postfix reload, the logged-in client's next attempt shows 'sasl_username=' and no 'Client host rejected: Access denied'.",
    ],
    sources: [
      `${POSTCONF}#smtpd_client_restrictions`,
      `${POSTCONF}#permit_sasl_authenticated`,
      'https://www.postfix.org/access.5.html',
      'https://www.postfix.org/SASL_README.html',
    ],
  },
  {
    // smtpd.c mail_cmd(): a MAIL FROM while a transaction is still open (a previous MAIL FROM accepted, no
    // RSET since) is answered "503 5.5.1 Error: nested MAIL command". A client does that when its first
    // attempt in the session failed later on and it starts over without RSET (RFC 5321 §4.1.1.5): with a
    // submission server the failure it hides is most often the sender's — Postfix answers
    // reject_sender_login_mismatch ("Sender address rejected: not owned by user") at RCPT TO, the program
    // keeps the connection and sends MAIL FROM again. The 503 is the symptom; the first refusal is the cause.
    id: 'postfix.nested-mail',
    sender: 'the server (a second MAIL FROM in one transaction)',
    // (the same answer of other servers: Dovecot submission "503 5.5.0 MAIL already given", Exim "503 sender
    // already given", sendmail "503 5.5.0 Sender already specified")
    text: /\bnested MAIL command\b|\bMAIL already given\b|\bsender already (?:given|specified)\b/i,
    reason: 'rejected',
    party: 'sender',
    headline:
      'The program sent MAIL FROM again without ending the refused transaction: the refusal it hid, before this 503, is most often of its sender',
    meaning:
      "Postfix answers 'nested MAIL command' to a second MAIL FROM in a transaction that is still open: the client's first attempt in this session failed after MAIL FROM (at RCPT TO: most often 'Sender address rejected: not owned by user' when the From/sender is not the address of the SMTP login) and the program started over without RSET. Fix the first refusal; the 503 then goes away.",
    rules: ['smtp.sender-invalid', 'smtp.rejected'],
    fix: [
      "Read the server's log for the same client just before the 503 (NOQUEUE: reject: RCPT from …): it names the first refusal.",
      "If it says the sender is not owned by the login (or the program lets you set a From address different from the SMTP username): set the sending program's From/sender address to the SMTP login's own address or an alias it may use.",
      'A client library that re-sends MAIL FROM without RSET after an error is faulty too: update it, or make it open a new connection after a failure.',
    ],
    verify: [
      "postconf smtpd_sender_login_maps smtpd_sender_restrictions; a new test shows one MAIL FROM answered 250 and no 'nested MAIL command'.",
    ],
    sources: [
      'Postfix smtpd.c mail_cmd() ("503 5.5.1 Error: nested MAIL command")',
      'Dovecot lib-smtp smtp-server-cmd-mail.c ("503 5.5.0 MAIL already given"); Exim smtp_in.c ("503 sender already given"); sendmail srvrsmtp.c ("503 5.5.0 Sender already specified")',
      'RFC 5321 §4.1.1.5 (RSET aborts the transaction), §4.1.4 (MAIL FROM starts a new transaction)',
      `${POSTCONF}#reject_sender_login_mismatch`,
    ],
  },
  {
    id: 'postfix.unknown-client',
    sender: 'Postfix',
    text: /Client host rejected: cannot find your (?:reverse )?hostname/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      '"cannot find your reverse hostname": the client IP has no PTR record (reject_unknown_reverse_client_hostname). "cannot find your hostname": the PTR is missing, or its name does not resolve back to the IP (reject_unknown_client_hostname, forward-confirmed reverse DNS).',
    rules: ['ptr.missing', 'ptr.mismatch'],
    sources: [`${POSTCONF}#reject_unknown_client_hostname`, `${POSTCONF}#reject_unknown_reverse_client_hostname`],
  },
  // ---- smtpd restrictions whose texts the big receivers' tables do not cover (Postfix smtpd_check.c; postconf(5)).
  // smtpd_delay_reject=yes (the default) answers client, HELO and sender restrictions at RCPT TO, so the words —
  // "Sender address rejected", "Recipient address rejected" — name which address the restriction judged, not the stage.
  {
    // reject_unlisted_sender (smtpd_reject_unlisted_sender): the SENDER's domain is one this Postfix hosts
    // (mydestination, virtual_*_domains, relay_domains) and the address is not in that domain's recipient
    // table. smtpd_check.c answers it with the unlisted-recipient words, prefixed "Sender address rejected"
    id: 'postfix.unlisted-sender',
    sender: 'Postfix (reject_unlisted_sender)',
    text: /\bSender address rejected: (?:User unknown in (?:local recipient|virtual mailbox|virtual alias|relay recipient) table|unknown user)\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: "The receiving Postfix hosts the sender's domain and has no mailbox for the envelope sender (reject_unlisted_sender)",
    meaning:
      "The refusal is about the envelope SENDER (MAIL FROM), not the recipient: the receiving Postfix serves the sender's own domain and that sender address does not exist in its recipient tables (reject_unlisted_sender). Typical: a web application or device sending as noreply@ or a made-up address of the organisation's own domain through the organisation's own server.",
    rules: ['smtp.sender-invalid'],
    fix: [
      'Make the program send with an envelope sender that exists as a mailbox or alias on that server (or create the address, e.g. an alias of noreply@ to a real mailbox).',
      'If you run that Postfix and the sender must stay as it is: let the sending host past the check (permit_mynetworks / permit_sasl_authenticated before reject_unlisted_sender), then postfix reload.',
    ],
    verify: [
      'postmap -q <sender address> <the virtual_mailbox_maps / virtual_alias_maps table>   (must answer)',
      'postconf smtpd_sender_restrictions smtpd_reject_unlisted_sender',
    ],
    sources: [
      `${POSTCONF}#reject_unlisted_sender`,
      `${POSTCONF}#smtpd_reject_unlisted_sender`,
      'Postfix src/smtpd/smtpd_check.c (check_sender_rcpt_maps: "Sender address rejected: User unknown in … table")',
    ],
  },
  {
    // reject_unverified_sender: Postfix probes the sender address through verify(8) (a MAIL FROM:<> / RCPT TO:
    // <sender> at the sender domain's MX). "undeliverable address: <why>" when the probe was refused (550 5.1.7 by
    // default, unverified_sender_reject_code), "unverified address: <why>" while it is pending or failed for now (450)
    id: 'postfix.unverified-sender',
    sender: 'Postfix (reject_unverified_sender)',
    text: /\bSender address rejected: (?:undeliverable|unverified) address\b/i,
    reason: 'rejected',
    party: 'sender',
    headline: "The receiver tested the envelope sender's address at its own mail server, and that server did not confirm it",
    meaning:
      "The receiving Postfix checks that the envelope sender (MAIL FROM) can receive mail (reject_unverified_sender): it asked the sender domain's MX whether the address exists, with a null sender (MAIL FROM:<>). 'undeliverable address' — that MX refused the address (the text after it is the MX's reply); 'unverified address' — the probe has not finished or failed for now, and the message is retried. A program that sends as a made-up address (noreply@, a system user), or an MX that refuses the null sender, fails this check.",
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send with an envelope sender that is a real, deliverable mailbox or alias of your domain; your own MX must accept mail to it, also from the null sender <> (bounces and probes).',
      "The words after 'undeliverable address:' are your MX's own reply to the probe: fix what it names (an unknown user, a blocked null sender, a relay refusal).",
    ],
    verify: ['swaks --server <your MX> --from "<>" --to <the envelope sender> --quit-after RCPT   (expect 250)'],
    sources: [`${POSTCONF}#reject_unverified_sender`, 'https://www.postfix.org/ADDRESS_VERIFICATION_README.html'],
  },
  {
    // reject_unverified_recipient answering 450 while its probe of the next hop is still running ("Address
    // verification in progress") or failed for now (address_verify_poll_count, unverified_recipient_tempfail_action):
    // the definite "undeliverable address: … said: 550 5.1.1 …" is the next hop's user-unknown and is read by its words
    id: 'postfix.recipient-verification-pending',
    sender: 'Postfix (reject_unverified_recipient)',
    text: /\bRecipient address rejected: unverified address:/i,
    codes: [0, 450, 451, 452],
    reason: 'onhold',
    party: 'recipient',
    headline: 'The receiving gateway has not yet confirmed the recipient at its own next hop: a temporary answer, retried by itself',
    meaning:
      'The receiving Postfix (usually a filtering gateway in front of the mailbox server) checks every recipient at its next hop before it accepts (reject_unverified_recipient). It answers 450 while that probe is running ("Address verification in progress") or when the next hop did not answer; the sending queue retries and the mail passes once the probe succeeds. If it never passes, the gateway cannot reach its own mailbox server.',
    rules: ['smtp.greylisted'],
    transient: true,
    fix: [
      'Nothing for the sender while it lasts minutes: the queue retries the 450 by itself.',
      "If it lasts: the recipient's administrator checks the gateway's route to the mailbox server (transport_maps, relayhost) and the words after 'unverified address:' (they say why the probe failed).",
    ],
    sources: [
      `${POSTCONF}#reject_unverified_recipient`,
      `${POSTCONF}#unverified_recipient_tempfail_action`,
      'https://www.postfix.org/ADDRESS_VERIFICATION_README.html',
    ],
  },
  {
    // check_sender_access / check_recipient_access with a bare REJECT (access(5)): smtpd_check.c says "Access denied"
    // after the address's own words. The receiving administrator listed that sender (or its domain) or that
    // recipient: no DNS record of the sender explains it
    id: 'postfix.sender-access-denied',
    sender: 'Postfix (check_sender_access)',
    // (not when a blocklist's words follow: a receiver's own text joining both, whose finding is the listing)
    text: /\bSender address rejected: Access denied\b(?![\s\S]*\b(?:blocked|listed) using\b)/i,
    reason: 'rejected',
    party: 'receiver-policy',
    headline:
      "The receiving server's own access table refuses this sender address or its domain ('Access denied'): its administrator's rule",
    meaning:
      'A check_sender_access table of the receiving Postfix holds REJECT for the envelope sender, its domain or a parent domain (access(5)). It is a rule the receiving administrator wrote, not a test of DNS, SPF or reputation; only they can lift it.',
    rules: ['smtp.sender-invalid', 'smtp.rejected'],
    fix: [
      "If the server is not yours: ask the recipient's administrator to remove your address or domain from their sender access table; meanwhile nothing on your side changes the answer.",
      'If it is yours: postconf smtpd_sender_restrictions smtpd_recipient_restrictions, find the check_sender_access table, remove or change the entry (postmap <table>), postfix reload.',
    ],
    verify: ['postmap -q <sender address or domain> <the check_sender_access table>   (must not answer REJECT)'],
    sources: ['https://www.postfix.org/access.5.html', `${POSTCONF}#check_sender_access`],
  },
  {
    id: 'postfix.recipient-access-denied',
    sender: 'Postfix (check_recipient_access)',
    // (not Microsoft 365's directory-based edge blocking, "550 5.4.1 Recipient address rejected: Access denied.
    // AS(201806281) […protection.outlook.com]": a recipient that does not exist there, microsoft.ts)
    text: /^(?![\s\S]*(?:protection\.outlook\.com|\bAS\(\d+\)|\b5\.4\.1\b))[\s\S]*\bRecipient address rejected: Access denied\b/i,
    // sisimai reads "Recipient address rejected" as userunknown; the step says it is the receiver's own rule
    reason: 'userunknown',
    party: 'recipient',
    headline: "The receiving server's own access table refuses this recipient address ('Access denied'): its administrator's rule",
    meaning:
      "A check_recipient_access table of the receiving Postfix holds REJECT for this recipient or its domain (access(5)); filtering services built on Postfix answer the same words for an address missing from their directory (Trend Micro Hosted Email Security with Directory Management): an address that takes no mail from outside (an internal list, a retired or no-reply address), or a domain it refuses. The sender's server, DNS and reputation play no part.",
    rules: ['smtp.recipient-unknown', 'smtp.rejected'],
    fix: [
      'Check the recipient address with its owner; they (or their administrator) must allow it to receive mail from outside, or give another address.',
      'If the server is yours: find the check_recipient_access table (postconf smtpd_recipient_restrictions), change the entry, postmap it, postfix reload.',
    ],
    sources: [
      'https://www.postfix.org/access.5.html',
      `${POSTCONF}#check_recipient_access`,
      'https://success.trendmicro.com/solution/1053962 (Trend Micro HES: "554 5.7.1 <addr>: Recipient address rejected: Access denied" for an address not in its directory)',
    ],
  },
  {
    // reject_multi_recipient_bounce: a message with the null sender (a bounce) addressed to more than one recipient
    id: 'postfix.multi-recipient-bounce',
    sender: 'Postfix (reject_multi_recipient_bounce)',
    text: /\b(?:Data command|End-of-data) rejected: Multi-recipient bounce\b/i,
    reason: 'rejected',
    party: 'sender',
    headline:
      'A message with the empty sender <> (how bounces are sent) to several recipients at once: the receiver takes such a bounce for one recipient only',
    meaning:
      'The receiving Postfix refuses a message with the null envelope sender (MAIL FROM:<>, as bounces and auto-replies are sent) that names more than one recipient (reject_multi_recipient_bounce): a real bounce goes to one address. The sending program sends its notifications with an empty sender to several people at once.',
    rules: ['smtp.rejected'],
    fix: ['Give the sending program a real envelope sender for its notifications, or send them one recipient per message.'],
    sources: [`${POSTCONF}#reject_multi_recipient_bounce`],
  },
  {
    // reject_unauth_pipelining: the client sent commands before the server's reply that allows them (before the
    // greeting, or a batch without PIPELINING offered): ratware, or a broken device
    id: 'postfix.unauth-pipelining',
    sender: 'Postfix (reject_unauth_pipelining)',
    text: /\bImproper use of SMTP command pipelining\b/i,
    reason: 'syntaxerror',
    party: 'sender',
    headline:
      'The sending program wrote SMTP commands before the receiver answered (reject_unauth_pipelining): a broken client or spam software',
    meaning:
      'The receiving Postfix saw the client send SMTP commands ahead of the replies that allow it (reject_unauth_pipelining): before the greeting, or several at once when pipelining was not offered. Spam software does this; so do some devices and scripts that write the whole dialogue at once.',
    rules: ['smtp.rejected'],
    fix: [
      'Make the sending program wait for each reply (a current mail library does); for a device, update its firmware or send through a relay. If the receiving server is yours and the device cannot change, exempt its address (permit_mynetworks before reject_unauth_pipelining).',
    ],
    sources: [`${POSTCONF}#reject_unauth_pipelining`],
  },
];
