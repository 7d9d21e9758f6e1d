// Mail clients' own error boxes, when they show no server reply: Thunderbird,
// Outlook and Apple Mail say in their own words that they could not reach the
// outgoing (SMTP) server, that the login failed, or that the server refused
// the message or a recipient. The words are the clients' (Thunderbird's
// messengercompose.properties, Outlook's send/receive errors 0x800CCC0E and
// 0x80042109, Apple Mail's "Cannot Send Mail" alerts); the advice is about
// the client's outgoing-server settings, since no receiver judged the mail.

import type { ReplyKnowledge } from './types';

const THUNDERBIRD =
  'https://searchfox.org/comm-central/source/mail/locales/en-US/chrome/messenger/messengercompose/composeMsgs.properties (Thunderbird send errors)';
const OUTLOOK = 'https://support.microsoft.com/office/fix-outlook-send-receive-errors (0x800CCC0E, 0x80042109)';
const APPLE = 'https://support.apple.com/102578 (Apple Mail: if you cannot send email)';

const PHPMAILER = 'https://github.com/PHPMailer/PHPMailer/blob/master/language/phpmailer.lang-en.php (PHPMailer messages)';

/**
 * How programs word a failed name lookup (getaddrinfo(3) and its wrappers): the host they looked up is
 * the SMTP server their settings name, not a recipient domain (an MTA looks MX records up and says so in
 * its own words: "Host or domain name not found", "Name service error").
 */
const LOOKUP_FAILED = [
  // Node.js dns: "getaddrinfo ENOTFOUND <host>" / EAI_AGAIN (https://nodejs.org/api/dns.html#error-codes)
  String.raw`\bgetaddrinfo (?:ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME)\b`,
  // …and its resolver's address queries, as nodemailer looks its host up ("queryA ENOTFOUND <host>")
  String.raw`\bquery(?:A|Aaaa|AAAA) (?:ENOTFOUND|EAI_AGAIN|ESERVFAIL|ETIMEOUT|ECONNREFUSED|ENODATA)\b`,
  // glibc gai_strerror (EAI_NONAME -2, EAI_AGAIN -3, EAI_NODATA -5) as Python's socket.gaierror prints it
  String.raw`\bsocket\.gaierror\b|\[Errno -[235]\] (?:Name or service not known|Temporary failure in name resolution|No address associated with hostname)|\[Errno 1100[14]\] getaddrinfo failed|\bnodename nor servname provided\b`,
  // PHP streams, Ruby's SocketError
  String.raw`\bphp_network_getaddresses: getaddrinfo(?: for \S{1,253})? failed\b|\bgetaddrinfo: (?:Name or service not known|nodename nor servname|Temporary failure in name resolution)`,
  // Jakarta/JavaMail: "Unknown SMTP host: <host>" with java.net.UnknownHostException
  String.raw`\bUnknown SMTP host\b|\bjava\.net\.UnknownHostException\b`,
  // .NET: SocketException 11001 "No such host is known"; Go net: "dial tcp: lookup <host>: no such host"
  String.raw`\bNo such host is known\b|\bSocketException \(11001\)|\bdial tcp: lookup \S{1,253}(?: on \S{1,60})?: (?:no such host|server misbehaving|i\/o timeout)`,
];

/**
 * How programs word a connection to their SMTP server that failed before any reply (the socket's errno
 * in the library's words): the server their settings name did not answer on that port.
 */
const CONNECT_FAILED = [
  // Python: ConnectionRefusedError / TimeoutError / OSError with the errno (Linux 111, 110, 113, 101; Windows 10061, 10060)
  String.raw`\bConnectionRefusedError\b|\[Errno (?:111|110|113|101)\] (?:Connection refused|Connection timed out|No route to host|Network is unreachable)|\[WinError 1006[01]\]`,
  // Node.js/nodemailer: "connect ECONNREFUSED" (bare, or with a submission port's address: port 25 is an
  // application delivering to an MX itself, read as a sending server's connection in replies/session.ts),
  // "Connection timeout" and "Greeting never received" (smtp-connection, code ETIMEDOUT, command 'CONN')
  String.raw`\bconnect (?:ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)(?: \S{1,60}:(?:465|587|2525)\b|(?! ?\S{0,60}:\d))|\bGreeting never received\b|\bConnection timeout\b[\s\S]{0,400}?(?:smtp-connection|command: ?'CONN')`,
  // PHPMailer's debug output, Jakarta Mail, .NET System.Net.Mail, Symfony Mailer / Swift Mailer
  String.raw`\bSMTP ERROR: Failed to connect to server\b|\bCouldn'?t connect to host, port: \S{1,253}, \d{1,5}|\bCould not connect to SMTP host: \S{1,253}, port: \d{1,5}|\bMailConnectException\b|\bUnable to connect to the remote server\b|\bConnection could not be established with host\b`,
  // Go net/smtp: "dial tcp <addr>: connect: connection refused", "… i/o timeout"
  String.raw`\bdial tcp \S{1,260}: (?:connect: (?:connection refused|connection timed out|no route to host|network is unreachable)|i\/o timeout)`,
  // Ruby Net::SMTP (Errno::ECONNREFUSED "connect(2) for <host> port 587", Net::OpenTimeout); PHP's stream functions
  String.raw`\bErrno::E(?:CONNREFUSED|HOSTUNREACH|NETUNREACH|TIMEDOUT)\b|\bNet::OpenTimeout\b|\b(?:stream_socket_client|fsockopen)\(\): unable to connect to\b`,
  // the small sendmail stand-ins that hand a server's mail to one relay: ssmtp's die("Cannot open %s:%d") under
  // the name it was called by ("sendmail: Cannot open mailhub:25"), msmtp's "cannot connect to %s, port %d: %s"
  String.raw`\b(?:sendmail|ssmtp): Cannot open \S{1,253}:\d{1,5}\b|\bmsmtp: cannot connect to \S{1,253}, port \d{1,5}\b`,
];

/**
 * How programs word a TLS certificate of their SMTP server that they would not accept: the name they
 * connected to is not on it, it is self-signed or expired (the library's own check, before any SMTP reply).
 */
const CERTIFICATE_REFUSED = [
  // Node.js tls.checkServerIdentity: "Hostname/IP does not match certificate's altnames: Host: <h>. is not in
  // the cert's altnames: DNS:…" (ERR_TLS_CERT_ALTNAME_INVALID); "self-signed certificate", "certificate has expired"
  String.raw`\bHostname\/IP does not match certificate'?s altnames\b|\bERR_TLS_CERT_ALTNAME_INVALID\b|\bis not in the cert'?s (?:altnames|list)\b|\bDEPTH_ZERO_SELF_SIGNED_CERT\b|\bSELF_SIGNED_CERT_IN_CHAIN\b|\bCERT_HAS_EXPIRED\b|\bUNABLE_TO_VERIFY_LEAF_SIGNATURE\b|(?:^|\n)\s*Error: (?:self[- ]signed certificate(?: in certificate chain)?|certificate has expired|unable to verify the first certificate)\b`,
  // Python ssl: "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for '<h>'"
  String.raw`\bSSLCertVerificationError\b|\bHostname mismatch, certificate is not valid for\b`,
  // Ruby OpenSSL: 'hostname "<h>" does not match the server certificate'; Java JSSE: "No subject alternative
  // (DNS )?names? matching … found"; Go crypto/x509: "x509: certificate is valid for …, not <h>"
  String.raw`\bhostname "?[^"\s]{1,253}"? does not match the server certificate\b|\bNo subject alternative (?:DNS )?names? matching\b|\bx509: certificate (?:is valid for|is not valid for|signed by unknown authority|has expired)\b`,
  // .NET SslPolicyErrors, PHP OpenSSL streams
  String.raw`\bRemoteCertificateNameMismatch\b|\bThe remote certificate is invalid according to the validation procedure\b|\bPeer certificate CN=\S{1,260} did not match expected CN=`,
];

const PROGRAM_ERRORS = [
  'https://nodejs.org/api/errors.html#common-system-errors',
  'https://nodemailer.com/errors/ (ETIMEDOUT "Connection timeout", "Greeting never received", command CONN)',
  'https://docs.python.org/3/library/socket.html#socket.gaierror',
  'https://man7.org/linux/man-pages/man3/gai_strerror.3.html',
  'https://jakarta.ee/specifications/mail/2.1/apidocs/jakarta.mail/org/eclipse/angus/mail/util/mailconnectexception',
  'https://learn.microsoft.com/dotnet/api/system.net.sockets.socketerror (11001 HostNotFound, 10061 ConnectionRefused, 10060 TimedOut)',
  'https://pkg.go.dev/net#OpError',
  'https://docs.ruby-lang.org/en/master/Net/SMTP.html (Errno::ECONNREFUSED, Net::OpenTimeout)',
  'https://www.php.net/manual/function.stream-socket-client.php',
  'ssmtp.c (die("Cannot open %s:%d", mailhost, port)); msmtp src/net.c ("cannot connect to %s, port %d: %s")',
];

export const CLIENT_REPLIES: ReplyKnowledge[] = [
  {
    // a program (an application's mail library) could not look up its SMTP server's host name
    id: 'program.server-name-unresolved',
    sender: 'an application (its mail library)',
    text: new RegExp(LOOKUP_FAILED.join('|'), 'i'),
    codes: [0],
    reason: 'networkerror',
    party: 'sender',
    headline: "The application could not find its SMTP server's host name in DNS (no server was reached)",
    meaning:
      "The program's mail settings name an SMTP host that its resolver could not find: a misspelt or retired host name, an internal name the machine cannot resolve, or no working DNS where the program runs (a container or VM without a resolver, a firewall blocking port 53). No mail server judged anything.",
    rules: ['smtp.dns-lookup-failed'],
    fix: [
      "Check the SMTP host setting against the provider's documented name (smtp.… is the outgoing server, not imap.… or the web site).",
      "On the machine that runs the program (inside its container): getent hosts <SMTP host> must answer; if not, fix its DNS (/etc/resolv.conf, the container's dns setting).",
    ],
    verify: ['getent hosts <SMTP host>   (on the machine or container that runs the program)'],
    sources: PROGRAM_ERRORS,
  },
  {
    // a program would not accept its SMTP server's TLS certificate (its name, self-signed, expired)
    id: 'program.server-certificate-refused',
    sender: 'an application (its mail library)',
    text: new RegExp(CERTIFICATE_REFUSED.join('|'), 'i'),
    codes: [0],
    reason: 'securityerror',
    party: 'sender',
    headline:
      "The application would not accept its SMTP server's TLS certificate (the name it connects to is not on it, or it is self-signed or expired)",
    meaning:
      "The program's TLS library checked the SMTP server's certificate and refused it before any mail was sent: most often the host setting is a name the certificate does not carry (an IP address, localhost, the web site's name, an internal alias), or the server presents a self-signed or expired certificate.",
    rules: ['smtp.tls-failed'],
    fix: [
      "Set the SMTP host to a name the certificate carries (the provider's documented smtp.… name, not an IP address or localhost); a relay in the same network can be reached by that name through an /etc/hosts entry.",
      'If you run the server: install a certificate valid for the name clients use (and renew an expired one). Turning certificate checks off in the program hides the problem and exposes the login.',
    ],
    verify: [
      'openssl s_client -starttls smtp -connect <SMTP host>:587 -servername <SMTP host> -verify_hostname <SMTP host>   (Verify return code: 0 (ok))',
    ],
    sources: [
      'https://nodejs.org/api/tls.html#tlscheckserveridentityhostname-cert (ERR_TLS_CERT_ALTNAME_INVALID)',
      'https://docs.python.org/3/library/ssl.html#ssl.SSLCertVerificationError',
      'https://pkg.go.dev/crypto/x509#HostnameError',
      'https://learn.microsoft.com/dotnet/api/system.net.security.sslpolicyerrors',
    ],
  },
  {
    // a program could not open the connection to its SMTP server (refused, timed out, no route)
    id: 'program.server-unreachable',
    sender: 'an application (its mail library)',
    text: new RegExp(CONNECT_FAILED.join('|'), 'i'),
    codes: [0],
    reason: 'networkerror',
    party: 'sender',
    headline: 'The application could not connect to its SMTP server (no SMTP reply at all)',
    meaning:
      "The program's TCP connection to the SMTP host and port of its settings was refused or got no answer: a wrong host (an IMAP or web host instead of the SMTP one) or port, a server not running, or a network that blocks the port (many hosting and cloud providers block outgoing 25, some also 465/587).",
    rules: ['smtp.connection-failed'],
    fix: [
      "Check the host and port against the provider's submission settings (587 with STARTTLS, or 465 with implicit TLS); a local relay must listen where the program connects (its container's address, not 127.0.0.1 of another container).",
      'From the machine that runs the program: nc -vz -w 10 <SMTP host> 587 — if it times out there and works elsewhere, the network or provider blocks the port.',
    ],
    verify: ['nc -vz -w 10 <SMTP host> 587   (from the machine or container that runs the program)'],
    sources: PROGRAM_ERRORS,
  },
  {
    // a program was told to log in, and the server's EHLO reply listed no AUTH: the library stops before sending
    // anything (RFC 4954 §3: AUTH is offered in the EHLO reply). Python smtplib.login() raises SMTPNotSupportedError
    // "SMTP AUTH extension not supported by server."; Go net/smtp's Client.Auth "smtp: server doesn't support
    // AUTH"; MailKit's and System.Net.Mail's "The SMTP server does not support authentication."
    id: 'program.auth-not-offered',
    sender: 'an application (its mail library)',
    text: /\bSMTP AUTH extension not supported by server\b|\bsmtp: server doesn'?t support AUTH\b|\bThe SMTP server does not support authentication\b/i,
    codes: [0],
    reason: 'securityerror',
    party: 'sender',
    headline: 'The application wants to log in, but its SMTP server offered no login (no AUTH in its EHLO reply)',
    meaning:
      "The program's library asked the server what it supports (EHLO) and found no AUTH, so it gave up before sending: the settings point at a server's port 25 for incoming mail (an MX, Microsoft 365 direct send), at a relay that trusts clients by IP, or the server offers AUTH only after STARTTLS and the program did not start TLS.",
    rules: ['submission.auth-not-offered'],
    fix: [
      "To log in, use the provider's submission host and port (587 with STARTTLS, or 465 with implicit TLS) and turn TLS on in the program: most servers offer AUTH only on an encrypted connection.",
      'To send without logging in (a relay that allows your IP, Microsoft 365 direct send to <tenant>.mail.protection.outlook.com), remove the login from the program.',
    ],
    verify: ['swaks --server <SMTP host> --port 587 --tls --quit-after EHLO   (the EHLO reply after STARTTLS must list 250-AUTH)'],
    sources: [
      'RFC 4954 §3 (the AUTH EHLO keyword)',
      'https://docs.python.org/3/library/smtplib.html#smtplib.SMTP.login (SMTPNotSupportedError)',
      'https://pkg.go.dev/net/smtp#Client.Auth',
      'https://github.com/jstedfast/MailKit (SmtpClient.Authenticate: NotSupportedException "The SMTP server does not support authentication.")',
    ],
  },
  {
    // a program's TLS handshake with its SMTP server failed, before any SMTP reply: MailKit's SslHandshakeException
    // ("An error occurred while attempting to establish an SSL or TLS connection."), .NET SslStream's "The handshake
    // failed due to an unexpected packet format" (implicit TLS spoken to a STARTTLS port), Java's SSLHandshakeException
    id: 'program.tls-handshake-failed',
    sender: 'an application (its mail library)',
    text: /\bSslHandshakeException\b|\bAn error occurred while attempting to establish an SSL or TLS connection\b|\bThe handshake failed due to an unexpected packet format\b|\bjavax\.net\.ssl\.SSLHandshakeException\b|\bUnrecognized SSL message, plaintext connection\?/i,
    codes: [0],
    reason: 'securityerror',
    party: 'sender',
    headline: 'The application could not set up TLS with its SMTP server (no SMTP reply at all)',
    meaning:
      "The program's TLS handshake with the SMTP server failed before any mail was sent. Most often the port and the TLS mode do not match: implicit TLS (SSL) spoken to port 587 or 25, which expect STARTTLS, or STARTTLS spoken to port 465, which expects TLS at once ('unexpected packet format', 'plaintext connection?'). Less often the two sides share no TLS version or cipher, or the certificate was refused.",
    rules: ['smtp.tls-failed'],
    fix: [
      'Match the TLS mode to the port: 465 with implicit TLS (SSL on connect; MailKit SecureSocketOptions.SslOnConnect, Java mail.smtp.ssl.enable), 587 (or 25) with STARTTLS (MailKit StartTls, Java mail.smtp.starttls.enable, .NET EnableSsl on 587).',
      "If the mode matches, see what the server offers: an old runtime may lack TLS 1.2 (enable it), or the certificate is refused (the exception's inner error says so).",
    ],
    verify: [
      'openssl s_client -starttls smtp -connect <SMTP host>:587 -servername <SMTP host>   (587: STARTTLS)',
      'openssl s_client -connect <SMTP host>:465 -servername <SMTP host>   (465: implicit TLS)',
    ],
    sources: [
      'https://github.com/jstedfast/MailKit/blob/master/FAQ.md (SslHandshakeException)',
      'https://learn.microsoft.com/dotnet/api/system.net.security.sslstream',
      'https://docs.oracle.com/javase/8/docs/api/javax/net/ssl/SSLHandshakeException.html',
    ],
  },
  {
    // PHPMailer's own words when it cannot log in (its "authenticate" message), with no server reply shown
    id: 'phpmailer.could-not-authenticate',
    sender: 'PHPMailer',
    text: /SMTP Error: Could not authenticate\./i,
    codes: [0],
    reason: 'securityerror',
    party: 'sender',
    headline: 'The application (PHPMailer) could not log in to its SMTP server',
    meaning:
      'PHPMailer tried SMTP AUTH and the server refused it, or offered no login it could use: a wrong user name or password, a provider that wants an app password or OAuth (Gmail, Microsoft 365), or a port and encryption setting that does not match (Port 587 with SMTPSecure tls, 465 with ssl).',
    rules: ['smtp.login-failed'],
    fix: [
      "Check Username (the full address), Password, Host, Port and SMTPSecure against the provider's settings; for Gmail or Microsoft 365 use an app password or OAuth.",
      "Turn on SMTPDebug = 2 to see the server's own reply to AUTH (535 …) and read it here.",
    ],
    verify: ['swaks --server <host> --port 587 --tls --auth-user <user> --quit-after AUTH'],
    sources: [PHPMAILER],
  },
  {
    id: 'phpmailer.could-not-connect',
    sender: 'PHPMailer',
    text: /SMTP Error: Could not connect to SMTP host|SMTP connect\(\) failed/i,
    codes: [0],
    reason: 'networkerror',
    party: 'sender',
    headline: 'The application (PHPMailer) could not connect to its SMTP server',
    meaning:
      'PHPMailer did not reach the SMTP server or could not start TLS with it: a wrong host or port, a hosting provider that blocks outgoing SMTP ports, or a certificate PHP does not trust.',
    rules: ['smtp.connection-failed'],
    fix: [
      'Check Host and Port (587 with SMTPSecure tls, 465 with ssl); from the web server, test the port (nc -vz <host> 587). Many shared hosts block outgoing 25/465/587: use their own SMTP server or an HTTP API.',
    ],
    verify: ['From the web server: openssl s_client -starttls smtp -connect <host>:587'],
    sources: [PHPMAILER],
  },
  {
    id: 'client.smtp-unreachable',
    sender: 'a mail client (Thunderbird, Outlook, Apple Mail)',
    text: /connection to (?:the )?Outgoing server \(SMTP\)[^\n]{0,120}?(?:timed out|failed|was refused|was lost)|could not (?:connect|be sent because the connection) to (?:the )?(?:Outgoing|SMTP) server|cannot connect to your outgoing \(SMTP\)|0x800CCC0E|0x80042109|The connection to the outgoing server [^\n]{0,80}failed/i,
    codes: [0],
    reason: 'networkerror',
    party: 'sender',
    headline: 'The mail client could not connect to its outgoing (SMTP) server',
    meaning:
      'The client did not reach its outgoing server at all: a wrong server name or port, a port the network blocks (many ISPs block 25), or a security setting (SSL/TLS vs STARTTLS) that does not match the port. No server judged the message.',
    rules: ['smtp.connection-failed'],
    fix: [
      "Check the outgoing server settings against the provider's: the server name, port 587 with STARTTLS (or 465 with SSL/TLS), and authentication on with the full address as user name.",
      'If port 587 and 465 both fail from this network and work elsewhere (a phone hotspot), the network or a firewall/antivirus blocks them.',
    ],
    verify: ['From the same computer: openssl s_client -starttls smtp -connect <server>:587   (a 220 greeting and a certificate)'],
    sources: [THUNDERBIRD, OUTLOOK, APPLE],
  },
  {
    id: 'client.login-failed',
    sender: 'a mail client (Thunderbird, Outlook, Apple Mail)',
    text: /Login to server \S{1,253} with username \S{1,320} failed|Sending of the message failed\.? [^\n]{0,80}authentication (?:failed|is not supported)|The SMTP server [^\n]{0,80}(?:does not recognize|didn't accept) the (?:username|user name) or password|0x800CCC9[02]\b|The user name or password for [^\n]{0,80}is incorrect/i,
    codes: [0],
    reason: 'securityerror',
    party: 'sender',
    headline: 'The mail client could not log in to its outgoing (SMTP) server',
    meaning:
      'The outgoing server refused the login the client gave: a wrong or old password, a user name that is not the full address, or a provider that wants an app password or OAuth.',
    rules: ['smtp.login-failed'],
    sources: [THUNDERBIRD, OUTLOOK, APPLE],
  },
  {
    id: 'client.message-too-large',
    sender: 'Apple Mail',
    text: /The message was rejected by the server because it is too large/i,
    codes: [0],
    reason: 'mesgtoobig',
    party: 'sender',
    meaning: 'The outgoing server refused the message for its size (attachments grow by a third when sent).',
    rules: ['smtp.message-too-large'],
    sources: [APPLE],
  },
  {
    // Apple Mail (iOS, macOS) says why when the server refused to relay: "The recipient “a@b” was rejected
    // by the server because it does not allow relaying" (also for the sender address). The outgoing server
    // relays only for logged-in clients (or its own networks): the sender's settings lack the login.
    id: 'client.relaying-not-allowed',
    sender: 'Apple Mail',
    text: /(?:was rejected by the server|The server)[^\n]{0,120}?(?:does not|doesn'?t) allow relaying\b/i,
    codes: [0],
    stages: ['unknown', 'rcpt', 'mail'],
    reason: 'norelaying',
    party: 'sender',
    headline: 'The outgoing server does not relay for this client: it did not log in',
    meaning:
      'The outgoing server relays mail to other domains only for clients that log in (SMTP AUTH) or for its own networks. The account sends without a login (Apple Mail shows user name and password of the outgoing server as "optional"), or to a server that is not its provider\'s.',
    rules: ['smtp.relay-denied'],
    fix: [
      "In the account's outgoing mail server (SMTP) settings, enter the user name (the full address) and password, on port 587 with TLS; check the host name is the provider's outgoing server.",
      "If the sender is a device or application of the server's own network, the relay's administrator can instead allow its address (Postfix mynetworks, Exchange receive connector).",
    ],
    verify: ['Send a test message to an address at another domain after the change.'],
    sources: [APPLE, 'https://support.tigertech.net/iphone-relaying (iOS: "rejected by the server because it does not allow relaying")'],
  },
  {
    // Apple Mail: "The recipient “a@b” was rejected by the server." — the server answered RCPT TO with a refusal;
    // from a phone this is most often an outgoing server that relays only for logged-in clients
    id: 'client.recipient-rejected',
    sender: 'Apple Mail',
    text: /The recipient [“"']?[^\s“”"']{1,320}[”"']? was rejected by the server/i,
    codes: [0],
    stages: ['unknown', 'rcpt'],
    reason: 'rejected',
    party: 'sender',
    headline: 'The outgoing server refused the recipient (its reply is not shown)',
    meaning:
      'The server answered RCPT TO with a refusal. From a mail client this is most often an outgoing server that relays to other domains only for clients that log in; otherwise the address itself was refused.',
    rules: ['smtp.rejected'],
    fix: [
      'Turn on authentication for the outgoing server in the account settings (user name and password), on port 587 with STARTTLS.',
      'Check the recipient address for typos.',
    ],
    verify: ['Send a test message to an address at another domain after the change.'],
    sources: [APPLE],
  },
];
