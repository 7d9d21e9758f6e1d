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
    // the enhanced detail names whose address was bad (RFC 3463 §3.2): the destination's is RCPT TO's argument,
    // the sender's MAIL FROM's; read only when nothing else places the reply
    ['bare 550 5.1.1 (bad destination mailbox) → RCPT', '550 5.1.1 Mailbox unavailable', 'rcpt'],
    ['quoted 501 5.1.7 in prose (bad sender mailbox syntax) → MAIL', 'I get "501 5.1.7 Bad sender address syntax" when I test', 'mail'],
    ['bare 553 5.1.8 (bad sender system) → MAIL', '553 5.1.8 Domain of sender address does not exist', 'mail'],
    ['bare 452 4.5.3 too many recipients → RCPT', '452 4.5.3 Too many recipients', 'rcpt'],
    // X.1.2 and X.1.10 are what the sending MTA writes after its own DNS lookup (no command answered)
    ['bare 556 5.1.10 null MX → unknown (the sending MTA found it)', '556 5.1.10 Recipient address has null MX', 'unknown'],
    [
      "an NDR's 550 5.1.2 Host unknown → unknown (the sending MTA's lookup)",
      "Remote Server returned '550 5.1.2 Host unknown (Name server: d.example: host not found)'",
      'unknown',
    ],
    ["Postfix's words without an enhanced code: bad sender address syntax → MAIL", '501 Bad sender address syntax', 'mail'],
    ["Postfix's words without an enhanced code: bad recipient address syntax → RCPT", '501 Bad recipient address syntax', 'rcpt'],
    // details and words that name no command stay unplaced; words that leave two commands are not overruled
    ['bare 5.7.1 names nothing → unknown', '550 5.7.1 Access denied', 'unknown'],
    ['bare 5.1.0 (other address status) names no side → unknown', '550 5.1.0 Address rejected', 'unknown'],
    [
      'Postfix delayed sender restriction with X.1.8 stays MAIL or RCPT → unknown',
      '450 4.1.8 <a@b.example>: Sender address rejected: Domain not found',
      'unknown',
    ],
    [
      'a command in the context wins over the detail',
      'host mx.d.example[192.0.2.9] said: 550 5.1.1 <a@d.example>: unknown (in reply to end of DATA command)',
      'end-of-data',
    ],
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
