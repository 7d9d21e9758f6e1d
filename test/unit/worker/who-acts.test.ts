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
import { mistypedDomain } from '../../../src/core/knowledge/who-acts';

const who = async (text: string) => buildView(await analyze(text)).verdict.who ?? '';

describe('who acts', () => {
  it.each([
    [
      'your server refused a client (Postfix smtpd)',
      'Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<x.example.net>',
      /^Your server's administrator/,
    ],
    [
      "your server's own milter refused a message its own list server passed on (a client inside its network)",
      'milter-reject: END-OF-MESSAGE from lists.example.org[10.0.0.9]: 5.7.1 Spam message rejected; from=<owner@example.org> to=<a@example.org> proto=ESMTP helo=<lists.example.org>',
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

// The reader's own server refused an outside client for the client's own fault: the receiving
// administrator's move is to tell the sender (never to "delist" or fix their own server); the same
// rule's over-strict forms (a HELO that merely does not resolve, RFC 5321 §4.1.4; SPF none) and a
// client inside the reader's own network stay with the reader's server.
const smtpd = (reply: string, client = 'mail.example.net[198.51.100.9]', helo = 'mail.example.net') =>
  `Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from ${client}: ${reply}; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<${helo}>`;
const TELL = /^The sender's side: your server refused this client for .* — tell them$/;

describe('who acts when your own server refused a client', () => {
  it.each([
    [
      'a HELO that is not fully qualified',
      smtpd('504 5.5.2 <mail>: Helo command rejected: need fully-qualified hostname', undefined, 'mail'),
      TELL,
    ],
    [
      "a HELO that does not resolve (no ground to refuse: the receiver's own check)",
      smtpd('450 4.7.1 <mail.example.net>: Helo command rejected: Host not found'),
      /^Your server's administrator/,
    ],
    [
      "the client's IP without reverse DNS",
      smtpd('450 4.7.1 Client host rejected: cannot find your hostname, [198.51.100.9]', 'unknown[198.51.100.9]'),
      TELL,
    ],
    [
      "the client domain's SPF fail (its own milter's log)",
      'Nov  3 04:07:19 mx smf-spf[19861]: SPF fail: ip=198.51.100.9, fqdn=[198.51.100.9], helo=mail.example.net, from=<a@example.net>\nNov  3 04:07:19 mx sm-mta[23903]: vA347GJM023903: Milter: from=<a@example.net>, reject=550 5.7.1 Command rejected',
      TELL,
    ],
    [
      "the same milter refusing a domain that has no SPF record (SPF none: the receiver's choice)",
      'milter-reject: END-OF-MESSAGE from mail.example.net[198.51.100.9]: 5.7.23 SPF validation failed (SPF none: no SPF record for example.net); from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<mail.example.net>',
      /^Your server's administrator/,
    ],
    [
      'a message with over-long lines (OpenSMTPD)',
      'Nov 25 11:47:07 mx smtpd[12057]: 2c9323b359d01a8a smtp event=connected address=198.51.100.9 host=mail.example.net\nNov 25 11:47:09 mx smtpd[12057]: 2c9323b359d01a8a smtp event=bad-input result="500 5.0.0: Line too long"',
      TELL,
    ],
    [
      'an outside client writing to an address the server does not have',
      smtpd('550 5.1.1 <x@example.org>: Recipient address rejected: User unknown in virtual mailbox table'),
      TELL,
    ],
    [
      "the organisation's own groupware inside its network writing to an address the server does not have",
      smtpd(
        '550 5.1.1 <room@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
        'sogo.internal[172.22.1.248]',
      ),
      /^The sender's side: whoever runs the application/,
    ],
    [
      'a client listed on a blocklist your server queries (your server, not the sender, reads the list)',
      smtpd('554 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org'),
      /^Your server's administrator/,
    ],
    [
      'your own greylisting',
      smtpd('450 4.2.0 <b@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html'),
      /^Your server's administrator/,
    ],
  ])('%s', async (_name, text, words) => {
    const w = await who(text);
    expect(w).toMatch(words);
    expect(w).not.toMatch(/delist|request removal/i);
  });
});

describe('who acts: the sending side with nothing to change, its own queue, a loop downstream', () => {
  it.each([
    [
      "a receiver's greylisting of your mail (the retry delivers it)",
      '<b@example.net>: host mx.example.net[198.51.100.4] said: 450 4.2.0 <b@example.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.net.html (in reply to RCPT TO command)',
      /^The sender's side: nothing to change/,
    ],
    [
      "Exchange's own queue: its DNS lookup of the next hop failed",
      '451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain',
      /^The sender's side: your own sending server's administrator/,
    ],
    [
      "Exchange's own directory holds the address without a mailbox",
      '420 4.2.0 Recipient deferred because there is no Mdb',
      /^The sender's side: your own sending server's administrator/,
    ],
    ['a message looping between forwarders after it left', '554 sendall: too many hops 19 (17 max)', /^The recipient's side/],
    [
      'Postfix "loops back to myself": the sending server\'s own routing, not a loop downstream',
      'Dec 13 10:31:48 mx postfix/smtp[2875]: 3F2A1B: to=<b@example.net>, relay=none, delay=0.1, delays=0/0/0/0, dsn=5.4.6, status=bounced (mail for example.net loops back to myself)',
      /^The sender's side: whoever runs the sending server/,
    ],
  ])('%s', async (_name, text, words) => expect(await who(text)).toMatch(words));
});

// The refusing server's own fault (its blocklist lookups answered with an error, its storage failed): that
// server's administrator mends it, whoever reads it; the reader's client refused by the client rules of the
// server it sends through logs in or asks to be allowed.
describe('who acts: the refusing server at fault, or its client rules', () => {
  it.each([
    [
      "a receiver's Spamhaus lookup through a public resolver (an error answer, not a listing)",
      '<b@example.net>: host mx.example.net[198.51.100.4] said: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/203.0.113.5 (in reply to RCPT TO command)',
      /^The receiving server's administrator/,
    ],
    [
      'the same receiver refusing a real listing of the sending IP',
      '<b@example.net>: host mx.example.net[198.51.100.4] said: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.7 (in reply to RCPT TO command)',
      /^The sender's side: whoever runs the sending server/,
    ],
    [
      'a receiving hMailServer that could not store what it accepted',
      '<b@example.net>: host mx.example.net[198.51.100.4] said: 554 Your message was received but it could not be saved. Please retry later. (in reply to end of DATA command)',
      /^The receiving server's administrator/,
    ],
    [
      "the reader's client refused by its provider's client rules (Postfix 'Access denied')",
      '554 5.7.1 <b@example.net>: Client host rejected: Access denied',
      /^The sender's side: the server you send through does not serve this client/,
    ],
    [
      "the same words in the reader's own Postfix log (its own rules refused a client)",
      'Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 <b@example.org>: Client host rejected: Access denied; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<x.example.net>',
      /^Your server's administrator/,
    ],
    [
      "a receiver's own rate limit on the reader's mail (its policy to keep: the sender adapts)",
      '<b@example.net>: host mx.example.net[198.51.100.4] said: 450 4.7.1 <b@example.net>: Recipient address rejected: too many messages from your host, slow down (in reply to RCPT TO command)',
      /^The sender's side: the receiver's own policy refused it/,
    ],
    [
      // Google's per-user receiving limit counts the mail the account gets from every sender (support.google.com/a/answer/1366776)
      "Gmail's limit on what one recipient receives (a flood or loop into that mailbox, not the reader's rate)",
      '<b@gmail.com>: host gmail-smtp-in.l.google.com[142.250.1.26] said: 450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. (in reply to end of DATA command)',
      /^The recipient's side/,
    ],
    [
      "QQ Mail's limit on what one recipient receives (the same kind of limit, QQ's words)",
      '<b@qq.com>: host mx3.qq.com[198.51.100.8] said: 550 Frequency of receiving messages is limited (in reply to end of DATA command)',
      /^The recipient's side/,
    ],
    [
      "QQ Mail's limit on what the sending IP sends (near miss: a frequency limit on the sender)",
      '<b@qq.com>: host mx3.qq.com[198.51.100.8] said: 550 Ip frequency limited (in reply to end of DATA command)',
      /^The sender's side/,
    ],
    [
      "Gmail's limit on what the reader's IP sends (near miss of the row above: the same rate words about the sender)",
      '<b@gmail.com>: host gmail-smtp-in.l.google.com[142.250.1.26] said: 421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited. (in reply to end of DATA command)',
      /^The sender's side/,
    ],
  ])('%s', async (_name, text, words) => {
    const w = await who(text);
    expect(w).toMatch(words);
    // the verdict names who acts: never the bare "receiver's policy"
    expect(w).not.toMatch(/^The receiver's policy/);
  });
});

// Who acts as the evidence in the paste decides it (core/knowledge/who-acts.ts): which side wrote the paste
// (the reader's own server's log, a bounce passed to a person), what the refusing server's own words show
// about its check, and whether an SPF refusal names the result it refused. Each family has its passing and
// its failing form: the same words where the evidence differs.
describe('who acts: the evidence that decides the party', () => {
  it.each([
    [
      "a receiver calling the client's IP address 'not a fully qualified domain name' (its check is wrong: RFC 5321 allows address literals)",
      '550 [192.0.2.41] is not a fully qualified domain name ("FQDN")',
      /^The receiving server's administrator: its check called an IP address/,
    ],
    [
      'the same receiver refusing a bare HELO name (the client is wrong)',
      '504 5.5.2 <mail>: Helo command rejected: need fully-qualified hostname',
      /^The sender's side/,
    ],
    [
      'a bounce from the domain\'s own MX that "loops back to myself" (that server misroutes its own domain)',
      'Reporting-MTA: dns; mail.example.org\n\nFinal-Recipient: rfc822; admin@example.org\nAction: failed\nStatus: 5.4.6\nDiagnostic-Code: X-Postfix; mail for example.org loops back to myself',
      /^The receiving server's administrator: it is the domain's MX/,
    ],
    [
      "the same words in the reader's own sending log (the reader runs that server)",
      'Dec 13 10:31:48 mx postfix/smtp[2875]: 3F2A1B: to=<b@example.net>, relay=none, delay=0.1, delays=0/0/0/0, dsn=5.4.6, status=bounced (mail for example.net loops back to myself)',
      /^The sender's side: whoever runs the sending server/,
    ],
    [
      'a recipient the receiving server does not have (whether it should exist is more than the paste shows: both readings, the recipient first)',
      '<nobody@example.net>: host mx.example.net[198.51.100.4] said: 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)',
      /^The recipient's side: if the address should exist, .*; if not, the sender corrects it$/,
    ],
    [
      'a recipient whose domain cannot be a host name (a label ending in a hyphen): mistyped',
      '<b@example-.net>: host mx.example.net[198.51.100.4] said: 550 5.1.1 <b@example-.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      /^The sender's side: the recipient address is mistyped/,
    ],
    [
      // (Postfix reject_unknown_recipient_domain at the own relay: no recipient's side exists to restore anything)
      'a recipient domain that does not exist, said by your own relay',
      'Jun 25 16:47:32 relay postfix/smtp[27100]: EE63A80539: to=<a@nowhere-domain.example>, relay=10.42.201.205[10.42.201.205]:25, delay=0.13, delays=0.08/0/0.04/0, dsn=4.1.2, status=deferred (host 10.42.201.205[10.42.201.205] said: 450 4.1.2 <a@nowhere-domain.example>: Recipient address rejected: Domain not found (in reply to RCPT TO command))',
      /^The sender's side: the recipient's domain does not exist or takes no mail/,
    ],
    [
      'a recipient domain the receiver calls invalid (SES 5.4.4)',
      '<b@gmail.ocm>: host mx.example.net[198.51.100.4] said: 550 5.4.4 Invalid domain (in reply to RCPT TO command)',
      /^The sender's side: the recipient's domain does not exist or takes no mail/,
    ],
    [
      // failing form: a lookup that failed says nothing about the domain's existence
      'a recipient domain whose lookup failed for now (not a domain that does not exist)',
      'Dec 13 10:31:48 mx postfix/smtp[2875]: 3F2A1B: to=<b@example.net>, relay=none, delay=1, delays=0/0/0.5/0.5, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again)',
      /^The sender's side: whoever runs the sending server or domain/,
    ],
    [
      "your own milter's SPF refusal that does not name the result (a 'none' refused by your policy reads the same)",
      'milter-reject: END-OF-MESSAGE from mail.example.net[198.51.100.9]: 5.7.23 SPF validation failed.; from=<a@bounce.example.net> to=<b@example.org> proto=ESMTP helo=<mail.example.net>',
      /^Your server's administrator: your server refused this client on SPF — if its domain has no SPF record/,
    ],
    [
      "the same refusal naming the result fail (the client's own record excludes it)",
      'milter-reject: END-OF-MESSAGE from mail.example.net[198.51.100.9]: 5.7.23 SPF fail: 198.51.100.9 is not permitted to send for example.net; from=<a@example.net> to=<b@example.org> proto=ESMTP helo=<mail.example.net>',
      TELL,
    ],
    [
      'a login of your own server sending as an address it does not own, from outside (your sender-login map decides)',
      smtpd(
        '553 5.7.1 <user1@example.org>: Sender address rejected: not owned by user user2@example.org',
        'host.example.net[198.51.100.9]',
      ),
      /^Your server's administrator: a login on your server sent as an address it does not own/,
    ],
    [
      'the same refusal of a program inside your own network (its setting: the sender it uses)',
      smtpd('553 5.7.1 <user1@example.org>: Sender address rejected: not owned by user noreply@example.org', 'unknown[192.168.1.12]'),
      /^The sender's side: your server refused the client's sender address/,
    ],
  ])('%s', async (_name, text, words) => expect(await who(text)).toMatch(words));
});

describe('mistypedDomain: a recipient domain that cannot be a host name', () => {
  it.each([
    // (underscores, brackets and other characters are how pastes redact a domain: not taken for a typo)
    ['user@example_domain.com', false],
    ['user@[domain].com', false],
    ['user@exa..mple.com', true],
    ['user@example-.com', true],
    ['user@-example.com', true],
    ['user@example.com', false],
    ['user@münchen.de', false],
    ['user@domain', false],
    ['user@<domain>', false],
    ['user@xxx.xxx', false],
    [null, false],
  ])('%s → %s', (address, mistyped) => expect(mistypedDomain(address)).toBe(mistyped));
});
