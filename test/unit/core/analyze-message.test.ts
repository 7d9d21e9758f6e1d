// Headers and whole messages through analyze(): the origin hop feeds the live
// checks, the report carries the message facts, the MIME summary comes from
// postal-mime. DNS from the in-memory table resolver.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { tableResolver } from '../../support/table-resolver';

const HEADERS = [
  'Received: from mx.receiver.example (10.0.0.2) by mbox.receiver.example with LMTP; Tue, 4 Mar 2025 10:11:12 +0000',
  'Authentication-Results: mx.receiver.example; spf=fail smtp.mailfrom=news@sender.example; dkim=none; dmarc=fail header.from=sender.example',
  'Received: from mail.sender.example (unknown [198.51.100.7]) by mx.receiver.example (Postfix) with ESMTP id 4XyZ; Tue, 4 Mar 2025 10:11:09 +0000',
  'Authentication-Results: forged.example; spf=pass smtp.mailfrom=news@sender.example',
  'Received: from app (app [10.9.9.9]) by mail.sender.example (Postfix) with ESMTP id 1A; Tue, 4 Mar 2025 10:11:06 +0000',
  'From: News <news@sender.example>',
  'To: bob@receiver.example',
  'Subject: =?UTF-8?Q?Caf=C3=A9?= news',
  'Date: Tue, 4 Mar 2025 10:11:05 +0000',
  'Message-ID: <a1@sender.example>',
];

describe('analyze() on headers', () => {
  it('checks the origin hop: its IP, its HELO; not the internal hops', async () => {
    const resolver = tableResolver({ 'mail.sender.example A': ['198.51.100.7'], 'sender.example TXT': ['v=spf1 -all'] });
    const r = await analyze(HEADERS.join('\n') + '\n', { resolver });
    expect(r.inputs[0].kind).toBe('headers');
    expect(resolver.asked).toContain('7.100.51.198.in-addr.arpa PTR');
    expect(resolver.asked.some((q) => q.includes('10.9.9.9') || q.includes('9.9.9.10'))).toBe(false);
    expect(resolver.asked).toContain('mail.sender.example A');
    expect(resolver.asked).toContain('sender.example TXT');
    const ptr = r.checklist.find((s) => s.rule === 'ptr.missing')!;
    expect(ptr).toMatchObject({ status: 'fail' });
    expect(ptr.evidence[0]).toMatchObject({ line: 3 });
    expect(r.hops.map((h) => h.origin ?? false)).toEqual([false, true, false]);
  });

  it("believes only the receiver's own Authentication-Results", async () => {
    const r = await analyze(HEADERS.join('\n') + '\n');
    const ars = r.message!.authResults;
    expect(ars.map((a) => [a.authservId, a.trusted])).toEqual([
      ['mx.receiver.example', true],
      ['forged.example', false],
    ]);
    // the receiver's SPF fail is what the checklist cites, never the forged pass
    const spf = r.checklist.filter((x) => x.rule.startsWith('spf.'));
    expect(spf.some((x) => x.evidence.some((e) => e.line === 2 && /SPF fail/.test(e.text)))).toBe(true);
    expect(r.checklist.some((x) => x.evidence.some((e) => e.line === 4))).toBe(false);
  });

  it('puts the message facts in the report: decoded summary, transit, origin', async () => {
    const r = await analyze(HEADERS.join('\n') + '\n');
    const m = r.message!;
    expect(m.summary.subject).toMatchObject({ value: 'Café news', line: 8 });
    expect(m.transit).toMatchObject({ seconds: 6 });
    expect(m.origin).toMatchObject({ ip: '198.51.100.7' });
    expect(m.mailFrom).toMatchObject({ address: 'news@sender.example', line: 2 });
    expect(m.mime).toBeNull();
    expect(m.headers).toHaveLength(HEADERS.length);
    expect(m.headers[7]).toMatchObject({ name: 'Subject', value: '=?UTF-8?Q?Caf=C3=A9?= news', decoded: 'Café news', line: 8 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe("the receiver's own word on reverse DNS", () => {
  it('Postfix "unknown [ip]" is logged as no PTR: offline the step warns and rests on it', async () => {
    const r = await analyze(HEADERS.join('\n') + '\n');
    const ptr = r.checklist.find((s) => s.rule === 'ptr.missing')!;
    expect(ptr.status).toBe('warn');
    expect(ptr.evidence.some((e) => e.line === 3 && /no PTR/.test(e.text))).toBe(true);
  });
});

describe('analyze() on a whole message', () => {
  it('summarises the MIME parts without their content', async () => {
    const text = [
      ...HEADERS,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'Hello',
      '--b1',
      'Content-Type: application/pdf; name="invoice.pdf"',
      'Content-Disposition: attachment; filename="invoice.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0xLjQK',
      '--b1--',
      '',
    ].join('\r\n');
    const r = await analyze(text, { exactBytes: true });
    expect(r.inputs[0].kind).toBe('message');
    expect(r.message!.mime).toMatchObject({
      textLength: 6,
      attachments: [{ type: 'application/pdf', filename: 'invoice.pdf', disposition: 'attachment', size: 9 }],
    });
    expect(JSON.stringify(r)).not.toContain('JVBERi0');
  });
});

describe('the message field from outside (a shared link)', () => {
  it('a real report passes the shape check; tampered ones do not', async () => {
    const { validMessageReport } = await import('../../../src/core/mail/check-report');
    const m = (await analyze(HEADERS.join('\n') + '\n')).message!;
    expect(validMessageReport(JSON.parse(JSON.stringify(m)))).toBe(true);
    for (const broken of [
      null,
      { ...m, summary: null },
      { ...m, authResults: [{ authservId: 'x', results: 'pass' }] },
      { ...m, arc: { instances: {} } },
      { ...m, verdicts: [{ items: null }] },
      { ...m, headers: undefined },
    ])
      expect(validMessageReport(broken)).toBe(false);
  });
});
