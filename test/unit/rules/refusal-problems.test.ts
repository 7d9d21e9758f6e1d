// The problem a refusal's words name decides its step, not the broad reason
// (knowledge/refusal-problems.ts): a sender the login does not own, TLS
// required, a refused login or an app password, AUTH where none is offered,
// a sending quota or rate, greylisting. Each with forms that must be read as
// that problem (in several wrappings: a log line, a bare reply, an
// application's error) and forms with near words that must not.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { findRefusalProblem } from '../../../src/core/knowledge/refusal-problems';

const firstProblem = async (text: string) => (await analyze(text)).checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule;

describe('refusal problems: the step follows the problem the words name', () => {
  it.each([
    // sender the login does not own
    [
      'smtp.sender-invalid',
      'Jun  5 10:36:56 mx postfix/submission/smtpd[411]: NOQUEUE: reject: RCPT from app.example.org[192.0.2.7]: 553 5.7.1 <news@example.org>: Sender address rejected: not owned by user web@example.org; from=<news@example.org> to=<b@example.net> proto=ESMTP helo=<app>',
    ],
    ['smtp.sender-invalid', '553 5.7.1 Sender address rejected: not owned by auth user.'],
    [
      'smtp.sender-invalid',
      'Expected response code 250 but got code "554", with message "554 5.2.252 SendAsDenied; info@example.org not allowed to send as sales@example.org; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied"',
    ],
    // TLS required
    ['smtp.tls-failed', '530 5.7.0 Must issue a STARTTLS command first'],
    [
      'smtp.tls-failed',
      '<a@example.net>: host mx.example.net[198.51.100.4] said: 550 5.7.1 TLS required by recipient (in reply to RCPT TO command)',
    ],
    ['smtp.tls-failed', '451 4.7.10 Encryption needed for this session'],
    // VIPRE Email Security's rejection for a sender domain it must receive over TLS (its rejection reasons page)
    ['smtp.tls-failed', '550 Your sender domain is required to send via an encrypted SMTP session'],
    // … and for a recipient domain the gateway does not serve (the norelaying words, knowledge/reasons/sender.ts)
    ['smtp.relay-denied', '550 Your domain is not configured to use this MX host.'],
    // login refused / app password
    [
      'smtp.login-failed',
      '534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor',
    ],
    ['smtp.login-failed', 'SMTPAuthenticationError: (535, b"5.7.8 Username and Password not accepted. For more information, go to")'],
    ['smtp.login-failed', 'Mail error: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.'],
    // AUTH where none is offered
    ['submission.auth-not-offered', 'Got: 504 5.7.4 Unrecognized authentication type'],
    ['submission.auth-not-offered', 'SMTP Error: 503 5.5.1 Error: authentication not enabled'],
    // quotas and rates (not a full mailbox)
    ['smtp.rate-limited', '550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to'],
    [
      'smtp.rate-limited',
      '<a@gmail.com>: host gmail-smtp-in.l.google.com[142.250.1.26] said: 450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered. (in reply to RCPT TO command)',
    ],
    ['smtp.rate-limited', '554 Throttling failure: Maximum sending rate exceeded.'],
    ['smtp.rate-limited', '451 4.7.0 Too many messages from your account, try again later'],
    ['smtp.rate-limited', '450 4.7.1 You have exceeded your messaging limits'],
    // relaying refused in other words
    ['smtp.relay-denied', '553 5.7.1 Relaying disallowed'],
    // … but "disallowed AS <address>" names the sender the login may not use (Zoho), not a recipient to relay to
    ['smtp.sender-invalid', '553 Relaying disallowed as a@example.org'],
    ['smtp.relay-denied', '553 5.7.1 Relaying not allowed for this recipient'],
    // Zoho's "Relaying disallowed as <address>": the login may not send as that address (zoho.com/mail/help/zoho-smtp.html)
    ['smtp.sender-invalid', 'Expected response code 250 but got code "553", with message "553 Relaying disallowed as test@gmail.com "'],
    // the sending server's own DNS answers
    // (a recipient domain that does not exist ends in Exchange's permanent 5.4.4; its temporary 451 4.4.0 with the
    // same words is its own transport asking the wrong DNS servers: test/unit/rules/gateways.test.ts)
    ['smtp.recipient-unknown', '550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain'],
    ['smtp.dns-lookup-failed', '451 4.4.0 DNS query failed. The error was: DNS query failed with error: ErrorRetry'],
    // greylisting: a temporary deferral
    [
      'smtp.greylisted',
      'Dec  3 10:00:01 mx postfix/smtp[99]: 3F2A1: to=<b@example.net>, relay=mx.example.net[198.51.100.4]:25, delay=1, delays=0/0/0.5/0.5, dsn=4.2.0, status=deferred (host mx.example.net[198.51.100.4] said: 450 4.2.0 <b@example.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.net.html (in reply to RCPT TO command))',
    ],
  ])('%s ← %s', async (rule, text) => expect(await firstProblem(text)).toBe(rule));

  it.each([
    // "Message rejected" about a size is the size, not a content verdict
    ['smtp.message-too-large', '554 Message rejected: Stream is more than 10485760 bytes long.'],
    // a message refused with no words about the sender, the IP or a list: its content was judged
    ['smtp.content-rejected', '550 5.7.1 [CS] Message blocked'],
    // a security error only the catch-all code named is no demand to log in
    ['smtp.rejected', '550 5.7.1 Delivery not authorized'],
    // too many failed logins: the server's own brute-force block, not a DNS blocklist
    ['smtp.login-failed', '550-Message rejected because [192.0.2.18]:10503 is blacklisted see Blocked -\n550 Too many failed logins'],
    // FortiGuard's IP reputation list is a reputation block, its URL check a content verdict
    ['reputation.blocked', '550 5.7.1 Connection refused: 192.0.2.5 is listed in FortiGuard AntiSpam IP reputation database'],
    ['smtp.content-rejected', '554 5.7.1 This message has been blocked because it contains FortiGuard - AntiSpam blocking URL(s).'],
    // a mailbox quota is a full mailbox, not a sending quota
    ['smtp.mailbox-full', '552 5.2.2 <b@example.net>: Recipient address rejected: Mailbox quota exceeded'],
    // "not logged in" is a login that is missing, not a sender the login does not own
    ['smtp.auth-required', '553 5.7.1 <a@example.org>: Sender address rejected: not logged in'],
    // the receiver's "authentication failed" about DMARC is about the message, not a login
    ['dmarc.fail', '550 5.7.1 Email rejected per DMARC policy for example.org: authentication failed'],
    // a domain required to be sent by a list of hosts says nothing of encryption
    ['smtp.rejected', '550 Your sender domain is required to send via its registered servers'],
    // TLS that the sending server's own policy wanted and the receiver did not offer: not the receiver's demand
    [
      'smtp.tls-failed',
      'Dec  3 10:00:01 mx postfix/smtp[99]: 3F2A1: to=<b@example.net>, relay=mx.example.net[198.51.100.4]:25, delay=1, delays=0/0/0.5/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by host mx.example.net[198.51.100.4])',
    ],
  ])('near words keep their own step: %s ← %s', async (rule, text) => expect(await firstProblem(text)).toBe(rule));

  it.each([
    // a permanent refusal that mentions greylisting is no greylisting deferral
    [{ code: 550, enhanced: '5.7.1', text: 'Greylisted sender, blocked permanently', stage: 'rcpt' as const, hard: true }, undefined],
    // X.7.9 is a login refusal only in reply to AUTH (RFC 4954 534); Yahoo's 550 5.7.9 is about the message
    [
      {
        code: 550,
        enhanced: '5.7.9',
        text: 'This mail has been blocked because the sender is unauthenticated.',
        stage: 'data' as const,
        hard: true,
      },
      undefined,
    ],
    [
      {
        code: 534,
        enhanced: '5.7.9',
        text: 'Please log in with your web browser and then try again.',
        stage: 'unknown' as const,
        hard: true,
      },
      'login-refused',
    ],
    [{ code: 451, enhanced: '4.7.10', text: 'Try again', stage: 'mail' as const, hard: false }, 'tls-required'],
  ])('by code: %j → %s', (facts, id) => expect(findRefusalProblem(facts)?.id).toBe(id));
});
