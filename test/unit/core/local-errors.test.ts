// The sending side's own server failing on its own configuration, in its own
// words (issue 11): no remote server answered, so the step is the own
// server's (mta.local-error), never a receiver's block or an unknown user.
import { describe, expect, it } from 'vitest';
import { findReceiverKnowledge } from '../../../src/core/knowledge/replies';
import { decideReason } from '../../../src/core/reason/engine';
import { knownWordsAlone } from '../../../src/core/parse/bounce/known-words';

const known = (text: string, code: number | null, stage: 'connect' | 'rcpt' | 'unknown' = 'unknown') =>
  findReceiverKnowledge(text, code, stage);

describe("an own server's local errors", () => {
  it.each([
    [
      "hMailServer's loop guard (the remote MX resolved to its own address)",
      'Error Type: SMTP Connection to recipients server failed. Error: Could not connect to 192.0.2.10 on port 25 since this would mean connecting to myself.',
      null,
      'hmailserver.connecting-to-myself',
    ],
    [
      'Exchange routing an address to a mailbox database it does not have',
      '420 4.2.0 Recipient deferred because there is no Mdb',
      420,
      'exchange.no-mdb',
    ],
  ])('%s', (_name, text, code, id) => {
    const k = known(text, code);
    expect(k?.id).toBe(id);
    // the own server's configuration: its local error, or the loop its DNS makes
    expect(['mta.local-error', 'smtp.mail-loop']).toContain(k?.rules[0]);
    expect(decideReason({ code, enhanced: code ? '4.2.0' : null, text, stage: 'unknown' }).reason).toBe('systemerror');
  });
  it.each([
    ['a connection that failed for another reason', 'Could not connect to 192.0.2.10 on port 25: connection timed out'],
    ['a deferral that names no database', '420 4.2.0 Recipient deferred'],
  ])('%s is not these', (_name, text) => {
    expect(['hmailserver.connecting-to-myself', 'exchange.no-mdb']).not.toContain(known(text, null)?.id);
  });
});

describe("OpenDKIM's own key errors: the signing milter cannot sign, the own server tempfails", () => {
  it.each([
    'Sep  2 09:56:10 mail opendkim[1806]: 2: key data is not secure: /var/lib/dkim/example.org.pem can be read or written by other users',
    "Sep  2 09:56:10 mail opendkim[1806]: 4E8422055A: error loading key '2'",
    "can't load key from /etc/postfix/dkim/mail.private: No such file or directory",
  ])('%s', (line) => {
    expect(known(line, null)?.id).toBe('opendkim.key-error');
    expect(known(line, null)?.rules[0]).toBe('mta.local-error');
    expect(knownWordsAlone([line])).toBe(true);
  });
  it('a key that signed is no error', () => {
    const line = 'Sep  2 09:56:10 mail opendkim[1806]: 4E8422055A: DKIM-Signature field added (s=mail, d=example.org)';
    expect(known(line, null)?.id).toBeUndefined();
    expect(knownWordsAlone([line])).toBe(false);
  });
});

describe("a sending server's own MX lookup failing (OpenSMTPD's routing words)", () => {
  it('"Failed to resolve MX for <domain>: Invalid domain name" is the DNS lookup failing', () => {
    const line = 'smtp-out: routing: Failed to resolve MX for example.org: Invalid domain name';
    expect(known(line, null)?.rules[0]).toBe('smtp.dns-lookup-failed');
    expect(knownWordsAlone([line])).toBe(true);
  });
  it('a domain that does not exist is not a lookup that failed', () => {
    expect(known('smtp-out: routing: Failed to resolve MX for example.org: Domain does not exist', null)?.rules[0]).not.toBe(
      'smtp.dns-lookup-failed',
    );
  });
});

describe("Postfix's answer when a milter failed: 451 4.7.1 Service unavailable - try again later", () => {
  it("is the refusing server's own filter failing (mta.local-error), not a block", () => {
    const k = known('Service unavailable - try again later.', 451);
    expect(k?.rules[0]).toBe('mta.local-error');
    expect(decideReason({ code: 451, enhanced: '4.7.1', text: 'Service unavailable - try again later.', stage: 'unknown' }).reason).toBe(
      'systemerror',
    );
  });
  // a milter that answered the connection and the envelope, then deferred without words: a decision (greylisting)
  it.each([
    ['connect', 'postfix.milter-tempfail', 'mta.local-error'],
    ['unknown', 'postfix.milter-tempfail', 'mta.local-error'],
    ['end-of-data', 'postfix.milter-tempfail', 'mta.local-error'],
    ['rcpt', 'postfix.milter-tempfail-envelope', 'smtp.greylisted'],
    ['data', 'postfix.milter-tempfail-envelope', 'smtp.greylisted'],
  ] as const)('at %s: %s, %s first', (stage, id, rule) => {
    const k = findReceiverKnowledge('Service unavailable - try again later', 451, stage);
    expect(k?.id).toBe(id);
    expect(k?.rules[0]).toBe(rule);
  });
  it('a 421 "Service not available" (RFC 5321 closing) is not this', () => {
    expect(known('Service not available, closing transmission channel', 421)?.id).not.toBe('postfix.milter-tempfail');
  });
});
