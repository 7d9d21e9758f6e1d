// Whose move it is, as the verdict card says it (issue 11 point 4): the
// reader's own server refusing a client (an inbound log line, its own milter
// or cleanup check) is the receiving administrator's call; an error inside
// the reader's own mail system (a local service on a loopback address) is
// theirs too; the organisation's own device refused by its own server changes
// its settings; a refusal of the reader's mail elsewhere is the sender's side;
// a full mailbox is the recipient's; a message a forwarder passed on is the
// forwarder's, unless the refusal is about the recipient or the client's own login.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { buildView } from '../../../src/worker/view/build';

const who = async (text: string) => buildView(await analyze(text)).verdict.who ?? '';

describe('who acts', () => {
  it.each([
    [
      'your server refused a client (Postfix smtpd)',
      'Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<x.example.net>',
      /^Your server's administrator/,
    ],
    [
      "your server's own milter refused a message (cleanup, no queue id in the paste)",
      'milter-reject: END-OF-MESSAGE from lists.example.org[192.0.2.9]: 5.7.1 Spam message rejected; from=<owner@example.org> to=<a@example.org> proto=ESMTP helo=<lists.example.org>',
      /^Your server's administrator/,
    ],
    [
      'a delivery to a local content filter on a loopback address',
      'postfix/amavis/smtp: to=<user@example.com>, relay=127.0.0.1[127.0.0.1]:10024, status=deferred (TLS is required, but was not offered by host 127.0.0.1[127.0.0.1])',
      /^Your server's administrator/,
    ],
    [
      'your mail refused elsewhere (an outbound delivery)',
      'Dec 13 10:31:48 mx postfix/smtp[2875]: 3F2A1B: to=<b@example.net>, relay=mx.example.net[198.51.100.4]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.7.1, status=bounced (host mx.example.net[198.51.100.4] said: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org (in reply to RCPT TO command))',
      /^The sender's side/,
    ],
    ['a full mailbox', '552 5.2.2 <b@example.net>: Recipient address rejected: Mailbox quota exceeded', /^The recipient's side/],
    [
      "the organisation's own device refused by its own server as a stranger",
      'Feb  8 20:30:05 mail postfix/smtpd[17756]: NOQUEUE: reject: RCPT from unknown[198.51.100.77]: 450 4.7.1 Client host rejected: cannot find your reverse hostname, [198.51.100.77]; from=<scan@example.com> to=<office@example.com> proto=ESMTP helo=<PRINTER01>',
      /^The sender's side/,
    ],
    [
      "a forwarded message refused for SPF at the forwarder's IP",
      'b@example.net\n    (ultimately generated from a@example.org)\n    host mx.example.net [198.51.100.4]\n    SMTP error from remote mail server after end of data:\n    550-5.7.26 The MAIL FROM domain [example.com] has an SPF record with a hard fail policy (-all)\n    550 5.7.26 but it fails to pass SPF checks with the ip: [192.0.2.7].',
      /^The forwarder/,
    ],
    [
      "the same refusal without a forwarder's mark",
      'b@example.net\n    host mx.example.net [198.51.100.4]\n    SMTP error from remote mail server after end of data:\n    550-5.7.26 The MAIL FROM domain [example.com] has an SPF record with a hard fail policy (-all)\n    550 5.7.26 but it fails to pass SPF checks with the ip: [192.0.2.7].',
      /^The sender's side/,
    ],
    [
      'a forwarded message whose final recipient does not exist',
      'b@example.net\n    (generated from a@example.org)\n    host mx.example.net [198.51.100.4]\n    SMTP error from remote mail server after RCPT TO:<b@example.net>:\n    550 5.1.1 <b@example.net>: Recipient address rejected: User unknown',
      /^The recipient's side/,
    ],
    [
      "a forwarding rule's client that did not log in to its relay",
      "Failed to forward message: Error: MAIL FROM failed: '550 Authentication is required for relay'",
      /^The sender's side/,
    ],
    [
      "a receiver's content policy refused the message (the sender changes what is sent)",
      '<b@example.net>: host mx.example.net[198.51.100.4] said: 554-Transaction failed 554 Reject due to policy restrictions: message has no Date header (in reply to end of DATA command)',
      /^The sender's side: whoever writes or generates the message/,
    ],
    [
      'the same receiver refusing the sending IP (not the message)',
      '<b@example.net>: host mx.example.net[198.51.100.4] said: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
      /^The sender's side: whoever runs the sending server/,
    ],
    [
      "the reader's own Exim failing on its configuration while sending",
      'b@example.net R=dnslookup T=remote_smtp defer (-1): failed to expand "interface" option for remote_smtp transport: failed to open /etc/exim4/ip: Permission denied (euid=109 egid=116)',
      /^The sender's side: your own sending server's administrator/,
    ],
    [
      "the reader's own Postfix failing on its configuration while receiving",
      'Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 451 4.3.5 Server configuration error; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<x.example.net>',
      /^Your server's administrator/,
    ],
    [
      "your server refused a client's sender address (the sender fixes it)",
      'Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from mail.example.net[198.51.100.9]: 450 4.1.8 <a@bounce.example.net>: Sender address rejected: Domain not found; from=<a@bounce.example.net> to=<b@example.org> proto=ESMTP helo=<mail.example.net>',
      /^The sender's side: your server refused the client's sender address/,
    ],
    [
      "an application's own error: a recipient it sent to does not exist (its data is wrong)",
      "SMTPRecipientsRefused: {'b@example.net': (550, b'5.1.1 <b@example.net>: Recipient address rejected: User unknown in local recipient table')}",
      /^The sender's side: whoever runs the application/,
    ],
    [
      'the same refusal in a delivery report to a person',
      '<b@example.net>: host mx.example.net[198.51.100.4] said: 550 5.1.1 <b@example.net>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)',
      /^The recipient's side/,
    ],
  ])('%s', async (_name, text, words) => expect(await who(text)).toMatch(words));
});
