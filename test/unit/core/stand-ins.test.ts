// Stand-ins posters write for their own names and addresses (issue 11): never
// looked up as real, each kind with a failing and a passing form.
import { describe, expect, it } from 'vitest';
import { standInIp, standInName } from '../../../src/core/knowledge/stand-ins';
import { analyze } from '../../../src/core/index';
import type { DnsResponse, Resolver, RRType } from '../../../src/core/dns/resolver';

describe('standInName', () => {
  it.each([
    ['domain.com', false],
    ['mail.mydomain.io', false],
    ['mail.my-domain.com', false],
    ['otherdomain.tld', false],
    ['smtp-01.tld', false],
    ['mail.xxx', false],
    ['xxxx.xxx', false],
    ['mx.***.de', false],
    ['[redacted]', false],
    ['<your domain>', false],
    ['example.com', true],
    ['baz.example.com', true],
    ['lists.example.org', true],
    ['host.test', true],
  ])('%s is a stand-in (documentation: %s)', (name, documentation) => {
    expect(standInName(name)).toMatchObject({ documentation });
  });
  it.each([
    'gmail.com',
    'mail.protection.outlook.com',
    'domainfactory.de',
    'examplecorp.com',
    'xxl-shop.de',
    'mydomaine.fr',
    't-online.de',
  ])('%s is taken for real', (name) => expect(standInName(name)).toBeNull());
});

describe('standInIp', () => {
  it.each([
    ['xxx.xxx.xxx.xxx', false],
    ['188.xxx.xxx.12', false],
    ['x.x.x.x', false],
    ['1.2.3.4', false],
    ['111.111.111.111', false],
    ['203.0.113.5', true],
    ['2001:db8::25', true],
  ])('%s is a stand-in (documentation: %s)', (ip, documentation) => {
    expect(standInIp(ip)).toMatchObject({ documentation });
  });
  it.each(['88.189.231.41', '209.85.220.41', '13.248.132.87', '2a01:4f8::1'])('%s is taken for real', (ip) =>
    expect(standInIp(ip)).toBeNull(),
  );
});

/** A resolver that records what it was asked and answers NXDOMAIN. */
function recording(publicDns: boolean): Resolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    publicDns,
    asked,
    async resolve(name: string, type: RRType): Promise<DnsResponse> {
      asked.push(`${name} ${type}`);
      return { name, type, rcode: 'NXDOMAIN', answers: [], ad: false, resolver: 'test', ms: 0 };
    },
  };
}

const bounce = (ip: string, domain: string) =>
  [
    `<anna@${domain}>: host mx.receiver.net[198.18.0.25] said: 550 5.7.1 Service unavailable, Client host [${ip}] blocked using zen.spamhaus.org (in reply to RCPT TO command)`,
    `postfix/smtp[1234]: 3F2B81C0A12: to=<bob@receiver.net>, relay=mx.receiver.net[198.18.0.25]:25, status=bounced (host mx.receiver.net[198.18.0.25] said: 550 5.7.1 Client host [${ip}] blocked using zen.spamhaus.org (in reply to RCPT TO command))`,
  ].join('\n');

describe('stand-ins are never checked as real', () => {
  it('a blacked-out domain and a made-up IP are not asked, and the report says why', async () => {
    const dns = recording(true);
    const r = await analyze(
      `Dec  3 10:00:00 mail postfix/qmgr[99]: 3F2B81C0A12: from=<anna@mydomain.com>, size=100, nrcpt=1 (queue active)\nDec  3 10:00:01 mail postfix/smtp[1234]: 3F2B81C0A12: to=<bob@receiver.net>, relay=mx.receiver.net[198.18.0.25]:25, status=bounced (host mx.receiver.net[198.18.0.25] said: 550 5.7.1 Client host [1.2.3.4] blocked using zen.spamhaus.org (in reply to RCPT TO command))`,
      { resolver: dns },
    );
    expect(dns.asked.filter((q) => /mydomain\.com|4\.3\.2\.1/.test(q))).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(/1\.2\.3\.4.*not looked up|not looked up.*1\.2\.3\.4/);
    expect(r.warnings.join(' ')).toMatch(/mydomain\.com/);
  });
  it('documentation names are asked of a lab resolver, not of the public DNS', async () => {
    const text = bounce('203.0.113.9', 'example.com').split('\n')[1];
    const lab = recording(false);
    await analyze(text, { resolver: lab });
    expect(lab.asked.some((q) => q.startsWith('9.113.0.203.in-addr.arpa'))).toBe(true);
    const pub = recording(true);
    await analyze(text, { resolver: pub });
    expect(pub.asked.some((q) => q.includes('113.0.203'))).toBe(false);
  });
  it('a real IP is still asked (the passing form)', async () => {
    const dns = recording(true);
    await analyze(bounce('88.189.231.41', 'real-sender.fr').split('\n')[1], { resolver: dns });
    expect(dns.asked.some((q) => q.startsWith('41.231.189.88.in-addr.arpa'))).toBe(true);
  });
});
