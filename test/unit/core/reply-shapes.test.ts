// Shapes of a pasted reply the finder (parse/replies/find.ts) reads whatever the words: the code printed
// after the words, a first line that holds only a label, a reply split from its command by an escaped
// blank line. Each with the forms that must not be taken for one.
import { describe, expect, it } from 'vitest';
import { findReplies } from '../../../src/core/parse/replies';

const find = (s: string) => findReplies(s.split('\n'));

describe('the code after the words', () => {
  it.each([
    ['Mailbox full (SMTP error 552)', 552, null, /^Mailbox full$/],
    ['when different,"MAIL FROM" doesn\'t conform with authentication [@sm060104], SMTP code: 436', 436, null, /"MAIL FROM" doesn't conform with authentication/],
    ['Error: Relay access denied (code 554)', 554, null, /^Relay access denied$/],
    ['Message rejected, error code: 550', 550, null, /^Message rejected$/],
    ['Sending failed. Detail: Recipient address rejected: User unknown - SMTP error 550 5.1.1', 550, '5.1.1', /^Recipient address rejected: User unknown$/],
  ])('%s', (text, code, enhanced, words) => {
    const r = find(text);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ code, enhanced, sure: true });
    expect(r[0].text).toMatch(words);
  });

  it.each([
    'We had 3 tickets (code 450)',
    'Deploy finished in 3 minutes, exit code: 451',
    'SMTP code: 550',
  ])('no reply from other text: %s', (text) => {
    expect(find(text).filter((r) => r.text !== '')).toEqual([]);
  });

  it('leaves a reply that opens its line with the code to the line', () => {
    const r = find('550 5.1.1 User unknown (SMTP error 550)');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ code: 550, enhanced: '5.1.1', via: 'line' });
  });
});

describe('a first line that holds only a label', () => {
  it('takes its words from the next line, and stops at the log prefix repeated', () => {
    const r = find(
      [
        'PLESK_INFO: 550 SC-001',
        '(SNT004-MC4F35) Unfortunately, messages from 203.0.113.2 weren\'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140).',
        'PLESK_INFO: 550 mail not accepted from blacklisted IP address [203.0.113.2] (in reply to MAIL FROM command)',
      ].join('\n'),
    );
    expect(r).toHaveLength(2);
    expect(r[0].text).toMatch(/^SC-001 \(SNT004-MC4F35\) Unfortunately, .* block list \(S3140\)\.$/);
    expect(r[1]).toMatchObject({ code: 550, stage: 'mail' });
  });

  it('keeps a reply with words on its line to that line', () => {
    const r = find('550 5.7.1 Message refused\nThanks for your help, Tom');
    expect(r[0].text).toBe('Message refused');
  });
});

describe('a reply split from its command by an escaped blank line', () => {
  it("finds the command the library named before the escaped message (HaskellNet's 'cannot execute command DATA')", () => {
    const r = find(
      'user error (cannot execute command DATA "From: <a@example.com>\\nSubject: test\\n\\nHello world!", expected reply code 250, but received 550 5.7.1 Message refused',
    );
    // (HaskellNet's DATA error carries the message: the reply after its end, knowledge/client-errors.ts)
    expect(r[0]).toMatchObject({ code: 550, enhanced: '5.7.1', stage: 'end-of-data' });
  });

  it('a blank line of the paste itself still ends the paragraph', () => {
    const r = find('user error (cannot execute command DATA "From: <a@example.com>"\n\nexpected reply code 250, but received 550 5.7.1 Message refused');
    expect(r[0].stage).toBe('unknown');
  });
});
