// Two wording families, each with the forms that must be read as it and the forms that must not:
// the submission server's "the sender must be the account that logged in" (Tencent's "mail from address
// must be same as authorization user", NetEase's "Mail from must equal authorized user", "sender address
// must match the authenticated user") → smtp.sender-invalid; and a recipient address that is no address
// (Exim's "recipient address must contain a domain") → the malformed-recipient step, not a generic refusal.
// Each row's diagnosis was written before the tool was run on it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const NOW = { now: () => new Date('2026-12-01T00:00:00Z') };

async function read(text: string) {
  const r = await analyze(text, NOW);
  const step = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  return { reason: r.rejections[0]?.reason, stage: r.rejections[0]?.stage, step: step?.rule };
}

describe('the sender must be the logged-in account', () => {
  it.each([
    ['553 Mail from must equal authorized user'],
    ['com.sun.mail.smtp.SMTPSenderFailedException: 553 Mail from must equal authorized user'],
    ['501 mail from address must be same as authorization user'],
    ['550 5.7.1 Sender address must match the authenticated user'],
    ["smtplib.SMTPSenderRefused: (553, b'From address must be the same as the login user', 'a@example.org')"],
    ['550 5.7.1 Envelope sender must equal the authenticated account'],
  ])('%s → smtp.sender-invalid', async (text) => expect((await read(text)).step).toBe('smtp.sender-invalid'));

  it.each([
    // the login itself was refused: the user name, not the sender, is what must match
    ['535 5.7.8 Authentication failed: user name must equal the mailbox address', 'smtp.login-failed'],
    // a recipient the server does not know
    ['550 5.1.1 <b@example.org>: Recipient address rejected: User unknown in virtual mailbox table', 'smtp.recipient-unknown'],
    // authentication is missing, not mismatched
    ['530 5.7.0 Authentication required', 'smtp.auth-required'],
  ])('%s → %s (not the sender-login family)', async (text, step) => expect((await read(text)).step).toBe(step));
});

describe('a recipient address that is no address', () => {
  it.each([
    ['501 <null>: recipient address must contain a domain', 'syntaxerror'],
    ['com.sun.mail.smtp.SMTPAddressFailedException: 501 <null>: recipient address must contain a domain', 'syntaxerror'],
    // (with an X.1.3 code the enhanced code decides the reason: sisimai's userunknown)
    ['501 5.1.3 Bad recipient address syntax', 'userunknown'],
  ])('%s → the malformed-recipient step', async (text, reason) => {
    const r = await read(text);
    expect(r.step).toBe('smtp.recipient-unknown');
    expect(r.reason).toBe(reason);
  });

  it.each([
    // the same words about the sender are the sender's
    ['501 <bob>: sender address must contain a domain', 'smtp.sender-invalid'],
    // a recipient refused for relaying is no syntax error
    ['554 5.7.1 <a@example.net>: Relay access denied', 'smtp.relay-denied'],
  ])('%s → %s (not a malformed recipient)', async (text, step) => expect((await read(text)).step).toBe(step));
});
