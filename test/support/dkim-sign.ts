// A small DKIM signer for tests (RFC 6376 §5), on Node's WebCrypto, so that
// tests can make signed messages with keys they generate. It shares the
// canonicalization code with the verifier; the known-answer messages in
// test/fixtures/dkim check that code independently.

import { webcrypto } from 'node:crypto';
import { messageParser } from '../../src/core/parse/message';
import { splitLines } from '../../src/core/text/lines';
import { bodyOf, canonBody, canonHeader, rawField, selectHeaders } from '../../src/core/auth/dkim/canon';
import type { Canonicalization } from '../../src/core/mail/dkim-signature';

const subtle = webcrypto.subtle;
const b64 = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('base64');

export interface TestKey {
  alg: 'rsa-sha256' | 'ed25519-sha256';
  privateKey: CryptoKey;
  /** The key record to publish. */
  record: string;
}

export async function rsaKey(bits = 2048): Promise<TestKey> {
  const k = (await subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  return { alg: 'rsa-sha256', privateKey: k.privateKey, record: `v=DKIM1; k=rsa; p=${b64(await subtle.exportKey('spki', k.publicKey))}` };
}

export async function ed25519Key(): Promise<TestKey> {
  const k = (await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    alg: 'ed25519-sha256',
    privateKey: k.privateKey,
    record: `v=DKIM1; k=ed25519; p=${b64(await subtle.exportKey('raw', k.publicKey))}`,
  };
}

export async function signMessage(
  text: string,
  key: TestKey,
  o: {
    domain: string;
    selector: string;
    canon?: [Canonicalization, Canonicalization];
    headers?: string[];
    l?: number;
    /** More tags, e.g. "t=1709632983; x=1710237783;". */
    tags?: string;
  },
): Promise<string> {
  const [hc, bc] = o.canon ?? ['relaxed', 'relaxed'];
  const msg = messageParser.parse(splitLines(text), text, { exactBytes: true }).message!;
  let body = new TextEncoder().encode(canonBody(bodyOf(msg.raw) ?? '', bc));
  if (o.l !== undefined) body = body.subarray(0, o.l);
  const bh = b64(await subtle.digest('SHA-256', body));
  const h = o.headers ?? ['from', 'to', 'subject', 'date'];
  const value = `v=1; a=${key.alg}; c=${hc}/${bc}; d=${o.domain}; s=${o.selector};${o.l !== undefined ? ` l=${o.l};` : ''}${o.tags ? ` ${o.tags}` : ''} h=${h.join(':')}; bh=${bh}; b=`;
  const field = `DKIM-Signature: ${value}`;
  const data =
    selectHeaders(msg.headers, h)
      .map((f) => canonHeader(rawField(f), hc))
      .join('') + canonHeader(field, hc).replace(/\r\n$/, '');
  const bytes = new TextEncoder().encode(data);
  const sig =
    key.alg === 'rsa-sha256'
      ? await subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, key.privateKey, bytes)
      : await subtle.sign({ name: 'Ed25519' }, key.privateKey, await subtle.digest('SHA-256', bytes));
  return `${field}${b64(sig)}\r\n${text}`;
}
