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

export const CLIENT_REPLIES: ReplyKnowledge[] = [
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
