// Vague words never outrank specific evidence, and specific words are read the same in every product.
// Each row is a refusal's words as a receiver or a program writes them (the sources are in the knowledge
// tables: knowledge/reasons/sender.ts, knowledge/refusal-problems.ts, knowledge/client-errors.ts,
// knowledge/replies/), with the first step it must lead to and a step it must not; each is read bare and,
// when it is a server's reply, inside a Postfix bounce line (the stage the reply answered given) and a DSN's
// Diagnostic-Code. The look-alike rows share words with a row above and name another thing.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

interface Row {
  text: string;
  step: string;
  not: string;
  /** The command the reply answered, when it is a server's reply that can sit in a log line. */
  stage?: 'MAIL FROM' | 'RCPT TO' | 'end of DATA';
}

const ROWS: Row[] = [
  // the relay-denied family: a qualifier between the verb and "relaying" names the same refusal
  {
    text: "550 5.7.1 Sorry [a@example.org] , I don't allow unauthorized relaying .",
    step: 'smtp.relay-denied',
    not: 'smtp.rejected',
    stage: 'RCPT TO',
  },
  { text: '554 5.7.1 We do not allow third-party relaying', step: 'smtp.relay-denied', not: 'smtp.rejected', stage: 'RCPT TO' },
  { text: '550 Unauthorized relaying is not allowed', step: 'smtp.relay-denied', not: 'smtp.rejected', stage: 'RCPT TO' },
  { text: "553 sorry, we don't permit open relaying", step: 'smtp.relay-denied', not: 'smtp.rejected', stage: 'RCPT TO' },
  {
    text: '550 relaying to <x@example.net> prohibited by administrator',
    step: 'smtp.relay-denied',
    not: 'smtp.rejected',
    stage: 'RCPT TO',
  },
  { text: '550 Relay Disabled', step: 'smtp.relay-denied', not: 'smtp.rejected', stage: 'RCPT TO' },
  // …a relay recipient table that does not know the address is an unknown recipient
  {
    text: '550 5.1.1 <x@example.net>: Recipient address rejected: User unknown in relay recipient table',
    step: 'smtp.recipient-unknown',
    not: 'smtp.relay-denied',
    stage: 'RCPT TO',
  },
  // …and without the relaying, no relay is named
  { text: "550 5.7.1 I don't allow unauthorized senders", step: 'smtp.rejected', not: 'smtp.relay-denied', stage: 'RCPT TO' },
  // a policy that names no condition: the generic refusal leads, no content filter is blamed
  { text: '554 Message rejected for policy reasons.', step: 'smtp.rejected', not: 'smtp.content-rejected', stage: 'end of DATA' },
  {
    text: '550 5.7.1 Message refused due to local policy reasons',
    step: 'smtp.rejected',
    not: 'smtp.content-rejected',
    stage: 'end of DATA',
  },
  // …words that name the content keep the content step
  {
    text: '550 5.7.1 Message refused due to local policy reasons (spam content)',
    step: 'smtp.content-rejected',
    not: 'smtp.rejected',
    stage: 'end of DATA',
  },
  // the sender called "not valid" is the sender's refusal, whatever basic code comes with it (Postal's 530)
  {
    text: 'Expected response code 250 but got code "530", with the message "530 From/Sender name is not valid "',
    step: 'smtp.sender-invalid',
    not: 'smtp.auth-required',
  },
  { text: '530 From/Sender name is not valid', step: 'smtp.sender-invalid', not: 'smtp.auth-required', stage: 'MAIL FROM' },
  {
    text: '553 5.7.1 Sender address is not valid for your login',
    step: 'smtp.sender-invalid',
    not: 'smtp.recipient-unknown',
    stage: 'RCPT TO',
  },
  // …the recipient called "not valid" is the recipient's
  { text: '550 5.1.1 Recipient address is not valid', step: 'smtp.recipient-unknown', not: 'smtp.sender-invalid', stage: 'RCPT TO' },
  // an application's own words name the command: Mattermost's "Error setting From Address", in its UI's language
  {
    text: 'Connection unsuccessful: SendMail: Error ajuste "Dirección Desde", 550 Request failed; Mailbox unavailable',
    step: 'smtp.sender-invalid',
    not: 'smtp.recipient-unknown',
  },
  {
    text: 'Connection unsuccessful: SendMail: Error setting "From Address", 550 Request failed; Mailbox unavailable',
    step: 'smtp.sender-invalid',
    not: 'smtp.recipient-unknown',
  },
  {
    text: '{"message":"Connection unsuccessful: SendMail: Error setting \\"From Address\\", 550 Request failed; Mailbox unavailable"}',
    step: 'smtp.sender-invalid',
    not: 'smtp.recipient-unknown',
  },
  // …its "To Address" is the recipient's
  {
    text: 'SendMail: Error setting "To Address", 550 Request failed; Mailbox unavailable',
    step: 'smtp.recipient-unknown',
    not: 'smtp.sender-invalid',
  },
  // the sender the login may not use, in words that name the authentication; PHPMailer's "<words>, SMTP code: 436"
  // read with its words even without its "SMTP server error: … Detail:" head
  {
    text: 'When different,"MAIL FROM" doesn\'t conform with authentication [@sm060104], SMTP code: 436',
    step: 'smtp.sender-invalid',
    not: 'smtp.rejected',
  },
  {
    text: 'SMTP server error: MAIL FROM command failed Detail: Sender address does not match the authenticated user SMTP code: 553',
    step: 'smtp.sender-invalid',
    not: 'smtp.rejected',
  },
  {
    text: "553 5.7.1 Sender address doesn't correspond to the login",
    step: 'smtp.sender-invalid',
    not: 'smtp.auth-required',
    stage: 'MAIL FROM',
  },
  { text: '553 Mail from must equal authorized user', step: 'smtp.sender-invalid', not: 'reputation.blocked', stage: 'MAIL FROM' },
  {
    text: '550 5.7.1 Mail from address must match the authenticated user',
    step: 'smtp.sender-invalid',
    not: 'reputation.blocked',
    stage: 'MAIL FROM',
  },
  // a recipient address without its domain is the address's fault, not a generic refusal
  { text: '501 <null>: recipient address must contain a domain', step: 'smtp.recipient-unknown', not: 'smtp.rejected', stage: 'RCPT TO' },
  // …a sender address without a domain is the sender's
  {
    text: '553 5.5.4 <root>... Domain name required for sender address root',
    step: 'smtp.sender-invalid',
    not: 'smtp.recipient-unknown',
    stage: 'MAIL FROM',
  },
  // …a login that failed is the login's, and a code with no words stays a bare code
  { text: 'Authentication failed: invalid credentials, SMTP code: 535', step: 'smtp.login-failed', not: 'smtp.sender-invalid' },
  // SPF's own sentence without its name ("not authorized to send from <domain>") is SPF's step, not a general one;
  // "send as" is the login's
  { text: '550 5.7.1 This sender is not authorized to send from example.org', step: 'spf.fail', not: 'smtp.auth-failed' },
  { text: '553 5.7.1 You are not authorized to send as this sender', step: 'smtp.sender-invalid', not: 'spf.fail' },
  // the return path is the envelope sender: a refusal of it answers MAIL FROM, whatever library reports it
  {
    text: 'Expected response code 250 but got code "451", with message "451 4.0.0 backend: invalid return path: not owned by user "',
    step: 'smtp.sender-invalid',
    not: 'smtp.recipient-unknown',
  },
  // FORPSI / konto.pl's submission limit: "policy violation" beside the server's session id, with or without its link
  { text: '5.1.0 piWs1j0010jifNx01iWsdh policy violation', step: 'smtp.rate-limited', not: 'smtp.content-rejected' },
  {
    text: '550 5.1.0 Naruszenie zasad cNkj1y0022zrrQM01NkjaD, zobacz https://support.forpsi.com/kb/a4071',
    step: 'smtp.rate-limited',
    not: 'smtp.content-rejected',
  },
  // …a bare "policy violation" names no limit
  { text: '550 5.7.1 policy violation', step: 'smtp.content-rejected', not: 'smtp.rate-limited', stage: 'end of DATA' },
];

const RCPT = 'someone@example.net';

function forms(row: Row): [string, string][] {
  const out: [string, string][] = [['bare', row.text]];
  if (!row.stage) return out;
  const code = /^(\d{3})(?: (\d\.\d{1,3}\.\d{1,3}))?/.exec(row.text);
  const dsn = code?.[2] ?? `${code?.[1][0]}.0.0`;
  out.push([
    'Postfix log line',
    `Dec  4 10:00:00 mail postfix/smtp[123]: 4F1A2B3C4D: to=<${RCPT}>, relay=mx.example.net[192.0.2.80]:25, delay=1, delays=0/0/0.5/0.5, dsn=${dsn}, status=bounced (host mx.example.net[192.0.2.80] said: ${row.text} (in reply to ${row.stage} command))`,
  ]);
  out.push([
    'DSN',
    [
      'From: Mail Delivery System <MAILER-DAEMON@mail.example.org>',
      'To: <owner@example.org>',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain',
      '',
      `<${RCPT}>: host mx.example.net[192.0.2.80] said: ${row.text} (in reply to ${row.stage} command)`,
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mail.example.org',
      '',
      `Final-Recipient: rfc822; ${RCPT}`,
      'Action: failed',
      `Status: ${dsn}`,
      'Remote-MTA: dns; mx.example.net',
      `Diagnostic-Code: smtp; ${row.text}`,
      '',
      '--B1--',
      '',
    ].join('\n'),
  ]);
  return out;
}

describe('vague words give way to specific evidence, and specific words read alike everywhere', () => {
  const cases = ROWS.flatMap((row) => forms(row).map(([form, paste]) => [`${row.text} (${form})`, row, paste] as const));
  it.each(cases)('%s', async (_n, row, paste) => {
    const r = await analyze(paste);
    const problems = r.checklist.filter((s) => s.status === 'fail' || s.status === 'warn').map((s) => s.rule);
    expect(problems[0]).toBe(row.step);
    expect(problems[0]).not.toBe(row.not);
  });
});
