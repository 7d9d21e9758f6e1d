// A web page's frame around a paste (text/gutter.ts): a code viewer's line numbers come off line for line
// (numbers that are the text's own stay); a Markdown code block's fence ends a header section.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { isCodeFence, withoutLineNumbers } from '../../../src/core/text/gutter';
import { readHeaderBlock } from '../../../src/core/mail/header-block';

const LOG = [
  'Dec  3 10:00:01 mx postfix/smtp[2211]: 4F1A2B3C4D: to=<a@example.org>, relay=mx.example.org[192.0.2.7]:25, status=bounced (host mx.example.org[192.0.2.7] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
  'Dec  3 10:00:01 mx postfix/bounce[2212]: 4F1A2B3C4D: sender non-delivery notification: 5A6B7C8D9E',
  'Dec  3 10:00:01 mx postfix/qmgr[99]: 4F1A2B3C4D: removed',
];

describe('a gutter of line numbers', () => {
  it.each([
    [['1 a', '2 ', '3 b'], ['a', '', 'b'], true],
    [['1: a', '2: ', '3: b', ''], ['a', '', 'b', ''], true],
    [['  9 a', ' 10 b', ' 11 c'], ['a', 'b', 'c'], true],
    [['17\ta', '18\tb', '19\tc'], ['a', 'b', 'c'], true],
    [['1 550 5.1.1 user unknown'], ['550 5.1.1 user unknown'], false],
  ])('%j → %j (sure: %s)', (lines, out, sure) => expect(withoutLineNumbers(lines)).toEqual({ lines: out, sure }));
  it.each([
    [['1 a', '3 b', '4 c']],
    [['1 a', '2: b', '3 c']],
    [['550-5.7.1 a', '550-5.7.1 b', '550 5.7.1 c']],
    [['5 a']],
    [['1. first', '2. second', '3. third']],
    [['a', '1 b', '2 c']],
  ])('%j → none', (lines) => expect(withoutLineNumbers(lines)).toBeNull());
});

describe('code fences', () => {
  it.each([
    ['```', true],
    ['```text', true],
    ['~~~console', true],
    ['  ```', true],
    ['a ``` b', false],
    ['``', false],
    ['`550 5.1.1 user unknown`', false],
  ])('%j is a fence: %s', (line, yes) => expect(isCodeFence(line)).toBe(yes));
  it.each([
    [['```', 'From: a@b.example', 'To: c@d.example', '```'], 2],
    [['From: a@b.example', 'To: c@d.example', '```'], 2],
    [['From: a@b.example', 'To: c@d.example', 'oops'], 2],
  ])('a header section ends at a fence, not read as a malformed field: %j', (lines, fields) => {
    const start = lines[0] === '```' ? 1 : 0;
    const block = readHeaderBlock(lines, start);
    expect(block.fields.length).toBe(fields);
    expect(block.malformed.length).toBe(lines.at(-1) === '```' ? 0 : 1);
  });
});

describe('a paste in a frame is read as the paste', () => {
  const read = async (text: string) => {
    const r = await analyze(text);
    return { kind: r.inputs[0].kind, reason: r.rejections[0]?.reason ?? null, line: r.rejections[0]?.line ?? null };
  };
  it.each([
    ['line numbers', LOG.map((l, i) => `${i + 1} ${l}`).join('\n')],
    ['line numbers with colons', LOG.map((l, i) => `${i + 1}: ${l}`).join('\n')],
    ['one numbered line', `1 ${LOG[0]}`],
  ])('%s', async (_n, text) => {
    expect(await read(text)).toEqual({ kind: 'postfix-log', reason: 'userunknown', line: 1 });
  });
});
