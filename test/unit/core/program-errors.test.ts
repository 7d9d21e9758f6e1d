// What people paste when their own mail client or application cannot send, without any SMTP
// reply code in it (issue 11.1): a relay refused in a client's own words (Apple Mail, Outlook,
// Thunderbird) or an application's exception (MailKit, .NET, JavaMail, Python, PHPMailer); a
// recipient that accepts only its own organisation's senders (Exchange 5.7.124/5.7.133–5.7.136,
// Google Groups); a program that cannot find or reach its SMTP server (getaddrinfo and socket errors
// in Node, Python, PHP, Java, .NET and Go words). Each must be recognised, read for the step that
// fixes it and for whose move it is; the near forms below each table must not be.
// The forms are written from the clients' and libraries' documentation and messages
// (knowledge/replies/clients.ts cites them), not from any collected incident.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { buildView } from '../../../src/worker/view/build';
import { isStackFrame } from '../../../src/core/text/stack-frames';

const read = async (text: string) => {
  const r = await analyze(text);
  const rej = r.rejections[0];
  return {
    kind: r.inputs[0]?.kind,
    reason: rej?.reason,
    step: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule,
    who: (buildView(r).verdict.who ?? '').replace(/:.*/s, ''),
  };
};

const SENDER = "The sender's side";
const RECIPIENT = "The recipient's side";

describe('a relay refused, in a client’s or an application’s words (no reply code needed)', () => {
  it.each([
    [
      'Cannot Send Mail\nA copy has been placed in your Outbox. The recipient “ann@example.org” was rejected by the server because it does not allow relaying.',
    ],
    ['Cannot send message using the server mail.example.net\nThe server does not allow relaying.'],
    ['The sender address bob@example.com was rejected by the server mail.example.net because it doesn’t allow relaying.'],
    [
      "Task 'bob@example.com - Sending' reported error (0x800CCC79) : 'Your outgoing (SMTP) e-mail server has reported an internal error. The server responded: 550 Relaying denied'",
    ],
    ['Send/Receive error\nRelaying denied. Error Number: 0x800CCC79'],
    [
      'Sending of the message failed.\nAn error occurred while sending mail. The mail server responded: relay access denied. Please check the message recipient dave@example.org and try again.',
    ],
    ['MailKit.Net.Smtp.SmtpCommandException: Relay access denied\nStatusCode: MailboxUnavailable\nErrorCode: RecipientNotAccepted'],
    [
      'MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Unable to relay\n   at MailKit.Net.Smtp.SmtpClient.Send(FormatOptions options, MimeMessage message)',
    ],
    ['System.Net.Mail.SmtpException: Transaction failed. The server response was: Relay access denied'],
    ['jakarta.mail.MessagingException: 550 relaying denied'],
    ["smtplib.SMTPRecipientsRefused: {'ed@example.org': (550, b'relay not permitted')}"],
    ['SMTP Error: The following recipients failed: ed@example.org: Relay access denied'],
    ['553 sorry, that domain isn’t in my list of allowed rcpthosts (#5.7.1)'],
    ['553 sorry, relaying denied from your location [203.0.113.7] (#5.7.1)'],
    ['553 relaying disallowed'],
    ['The server does not allow relaying'],
    // Outlook's box in German quotes sendmail's words translated ("Relay verweigert")
    [
      'Die Nachricht konnte nicht gesendet werden, da einer der Empfänger vom Server nicht akzeptiert wurde. Serverantwort: "550 <jemand@example.org>... Relay verweigert", Anschluss: 25, Serverfehler: 550, Fehlernummer: 0x800CCC79.',
    ],
  ])('%s', async (text) =>
    expect(await read(text)).toMatchObject({ kind: 'bounce', reason: 'norelaying', step: 'smtp.relay-denied', who: SENDER }),
  );

  it.each([
    // Apple Mail's box without the relaying words: a refused recipient, no more is known
    ['Cannot Send Mail\nThe recipient “a@example.net” was rejected by the server.', { step: 'smtp.rejected' }],
    // a relay host that took the message is no refusal
    ['The relay host smtp.example.net accepted the message for delivery.', { kind: 'unknown' }],
  ])('near form: %s', async (text, want) => expect(await read(text)).toMatchObject(want));

  it('an exception class path with its properties is no header section', async () =>
    expect(await read('System.Net.Mail.SmtpException: Relay access denied\nStatusCode: MailboxUnavailable')).toMatchObject({
      reason: 'norelaying',
    }));
});

describe('a recipient that accepts mail only from its own organisation or allowed senders', () => {
  it.each([
    [
      "Remote Server returned '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group'",
    ],
    ['550 5.7.134 RESOLVER.RST.SenderNotAuthenticatedForMailbox; authentication required'],
    ['550 5.7.135 RESOLVER.RST.SenderNotAuthenticatedForPublicFolder; authentication required'],
    ['550 5.7.136 RESOLVER.RST.SenderNotAuthenticatedForMailUser; authentication required'],
    [
      '550 5.7.124 RESOLVER.RST.NotAuthorized; not authorized; Delivery restriction check failed because the sender is not in the allowed-senders list',
    ],
    [
      'The group staff only accepts messages from people in its organization or on its allowed senders list, and your email address isn’t on the list.',
    ],
    ['550 5.7.1 You do not have permission to post messages to this group'],
    ['554 5.7.1 You are not allowed to post to this mailing list'],
    ['550 5.7.1 <team@example.org>: Recipient address rejected: only members may post to this list'],
    [
      'We’re writing to let you know that the group you tried to contact (sales) may not exist, or you may not have permission to post messages to the group.',
    ],
  ])('%s', async (text) => expect(await read(text)).toMatchObject({ kind: 'bounce', step: 'smtp.rejected', who: RECIPIENT }));

  it.each([
    // "authentication required" without a restricted recipient is the sender's own login
    ['530 5.7.0 Authentication required', { step: 'smtp.auth-required', who: SENDER }],
    // a message refused for its content is the sender's to change
    ['550 5.7.1 Message rejected as spam by Content Filtering.', { who: SENDER }],
  ])('near form: %s', async (text, want) => expect(await read(text)).toMatchObject(want));
});

describe('a program that cannot find or reach its SMTP server', () => {
  it.each([
    [
      "Error: getaddrinfo ENOTFOUND smtp.example.net\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26) {\n  code: 'EDNS',\n  command: 'CONN'\n}",
    ],
    ['Error: getaddrinfo EAI_AGAIN smtp.example.net'],
    ['socket.gaierror: [Errno -2] Name or service not known'],
    ['socket.gaierror: [Errno -3] Temporary failure in name resolution'],
    ['SMTP ERROR: Failed to connect to server: php_network_getaddresses: getaddrinfo failed: Name or service not known (0)'],
    [
      'javax.mail.MessagingException: Unknown SMTP host: smtp.example.net;\n  nested exception is:\n\tjava.net.UnknownHostException: smtp.example.net',
    ],
    ['System.Net.Sockets.SocketException (11001): No such host is known.'],
    ['dial tcp: lookup smtp.example.net: no such host'],
    ['Error: queryA ENOTFOUND smtp.example.net'],
    ['SocketError: Failed to open TCP connection to smtp.example.net:587 (getaddrinfo: Name or service not known)'],
  ])('name not found: %s', async (text) =>
    expect(await read(text)).toMatchObject({ kind: 'bounce', step: 'smtp.dns-lookup-failed', who: SENDER }),
  );

  it.each([
    [
      "Error: Connection timeout\n    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:784:19) {\n  code: 'ETIMEDOUT',\n  command: 'CONN'\n}",
    ],
    ["Error: Greeting never received\n  code: 'ETIMEDOUT',\n  command: 'CONN'"],
    ['Error: connect ECONNREFUSED 127.0.0.1:587'],
    ['ConnectionRefusedError: [Errno 111] Connection refused'],
    ['TimeoutError: [Errno 110] Connection timed out'],
    ['SMTP ERROR: Failed to connect to server: Connection refused (111)'],
    [
      "com.sun.mail.util.MailConnectException: Couldn't connect to host, port: smtp.example.net, 587; timeout -1;\n  nested exception is:\n\tjava.net.ConnectException: Connection refused",
    ],
    [
      'System.Net.Mail.SmtpException: Failure sending mail. ---> System.Net.WebException: Unable to connect to the remote server ---> System.Net.Sockets.SocketException: No connection could be made because the target machine actively refused it 192.0.2.10:25',
    ],
    [
      'Connection could not be established with host smtp.example.net :stream_socket_client(): unable to connect to tcp://smtp.example.net:587 (Connection timed out)',
    ],
    ['dial tcp 192.0.2.10:587: connect: connection refused'],
    ['Errno::ECONNREFUSED: Connection refused - connect(2) for "smtp.example.net" port 587'],
    ['Net::OpenTimeout: execution expired'],
    ['stream_socket_client(): unable to connect to ssl://smtp.example.net:465 (Connection refused)'],
  ])('no connection: %s', async (text) =>
    expect(await read(text)).toMatchObject({ kind: 'bounce', step: 'smtp.connection-failed', who: SENDER }),
  );

  it.each([
    [
      "Error: Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: DNS:mail.example.org\n  code: 'ERR_TLS_CERT_ALTNAME_INVALID',\n  command: 'CONN'",
    ],
    ['OpenSSL::SSL::SSLError (hostname "192.0.2.10" does not match the server certificate)'],
    [
      "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'smtp.example.net'. (_ssl.c:1129)",
    ],
    ['javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching smtp.example.net found.'],
    ['x509: certificate is valid for mail.example.org, not smtp.example.net'],
    ["Error: self-signed certificate\n  code: 'DEPTH_ZERO_SELF_SIGNED_CERT',\n  command: 'CONN'"],
    [
      'System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch',
    ],
  ])('certificate refused: %s', async (text) =>
    expect(await read(text)).toMatchObject({ kind: 'bounce', step: 'smtp.tls-failed', who: SENDER }),
  );

  it.each([
    // another program's port is no mail
    ['Error: connect ECONNREFUSED 127.0.0.1:6379', { kind: 'unknown' }],
    // a sentence about certificates is no error
    ['How do I renew the certificate of my mail server before it expires?', { kind: 'unknown' }],
    // an MTA's own lookup of the recipient domain is not the program's server
    [
      'Dec  1 10:00:00 mx postfix/smtp[123]: 4F2A31C0: to=<a@example.invalid>, relay=none, delay=0.1, delays=0/0/0.1/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=example.invalid type=A: Host not found)',
      { kind: 'postfix-log', who: RECIPIENT },
    ],
  ])('near form: %s', async (text, want) => expect(await read(text)).toMatchObject(want));
});

// The frames of a stack trace under an application's error name code, not the refusal (text/stack-frames.ts).
describe('stack frames under an error', () => {
  it.each([
    ['\tat com.sun.mail.smtp.SMTPTransport.rcptTo(SMTPTransport.java:1294)', true],
    ['   at System.Net.Mail.SmtpClient.Send(MailMessage message)', true],
    ['    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)', true],
    ["  postmark (1.0.0) lib/postmark/http_client.rb:68:in `handle_response'", true],
    ['  File "/usr/lib/python3.10/smtplib.py", line 255, in __init__', true],
    ['#0 /var/www/vendor/phpmailer/src/PHPMailer.php(1560): PHPMailer->smtpSend()', true],
    ['Caused by: com.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 User unknown', false],
    ["smtplib.SMTPRecipientsRefused: {'a@example.org': (550, b'5.1.1 User unknown')}", false],
    ['Please look at the message (2.5.4) attached', false],
  ])('%s → %s', (line, frame) => expect(isStackFrame(line)).toBe(frame));

  it("a library's version in a frame ('mail (2.5.4)') is no status code", async () => {
    const r = await analyze(
      [
        'Postmark::InvalidMessageError (Sender signature not defined for From address.):',
        "  postmark (1.0.0) lib/postmark/http_client.rb:68:in `handle_response'",
        "  mail (2.5.4) lib/mail/message.rb:2129:in `do_delivery'",
        "  mail (2.5.4) lib/mail/message.rb:232:in `block in deliver'",
      ].join('\n'),
    );
    expect(r.rejections[0]).toMatchObject({ enhanced: null, reason: 'rejected' });
    expect(r.checklist.find((s) => s.status === 'fail')?.rule).toBe('smtp.sender-invalid');
  });
});
