// Authentication-Results (RFC 8601), ARC (RFC 8617), Received-SPF (RFC 7208 §9.1).
import { describe, expect, it } from 'vitest';
import { parseAuthResults } from '../../../src/core/mail/authres';
import { readArc } from '../../../src/core/mail/arc';
import { parseReceivedSpf } from '../../../src/core/mail/received-spf';
import { readHeaderBlock } from '../../../src/core/mail/header-block';

const fieldsOf = (text: string) => readHeaderBlock(text.split('\n')).fields;

describe('parseAuthResults', () => {
  it.each([
    [
      'Microsoft 365',
      'spf.protection.outlook.com; spf=pass (sender IP is 198.51.100.7) smtp.mailfrom=sender.example; dkim=pass (signature was verified) header.d=sender.example;dmarc=pass action=none header.from=sender.example;compauth=pass reason=100',
      {
        authservId: 'spf.protection.outlook.com',
        results: [
          {
            method: 'spf',
            result: 'pass',
            comment: 'sender IP is 198.51.100.7',
            properties: [{ type: 'smtp', name: 'mailfrom', value: 'sender.example' }],
          },
          { method: 'dkim', result: 'pass', properties: [{ type: 'header', name: 'd', value: 'sender.example' }] },
          {
            method: 'dmarc',
            result: 'pass',
            extras: [{ name: 'action', value: 'none' }],
            properties: [{ type: 'header', name: 'from', value: 'sender.example' }],
          },
          { method: 'compauth', result: 'pass', reason: '100' },
        ],
      },
    ],
    ['version and none', 'mx.example.org 1; none', { authservId: 'mx.example.org', version: '1', none: true, results: [] }],
    [
      'method version and quoted reason',
      'mx.example.org; dkim/1=fail reason="signature did not verify" header.d=sender.example',
      { results: [{ method: 'dkim', version: '1', result: 'fail', reason: 'signature did not verify' }] },
    ],
    [
      'base64 header.b with = padding, iprev with IPv6',
      'mx.example.org; dkim=pass header.b=Ab+/9w==; iprev=pass policy.iprev=2001:db8::1',
      {
        results: [
          { method: 'dkim', properties: [{ type: 'header', name: 'b', value: 'Ab+/9w==' }] },
          { method: 'iprev', properties: [{ type: 'policy', name: 'iprev', value: '2001:db8::1' }] },
        ],
      },
    ],
    [
      'unreadable pieces are kept',
      'mx.example.org; spf=pass smtp.mailfrom=a.example; garbage here',
      { results: [{ method: 'spf' }], unparsed: ['garbage here'] },
    ],
    ['empty never throws', '', { authservId: '', results: [] }],
    [
      // Microsoft 365 writes no authserv-id: the first method is not the id
      'Microsoft 365 without authserv-id',
      'spf=pass (sender IP is 198.51.100.7) smtp.mailfrom=sender.example; dkim=none (message not signed) header.d=none;dmarc=pass action=none header.from=sender.example;compauth=pass reason=100',
      {
        authservId: '',
        results: [
          { method: 'spf', result: 'pass', properties: [{ type: 'smtp', name: 'mailfrom', value: 'sender.example' }] },
          { method: 'dkim', result: 'none' },
          { method: 'dmarc', result: 'pass' },
          { method: 'compauth', result: 'pass' },
        ],
        unparsed: [],
      },
    ],
  ])('%s', (_n, value, want) => {
    expect(parseAuthResults(value)).toMatchObject(want);
  });
});

describe('readArc', () => {
  const seal = (i: number, cv: string) => `ARC-Seal: i=${i}; a=rsa-sha256; t=1741083069; cv=${cv}; d=relay${i}.example; s=arc; b=Zm9v`;
  const ams = (i: number) =>
    `ARC-Message-Signature: i=${i}; a=rsa-sha256; c=relaxed/relaxed; d=relay${i}.example; s=arc; h=from:to; bh=YmFy; b=YmF6`;
  const aar = (i: number) => `ARC-Authentication-Results: i=${i}; relay${i}.example; spf=pass smtp.mailfrom=sender.example`;
  it('reads a valid two-instance chain in order', () => {
    const arc = readArc(fieldsOf([seal(2, 'pass'), ams(2), aar(2), seal(1, 'none'), ams(1), aar(1)].join('\n')));
    expect(arc.structure).toBe('valid');
    expect(arc.instances.map((i) => i.i)).toEqual([1, 2]);
    expect(arc.latestCv).toBe('pass');
    expect(arc.instances[0].results?.authResults.authservId).toBe('relay1.example');
  });
  it.each([
    ['a broken chain (cv=fail)', [seal(2, 'fail'), ams(2), aar(2), seal(1, 'none'), ams(1), aar(1)], /cv=fail/],
    ['a missing instance', [seal(2, 'pass'), ams(2), aar(2)], /i=1 is missing/],
    ['a missing AMS', [seal(1, 'none'), aar(1)], /no ARC-Message-Signature/],
    ['first seal not cv=none', [seal(1, 'pass'), ams(1), aar(1)], /must say cv=none/],
  ])('flags %s', (_n, lines, problem) => {
    const arc = readArc(fieldsOf(lines.join('\n')));
    expect(arc.structure).toBe('invalid');
    expect(arc.problems.map((p) => p.text).join(' ')).toMatch(problem);
  });
  it('no ARC headers: none', () => {
    expect(readArc(fieldsOf('From: a@b.example\nTo: c@d.example')).structure).toBe('none');
  });
});

describe('parseReceivedSpf', () => {
  it('reads result, comment and key=value pairs', () => {
    expect(
      parseReceivedSpf(
        'pass (mybox.example.org: domain of myname@example.com designates 192.0.2.1 as permitted sender) receiver=mybox.example.org; client-ip=192.0.2.1; envelope-from="myname@example.com"; helo=foo.example.com;',
      ),
    ).toMatchObject({
      result: 'pass',
      clientIp: '192.0.2.1',
      envelopeFrom: 'myname@example.com',
      helo: 'foo.example.com',
      receiver: 'mybox.example.org',
    });
  });
  it('Gmail form (client-ip only)', () => {
    expect(
      parseReceivedSpf(
        'softfail (google.com: domain of transitioning a@b.example does not designate 203.0.113.45 as permitted sender) client-ip=203.0.113.45;',
      ),
    ).toMatchObject({
      result: 'softfail',
      clientIp: '203.0.113.45',
    });
  });
});

describe('what recorded results mean', () => {
  it.each([
    ['spf', 'softfail', /probably not authorised/],
    ['DKIM', 'FAIL', /did not verify/],
    ['dmarc', 'bestguesspass', /Microsoft/],
    ['iprev', 'fail', /reverse name/],
  ])('%s=%s', async (method, result, meaning) => {
    const { authResultMeaning } = await import('../../../src/core/knowledge/verdicts/auth-results');
    expect(authResultMeaning(method, result)).toMatch(meaning);
  });
  it('an unknown pair has no meaning (shown as written)', async () => {
    const { authResultMeaning } = await import('../../../src/core/knowledge/verdicts/auth-results');
    expect(authResultMeaning('x-foo', 'pass')).toBeNull();
  });
});
