// The header section reader: folding lost in a copy is recovered; a real
// defect (one unindented line among folded ones, a body with no blank line
// before it) is still reported as malformed.
import { describe, expect, it } from 'vitest';
import { readHeaderBlock } from '../../../src/core/mail/header-block';

describe('readHeaderBlock', () => {
  it('reads continuations that lost their indentation in a copy', () => {
    const b = readHeaderBlock([
      'Received: from mail.example.org (192.0.2.1) by',
      'mx.example.net (198.51.100.2) with Microsoft SMTP',
      'Server id 15.20.1; Sat, 9 Mar 2024 11:00:04 +0000',
      'Authentication-Results: spf=pass (sender IP is 192.0.2.1)',
      'smtp.mailfrom=example.org',
      'From: a@example.org',
      'Subject: x',
    ]);
    expect(b.fields.map((f) => f.name)).toEqual(['Received', 'Authentication-Results', 'From', 'Subject']);
    expect(b.fields[0].value).toContain('Sat, 9 Mar 2024');
    expect(b.malformed).toEqual([]);
    expect(b.refolded).toEqual([2, 3, 5]);
  });
  it('keeps one bad line among correctly folded ones as malformed', () => {
    const b = readHeaderBlock([
      'Received: from mail.example.org (192.0.2.1)',
      '\tby mx.example.net; Sat, 9 Mar 2024 11:00:04 +0000',
      'Subject: a long subject that a script broke',
      'without indenting it',
      'From: a@example.org',
    ]);
    expect(b.malformed.map((m) => m.line)).toEqual([4]);
    expect(b.refolded).toEqual([]);
  });
  it("keeps a script's unindented lines among its own short fields as malformed", () => {
    const b = readHeaderBlock([
      'To: a@example.org',
      'Subject: x',
      'Content-Type: multipart/alternative;',
      'boundary="b1"',
      'charset="utf-8"',
      'From: b@example.org',
    ]);
    expect(b.malformed.map((m) => m.line)).toEqual([4, 5]);
    expect(b.refolded).toEqual([]);
  });
  it('keeps a body that follows with no blank line as malformed', () => {
    const b = readHeaderBlock(['From: a@example.org', 'To: b@example.org', 'Subject: x', 'Hello Bob,', 'see you.']);
    expect(b.fields).toHaveLength(3);
    expect(b.malformed.map((m) => m.line)).toEqual([4, 5]);
  });
});
