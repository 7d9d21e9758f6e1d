// Words about one connection: sisimai's "blocked" list holds "connection dropped" (a receiver
// that closes the connection on a client it refuses), but Exchange's "Connection dropped due to
// SocketError" names the cause itself — a transport failure (networkerror), not a block.
// A refused connection (ECONNREFUSED) is the host's transport, not its judgment of the client,
// unless a receiver says so ("refused from <ip>", a refusal by a remote host in sendmail's words).
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
  // a refusal by a loopback or private address is no receiver's policy: the sending system's own
  // relay or local service did not listen; once the queue gave up (X.4.7) it is expired
  [
    'refused by the loopback address, the queue gave up',
    raw(null, '4.4.7', 'connect', 'user... Deferred: Connection refused by [127.0.0.1] Message could not be delivered for 5 days'),
    'expired',
  ],
  [
    'refused by a remote host, the queue gave up (sisimai: blocked)',
    raw(
      null,
      '4.4.7',
      'connect',
      '<a@example.net>... Deferred: Connection refused by mx.example.net. Message could not be delivered for 5 days',
    ),
    'blocked',
  ],
  [
    'refused by a private address, one attempt',
    raw(null, '4.4.1', 'connect', 'Deferred: Connection refused by 10.0.0.5', { action: 'deferred' }),
    'networkerror',
  ],
  // a host that refused every connection: expired in a queue's final report, one attempt elsewhere
  [
    'Postfix bounce after the queue lifetime',
    raw(null, '4.4.1', 'connect', 'connect to mx.example.net[192.0.2.1]:25: Connection refused', { action: 'failed' }),
    'expired',
  ],
  [
    'Postfix log deferral',
    raw(null, '4.4.1', 'connect', 'connect to mx.example.net[192.0.2.1]:25: Connection refused', { action: 'deferred' }),
    'networkerror',
  ],
  ["a client's own error", raw(null, null, 'connect', 'SMTP connect() failed: Connection refused'), 'networkerror'],
  [
    'Exchange NDR, socket error 10061',
    raw(null, '5.4.316', 'unknown', 'Connection refused (Socket error code 10061)', { action: 'failed' }),
    'expired',
  ],
];

describe('connection words: a block or a transport failure', () => {
  it.each(ROWS)('%s', (_, r, reason) => {
    expect(decideReason(r).reason).toBe(reason);
  });
});
