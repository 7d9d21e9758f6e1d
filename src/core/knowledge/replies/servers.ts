// Mail servers' own default refusal texts, read from their source or manual: Postfix's postscreen (the
// zombie blocker in front of smtpd) and Haraka's bundled plugins. These words are the software's defaults,
// so they come back from any site running it; each entry cites the file or page that writes them.
//
// Who acts follows the test that fired, not the product: a client that talked before its turn or sent
// bare newlines must change its own SMTP client (sender); a postscreen "after-220" test that the client
// passed still answers 4xx once and lets the retry in (the receiver's policy, like greylisting); a site's
// own permanent access list can only be lifted by that site (recipient side).

import type { ReplyKnowledge } from './types';

const PSC = 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/postscreen';
const PSC_DOC = 'https://www.postfix.org/POSTSCREEN_README.html';
const HARAKA = 'https://github.com/haraka/Haraka/blob/master/plugins';

/** The receiving site's own list names the client: nothing but that site's administrator lifts it. */
const SITE_LIST_FIX = [
  "Ask the recipient's mail administrator by other means (phone, another address) to take {ip} off their server's own access list (postscreen_access_list), after telling them what the IP is.",
  'Nothing in your DNS or on your server changes it: the list is a setting of the receiving server.',
];

export const SERVER_REPLIES: ReplyKnowledge[] = [
  // ---- Postfix postscreen (postscreen_early.c, postscreen_smtpd.c, postscreen.c) ----
  {
    // pregreet, bare-newline, non-SMTP-command and command-pipelining tests: "550 5.5.1 Protocol error" when
    // the action is enforce, "521 5.5.1 Protocol error" when it is drop. The whole reply is these two words
    id: 'postscreen.protocol-error',
    sender: 'Postfix postscreen',
    text: /^\s*(?:5\.5\.1\s+)?Protocol error\.?\s*$/i,
    codes: [0, 550, 521],
    reason: 'syntaxerror',
    party: 'sender',
    headline:
      "The receiver's postscreen caught the sending client breaking the SMTP protocol (talking before the greeting, pipelining unasked, or bare newlines)",
    meaning:
      'Postfix\'s postscreen answers "Protocol error" when the client failed one of its protocol tests: it sent before the server\'s greeting (pregreet), sent several commands without waiting although PIPELINING was not offered, sent a line ending in a bare newline, or sent a non-SMTP command. Real mail servers pass these tests; the usual culprits are an SMTP proxy or "mail scanning" firewall in the path, or a hand-written client.',
    rules: ['smtp.rejected'],
    fix: [
      'Send through a real mail server (Postfix, Exim, Exchange…) rather than a script or device that writes SMTP itself; such a server waits for the greeting and for each reply.',
      'If a firewall or antivirus product inspects outgoing SMTP (Cisco "fixup smtp" / SMTP inspection, an antivirus mail shield), turn that inspection off for port 25: it delays or rewrites the dialogue.',
      'If your own code writes SMTP, end every line with CRLF and wait for each reply before the next command.',
    ],
    sources: [`${PSC}/postscreen_early.c`, `${PSC}/postscreen_smtpd.c`, `${PSC_DOC}#pregreet`, `${PSC_DOC}#after_220`],
  },
  {
    // the after-220 tests (pipelining, non-SMTP command, bare newline) can only be passed in one session and
    // used in the next: postscreen answers "450 4.3.2 Service currently unavailable" to the RCPT of a client
    // that passed them, and lets its retry through to smtpd — the same reply as for a client still in penalty
    id: 'postscreen.retry-after-tests',
    sender: 'Postfix postscreen',
    text: /^\s*(?:4\.3\.2\s+)?Service currently unavailable\.?\s*$/i,
    codes: [0, 450, 421],
    reason: 'onhold',
    party: 'receiver-policy',
    headline: "The receiver's postscreen deferred the first attempt: a retry from the same IP gets through",
    meaning:
      'Postfix postscreen\'s "after 220 greeting" tests cannot hand a passing client on in the same session: it answers "450 4.3.2 Service currently unavailable" and allowlists the IP, so the next attempt from the same address is accepted. Like greylisting, a queue that retries delivers; a sender that retries from a different IP each time (large outbound farms) can be deferred for a long time.',
    rules: ['smtp.greylisted'],
    // the same line in the reader's own postscreen log: its own setting to change when big senders retry from new IPs
    ownServer: {
      rules: ['mta.local-error'],
      headline: 'Your own postscreen deferred this client: its after-220 tests answer 450 until the client retries from the same IP',
      fix: [
        "If the client is a large sender (Gmail, Microsoft, Amazon SES) that retries from ever new IPs, let it past postscreen: allowlist its networks in postscreen_access_list (cidr:/etc/postfix/postscreen_access.cidr with 'permit'), or lower the DNSBL weight that sent it to the deep tests (postscreen_dnsbl_threshold, postscreen_dnsbl_allowlist_threshold).",
        'Or turn off the after-220 tests, which defer every new client once: postscreen_pipelining_enable = no, postscreen_non_smtp_command_enable = no, postscreen_bare_newline_enable = no; then postfix reload.',
      ],
    },
    fix: [
      'Nothing, if the sending server retries from the same IP: the message goes out on a later attempt.',
      'If you run the receiving Postfix and large senders retry from changing IPs, allowlist their networks (postscreen_access_list, postscreen_dnsbl_allowlist_threshold) or turn off the after-220 tests (postscreen_pipelining_enable, postscreen_non_smtp_command_enable, postscreen_bare_newline_enable = no).',
    ],
    verify: ['Look for a later line in the log that delivers the same message (status=sent, 250).'],
    transient: true,
    sources: [`${PSC}/postscreen_smtpd.c`, `${PSC}/postscreen_tests.c`, `${PSC_DOC}#after_220`],
  },
  {
    // postscreen_access_list (postscreen_blacklist_action = enforce): "550 5.3.2 Service currently unavailable"
    id: 'postscreen.access-list',
    sender: 'Postfix postscreen',
    text: /^\s*(?:5\.3\.2\s+)?Service currently unavailable\.?\s*$/i,
    codes: [550, 521],
    reason: 'blocked',
    party: 'recipient',
    headline: "The receiving server's own access list refuses the sending IP (postscreen_access_list)",
    meaning:
      'Postfix postscreen answers "550 5.3.2 Service currently unavailable" when the client IP is on the permanent deny list of the receiving server (postscreen_access_list). No public blocklist is involved: the receiving site put the address there.',
    rules: ['reputation.blocked'],
    fix: SITE_LIST_FIX,
    sources: [`${PSC}/postscreen.c`, 'https://www.postfix.org/postconf.5.html#postscreen_access_list'],
  },
  {
    // no smtpd process free: "421 4.3.2 All server ports are busy"; out of file descriptors: "421 4.3.2 No system resources"
    id: 'postscreen.ports-busy',
    sender: 'Postfix postscreen',
    text: /\bAll server ports are busy\b|^\s*(?:4\.3\.2\s+)?No system resources\.?\s*$/i,
    reason: 'systemfull',
    party: 'recipient',
    headline: 'The receiving server is overloaded: all its SMTP server processes are busy',
    meaning:
      'Postfix postscreen answers "421 4.3.2 All server ports are busy" when every smtpd process of the receiving server is in use (its process limit), and "No system resources" when it cannot start one. It is the receiver\'s load, not a finding about the sender; a retry later normally succeeds.',
    rules: ['smtp.rejected'],
    fix: [
      'Nothing on your side: your server retries on its own.',
      'If you run the receiving Postfix: raise the smtpd process limit (default_process_limit, or the maxproc column of the smtp line in master.cf) or find what holds the processes (slow milters, DNS).',
    ],
    transient: true,
    sources: [`${PSC}/postscreen.c`, `${PSC}/postscreen_send.c`, 'https://www.postfix.org/STRESS_README.html'],
  },

  // ---- Haraka (plugins/helo.checks.js, connect.fcrdns.js, mail_from.is_resolvable.js, early_talker.js) ----
  {
    id: 'haraka.helo-checks',
    sender: 'Haraka (helo.checks)',
    text: /\bHELO must have a (?:dot|valid TLD)\b|\bInvalid address format in HELO\b|\bHELO is dynamic\b|\bHELO IP literal (?:does not match your IP|not in the same \/24 as your IP)\b|\bYou are not who you say you are\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      "Haraka's helo.checks plugin refused the name the client gave in HELO/EHLO: a name without a dot, a bare IP instead of an [address literal], a name that contains the client's IP (dynamic), a name whose last label is no public suffix, an address literal of another IP, or a well-known company's name (\"You are not who you say you are\") from an IP whose reverse DNS is not that company's.",
    rules: ['smtp.helo-rejected', 'helo.invalid'],
    fix: [
      "Make the sending server introduce itself with its own fully qualified DNS name (e.g. mail.example.org, not a bare host name, an IP, or a name with the IP in it) — on Postfix smtp_helo_name, on Exchange the send connector's FQDN — and give that name an A record pointing at the sending IP and a matching PTR.",
    ],
    verify: ['dig +short <HELO name> A   (must answer with the sending IP)'],
    sources: [`${HARAKA}/helo.checks.js`, 'https://haraka.github.io/plugins/helo.checks'],
  },
  {
    id: 'haraka.from-no-mx',
    sender: 'Haraka (mail_from.is_resolvable)',
    text: /\bNo MX for your FROM address\b|\bMX without A records\b/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'Haraka\'s mail_from.is_resolvable plugin checked the domain of the envelope sender (MAIL FROM): it has no MX record and no address ("No MX for your FROM address"), or its MX hosts have no A/AAAA records ("MX without A records"). Mail from an address that cannot receive replies is refused.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send with an envelope sender (Return-Path) in a domain that receives mail: give the domain an MX record whose host has an A record.',
      'If a program sends as root@localhost or an internal host name, set a real sender address in it.',
    ],
    verify: ['dig +short MX <sender domain>   and   dig +short A <each MX host>'],
    sources: [`${HARAKA}/mail_from.is_resolvable.js`],
  },
  {
    id: 'haraka.from-resolver-error',
    sender: 'Haraka (mail_from.is_resolvable)',
    text: /\bTemp(?:orary|\.) resolver error \((?:timeout|E[A-Z]{3,20})\)/,
    reason: 'rejected',
    party: 'sender',
    meaning:
      "Haraka's mail_from.is_resolvable plugin could not look up the MX of the envelope sender's domain: the DNS query timed out or failed (SERVFAIL, REFUSED…). It defers the message; the fault is at the sender domain's name servers or at the receiver's resolver.",
    rules: ['smtp.sender-invalid', 'smtp.dns-lookup-failed'],
    fix: [
      "Check that the sender domain's name servers answer for MX and A queries from everywhere (dig MX <domain> @each of its NS); fix a lame or unreachable name server.",
      "If they answer, the receiver's resolver failed: the retry normally succeeds.",
    ],
    transient: true,
    sources: [`${HARAKA}/mail_from.is_resolvable.js`],
  },
  {
    id: 'haraka.early-talker',
    sender: 'Haraka (early_talker)',
    text: /\bYou talk too soon\b/i,
    reason: 'syntaxerror',
    party: 'sender',
    headline: 'The receiver (Haraka) caught the sending client talking before its turn',
    meaning:
      "Haraka's early_talker plugin holds its replies for a moment and refuses a client that sends before it has answered — the behaviour of spam bots, and of SMTP proxies or scanning firewalls that do not wait for the server.",
    rules: ['smtp.rejected'],
    fix: [
      'Send through a real mail server that waits for each reply; turn off SMTP inspection of outgoing port 25 in a firewall or antivirus in the path.',
    ],
    sources: [`${HARAKA}/early_talker.js`],
  },
  {
    id: 'haraka.fcrdns',
    sender: 'Haraka (connect.fcrdns)',
    text: /\bclient (?:\S+ )?\[[^\]]{2,45}\] (?:rejected; (?:no rDNS|invalid TLD in rDNS|generic rDNS)|rDNS lookup (?:timeout|error))|\bSorry, no FCrDNS match found\b/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      "Haraka's connect.fcrdns plugin requires forward-confirmed reverse DNS: the sending IP must have a PTR record, the PTR name must have a real TLD and resolve back to the IP, and (with reject.generic_rdns) must not be a generic name containing the IP. The refusal says which of these failed.",
    rules: ['ptr.missing', 'ptr.mismatch', 'ptr.generic'],
    sources: [`${HARAKA}/connect.fcrdns.js`, 'https://haraka.github.io/plugins/connect.fcrdns'],
  },

  // ---- iRedAPD (iRedMail's Postfix policy server: libs/__init__.py SMTP_ACTIONS) ----
  // Postfix puts these behind "<address>: Sender address rejected:" or "Recipient address rejected:", by the
  // restriction list that calls the policy service, not by whose address is at fault
  {
    id: 'iredapd.sender-login-mismatch',
    sender: 'iRedMail (iRedAPD reject_sender_login_mismatch)',
    text: /\bSender is not same as SMTP authenticate(?: username)?\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: 'Your own mail server (iRedMail) refused a sender address that is not the logged-in account',
    meaning:
      "iRedAPD's reject_sender_login_mismatch plugin refuses mail whose envelope sender (MAIL FROM) differs from the account the client logged in with (SMTP AUTH). A program or phone set to log in as one mailbox and send as another address gets this, as does a shared or alias address not granted to that login.",
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send as the address you log in with, or log in with the account of the address you send as.',
      "If the login should be allowed to send as that address (an alias, a shared mailbox), add it to the iRedAPD settings that allow it (ALLOWED_LOGIN_MISMATCH_SENDERS, or the account's alias/sender-bcc permissions) on your iRedMail server.",
    ],
    sources: ['https://github.com/iredmail/iRedAPD/blob/master/libs/__init__.py', 'https://docs.iredmail.org/iredapd.html'],
  },
  {
    id: 'iredapd.forged-sender',
    sender: 'iRedMail (iRedAPD reject_sender_login_mismatch)',
    text: /\bSMTP AUTH is required for users under this sender(?: domain)?\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: 'The receiving iRedMail server hosts the sender domain and requires a login to send as it',
    meaning:
      "iRedAPD refuses mail that arrives without SMTP AUTH but claims a sender address in a domain the server itself hosts: only logged-in users may send as those addresses. A web form, printer or application that talks to port 25 as an address of the server's own domain gets this.",
    rules: ['smtp.auth-required'],
    fix: [
      'Make the program submit on port 587 with a login (SMTP AUTH) of an account of that domain, not unauthenticated on port 25.',
      "If it is a trusted host of yours, add its IP to the server's mynetworks (Postfix) so that it counts as a relay client.",
    ],
    sources: ['https://github.com/iredmail/iRedAPD/blob/master/libs/__init__.py', 'https://docs.iredmail.org/iredapd.html'],
  },
  {
    // amavisd_wblist: the recipient's, its domain's or the server's global black list; anchored, as
    // "Blacklisted" alone is used for many things
    id: 'iredapd.blacklisted',
    sender: 'iRedMail (iRedAPD amavisd_wblist)',
    text: /\b(?:Sender|Recipient|Client host) address rejected: Blacklisted\.?\s*$|^\s*(?:5\.7\.1\s+)?Blacklisted\.?\s*$/i,
    reason: 'rejected',
    party: 'recipient',
    headline: "The recipient's server has the sender on its own black list (iRedMail white/black list)",
    meaning:
      "iRedAPD answers \"Blacklisted\" when the sender's address, domain or IP is on a black list of the recipient, of the recipient's domain, or of the whole server (iRedMail's per-user and global white/black lists). No public blocklist is involved.",
    rules: ['reputation.blocked'],
    fix: [
      'Ask the recipient by other means (phone, another address) to remove your address, domain or IP from their black list, or their mail administrator from the server-wide one.',
      'Nothing in your DNS or on your server changes it: the list is a setting on the recipient side.',
    ],
    sources: ['https://github.com/iredmail/iRedAPD/blob/master/libs/__init__.py', 'https://docs.iredmail.org/manage.iredapd.html'],
  },
  {
    id: 'iredapd.blacklisted-rdns',
    sender: 'iRedMail (iRedAPD wblist_rdns)',
    text: /\bBlacklisted reverse DNS name of server IP address\b/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      "iRedAPD's wblist_rdns plugin refuses clients whose reverse DNS (PTR) name matches a black-listed name pattern of the receiving server; its default list holds patterns of generic, dynamic and residential names. A sending IP with a PTR like 192-0-2-1.dyn.example.net is refused.",
    rules: ['ptr.generic', 'ptr.missing', 'reputation.blocked'],
    fix: [
      "Give the sending IP a PTR record with the mail server's own name (mail.example.org), not the provider's generic one, or send through a relay that has one.",
    ],
    verify: ['dig +short -x {ip}   (a name of your own, resolving back to {ip})'],
    sources: [
      'https://github.com/iredmail/iRedAPD/blob/master/libs/__init__.py',
      'https://github.com/iredmail/iRedAPD/blob/master/plugins/wblist_rdns.py',
    ],
  },
  {
    id: 'iredapd.message-size',
    sender: 'iRedMail (iRedAPD throttle)',
    text: /\bMessage size exceed \(maybe caused by big\b/i,
    reason: 'mesgtoobig',
    party: 'sender',
    meaning:
      "iRedAPD's throttle plugin refuses a message larger than the maximum size set for the sender or the recipient (its msg_size setting), before the message is sent (from the SIZE the client announced).",
    rules: ['smtp.message-too-large'],
    sources: ['https://github.com/iredmail/iRedAPD/blob/master/libs/__init__.py', 'https://docs.iredmail.org/iredapd.throttling.html'],
  },
  {
    id: 'iredapd.low-sender-score',
    sender: 'iRedMail (iRedAPD senderscore)',
    text: /\bServer IP address has bad reputation\. FYI: https?:\/\/(?:www\.)?senderscore\.org\b/i,
    reason: 'badreputation',
    party: 'sender',
    headline: "The receiver refused the sending IP for its Sender Score (Validity's IP reputation)",
    meaning:
      "iRedAPD's senderscore plugin looks the client IP up in Validity's Sender Score (score.senderscore.com) and refuses it below the server's threshold. The score follows the IP's sending history (complaints, spam traps, unknown users, volume).",
    rules: ['reputation.blocked'],
    fix: [
      'Look {ip} up at https://senderscore.org and find what lowered it (complaints, spam traps, bounces); fix that and the score recovers over weeks.',
      'Meanwhile send through a relay with a better score, or ask the recipient to allowlist you.',
    ],
    sources: [
      'https://github.com/iredmail/iRedAPD/blob/master/libs/__init__.py',
      'https://github.com/iredmail/iRedAPD/blob/master/plugins/senderscore.py',
    ],
  },
  {
    id: 'iredapd.null-sender',
    sender: 'iRedMail (iRedAPD reject_null_sender)',
    text: /\bPolicy rejection due to null sender\b/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      "iRedAPD's reject_null_sender plugin refuses mail with an empty envelope sender (MAIL FROM:<>) from a client that logged in (SMTP AUTH): bounces never come from a logged-in user, so the server treats it as a stolen account sending spam.",
    rules: ['smtp.sender-invalid'],
    fix: ['Set a real envelope sender address in the program that logs in and sends (its "from" / Return-Path setting).'],
    sources: [
      'https://github.com/iredmail/iRedAPD/blob/master/libs/__init__.py',
      'https://github.com/iredmail/iRedAPD/blob/master/plugins/reject_null_sender.py',
    ],
  },

  // ---- policyd-weight (Postfix policy daemon: policyd-weight.conf defaults) ----
  {
    id: 'policyd-weight.spam-or-forged',
    sender: 'policyd-weight',
    text: /\bMail appeared to be SPAM or forged\. Ask your Mail\/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'policyd-weight scores the client on its HELO name (does it resolve, does it match the IP, does it look dial-up), its reverse DNS, the sender domain\'s MX and a few DNS blocklists, and refuses above its reject level. The reply\'s tail ("in <list>", "helo/hostname mismatch") names what scored.',
    rules: ['dnsbl.listed', 'helo.invalid', 'ptr.missing', 'ptr.mismatch'],
    fix: [
      'Give the sending server a HELO name that is its own fully qualified name, resolving to its IP, with a matching PTR record for the IP; publish MX records for the sender domain.',
      'Check the IP against the lists the reply names (Spamhaus, SpamCop, …) and have it delisted after stopping the cause.',
    ],
    sources: ['https://github.com/policyd-weight/policyd-weight/blob/master/policyd-weight.conf', 'https://www.policyd-weight.org/'],
  },
  {
    id: 'policyd-weight.too-many-dnsbls',
    sender: 'policyd-weight',
    text: /\bYour MTA is listed in too many DNSBLs\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      'policyd-weight refuses a client IP listed on more DNS blocklists than its limit (MAXDNSBLHITS, default 2) or above its blocklist score, before any other check.',
    rules: ['dnsbl.listed'],
    sources: ['https://github.com/policyd-weight/policyd-weight/blob/master/policyd-weight.conf'],
  },
  {
    id: 'policyd-weight.no-dns',
    sender: 'policyd-weight',
    text: /\bNo DNS entries for your MTA, HELO and Domain\b/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      'policyd-weight defers a client when neither the client IP (no PTR), nor its HELO name, nor the sender domain resolve in DNS: nothing identifies the sending server.',
    rules: ['ptr.missing', 'helo.invalid'],
    sources: ['https://github.com/policyd-weight/policyd-weight/blob/master/policyd-weight.conf'],
  },

  // ---- rspamd (ratelimit module) ----
  {
    id: 'rspamd.ratelimit',
    sender: 'rspamd (ratelimit)',
    text: /^\s*(?:\d\.\d{1,3}\.\d{1,3}\s+)?Ratelimit exceeded\b/i,
    reason: 'speeding',
    party: 'receiver-policy',
    meaning:
      "rspamd's ratelimit module soft-rejects (4xx) mail once a bucket it keeps — per recipient, per sending IP, per sender, per authenticated user — is over its burst and rate. Retrying later, or sending more slowly, gets through.",
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: [
      'https://github.com/rspamd/rspamd/blob/master/src/plugins/lua/ratelimit.lua',
      'https://rspamd.com/doc/modules/ratelimit.html',
    ],
  },

  // ---- Stalwart (crates/smtp/src/inbound: ehlo.rs, mail.rs, rcpt.rs, data.rs) ----
  {
    // mail.rs: an authenticated client whose MAIL FROM is none of the account's addresses (auth_match_sender)
    id: 'stalwart.not-allowed-from',
    sender: 'Stalwart Mail Server (submission)',
    text: /\bYou are not allowed to send from this address\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: 'Your own mail server (Stalwart) refused a sender address that is not one of the logged-in account',
    meaning:
      'Stalwart answers "501 5.5.4 You are not allowed to send from this address" to MAIL FROM when the client is logged in (SMTP AUTH) and the envelope sender is neither the account\'s address nor one of its aliases. It is no SPF finding: the login and the sender address do not belong together.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send as the address you log in with, or log in with the account that owns the address.',
      "To let the account send as that address, add it to the account's e-mail addresses (an alias) in Stalwart, or turn off session.auth.must-match-sender for the listener.",
    ],
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/mail.rs'],
  },
  {
    id: 'stalwart.must-authenticate',
    sender: 'Stalwart Mail Server (submission)',
    text: /^\s*(?:5\.5\.1\s+)?You must authenticate first\.?\s*$/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'Stalwart requires SMTP AUTH on this listener (session.auth.require) and the client sent MAIL FROM without logging in: the program is set to send without a user name and password, or to the wrong port.',
    rules: ['smtp.auth-required'],
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/mail.rs'],
  },
  {
    id: 'stalwart.ehlo-first',
    sender: 'Stalwart Mail Server',
    text: /\bPolite people say EHLO first\b/i,
    reason: 'syntaxerror',
    party: 'sender',
    headline: 'The receiver (Stalwart) refused MAIL FROM because the client never said EHLO',
    meaning:
      'Stalwart requires EHLO (or HELO) before MAIL FROM — always when it checks SPF — and the client skipped it: a hand-written SMTP client or script that starts with MAIL FROM.',
    rules: ['smtp.rejected'],
    fix: ['Make the program send "EHLO <its fully qualified host name>" first, or send through a mail library or server that does.'],
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/mail.rs'],
  },
  {
    id: 'stalwart.iprev',
    sender: 'Stalwart Mail Server',
    text: /\bReverse DNS validation failed\b|\bTemporary error validating reverse DNS\b/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      'Stalwart in strict iprev mode refuses MAIL FROM from an IP whose reverse DNS does not pass (RFC 8601 iprev: the PTR name must resolve back to the IP): "550 5.7.25 Reverse DNS validation failed", or "451 4.7.25 Temporary error validating reverse DNS" when the lookup itself failed.',
    rules: ['ptr.missing', 'ptr.mismatch'],
    sources: [
      'https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/mail.rs',
      'https://stalw.art/docs/mta/authentication/iprev',
    ],
  },
  {
    // mail.rs handle_spf: strict SPF with a TempError answers "451 4.7.24 Temporary SPF validation error."
    id: 'stalwart.spf-temperror',
    sender: 'Stalwart Mail Server',
    text: /\bTemporary SPF validation error\b/i,
    reason: 'networkerror',
    party: 'sender',
    meaning:
      "Stalwart checks SPF strictly and its lookup of the sender domain's SPF record failed for now (a DNS time-out or SERVFAIL: RFC 7208 temperror). It defers; the retry succeeds once the domain's name servers answer.",
    rules: ['smtp.dns-lookup-failed', 'spf.permerror'],
    fix: [
      'Check that every name server of the sender domain answers TXT queries for it from outside (dig TXT <domain> @<each NS>); fix or remove a server that times out.',
    ],
    transient: true,
    sources: [
      'https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/mail.rs',
      'https://www.rfc-editor.org/rfc/rfc7208#section-2.6.6',
    ],
  },
  {
    id: 'stalwart.unable-to-verify',
    sender: 'Stalwart Mail Server',
    text: /\bUnable to verify address at this time\b/i,
    reason: 'systemerror',
    party: 'recipient',
    headline: 'The receiving server (Stalwart) could not look the recipient up in its directory for now',
    meaning:
      'Stalwart answers "451 4.4.3 Unable to verify address at this time" when its own directory (LDAP, SQL, its internal store) failed while it checked whether the recipient exists. It is the receiver\'s fault and temporary; the sender\'s queue retries.',
    rules: ['smtp.rejected'],
    fix: ['Nothing on your side: your server retries. If it lasts, tell the recipient their mail server cannot reach its user directory.'],
    transient: true,
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/rcpt.rs'],
  },
  {
    id: 'stalwart.parse-failed',
    sender: 'Stalwart Mail Server',
    text: /^\s*(?:5\.7\.7\s+)?Failed to parse message\.?\s*$/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    meaning:
      'Stalwart could not parse the message it received (its headers are not RFC 5322: a broken header line, a header without a colon, bytes that end the header block early) and refused it after DATA.',
    rules: ['smtp.not-compliant'],
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/data.rs'],
  },

  // ---- spamass-milter (SpamAssassin milter for sendmail and Postfix) ----
  {
    // spamass-milter.cpp: "Set standard reject text … Blocked by SpamAssassin", code 5.7.1, when a message scores
    // at or above its -r threshold
    id: 'spamass-milter.blocked',
    sender: 'spamass-milter (SpamAssassin)',
    text: /\bBlocked by SpamAssassin\b/i,
    reason: 'spamdetected',
    party: 'sender',
    meaning:
      "The receiver's spamass-milter passed the message to SpamAssassin and refused it after DATA because its score reached the reject threshold (the milter's -r option). The score adds up many tests: the content, the links, the sending IP on blocklists, missing or failing SPF/DKIM.",
    rules: ['smtp.content-rejected'],
    sources: ['https://github.com/andybalholm/spamass-milter/blob/master/spamass-milter.cpp'],
  },
  {
    // bounce.js: Haraka's checks of incoming bounces (MAIL FROM:<>), against backscatter from forged senders
    id: 'haraka.bounce-checks',
    sender: 'Haraka (bounce)',
    text: /\bNo bounces accepted here\b|\bthis bounce message does not have 1 recipient\b|\bThat recipient does not accept bounces\b|\bInvalid bounce \(spoofed sender\)|\bbounce with non-empty Return-Path\b|\bbounce (?:without Message-ID in headers|with invalid Message-ID|Message-ID without valid domain)\b/i,
    reason: 'rejected',
    party: 'receiver-policy',
    headline: 'The receiver (Haraka) refused a bounce (a delivery report with an empty sender) as backscatter',
    meaning:
      "Haraka's bounce plugin refuses non-delivery reports it judges not to answer its own mail: a bounce to several recipients, to an address that takes no bounces, with no Message-ID of a message it sent, or from an IP the recipient domain's SPF does not allow. These are the marks of backscatter — bounces to a forged sender address.",
    rules: ['smtp.rejected'],
    fix: [
      'If your server was bouncing mail that was never sent by that recipient (spam with a forged sender), nothing is lost: stop accepting such mail instead of bouncing it (reject during SMTP, do not accept then bounce).',
      "If it is a real bounce of a message of theirs, send it to a single recipient with the original message's headers attached (the standard DSN format).",
    ],
    sources: ['https://github.com/haraka/Haraka/blob/master/plugins/bounce.js', 'https://haraka.github.io/plugins/bounce'],
  },
  {
    // data.rfc5322_header_checks.js (now the headers plugin) and data.nomsgid.js
    id: 'haraka.header-checks',
    sender: 'Haraka (headers)',
    text: /\bRequired header '[\w-]{2,30}' missing\b|\bMessage contains non-unique '[\w-]{2,30}' header\b|\bMails here must have a Message-Id header\b/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    meaning:
      "Haraka's header checks enforce RFC 5322 section 3.6: a Date: and a From: header must be present, and Date, From, Sender, Reply-To, To, Cc, Bcc, Message-Id, In-Reply-To, References and Subject may each appear once only; some sites also require a Message-Id. The refusal names the header.",
    rules: ['smtp.not-compliant'],
    fix: [
      'Fix the program that builds the message: give it exactly one Date: and one From: header (and a Message-ID:), and never add a second Subject:, To: or the like.',
    ],
    sources: [
      'https://github.com/haraka/Haraka/blob/master/plugins/data.rfc5322_header_checks.js',
      'https://github.com/haraka/Haraka/blob/master/plugins/data.nomsgid.js',
    ],
  },

  // ---- hMailServer (hmailserver/source/Server/SMTP/SMTPConnection.cpp) ----
  {
    // _ProtocolRCPT: the IP range's "Require SMTP authentication" for local→local, local→external,
    // external→local or external→external mail; a stranger's mail with a sender in one of the server's own
    // domains ("local sender") meets the first two
    id: 'hmailserver.auth-required',
    sender: 'hMailServer',
    text: /^\s*(?:5\.7\.\d\s+)?SMTP authentication is required\.?\s*$/i,
    codes: [0, 530, 550],
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'hMailServer answers "530 SMTP authentication is required." when the client\'s IP range requires a login for this kind of mail and the client did not log in. Its IP range settings ask for one per direction (local to local, local to external, external to local, external to external): a mail program that forgot to log in, or mail from outside whose sender address is in one of the server\'s own domains.',
    rules: ['smtp.auth-required'],
    fix: [
      "Have the mail program log in (SMTP AUTH) with the mailbox's user name and password, on the server's submission port.",
      "If you run the hMailServer and the refused mail comes from outside with a sender in your own domain (a web form, a forwarding service, a device), add that client's IP as an IP range without the authentication requirement, or have it log in.",
    ],
    sources: [
      'https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp',
      'https://www.hmailserver.com/documentation/latest/?page=reference_ipranges',
    ],
  },
  {
    // _ProtocolRCPT: the greylisting refusal of hMailServer's anti-spam
    id: 'hmailserver.greylisting',
    sender: 'hMailServer (greylisting)',
    text: /^\s*(?:4\.\d\.\d\s+)?Please try again later\.\s*$/i,
    codes: [451],
    reason: 'onhold',
    party: 'receiver-policy',
    meaning:
      'hMailServer answers "451 Please try again later." at RCPT TO when its greylisting defers an unknown sender/IP/recipient triplet; a retry after the greylisting delay is accepted.',
    rules: ['smtp.greylisted'],
    transient: true,
    sources: [
      'https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp',
      'https://www.hmailserver.com/documentation/latest/?page=reference_greylisting',
    ],
  },
  {
    id: 'hmailserver.sender-required',
    sender: 'hMailServer',
    text: /\bSender address must be specified\b/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'hMailServer refuses an empty envelope sender (MAIL FROM:<>) unless "Allow empty sender address" is on: a program that sends without a sender address, or a delivery report (bounce), which has an empty sender by the standard.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Set a real sender address (Return-Path) in the program that sends.',
      'If the refused message is a bounce of yours, the receiving hMailServer refuses all bounces; nothing to change on your side.',
    ],
    sources: ['https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp'],
  },
  {
    // CheckIfValidSenderAddress at MAIL FROM: the same words elsewhere are said of a recipient, so only at MAIL FROM
    id: 'hmailserver.sender-not-valid',
    sender: 'hMailServer',
    text: /^\s*The address is not valid\.?\s*$/i,
    stages: ['mail'],
    reason: 'rejected',
    party: 'sender',
    meaning:
      'hMailServer answers "550 The address is not valid." to a MAIL FROM whose address is not a valid e-mail address (no domain, a bare name, bad characters): it is the sender address, not the recipient.',
    rules: ['smtp.sender-invalid'],
    sources: ['https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp'],
  },
  {
    id: 'hmailserver.recipient-not-valid',
    sender: 'hMailServer',
    text: /\bA valid address is required\b/i,
    reason: 'userunknown',
    party: 'sender',
    meaning:
      'hMailServer answers "550 A valid address is required." to a RCPT TO whose address is not a valid e-mail address: the recipient address was mistyped or malformed.',
    rules: ['smtp.recipient-unknown'],
    sources: ['https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp'],
  },
  {
    id: 'hmailserver.credentials-expired',
    sender: 'hMailServer',
    text: /\bLogin credentials no longer valid\. Please re-authenticate\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      "hMailServer checks the login again for each new message of a session; the account's password changed (or the account was disabled) since the client logged in.",
    rules: ['smtp.login-failed'],
    sources: ['https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp'],
  },
  {
    id: 'hmailserver.helo-first',
    sender: 'hMailServer',
    text: /\bUse HELO\/EHLO first\b/i,
    reason: 'syntaxerror',
    party: 'sender',
    headline: 'The receiver (hMailServer) refused a command sent before HELO/EHLO',
    meaning:
      'hMailServer answers "502 Use HELO/EHLO first." to any command but STARTTLS sent before the client introduced itself: a hand-written client that skips EHLO.',
    rules: ['smtp.rejected'],
    fix: ['Make the program send "EHLO <its fully qualified host name>" first, or send through a mail library or server that does.'],
    sources: ['https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp'],
  },
  {
    id: 'hmailserver.bare-lf',
    sender: 'hMailServer',
    text: /\bRejected - Message containing bare LF'?s\b/i,
    reason: 'notcompliantrfc',
    party: 'sender',
    headline: 'The receiver (hMailServer) refused the message for its line endings: lines end in a bare LF instead of CRLF',
    meaning:
      'hMailServer refuses a message whose lines end in a bare line feed (LF) or a bare carriage return instead of CR LF (RFC 5321 §2.3.8), unless "Allow incorrectly formatted line endings" is on. The program that wrote the message used Unix line endings.',
    rules: ['smtp.not-compliant'],
    fix: [
      'Make the program that builds the message end every line with CRLF (most mail libraries do; a script that writes SMTP itself often does not).',
      'If you run the receiving hMailServer and must take such mail, turn on "Allow incorrectly formatted line endings" (Settings › Protocols › SMTP › RFC compliance).',
    ],
    sources: ['https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp'],
  },
  {
    id: 'hmailserver.no-data-saved',
    sender: 'hMailServer',
    text: /\bRejected - No data saved\b/i,
    reason: 'systemerror',
    party: 'recipient',
    headline: 'The receiving server (hMailServer) could not store the message it received',
    meaning:
      'hMailServer answers "451 Rejected - No data saved." when the message file it wrote during DATA is missing afterwards — its data folder unwritable, full, or the file removed by an antivirus scanner. It is the receiving server\'s fault; the sender retries.',
    rules: ['smtp.rejected'],
    fix: [
      'Nothing on your side: your server retries. If you run the receiving hMailServer, check its data directory (free space, permissions) and exclude it from on-access antivirus scanning.',
    ],
    transient: true,
    sources: ['https://github.com/hmailserver/hmailserver/blob/master/hmailserver/source/Server/SMTP/SMTPConnection.cpp'],
  },
  {
    // access.js deny_msg defaults: the receiving site's own black lists of client hosts, HELO names and senders
    id: 'haraka.access-blacklist',
    sender: 'Haraka (access)',
    text: /\bYou are not allowed to connect\.?\s*$|\bThat HELO is not allowed to connect\b|\bThat sender cannot send mail here\b/i,
    reason: 'rejected',
    party: 'recipient',
    headline: "The receiving server's own black list (Haraka access plugin) names the sending host, HELO name or sender",
    meaning:
      'Haraka\'s access plugin refuses clients, HELO names and envelope senders listed in the receiving site\'s own black lists (connect.rdns_access.blacklist, helo.checks.regexps, mail_from.access.blacklist and their _regex forms): "You are not allowed to connect", "That HELO is not allowed to connect", "That sender cannot send mail here". No public blocklist is involved.',
    rules: ['reputation.blocked'],
    fix: [
      "Ask the recipient's mail administrator by other means (phone, another address) to remove your host, HELO name or address from their Haraka access lists.",
      'Nothing in your DNS or on your server changes it: the list is a setting of the receiving site.',
    ],
    sources: ['https://github.com/haraka/Haraka/blob/master/plugins/access.js', 'https://haraka.github.io/plugins/access'],
  },
  {
    id: 'haraka.recipient-not-allowed',
    sender: 'Haraka (access)',
    text: /\bThat recipient is not allowed\b/i,
    reason: 'rejected',
    party: 'recipient',
    meaning:
      "Haraka's access plugin refuses a recipient address that the receiving site lists in its rcpt_to.access.blacklist: the address exists or not, the site does not take mail for it.",
    rules: ['smtp.recipient-unknown'],
    sources: ['https://github.com/haraka/Haraka/blob/master/plugins/access.js'],
  },
  {
    // limit.js: DENYSOFTDISCONNECT "Too many concurrent connections", DENYSOFT "Too many recipients" (per connection,
    // lower for clients with a bad history), DENYSOFTDISCONNECT "Too many errors", DENYDISCONNECT "Too many
    // unrecognized commands"
    id: 'haraka.limit',
    sender: 'Haraka (limit)',
    text: /^\s*(?:\d\.\d\.\d\s+)?Too many (?:concurrent connections|recipients|errors)\.?\s*$/i,
    // Haraka's DENYSOFT is 450/451; a 452 "Too many recipients" is RFC 5321's own reply of any server
    codes: [0, 421, 450, 451],
    reason: 'toomanyconn',
    party: 'receiver-policy',
    meaning:
      "Haraka's limit plugin defers a client over the receiving site's limits: concurrent connections from one IP, recipients in one session (fewer for clients with a bad karma history), or errors in one session. The sending server's queue sends the rest later, with fewer connections or recipients at a time.",
    rules: ['smtp.rate-limited'],
    transient: true,
    sources: ['https://github.com/haraka/Haraka/blob/master/plugins/limit.js', 'https://haraka.github.io/plugins/limit'],
  },
  {
    id: 'haraka.unrecognized-commands',
    sender: 'Haraka (limit)',
    text: /\bToo many unrecognized commands\b/i,
    reason: 'syntaxerror',
    party: 'sender',
    headline: 'The receiver (Haraka) hung up on a client that sent too many commands it does not know',
    meaning:
      "Haraka's limit plugin disconnects a client after more unrecognized commands than its limit: a client that is not speaking SMTP (a web or POP3 client pointed at port 25, a scanner) or that mis-sends its commands.",
    rules: ['smtp.rejected'],
    fix: [
      'Check that the program talks SMTP to this port (not POP3/IMAP or TLS-on-connect to a STARTTLS port) and sends standard commands.',
    ],
    sources: ['https://github.com/haraka/Haraka/blob/master/plugins/limit.js'],
  },
  {
    // auth.rs: the session's failed logins reached auth_errors_max
    id: 'stalwart.too-many-auth-errors',
    sender: 'Stalwart Mail Server (submission)',
    text: /\bToo many authentication errors, disconnecting\b/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'Stalwart disconnects a client after too many failed logins in one session (auth errors max): the program keeps trying a wrong user name or password. Repeated failures also get the IP blocked for a while (fail2ban-like auto-ban).',
    rules: ['smtp.login-failed'],
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/auth.rs'],
  },
  {
    id: 'stalwart.auth-token',
    sender: 'Stalwart Mail Server (submission)',
    text: /\bOAuth token expired\b|\bMissing TOTP token, try with 'secret\$totp_code'/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'Stalwart refused the login: the OAuth token the program sent has expired (it must refresh it), or the account has two-factor authentication and the password alone is not enough — append the current TOTP code to the password (secret$code) or use an app password.',
    rules: ['smtp.login-failed'],
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/auth.rs'],
  },
  {
    id: 'stalwart.account-not-authorized',
    sender: 'Stalwart Mail Server (submission)',
    text: /\bYour account is not authorized to use this service\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: 'The login worked, but the account may not send mail through this server (Stalwart permission)',
    meaning:
      'Stalwart accepted the user name and password but the account lacks the permission to send e-mail (email-send): a role or account setting on the server, not a wrong password.',
    rules: ['smtp.rejected'],
    fix: [
      "Have the mail server's administrator give the account the permission to send (in Stalwart: the account's roles or permissions, email-send).",
    ],
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/auth.rs'],
  },
  {
    id: 'stalwart.tls-not-available',
    sender: 'Stalwart Mail Server',
    text: /^\s*(?:5\.7\.0\s+)?TLS not available\.?\s*$/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'Stalwart answers "502 5.7.0 TLS not available." to STARTTLS on a listener that has no TLS configured: the client asked for encryption on a port that does not offer it (a plain listener, or an implicit-TLS port reached without TLS).',
    rules: ['smtp.tls-failed'],
    fix: [
      'Connect to the port that offers STARTTLS (587 or 25) or use implicit TLS on 465; if you run the server, give the listener a certificate and enable TLS on it.',
    ],
    sources: ['https://github.com/stalwartlabs/mail-server/blob/main/crates/smtp/src/inbound/session.rs'],
  },

  // ---- maddy (internal/check/dns/dns.go, internal/check/authorize_sender/authorize_sender.go) ----
  {
    id: 'maddy.rdns',
    sender: 'maddy (require_matching_rdns)',
    text: /\bNo PTR record found\b|\brDNS name does not match source hostname\b/i,
    reason: 'requireptr',
    party: 'sender',
    meaning:
      'maddy\'s require_matching_rdns check refuses a client whose IP has no PTR record ("No PTR record found") or whose PTR name is not the name it gave in EHLO ("rDNS name does not match source hostname"): the sending server\'s reverse DNS and its HELO name must be the same name.',
    rules: ['ptr.missing', 'ptr.mismatch'],
    fix: [
      "Give the sending IP a PTR record with the server's name, and make the server say that same name in EHLO (Postfix smtp_helo_name, Exchange the send connector's FQDN).",
    ],
    verify: ['dig +short -x {ip}   (must equal the HELO name)'],
    sources: ['https://github.com/foxcpp/maddy/blob/master/internal/check/dns/dns.go', 'https://maddy.email/reference/checks/misc/'],
  },
  {
    id: 'maddy.ehlo',
    sender: 'maddy (require_matching_ehlo)',
    text: /\bIP in EHLO is not the same as the actual client IP\b|\bNo matching A\/AAA records found for the EHLO hostname\b|\bMalformed IP in EHLO\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      "maddy's require_matching_ehlo check refuses a client whose EHLO name has no A/AAAA record pointing at the client's IP, or whose EHLO address literal is another IP.",
    rules: ['smtp.helo-rejected', 'helo.invalid'],
    fix: [
      "Make the sending server's EHLO name resolve (A/AAAA) to its own sending IP, or send EHLO with its own IP as an address literal ([192.0.2.1]).",
    ],
    verify: ['dig +short <HELO name> A   (must list the sending IP)'],
    sources: ['https://github.com/foxcpp/maddy/blob/master/internal/check/dns/dns.go'],
  },
  {
    id: 'maddy.sender-mx',
    sender: 'maddy (require_mx_record)',
    text: /\bDomain in MAIL FROM (?:does not have any MX records|has null MX record)\b/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      "maddy's require_mx_record check refuses an envelope sender whose domain has no MX record, or a null MX (RFC 7505: the domain takes no mail): replies and bounces to that address could never be delivered.",
    rules: ['smtp.sender-invalid'],
    fix: ['Send with an envelope sender (Return-Path) in a domain that publishes MX records for a server that receives mail.'],
    verify: ['dig +short MX <sender domain>'],
    sources: ['https://github.com/foxcpp/maddy/blob/master/internal/check/dns/dns.go'],
  },
  {
    id: 'maddy.unauthorized-sender',
    sender: 'maddy (check.authorize_sender)',
    text: /\bUnauthorized use of sender address\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: 'Your own mail server (maddy) refused a sender address the logged-in account may not use',
    meaning:
      "maddy's authorize_sender check refuses mail whose MAIL FROM (or From header) is not an address the logged-in user may send as (its user_to_email table): a program logging in as one account and sending as another address.",
    rules: ['smtp.sender-invalid'],
    sources: ['https://github.com/foxcpp/maddy/blob/master/internal/check/authorize_sender/authorize_sender.go'],
  },
  {
    // maddy's shipped configuration (maddy.conf, the port-25 "smtp" endpoint: source $(local_domains) { reject 501
    // 5.1.8 "Use Submission for outgoing SMTP" }): mail that claims one of the server's own domains as its sender on
    // the MX port, where nobody logs in — the server's own users submit on 587/465 instead
    id: 'maddy.use-submission',
    sender: 'maddy (default configuration)',
    text: /\bUse Submission for outgoing SMTP\b/i,
    reason: 'securityerror',
    party: 'sender',
    headline: "The server's port 25 refused a sender address of its own domains: its users must submit (587/465, logged in)",
    meaning:
      "maddy refuses, on its port 25 (the MX listener), any message whose envelope sender is in one of the domains it serves: its own users' outgoing mail must come through the submission port (587 with STARTTLS or 465 with TLS) after logging in. A program or mail client of yours that sends to port 25 without a login gets this; a stranger forging your domain gets it too, rightly.",
    rules: ['smtp.auth-required', 'smtp.relay-denied'],
    fix: [
      "Point the mail client or application at the server's submission port — 587 with STARTTLS or 465 with TLS — with SMTP authentication as a mailbox of the domain.",
    ],
    verify: ['swaks --server {server} --port 587 --tls --auth-user <mailbox> --from <mailbox> --to <outside address>'],
    sources: [
      'https://github.com/foxcpp/maddy/blob/master/maddy.conf (smtp tcp://0.0.0.0:25 … source $(local_domains) { reject 501 5.1.8 "Use Submission for outgoing SMTP" })',
    ],
  },
  {
    // RFC 7505 section 4.2: a server refusing a sender whose domain publishes the null MX ("MX 0 .")
    id: 'rfc7505.sender-null-mx',
    sender: 'receivers applying RFC 7505 (null MX)',
    text: /\bSender address has null MX\b/i,
    reason: 'rejected',
    party: 'sender',
    meaning:
      'The sender domain publishes a null MX ("MX 0 ."): by RFC 7505 it accepts no mail, so mail from its addresses cannot be answered or bounced, and receivers refuse it with 550 5.7.27.',
    rules: ['smtp.sender-invalid'],
    fix: [
      'Send from a domain that receives mail, or replace the null MX of the sender domain with a real MX record if the domain should send mail.',
    ],
    verify: ['dig +short MX <sender domain>   (must not be "0 .")'],
    sources: ['https://www.rfc-editor.org/rfc/rfc7505#section-4.2'],
  },
];
