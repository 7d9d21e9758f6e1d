// DKIM verification (RFC 6376 §6) of every DKIM-Signature in a message:
// fetch the key at selector._domainkey.domain through core's DNS door, check
// it, hash the body (with l=), and verify the header signature with WebCrypto
// (rsa-sha256, rsa-sha1 as RFC 8301 describes, ed25519-sha256 per RFC 8463
// where the host supports Ed25519). Written on WebCrypto because it is the
// one crypto API that exists alike in browsers, workers and Node.

import type { HeaderField, MessageEvidence } from '../../types';
import { cnameChain, outcome, recordsOf, type DnsResponse, type RRType } from '../../dns/resolver';
import { base64Bytes, bytesToBase64, utf8 } from './bytes';
import { bodyOf, canonBody, canonHeader, rawField, selectHeaders, withoutSignatureValue } from './canon';
import { granularityMatches, parseDkimKey, type DkimKey } from './key';
import { parseDkimSignature, type DkimSignature } from '../../mail/dkim-signature';
import { fieldsNamed } from '../../mail/header-block';

export interface DkimDns {
  query(name: string, type: RRType): Promise<DnsResponse>;
}

/** RFC 8601 §2.7.1 result names. */
export type DkimResult = 'pass' | 'fail' | 'neutral' | 'permerror' | 'temperror';

export interface DkimVerdict {
  /** Line of the DKIM-Signature field in the input. */
  line: number;
  signature: DkimSignature;
  /** selector._domainkey.domain */
  keyName: string | null;
  keyResponse: DnsResponse | null;
  key: DkimKey | null;
  result: DkimResult;
  /** Plain words: why this result. */
  reason: string;
  bodyHash: 'match' | 'mismatch' | 'not-checked';
  headerSignature: 'valid' | 'invalid' | 'not-checked';
  /** The body hash computed here (base64), to compare with bh=. */
  computedBodyHash: string | null;
  /** The host cannot verify this algorithm (Ed25519 in an older browser). */
  unsupported: boolean;
  warnings: string[];
}

const HASH: Record<string, 'SHA-256' | 'SHA-1'> = { 'rsa-sha256': 'SHA-256', 'rsa-sha1': 'SHA-1', 'ed25519-sha256': 'SHA-256' };

async function digest(alg: 'SHA-256' | 'SHA-1', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(alg, data as Uint8Array<ArrayBuffer>));
}

/** Verify the header signature; null when the host has no such algorithm. */
async function verifySignature(sig: DkimSignature, key: DkimKey, data: Uint8Array, b: Uint8Array): Promise<boolean | null> {
  const pk = key.publicKey as Uint8Array<ArrayBuffer>;
  const signature = b as Uint8Array<ArrayBuffer>;
  if (sig.algorithm === 'ed25519-sha256') {
    let k;
    try {
      k = await crypto.subtle.importKey('raw', pk, { name: 'Ed25519' }, false, ['verify']);
    } catch {
      return null;
    }
    // RFC 8463 §3: Ed25519 signs the SHA-256 hash of the header data
    const h = (await digest('SHA-256', data)) as Uint8Array<ArrayBuffer>;
    return crypto.subtle.verify({ name: 'Ed25519' }, k, signature, h);
  }
  const k = await crypto.subtle.importKey('spki', pk, { name: 'RSASSA-PKCS1-v1_5', hash: HASH[sig.algorithm!] }, false, ['verify']);
  return crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, k, signature, data as Uint8Array<ArrayBuffer>);
}

function verdict(base: Partial<DkimVerdict> & Pick<DkimVerdict, 'line' | 'signature'>, result: DkimResult, reason: string): DkimVerdict {
  return {
    keyName: null,
    keyResponse: null,
    key: null,
    bodyHash: 'not-checked',
    headerSignature: 'not-checked',
    computedBodyHash: null,
    unsupported: false,
    warnings: [],
    ...base,
    result,
    reason,
  };
}

/** The key record: permerror when absent or unusable for this signature (§6.1.2), temperror on DNS failure. */
async function fetchKey(
  sig: DkimSignature,
  dns: DkimDns,
  base: Pick<DkimVerdict, 'line' | 'signature' | 'keyName'>,
): Promise<DkimVerdict | { key: DkimKey; response: DnsResponse }> {
  const response = await dns.query(base.keyName!, 'TXT');
  const o = outcome(response);
  const b = { ...base, keyResponse: response };
  if (o === 'error') return verdict(b, 'temperror', `the key ${base.keyName} could not be fetched: ${response.failure ?? response.rcode}`);
  const records = recordsOf(response).map((r) => r.data);
  if (o !== 'answer' || records.length === 0) {
    // a selector delegated to a provider (Microsoft 365, SendGrid…) whose target has no key
    const target = cnameChain(response).at(-1);
    return verdict(
      b,
      'permerror',
      target
        ? `no key is published at ${base.keyName} (a CNAME to ${target}, which ${response.rcode === 'NXDOMAIN' ? 'does not exist' : 'has no TXT record'})`
        : `no key is published at ${base.keyName} (${response.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'no TXT record'})`,
    );
  }
  // several TXT records: use the first that reads as a key (RFC 6376 §3.6.2.2 leaves it undefined)
  const keys = records.map(parseDkimKey);
  const key = keys.find((k) => !k.errors.length) ?? keys[0];
  const w = [...key.warnings];
  if (key.revoked) return verdict({ ...b, key, warnings: w }, 'permerror', `the key at ${base.keyName} is revoked (empty p=)`);
  if (key.errors.length)
    return verdict({ ...b, key, warnings: w }, 'permerror', `the key at ${base.keyName} is unusable: ${key.errors.join('; ')}`);
  const wantType = sig.algorithm === 'ed25519-sha256' ? 'ed25519' : 'rsa';
  if (key.keyType !== wantType)
    return verdict({ ...b, key, warnings: w }, 'permerror', `the key is k=${key.keyType} but the signature is a=${sig.a}`);
  const hash = sig.algorithm === 'rsa-sha1' ? 'sha1' : 'sha256';
  if (key.hashes && !key.hashes.includes(hash))
    return verdict({ ...b, key, warnings: w }, 'permerror', `the key allows only h=${key.hashes.join(':')}, not ${hash}`);
  const id = sig.identity ?? '@' + sig.domain;
  const at = id.lastIndexOf('@');
  if (key.strict && id.slice(at + 1).toLowerCase() !== sig.domain)
    return verdict({ ...b, key, warnings: w }, 'permerror', `the key has t=s (strict), so i=${id} must be exactly in d=${sig.domain}`);
  if (key.granularity !== null && !granularityMatches(key.granularity, id.slice(0, at)))
    return verdict(
      { ...b, key, warnings: w },
      'permerror',
      `the key's g=${key.granularity} does not match the local part of i=${id} (g= is from RFC 4871; RFC 6376 dropped it, but some verifiers still apply it: remove g= from the key record)`,
    );
  return { key, response };
}

async function verifyOne(field: HeaderField, message: MessageEvidence, dns: DkimDns, now: Date): Promise<DkimVerdict> {
  const signature = parseDkimSignature(field.value);
  const base = { line: field.line, signature, warnings: [...signature.warnings] };
  if (signature.errors.length) return verdict(base, 'permerror', `the signature is malformed: ${signature.errors.join('; ')}`);
  const keyName = `${signature.selector}._domainkey.${signature.domain}`;
  if (signature.expiration !== null && now.getTime() / 1000 > signature.expiration)
    return verdict(
      { ...base, keyName },
      'permerror',
      `the signature expired on ${new Date(signature.expiration * 1000).toISOString()} (x=)`,
    );
  const k = await fetchKey(signature, dns, { ...base, keyName });
  if ('result' in k) return { ...k, warnings: [...base.warnings, ...k.warnings] };
  const { key, response } = k;
  const withKey = { ...base, keyName, key, keyResponse: response, warnings: [...base.warnings, ...key.warnings] };
  const hashAlg = HASH[signature.algorithm!];

  // body hash (§3.7), when there is a body to hash
  let bodyHash: DkimVerdict['bodyHash'] = 'not-checked';
  let computedBodyHash: string | null = null;
  // Headers alone cannot show the body; but a message whose body is empty is
  // still a whole message, recognised by its empty body hashing to bh=.
  const body = bodyOf(message.raw) ?? (message.hasBody ? null : '');
  if (body !== null) {
    let bytes = utf8(canonBody(body, signature.bodyCanon));
    if (signature.bodyLength !== null) {
      if (signature.bodyLength > bytes.length && message.hasBody)
        return verdict(
          { ...withKey },
          'fail',
          `l=${signature.bodyLength} is longer than the body (${bytes.length} octets): the body was shortened in transit`,
        );
      bytes = bytes.subarray(0, signature.bodyLength);
    }
    computedBodyHash = bytesToBase64(await digest(hashAlg, bytes));
    bodyHash = computedBodyHash === signature.bodyHash ? 'match' : message.hasBody ? 'mismatch' : 'not-checked';
    if (bodyHash === 'not-checked') computedBodyHash = null;
  }

  // header hash: the selected fields, then this signature without its b= value, no final CRLF (§3.7)
  const selected = selectHeaders(message.headers, signature.signedHeaders);
  const data =
    selected.map((f) => canonHeader(rawField(f), signature.headerCanon)).join('') +
    canonHeader(withoutSignatureValue(rawField(field)), signature.headerCanon).replace(/\r\n$/, '');
  const b = base64Bytes(signature.signature);
  if (!b) return verdict({ ...withKey, bodyHash, computedBodyHash }, 'permerror', 'b= is not base64');
  let ok: boolean | null;
  try {
    ok = await verifySignature(signature, key, utf8(data), b);
  } catch (e) {
    return verdict({ ...withKey, bodyHash, computedBodyHash }, 'permerror', `the key could not be used: ${(e as Error).message}`);
  }
  if (ok === null)
    return verdict(
      { ...withKey, bodyHash, computedBodyHash, unsupported: true },
      'neutral',
      'this browser cannot verify Ed25519 signatures (WebCrypto Ed25519 is missing); Node 20 and current Chrome, Firefox and Safari can',
    );
  const headerSignature = ok ? 'valid' : 'invalid';
  const v = { ...withKey, bodyHash, computedBodyHash, headerSignature } as const;
  const pasted = message.exactBytes
    ? ''
    : ' The message was pasted, and a paste can change its bytes (line ends, trailing spaces, non-ASCII text): drop the original .eml file to check the exact bytes.';
  // 8-bit text was decoded once (UTF-8 or Windows-1252) and is hashed as UTF-8: exact for UTF-8 only
  const eightBit =
    body !== null && /[^\x00-\x7f]/.test(body)
      ? ' The body holds 8-bit characters; if they were not UTF-8, their original bytes could not be recovered here.'
      : '';
  if (bodyHash === 'mismatch')
    return verdict(v, 'fail', `the body hash does not match bh=: the body was changed after signing.${pasted}${eightBit}`);
  if (!ok)
    return verdict(
      v,
      'fail',
      `the signature does not verify: a signed header was changed after signing, or the key does not match.${pasted}`,
    );
  if (bodyHash === 'not-checked')
    return verdict(v, 'neutral', 'the header signature verifies, but only the headers were given, so the body hash cannot be checked');
  return verdict(v, 'pass', `verified with the key at ${keyName}`);
}

/** Every DKIM-Signature of the message, in order, verified. */
export async function verifyDkim(message: MessageEvidence, dns: DkimDns, now: Date): Promise<DkimVerdict[]> {
  const fields = fieldsNamed(message.headers, 'dkim-signature');
  return Promise.all(fields.map((f) => verifyOne(f, message, dns, now)));
}

/** The message's overall verdict, as verifiers such as Mail::DKIM give it: any pass wins. */
export function overallDkim(verdicts: DkimVerdict[]): DkimResult | 'none' {
  if (!verdicts.length) return 'none';
  for (const r of ['pass', 'fail', 'temperror', 'neutral', 'permerror'] as const) if (verdicts.some((v) => v.result === r)) return r;
  return 'permerror';
}
