// headers.missing-mime-version: RFC 2045 §4 — a MIME message MUST carry
// "MIME-Version: 1.0". Without it, Content-Type and Content-Transfer-Encoding
// may be ignored (the body shows as raw base64 or HTML), and strict receivers
// call the message non-conforming.

import type { Rule } from '../rule';
import { messageView, passStep, quote, NOT_COMPLIANT } from './common';
import { fieldsNamed } from '../../mail/header-block';

const SOURCES = ['RFC 2045 §4 (MIME-Version header field)'];

export const missingMimeVersion: Rule = {
  steps: [{ id: 'headers.missing-mime-version', explains: NOT_COMPLIANT }],
  reads: [],
  sources: SOURCES,
  run(ctx) {
    const v = messageView(ctx);
    if (!v?.complete) return [];
    const mime = fieldsNamed(v.fields, 'content-type')[0] ?? fieldsNamed(v.fields, 'content-transfer-encoding')[0];
    if (!mime) return [];
    const version = fieldsNamed(v.fields, 'mime-version')[0];
    if (version) {
      if (/^\s*1\.0\b/.test(version.value.replace(/\([^()]*\)/g, '').trim()))
        return [
          passStep('headers.missing-mime-version', 'MIME-Version: 1.0 is present', SOURCES, [{ text: quote(version), line: version.line }]),
        ];
      return [
        {
          rule: 'headers.missing-mime-version',
          status: 'fail',
          title: `MIME-Version: says "${version.value.trim()}"; the only version is 1.0`,
          evidence: [{ text: quote(version), line: version.line }],
          fix: ['Write: MIME-Version: 1.0'],
          verify: [],
          sources: SOURCES,
        },
      ];
    }
    return [
      {
        rule: 'headers.missing-mime-version',
        status: 'warn',
        title: `${mime.name}: is present but MIME-Version: is missing`,
        evidence: [{ text: quote(mime), line: mime.line }],
        detail:
          'Without "MIME-Version: 1.0" readers may ignore the MIME headers and show the body as raw encoded text; receivers that check conformance count it against the message.',
        fix: [
          'Add the header: MIME-Version: 1.0',
          'Mail libraries add it when they build a MIME message; its absence means the MIME headers were written by hand.',
        ],
        verify: ['Send a test message and check its raw headers for MIME-Version: 1.0.'],
        sources: SOURCES,
      },
    ];
  },
};
