// What a sending server logs when the SMTP session itself failed, before any
// receiver judged the mail: the TCP connection (timed out, refused, no route,
// dropped), the TLS handshake, the client's own login (SMTP AUTH), the HELO
// name, and a receiver whose blocklist lookups are refused. These texts come
// from the MTAs' own logs (Postfix smtp(8) "connect to … Connection timed
// out", "lost connection with … while …", "Cannot start TLS"; Exim "defer
// (110): Connection timed out", "defer (113): No route to host"; sendmail
// "stat=Deferred: Connection refused by …"), so they are matched by their
// words: none carries a receiver's SMTP reply code. An application's own
// socket error says the same with the errno's name: Node.js (libuv) prints
// "connect ETIMEDOUT 192.0.2.1:25" (syscall, errno, address:port;
// https://nodejs.org/api/errors.html#common-system-errors) — read only when
// the port is an SMTP one (25, 465, 587, 2525), since another port is no mail.

import type { ReplyKnowledge } from './types';

const POSTFIX_DEBUG = 'https://www.postfix.org/DEBUG_README.html';
const EXIM_ERRNO =
  'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html ("defer (errno)": 110 timed out, 111 refused, 113 no route)';
const NODE_ERRNO =
  'https://nodejs.org/api/errors.html#common-system-errors (ETIMEDOUT, ECONNREFUSED, EHOSTUNREACH; the message is "<syscall> <errno> <address>:<port>")';
/**
 * The codes a connection failure comes with: none (the MTA's own words), or
 * the 4xx an MTA puts on it (Exchange 441/451, a DSN's 421). A 5xx reply in
 * the same text is the receiver's and says more ("550 User unknown … 421
 * Deferred: Connection timed out" in a sendmail transcript).
 */
const NO_REPLY = [0, 421, 441, 447, 450, 451, 454];

/** The big clouds block outgoing port 25 by default; a timeout from them is nearly always that. */
const PORT25_BLOCKS = [
  'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-resource-limits.html (EC2: port 25 throttled by default)',
  'https://cloud.google.com/compute/docs/tutorials/sending-mail (Google Cloud: outbound port 25 blocked)',
  'https://learn.microsoft.com/azure/virtual-network/troubleshoot-outbound-smtp-connectivity (Azure: outbound port 25 blocked)',
];

const CONNECT_VERIFY = [
  'From the sending server: nc -vz -w 10 {server} 25   (or: telnet {server} 25) — a 220 greeting means port 25 is open',
  'dig +short MX <recipient domain>   (the names and addresses the sending server tries)',
];

export const SESSION_REPLIES: ReplyKnowledge[] = [
  {
    // a relay written in Go that cannot do its own next step answers with the Go resolver's error text, the
    // format of the net package's DNSError ("lookup <host> on <server>:53: <cause>", after "dial tcp: " when it
    // was dialling): the replying system's own DNS failed — no judgment of the client or the message. A Go mail
    // server's own check quotes it the same way (maddy: "SPF authentication failed with a temporary error" with
    // "lookup example.net on 127.0.0.53:53: server misbehaving"); "no such host" is said only after dialling,
    // since alone it is a name that does not exist, not a resolver that failed
    id: 'relay.own-resolver-failure',
    sender: 'mail servers and relays written in Go (maddy, smtp_to_telegram, webhook and API bridges)',
    text: /\bdial (?:tcp|udp): lookup \S{1,255} on \S{1,80}:53: (?:read udp \S{1,80}->\S{1,80}: )?(?:i\/o timeout|no such host|server misbehaving|connection refused)\b|\blookup \S{1,255} on \S{1,80}:53: (?:read udp \S{1,80}->\S{1,80}: )?(?:i\/o timeout|server misbehaving|connection refused)\b/i,
    reason: 'systemerror',
    party: 'recipient',
    receiverError: true,
    meaning:
      "The server that answered could not resolve a name it needs for its own job (the API or next hop it hands the message to): its DNS resolver timed out or refused. The reply is that server's own failure, not a refusal of the sender or the message.",
    rules: ['mta.local-error'],
    transient: true,
    fix: [
      'On the server that answered (often your own relay container): make its resolver reachable — the DNS server it names (the "on <server>:53" part) must answer from inside the container or host (Docker: --dns, or the daemon\'s "dns" setting).',
      'Then send the test again; nothing changes on the sending side.',
    ],
    verify: ['From inside that server or container: nslookup <the host named after "lookup"> <the DNS server named after "on">'],
    sources: [
      'Go net package, DNSError.Error() ("lookup " + Name + " on " + Server + ": " + Err) and OpError ("dial tcp: …")',
      'github.com/KostyaEsmukov/smtp_to_telegram/issues/50 (554 Error: Post "https://api.telegram.org/…": dial tcp: lookup api.telegram.org on 192.168.1.1:53: read udp …: i/o timeout)',
      'github.com/foxcpp/maddy/issues/311 (maddy: 451 4.7.23 SPF authentication failed with a temporary error, reason "lookup example.net on 127.0.0.53:53: server misbehaving"; fixed in the server\'s resolv.conf)',
    ],
  },
  {
    // the answering server could not open its own files: the operating system's EACCES ("Permission denied"), as
    // Go writes a path error ("open <path>: permission denied", os.PathError) and SQLite its SQLITE_CANTOPEN
    // ("unable to open database file") — the server's own storage (its mail store, its database) refused it,
    // no judgment of the client or the message
    id: 'server.own-storage-denied',
    sender: "mail servers writing the operating system's or SQLite's error (maddy, Go and SQLite-based servers)",
    text: /\bopen \/?[\w.@+-]{1,200}(?:\/[\w.@+-]{1,200}){0,20}: permission denied\b|\bunable to open database file\b/i,
    reason: 'systemerror',
    party: 'recipient',
    receiverError: true,
    meaning:
      "The server that answered could not open its own storage — a message file or its database — because the operating system refused it (permission denied): it runs as a user that does not own its data directory, or the files were created by another user (a restore, a run as root). The mail was not judged; the server cannot store anything until its files' ownership is fixed.",
    rules: ['mta.local-error'],
    transient: true,
    fix: [
      'On that server: give its data directory back to the user the service runs as (maddy: chown -R maddy:maddy /var/lib/maddy), and do not start it as another user; then restart it.',
    ],
    verify: [
      'ls -l <the data directory named in the error>   (owned by the service user)',
      'Send a test message: it is accepted and stored.',
    ],
    sources: [
      'POSIX EACCES ("Permission denied"); https://pkg.go.dev/os#PathError ("open <path>: <err>")',
      'https://www.sqlite.org/rescode.html#cantopen ("unable to open database file")',
      'github.com/foxcpp/maddy/issues/486 (maddy: DATA error "external: open messages/…: permission denied")',
    ],
  },
  {
    // Spamhaus answers 127.255.255.252/254/255 to queries it refuses; an MTA that
    // does not filter return codes then "blocks" every client, naming the list.
    id: 'spamhaus.query-refused',
    sender: 'receivers that query Spamhaus through a public resolver',
    text: /Error: open resolver|spamhaus\.org\/returnc\/|returnc\/(?:pub|vol|typo)\b|127\.255\.255\.25[2-5]/i,
    reason: 'blocked',
    party: 'recipient',
    receiverError: true,
    meaning:
      'Not a listing of the sending IP: the receiving server asks Spamhaus through a public or shared DNS resolver (Google, Cloudflare, its hosting provider\'s), Spamhaus refuses such queries with the error code 127.255.255.254 ("open resolver", the returnc/pub link), and the receiver\'s blocklist check wrongly takes that answer for a listing. It then refuses mail from everyone.',
    rules: ['smtp.receiver-dnsbl-error'],
    fix: [
      'If you run the receiving server: query Spamhaus through your own recursive resolver (e.g. unbound on the mail server, without forwarders), or register a free Spamhaus Data Query Service (DQS) key and use its zones.',
      'On Postfix also accept only listing codes, so that an error answer can never block: reject_rbl_client zen.spamhaus.org=127.0.0.[2..11] and postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]*3.',
      "If you are the sender: your IP was not judged. Send the receiver's postmaster the reply text; only they can fix it.",
    ],
    verify: [
      'On the receiving server: dig +short 2.0.0.127.zen.spamhaus.org A   — 127.0.0.2 (and .4, .10) means the lookups work; 127.255.255.254 means they are refused',
    ],
    sources: [
      'https://www.spamhaus.org/resource-hub/dnsbl/using-our-public-mirrors-check-your-return-codes-now./',
      'https://docs.spamhaus.com/datasets/docs/source/40-real-world-usage/PublicMirrors/MTAs/020-Postfix.html',
      'github.com/simple-login/app/issues/2675 (Postfix: "blocked using zen.spamhaus.org; Error: open resolver")',
    ],
  },
  {
    // cPanel's cPHulk, Exim ACLs, fail2ban-style rate limits on AUTH: the client's IP is blocked by the server
    // itself after failed logins ("550 Message rejected because [ip] is blacklisted see Blocked - Too many failed logins")
    id: 'session.failed-logins-block',
    sender: 'many (cPanel cPHulk, Exim, Dovecot/Postfix brute-force limits)',
    text: /too many (?:failed|invalid|bad|unsuccessful) (?:logins?|login attempts|auth(?:entication)? (?:attempts|failures))|\bcphulk\b/i,
    reason: 'blocked',
    party: 'sender',
    headline: "The server blocked the client's IP after too many failed logins (its own brute-force protection, not a DNS blocklist)",
    meaning:
      "The server counts failed SMTP/IMAP logins per IP and blocks the IP for a while after too many (cPanel's cPHulk, an Exim ACL, fail2ban). A program or phone with an old password keeps triggering it. Public blocklists play no part.",
    rules: ['smtp.login-failed'],
    fix: [
      'Find the client that logs in with a wrong or old password (a phone, a second mail program, a script) and correct its password, then wait for the block to expire.',
      'If you run the server: lift the block for that IP (cPanel: WHM » cPHulk Brute Force Protection » History/Flush; fail2ban: fail2ban-client set <jail> unbanip <ip>).',
    ],
    verify: ['swaks --server <server> --port 587 --tls --auth-user <user> --quit-after AUTH   (235 = the login works)'],
    sources: ['https://docs.cpanel.net/whm/security-center/cphulk-brute-force-protection/'],
  },
  {
    id: 'connection.timed-out',
    generic: true,
    sender: 'the sending server (Postfix, Exim, sendmail, MDaemon)',
    text: /connect(?:ion)? to \S+(?: \S+)? (?:timed out)|Connection timed out|wasn'?t able to establish an SMTP connection|connection attempt timed out|timed out (?:while )?connecting|defer \(110\)|Operation timed out|Connection attempt failed|Timeout connecting|Winsock error(?: code)?:? 10060\b|\bconnect ETIMEDOUT \S{1,60}:(?:25|465|587|2525)\b|\bETIMEDOUT\b[^\n]{0,60}:(?:25|465|587)\b/i,
    codes: NO_REPLY,
    reason: 'networkerror',
    party: 'unknown',
    meaning:
      "The sending server never reached the receiving server: its TCP connection to port 25 got no answer. Nothing was refused — no SMTP reply was ever received. The usual causes: outgoing port 25 is blocked by the sender's provider (AWS, Google Cloud, Azure, DigitalOcean and most home ISPs block it by default), a firewall on either side, or the MX host is down or its address is wrong.",
    rules: ['smtp.connection-failed'],
    fix: [
      'Test from the sending server itself whether it can open port 25 anywhere: nc -vz -w 10 {server} 25 (and to a big provider, e.g. gmail-smtp-in.l.google.com). If nothing answers, outgoing port 25 is blocked: ask the provider to lift the block, or send through a relay (smarthost) on port 587 with authentication — on Postfix relayhost = [smtp.provider.example]:587.',
      'If only this destination times out, check its MX records and whether those hosts accept connections (their firewall, an outage); the queue retries by itself meanwhile.',
    ],
    verify: CONNECT_VERIFY,
    transient: true,
    sources: [
      POSTFIX_DEBUG,
      EXIM_ERRNO,
      ...PORT25_BLOCKS,
      NODE_ERRNO,
      'qmail-remote.c ("Sorry, I wasn\'t able to establish an SMTP connection. (#4.4.1)")',
    ],
  },
  {
    id: 'connection.refused',
    generic: true,
    sender: 'the sending server (Postfix, Exim, sendmail, MDaemon)',
    // Windows servers (Exchange, MDaemon) say it with the Winsock code: 10061 WSAECONNREFUSED
    // (Node.js: "connect ECONNREFUSED 192.0.2.1:25")
    text: /Connection refused|defer \(111\)|actively refused|Winsock error(?: code)?:? 10061\b|\bconnect ECONNREFUSED \S{1,60}:(?:25|465|587|2525)\b/i,
    codes: NO_REPLY,
    reason: 'networkerror',
    party: 'recipient',
    meaning:
      "The receiving host answered the TCP connection with a reset: nothing listens on port 25 there. Its mail server is down, or the MX record points at a host that runs no mail server (a web server, an old address). Less often the receiver's firewall refuses the sending IP itself (a block before any SMTP): then other senders get through while this one does not.",
    rules: ['smtp.connection-failed'],
    fix: [
      "Check the recipient domain's MX records and that each host named there answers on port 25; if the domain is yours, start the mail server or correct the MX record.",
      'If the refused address is 127.0.0.1 or a private address, the MX record (or a local transport map) points the mail back at a wrong host: correct the MX record or the transport.',
    ],
    verify: CONNECT_VERIFY,
    transient: true,
    sources: [POSTFIX_DEBUG, EXIM_ERRNO, NODE_ERRNO],
  },
  {
    // Exchange's own code for a TCP connection it could not open, wrapped in its queue's Last Error: "451 4.4.0
    // Primary target IP address responded with: "421 4.4.2 Unable to connect." Attempted failover to alternate
    // host, but that did not succeed." The quoted 421 is no receiver's reply: no SMTP server answered at all
    id: 'exchange.queue-unable-to-connect',
    sender: 'Microsoft Exchange Server (a queue’s Last Error)',
    text: /\b421[ .]4\.[24]\.[12][ .]{1,2}unable to connect\b|\bunable to connect\.?["\u201d]?\s{0,3}Attempted failover to alternate host, but that did not succeed\b/i,
    reason: 'networkerror',
    party: 'unknown',
    headline: 'Exchange could not open a connection to any of the receiving hosts (no SMTP reply at all)',
    meaning:
      "Exchange's transport tried the destination's hosts on port 25 and none of the TCP connections opened; the quoted \"421 4.4.2 Unable to connect\" is Exchange's own code for that, not a receiver's reply. Nothing judged the mail. When every destination fails the same way, the block is on the Exchange side: a firewall or the server's own antivirus (mass-mailing protection that blocks outgoing port 25), or the provider's port-25 block.",
    rules: ['smtp.connection-failed'],
    fix: [
      'From the Exchange server: Test-NetConnection <receiving MX> -Port 25 (or telnet <MX> 25). If no destination answers, find what blocks outgoing port 25 on the server or its network: an antivirus rule against mass-mailing worms (McAfee Access Protection "Prevent mass mailing worms from sending mail"), the Windows firewall, the perimeter firewall, or the provider.',
      'If only one destination fails, check its MX records and whether its hosts accept connections.',
      "If the send connector uses a smart host, check its name, port and that it accepts this server's IP (Get-SendConnector | Format-List Name,SmartHosts,Port).",
    ],
    verify: ['Test-NetConnection <receiving MX> -Port 25   (TcpTestSucceeded: True)', 'Get-Queue | Format-List Identity,Status,LastError'],
    transient: true,
    sources: [
      'https://support.microsoft.com/kb/979175 (the queue Last Error "451 4.4.0 Primary target IP address responded with: … Attempted failover to alternate host, but that did not succeed")',
      'http://nuangel.net/2013/01/exchange-error-attempted-to-failover/ ("421.4.4.2 unable to connect": the server\'s own antivirus blocked outgoing port 25)',
    ],
  },
  {
    // Exim's deferral when it did not even try: every host of the domain failed before and none has reached its
    // retry time (spec ch-retry_configuration, "retry time not reached for any host"). The cause is the earlier
    // attempt's failure, in the message's earlier log lines; the long-failure variant is a queue that gave up
    // (knowledge/reasons/transport.ts, expired).
    id: 'exim.retry-time-not-reached',
    sender: 'Exim (its retry database)',
    text: /\bretry time not reached for any host\b(?! after a long failure period)/i,
    codes: NO_REPLY,
    // (sisimai's onhold: the words name no cause of their own)
    reason: 'onhold',
    party: 'unknown',
    headline: 'Exim did not try this time: every host of the recipient domain failed before, and none has reached its retry time',
    meaning:
      "Exim keeps a retry database per host: after a failed attempt (a timeout, a refused connection, a 4xx reply) it waits before it tries that host again. 'Retry time not reached for any host' is no new failure but a reminder: the reason is in the earlier log lines of this message or host. The queue keeps trying until the retry rules give up.",
    rules: ['smtp.connection-failed'],
    transient: true,
    fix: [
      "Find the first failure: exigrep '<recipient domain>' /var/log/exim/mainlog (or exim -Mvl <message id>) shows the attempt that failed and its reason; fix that (port 25 blocked, the receiver's refusal, DNS).",
      'To retry at once after the fix: exim -M <message id> (one message) or exim -qff (the whole queue); exinext <recipient domain> shows when Exim will try next.',
    ],
    verify: ['exinext <recipient domain>', ...CONNECT_VERIFY],
    sources: [
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-retry_configuration.html',
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-exim_utilities.html (exinext, exigrep)',
    ],
  },
  {
    id: 'connection.no-route',
    generic: true,
    sender: 'the sending server (Postfix, Exim, sendmail, MDaemon)',
    // (and EADDRNOTAVAIL, glibc's "Cannot assign requested address", Exim's defer (99): the sending host has no
    // source address of the destination's family — an IPv6 MX tried from a host or container without IPv6 —
    // so the connect() fails locally before any packet leaves; github.com/docker-mailserver/docker-mailserver/issues/1668)
    text: /No route to host|Network is unreachable|Host is unreachable|defer \(113\)|defer \(101\)|defer \(99\)|Network unreachable|\bconnect E(?:HOST|NET)UNREACH \S{1,60}:(?:25|465|587|2525)\b|:25: Cannot assign requested address\b|\bconnect EADDRNOTAVAIL \S{1,60}:(?:25|465|587|2525)\b/i,
    codes: NO_REPLY,
    reason: 'networkerror',
    party: 'unknown',
    meaning:
      "The sending server has no network path to the receiving host: a firewall rejected the packets (often a REJECT rule for port 25), the address is not routed (a private or wrong address in the MX record), or IPv6 is configured without working IPv6 routing ('Cannot assign requested address': the sending host or container has no IPv6 address at all to send from).",
    rules: ['smtp.connection-failed'],
    fix: [
      'Check the firewall of the sending server and of its network for rules on outgoing port 25.',
      'If the address is IPv6 and the server has no working IPv6 route, make the MTA use IPv4 (Postfix: inet_protocols = ipv4; Exim: disable_ipv6 = true) or fix the IPv6 routing.',
      "Check that the recipient domain's MX records name public, reachable addresses.",
    ],
    verify: CONNECT_VERIFY,
    transient: true,
    sources: [
      POSTFIX_DEBUG,
      EXIM_ERRNO,
      NODE_ERRNO,
      'github.com/hestiacp/hestiacp/issues/3381 (Exim: "defer (113): No route to host")',
      'https://man7.org/linux/man-pages/man2/connect.2.html (EADDRNOTAVAIL, ENETUNREACH); https://man7.org/linux/man-pages/man3/errno.3.html',
    ],
  },
  {
    id: 'connection.lost',
    generic: true,
    sender: 'the sending server (Postfix, Exim, sendmail, MDaemon)',
    text: /lost connection with \S+ while|conversation with \S+ timed out while|Connection closed unexpectedly|Connection unexpectedly closed|connection (?:was )?(?:reset|closed) by (?:peer|remote|foreign host)|Remote host closed connection|closed connection in response to|remote (?:host|server) (?:closed|dropped) the connection|unexpected disconnection while|Connection reset by peer|Broken pipe|Connection dropped due to SocketError|Winsock error(?: code)?:? 1005[34]\b|connection was (?:closed|aborted) (?:abruptly|by the remote)/i,
    codes: NO_REPLY,
    reason: 'networkerror',
    party: 'unknown',
    meaning:
      'The connection opened, then the receiving side closed it (or it went silent) in the middle of the SMTP dialogue, without a reply code. Receivers do this to clients they distrust (a blocklisted IP, no reverse DNS, a pre-greeting test like Postfix postscreen), when a firewall or SMTP-inspecting router sits in between, or when the network path drops large packets (MTU) during the message or the TLS handshake.',
    rules: ['smtp.connection-failed'],
    fix: [
      'Look at which stage it was lost: at the greeting, the receiver (or a firewall) dropped the client on sight — check the sending IP\'s reverse DNS and blocklist steps. While sending the message or during TLS, suspect the path: an SMTP-inspecting firewall (Cisco "fixup smtp" / ESMTP inspection) or an MTU problem.',
      'Let the queue retry; if the same destination keeps failing, try delivering to it with swaks to see where it stops.',
    ],
    verify: ['swaks --server {server} --to {rcpt} --from {mailfrom}   (shows the dialogue up to the point where the connection dies)'],
    transient: true,
    sources: [POSTFIX_DEBUG, 'https://www.postfix.org/postscreen.8.html (pre-greeting tests)'],
  },
  {
    // the SERVER's idle timeout: the client kept the session open and sent nothing (RFC 5321 §4.5.3.2.7:
    // a server should wait at least 5 minutes for the next command) — an application that pauses (its own
    // rate limit, a slow job) between messages on one connection, or a stalled network. Amazon SES:
    // "451 4.4.2 Timeout waiting for data from client."; Postfix smtpd: "421 4.4.2 <host> Error: timeout exceeded"
    id: 'connection.client-idle-timeout',
    generic: true,
    sender: 'the submission or receiving server (Amazon SES, Postfix smtpd)',
    text: /\btimeout waiting for (?:data|input|command) from (?:the )?client\b|\bError: timeout exceeded\b/i,
    codes: [0, 421, 451],
    reason: 'networkerror',
    party: 'sender',
    headline: 'The server closed the session because the client sent nothing for too long (its idle timeout)',
    meaning:
      "The server was waiting for the client's next command or data and gave up: the client held the connection open without sending. Nothing about the mail, its sender or the IP was judged. An application that waits between messages on one connection (its own rate limit, a slow step) or a network that stalls mid-session meets this.",
    rules: ['smtp.connection-failed'],
    fix: [
      "Open a new connection for each message or batch instead of keeping one idle (close it before any wait, reconnect after), or send the next command within the server's timeout.",
      'If it happens mid-message, look at the network path (a stalled upload, an MTU problem).',
    ],
    verify: [
      "Time the gap between commands in the client's SMTP debug log: a pause of minutes before MAIL FROM or DATA meets the server's idle timeout.",
    ],
    transient: true,
    sources: [
      'RFC 5321 §4.5.3.2.7 (server timeout)',
      'https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-smtp.html (451 4.4.2 Timeout waiting for data from client)',
      'https://github.com/vdukhovni/postfix/blob/master/postfix/src/smtpd/smtpd.c ("Error: timeout exceeded")',
    ],
  },
  {
    // Postfix smtp(8) "TLS is required, but was not offered by host …" (dsn 4.7.4); Exim
    // hosts_require_tls "a TLS session is required, but the server did not offer TLS support"
    id: 'tls.not-offered',
    generic: true,
    sender: 'the sending server (Postfix, Exim)',
    text: /TLS is required, but was not offered|TLS session is required,? but the server did not offer TLS|STARTTLS (?:was |is )?not (?:offered|advertised)|TLS (?:is )?required but not (?:offered|supported|advertised)/i,
    codes: NO_REPLY,
    reason: 'securityerror',
    party: 'unknown',
    headline: "The sending server's own policy requires TLS for this destination, but the receiving server did not offer STARTTLS",
    meaning:
      'Nobody refused the mail: the sending server must encrypt to this destination (smtp_tls_security_level = encrypt, an encrypt/verify entry in smtp_tls_policy_maps, Exim hosts_require_tls, or the domain\'s MTA-STS or DANE policy), and the receiver\'s EHLO reply had no STARTTLS. Either the receiver has no TLS, or a firewall between strips STARTTLS (Cisco ASA/PIX ESMTP inspection, "fixup smtp"). Not a login (SMTP AUTH) problem, not DNS.',
    rules: ['smtp.tls-failed'],
    fix: [
      'Find which setting demands TLS here: postconf smtp_tls_security_level smtp_tls_policy_maps, then postmap -q <recipient domain> <that map> (Exim: hosts_require_tls on the remote_smtp transport). A domain whose MTA-STS policy is in enforce mode (or that publishes DANE TLSA records) requires it too.',
      "Look at the receiver's EHLO reply (swaks --server {server} --quit-after EHLO): without 250-STARTTLS it offers no TLS. If it does offer STARTTLS to other clients, a firewall on either side rewrites the dialogue: turn off its SMTP inspection.",
      'If the receiver really has no TLS and its domain has neither MTA-STS enforce nor DANE: tell its administrator to enable STARTTLS, and meanwhile let this destination fall back — "<recipient domain> may" in smtp_tls_policy_maps, then postmap and postfix reload.',
    ],
    verify: [
      'swaks --server {server} --quit-after EHLO   (the receiver must list 250-STARTTLS)',
      'postqueue -p   (the deferred messages leave on the next retry)',
    ],
    transient: true,
    sources: [
      'https://www.postfix.org/TLS_README.html#client_tls_policy',
      'https://www.postfix.org/postconf.5.html#smtp_tls_policy_maps',
      'RFC 3207 (STARTTLS)',
      'RFC 8461 (MTA-STS)',
    ],
  },
  {
    id: 'tls.handshake-failed',
    generic: true,
    sender: 'the sending or receiving server (Postfix, Exim, sendmail, Exchange)',
    text: /Cannot start TLS|TLS (?:handshake|negotiation) (?:failed|failure|error)|SSL_(?:connect|accept) error|handshake failure|unsafe legacy renegotiation|wrong version number|no shared cipher|unsupported protocol|TLS error on connection|tls_process_server_certificate|certificate verify failed|STARTTLS (?:failed|negotiation failed)|Server certificate not (?:verified|trusted)|TLS is required, but our TLS session .*failed|DANE TLSA .* failed/i,
    codes: NO_REPLY,
    reason: 'securityerror',
    party: 'unknown',
    meaning:
      'The two servers could not agree on TLS: one side offers only old protocol versions or ciphers (TLS 1.0/1.1, RC4, legacy renegotiation) the other refuses, or a policy requires a verified certificate (MTA-STS, DANE, smtp_tls_security_level = verify/secure) and the certificate did not verify (expired, self-signed, wrong name).',
    rules: ['smtp.tls-failed'],
    fix: [
      'See what the receiving server offers: openssl s_client -starttls smtp -connect {server}:25 -servername {server} — it shows the protocol, cipher and certificate chain, or where the handshake fails.',
      "If the certificate is the problem and the domain is yours, renew it with the full chain and the MX host name in it. If old protocols are the problem, update the older side's TLS library and settings (Postfix: smtp_tls_protocols = >=TLSv1.2 on both ends).",
      'To get mail through meanwhile, the sending side may fall back to plain SMTP for this destination only where its policy allows it (Postfix: smtp_tls_security_level = may; never for a destination with MTA-STS enforce or DANE).',
    ],
    verify: ['openssl s_client -starttls smtp -connect {server}:25 -servername {server} </dev/null'],
    sources: ['https://www.postfix.org/TLS_README.html', 'RFC 3207 (STARTTLS)', 'RFC 8461 (MTA-STS)', 'RFC 7672 (DANE for SMTP)'],
  },
  {
    id: 'microsoft.smtp-auth-disabled',
    sender: 'Microsoft 365 (smtp.office365.com)',
    text: /SmtpClientAuthentication is disabled|5\.7\.139\b.{0,80}basic authentication is disabled|smtp_auth_disabled/i,
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'Microsoft 365 refused the login because authenticated SMTP (SMTP AUTH, "SMTP client submission") is turned off for the mailbox or the whole tenant, as it is by default in new tenants; the password may well be right.',
    rules: ['smtp.login-failed'],
    fix: [
      'Turn authenticated SMTP on for the sending mailbox: Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false (and check the tenant: Get-TransportConfig | fl SmtpClientAuthenticationDisabled); security defaults also block it.',
      "Or stop logging in: relay through an inbound connector that trusts the sending server's IP or certificate, or send directly to the tenant's MX (<tenant>.mail.protection.outlook.com) for internal recipients.",
    ],
    verify: ['swaks --server smtp.office365.com --port 587 --tls --auth LOGIN --auth-user <mailbox> --quit-after AUTH   (expect 235)'],
    sources: [
      'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
      'https://aka.ms/smtp_auth_disabled',
    ],
  },
  {
    id: 'dns.temporary-failure',
    generic: true,
    sender: 'the sending server (Postfix, Exim, sendmail, Exchange)',
    text: /Host not found, try again|Temporary failure in name resolution|name server (?:failure|timeout)|DNS (?:query|lookup) (?:failed|timed out)[^.]{0,200}(?:temporar|try again|SERVFAIL)|\bSERVFAIL\b|host lookup did not complete|DNS query failed\. The error was: (?!SMTPSEND\.DNS\.NonExistentDomain)|\bFailed to resolve MX for \S{1,255}: (?!(?:Domain|Host) (?:does not exist|not found)|No MX)/i,
    codes: NO_REPLY,
    reason: 'networkerror',
    party: 'unknown',
    meaning:
      "The sending server could not look up where to deliver: its DNS question about the recipient domain (MX, then A) failed temporarily — its own resolver is down or blocked, or the domain's name servers do not answer (lame delegation, DNSSEC failure). Nothing was refused; the queue retries.",
    rules: ['smtp.dns-lookup-failed'],
    fix: [
      "On the sending server, ask its own resolver: dig MX <recipient domain> (Postfix uses the resolvers of /etc/resolv.conf, or of its chroot copy /var/spool/postfix/etc/resolv.conf). If that fails for every domain, fix the server's resolver.",
      "If only this domain fails, check its delegation: dig +trace MX <recipient domain>, and DNSSEC (delv MX <recipient domain>); the domain's owner must fix broken name servers.",
    ],
    verify: ['dig MX <recipient domain>', 'dig +trace MX <recipient domain>'],
    transient: true,
    sources: [
      'https://www.postfix.org/DEBUG_README.html',
      'RFC 5321 §5.1 (locating the target host)',
      'github.com/OpenSMTPD/OpenSMTPD/issues/742 (OpenSMTPD "smtp-out: routing: Failed to resolve MX for …: Invalid domain name" while its resolver answered REFUSED)',
    ],
  },
  {
    id: 'postfix.loops-back',
    // Postfix "mail for … loops back to myself": the server's own configuration (RFC 3463 X.3.5
    // "System incorrectly configured"; sisimai: systemerror)
    sender: 'Postfix',
    text: /loops back to myself/i,
    reason: 'systemerror',
    party: 'unknown',
    meaning:
      "The server would deliver the message to itself: the domain's MX points at this server, but the server is not configured to accept mail for the domain locally (Postfix: not in mydestination, virtual_mailbox_domains or relay_domains with a transport), or two servers forward to each other.",
    rules: ['smtp.mail-loop'],
    fix: [
      "If this server should receive mail for the domain, add it to the right class (Postfix: mydestination for local users, virtual_mailbox_domains for virtual mailboxes, relay_domains plus a transport for a backend server); if it should not, correct the domain's MX record.",
    ],
    verify: ['postconf mydestination virtual_mailbox_domains relay_domains', 'dig +short MX <recipient domain>'],
    sources: ['https://www.postfix.org/faq.html#loop (Postfix FAQ: mail loops back to myself)'],
  },
  {
    // hMailServer's own guard: the recipient domain's MX (as this server's DNS answers it) is an address of
    // this very server, so it will not connect ("Could not connect to … since this would mean connecting to
    // myself"): a local DNS answer (hosts file, split DNS, a wildcard record) or a wrong MX, no receiver refused
    id: 'hmailserver.connecting-to-myself',
    sender: 'hMailServer',
    text: /since this would mean connecting to myself/i,
    reason: 'systemerror',
    party: 'unknown',
    meaning:
      "hMailServer looked up the recipient domain's mail server and got one of its own addresses, so it refused to connect to itself. Either the DNS it uses answers wrongly for that domain (a hosts-file entry, a local DNS zone or split DNS, a wildcard record of the sender's own domain), or the domain's MX really points at this server without hMailServer hosting the domain.",
    rules: ['smtp.mail-loop'],
    fix: [
      "On the hMailServer machine, look up the recipient domain as hMailServer does (nslookup -type=MX <recipient domain>, then the A record of each MX host, with the DNS servers set in hMailServer's Settings » Advanced » TCP/IP or Windows's): the answer must not be this server's address. Remove the local override (hosts file, local zone, wildcard) that makes it so.",
    ],
    verify: ['nslookup -type=MX <recipient domain>   (on the hMailServer machine: the MX hosts must not resolve to its own IP)'],
    sources: ['https://github.com/hmailserver/hmailserver/issues/367 (hMailServer 5.6.7 notice with these words)'],
  },
  {
    id: 'mail-loop.hop-count',
    // Exchange/Microsoft 365 "5.4.14 Hop count exceeded", sendmail/Exim "too many hops": a routing
    // loop between systems (RFC 3463 X.4.6 "Routing loop detected"; RFC 5321 §6.3): the message went
    // round after it left the sender — forwarding that points back (two mailboxes or domains forwarding to
    // each other, an MX and a relay handing it back and forth), which only the side that set it up can break
    sender: 'Exchange, sendmail, Exim',
    text: /mail forwarding loop|too many hops|Hop count exceeded/i,
    reason: 'networkerror',
    party: 'recipient',
    meaning:
      'The message passed through more servers than the limit allows (counted by its Received header fields), so a server stopped it: it is going round in a loop after it left the sender — two addresses or domains forwarding to each other, or two servers each handing the domain to the other.',
    rules: ['smtp.mail-loop'],
    fix: [
      'Read the Received header fields of the returned message: the host names that repeat are the loop. Break it where it was set up: a forwarding rule or .forward that points back, an alias pointing to another alias that points back, or two servers that each route the domain to the other (an MX that relays to a host whose own route is that MX).',
    ],
    verify: ['Send one test message and read its Received header fields: no host may appear twice'],
    sources: ['RFC 5321 §6.3 (loop detection by counting Received fields)', 'RFC 3463 X.4.6 (routing loop detected)'],
  },
  {
    id: 'smtp-auth.failed',
    generic: true,
    sender: 'a submission server (MDaemon, Postfix/Dovecot, Exchange, cPanel)',
    text: /Authentication (?:failed|unsuccessful)|authentication credentials invalid|Invalid (?:credentials|login|username or password)|Username and Password not accepted|(?:bad|incorrect|wrong) (?:username|user name|password|credentials)|SASL \w+ authentication failed|5\.7\.8\b/i,
    codes: [535, 534, 454],
    reason: 'securityerror',
    party: 'sender',
    meaning:
      'The client tried to log in (SMTP AUTH) and the server refused the user name or password. Unlike "authentication required", the client did authenticate — with credentials the server does not accept: a wrong or changed password, a user name in the wrong form (full address vs local part), a locked or disabled account, or a provider that turned basic authentication off (Microsoft 365 "SmtpClientAuthentication is disabled", Gmail without an app password).',
    rules: ['smtp.login-failed'],
    fix: [
      'Check the user name (usually the full address) and password configured in the sending program or device, and that the account may send by SMTP.',
      'If the server is yours, look in its log for the reason (MDaemon: the account and "Authentication failed"; Postfix with Dovecot: dovecot\'s auth log) and whether the account or the client IP is locked out after failures.',
    ],
    verify: [
      'swaks --server {server} --port 587 --tls --auth LOGIN --auth-user <user> --quit-after AUTH   (expect 235 Authentication successful)',
    ],
    sources: ['RFC 4954 §6 (535 5.7.8 Authentication credentials invalid)', 'RFC 3463 §3.8'],
  },
  {
    id: 'helo.rejected',
    sender: 'Exim, sendmail, MDaemon, Exchange and others',
    text: /(?:invalid|bad|illegal|forged|bogus|unacceptable|malformed|unqualified) (?:HELO|EHLO)|(?:HELO|EHLO)(?:\/EHLO)? (?:name |hostname |command |argument |greeting )?(?:\S+ )?(?:rejected|refused|denied|is invalid|invalid|not (?:allowed|accepted|valid|resolvable|fully qualified|a FQDN)|must (?:be|contain|resolve)|should be|is (?:an IP|my|our|not))|HELO required|your (?:HELO|EHLO)|Helo name|(?:HELO|EHLO) (?:host|domain) (?:not found|does not exist|unknown)|fully qualified (?:host|domain) ?name|See RFC ?2821 4\.1\.1\.1|RFC ?5321 4\.1\.1\.1|^Syntax: (?:HELO|EHLO) hostname\b/i,
    reason: 'blocked',
    party: 'sender',
    meaning:
      "The receiver refused the name the client gave in HELO/EHLO: it must be a fully qualified domain name that resolves (RFC 5321 §4.1.1.1), not a bare machine name (EXAMPLE-PC, localhost), not the receiver's own name, and — for many receivers — not a bare IP address.",
    rules: ['smtp.helo-rejected', 'helo.invalid'],
    fix: [
      "Set the HELO/EHLO name of the sending server or device to its fully qualified DNS name (e.g. mail.example.org) and give that name an A record pointing at the sending IP — on Postfix smtp_helo_name, on Exim helo_data, on Exchange the send connector's FQDN, on a printer or scanner its SMTP settings.",
    ],
    verify: ['dig +short <HELO name> A', 'swaks --server {server} --ehlo <HELO name> --quit-after EHLO'],
    sources: [
      'Postfix src/smtpd/smtpd.c ("501 Syntax: HELO hostname", "501 Syntax: EHLO hostname": a HELO/EHLO without a name)',
      'RFC 5321 §4.1.1.1 (EHLO takes the client’s fully qualified domain name)',
      'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-access_control_lists.html (verify = helo, acl_smtp_helo)',
    ],
  },
];
