// headers.line-length: RFC 5322 §2.1.1 — each line MUST be no more than 998
// characters and SHOULD be no more than 78. Longer lines are cut or refused by
// relays (Exchange and Postfix enforce the 998 limit; Postfix
// line_length_limit = 2048 splits them), which breaks DKIM signatures.

import type { Step } from '../../types';
import type { Rule } from '../rule';
import { addedByReceiver, messageView, passStep, NOT_COMPLIANT } from './common';

const SOURCES = ['RFC 5322 §2.1.1 (line length limits: 998 MUST, 78 SHOULD)', 'RFC 5322 §2.2.3 (folding long header fields)'];
const HARD = 998;
const SOFT = 78;

export const lineLength: Rule = {
  steps: [{ id: 'headers.line-length', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v) return [];
    const steps: Step[] = [];
    const soft: { name: string; line: number; len: number }[] = [];
    for (const f of v.fields) {
      const lines = f.raw.split('\n');
      lines.forEach((l, k) => {
        const len = l.length;
        if (len > HARD) {
          steps.push({
            rule: 'headers.line-length',
            status: addedByReceiver(v, f) ? 'info' : 'fail',
            title: `Line ${f.line + k} (${f.name}:) is ${len} characters long; the limit is 998`,
            evidence: [{ text: `${l.slice(0, 120)}… (${len} characters)`, line: f.line + k }],
            detail:
              'RFC 5322 forbids lines over 998 characters. Relays cut or refuse them, and a cut line breaks the DKIM signature. The usual cause is a program writing a long To:/Cc: list or a long encoded Subject on one line.',
            fix: [
              `Fold the ${f.name}: field: break it before a space (for address lists, after a comma) every 78 characters or less, starting each continuation line with a space or tab (RFC 5322 §2.2.3).`,
              'Mail libraries fold headers themselves; writing headers by hand is what produces long lines.',
            ],
            verify: ["Check a new test message's raw headers: no line over 998 (better: 78) characters."],
            sources: SOURCES,
          });
        } else if (len > SOFT && !addedByReceiver(v, f)) soft.push({ name: f.name, line: f.line + k, len });
      });
    }
    if (soft.length) {
      steps.push({
        rule: 'headers.line-length',
        status: 'info',
        title: `${soft.length} header line${soft.length > 1 ? 's are' : ' is'} longer than the recommended 78 characters`,
        evidence: soft.slice(0, 5).map((s) => ({ text: `${s.name}: line of ${s.len} characters`, line: s.line })),
        detail: 'Allowed (the hard limit is 998), but RFC 5322 recommends folding at 78 so that every reader shows the field whole.',
        fix: ['Fold long fields at a space before column 78, continuing on a line that starts with whitespace.'],
        verify: [],
        sources: SOURCES,
      });
    }
    if (!steps.length) steps.push(passStep('headers.line-length', 'No header line is longer than 78 characters', SOURCES));
    return steps;
  },
};
