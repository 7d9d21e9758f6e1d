// The rarer MTAs' and hosts' bounce formats (test/fixtures/mta-families, SOURCES.md):
// each is recognised by its shape — the recipient, the receiver's reply and its codes
// taken from where the family puts them — and its reason comes from the reason engine.
// The expectations were written before the parser was run on the files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../../src/core/analyze';
import { decodeBytes } from '../../../src/core/text/decode';

interface Want {
  recipient: string;
  reason: string | string[];
  code?: number | null;
  enhanced?: string | null;
  stage?: string;
  hard?: boolean;
}

const dir = new URL('../../fixtures/mta-families/', import.meta.url);

const CASES: [string, Want][] = [
  ['qmail-remote-rcpt.eml', { recipient: 'mia@example.net', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' }],
  ['qmail-ldap-disabled.eml', { recipient: 'tom@example.com', reason: 'suspend', enhanced: '5.2.1' }],
  // the last error names its cause: a network error rather than the queue's expiry (RFC 3463 X.4.7)
  ['qmail-no-connection.eml', { recipient: 'ana@example.com', reason: 'networkerror', enhanced: '4.4.1' }],
  ['qmail-clone-mailbox-full.eml', { recipient: 'kim@example.jp', reason: 'mailboxfull', code: 552, enhanced: '5.2.2', stage: 'rcpt' }],
  ['dragonfly-dma-rcpt.eml', { recipient: 'leo@example.com', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' }],
  ['dragonfly-dma-dns.eml', { recipient: 'ola@nowhere.example', reason: 'hostunknown' }],
  ['courier-dsn.eml', { recipient: 'pat@example.net', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' }],
  ['courier-no-such-domain.eml', { recipient: 'rob@unregistered.example', reason: 'hostunknown' }],
  ['opensmtpd-error.eml', { recipient: 'sue@example.com', reason: 'mailboxfull', code: 552, enhanced: '5.2.2' }],
  ['opensmtpd-delay.eml', { recipient: 'bob@example.net', reason: 'networkerror', hard: false }],
  ['imail-unknown-user.eml', { recipient: 'ray@example.com', reason: 'userunknown' }],
  ['messaging-server.eml', { recipient: 'una@example.jp', reason: 'userunknown', code: 550, enhanced: '5.1.1' }],
  ['mfilter.eml', { recipient: 'ken@example.jp', reason: 'userunknown', code: 550, enhanced: '5.1.1' }],
  ['biglobe-mailbox-full.eml', { recipient: 'yui@biglobe.ne.jp', reason: 'mailboxfull' }],
  ['ezweb-account-disabled.eml', { recipient: 'sora@ezweb.ne.jp', reason: 'suspend', code: 550 }],
  ['kddi-mailbox-full.eml', { recipient: 'riku@example.dion.ne.jp', reason: 'mailboxfull' }],
  ['interscan-rcpt.eml', { recipient: 'ema@example.co.jp', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' }],
  ['verizon-vtext.eml', { recipient: '2025550142@vtext.com', reason: 'userunknown', code: 550 }],
  ['x1-brackets.eml', { recipient: 'zoe@example.co.jp', reason: 'userunknown' }],
  ['x2-no-account.eml', { recipient: 'hana@example.com', reason: 'userunknown' }],
  ['x3-technical-details.eml', { recipient: 'noa@example.com', reason: 'userunknown', code: 553, enhanced: '5.3.0', stage: 'rcpt' }],
  ['x6-rejected-recipient.eml', { recipient: 'gin@example.jp', reason: 'userunknown', code: 550, enhanced: '5.1.1', stage: 'rcpt' }],
  ['zoho-invalid-address.eml', { recipient: 'rin@example.co.jp', reason: 'userunknown', code: 550, enhanced: '5.1.1' }],
  ['mailfoundry-disabled.eml', { recipient: 'ivy@example.org', reason: 'suspend', code: 550 }],
  ['activehunter.eml', { recipient: 'jun@example.org', reason: 'userunknown', code: 550 }],
  ['apache-james.eml', { recipient: 'lou@example.net', reason: 'mailboxfull', code: 552, enhanced: '5.2.2' }],
  // a list manager refusing a post from a non-member: the sender was refused
  ['fml-not-member.eml', { recipient: 'devel@lists.example.org', reason: 'rejected' }],
  ['t-online-smail.eml', { recipient: 'oli@t-online.de', reason: 'mailboxfull', code: 552, enhanced: '5.2.2' }],
  ['1and1-size.eml', { recipient: 'max@example.eu', reason: 'mesgtoobig' }],
  ['v5sendmail.eml', { recipient: 'amy@example.org', reason: 'userunknown', code: 550, stage: 'rcpt' }],
  ['mailmarshal.eml', { recipient: 'bea@example.org', reason: 'userunknown', code: 550, enhanced: '5.1.1' }],
  ['mcafee-appliance.eml', { recipient: 'cal@example.co.jp', reason: 'userunknown', code: 550, enhanced: '5.1.1' }],
  ['mxlogic.eml', { recipient: 'dan@example.jp', reason: 'userunknown', code: 550, enhanced: '5.1.1' }],
  ['surfcontrol.eml', { recipient: 'eli@example.com', reason: 'mailboxfull', code: 552 }],
  ['bigfoot.eml', { recipient: 'fay@example.net', reason: 'userunknown', code: 553, stage: 'rcpt' }],
];

describe('bounce formats of the rarer MTAs, read by their shape', () => {
  it.each(CASES)('%s', (file, want) => {
    const ev = readEvidence(decodeBytes(new Uint8Array(readFileSync(new URL(file, dir)))), { exactBytes: true });
    expect(ev.inputs[0].kind).toBe('bounce');
    expect(ev.rejections.map((r) => r.recipient)).toEqual([want.recipient]);
    const r = ev.rejections[0];
    expect([want.reason].flat()).toContain(r.reason);
    if (want.code !== undefined) expect(r.code).toBe(want.code);
    if (want.enhanced !== undefined) expect(r.enhanced).toBe(want.enhanced);
    if (want.stage !== undefined) expect(r.stage).toBe(want.stage);
    if (want.hard !== undefined) expect(r.hard).toBe(want.hard);
  });
});
