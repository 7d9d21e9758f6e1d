// Partial input (issue 11 point 3): a header paste that may not hold every
// field says what is not in the input; it never calls the message "missing"
// a field the paste left out. Each shape with a failing and a passing form.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const FIELDS = [
  'Received: from mail.sender.example (mail.sender.example [198.51.100.7]) by mx.receiver.example (Postfix) with ESMTPS id 4XyZ; Tue, 4 Mar 2025 10:11:09 +0000',
  'From: "Anna Sender" <anna@sender.example>',
  'To: bob@receiver.example',
  'Subject: Quarterly report',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
];
const BODY = ['', 'Hello Bob,', ''];

async function status(text: string, rule: string): Promise<string | undefined> {
  const r = await analyze(text);
  return r.checklist.find((s) => s.rule === rule)?.status;
}

describe('a field that is not among the pasted headers', () => {
  it('headers alone (no body): Date and Message-ID are not in the input, not missing', async () => {
    const text = FIELDS.join('\n');
    expect(await status(text, 'headers.missing-date')).toBe('inconclusive');
    expect(await status(text, 'headers.missing-message-id')).toBe('inconclusive');
    const r = await analyze(text);
    const step = r.checklist.find((s) => s.rule === 'headers.missing-date')!;
    expect(step.title).toMatch(/not hold/);
    expect(step.evidence[0].text).toMatch(/headers only/);
  });
  it('the same headers with the body after them: the message has no Date (fail)', async () => {
    expect(await status([...FIELDS, ...BODY].join('\n'), 'headers.missing-date')).toBe('fail');
    expect(await status([...FIELDS, ...BODY].join('\n'), 'headers.missing-message-id')).toBe('warn');
  });
  it('lines left out ("[...]") inside the headers, body present: not in the input', async () => {
    const text = [...FIELDS.slice(0, 2), '[...]', ...FIELDS.slice(2), ...BODY].join('\n');
    expect(await status(text, 'headers.missing-date')).toBe('inconclusive');
  });
  it('a paste that stops mid-field: not in the input', async () => {
    const text = [...FIELDS.slice(0, 5), 'Content-Type: multipart/alternative;'].join('\n');
    expect(await status(text, 'headers.missing-date')).toBe('inconclusive');
  });
  it('a field that is there passes whatever the paste', async () => {
    expect(await status([...FIELDS, 'Date: Tue, 4 Mar 2025 10:11:05 +0000'].join('\n'), 'headers.missing-date')).toBe('pass');
  });
  it("a bounce's returned header section is whole as the server wrote it: its missing Date fails", async () => {
    const bounce = [
      'From: MAILER-DAEMON@mx.receiver.example',
      'To: anna@sender.example',
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain',
      '',
      '<bob@receiver.example>: host mx.receiver.example[198.51.100.25] said: 554 5.6.0 Message does not conform to standards: missing Date header (in reply to end of DATA command)',
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mail.sender.example',
      '',
      'Final-Recipient: rfc822; bob@receiver.example',
      'Action: failed',
      'Status: 5.6.0',
      'Diagnostic-Code: smtp; 554 5.6.0 Message does not conform to standards: missing Date header',
      '',
      '--B1',
      'Content-Type: text/rfc822-headers',
      '',
      ...FIELDS.slice(1),
      '',
      '--B1--',
    ].join('\n');
    expect(await status(bounce, 'headers.missing-date')).toBe('fail');
  });
});
