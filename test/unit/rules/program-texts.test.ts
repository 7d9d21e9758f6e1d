// An application's mail library reporting a failure before any SMTP reply (issue 11, point 1: a reply is found
// wherever it sits — and a library's own words, with no reply, still name the step): the login the server never
// offered, the TLS handshake that failed. Each row has the library's text, the step, and a near-miss: words of
// the same library that mean another step.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const firstProblem = async (text: string) => (await analyze(text)).checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule;

const rows: [name: string, text: string, first: string, nearMiss: string][] = [
  [
    'Python smtplib: no AUTH in the EHLO reply',
    'Traceback (most recent call last):\n  File "/app/mailer.py", line 41, in send\n    server.login(user, password)\n  File "/usr/lib/python3.11/smtplib.py", line 716, in login\n    raise SMTPNotSupportedError(\nsmtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.',
    'submission.auth-not-offered',
    "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted.')",
  ],
  [
    "Go net/smtp: the server doesn't offer AUTH",
    "2026/12/04 10:00:01 send mail: smtp: server doesn't support AUTH",
    'submission.auth-not-offered',
    '2026/12/04 10:00:01 send mail: 535 5.7.8 Username and Password not accepted.',
  ],
  [
    'MailKit: no authentication offered',
    'System.NotSupportedException: The SMTP server does not support authentication.\n   at MailKit.Net.Smtp.SmtpClient.AuthenticateAsync(Encoding encoding, ICredentials credentials, CancellationToken cancellationToken)',
    'submission.auth-not-offered',
    'MailKit.Security.AuthenticationException: 535: 5.7.139 Authentication unsuccessful, the user credentials were incorrect.',
  ],
  [
    'MailKit: the TLS handshake failed (the port and the TLS mode disagree)',
    "MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.\n\nThe server's SSL certificate could not be validated for the following reasons:\n ---> System.IO.IOException: The handshake failed due to an unexpected packet format.",
    'smtp.tls-failed',
    'MailKit.Net.Smtp.SmtpCommandException: 5.7.57 Client not authenticated to send mail.',
  ],
  [
    'JavaMail (javax.mail 1.4 wording): the connection to the SMTP host failed',
    'javax.mail.MessagingException: Could not connect to SMTP host: smtp.example.com, port: 25;\n  nested exception is:\n\tjava.net.ConnectException: Connection timed out: connect',
    'smtp.connection-failed',
    'javax.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6',
  ],
  [
    "Java's TLS handshake exception",
    'javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake',
    'smtp.tls-failed',
    'javax.mail.SendFailedException: Invalid Addresses;\n  nested exception is:\n\tcom.sun.mail.smtp.SMTPAddressFailedException: 554 5.7.1 <bob@gmail.com>: Relay access denied',
  ],
];

describe("an application's library words before any reply", () => {
  it.each(rows)('%s', async (_, text, first, nearMiss) => {
    expect(await firstProblem(text)).toBe(first);
    expect(await firstProblem(nearMiss)).not.toBe(first);
  });
});
