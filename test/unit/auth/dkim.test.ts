// DKIM: tag parsing, key records, canonicalization, and verification —
// known-answer messages (RFC 8463 Appendix A, relaxed and simple) and
// messages signed here with generated keys.
import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDkimSignature } from '../../../src/core/mail/dkim-signature';
import { parseDkimKey, granularityMatches } from '../../../src/core/auth/dkim/key';
import { canonBody, canonHeader } from '../../../src/core/auth/dkim/canon';
import { verifyDkim, overallDkim } from '../../../src/core/auth/dkim/verify';
import { messageParser } from '../../../src/core/parse/message';
import { splitLines } from '../../../src/core/text/lines';
import { Lookup } from '../../../src/core/dns/lookup';
import { checkDkim } from '../../../src/core/checks/dkim';
import { readEvidence } from '../../../src/core/analyze';
import { tableResolver, type Table } from '../../support/table-resolver';
import { ed25519Key, rsaKey, signMessage } from '../../support/dkim-sign';

// RFC 8463 Appendix A.2 public keys of football.example.com
const RFC8463: Table = {
  'brisbane._domainkey.football.example.com TXT': ['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='],
  'test._domainkey.football.example.com TXT': [
    'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB',
  ],
};
const NOW = new Date('2026-01-01T00:00:00Z');

async function verify(text: string, table: Table, exactBytes = true) {
  const msg = messageParser.parse(splitLines(text), text, { exactBytes }).message!;
  return verifyDkim(msg, new Lookup(tableResolver(table), () => NOW, 100), NOW);
}

const MESSAGE =
  'From: Alice <alice@example.org>\r\nTo: bob@gmail.com\r\nSubject: Test\r\nDate: Thu, 1 Jan 2026 10:00:00 +0000\r\nMessage-ID: <1@example.org>\r\n\r\nHello Bob,\r\n\r\nsee you.\r\n';

describe('DKIM-Signature parsing', () => {
  it('reads every tag and decodes i=', () => {
    const s = parseDkimSignature(
      'v=1; a=rsa-sha256; c=relaxed/simple; d=Example.ORG; s=sel; i=jo=40example.org; h=From : To; l=10; t=1; x=2; bh=YWJj; b=ZG VmZw==',
    );
    expect(s).toMatchObject({
      algorithm: 'rsa-sha256',
      domain: 'example.org',
      selector: 'sel',
      headerCanon: 'relaxed',
      bodyCanon: 'simple',
      identity: 'jo@example.org',
      bodyLength: 10,
      signedHeaders: ['From', 'To'],
      signature: 'ZGVmZw==',
      errors: [],
    });
  });
  it.each([
    ['v=1; a=rsa-sha256; d=example.org; s=x; h=to; bh=YQ==; b=YQ==', /must be signed/],
    ['v=1; a=dsa-sha1; d=example.org; s=x; h=from; bh=YQ==; b=YQ==', /unknown signing algorithm/],
    ['v=1; a=rsa-sha256; d=example.org; s=x; h=from; bh=YQ==; b=YQ==; i=a@example.com', /not in the signing domain/],
    ['v=1; a=rsa-sha256; d=example.org; h=from; bh=YQ==; b=YQ==', /s= is missing/],
    ['v=1; a=rsa-sha256; d=example.org; s=x; h=from; bh=YQ==; b=YQ==; q=dns/special', /query method/],
    ['v=1; a=rsa-sha256; d=example.org; s=x; h=from; bh=YQ==; b=YQ==; t=5; x=4', /not after/],
  ])('%s', (v, err) => {
    expect(parseDkimSignature(v).errors.join('; ')).toMatch(err);
  });
});

describe('DKIM key records', () => {
  const pem1024 = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
  it.each([
    ['v=DKIM1; k=rsa; p=', { revoked: true }],
    ['v=DKIM3; p=' + pem1024, { errors: ['v=DKIM3: not a DKIM1 key record'] }],
    ['k=foo; p=' + pem1024, { errors: ['k=foo: unknown key type'] }],
    ['v=DKIM1; s=chat; p=' + pem1024, { errors: ['s=chat: the key is not for email'] }],
    ['v=DKIM1; t=y; h=sha256; p=' + pem1024, { testing: true, hashes: ['sha256'], bits: 1024 }],
    ['v=DKIM1; p=' + pkcs1, { bits: 2048 }],
  ])('%s', (record, want) => {
    expect(parseDkimKey(record)).toMatchObject(want);
  });
  it('grades key length (RFC 8301)', () => {
    expect(parseDkimKey('p=' + pem1024).warnings.join(' ')).toMatch(/2048 bits is recommended/);
    const k512 = generateKeyPairSync('rsa', { modulusLength: 512 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(parseDkimKey('p=' + k512)).toMatchObject({ bits: 512 });
    expect(parseDkimKey('p=' + k512).warnings.join(' ')).toMatch(/under 1024/);
  });
  it('granularity (RFC 4871 g=)', () => {
    expect(granularityMatches('jl*g', 'jlong')).toBe(true);
    expect(granularityMatches('jl*g', 'JLONG')).toBe(false);
    expect(granularityMatches('', 'x')).toBe(false);
  });
});

describe('canonicalization (RFC 6376 §3.4.5 example)', () => {
  it('relaxed header and body', () => {
    expect(canonHeader('A: X', 'relaxed') + canonHeader('B : Y\t\r\n\tZ  ', 'relaxed')).toBe('a:X\r\nb:Y Z\r\n');
    expect(canonBody(' C \r\nD \t E\r\n\r\n\r\n', 'relaxed')).toBe(' C\r\nD E\r\n');
  });
  it('simple body keeps whitespace and ends with one CRLF', () => {
    expect(canonBody(' C \r\nD \t E\r\n\r\n\r\n', 'simple')).toBe(' C \r\nD \t E\r\n');
    expect(canonBody('', 'simple')).toBe('\r\n');
    expect(canonBody('', 'relaxed')).toBe('');
  });
});

describe('verification', () => {
  it.each(['rfc8463-relaxed.eml', 'rfc6376-simple.eml'])('RFC 8463 example %s: Ed25519 and RSA pass', async (f) => {
    const text = readFileSync(new URL(`../../fixtures/dkim/${f}`, import.meta.url), 'utf8');
    const v = await verify(text, RFC8463);
    expect(v.map((x) => [x.signature.a, x.result])).toEqual([
      ['ed25519-sha256', 'pass'],
      ['rsa-sha256', 'pass'],
    ]);
  });

  it('a signed message passes; a changed body fails; a changed header fails', async () => {
    const key = await rsaKey();
    const table = { 'sel._domainkey.example.org TXT': [key.record] };
    const signed = await signMessage(MESSAGE, key, { domain: 'example.org', selector: 'sel' });
    expect((await verify(signed, table))[0]).toMatchObject({ result: 'pass', bodyHash: 'match', headerSignature: 'valid' });
    const body = await verify(signed.replace('see you.', 'see you!'), table);
    expect(body[0]).toMatchObject({ result: 'fail', bodyHash: 'mismatch' });
    expect(body[0].reason).not.toMatch(/pasted/);
    const pasted = await verify(signed.replace('see you.', 'see you!'), table, false);
    expect(pasted[0].reason).toMatch(/drop the original \.eml/);
    const header = await verify(signed.replace('Subject: Test', 'Subject: Tost'), table);
    expect(header[0]).toMatchObject({ result: 'fail', bodyHash: 'match', headerSignature: 'invalid' });
  });

  it('simple/simple and l= (content appended after l= still passes)', async () => {
    const key = await rsaKey(1024);
    const table = { 's._domainkey.example.org TXT': [key.record] };
    const signed = await signMessage(MESSAGE, key, { domain: 'example.org', selector: 's', canon: ['simple', 'simple'], l: 12 });
    const v = await verify(signed.replace('see you.\r\n', 'see you.\r\nAppended.\r\n'), table);
    expect(v[0]).toMatchObject({ result: 'pass' });
    expect(v[0].signature.warnings.join(' ')).toMatch(/l=12/);
  });

  it('Ed25519 signatures verify with WebCrypto', async () => {
    const key = await ed25519Key();
    const signed = await signMessage(MESSAGE, key, { domain: 'example.org', selector: 'ed' });
    expect((await verify(signed, { 'ed._domainkey.example.org TXT': [key.record] }))[0].result).toBe('pass');
  });

  it('headers only: the header signature is checked, the body hash is not', async () => {
    const key = await rsaKey();
    const signed = await signMessage(MESSAGE, key, { domain: 'example.org', selector: 'sel' });
    const headers = signed.slice(0, signed.indexOf('\r\n\r\n') + 2);
    const v = await verify(headers, { 'sel._domainkey.example.org TXT': [key.record] });
    expect(v[0]).toMatchObject({ result: 'neutral', bodyHash: 'not-checked', headerSignature: 'valid' });
    expect(v[0].reason).toMatch(/body hash cannot be checked/);
  });

  it.each<[string, Table, string, RegExp]>([
    ['no key', {}, 'permerror', /no key is published/],
    ['revoked key', { 'sel._domainkey.example.org TXT': ['v=DKIM1; p='] }, 'permerror', /revoked/],
    ['DNS timeout', { 'sel._domainkey.example.org TXT': 'TIMEOUT' }, 'temperror', /could not be fetched/],
    [
      'wrong key type',
      { 'sel._domainkey.example.org TXT': ['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='] },
      'permerror',
      /k=ed25519/,
    ],
  ])('%s → %s', async (_n, table, result, reason) => {
    const key = await rsaKey(1024);
    const signed = await signMessage(MESSAGE, key, { domain: 'example.org', selector: 'sel' });
    const v = await verify(signed, table);
    expect(v[0].result).toBe(result);
    expect(v[0].reason).toMatch(reason);
    expect(overallDkim(v)).toBe(result);
  });
});

describe('when a signature is judged (x= expiry)', () => {
  // Gmail signs with x= a week after t=; the message is pasted later than that
  const SENT = 'Thu, 1 Jan 2026 10:00:00 +0000';
  const t = Date.parse(SENT) / 1000;
  const later = () => new Date('2026-03-01T00:00:00Z');
  async function check(received: boolean) {
    const key = await rsaKey(1024);
    const msg = MESSAGE.replace(/^/, received ? `Received: from mx.example.org by mx.example.net; ${SENT}\r\n` : '');
    const signed = await signMessage(msg, key, { domain: 'example.org', selector: 'sel', tags: `t=${t}; x=${t + 7 * 86400};` });
    const ev = readEvidence(signed, { exactBytes: true });
    return checkDkim(ev, new Lookup(tableResolver({ 'sel._domainkey.example.org TXT': [key.record] }), later, 100), later);
  }
  it('at the arrival the Received field records, not weeks later', async () => {
    expect((await check(true))?.verdicts[0]).toMatchObject({ result: 'pass' });
  });
  it('at the Date: when the message has no Received field', async () => {
    expect((await check(false))?.verdicts[0]).toMatchObject({ result: 'pass' });
  });
});
