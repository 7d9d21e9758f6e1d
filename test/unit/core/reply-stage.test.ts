// Where a refusal came, from the words around it and its own words (issue 11):
// a library that names the codes it expected (Swift/Symfony Mailer's
// "Expected response code 250 but got code …") narrows the command it sent;
// the reply's own words name a command ("Helo command rejected", "Sender
// address rejected", "mail from address …", RFC 5321's "No SMTP service"),
// RFC 4954's 530 answers the first transaction command (MAIL), and a
// transcript's refusal right after "Connected", before any command, is the
// greeting. Forms that must stay unplaced are here too.
import { describe, expect, it } from 'vitest';
import { findReplies } from '../../../src/core/parse/replies';

const SWIFT = (code: string, reply: string, expected = '250') =>
  `Swift_TransportException in AbstractSmtpTransport.php line 383:\nExpected response code ${expected} but got code "${code}", with message "${reply}"`;

describe('the stage of a reply from the words that name it', () => {
  const cases: [string, string, string][] = [
    // Swift/Symfony: 250 alone is HELO's, MAIL FROM's or the end of data's check, never RCPT's (250/251/252)
    ['swift 250 + 530 authentication required → MAIL (RFC 4954 §6)', SWIFT('530', '530 5.7.1 Authentication required '), 'mail'],
    ['swift 250 + Sender address rejected → MAIL', SWIFT('553', '553 5.7.1 Sender address rejected: not owned by auth user.'), 'mail'],
    [
      'swift "250" quoted + mail from address → MAIL',
      SWIFT('501', '501 mail from address must be same as authorization user', '"250"'),
      'mail',
    ],
    [
      'swift 250/251/252 stays RCPT whatever the words',
      SWIFT('553', '553 5.7.1 Sender address rejected: not owned by user', '250/251/252'),
      'rcpt',
    ],
    ['swift 354 stays DATA', SWIFT('554', '554 5.7.1 Sender address rejected', '354'), 'data'],
    // words naming RCPT under a check that is not RCPT's: no guess
    [
      'swift 250 + relay words (RCPT words, not a RCPT check) → unknown',
      SWIFT('550', '550 5.7.64 TenantAttribution; Relay Access Denied'),
      'unknown',
    ],
    ['swift 250 + words that name nothing → unknown', SWIFT('550', '550 5.7.1 Message rejected'), 'unknown'],
    // the reply's own words alone
    [
      'bare Postfix HELO restriction reply → HELO',
      "'504 5.5.2 <DESKTOPN7L10I2>: Helo command rejected: need fully-qualified hostname'",
      'helo',
    ],
    ['bare 530 Authentication required → MAIL', '530 5.7.0 Authentication required', 'mail'],
    // Postfix answers its sender restrictions at RCPT TO by default (smtpd_delay_reject): alone, no stage
    ['bare Sender address rejected (MAIL or RCPT) → unknown', '554 5.7.1 <a@b.example>: Sender address rejected: Access denied', 'unknown'],
    ['bare 550 mailbox unavailable names nothing → unknown', '550 5.1.1 Mailbox unavailable', 'unknown'],
    [
      'Postfix log says RCPT: the log wins over the HELO words',
      'NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 504 5.5.2 <pc>: Helo command rejected: need fully-qualified hostname; from=<a@b.example> to=<c@d.example>',
      'rcpt',
    ],
    [
      'in reply to RCPT wins over sender words',
      'host mx.d.example[192.0.2.9] said: 553 5.7.1 <a@b.example>: Sender address rejected: not owned by user (in reply to RCPT TO command)',
      'rcpt',
    ],
    // a transcript: a refusal right after the connection, before any command, is the greeting
    [
      "a verifier's transcript: SERVER: 554 right after Connected → CONNECT",
      'INFO: Creating connection...\nINFO: Connected\nSERVER: 554-mx.example (mx1) ESMTP Service not available\nSERVER: 554-No SMTP service\nSERVER: 554 invalid DNS PTR resource record, IP=192.0.2.23\nSERVER:\nINFO: Closing connection',
      'connect',
    ],
    ["RFC 5321's greeting refusal words → CONNECT", '554 No SMTP service here', 'connect'],
    [
      'a transcript where a command was sent after Connected is not the greeting',
      'INFO: Connected\nSERVER: 220 mx.example ESMTP\nCLIENT: MAIL FROM:<a@b.example>\nSERVER: 550 5.7.1 Rejected by policy',
      'mail',
    ],
  ];
  it.each(cases)('%s', (_name, paste, stage) => {
    const found = findReplies(paste.split('\n'));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].stage).toBe(stage);
  });
});
