// The reason engine (src/core/reason/engine.ts): per reason, a reply that names
// it and a near miss that must not; the precedence when the enhanced code and
// the words disagree; the enhanced-code registry; the stage and action rules.
import { describe, expect, it } from 'vitest';
import { raw } from '../../support/raw-rejection';
import { decideReason } from '../../../src/core/reason/engine';
import { ENHANCED_CODES, readEnhancedCode } from '../../../src/core/knowledge/enhanced-codes';
import { REASON_TABLES, DECISIVE_ORDER, WEAK_ORDER } from '../../../src/core/knowledge/reasons';
import { REPLY_CODES } from '../../../src/core/knowledge/reply-codes';
import type { RawRejection } from '../../../src/core/parse/parser';

const reasonOf = (r: RawRejection) => decideReason(r).reason;

// [reason, a reply that says it, a near miss (and what it is instead)]
const PER_REASON: [string, RawRejection, RawRejection, string][] = [
  [
    'userunknown',
    raw(550, '5.1.1', 'rcpt', '<a@example.org>: Recipient address rejected: User unknown in local recipient table'),
    // the same words after DATA come from a filter
    raw(550, '5.0.0', 'end-of-data', 'User unknown'),
    'filtered',
  ],
  [
    'filtered',
    raw(550, null, 'end-of-data', 'Message rejected due to user rules'),
    raw(550, null, 'rcpt', 'Message rejected due to user rules'),
    'onhold',
  ],
  ['mailboxfull', raw(552, '5.2.2', 'rcpt', 'Mailbox full'), raw(452, null, 'rcpt', 'Insufficient system storage'), 'systemfull'],
  [
    'mesgtoobig',
    raw(552, '5.3.4', 'end-of-data', 'Message size exceeds fixed maximum message size'),
    raw(552, '5.2.3', 'end-of-data', 'Message size exceeds limit'),
    'exceedlimit',
  ],
  [
    'exceedlimit',
    raw(552, '5.2.3', 'end-of-data', 'Message length exceeds administrative limit'),
    raw(552, '5.3.4', 'end-of-data', 'Message too big for system'),
    'mesgtoobig',
  ],
  [
    'suspend',
    raw(550, '5.2.1', 'rcpt', 'The email account that you tried to reach is disabled'),
    raw(550, '5.2.1', 'rcpt', 'Recipient refused'),
    'filtered',
  ],
  [
    'hasmoved',
    raw(550, '5.1.6', 'rcpt', 'recipient no longer on server'),
    raw(550, null, 'rcpt', 'moving company address: 12 Main St.'),
    'onhold',
  ],
  [
    'norelaying',
    raw(554, '5.7.1', 'rcpt', '<b@example.net>: Relay access denied'),
    raw(554, null, 'connect', 'relay.example.net ESMTP not accepting messages'),
    'blocked',
  ],
  [
    'authfailure',
    raw(550, '5.7.26', 'end-of-data', 'Unauthenticated email is not accepted'),
    raw(550, '5.7.1', 'end-of-data', 'Set up SPF records for your domain if you have not done so already'),
    'securityerror',
  ],
  [
    'requireptr',
    raw(550, '5.7.25', 'end-of-data', 'The IP address sending this message does not have a PTR record setup'),
    raw(550, '5.7.1', 'rcpt', 'Your IP address is listed in our reverse-engineering blocklist'),
    'blocked',
  ],
  [
    'notcompliantrfc',
    raw(550, '5.7.1', 'end-of-data', 'This message is not RFC 5322 compliant'),
    raw(550, '5.7.1', 'end-of-data', 'See RFC 5322 for details'),
    'securityerror',
  ],
  [
    'badreputation',
    raw(421, '4.7.0', 'mail', 'Our system has detected a poor email reputation score'),
    raw(550, '5.7.1', 'rcpt', "JunkMail rejected - 192.0.2.1 is in an RBL: the sending MTA's poor reputation"),
    'blocked',
  ],
  [
    'contenterror',
    raw(554, '5.6.0', 'end-of-data', 'Message contains invalid MIME headers'),
    raw(554, '5.6.0', 'end-of-data', 'Message content rejected, UBE, id=123'),
    'spamdetected',
  ],
  [
    'rejected',
    raw(550, '5.1.8', 'rcpt', '<s@example.com>: Sender address rejected: Domain not found'),
    raw(550, '5.1.1', 'rcpt', '<b@example.net>: Recipient address rejected: User unknown'),
    'userunknown',
  ],
  [
    'notaccept',
    raw(556, '5.1.10', 'rcpt', 'Recipient address has null MX'),
    raw(550, null, 'end-of-data', 'We are not accepting mail with attachments'),
    'policyviolation',
  ],
  [
    'hostunknown',
    raw(550, '5.1.2', 'rcpt', 'Host or domain name not found'),
    raw(450, '4.1.2', 'rcpt', 'Host or domain name not found. Name service error for name=example.org type=MX: Host not found, try again'),
    'networkerror',
  ],
  // an address is no word about the refusal (a mailbox called virus@…)
  [
    'virusdetected',
    raw(554, '5.7.1', 'end-of-data', 'Virus detected: Eicar-Test-Signature'),
    raw(550, '5.1.1', 'rcpt', '<virus@example.org>: User unknown'),
    'userunknown',
  ],
  [
    'spamdetected',
    raw(550, '5.7.1', 'end-of-data', 'Message rejected as spam'),
    raw(550, null, 'rcpt', 'Too many spams from your IP'),
    'blocked',
  ],
  [
    'speeding',
    raw(451, '4.7.1', 'rcpt', 'Client host rejected: Please try again slower'),
    raw(421, '4.7.0', 'connect', 'Too many concurrent SMTP connections'),
    'toomanyconn',
  ],
  [
    'toomanyconn',
    raw(421, '4.7.0', 'connect', 'Too many connections from your host'),
    raw(550, '5.7.1', 'connect', 'Your host is banned'),
    'blocked',
  ],
  [
    'blocked',
    raw(554, '5.7.1', 'rcpt', 'Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org'),
    raw(554, '5.7.1', 'rcpt', 'Service unavailable'),
    'securityerror',
  ],
  [
    'policyviolation',
    raw(554, '5.7.1', 'end-of-data', 'Message rejected due to local policy'),
    raw(554, '5.7.1', 'end-of-data', 'Message rejected'),
    'securityerror',
  ],
  ['securityerror', raw(530, '5.7.0', 'mail', 'Authentication required'), raw(535, '5.7.8', 'helo', 'x'), 'securityerror'],
  [
    'systemerror',
    raw(451, '4.3.0', 'end-of-data', 'Temporary local problem - please try later'),
    raw(451, '4.3.0', 'end-of-data', 'Please try later'),
    'onhold',
  ],
  ['systemfull', raw(452, '4.3.1', 'rcpt', 'Mail system full'), raw(452, null, 'rcpt', 'Too many recipients'), 'toomanyconn'],
  [
    'networkerror',
    raw(null, '4.4.6', 'unknown', 'Hop count exceeded - possible mail loop'),
    raw(null, '5.4.4', 'unknown', 'Host or domain name not found'),
    'hostunknown',
  ],
  [
    'mailererror',
    raw(null, '5.3.0', 'unknown', 'Command died with status 1: "/usr/bin/procmail"', { diagnosticType: 'X-Unix' }),
    raw(null, '5.3.0', 'unknown', 'Internal server error'),
    'systemerror',
  ],
  [
    'syntaxerror',
    raw(501, '5.5.2', 'mail', 'Syntax error in parameters or arguments'),
    raw(550, '5.5.2', 'mail', 'Sender address rejected'),
    'rejected',
  ],
  [
    'expired',
    raw(null, '4.4.7', 'unknown', "I'm not going to try again; this message has been in the queue too long.", { action: 'failed' }),
    // a host that never answered in one attempt of a log's deferral: not expired (yet)
    raw(null, '4.4.1', 'connect', 'connect to mx.example.net[192.0.2.9]:25: Connection timed out', { action: 'deferred' }),
    'networkerror',
  ],
  ['onhold', raw(550, null, 'rcpt', 'Recipient address rejected: On hold'), raw(550, '5.1.1', 'rcpt', 'On hold'), 'userunknown'],
  ['undefined', raw(null, null, 'unknown', ''), raw(null, null, 'unknown', 'Greetings'), 'onhold'],
  [
    'delivered',
    raw(null, '2.0.0', 'unknown', '250 2.0.0 OK', { action: 'delivered' }),
    raw(null, '5.0.0', 'unknown', 'delivery failed', { action: 'failed' }),
    'onhold',
  ],
  [
    'vacation',
    raw(null, null, 'unknown', 'I am out of the office until Monday'),
    raw(null, null, 'unknown', 'Office hours: 9 to 5'),
    'onhold',
  ],
  ['feedback', raw(null, null, 'unknown', 'abuse report', { reason: 'feedback' }), raw(null, null, 'unknown', 'abuse report'), 'onhold'],
];

describe('each reason: a reply that names it, and a near miss that does not', () => {
  it.each(PER_REASON)('%s', (reason, yes, no, instead) => {
    expect(reasonOf(yes)).toBe(reason);
    expect(reasonOf(no)).not.toBe(reason === instead ? '—' : reason);
    expect(reasonOf(no)).toBe(instead);
  });
  it('covers every reason of the tables and every sisimai reason the report names', () => {
    const covered = new Set(PER_REASON.map((r) => r[0]));
    for (const r of Object.keys(REASON_TABLES)) expect(covered.has(r), r).toBe(true);
    for (const r of ['onhold', 'undefined', 'delivered', 'vacation', 'feedback']) expect(covered.has(r), r).toBe(true);
  });
});

describe('precedence: when the code and the words disagree', () => {
  it.each<[string, RawRejection, string, string]>([
    // narrower words beat a code servers use for every refused RCPT
    ['5.1.1 with "mailbox full" words', raw(550, '5.1.1', 'rcpt', 'Mailbox full'), 'mailboxfull', 'words'],
    // a code that names a narrower condition beats broader words
    ['5.2.2 with "user unknown" words', raw(552, '5.2.2', 'rcpt', 'User unknown'), 'mailboxfull', 'code'],
    ['5.2.2 alone', raw(552, '5.2.2', 'rcpt', 'Requested action not taken'), 'mailboxfull', 'code'],
    // X.1.1 yields to words about the sender or the client (data: knowledge/enhanced-codes.ts yieldsTo)
    ['5.1.1 with "blocked using"', raw(550, '5.1.1', 'rcpt', 'Client host blocked using bl.example.org'), 'blocked', 'words'],
    // a catch-all code gives way to any words, weak ones too
    ['5.7.1 with a virus', raw(554, '5.7.1', 'end-of-data', 'Infected with a trojan'), 'virusdetected', 'words'],
    ['5.0.0 with a system error', raw(451, '4.3.0', 'end-of-data', 'Internal server error'), 'systemerror', 'weak-words'],
    // a receiver's own text beats the generic words and the code
    [
      'Yahoo TSS04 (4.7.0)',
      raw(421, '4.7.0', 'mail', '[TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints'),
      'badreputation',
      'receiver',
    ],
    // a temporary "domain not found" is a lookup that failed for now
    [
      '4.4.3 "Host not found"',
      raw(null, '4.4.3', 'unknown', 'Host or domain name not found', { action: 'deferred' }),
      'networkerror',
      'words',
    ],
    // the local mailer's output is not a receiver's reply: the first pass does not read it
    ['X-Unix 5.1.1', raw(null, '5.1.1', 'unknown', 'procmail: No such user', { diagnosticType: 'X-Unix' }), 'mailererror', 'weak-words'],
    // a truncated reply is read for what it says: the sender's domain, not a block
    ['451 4.1.8 truncated', raw(451, '4.1.8', 'rcpt', 'Domain of sender address …'), 'rejected', 'code'],
    ['451 4.1.8 no words', raw(451, '4.1.8', 'rcpt', ''), 'rejected', 'code'],
  ])('%s', (_, r, reason, layer) => {
    const d = decideReason(r);
    expect([d.reason, d.layer]).toEqual([reason, layer]);
  });

  it('says which table entry decided, with its source', () => {
    const d = decideReason(raw(550, '5.7.23', 'rcpt', 'Message rejected'));
    expect(d).toMatchObject({ reason: 'authfailure', layer: 'code', entry: '5.7.23' });
    expect(d.source).toContain('RFC 7372');
    const w = decideReason(raw(550, null, 'rcpt', 'Relay access denied'));
    expect(w.entry).toMatch(/relay/);
    expect(w.source.length).toBeGreaterThan(5);
  });
});

describe('stage and action', () => {
  it('a refusal in reply to MAIL FROM is about the sender', () => {
    expect(reasonOf(raw(553, '5.1.1', 'mail', 'Address unknown'))).toBe('rejected');
    expect(reasonOf(raw(550, '5.7.1', 'mail', 'Access denied'))).toBe('rejected');
    // but words that say what was wrong with the sender's session stay
    expect(reasonOf(raw(550, '5.0.0', 'mail', 'Unauthenticated senders not allowed'))).toBe('securityerror');
  });
  it("an MTA's own notice (no reply code) is not a filter's reply", () => {
    expect(reasonOf(raw(null, null, 'unknown', 'User some.one (a@example.org) not listed in Domino Directory'))).toBe('userunknown');
    expect(reasonOf(raw(550, null, 'unknown', 'User unknown'))).toBe('filtered');
  });
  it("a delay notice is the queue's report (expired) unless its words name a narrower reason; a log's deferral is one attempt", () => {
    expect(reasonOf(raw(null, null, 'unknown', 'Message will be retried for 2 more day(s)', { action: 'delayed' }))).toBe('expired');
    expect(reasonOf(raw(null, null, 'unknown', 'Message will be retried for 2 more day(s)', { action: 'deferred' }))).toBe('onhold');
    expect(reasonOf(raw(null, '4.4.7', 'unknown', 'Delivery time expired', { action: 'delayed' }))).toBe('expired');
    expect(reasonOf(raw(null, '4.4.1', 'unknown', 'Connection timed out', { action: 'failed' }))).toBe('expired');
  });
  it('a receiver known by its host: the same words mean something else there', () => {
    const docomo = raw(550, '5.0.0', 'end-of-data', 'Unknown user a@docomo.ne.jp', { remote: 'mfsmax.docomo.ne.jp' });
    expect(reasonOf(docomo)).toBe('rejected');
    expect(reasonOf({ ...docomo, remote: 'mx.example.net' })).toBe('filtered');
  });
});

describe('the enhanced status code registry (RFC 3463, IANA)', () => {
  const all = ENHANCED_CODES.map((e) => e.code);
  it('has every registered detail, each once, with a source', () => {
    const expected = [
      ...Array.from({ length: 11 }, (_, i) => `X.1.${i}`),
      ...Array.from({ length: 5 }, (_, i) => `X.2.${i}`),
      ...Array.from({ length: 7 }, (_, i) => `X.3.${i}`),
      ...Array.from({ length: 8 }, (_, i) => `X.4.${i}`),
      ...Array.from({ length: 7 }, (_, i) => `X.5.${i}`),
      ...Array.from({ length: 11 }, (_, i) => `X.6.${i}`),
      ...Array.from({ length: 31 }, (_, i) => `X.7.${i}`),
      'X.0.0',
    ];
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(expected.sort());
    for (const e of ENHANCED_CODES) expect(e.source.length, e.code).toBeGreaterThan(4);
  });
  it('reads a vendor detail by its subject, and the class', () => {
    expect(readEnhancedCode('5.7.606')).toMatchObject({ registered: false, reason: 'securityerror', weight: 'retry' });
    expect(readEnhancedCode('4.2.2')).toMatchObject({ registered: true, reason: 'mailboxfull' });
    expect(readEnhancedCode('2.1.5')?.reason).toBe('delivered');
    expect(readEnhancedCode('4.4.4')?.reason).toBe('networkerror');
    expect(readEnhancedCode('9.9.9')).toBeUndefined();
  });
  it("names only reasons of sisimai's vocabulary", () => {
    const known = new Set([...Object.keys(REASON_TABLES), 'undefined', 'onhold', 'delivered', 'vacation', 'feedback']);
    for (const e of ENHANCED_CODES) {
      expect(known.has(e.reason), e.code).toBe(true);
      if (e.reason4) expect(known.has(e.reason4), e.code).toBe(true);
    }
    for (const c of REPLY_CODES)
      for (const r of [c.reason, ...Object.values(c.byStage ?? {})]) if (r) expect(known.has(r), String(c.code)).toBe(true);
  });
});

describe('the phrase tables', () => {
  const tables = Object.values(REASON_TABLES);
  it('every phrase has an id of its reason and a source; the orders name known reasons', () => {
    for (const t of tables)
      for (const p of [...t.phrases, ...(t.weak ?? [])]) {
        expect(p.id.startsWith(`${t.reason}.`), p.id).toBe(true);
        expect(p.source.length, p.id).toBeGreaterThan(4);
      }
    for (const r of [...DECISIVE_ORDER, ...WEAK_ORDER]) expect(REASON_TABLES[r], r).toBeDefined();
  });
  it('patterns are linear: no unbounded run inside a repeated group, no ".*"', () => {
    for (const t of tables)
      for (const p of [...t.phrases, ...(t.weak ?? [])]) {
        const src = p.text.source;
        expect(src.includes('.*') || src.includes('.+'), p.id).toBe(false);
        // a group that repeats without bound and holds an unbounded quantifier: (a+)+, (?:x*)*
        expect(/\((?:[^()\\]|\\.)*(?<!\\)[*+](?:[^()\\]|\\.)*\)[*+]/.test(src), p.id).toBe(false);
      }
  });
});

describe("receivers' own numbered or host-bound texts (knowledge/replies/receivers.ts)", () => {
  it.each<[string, RawRejection, string]>([
    ['Orange/La Poste 416', raw(550, '5.5.0', 'rcpt', 'Adresse destinataire invalide. Invalid recipient. LPN007_416'), 'userunknown'],
    ['Orange 417', raw(552, '5.1.1', 'rcpt', 'Boite du destinataire pleine. Recipient overquota. OFR_417 [417]'), 'mailboxfull'],
    ['Orange 630', raw(554, '5.7.1', 'connect', 'Client host rejected LPN000_630'), 'policyviolation'],
    ['GoDaddy IB607', raw(550, '5.1.1', 'rcpt', '192.0.2.1 has sent to too many recipients this hour. IB607'), 'speeding'],
    ['GoDaddy IB108', raw(421, null, 'connect', 'Temporarily rejected. Reverse DNS for this IP failed. IB108'), 'requireptr'],
    ['Spectrum AUP#I-1310', raw(550, '5.1.0', 'mail', 'sender rejected. AUP#In-1310'), 'toomanyconn'],
    ['Cox CXDNS', raw(554, null, 'connect', 'cox.net rejected - no rDNS - AUP#CXDNS'), 'requireptr'],
    ['i.ua error 4', raw(550, null, 'rcpt', 'Mailbox is full. See https://mail.i.ua/err/4/'), 'mailboxfull'],
    ['Mimecast geographical restriction', raw(554, null, 'connect', 'Host network not allowed - see mimecast.com'), 'policyviolation'],
    ['QQ frequency', raw(550, null, 'connect', 'Ip frequency limited, Blocked IP 192.0.2.22'), 'toomanyconn'],
    ['iCloud inactive', raw(550, '5.1.1', 'rcpt', '<a@icloud.com>: inactive email address'), 'userunknown'],
  ])('%s', (_, r, reason) => {
    const d = decideReason(r);
    expect([d.reason, d.layer]).toEqual([reason, 'receiver']);
  });
  it('a text tied to its host means the generic thing elsewhere', () => {
    const au = raw(550, '5.0.0', 'unknown', '<a@ezweb.ne.jp>: User unknown', { recipient: 'a@ezweb.ne.jp' });
    expect(decideReason(au).reason).toBe('userunknown');
    expect(decideReason({ ...au, recipient: 'a@example.org' }).reason).toBe('filtered');
    const vtext = raw(550, null, 'unknown', 'Requested action not taken: no such user here', { recipient: '2025550142@vtext.com' });
    expect(decideReason(vtext).reason).toBe('userunknown');
    expect(decideReason({ ...vtext, recipient: 'a@example.org' }).reason).toBe('filtered');
  });
});
