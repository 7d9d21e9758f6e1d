// Internationalised domain names (RFC 5890–5893, UTS #46): every check works
// on, and every question asks for, the A-label form. `bücher.example` is
// xn--bcher-kva.example in SPF, DMARC, DKIM, DNSBL domain lists, PTR and HELO
// checks and MX; raw UTF-8 never reaches the resolver.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { toDnsName, domainOf } from '../../../src/core/dns/names';
import { Lookup } from '../../../src/core/dns/lookup';
import { parseDkimSignature } from '../../../src/core/mail/dkim-signature';
import { parseDmarcRecord } from '../../../src/core/auth/dmarc/record';
import { tableResolver, type Table } from '../../support/table-resolver';
import { rsaKey, signMessage } from '../../support/dkim-sign';

const A = 'xn--bcher-kva.example';
const nonAscii = (asked: string[]) => asked.filter((q) => /[^\x00-\x7f]/.test(q));

describe('toDnsName', () => {
  it.each([
    ['Bücher.Example.', A],
    ['bücher.example', A],
    // UTS #46 mapping: case, full-width letters, the ideographic full stop
    ['BÜCHER.example', A],
    ['ｂüｃｈｅｒ.example', A],
    ['bücher。example', A],
    // nontransitional (IDNA2008, current browsers): ß stays ß
    ['straße.example', 'xn--strae-oqa.example'],
    ['_dmarc.bücher.example', `_dmarc.${A}`],
    ['sel._domainkey.bücher.example', `sel._domainkey.${A}`],
    ['Example.COM', 'example.com'],
    ['2.0.0.127.zen.spamhaus.org', '2.0.0.127.zen.spamhaus.org'],
    ['xn--bcher-kva.example', A],
  ])('%s → %s', (name, out) => expect(toDnsName(name)).toBe(out));

  it.each([
    // URL syntax must never change a name: a percent escape, a port, a path, credentials
    'bü%41.example',
    'bücher.example:80',
    'bücher.example/x',
    'x@bücher.example',
    'bü cher.example',
    'a..example',
    '',
    `${'a'.repeat(64)}.example`,
    `${'ü'.repeat(60)}.example`, // its A-label is longer than 63 octets
  ])('%s → null (nothing is asked)', (name) => expect(toDnsName(name)).toBeNull());

  it('an address in Unicode gives its A-label domain', () => {
    expect(domainOf('jörg@bücher.example')).toBe(A);
    expect(domainOf('<jörg@Bücher.Example.>')).toBe(A);
  });
});

describe('the DNS door', () => {
  it('asks in A-label form, and answers an impossible name without asking', async () => {
    const r = tableResolver({ [`${A} TXT`]: ['v=spf1 -all'] });
    const dns = new Lookup(r, () => new Date(0), 50);
    expect((await dns.query('Bücher.example', 'TXT')).answers[0].data).toBe('v=spf1 -all');
    const bad = await dns.query('bü%41.example', 'TXT');
    expect(bad.failure).toBe('INVALID');
    expect(r.asked).toEqual([`${A} TXT`]);
  });

  it('DKIM d= and i= in U-labels (RFC 8616 §4) are A-labels', () => {
    const s = parseDkimSignature('v=1; a=rsa-sha256; d=Bücher.example; s=sel; i=jörg@bücher.example; h=from; bh=YQ==; b=YQ==');
    expect(s.domain).toBe(A);
    expect(s.errors).toEqual([]);
  });

  it('a DMARC report address in Unicode is compared in A-label form', () => {
    expect(parseDmarcRecord('v=DMARC1; p=none; rua=mailto:d@bücher.example').rua[0].domain).toBe(A);
  });
});

const ZONE: Table = {
  [`${A} TXT`]: ['v=spf1 ip4:198.51.100.188 -all'],
  [`_dmarc.${A} TXT`]: ['v=DMARC1; p=reject'],
  [`${A} MX`]: [`10 mail.${A}`],
  [`mail.${A} A`]: ['198.51.100.188'],
};

describe('a whole diagnosis for an internationalised sender', () => {
  it('a message: SPF and DMARC are judged for the A-label, links are listed as A-labels, nothing in UTF-8 is asked', async () => {
    const msg = [
      'Return-Path: <bounce@bücher.example>',
      'Received: from mail.bücher.example (mail.xn--bcher-kva.example [198.51.100.188])',
      '\tby mx.example.com with ESMTPS id abc',
      '\tfor <anna@example.com>; Tue, 12 Nov 2024 10:00:00 +0000',
      'From: Jörg <jörg@bücher.example>',
      'To: anna@example.com',
      'Subject: Angebot',
      'Date: Tue, 12 Nov 2024 10:00:00 +0000',
      'Message-ID: <1@bücher.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hallo, see https://straße.example/angebot',
      '',
    ].join('\r\n');
    const r = tableResolver(ZONE);
    const report = await analyze(msg, { resolver: r });
    expect(nonAscii(r.asked)).toEqual([]);
    const step = (rule: string) => report.checklist.find((s) => s.rule === rule);
    expect(step('spf.fail')?.status).toBe('pass');
    expect(step('spf.fail')?.title).toContain(A);
    expect(step('dmarc.fail')?.status).toBe('pass');
    expect(report.auth?.dmarc?.domain).toBe(A);
    // the linked domain goes to the domain blocklists as its A-label
    expect(r.asked).toContain('xn--strae-oqa.example.dbl.spamhaus.org A');
  });

  it('a message signed with d= in U-labels: DKIM passes and aligns', async () => {
    const key = await rsaKey(1024);
    const base =
      'From: Jörg <jörg@bücher.example>\r\nTo: anna@example.com\r\nSubject: Test\r\nDate: Tue, 12 Nov 2024 10:00:00 +0000\r\nMessage-ID: <2@bücher.example>\r\n\r\nHallo.\r\n';
    const signed = await signMessage(base, key, { domain: 'bücher.example', selector: 'sel' });
    const r = tableResolver({ ...ZONE, [`sel._domainkey.${A} TXT`]: [key.record] });
    const report = await analyze(signed, { resolver: r, exactBytes: true, now: () => new Date('2024-11-12T10:05:00Z') });
    expect(nonAscii(r.asked)).toEqual([]);
    expect(report.checklist.find((s) => s.rule === 'dkim.fail')?.status).toBe('pass');
    expect(report.checklist.find((s) => s.rule === 'dmarc.fail')?.status).toBe('pass');
  });

  it('a Postfix refusal: SPF of the envelope domain is evaluated (and fails) for its A-label, DMARC too', async () => {
    const log =
      'Nov 26 18:22:06 mx postfix/smtpd[15521]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 550 5.7.23 <anna@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized; from=<jörg@bücher.example> to=<anna@example.com> proto=ESMTP helo=<mail.bücher.example>';
    const r = tableResolver(ZONE);
    const report = await analyze(log, { resolver: r });
    expect(nonAscii(r.asked)).toEqual([]);
    const spf = report.checklist.find((s) => s.rule === 'spf.fail');
    expect(spf?.status).toBe('fail');
    expect(spf?.title).toContain(A);
    expect(r.asked).toContain(`_dmarc.${A} TXT`);
    // the HELO name in Unicode is a fully qualified name, resolved as its A-label
    expect(r.asked).toContain(`mail.${A} A`);
    expect(report.checklist.find((s) => s.rule === 'helo.invalid' && s.status === 'fail')).toBeUndefined();
  });
});
