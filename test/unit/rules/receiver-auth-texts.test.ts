// Receivers' authentication texts become the spf.* / dkim.* / dmarc.* steps
// they state, with the names filled in (issue 11 point 5;
// knowledge/recorded-checks.ts): Gmail's 5.7.26/4.7.26 "unauthenticated",
// 5.7.27 SPF, 5.7.30 DKIM, 5.7.32 alignment, 4.7.40 no DMARC, Yahoo's 5.7.9,
// "DMARC policy for <domain>", "<ip> is not allowed to send from <domain>".
// Never a generic smtp.auth-failed with a blank, and never a bulk-sender step
// that finds nothing unmet beside a receiver that says SPF failed.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { readRecordedChecks } from '../../../src/core/knowledge/recorded-checks';

const problems = async (text: string) => (await analyze(text)).checklist.filter((s) => s.status === 'fail' || s.status === 'warn');

describe("receivers' authentication texts", () => {
  it.each([
    [
      'Gmail 5.7.26, the older words, wrapped by Exim',
      `SMTP error from remote mail server after end of data:
    host aspmx.l.google.com [142.250.1.26]: 550-5.7.26 This message does not have authentication information or fails to pass
    550-5.7.26 authentication checks. To best protect our users from spam, the message has been blocked.`,
      ['spf.fail', 'dkim.fail'],
      [],
    ],
    [
      'Gmail 5.7.26 (2024 words) with the names',
      '550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. Authentication results: DKIM = did not pass SPF [example.org] with ip: [192.0.2.25] = did not pass',
      ['spf.fail', 'dkim.fail'],
      ['example.org', '192.0.2.25'],
    ],
    [
      'Yahoo 5.7.9 in the same words',
      '550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM.',
      ['spf.fail', 'dkim.fail'],
      [],
    ],
    [
      'Gmail 5.7.27, SPF only',
      "550-5.7.27 Your email has been blocked because SPF authentication didn't pass for this message.",
      ['spf.fail'],
      [],
    ],
    [
      'an IP not allowed to send from a domain',
      "550 5.1.0 192.0.2.1 is not allowed to send from <example.jp> per it's SPF Record. Please inspect your SPF settings, and try again.",
      ['spf.fail'],
      ['example.jp', '192.0.2.1'],
    ],
    [
      'an IP in brackets not authorised to send on behalf of a domain',
      "421-4.7.23 The sender's IP [192.0.2.5] is not authorized to send on behalf of example.org via SPF.",
      ['spf.fail'],
      ['example.org', '192.0.2.5'],
    ],
    ['a DMARC policy for a named domain', '550 5.7.1 Email rejected per DMARC policy for example.org', ['dmarc.fail'], ['example.org']],
    [
      'Microsoft 5.7.509, wrapped',
      `<a@example.net>: host example-net.mail.protection.outlook.com[52.101.1.1] said: 550 5.7.509 Access denied, sending domain [EXAMPLE.ORG] does not pass DMARC
    verification and has a DMARC policy of reject. (in reply to end of DATA command)`,
      ['dmarc.fail'],
      ['example.org'],
    ],
    [
      'Gmail 5.7.30, DKIM only',
      "550-5.7.30 Your email has been blocked because DKIM authentication didn't pass for this message.",
      ['dkim.fail'],
      [],
    ],
    [
      // (the result named in the words, not RFC 7372's generic "failed": a broken record, RFC 7208 §4.5)
      'a receiver that names the SPF result permerror',
      '421 SPF validation failed with result "permerror" and explanation "SPF Permanent Error: Two or more type TXT spf records found."',
      ['spf.permerror'],
      [],
    ],
    ["pyspf's PermError quoted alone", '550 5.7.1 SPF Permanent Error: Too many DNS lookups', ['spf.permerror'], []],
    ['the RFC 7372 words without a result stay a fail', '550 5.7.23 SPF validation failed', ['spf.fail'], []],
    // Cisco AsyncOS's default SPF reject text (its Advanced Configuration Guide), as a gateway returns it
    ['Cisco Secure Email: SPF unauthorized', '550 #5.7.1 SPF unauthorized mail is prohibited.', ['spf.fail'], []],
    // Mail.ru's DMARC refusal (help.mail.ru/mail-help/postmaster/dmarc)
    [
      'Mail.ru: not accepted due to domain owner DMARC policy',
      '550 5.7.1 This message was not accepted due to domain owner DMARC policy (RFC 7489) https://help.mail.ru/mail-help/postmaster/dmarc',
      ['dmarc.fail'],
      [],
    ],
    // Exchange Online's NDR sentence for the recipient provider's authentication refusal, pasted without the diagnostic
    [
      "Exchange Online NDR: didn't pass the email authentication checks",
      "Your message to someone@example.org couldn't be delivered.\nThe recipient's email provider rejected your message because it didn't pass the email authentication checks.",
      ['spf.fail', 'dkim.fail'],
      [],
    ],
  ])('%s', async (_, text, rules, names) => {
    const steps = await problems(text);
    expect(rules).toContain(steps[0]?.rule);
    for (const r of rules) expect(steps.map((s) => s.rule)).toContain(r);
    expect(steps.map((s) => s.rule)).not.toContain('smtp.auth-failed');
    const all = JSON.stringify(steps).toLowerCase();
    for (const n of names) expect(all).toContain(n.toLowerCase());
    // a receiver that says SPF or DKIM failed is never beside "none found unmet"
    expect(steps.some((s) => s.rule.startsWith('bulk.') && /none found unmet/.test(s.title))).toBe(false);
  });

  it.each([
    // Gmail's DMARC-policy 5.7.26 is DMARC's: it says nothing about SPF and DKIM each
    ["Unauthenticated email from example.org is not accepted due to domain's DMARC policy", ['dmarc']],
    // "a DMARC policy of reject" names no domain called "reject"
    ['550 5.7.1 rejected: DMARC policy of reject', ['dmarc']],
    // words about a mailbox that happen to hold an SPF-like token are not an SPF result
    ['550 5.1.1 <spf@example.org>: Recipient address rejected: User unknown', []],
    // Mail.ru's words name DMARC; the same sentence about an owner's policy without DMARC names no check
    ['This message was not accepted due to domain owner DMARC policy (RFC 7489)', ['dmarc']],
    ['This message was not accepted due to domain owner policy', []],
    // an unauthorised sender or relay is no SPF result; only SPF's own word "SPF unauthorized" is
    ['550 5.7.1 Unauthorized sender', []],
    ['550 #5.7.1 SPF unauthorized mail is prohibited.', ['spf']],
    // "passed the authentication checks" is no failure
    ['Your message passed the email authentication checks', []],
  ])('passing form: %s', (text, checks) => {
    const found = readRecordedChecks(text);
    expect(found.map((c) => c.check)).toEqual(checks);
    expect(found.some((c) => c.domain === 'reject')).toBe(false);
  });

  it.each([
    ['SPF validation failed with result "permerror"', 'permerror'],
    ['SPF Permanent Error: Two or more type TXT spf records found.', 'permerror'],
    ['SPF Temporary Error: DNS Timeout', 'temperror'],
    ['SPF check failed with result: softfail', 'softfail'],
    // failing form: the RFC 7372 words alone say fail
    ['5.7.23 SPF validation failed', 'fail'],
  ])('the SPF result the words name: %s', (text, result) => {
    expect(readRecordedChecks(text).find((c) => c.check === 'spf')?.result).toBe(result);
  });
});
