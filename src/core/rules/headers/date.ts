// headers.invalid-date: the Date: value against RFC 5322 §3.3 (and the
// obsolete forms of §4.3), and against the time the first server received
// the message: a date hours in the future or days in the past is what
// SpamAssassin's DATE_IN_FUTURE_* / DATE_IN_PAST_* tests score, and what a
// wrong clock or time zone on the sending machine produces.

import type { Step } from '../../types';
import type { Rule } from '../rule';
import { checkDateField, formatMailDate } from '../../mail/date';
import { messageView, passStep, quote, NOT_COMPLIANT } from './common';
import { fieldsNamed } from '../../mail/header-block';

const SOURCES = [
  'RFC 5322 §3.3 (date and time specification)',
  'RFC 5322 §4.3 (obsolete date and time)',
  'https://spamassassin.apache.org/old/tests_3_3_x.html (DATE_IN_FUTURE_03_06 …, DATE_IN_PAST_96_XX)',
];

/** SpamAssassin's lightest future test starts at 3 hours; its past tests at 96 hours (rules 72_active.cf). */
const FUTURE_MS = 3 * 3600_000;
const PAST_MS = 96 * 3600_000;

function hours(ms: number): string {
  const h = Math.abs(ms) / 3600_000;
  return h >= 48 ? `${Math.round(h / 24)} days` : `${Math.round(h)} hours`;
}

export const invalidDate: Rule = {
  steps: [{ id: 'headers.invalid-date', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const f = fieldsNamed(v.fields, 'date')[0];
    if (!f) return [];
    const { date, problems } = checkDateField(f.value);
    const firstHop = ctx.evidence.hops.find((h) => h.date);
    const steps: Step[] = [];
    const example = formatMailDate(date?.ms ?? (firstHop?.date ? Date.parse(firstHop.date) : Date.UTC(2025, 0, 6, 9, 30)));
    const hard = problems.filter((p) => p.kind !== 'obsolete');
    if (problems.length) {
      steps.push({
        rule: 'headers.invalid-date',
        status: hard.length ? 'fail' : 'warn',
        title: `The Date: header is ${hard.length ? 'not a valid RFC 5322 date' : 'in an obsolete form'}: ${problems[0].text}`,
        evidence: [{ text: quote(f), line: f.line }, ...problems.slice(1).map((p) => ({ text: p.text, line: f.line }))],
        detail:
          'Receivers parse Date: to order mail and to check it; a value they cannot read makes the message non-conforming (MDaemon, Gmail) and scores as spam (SpamAssassin INVALID_DATE). Hand-made date strings (localised month names, missing zone, two-digit years) are the usual cause.',
        fix: [
          `Write it in the RFC 5322 form, e.g.: Date: ${example}`,
          'Let the mail library format it (PHP date(DATE_RFC2822); Python email.utils.formatdate(); .NET and Java mail APIs set it themselves).',
        ],
        verify: ['Send a test message and check the Date: line in its raw headers.'],
        sources: SOURCES,
      });
    }
    if (date && firstHop?.date) {
      const received = Date.parse(firstHop.date);
      const diff = date.ms - received;
      if (diff > FUTURE_MS || diff < -PAST_MS) {
        const future = diff > 0;
        steps.push({
          rule: 'headers.invalid-date',
          status: 'warn',
          title: `The Date: header is ${hours(diff)} ${future ? 'after' : 'before'} the first server received the message`,
          evidence: [
            { text: quote(f), line: f.line },
            { text: `First received ${firstHop.date}${firstHop.by ? ` by ${firstHop.by}` : ''}`, line: firstHop.line },
          ],
          detail: future
            ? 'A date in the future usually means the sending machine has the wrong clock or time zone (a local time labelled +0000). Spam filters score it (DATE_IN_FUTURE_*), and it sorts the message above newer mail.'
            : "A date days before sending means the message sat in a queue or outbox, or the sending machine's clock is wrong. Spam filters score it (DATE_IN_PAST_*).",
          fix: [
            "Set the sending machine's clock by NTP and its time zone correctly, and write Date: with the right offset (e.g. +0100 for local time in CET, not +0000).",
          ],
          verify: ['Compare the Date: of a new test message with the time on the first Received: line.'],
          sources: SOURCES,
        });
      }
    }
    if (!steps.length)
      steps.push(
        passStep(
          'headers.invalid-date',
          `The Date: header is a valid RFC 5322 date${firstHop ? ' close to the time of sending' : ''}`,
          SOURCES,
          [{ text: quote(f), line: f.line }],
        ),
      );
    return steps;
  },
};
