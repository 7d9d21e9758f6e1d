// Words about one connection: sisimai's "blocked" list holds "connection dropped" (a receiver
// that closes the connection on a client it refuses), but Exchange's "Connection dropped due to
// SocketError" names the cause itself — a transport failure (networkerror), not a block.
// Each row: a form that must read as the reason, beside the near form that must not.
import { describe, expect, it } from 'vitest';
import { raw } from '../../support/raw-rejection';
import { decideReason } from '../../../src/core/reason/engine';
import type { RawRejection } from '../../../src/core/parse/parser';

const ROWS: [string, RawRejection, string][] = [
  [
    'Exchange: dropped due to SocketError',
    raw(451, '4.4.0', 'unknown', 'Primary target IP address responded with: "421 4.4.2 Connection dropped due to SocketError."', {
      action: 'deferred',
    }),
    'networkerror',
  ],
  ['a receiver that drops the connection', raw(421, null, 'connect', 'Connection dropped'), 'blocked'],
  ['a receiver that drops the connection, said differently', raw(554, null, 'connect', 'Connection was dropped by remote host'), 'blocked'],
];

describe('connection words: a block or a transport failure', () => {
  it.each(ROWS)('%s', (_, r, reason) => {
    expect(decideReason(r).reason).toBe(reason);
  });
});
