import { describe, expect, it } from 'vitest';
import { DialogueTracker, parseReplyLine } from '../../../src/core/parse/smtp-dialogue';

describe('parseReplyLine', () => {
  it.each([
    ['550 5.7.1 Access denied', { code: 550, more: false, enhanced: '5.7.1', text: 'Access denied' }],
    ['550-5.7.26 Unauthenticated email', { code: 550, more: true, enhanced: '5.7.26', text: 'Unauthenticated email' }],
    [
      '554 Message does not conform to standards',
      { code: 554, more: false, enhanced: null, text: 'Message does not conform to standards' },
    ],
    ['250 2.0.0 Ok: queued as 3F2A1', { code: 250, more: false, enhanced: '2.0.0', text: 'Ok: queued as 3F2A1' }],
    ['221', { code: 221, more: false, enhanced: null, text: '' }],
    ['EHLO example.com', null],
    ['1234 not a reply', null],
  ])('%s', (line, want) => expect(parseReplyLine(line)).toEqual(want));
});

describe('DialogueTracker stages', () => {
  it('assigns each reply the stage of the command it answers, and end-of-data after 354', () => {
    const d = new DialogueTracker();
    d.reply('220 mx ESMTP', 1);
    d.command('EHLO client.example', 2);
    d.reply('250-mx', 3);
    d.reply('250 SIZE 0', 4);
    d.command('MAIL FROM:<a@example.org>', 5);
    d.reply('250 ok', 6);
    d.command('RCPT TO:<b@example.com>', 7);
    d.reply('550-5.1.1 no such', 8);
    d.reply('550 5.1.1 user', 9);
    d.command('DATA', 10);
    d.reply('354 go ahead', 11);
    d.reply('554 5.6.0 rejected', 12);
    d.flush();
    expect(d.replies.map((r) => [r.code, r.stage, r.line])).toEqual([
      [220, 'connect', 1],
      [250, 'helo', 3],
      [250, 'mail', 6],
      [550, 'rcpt', 8],
      [354, 'data', 11],
      [554, 'end-of-data', 12],
    ]);
    expect(d.replies[3].text).toBe('no such user');
    expect(d.replies[3].enhanced).toBe('5.1.1');
  });
  it('a refusal of the DATA command itself is stage data', () => {
    const d = new DialogueTracker();
    d.command('DATA', 1);
    d.reply('503 5.5.1 no valid recipients', 2);
    d.flush();
    expect(d.replies[0].stage).toBe('data');
  });
});
