// DKIM public key records (RFC 6376 §3.6.1) at selector._domainkey.domain:
// the tags, what each means for verification, and the key's strength
// (RFC 8301 §3.2: RSA keys of at least 1024 bits, 2048 recommended).

import { parseTagList, stripFws } from '../../text/tag-list';
import { base64Bytes } from './bytes';

export interface DkimKey {
  /** The record as published. */
  record: string;
  version: string | null;
  /** k= (default rsa). */
  keyType: string;
  /** h= acceptable hash algorithms (null = any). */
  hashes: string[] | null;
  /** s= service types (default *). */
  services: string[];
  /** t= flags: y (testing), s (strict: i= domain must equal d=). */
  testing: boolean;
  strict: boolean;
  /** g= granularity (RFC 4871 §3.6.1; dropped by RFC 6376, still applied by some verifiers). */
  granularity: string | null;
  /** p= decoded; empty means the key is revoked (§3.6.1). */
  publicKey: Uint8Array | null;
  revoked: boolean;
  /** RSA modulus length in bits, or 256 for Ed25519. */
  bits: number | null;
  /** Problems that make the key unusable (→ permerror). */
  errors: string[];
  warnings: string[];
}

/** A minimal DER reader: enough to find an RSA modulus in a SubjectPublicKeyInfo. */
function derItem(b: Uint8Array, at: number): { tag: number; start: number; end: number } | null {
  if (at + 2 > b.length) return null;
  const tag = b[at];
  let len = b[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4 || start + n > b.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i];
    start += n;
  }
  if (start + len > b.length) return null;
  return { tag, start, end: start + len };
}

/** Modulus bits of an RSA key given as SubjectPublicKeyInfo or bare RSAPublicKey (PKCS#1). */
export function rsaModulusBits(der: Uint8Array): { bits: number; spki: boolean } | null {
  const outer = derItem(der, 0);
  if (!outer || outer.tag !== 0x30) return null;
  const first = derItem(der, outer.start);
  if (!first) return null;
  let seq = outer;
  let spki = false;
  if (first.tag === 0x30) {
    // SPKI: SEQUENCE { AlgorithmIdentifier, BIT STRING { RSAPublicKey } }
    const bits = derItem(der, first.end);
    if (!bits || bits.tag !== 0x03) return null;
    const inner = derItem(der, bits.start + 1);
    if (!inner || inner.tag !== 0x30) return null;
    seq = inner;
    spki = true;
  }
  const n = derItem(der, seq.start);
  if (!n || n.tag !== 0x02) return null;
  let s = n.start;
  while (s < n.end && der[s] === 0) s++;
  if (s >= n.end) return null;
  const lead = der[s];
  return { bits: (n.end - s - 1) * 8 + (32 - Math.clz32(lead)), spki };
}

/** Wrap a PKCS#1 RSAPublicKey in a SubjectPublicKeyInfo (what WebCrypto imports). */
export function wrapRsaSpki(pkcs1: Uint8Array): Uint8Array {
  const len = (n: number): number[] => (n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >> 8, n & 255]);
  const algId = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const bitString = [0x03, ...len(pkcs1.length + 1), 0x00, ...pkcs1];
  const body = [...algId, ...bitString];
  return Uint8Array.from([0x30, ...len(body.length), ...body]);
}

export function parseDkimKey(record: string): DkimKey {
  const list = parseTagList(record);
  const t = list.byName;
  const errors = [...list.errors];
  const warnings: string[] = [];
  const version = t.get('v') ?? null;
  // §3.6.1 v=: if present, MUST be "DKIM1" (and first)
  if (version !== null && version !== 'DKIM1') errors.push(`v=${version}: not a DKIM1 key record`);
  const keyType = (t.get('k') ?? 'rsa').toLowerCase();
  if (keyType !== 'rsa' && keyType !== 'ed25519') errors.push(`k=${keyType}: unknown key type`);
  const hashes = t.has('h')
    ? t
        .get('h')!
        .split(':')
        .map((h) => h.trim().toLowerCase())
    : null;
  const services = (t.get('s') ?? '*').split(':').map((s) => s.trim().toLowerCase());
  if (!services.includes('*') && !services.includes('email')) errors.push(`s=${t.get('s')}: the key is not for email`);
  const flags = (t.get('t') ?? '').split(':').map((f) => f.trim().toLowerCase());
  const testing = flags.includes('y');
  const strict = flags.includes('s');
  if (testing)
    warnings.push('t=y: the domain says it is testing DKIM; receivers must not treat signed mail differently from unsigned mail.');
  const granularity = t.has('g') ? t.get('g')! : null;
  const p = t.get('p');
  let publicKey: Uint8Array | null = null;
  let revoked = false;
  let bits: number | null = null;
  if (p === undefined) errors.push('the required tag p= is missing');
  else if (stripFws(p) === '') {
    revoked = true;
    errors.push('p= is empty: the key has been revoked');
  } else {
    publicKey = base64Bytes(stripFws(p));
    if (!publicKey) errors.push('p= is not valid base64');
    else if (keyType === 'ed25519') {
      // RFC 8463 §4: the raw 32-byte key, not a SubjectPublicKeyInfo
      if (publicKey.length !== 32) errors.push(`the Ed25519 key is ${publicKey.length} bytes; RFC 8463 keys are the raw 32 bytes`);
      else bits = 256;
    } else if (keyType === 'rsa') {
      const m = rsaModulusBits(publicKey);
      if (!m) errors.push('p= is not an RSA public key');
      else {
        bits = m.bits;
        if (!m.spki) {
          warnings.push('p= holds a bare RSAPublicKey; RFC 6376 §3.6.1 asks for a SubjectPublicKeyInfo. Most verifiers accept it.');
          publicKey = wrapRsaSpki(publicKey);
        }
        if (bits < 1024)
          warnings.push(
            `the RSA key is ${bits} bits: RFC 8301 §3.2 forbids keys under 1024 bits and receivers reject them. Publish a 2048-bit key.`,
          );
        else if (bits < 2048) warnings.push(`the RSA key is ${bits} bits; 2048 bits is recommended (RFC 8301 §3.2, M3AAWG).`);
      }
    }
  }
  return { record, version, keyType, hashes, services, testing, strict, granularity, publicKey, revoked, bits, errors, warnings };
}

/** RFC 4871 §3.6.1 g=: "*" wildcard against the local part of i=; empty matches nothing. */
export function granularityMatches(g: string, localPart: string): boolean {
  if (g === '') return false;
  const star = g.indexOf('*');
  if (star < 0) return g === localPart;
  const head = g.slice(0, star);
  const tail = g.slice(star + 1);
  return localPart.length >= head.length + tail.length && localPart.startsWith(head) && localPart.endsWith(tail);
}
