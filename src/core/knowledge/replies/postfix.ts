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
];
