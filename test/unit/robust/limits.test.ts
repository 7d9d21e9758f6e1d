// Issue 10, point 2: a limit that cuts input says so in the report.
import { describe, expect, it } from 'vitest';
import { analyze, readEvidence } from '../../../src/core/analyze';
import { resolveOptions } from '../../../src/core/options';
import { domainLikeTokens } from '../../../src/core/text/tokens';

const line = (text: string) =>
  `Jan  1 00:00:00 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from a.example[192.0.2.1]: 554 5.7.1 ${text}; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<a.example>`;

describe('limits.maxReplyChars', () => {
  it('a refusal longer than the limit is cut, classified on what is left, and the report says so', async () => {
    const report = await analyze(line('Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org ' + 'x'.repeat(20000)));
    expect(report.rejections[0].text.length).toBeLessThanOrEqual(8192);
    expect(report.rejections[0].reason).toBe('blocked');
    expect(report.warnings.join(' ')).toMatch(/longer than 8192 characters: only the first 8192 were read \(limits\.maxReplyChars\)/);
  });
  it('a refusal within the limit is kept whole, and nothing is said', () => {
    const e = readEvidence(line('Service unavailable'));
    expect(e.warnings.join(' ')).not.toMatch(/maxReplyChars/);
  });
  it('is a validated option', () => {
    expect(resolveOptions({ limits: { maxReplyChars: 100 } }).limits.maxReplyChars).toBe(100);
    expect(() => resolveOptions({ limits: { maxReplyChars: -1 } })).toThrow(/maxReplyChars/);
    expect(() => resolveOptions({ limits: { maxReplyChars: 1.5 } })).toThrow(/maxReplyChars/);
  });
});

describe('domainLikeTokens', () => {
  it.each([
    ['blocked using zen.spamhaus.org; see https://www.spamhaus.org/x', ['zen.spamhaus.org', 'www.spamhaus.org']],
    ['listed at relays.ordb.org.', ['relays.ordb.org']],
    ['no domain here 1.2.3.4 or a.b1', []],
    ['-lead.example..trail.example-x', ['lead.example', 'trail.example']],
  ])('%s', (text, expected) => {
    expect(domainLikeTokens(text)).toEqual(expected);
  });
});
