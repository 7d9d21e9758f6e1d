// headers.invalid-field-name: a header field is name ":" value, the name
// printable ASCII without ":" or spaces (RFC 5322 §2.2, §3.6.8). A line inside
// the header section that is neither a field nor a continuation, or a name
// with a space before the colon (obsolete, §4.5), makes strict receivers stop
// reading the headers there — the rest becomes body — or refuse the message.

import type { Step } from '../../types';
import type { Rule } from '../rule';
import { readHeaderBlock } from '../../mail/header-block';
import { messageView, passStep, quote, NOT_COMPLIANT } from './common';

const SOURCES = [
  'RFC 5322 §2.2 (header fields)',
  'RFC 5322 §3.6.8 (field-name: printable US-ASCII except colon)',
  'RFC 5322 §4.5 (obsolete: white space before the colon)',
];

export const invalidFieldName: Rule = {
  steps: [{ id: 'headers.invalid-field-name', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    const m = ctx.evidence.message;
    if (!v || !m) return [];
    const steps: Step[] = [];
    // lines inside the section that are not fields: read the block again to find them
    const headEnd = m.raw.indexOf('\r\n\r\n');
    const lines = (headEnd < 0 ? m.raw : m.raw.slice(0, headEnd)).split('\r\n');
    const block = readHeaderBlock(lines, 0, m.firstLine);
    if (block.malformed.length > 3) {
      // many at once: usually folded lines that lost their leading space in a copy and paste
      const bad = block.malformed;
      steps.push({
        rule: 'headers.invalid-field-name',
        status: m.exactBytes ? 'fail' : 'warn',
        title: `${bad.length} lines inside the headers are not header fields`,
        evidence: bad.slice(0, 8).map((b) => ({ text: b.text.slice(0, 160), line: b.line })),
        detail: m.exactBytes
          ? 'Receivers read a line without "Name:" as the end of the headers or refuse the message. Folded lines that lost their leading space are the usual cause.'
          : 'In a paste this is often the copy, not the message: some pages drop the leading space of folded lines. If so, paste the raw headers again (or drop the .eml); otherwise, these lines break the message for receivers.',
        fix: ['Start every continuation line of a folded field with a space or tab, and remove lines that are not "Name: value".'],
        verify: ['Send a test message and check that all its headers are shown as headers.'],
        sources: SOURCES,
      });
    }
    for (const bad of block.malformed.length > 3 ? [] : block.malformed) {
      const colon = bad.text.indexOf(':');
      const fix =
        colon > 0 && /\s/.test(bad.text.slice(0, colon).trim())
          ? `"${bad.text.slice(0, colon).trim()}" is not a field name (no spaces allowed). If it continues the field above, start the line with a space or tab; otherwise remove it.`
          : /^\s/.test(bad.text)
            ? 'Remove the stray indented line, or move it under the field it belongs to.'
            : `If this line continues the field above, start it with a space or tab: " ${bad.text.slice(0, 60)}". Otherwise remove it, or write it as Name: value.`;
      steps.push({
        rule: 'headers.invalid-field-name',
        status: 'fail',
        title: `Line ${bad.line} inside the headers is not a header field`,
        evidence: [{ text: bad.text.slice(0, 200), line: bad.line }],
        detail:
          'Receivers read a line without "Name:" as the end of the headers (the rest of the headers then show as body text) or refuse the message as malformed. A folded line that lost its leading space is the usual cause.',
        fix: [fix],
        verify: ['Send a test message and check that all its headers are shown as headers.'],
        sources: SOURCES,
      });
    }
    for (const f of v.fields) {
      if (!/^[^:]*[ \t]:/.test(f.raw.split('\n')[0])) continue;
      steps.push({
        rule: 'headers.invalid-field-name',
        status: 'warn',
        title: `${f.name}: has white space before the colon (obsolete syntax)`,
        evidence: [{ text: quote(f), line: f.line }],
        detail:
          'RFC 5322 §4.5 still lets readers accept "Name :", but writers must not produce it; strict receivers count it as non-conforming.',
        fix: [`Write it as "${f.name}: …" with the colon right after the name.`],
        verify: [],
        sources: SOURCES,
      });
    }
    if (!steps.length)
      steps.push(passStep('headers.invalid-field-name', 'Every line of the header section is a well-formed field', SOURCES));
    return steps;
  },
};
