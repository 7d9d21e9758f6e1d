// headers.missing-message-id and headers.invalid-message-id: RFC 5322 §3.6.4
// says every message SHOULD have a Message-ID of the form <left@right>.
// Gmail refuses bulk mail without a valid one ("550 5.7.1 … missing a valid
// Message-ID header"); SpamAssassin scores MISSING_MID and INVALID_MSGID.

import type { Rule } from '../rule';
import { checkMessageId } from '../../mail/message-id';
import { messageView, notInPaste, passStep, quote, section, NOT_COMPLIANT } from './common';
import { fieldsNamed } from '../../mail/header-block';

const SOURCES = [
  'RFC 5322 §3.6.4 (identification fields)',
  'https://support.google.com/a/answer/81126 (Gmail sender guidelines: RFC 5322, Message-ID)',
];

function exampleId(ctx: Parameters<Rule['run']>[0]): string {
  const domain = ctx.subjects.fromDomain?.value ?? ctx.subjects.mailFromDomain?.value ?? '<your domain>';
  return `<20250106093000.4f1c2d@${domain}>`;
}

export const missingMessageId: Rule = {
  steps: [{ id: 'headers.missing-message-id', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const ids = fieldsNamed(v.fields, 'message-id');
    if (ids.length)
      return [
        passStep('headers.missing-message-id', 'The message has a Message-ID: header', SOURCES, [
          { text: quote(ids[0]), line: ids[0].line },
        ]),
      ];
    const partial = notInPaste(ctx, v, 'headers.missing-message-id', 'Message-ID', SOURCES);
    if (partial) return partial;
    return [
      {
        rule: 'headers.missing-message-id',
        status: 'warn',
        title: 'The message has no Message-ID: header',
        evidence: [{ text: `No Message-ID: field in ${section(v)}`, line: v.firstLine }],
        detail:
          'RFC 5322 says every message should carry a unique Message-ID. Gmail refuses bulk mail without one, other receivers add one themselves or score its absence as spam, and replies cannot be threaded.',
        fix: [
          `Make the program that writes the message add a unique one, e.g.: Message-ID: ${exampleId(ctx)}`,
          'Mail libraries do this for you (PHPMailer, Python email.utils.make_msgid(), .NET MailMessage through SmtpClient, JavaMail).',
        ],
        verify: ['Send a test message and check that its raw headers have one Message-ID:.'],
        sources: SOURCES,
      },
    ];
  },
};

export const invalidMessageId: Rule = {
  steps: [{ id: 'headers.invalid-message-id', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const f = fieldsNamed(v.fields, 'message-id')[0];
    if (!f) return [];
    const problem = checkMessageId(f.value, v.facts?.smtputf8 ?? false);
    if (!problem)
      return [passStep('headers.invalid-message-id', 'The Message-ID is a valid <id@domain>', SOURCES, [{ text: quote(f), line: f.line }])];
    return [
      {
        rule: 'headers.invalid-message-id',
        status: 'fail',
        title: `The Message-ID: is not valid: ${problem}`,
        evidence: [{ text: quote(f), line: f.line }],
        detail:
          'A Message-ID must be "<" unique-part "@" domain ">" with no spaces. Receivers that check it refuse or score the message, and threading breaks.',
        fix: [`Write it as, e.g.: Message-ID: ${exampleId(ctx)}`],
        verify: ['Send a test message and check its Message-ID: in the raw headers.'],
        sources: SOURCES,
      },
    ];
  },
};
