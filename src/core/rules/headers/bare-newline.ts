// headers.bare-newline: in a message on the wire every line ends in CRLF
// (RFC 5322 §2.1, §2.3: CR and LF MUST only occur together). A lone CR or LF
// inside the headers is refused by strict receivers and is the raw material
// of SMTP smuggling (Postfix smtpd_forbid_bare_newline, Exchange, Gmail refuse
// it since 2024). Only visible in the original bytes (a dropped .eml): a
// paste has had its line ends normalised by the browser.

import type { Rule } from '../rule';
import { messageView, passStep, NOT_COMPLIANT } from './common';

const SOURCES = [
  'RFC 5322 §2.3 (CR and LF MUST only occur together as CRLF)',
  'https://www.postfix.org/smtp-smuggling.html (bare newlines and SMTP smuggling; smtpd_forbid_bare_newline)',
];

export const bareNewline: Rule = {
  steps: [{ id: 'headers.bare-newline', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.exactBytes) return [];
    const bare = v.facts?.bareLineEnds ?? [];
    if (!bare.length)
      return [passStep('headers.bare-newline', 'Every header line ends in CRLF (or the file uses one line ending throughout)', SOURCES)];
    const kinds = [...new Set(bare.map((b) => b.kind))].join(' and ');
    return [
      {
        rule: 'headers.bare-newline',
        status: 'fail',
        title: `${bare.length} header line${bare.length > 1 ? 's end' : ' ends'} in a bare ${kinds}, not CRLF`,
        evidence: bare.slice(0, 8).map((b) => ({ text: `Line ${b.line} ends in a lone ${b.kind}`, line: b.line })),
        detail:
          'Lines of a message must end in CR LF together. A lone LF or CR mixed in comes from a program that builds the message by gluing strings ("\\n" in one place, "\\r\\n" in another). Since the SMTP smuggling disclosures of 2023, Postfix, Exchange Online and Gmail refuse such messages.',
        fix: [
          'Make the program end every header line with "\\r\\n" (or let the mail library build the message), and never put a bare "\\n" or "\\r" inside a header value.',
        ],
        verify: ['Save a new test message as .eml and drop it here: this step should pass.'],
        sources: SOURCES,
      },
    ];
  },
};
