// Reverse DNS and HELO: PTR (IPv4 and IPv6 nibbles), several PTRs, FCrDNS,
// generic-looking names, and the HELO name against DNS and the PTR.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { genericName } from '../../../src/core/rules/ptr-generic';
import type { Report } from '../../../src/core/types';
import { tableResolver, type Table } from '../../support/table-resolver';

describe('genericName', () => {
  it.each([
    ['dsl-198-51-100-7.example.net', '198.51.100.7', true],
    ['7.100.51.198.static.example.net', '198.51.100.7', true],
    ['host198051100007.example.net', '198.51.100.7', true],
    ['c6336407.example.net', '198.51.100.7', true], // hex
    ['dynamic.isp.example', '203.0.113.5', true],
    ['pool-a12.isp.example', '203.0.113.5', true],
    ['cpe-abc.cable.example.com', '203.0.113.5', true],
    ['ppp-22.dialin.example.org', '203.0.113.5', true],
    ['ec2-203-0-113-5.compute-1.amazonaws.com', '203.0.113.5', true],
    ['mail.example.org', '198.51.100.7', false],
    ['mx1.mail.example.org', '198.51.100.7', false],
    ['smtp-out.example.com', '198.51.100.7', false],
    ['mail.dsl-provider.example', '198.51.100.7', false], // the registered domain itself does not count
    ['2001-db8--25.customer.example.net', '2001:db8::25', true],
  ])('%s (%s) generic: %s', (name, ip, generic) => {
    expect(genericName(name, ip).generic).toBe(generic);
  });
});

const log = (ip: string, helo: string) => `Mon 2007-06-11 09:14:02: Session 0012345; child 0001
Mon 2007-06-11 09:14:02: Accepting SMTP connection from [${ip} : 1547] to [192.168.1.5 : 25]
Mon 2007-06-11 09:14:02: --> 220 mail.example.com ESMTP MDaemon 9.6.0; Mon, 11 Jun 2007 09:14:02 +0200
Mon 2007-06-11 09:14:02: <-- EHLO ${helo}
Mon 2007-06-11 09:14:02: --> 250 mail.example.com Hello
Mon 2007-06-11 09:14:02: <-- MAIL From:<reports@sender.example> SIZE=389
Mon 2007-06-11 09:14:02: --> 250 <reports@sender.example>, Sender ok
Mon 2007-06-11 09:14:02: <-- RCPT To:<alice@example.com>
Mon 2007-06-11 09:14:02: --> 550 5.7.1 Client host rejected: cannot find your reverse hostname
Mon 2007-06-11 09:14:02: <-- QUIT
`;

const run = (ip: string, helo: string, t: Table) => analyze(log(ip, helo), { resolver: tableResolver(t) });
const step = (r: Report, rule: string) => r.checklist.find((s) => s.rule === rule);

describe('reverse DNS through analyze()', () => {
  it('IPv6: the PTR is asked at the nibble name, and forward-confirmed with AAAA', async () => {
    const ip = '2001:db8::25';
    const rev = '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa';
    const r = await run(ip, 'mail.sender.example', {
      [`${rev} PTR`]: ['mail.sender.example'],
      'mail.sender.example AAAA': ['2001:db8:0:0::25'],
    });
    expect(step(r, 'ptr.missing')?.status).toBe('pass');
    expect(step(r, 'ptr.mismatch')?.status).toBe('pass');
    expect(step(r, 'ptr.generic')?.status).toBe('pass');
    expect(step(r, 'helo.invalid')?.status).toBe('pass');
  });

  it('an IPv4-mapped IPv6 address is checked as the IPv4 address', async () => {
    const r = await run('::ffff:198.51.100.7', 'mail.sender.example', {
      '7.100.51.198.in-addr.arpa PTR': ['mail.sender.example'],
      'mail.sender.example A': ['198.51.100.7'],
    });
    expect(step(r, 'ptr.missing')?.status).toBe('pass');
    expect(step(r, 'ptr.mismatch')?.status).toBe('pass');
    expect(step(r, 'helo.invalid')?.status).toBe('pass');
  });

  it('a private client address: no public PTR or blocklist questions, an info step says why', async () => {
    const resolver = tableResolver({});
    const r = await analyze(log('192.168.1.20', 'mail.sender.example'), { resolver });
    expect(step(r, 'ptr.missing')).toMatchObject({ status: 'info', title: expect.stringMatching(/private or local address/) });
    expect(step(r, 'ptr.mismatch')).toBeUndefined();
    expect(resolver.asked.some((q) => q.includes('in-addr.arpa') || q.includes('168.192'))).toBe(false);
  });

  // (without a reverse-DNS refusal, one name leading back passes, RFC 8601 iprev:
  // test/unit/core/dns-subjects.test.ts; this log's receiver refused for reverse DNS)
  it('several PTRs, one not leading back, and the receiver refused for reverse DNS: that one is the problem', async () => {
    const r = await run('198.51.100.7', 'mail.sender.example', {
      '7.100.51.198.in-addr.arpa PTR': ['old.sender.example', 'mail.sender.example'],
      'old.sender.example A': ['192.0.2.1'],
      'mail.sender.example A': ['198.51.100.7'],
    });
    expect(step(r, 'ptr.mismatch')).toMatchObject({
      status: 'fail',
      title: expect.stringContaining('only mail.sender.example resolves back'),
      // the log is the reader's own MDaemon refusing the client: the fix is the sender's to make
      fix: [
        expect.stringContaining("tell the sender's administrator"),
        expect.stringContaining('IN PTR old.sender.example.'),
        expect.stringContaining('exception'),
      ],
    });
  });

  it('FCrDNS fails: ptr.mismatch with the record to add', async () => {
    const r = await run('198.51.100.7', 'mail.sender.example', {
      '7.100.51.198.in-addr.arpa PTR': ['mail.sender.example'],
      'mail.sender.example A': ['192.0.2.1'],
    });
    const s = step(r, 'ptr.mismatch')!;
    expect(s.status).toBe('fail');
    // (the reader's own server refused the client: what the sender must add, addressed as such)
    expect(s.fix).toContain('(sender) Add to the zone of mail.sender.example: mail.sender.example. IN A 198.51.100.7');
  });

  it('a PTR name that does not resolve at all is not forward-confirmed (NXDOMAIN or NODATA)', async () => {
    const r = await run('198.51.100.7', 'mail.sender.example', { '7.100.51.198.in-addr.arpa PTR': ['gone.sender.example'] });
    expect(step(r, 'ptr.mismatch')?.status).toBe('fail');
  });

  it('a generic PTR: ptr.generic warns and names who can change it', async () => {
    const r = await run('198.51.100.7', 'mail.sender.example', {
      '7.100.51.198.in-addr.arpa PTR': ['198-51-100-7.dyn.isp.example'],
      '198-51-100-7.dyn.isp.example A': ['198.51.100.7'],
      'mail.sender.example A': ['198.51.100.7'],
    });
    const s = step(r, 'ptr.generic')!;
    expect(s.status).toBe('warn');
    expect(s.title).toMatch(/IP address's own digits.*"dyn" suggests a dynamic address/);
    expect(s.fix.join(' ')).toMatch(/\(sender\) .*owner of the IP block.*7\.100\.51\.198\.in-addr\.arpa\. IN PTR mail\.sender\.example\./);
  });

  it('no PTR: NODATA counts as missing, like NXDOMAIN', async () => {
    const r = await run('198.51.100.7', 'mail.sender.example', { '7.100.51.198.in-addr.arpa TXT': ['x'] });
    expect(step(r, 'ptr.missing')?.status).toBe('fail');
    expect(step(r, 'ptr.generic')).toBeUndefined();
  });

  it('a PTR lookup that fails leaves the receiver’s own finding standing: fail (its refusal says so), with a retry', async () => {
    const r = await run('198.51.100.7', 'mail.sender.example', { '7.100.51.198.in-addr.arpa PTR': 'SERVFAIL' });
    const s = step(r, 'ptr.missing')!;
    expect(s).toMatchObject({ status: 'fail', retry: true });
    expect(s.evidence.map((e) => e.text).join(' ')).toMatch(/SERVFAIL/);
  });
});

describe('helo.invalid', () => {
  it('an FQDN that resolves elsewhere and is not the PTR name: warn', async () => {
    const r = await run('198.51.100.7', 'www.other.example', {
      '7.100.51.198.in-addr.arpa PTR': ['mail.sender.example'],
      'mail.sender.example A': ['198.51.100.7'],
      'www.other.example A': ['192.0.2.80'],
    });
    const s = step(r, 'helo.invalid')!;
    expect(s.status).toBe('warn');
    expect(s.title).toMatch(
      /resolves to 192\.0\.2\.80, not to the sending IP 198\.51\.100\.7, and is not its PTR name \(mail\.sender\.example\)/,
    );
  });

  it('the HELO name is the PTR name: pass', async () => {
    const r = await run('198.51.100.7', 'mail.sender.example', {
      '7.100.51.198.in-addr.arpa PTR': ['mail.sender.example'],
      'mail.sender.example A': ['198.51.100.7'],
    });
    expect(step(r, 'helo.invalid')).toMatchObject({ status: 'pass', title: expect.stringContaining("is the IP's PTR name") });
  });

  it.each([
    ['accounting-pc', 'warn', /not a fully qualified/],
    ['[198.51.100.7]', 'info', /address literal/],
    ['[192.0.2.1]', 'warn', /is not the connecting IP/],
    ['nowhere.sender.example', 'warn', /does not resolve/],
  ])('HELO %s → %s', async (helo, status, title) => {
    const r = await run('198.51.100.7', helo, {});
    expect(step(r, 'helo.invalid')).toMatchObject({ status, title: expect.stringMatching(title) });
  });
});
