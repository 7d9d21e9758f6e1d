// The stream format for a log kind, by the parser that recognised it.

import type { InputParser } from '../../parse/parser';
import type { Sink, StreamFormat } from '../format';
import { postfixStream } from './postfix';
import { blockStream } from './blocks';
import { eximStream } from './exim';
import { sendmailStream } from './sendmail';
import { mdaemonStream } from './mdaemon';
import { exchangeStream } from './exchange';

export function streamFormatFor(parser: InputParser, sink: Sink): StreamFormat {
  switch (parser.kind) {
    case 'postfix-log':
      return postfixStream(sink, parser);
    case 'exim-log':
      return eximStream(sink, parser);
    case 'sendmail-log':
      return sendmailStream(sink, parser);
    case 'mdaemon-log':
      return mdaemonStream(sink, parser);
    case 'exchange-log':
      // Exchange's PowerShell output (Format-List, Format-Table) has records over several lines: read in runs
      return parser.detect(['#Fields: date-time,session-id,event']) > 0 ? exchangeStream(sink, parser) : blockStream(sink, parser);
    default:
      return blockStream(sink, parser);
  }
}
