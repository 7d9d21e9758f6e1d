// The live-DNS side as real domains publish it: DKIM selectors delegated by
// CNAME to a provider (with the key split into several 255-byte strings, or
// missing at the target), DMARC records with the slips people make, the PTR
// name to suggest, and which IP and SPF domain a bounce is about.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { DohResolver } from '../../../src/net/doh';
import { verifyDkim } from '../../../src/core/auth/dkim/verify';
import { messageParser } from '../../../src/core/parse/message';
import { splitLines } from '../../../src/core/text/lines';
import { Lookup } from '../../../src/core/dns/lookup';
import { describeResponse } from '../../../src/core/dns/resolver';
import { parseDmarcRecord, repairDmarcRecord } from '../../../src/core/auth/dmarc/record';
import { findDmarcRecord } from '../../../src/core/auth/dmarc/evaluate';
import { checkPtr } from '../../../src/core/checks/ptr';
import { auditSpf, gluedTerms } from '../../../src/core/auth/spf/audit';
import { dkimDelegationOf } from '../../../src/core/knowledge/dkim-delegation';
import { startDohServer, type Zone } from '../../support/doh-server';
import { tableResolver } from '../../support/table-resolver';
import { rsaKey, signMessage } from '../../support/dkim-sign';

const NOW = new Date('2026-01-01T00:00:00Z');
const MESSAGE =
  'From: Alice <alice@example.org>\r\nTo: bob@gmail.com\r\nSubject: Test\r\nDate: Thu, 1 Jan 2026 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\n\r\nHello Bob,\r\n\r\nsee you.\r\n';

async function withDoh<T>(zone: Zone, f: (dns: Lookup) => Promise<T>): Promise<T> {
  const server = await startDohServer({ zone });
  try {
    return await f(new Lookup(new DohResolver({ endpoints: [server.url] }), () => NOW, 100));
  } finally {
    await server.close();
  }
}

/** A TXT value as zone files split it: character-strings of at most 255 bytes (RFC 1035 §3.3.14). */
function strings255(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += 255) out.push(s.slice(i, i + 255));
  return out;
}

describe('DKIM keys behind a CNAME (Microsoft 365, SendGrid)', () => {
  it('follows the CNAME and joins a 2048-bit key published as several strings', async () => {
    const key = await rsaKey(2048);
    expect(key.record.length).toBeGreaterThan(255);
    const signed = await signMessage(MESSAGE, key, { domain: 'example.org', selector: 's1' });
    const msg = messageParser.parse(splitLines(signed), signed, { exactBytes: true }).message!;
    const zone: Zone = {
      records: [
        { name: 's1._domainkey.example.org', type: 'CNAME', data: 's1.domainkey.u1234567.wl123.sendgrid.net' },
        { name: 's1.domainkey.u1234567.wl123.sendgrid.net', type: 'TXT', data: strings255(key.record) },
      ],
    };
    const [v] = await withDoh(zone, (dns) => verifyDkim(msg, dns, NOW));
    expect(v.result).toBe('pass');
    expect(describeResponse(v.keyResponse!)).toMatch(/^CNAME s1\.domainkey\.u1234567\.wl123\.sendgrid\.net → v=DKIM1; k=rsa; p=/);
  });

  it('names the CNAME target when the provider publishes no key there', async () => {
    const key = await rsaKey(1024);
    const signed = await signMessage(MESSAGE, key, { domain: 'example.org', selector: 'selector1' });
    const msg = messageParser.parse(splitLines(signed), signed, { exactBytes: true }).message!;
    const target = 'selector1-example-org._domainkey.exampleorg.onmicrosoft.com';
    const zone: Zone = { records: [{ name: 'selector1._domainkey.example.org', type: 'CNAME', data: target }] };
    const [v] = await withDoh(zone, (dns) => verifyDkim(msg, dns, NOW));
    expect(v.result).toBe('permerror');
    expect(v.reason).toContain(`a CNAME to ${target}`);
    expect(describeResponse(v.keyResponse!)).toContain(`CNAME ${target} →`);
  });

  it('the fix is at the provider (Microsoft 365: turn DKIM on), not a TXT to write by hand', async () => {
    const key = await rsaKey(1024);
    const signed = await signMessage(MESSAGE, key, { domain: 'example.org', selector: 'selector1' });
    const target = 'selector1-example-org._domainkey.exampleorg.onmicrosoft.com';
    const server = await startDohServer({ zone: { records: [{ name: 'selector1._domainkey.example.org', type: 'CNAME', data: target }] } });
    try {
      const r = await analyze(signed, { resolver: new DohResolver({ endpoints: [server.url] }), exactBytes: true, now: () => NOW });
      const step = r.checklist.find((s) => s.rule === 'dkim.fail')!;
      expect(step.status).toBe('fail');
      expect(step.fix.join(' ')).toContain('Defender portal');
      expect(step.fix.join(' ')).not.toContain('Publish the public key');
      expect(JSON.stringify(step.evidence)).toContain(`CNAME ${target} →`);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['selector1-example-org._domainkey.exampleorg.onmicrosoft.com', 'microsoft365'],
    ['selector2-example-org._domainkey.exampleorg.r-v1.dkim.mail.microsoft', 'microsoft365'],
    ['s1.domainkey.u1234567.wl123.sendgrid.net.', 'sendgrid'],
    ['dkim2.mcsv.net', 'mailchimp'],
    ['abcdefgh._domainkey.amazonses.com', undefined],
    ['abcdefgh.dkim.amazonses.com', 'amazon-ses'],
    ['selector1._domainkey.example.net', undefined],
  ])('knows the provider behind %s', (target, id) => {
    expect(dkimDelegationOf(target)?.id).toBe(id);
  });
});

describe('DMARC records with the slips people make', () => {
  it.each([
    ['v=DMARC1 p=quarantine; rua=mailto:d@example.net; pct=100', 'v=DMARC1; p=quarantine; rua=mailto:d@example.net; pct=100'],
    ['p=reject; v=DMARC1; rua=mailto:a@example.com', 'v=DMARC1; p=reject; rua=mailto:a@example.com'],
    ['v=DMARC1, p=none, rua=mailto:a@x.example,mailto:b@y.example', 'v=DMARC1; p=none; rua=mailto:a@x.example,mailto:b@y.example'],
    ['v=dmarc1; p=reject', 'v=DMARC1; p=reject'],
    // already valid, or not meant as DMARC: nothing to repair
    ['v=DMARC1; p=reject;', null],
    ['v=spf1 -all', null],
    ['google-site-verification=abc', null],
    // still broken once reordered: no guess
    ['v=DMARC1 p=rejected', null],
  ])('%s → %s', (text, repaired) => {
    expect(repairDmarcRecord(text)).toBe(repaired);
    if (repaired) expect(parseDmarcRecord(repaired).status).toBe('ok');
  });

  it('says which tag is wrong when v= swallowed the next tag', () => {
    expect(parseDmarcRecord('v=DMARC1 p=reject').errors[0]).toMatch(/reads "v=DMARC1 p=reject".*ended by a semicolon/);
  });

  it('reports a broken record as invalid with its repair, not as no record', async () => {
    const dns = new Lookup(tableResolver({ '_dmarc.example.com TXT': ['v=DMARC1 p=quarantine; rua=mailto:d@example.com'] }), () => NOW, 50);
    const lk = await findDmarcRecord('example.com', dns);
    expect(lk).toMatchObject({
      outcome: 'invalid',
      policyDomain: 'example.com',
      repaired: 'v=DMARC1; p=quarantine; rua=mailto:d@example.com',
    });
  });

  it('a broken record at a subdomain gives way to the organizational domain, as receivers do (RFC 7489 §6.6.3)', async () => {
    const dns = new Lookup(
      tableResolver({
        '_dmarc.news.example.com TXT': ['p=none; v=DMARC1'],
        '_dmarc.example.com TXT': ['v=DMARC1; p=reject'],
      }),
      () => NOW,
      50,
    );
    const lk = await findDmarcRecord('news.example.com', dns);
    expect(lk).toMatchObject({ outcome: 'found', policyDomain: 'example.com', inherited: true });
  });

  it('checks the report authorization of the repaired record', async () => {
    const log =
      'Nov 21 16:20:31 mail postfix/qmgr[812]: 7A1C2E0F31: from=<invoices@example.com>, size=5321, nrcpt=1 (queue active)\n' +
      "Nov 21 16:20:33 mail postfix/smtp[9912]: 7A1C2E0F31: to=<friend@outlook.com>, relay=outlook-com.olc.protection.outlook.com[203.0.113.200]:25, delay=1.9, delays=0.1/0/0.8/1, dsn=5.7.515, status=bounced (host outlook-com.olc.protection.outlook.com[203.0.113.200] said: 550 5.7.515 Access denied, sending domain [EXAMPLE.COM] doesn't meet the required authentication level. (in reply to end of DATA command))\n";
    const report = await analyze(log, {
      resolver: tableResolver({
        'example.com TXT': ['v=spf1 mx -all'],
        '_dmarc.example.com TXT': ['v=DMARC1 p=none; rua=mailto:d@reports.example.net'],
      }),
    });
    const invalid = report.checklist.find((s) => s.rule === 'dmarc.invalid')!;
    expect(invalid.status).toBe('fail');
    expect(invalid.fix.join(' ')).toContain('"v=DMARC1; p=none; rua=mailto:d@reports.example.net"');
    expect(report.checklist.find((s) => s.rule === 'dmarc.report-auth')?.title).toContain('reports.example.net');
    expect(report.checklist.some((s) => s.rule === 'dmarc.missing' && s.status !== 'pass')).toBe(false);
  });
});

describe('the PTR name to suggest', () => {
  it('is a name of the sender that already resolves to the IP (its MX host)', async () => {
    const dns = new Lookup(
      tableResolver({
        'example.org MX': ['10 mx1.example.org'],
        'mx1.example.org AAAA': ['2001:db8:1f0:8::25'],
        'mail.example.org AAAA': ['2001:db8:1f0:8::99'],
      }),
      () => NOW,
      50,
    );
    const c = await checkPtr('2001:db8:1f0:8::25', dns, { helo: 'localhost', domain: 'example.org' });
    expect(c).toMatchObject({ outcome: 'none', confirmedNames: ['mx1.example.org'] });
  });
  it('is none when no candidate resolves to it', async () => {
    const dns = new Lookup(tableResolver({ 'mail.example.org A': ['192.0.2.9'] }), () => NOW, 50);
    const c = await checkPtr('192.0.2.10', dns, { helo: 'mail.example.org', domain: 'example.org' });
    expect(c?.confirmedNames).toEqual([]);
  });
});

describe('DMARC for a subdomain with no record of its own', () => {
  it("names the sp= that applies, not the parent's p=none", async () => {
    const log =
      '2025-11-20 10:15:02 1vLxYz-000AbC-1q <= newsletter@news.example.com H=app01.example.com (app01) [198.51.100.14] P=esmtp S=18233\n' +
      "2025-11-20 10:15:04 1vLxYz-000AbC-1q ** reader@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [2a00:1450:400c:c0b::1a]: SMTP error from remote mail server after end of data: 550-5.7.26 Unauthenticated email from news.example.com is not accepted due to 550-5.7.26 domain's DMARC policy. - gsmtp\n";
    const report = await analyze(log, {
      resolver: tableResolver({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; sp=reject; rua=mailto:d@example.com'] }),
    });
    const fail = report.checklist.find((s) => s.rule === 'dmarc.fail')!;
    expect(fail.title).toContain('sp=reject, the subdomain policy of example.com that applies to news.example.com');
    expect(report.checklist.some((s) => s.rule === 'dmarc.weak-policy' && /p=none/.test(s.title))).toBe(false);
  });
});

describe('SPF records split into several strings (RFC 7208 §3.3: joined with no space)', () => {
  it.each([
    [
      ['v=spf1 ip4:192.0.2.0/24 include:_spf.google.com', 'include:spf.protection.outlook.com -all'],
      ['include:_spf.google.cominclude:spf.protection.outlook.com'],
    ],
    [['v=spf1 ip4:192.0.2.0/24 ', 'include:spf.protection.outlook.com -all'], []],
    [['v=spf1 ip4:192.0.2.0/24', ' include:spf.protection.outlook.com -all'], []],
    // a split inside a term (a 255-byte cut) is joined back into the right term
    [['v=spf1 include:_spf.goo', 'gle.com -all'], []],
    [['v=spf1 include:_spf.google.com', '~all'], ['include:_spf.google.com~all']],
    [['v=spf1 ip4:192.0.2.1', 'mx -all'], ['ip4:192.0.2.1mx']],
    [['v=spf1 a:mail.example.com', 'mx.example.net -all'], []],
  ])('%j → %j', (strings, glued) => {
    expect(gluedTerms(strings)).toEqual(glued);
  });

  it('the audit reports a glued term from the strings DNS gave, as a permerror for the senders that reach it', async () => {
    const zone: Zone = {
      records: [
        {
          name: 'example.com',
          type: 'TXT',
          data: ['v=spf1 ip4:192.0.2.0/24 include:_spf.google.com', 'include:spf.protection.outlook.com -all'],
        },
        { name: '_spf.google.com', type: 'TXT', data: 'v=spf1 ip4:198.51.100.0/24 ~all' },
      ],
    };
    const audit = await withDoh(zone, (dns) => auditSpf('example.com', dns));
    expect(audit.findings).toEqual([
      expect.objectContaining({
        rule: 'spf.permerror',
        text: expect.stringContaining('"include:_spf.google.cominclude:spf.protection.outlook.com"'),
      }),
    ]);
  });

  it('an include of a name without an SPF record is reported even when the sending IP matched before it', async () => {
    const dns = new Lookup(
      tableResolver({ 'example.com TXT': ['v=spf1 ip4:192.0.2.0/24 include:old-esp.example -all'], 'old-esp.example A': ['192.0.2.200'] }),
      () => NOW,
      50,
    );
    const audit = await auditSpf('example.com', dns);
    expect(audit.findings).toEqual([
      expect.objectContaining({
        rule: 'spf.permerror',
        text: expect.stringContaining('"include:old-esp.example" in the SPF record of example.com leads to a name with no SPF record'),
      }),
    ]);
  });
});
