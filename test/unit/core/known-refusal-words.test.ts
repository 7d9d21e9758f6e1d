// A short paste is read as mail-delivery evidence when its words are a known
// refusal, even without a notice's frame or a reply line where a reply line
// would be (parse/bounce/known-words.ts): a sentence copied out of an NDR in
// its language, an application's error, a gateway's log cell, a reply after
// prose. Words nobody's table knows, and prose, stay unknown.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const read = async (text: string) => {
  const r = await analyze(text);
  return {
    kind: r.inputs[0]?.kind,
    reason: r.rejections[0]?.reason,
    first: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule,
  };
};

describe('known refusal words in a short paste', () => {
  it.each([
    [
      "The recipient's mailbox is full and can't accept messages now. Please try resending your message later, or contact the recipient directly.",
      'smtp.mailbox-full',
    ],
    ['Das Postfach des Empfängers ist voll und kann zurzeit keine Nachrichten annehmen.', 'smtp.mailbox-full'],
    ['Please contact your Internet service provider since part of their network is on our block list.', 'reputation.blocked'],
    [
      'Access denied, sending domain [EXAMPLE.ORG] does not pass DMARC\n    verification and has a DMARC policy of reject. (in reply to end of DATA\n    command)',
      'dmarc.fail',
    ],
    [
      '{ "errorMessage": "MessageRejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: a@example.org" }',
      'smtp.sender-invalid',
    ],
    [
      ' Message   SPF=FAIL: (header from: a@example.org) indicates that MTA (192.0.2.8) is not permitted to send email for example.org',
      'spf.fail',
    ],
    ['550 mail dropped, bare LF found', 'smtp.not-compliant'],
    ['554 Throttling failure: Maximum sending rate exceeded.', 'smtp.rate-limited'],
    // Exchange Online's fixed NDR sentences for a recipient system that never took the connection (4.4.7), pasted
    // without the technical block
    [
      "Your message couldn't be delivered. Despite repeated attempts to contact the recipient's email system it didn't respond.",
      'smtp.connection-failed',
    ],
    // … the same sentence as a web page escapes its apostrophes
    [
      'Your message couldn&#39;t be delivered. Despite repeated attempts to contact the recipient&#39;s email system it didn&#39;t respond.',
      'smtp.connection-failed',
    ],
    // QQ Mail's submission server judging a message's words (its users' logs: Python smtplib's tuple)
    ["smtp failed: (550, b'The mail may contain inappropriate words or content.')", 'smtp.content-rejected'],
  ])('%s', async (text, first) => {
    const r = await read(text);
    expect(r.kind).toBe('bounce');
    expect(r.first).toBe(first);
  });

  it.each([
    // prose about mail, with no refusal in it
    ['Hi, how do I set up SPF and DKIM for my domain? Thanks.'],
    // the same words about a person, in a letter: no mail system is named
    ['Despite repeated attempts to contact the landlord, he did not respond to our letters.'],
    // a number and words nobody knows
    ['500 people came to the meeting yesterday'],
    // a long document that mentions a refusal in passing is not a paste of one
    [
      Array.from({ length: 30 }, (_, i) => `Line ${i} of a long note about our mail server migration plans.`).join('\n') +
        "\nThe recipient's mailbox is full.",
    ],
  ])('not a refusal: %s', async (text) => expect((await read(text)).kind).toBe('unknown'));
});

describe("QQ Mail's words for a message it judges by its words", () => {
  it.each([
    [
      'after DATA',
      'host smtp.example[192.0.2.7] said: 550 The mail may contain inappropriate words or content. (in reply to end of DATA command)',
      'spamdetected',
    ],
    // the same "may contain" about something that is not the message's words is no content verdict
    [
      'a look-alike about a mailbox',
      'host smtp.example[192.0.2.7] said: 550 The mailbox may contain inappropriate folders (in reply to end of DATA command)',
      undefined,
    ],
  ])('%s', async (_n, text, reason) => {
    const r = await read(text);
    if (reason) expect(r.reason).toBe(reason);
    else expect(r.reason).not.toBe('spamdetected');
  });
});
