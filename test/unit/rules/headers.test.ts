// Every message conformance rule (headers.*) with a failing and a passing
// form: the same small message, changed in one place.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import type { Status } from '../../../src/core/types';

const BASE: Record<string, string> = {
  Received:
    'from mail.sender.example (mail.sender.example [198.51.100.7]) by mx.receiver.example (Postfix) with ESMTPS id 4XyZ; Tue, 4 Mar 2025 10:11:09 +0000',
  From: '"Anna Sender" <anna@sender.example>',
  To: 'bob@receiver.example',
  Subject: 'Quarterly report',
  Date: 'Tue, 4 Mar 2025 10:11:05 +0000',
  'Message-ID': '<20250304101105.4f1c@sender.example>',
  'MIME-Version': '1.0',
  'Content-Type': 'text/plain; charset=UTF-8',
};

/** A message from BASE with fields replaced (string), removed (null) or added (extra lines). */
function message(changes: Record<string, string | null> = {}, extra: string[] = [], eol = '\r\n'): string {
  const fields = { ...BASE, ...changes };
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return [...lines, ...extra, '', 'Hello Bob,', ''].join(eol);
}

async function statuses(text: string, rule: string, exactBytes = false): Promise<Status[]> {
  const r = await analyze(text, { exactBytes });
  return r.checklist.filter((s) => s.rule === rule).map((s) => s.status);
}

interface Case {
  rule: string;
  failing: string;
  failStatus: Status;
  passing?: string;
  exactBytes?: boolean;
}

const CASES: [string, Case][] = [
  ['missing Date', { rule: 'headers.missing-date', failing: message({ Date: null }), failStatus: 'fail' }],
  ['missing From', { rule: 'headers.missing-from', failing: message({ From: null }), failStatus: 'fail' }],
  ['two From fields', { rule: 'headers.duplicate', failing: message({}, ['From: other@sender.example']), failStatus: 'fail' }],
  ['two Subject fields', { rule: 'headers.duplicate', failing: message({}, ['Subject: again']), failStatus: 'fail' }],
  [
    'From with an unquoted comma',
    { rule: 'headers.invalid-address', failing: message({ From: 'Sender, Anna <anna@sender.example>' }), failStatus: 'fail' },
  ],
  [
    'To without angle brackets',
    { rule: 'headers.invalid-address', failing: message({ To: 'Bob Receiver bob@receiver.example' }), failStatus: 'fail' },
  ],
  ['From with an IDN domain', { rule: 'headers.invalid-address', failing: message({ From: 'anna@bücher.example' }), failStatus: 'warn' }],
  [
    'several authors without Sender',
    {
      rule: 'headers.missing-sender',
      failing: message({ From: 'anna@sender.example, carl@sender.example' }),
      failStatus: 'fail',
      passing: message({ From: 'anna@sender.example, carl@sender.example' }, ['Sender: anna@sender.example']),
    },
  ],
  ['Date not RFC 5322', { rule: 'headers.invalid-date', failing: message({ Date: '2025-03-04 10:11:05' }), failStatus: 'fail' }],
  [
    'Date with a wrong weekday',
    { rule: 'headers.invalid-date', failing: message({ Date: 'Mon, 4 Mar 2025 10:11:05 +0000' }), failStatus: 'fail' },
  ],
  [
    'Date hours in the future',
    { rule: 'headers.invalid-date', failing: message({ Date: 'Tue, 4 Mar 2025 18:11:05 +0000' }), failStatus: 'warn' },
  ],
  [
    'Date with an obsolete zone name',
    { rule: 'headers.invalid-date', failing: message({ Date: 'Tue, 4 Mar 2025 10:11:05 GMT' }), failStatus: 'warn' },
  ],
  ['missing Message-ID', { rule: 'headers.missing-message-id', failing: message({ 'Message-ID': null }), failStatus: 'warn' }],
  [
    'Message-ID without brackets',
    { rule: 'headers.invalid-message-id', failing: message({ 'Message-ID': '20250304101105.4f1c@sender.example' }), failStatus: 'fail' },
  ],
  ['raw UTF-8 Subject', { rule: 'headers.8bit', failing: message({ Subject: 'Größe und Preis' }), failStatus: 'warn' }],
  ['control character in Subject', { rule: 'headers.8bit', failing: message({ Subject: 'Bell\u0007 here' }), failStatus: 'fail' }],
  [
    'a 1200-character line',
    {
      rule: 'headers.line-length',
      failing: message({ To: Array.from({ length: 60 }, (_, i) => `user${i}@receiver.example`).join(',') }),
      failStatus: 'fail',
    },
  ],
  ['a 90-character line (advice)', { rule: 'headers.line-length', failing: message({ Subject: 'x'.repeat(90) }), failStatus: 'info' }],
  [
    'a bare LF in CRLF headers',
    {
      rule: 'headers.bare-newline',
      failing: message({ Subject: 'Quarterly report' }).replace('Subject: Quarterly report\r\n', 'Subject: Quarterly report\n'),
      failStatus: 'fail',
      exactBytes: true,
    },
  ],
  [
    'a line that is not a field',
    { rule: 'headers.invalid-field-name', failing: message({}, ['this line lost its fold']), failStatus: 'fail' },
  ],
  ['space before the colon', { rule: 'headers.invalid-field-name', failing: message({}, ['X-Mailer : Script 1.0']), failStatus: 'warn' }],
  [
    'Content-Type without MIME-Version',
    { rule: 'headers.missing-mime-version', failing: message({ 'MIME-Version': null }), failStatus: 'warn' },
  ],
];

describe('headers.* rules: failing and passing forms', () => {
  it.each(CASES)('%s', async (_name, c) => {
    expect(await statuses(c.failing, c.rule, c.exactBytes)).toContain(c.failStatus);
    const passing = await statuses(c.passing ?? message(), c.rule, c.exactBytes);
    expect(passing).toEqual(['pass']);
  });

  it('many stray lines (folds lost in a paste) are one step, not one per line', async () => {
    const r = await analyze(message({}, ['X-Long: a', 'b c', 'd e', 'f g', 'h i']));
    const steps = r.checklist.filter((s) => s.rule === 'headers.invalid-field-name');
    expect(steps.map((s) => s.status)).toEqual(['warn']);
    expect(steps[0].title).toMatch(/^4 lines/);
  });

  it('each failing step names the offending line and gives a fix', async () => {
    const r = await analyze(message({ From: 'Sender, Anna <anna@sender.example>', Date: null }, ['Subject: again']));
    for (const s of r.checklist.filter((x) => x.rule.startsWith('headers.') && (x.status === 'fail' || x.status === 'warn'))) {
      expect(s.evidence.some((e) => e.line > 0)).toBe(true);
      expect(s.fix.length).toBeGreaterThan(0);
    }
    const addr = r.checklist.find((s) => s.rule === 'headers.invalid-address')!;
    expect(addr.evidence[0]).toMatchObject({ line: 2 });
    expect(addr.fix.join(' ')).toContain('"Sender, Anna" <anna@sender.example>');
    const date = r.checklist.find((s) => s.rule === 'headers.missing-date')!;
    expect(date.fix.join(' ')).toMatch(/Date: Tue, 4 Mar 2025 10:11:09 \+0000/);
  });

  it('the RFC 2047 fix for a raw UTF-8 subject decodes back to the subject', async () => {
    const r = await analyze(message({ Subject: 'Größe und Preis' }));
    const fix = r.checklist.find((s) => s.rule === 'headers.8bit')!.fix[0];
    const b64 = /=\?UTF-8\?B\?([^?]+)\?=/.exec(fix)![1];
    expect(Buffer.from(b64, 'base64').toString('utf8')).toBe('Größe und Preis');
  });

  it('a fragment of trace fields is not judged for missing Date/From', async () => {
    const r = await analyze(`Received: ${BASE.Received}\nReceived: from a (a [10.0.0.1]) by b; Tue, 4 Mar 2025 10:11:00 +0000\n`);
    expect(r.checklist.filter((s) => /missing-(date|from)/.test(s.rule))).toEqual([]);
  });

  it('raw UTF-8 carried with SMTPUTF8 is only information', async () => {
    const text = message(
      {
        Subject: 'Größe',
        Received:
          'from mail.sender.example (mail.sender.example [198.51.100.7]) by mx.receiver.example with UTF8SMTPS id 1; Tue, 4 Mar 2025 10:11:09 +0000',
      },
      [],
    );
    expect(await statuses(text, 'headers.8bit')).toEqual(['info']);
  });
});
