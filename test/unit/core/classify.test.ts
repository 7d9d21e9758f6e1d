import { describe, expect, it } from 'vitest';
import { raw } from '../../support/raw-rejection';
import { classify } from '../../../src/core/classify';
import type { RawRejection } from '../../../src/core/parse/parser';
import { REPLY_KNOWLEDGE } from '../../../src/core/knowledge/replies';
import { REJECTION_ADVICE } from '../../../src/core/knowledge/rejection-advice';

// [reply, stage, reason, party, hard]
const TABLE: [RawRejection, string, string, boolean][] = [
  [
    raw(550, '5.1.1', 'rcpt', '<a@example.com>: Recipient address rejected: User unknown in virtual mailbox table'),
    'userunknown',
    'recipient',
    true,
  ],
  [raw(552, '5.2.2', 'rcpt', 'Mailbox full'), 'mailboxfull', 'recipient', true],
  [raw(554, '5.7.1', 'rcpt', 'Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org'), 'blocked', 'sender', true],
  [raw(550, '5.7.25', 'end-of-data', 'The IP address sending this message does not have a PTR record setup'), 'requireptr', 'sender', true],
  [
    raw(
      550,
      '5.7.26',
      'end-of-data',
      'This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.',
    ),
    'authfailure',
    'sender',
    true,
  ],
  [
    raw(
      550,
      '5.7.1',
      'mail',
      "Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).",
    ),
    'blocked',
    'sender',
    true,
  ],
  [
    raw(550, '5.7.515', 'end-of-data', 'Access denied, sending domain example.org does not meet the required authentication level.'),
    'authfailure',
    'sender',
    true,
  ],
  [
    raw(421, '4.7.0', 'mail', '[TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints'),
    'badreputation',
    'sender',
    false,
  ],
  [
    raw(553, '5.7.2', 'connect', '[TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed.'),
    'blocked',
    'sender',
    true,
  ],
  [
    raw(554, null, 'end-of-data', 'Message not allowed - [PH01] Email not accepted for policy reasons.'),
    'policyviolation',
    'receiver-policy',
    true,
  ],
  [
    raw(553, '5.7.1', 'connect', "[BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list"),
    'blocked',
    'sender',
    true,
  ],
  [
    raw(450, '4.2.0', 'rcpt', '<a@b>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/b.html'),
    'onhold',
    'receiver-policy',
    false,
  ],
  [raw(554, '5.7.1', 'rcpt', '<a@b>: Relay access denied'), 'norelaying', 'sender', true],
  [raw(552, '5.3.4', 'end-of-data', 'Message size exceeds fixed maximum message size'), 'mesgtoobig', 'sender', true],
  [raw(554, null, 'end-of-data', 'Message does not conform to standards'), 'notcompliantrfc', 'sender', true],
  [raw(550, '5.7.1', 'end-of-data', 'Message content rejected, UBE, id=1234'), 'spamdetected', 'receiver-policy', true],
  [raw(451, '4.7.1', 'rcpt', 'Too many connections from your IP'), 'toomanyconn', 'receiver-policy', false],
  [raw(550, null, 'rcpt', 'No Such User Here'), 'userunknown', 'recipient', true],
  [
    raw(550, null, 'rcpt', 'mydomain.example has exceeded the max emails per hour (150/150 (100%)) allowed. Message discarded.'),
    'speeding',
    'sender',
    true,
  ],
  [raw(550, '5.1.1', 'end-of-data', 'User unknown'), 'userunknown', 'recipient', true],
  // "user unknown" after DATA with no X.1.x code: a filter refused it (sisimai's Filtered rule)
  [raw(550, '5.0.0', 'end-of-data', 'User unknown'), 'filtered', 'recipient', true],
  // refused at MAIL FROM: it is the sender that was refused
  [raw(553, '5.1.0', 'mail', 'Address rejected'), 'rejected', 'sender', true],
  // a connection that never answered, in a final report: the queue gave up
  [
    raw(null, '4.4.1', 'unknown', 'connect to mx.example.net[192.0.2.9]:25: Connection timed out', { action: 'failed' }),
    'expired',
    'unknown',
    false,
  ],
  // the same while the log says "deferred": still retrying
  [
    raw(null, '4.4.1', 'unknown', 'connect to mx.example.net[192.0.2.9]:25: Connection timed out', { action: 'deferred' }),
    'networkerror',
    'unknown',
    false,
  ],
  [raw(null, null, 'unknown', 'x', { reason: 'feedback' }), 'feedback', 'sender', false],
  // texts of large receivers and common MTAs
  [
    raw(552, '5.7.0', 'end-of-data', 'This message was blocked because its content presents a potential security issue.'),
    'policyviolation',
    'receiver-policy',
    true,
  ],
  [raw(535, '5.7.8', 'helo', 'Error: authentication failed'), 'securityerror', 'sender', true],
  // Gmail's refusal at the HELO stage (Google's SMTP error reference), not a rate: the client's greeting was refused
  [raw(421, '4.7.0', 'helo', 'Try again later, closing connection. (EHLO)'), 'blocked', 'sender', false],
  [raw(451, '4.7.500', 'rcpt', 'Server busy. Please try again later from [192.0.2.1]. (S77714)'), 'toomanyconn', 'receiver-policy', false],
  [raw(550, '5.7.501', 'rcpt', 'Access denied, spam abuse detected'), 'blocked', 'sender', true],
  [raw(550, '5.1.1', 'rcpt', 'RESOLVER.ADR.RecipNotFound; not found'), 'userunknown', 'recipient', true],
  [raw(554, '5.2.252', 'rcpt', 'SendAsDenied; a@example.com not allowed to send as b@example.com'), 'rejected', 'sender', true],
  [raw(550, '5.7.1', 'end-of-data', 'Email rejected per DMARC policy for example.com'), 'authfailure', 'sender', true],
  [raw(550, '5.7.1', 'connect', 'Reverse DNS lookup failed for host 192.0.2.1'), 'requireptr', 'sender', true],
  [raw(550, null, 'rcpt', 'Administrative prohibition'), 'rejected', 'sender', true],
  [raw(550, null, 'rcpt', 'Local mailbox a@example.com is unavailable: user is terminated'), 'suspend', 'recipient', true],
  // an address that looks like a reason is not one
  [raw(550, null, 'mail', 'Sender verify failed for <spam@example.com>'), 'rejected', 'sender', true],
];

describe('classify', () => {
  it.each(TABLE)('%#: $text → %s', (r, reason, party, hard) => {
    const c = classify(r);
    expect(c.reason).toBe(reason);
    expect(c.party).toBe(party);
    expect(c.hard).toBe(hard);
  });
});

describe('knowledge entries', () => {
  it('every entry has a source, a meaning and rules', () => {
    for (const k of REPLY_KNOWLEDGE) {
      expect(k.sources.length, k.id).toBeGreaterThan(0);
      expect(k.meaning.length, k.id).toBeGreaterThan(10);
      expect(k.rules.length, k.id).toBeGreaterThan(0);
    }
  });
  it('ids are unique', () => {
    const ids = REPLY_KNOWLEDGE.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('every smtp.* rule an entry points to has advice', () => {
    const advised = new Set(REJECTION_ADVICE.map((a) => a.rule));
    for (const k of REPLY_KNOWLEDGE)
      for (const r of k.rules.filter((x) => x.startsWith('smtp.'))) expect(advised.has(r), `${k.id} → ${r}`).toBe(true);
  });
});
