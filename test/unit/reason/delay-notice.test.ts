// A delay notice (a DSN whose Action is "delayed", RFC 3464 §2.3.3) is sent only after the
// message has waited in the queue past a warning time: it reports the queue time, so what no
// narrower word or code explains in it is "expired" (sisimai: Action delayed → expired;
// X.4.1 "No answer from host" → expired). A log's deferral (status=deferred) is one attempt:
// its words are about that attempt. Each row has a form that names the reason and one that
// must not.
import { describe, expect, it } from 'vitest';
import { raw } from '../../support/raw-rejection';
import { decideReason } from '../../../src/core/reason/engine';
import type { RawRejection } from '../../../src/core/parse/parser';

const delayed = { action: 'delayed' };
const deferred = { action: 'deferred' };

// [what, input, reason]
const ROWS: [string, RawRejection, string][] = [
  // a notice with no finding at all: the queue time is the finding
  ['notice, no words', raw(null, null, 'unknown', 'Message will be retried for 2 more day(s)', delayed), 'expired'],
  ['log deferral, no words', raw(null, null, 'unknown', 'Message will be retried for 2 more day(s)', deferred), 'onhold'],
  ['notice, catch-all 4.4.0', raw(null, '4.4.0', 'unknown', 'Action: Delayed', delayed), 'expired'],
  ['final report, catch-all 4.4.0, no words', raw(null, '4.4.0', 'unknown', 'Action: Failed', { action: 'failed' }), 'onhold'],
  // the queue's own word that the lifetime ran out (Postfix status=expired, "Action: expired")
  ['queue gave up, no words', raw(null, null, 'unknown', 'Please try again later', { action: 'expired' }), 'expired'],
  ['one attempt, no words', raw(null, null, 'unknown', 'Please try again later', deferred), 'onhold'],
  ['queue gave up, last attempt met a full mailbox', raw(452, '4.2.2', 'rcpt', 'Mailbox full', { action: 'expired' }), 'mailboxfull'],
  // a host that never answered: the notice reports how long the queue has waited for it
  [
    'notice, no answer',
    raw(
      null,
      '4.4.1',
      'connect',
      'The recipient server did not accept our requests to connect. [example.net 192.0.2.1: timed out]',
      delayed,
    ),
    'expired',
  ],
  [
    'log deferral, no answer',
    raw(null, '4.4.1', 'connect', 'connect to mx.example.net[192.0.2.1]:25: Connection timed out', deferred),
    'networkerror',
  ],
  ['final report, no answer', raw(null, '4.4.1', 'connect', 'Connection timed out', { action: 'failed' }), 'expired'],
  // narrower words in a notice still decide: the notice is about a full mailbox, a DNS failure
  ['notice, mailbox full', raw(452, '4.2.2', 'rcpt', 'Mailbox full', delayed), 'mailboxfull'],
  [
    'notice, DNS failure',
    raw(
      null,
      null,
      'unknown',
      'Host or domain name not found. Name service error for name=example.net: host not found, try again',
      delayed,
    ),
    'networkerror',
  ],
  [
    'notice, too many connections',
    raw(421, '4.7.0', 'rcpt', 'Too many concurrent SMTP connections from this IP address', delayed),
    'toomanyconn',
  ],
];

describe('delay notices and log deferrals', () => {
  it.each(ROWS)('%s', (_, r, reason) => {
    expect(decideReason(r).reason).toBe(reason);
  });
});
