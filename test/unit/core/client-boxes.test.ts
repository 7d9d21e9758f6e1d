// Mail clients' own error boxes (no server reply in them), qmail-send's log
// lines (the report written with "_" for spaces and "/" for line breaks), and
// receivers' restrictions that only the recipient's owner can lift: each read
// for the problem it names, and near forms that must not be.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const read = async (text: string) => {
  const r = await analyze(text);
  const rej = r.rejections[0];
  return { kind: r.inputs[0]?.kind, stage: rej?.stage, step: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule };
};

describe("mail clients' own error boxes", () => {
  it.each([
    [
      'Sending of the message failed.\nThe message could not be sent because the connection to Outgoing server (SMTP) mail.example.org timed out. Try again.',
      'smtp.connection-failed',
    ],
    ['Send-Receive Error: 0x80042109 Outlook cannot connect to your outgoing (SMTP) e-mail server.', 'smtp.connection-failed'],
    ['Login to server smtp.example.org with username a@example.org failed.', 'smtp.login-failed'],
    ['Cannot Send Mail\nThe message was rejected by the server because it is too large.', 'smtp.message-too-large'],
    ['Cannot Send Mail\nThe recipient “a@example.net” was rejected by the server.', 'smtp.rejected'],
  ])('%s → %s', async (text, step) => expect(await read(text)).toMatchObject({ kind: 'bounce', step }));

  it('a client box that quotes the server keeps the server’s words (the passing form)', async () =>
    expect(
      await read(
        'An error occurred while sending mail. The mail server responded:\n5.7.1 <a@example.net>: Relay access denied.\nPlease check the message recipient "a@example.net" and try again.',
      ),
    ).toMatchObject({ kind: 'bounce', step: 'smtp.relay-denied', stage: 'rcpt' }));

  it('prose about an outgoing server is not an error box', async () =>
    expect((await read('How do I change the outgoing server (SMTP) port in Thunderbird to 587?')).kind).toBe('unknown'));
});

describe("an application's own error (PHPMailer)", () => {
  it.each([
    ['SMTP Error: Could not authenticate.', 'smtp.login-failed', 'unknown'],
    ['SMTP Error: Could not connect to SMTP host. Failed to connect to server', 'smtp.connection-failed', 'connect'],
    [
      'SMTP Error: data not accepted. SMTP server error: DATA END command failed Detail: Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: a@example.org SMTP code: 554',
      'smtp.sender-invalid',
      'end-of-data',
    ],
    [
      'SMTP server error: RCPT TO command failed Detail: <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table SMTP code: 550 Additional SMTP info: 5.1.1',
      'smtp.recipient-unknown',
      'rcpt',
    ],
  ])('%s → %s', async (text, step, stage) => expect(await read(text)).toMatchObject({ kind: 'bounce', step, stage }));
});

describe('notices in other languages, the sentence alone', () => {
  it.each([
    ["Votre message n'a pas pu être remis à a@example.net car l'adresse est introuvable.", 'smtp.recipient-unknown'],
    ['No se ha encontrado la dirección a@example.net o no puede recibir correo.', 'smtp.recipient-unknown'],
    ["Il messaggio non è stato recapitato perché l'indirizzo a@example.net non è stato trovato.", 'smtp.recipient-unknown'],
    ['A mensagem não foi entregue porque o endereço a@example.net não foi encontrado.', 'smtp.recipient-unknown'],
    ['La boîte aux lettres du destinataire est pleine.', 'smtp.mailbox-full'],
    ["以下の受信者にメールを配信できません :\n\n'a@example.jp'\n無効な受信者", 'smtp.recipient-unknown'],
    ['邮件投递失败：收件人地址不存在 a@example.cn', 'smtp.recipient-unknown'],
    ['Il messaggio non è stato consegnato: la casella del destinatario è piena.', 'smtp.mailbox-full'],
  ])('%s → %s', async (text, step) => expect(await read(text)).toMatchObject({ kind: 'bounce', step }));

  it('the same words in a long letter are not a notice (the passing form)', async () =>
    expect(
      (
        await read(
          // (twenty lines of a letter, each its own: a line repeated is counted once, as a program's repeated error is)
          Array.from({ length: 20 }, (_, i) => `Bonjour, voici les nouvelles de la semaine ${i + 1}.`).join('\n') +
            "\nL'adresse est introuvable.",
        )
      ).kind,
    ).toBe('unknown'));
});

describe('qmail-send log lines', () => {
  it.each([
    [
      '@400000005f1b2c3d0a1b2c3d delivery 42: failure: 192.0.2.27_does_not_like_recipient./Remote_host_said:_550-5.1.1_The_email_account_that_you_tried_to_reach_does_not_exist./',
      'rcpt',
      'smtp.recipient-unknown',
    ],
    [
      'delivery 17: deferral: Connected_to_203.0.113.5_but_greeting_failed./Remote_host_said:_421_4.7.0_[TSS04]_Messages_from_192.0.2.9_temporarily_deferred_due_to_user_complaints/',
      'connect',
      'reputation.blocked',
    ],
  ])('%s', async (text, stage, step) => expect(await read(text)).toMatchObject({ kind: 'qmail-log', stage, step }));

  it('an underscore outside a qmail delivery line is kept (the passing form)', async () => {
    const r = await analyze('550 5.1.1 <first_last@example.net>: Recipient address rejected: User unknown');
    expect(r.rejections[0].text).toContain('first_last@example.net');
  });
});

describe('restrictions only the recipient can lift', () => {
  it.each([
    [
      "Remote Server returned '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed as sender not authenticated'",
    ],
    ["Remote Server returned '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage]'"],
    ['550 5.7.1 The group sales only accepts messages from people in its organization or on its allowed senders list'],
  ])('%s → smtp.rejected for the recipient, not a login', async (text) => {
    const r = await analyze(text);
    const f = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')!;
    expect(f.rule).toBe('smtp.rejected');
    expect(f.fix.join(' ')).toMatch(/owner/);
  });

  it("Gmail's refusal of an end-user IP asks for a relay, not for authentication", async () => {
    const r = await analyze(
      "550-5.7.1 [192.0.2.5] The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead.",
    );
    const f = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')!;
    expect(f.rule).toBe('reputation.blocked');
    expect(f.fix.join(' ')).toMatch(/relay/);
  });
});
