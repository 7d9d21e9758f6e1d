// Exchange 2003's NDR wraps the remote reply as "<host #5.0.0 smtp;550 …>" (its templates also show
// "<host version smtp;550 …>"), and the notice breaks it over lines: the reply runs to the ">" that
// balances the "<" opened before it, whatever the next line starts with ("Helo command rejected: …" is
// Postfix's words, not a HELO command), and stops there. A reverse-path ("return path") in the reply's
// words places it at MAIL FROM (RFC 5321 §4.1.1.2). Forms read as the mechanism and forms that must not be.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { findRepliesIn } from '../../../src/core/parse/replies';

const NOW = { now: () => new Date('2026-12-01T00:00:00Z') };
const lines = (t: string) => t.split('\n').map((text, i) => ({ text, line: i + 1 }));
const replies = (t: string) => findRepliesIn(lines(t)).map((r) => r.text);

describe('the "<host … smtp;" wrapper runs to its ">"', () => {
  it.each([
    [
      '<mx.example.org #5.0.0 smtp;550 5.7.1 <mail.example.net>:\nHelo command rejected: Host not found>\nYou do not have permission to send to this recipient.',
      '<mail.example.net>: Helo command rejected: Host not found',
    ],
    [
      '<host version smtp;550 version <host>:\nHelo command rejected: Host not found>',
      'version <host>: Helo command rejected: Host not found',
    ],
    [
      '<mx.example.org #5.1.1 smtp;550 5.1.1 <a@example.org>:\nRecipient address rejected: User unknown in local\nrecipient table>',
      '<a@example.org>: Recipient address rejected: User unknown in local recipient table',
    ],
  ])('%s', (text, want) => expect(replies(text)[0]).toBe(want));

  it.each([
    // closed on its own line: the next line is not the reply's
    [
      '<mx.example.org #5.0.0 smtp;554 5.7.1 Message rejected for policy reasons>\nHELO mail.example.net',
      'Message rejected for policy reasons',
    ],
    // no "<" before smtp;: a DSN's Diagnostic-Code is not wrapped, its next field is no continuation
    [
      'Diagnostic-Code: smtp;550 5.1.1 <a@example.org>: Recipient address rejected\nHelo command rejected: x',
      '<a@example.org>: Recipient address rejected',
    ],
  ])('%s (stops where it should)', (text, want) => expect(replies(text)[0]).toBe(want));

  it('an NDR with the wrapped HELO refusal leads with the HELO step', async () => {
    const r = await analyze(
      'Your message did not reach some or all of the intended recipients.\n\nrecipient@example.org on date time\nYou do not have permission to send to this recipient.\n<host version smtp;550 version <host>:\nHelo command rejected: Host not found>',
      NOW,
    );
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('smtp.helo-rejected');
  });
});

describe('a return path in the words is MAIL FROM', () => {
  it.each([
    [
      'Error: Expected response code 250 but got code "451", with message "451 4.0.0 backend: invalid return path: not owned by user "',
      'mail',
    ],
    ['550 5.1.0 Bad reverse-path', 'mail'],
    // the recipient's words stay at RCPT
    ['550 5.1.1 <a@example.org>: Recipient address rejected: User unknown', 'rcpt'],
  ])('%s → %s', async (text, stage) => expect((await analyze(text, NOW)).rejections[0]?.stage).toBe(stage));
});
