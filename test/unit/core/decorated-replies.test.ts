// A reply behind the marks a program or a post puts in front of a line (text/decoration.ts): a debug log's
// tree branches (nodemailer's "└──550 …"), a list's bullet or number, a logger's level tag. The reply is
// found with its codes and clean words, continuation lines behind the same marks are joined, and the marks
// make nothing a reply that was not one.
import { describe, expect, it } from 'vitest';
import { findReplies } from '../../../src/core/parse/replies';
import { withoutDecoration } from '../../../src/core/text/decoration';
import { analyze } from '../../../src/core/index';

describe('withoutDecoration', () => {
  it.each([
    ['└──550 5.7.1 Relaying denied', '550 5.7.1 Relaying denied'],
    ['├─ 550 x', '550 x'],
    ['│   └── 550 x', '550 x'],
    ['|-- 550 x', '550 x'],
    ['`-- 550 x', '550 x'],
    ['↳ 550 x', '550 x'],
    ['• 550 x', '550 x'],
    ['▸ 550 x', '550 x'],
    ['* 550 x', '550 x'],
    ['- 550 x', '550 x'],
    ['1. 550 x', '550 x'],
    ['2) 550 x', '550 x'],
    ['[ERROR] 550 x', '550 x'],
    ['ERROR:root: 550 x', '550 x'],
    ['E/MailSender( 4321): 550 x', '550 x'],
    // no marks: the line as it is
    ['550-5.7.1 x', '550-5.7.1 x'],
    ['354 End data with <CR><LF>.<CR><LF>', '354 End data with <CR><LF>.<CR><LF>'],
    ['-> RCPT TO:<a@b>', '-> RCPT TO:<a@b>'],
    ['<** 550 x', '<** 550 x'],
    ['>>> DATA', '>>> DATA'],
    ['5.7.1 x', '5.7.1 x'],
    ['2024-01-02 10:00:00 x', '2024-01-02 10:00:00 x'],
  ])('%s → %s', (line, want) => {
    expect(withoutDecoration(line)).toBe(want);
  });
});

describe('a reply behind tree branches, bullets or a level tag', () => {
  it.each([
    ['└──550 5.7.1 <bob@qq.com>... Relaying denied. IP name lookup failed [192.0.2.7]', 550, '5.7.1', /^<bob@qq\.com>\.\.\. Relaying denied/],
    ['• 552 5.2.2 Mailbox full', 552, '5.2.2', /^Mailbox full$/],
    ['1. 550 5.1.1 User unknown', 550, '5.1.1', /^User unknown$/],
    ['[ERROR] 550-5.7.26 Unauthenticated email is not accepted due to\n[ERROR] 550 5.7.26 the domain\'s DMARC policy.', 550, '5.7.26', /^Unauthenticated email is not accepted due to the domain's DMARC policy\.$/],
    ['│ 550-5.7.1 Message rejected\n│ 550 5.7.1 because of its content', 550, '5.7.1', /^Message rejected because of its content$/],
  ])('%s', (text, code, enhanced, words) => {
    const r = findReplies(text.split('\n'));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ code, enhanced });
    expect(r[0].text).toMatch(words);
  });

  it.each([
    '• 500 errors were logged today',
    '1. 450 people came to the meeting',
    '- 2024-01-02 10:00:00 restart',
    '└── 443 connection refused',
  ])('makes no reply of other text: %s', async (text) => {
    const r = await analyze(text);
    expect(r.rejections).toEqual([]);
  });

  it("reads nodemailer's debug transcript (SERVER/CLIENT headings, '└──' branches) as the dialogue it is", async () => {
    const text = [
      'SERVER 1:',
      '└──220 mail.example.com ESMTP Sendmail 8.13.8/8.13.8',
      'CLIENT 1:',
      '└──EHLO [127.0.0.1]',
      'SERVER 1:',
      '└──250-mail.example.com Hello [192.0.2.7], pleased to meet you',
      '   250-AUTH DIGEST-MD5 CRAM-MD5 LOGIN PLAIN',
      '   250 HELP',
      'CLIENT 1:',
      '└──MAIL FROM:<a@example.com>',
      'SERVER 1:',
      '└──250 2.1.0 <a@example.com>... Sender ok',
      'CLIENT 1:',
      '└──RCPT TO:<b@example.net>',
      'SERVER 1:',
      '└──550 5.7.1 <b@example.net>... Relaying denied. IP name lookup failed [192.0.2.7]',
    ].join('\n');
    const r = await analyze(text);
    expect(r.inputs[0].kind).toBe('smtp-transcript');
    expect(r.rejections[0]).toMatchObject({ code: 550, enhanced: '5.7.1', stage: 'rcpt', reason: 'norelaying' });
    // the server offered AUTH and the client never logged in: logging in is the fix, the client's PTR is
    // not why (rules/submission.ts); where the server offered no AUTH, sendmail's "IP name lookup failed"
    // stays the finding it names
    const ptr = (rep: typeof r) => rep.checklist.find((s) => s.rule === 'ptr.missing')?.status;
    expect(r.checklist[0].rule).toBe('smtp.relay-denied');
    expect(ptr(r)).toBe('info');
    const noAuth = await analyze(text.replace('   250-AUTH DIGEST-MD5 CRAM-MD5 LOGIN PLAIN\n', ''));
    expect(ptr(noAuth)).toBe('fail');
  });
});
