// One command → stage table (knowledge/smtp-commands.ts), and every reader
// that names a command in its own words reaching the same stage through it.

import { describe, expect, it } from 'vitest';
import { isSmtpCommand, stageOfCommand } from '../../../src/core/knowledge/smtp-commands';
import { stageOfPostfixWord } from '../../../src/core/parse/postfix';
import { stageOfEximWords } from '../../../src/core/parse/exim';
import { stageFromText } from '../../../src/core/parse/bounce/diagnostic';
import { DialogueTracker } from '../../../src/core/parse/smtp-dialogue';

describe('the command table', () => {
  it.each([
    ['EHLO', '', 'helo'],
    ['lhlo', '', 'helo'],
    ['STARTTLS', '', 'helo'],
    ['MAIL', 'FROM:<a@b.example>', 'mail'],
    ['RCPT', 'TO:<a@b.example>', 'rcpt'],
    ['DATA', '', 'data'],
    // RFC 3030 §2: a chunk's reply is a data reply; the LAST chunk's reply is the reply to the message
    ['BDAT', '1000', 'data'],
    ['BDAT', '1000 LAST', 'end-of-data'],
    ['END-OF-MESSAGE', '', 'end-of-data'],
    ['.', '', 'end-of-data'],
    ['QUIT', '', 'unknown'],
    ['FROB', '', 'unknown'],
  ])('%s %s → %s', (verb, arg, stage) => {
    expect(stageOfCommand(verb, arg)).toBe(stage);
  });

  it('knows the commands a client sends from the moments logs name', () => {
    expect(['HELO', 'BDAT', 'rset', 'XCLIENT'].map(isSmtpCommand)).toEqual([true, true, true, true]);
    expect(['END-OF-MESSAGE', '.', 'CONNECT', 'dGVzdA=='].map(isSmtpCommand)).toEqual([false, false, false, false]);
  });
});

describe('every reader names BDAT the same way', () => {
  it('Postfix, Exim, a DSN and a dialogue: a chunk is data, the LAST chunk is the end of data', () => {
    expect(stageOfPostfixWord('BDAT')).toBe('data');
    expect(stageOfPostfixWord('END-OF-MESSAGE')).toBe('end-of-data');
    expect(stageOfPostfixWord('end of DATA')).toBe('end-of-data');
    expect(stageOfPostfixWord('RCPT TO')).toBe('rcpt');
    expect(stageOfEximWords('SMTP error from remote mail server after pipelined BDAT: 552')).toBe('data');
    expect(stageOfEximWords('rejected after DATA: spam')).toBe('end-of-data');
    expect(stageFromText('>>> BDAT 1000\n<<< 552 5.3.4 too big')).toBe('data');
    expect(stageFromText('>>> MAIL FROM:<a@b.example> >>> RCPT TO:<c@d.example> <<< 550 5.1.1 unknown')).toBe('rcpt');
    expect(stageFromText('>>> BDAT 1000 LAST\n<<< 554 5.7.1 rejected')).toBe('end-of-data');
    const d = new DialogueTracker();
    d.command('BDAT 1000 LAST', 1);
    d.reply('554 5.7.1 rejected', 2);
    d.flush();
    expect(d.commands[0].stage).toBe('data');
    expect(d.replies[0].stage).toBe('end-of-data');
  });
});
