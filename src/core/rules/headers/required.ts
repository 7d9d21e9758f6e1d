// headers.missing-date and headers.missing-from: RFC 5322 §3.6 requires an
// origination date and an originator. MDaemon refuses messages without them
// ("Message does not conform to standards"), Gmail refuses them as not RFC 5322
// compliant (550 5.7.1), and SpamAssassin scores MISSING_DATE / MISSING_FROM.

import type { Step } from '../../types';
import type { Rule } from '../rule';
import { formatMailDate } from '../../mail/date';
import { messageView, passStep, RFC5322, section, NOT_COMPLIANT } from './common';
import { fieldsNamed } from '../../mail/header-block';

const DATE_SOURCES = [
  RFC5322,
  'RFC 5322 §3.6.1 (the origination date field)',
  'https://support.google.com/a/answer/81126 (Gmail: messages must be RFC 5322 compliant)',
];
const FROM_SOURCES = [
  RFC5322,
  'RFC 5322 §3.6.2 (originator fields)',
  'https://support.google.com/a/answer/81126 (Gmail: messages must be RFC 5322 compliant)',
];

export const missingDate: Rule = {
  steps: [{ id: 'headers.missing-date', explains: NOT_COMPLIANT }],
  reads: [],
  sources: DATE_SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const dates = fieldsNamed(v.fields, 'date');
    if (dates.length)
      return [
        passStep('headers.missing-date', 'The message has a Date: header', DATE_SOURCES, [
          { text: `Date: ${dates[0].value}`, line: dates[0].line },
        ]),
      ];
    const firstHop = ctx.evidence.hops.find((h) => h.date);
    const example = formatMailDate(firstHop?.date ? Date.parse(firstHop.date) : Date.UTC(2025, 0, 6, 9, 30, 0));
    const step: Step = {
      rule: 'headers.missing-date',
      status: 'fail',
      title: 'The message has no Date: header',
      evidence: [{ text: `No Date: field in ${section(v)}`, line: v.firstLine }],
      detail:
        'RFC 5322 requires every message to carry the date it was written. Receivers that check conformance refuse messages without it (MDaemon, Gmail), and spam filters count it against the message. A mail server may add a Date when it accepts a submission, but only for its own authenticated users — scripts and devices that talk SMTP straight to the receiver must write it themselves.',
      fix: [
        `Make the program that writes the message add the header, in the form: Date: ${example}`,
        "In code, use the mail library's date helper rather than writing the header by hand (PHP: date(DATE_RFC2822); Python: email.utils.formatdate(localtime=True); .NET: MailMessage adds it; Java: MimeMessage.setSentDate()).",
      ],
      verify: ['Send a test message to yourself and check that "Date:" appears once in its headers (Gmail: Show original).'],
      sources: DATE_SOURCES,
    };
    return [step];
  },
};

export const missingFrom: Rule = {
  steps: [{ id: 'headers.missing-from', explains: NOT_COMPLIANT }],
  reads: [],
  sources: FROM_SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const from = fieldsNamed(v.fields, 'from');
    if (from.length)
      return [
        passStep('headers.missing-from', 'The message has a From: header', FROM_SOURCES, [
          { text: `From: ${from[0].value}`, line: from[0].line },
        ]),
      ];
    const sender = fieldsNamed(v.fields, 'sender')[0];
    const mailFrom = v.facts?.mailFrom?.address;
    const example = sender?.value ?? (mailFrom ? `<${mailFrom}>` : '"Sales" <sales@example.org>');
    return [
      {
        rule: 'headers.missing-from',
        status: 'fail',
        title: 'The message has no From: header',
        evidence: [
          {
            text: `No From: field in ${section(v)}${sender ? ` (there is a Sender: on line ${sender.line}, which does not replace From:)` : ''}`,
            line: v.firstLine,
          },
        ],
        detail:
          'RFC 5322 requires a From: field naming the author. Without it receivers cannot show who sent the message, DMARC has no domain to check, and strict receivers refuse it (MDaemon, Gmail).',
        fix: [
          `Make the program that writes the message add: From: ${example}`,
          'Use an address in a domain you control and that passes SPF/DKIM, so that DMARC can align.',
        ],
        verify: ['Send a test message and check that "From:" appears exactly once in its headers.'],
        sources: FROM_SOURCES,
      },
    ];
  },
};
