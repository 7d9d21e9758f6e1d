// headers.duplicate: RFC 5322 §3.6 allows at most one of each of these
// fields. MDaemon refuses a second From: or Subject: ("does not conform to
// standards", MDaemon FAQ 684); Gmail refuses duplicate From/To/Subject/Date/
// Message-ID as not RFC 5322 compliant.

import type { Step } from '../../types';
import type { Rule } from '../rule';
import { messageView, passStep, quote, RFC5322, NOT_COMPLIANT } from './common';
import { fieldsNamed } from '../../mail/header-block';

/** RFC 5322 §3.6, the "max number" column: fields that may occur at most once. */
const SINGLE = ['date', 'from', 'sender', 'reply-to', 'to', 'cc', 'bcc', 'message-id', 'in-reply-to', 'references', 'subject'];
/** Address fields whose duplicates can be merged into one list. */
const LISTS = new Set(['to', 'cc', 'bcc', 'reply-to']);

const SOURCES = [
  RFC5322,
  'https://www.altn.com/Support/FAQ/FAQResults/?Number=684 (MDaemon: more than one From: or Subject: is not RFC compliant)',
];

export const duplicateHeaders: Rule = {
  steps: [{ id: 'headers.duplicate', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const steps: Step[] = [];
    for (const name of SINGLE) {
      const found = fieldsNamed(v.fields, name);
      if (found.length < 2) continue;
      const shown = found[0].name;
      const merged = LISTS.has(name)
        ? `${shown}: ${found
            .map((f) => f.value.trim())
            .filter(Boolean)
            .join(', ')}`
        : null;
      steps.push({
        rule: 'headers.duplicate',
        status: 'fail',
        title: `The message has ${found.length} ${shown}: headers; RFC 5322 allows one`,
        evidence: found.map((f) => ({ text: quote(f), line: f.line })),
        detail:
          'A second copy of a field that may occur once makes the message non-conforming; receivers that check refuse it, and those that do not may show either copy (a trick phishing uses with From:). It usually comes from a program that adds its own header on top of one already present.',
        fix: merged
          ? [
              `Write one field with all the addresses: ${merged}`,
              `Remove the ${shown}: lines ${found
                .slice(1)
                .map((f) => f.line)
                .join(', ')}.`,
            ]
          : [
              `Keep one ${shown}: header (line ${found[0].line}) and remove the others (line${found.length > 2 ? 's' : ''} ${found
                .slice(1)
                .map((f) => f.line)
                .join(', ')}).`,
              `Find where the second one comes from: the program adds ${shown}: itself while a template, a mail library or a gateway adds another.`,
            ],
        verify: [`Send a test message and check that "${shown}:" appears once in its headers.`],
        sources: SOURCES,
      });
    }
    if (!steps.length) steps.push(passStep('headers.duplicate', 'No header that may occur once occurs twice', SOURCES));
    return steps;
  },
};
