// The width of a paste wrapped whole when no line reaches it (text/wrap.ts breaksShowWidth): a client at 64
// columns whose lines end at 59 before a long word shows its width only in its breaks. And a reply's quote
// marks are the client's: a line that ends with a program's tag is not joined to the next, quoted, line.
import { describe, expect, it } from 'vitest';
import { unwrapSoftBreaks, wrapWidth } from '../../../src/core/text/wrap';
import { clientErrorStage } from '../../../src/core/knowledge/client-errors';

const SENDMAIL = [
  'Connection unsuccessful: Connection unsuccessful: SendMail:',
  'Error ajuste "Dirección Desde", 550 Request failed; Mailbox',
  'unavailable - undefined',
];

describe('a width shown only by the breaks', () => {
  it.each([
    ['lines of 59 before words of 5 and 11: the narrowest width they respect, 60', SENDMAIL, 60],
    ['no line near the limit: only 100 is sure', ['short line one', 'short line two'], 100],
    ['a sentence that ends where the next begins is no break', ['x'.repeat(50) + ' end.', 'Next sentence here'], 100],
    ['a record of its own is no break', ['x'.repeat(53) + ' tail', 'Status: 5.1.1'], 100],
  ])('%s', (_n, lines, width) => expect(wrapWidth(lines)).toBe(width));

  it('the breaks are undone at that width', () => {
    expect(unwrapSoftBreaks(SENDMAIL)?.lines).toEqual([SENDMAIL.join(' ')]);
  });
});

describe("a program's tag at a line's end joins its message, not a quoted line", () => {
  const quoted = [
    '> 2019-04-11T19:41:56.554496+00:00 09ad1b99d14b postfix/lmtp[238]:',
    '> 87F043F2BE: to=<info@example.de>, relay=none, delay=2370,',
    '> delays=2370/0.07/0/0, dsn=4.4.1, status=deferred (connect to',
    '> 172.20.0.6[172.20.0.6]:2525: Connection refused)',
  ];
  it('the quoted lines are joined behind one quote mark', () => {
    expect(unwrapSoftBreaks(quoted)?.lines).toEqual(['> ' + quoted.map((l) => l.slice(2)).join(' ')]);
  });
  it('unquoted, the tag still takes the next line', () => {
    expect(unwrapSoftBreaks(quoted.map((l) => l.slice(2)))?.lines).toEqual([quoted.map((l) => l.slice(2)).join(' ')]);
  });
});

describe("a client's error words are read with a forum's typographic quotes too", () => {
  it.each([
    ['SendMail: Error ajuste "Dirección Desde", 550 Request failed', 'mail'],
    ['SendMail: Error ajuste \u201CDirección Desde\u201D, 550 Request failed', 'mail'],
    ['SendMail: Error ajuste Dirección Hasta, 550 Request failed', undefined],
  ])('%s', (text, stage) => expect(clientErrorStage(text)?.stage).toBe(stage));
});
