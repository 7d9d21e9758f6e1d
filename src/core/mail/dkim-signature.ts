// DKIM-Signature header fields (RFC 6376 §3.5): the tags, validated, in a
// shape that the verifier (auth/dkim/verify.ts) and the header view
// (mail/read.ts) both use. Reading the field is reading the message, so it
// lives in mail/; verifying it needs DNS and lives in auth/.

import type { Tag } from '../types';
import { decodeDkimQuotedPrintable, parseTagList, stripFws } from '../text/tag-list';
import { toDnsName } from '../dns/names';

export type DkimAlgorithm = 'rsa-sha256' | 'rsa-sha1' | 'ed25519-sha256';
export type Canonicalization = 'simple' | 'relaxed';

export interface DkimSignature {
  /** Every tag as written, in order (for display). */
  tags: Tag[];
  version: string | null;
  /** a=, lowercased; `algorithm` is set only when it is one we know. */
  a: string | null;
  algorithm: DkimAlgorithm | null;
  /** s= */
  selector: string | null;
  /** d=, lowercased. */
  domain: string | null;
  /** h=: the signed header names, as written. */
  signedHeaders: string[];
  /** c= header/body canonicalization (default simple/simple). */
  headerCanon: Canonicalization;
  bodyCanon: Canonicalization;
  /** i= (decoded from DKIM-Quoted-Printable); default "@" + d. */
  identity: string | null;
  /** l= body length, when given. */
  bodyLength: number | null;
  /** q= query methods. */
  queryMethods: string[];
  /** t= and x= (seconds since the epoch). */
  timestamp: number | null;
  expiration: number | null;
  /** b= and bh= without whitespace (base64). */
  signature: string;
  bodyHash: string;
  /** Reasons the signature is not usable (RFC 6376 §6.1.1 → permerror). */
  errors: string[];
  /** Things allowed but worth saying (l=, rsa-sha1, no expiry…). */
  warnings: string[];
  /**
   * A pre-RFC 6376 draft signature (no v=, or v=0.x). Verified as the drafts
   * describe, as Mail::DKIM does, but RFC 6376 verifiers reject it (§6.1.1).
   */
  legacyDraft: boolean;
}

const REQUIRED = ['v', 'a', 'b', 'bh', 'd', 'h', 's'];
const ALGORITHMS: DkimAlgorithm[] = ['rsa-sha256', 'rsa-sha1', 'ed25519-sha256'];

/** Parse and validate a DKIM-Signature value (unfolded or raw; never throws). */
export function parseDkimSignature(value: string): DkimSignature {
  const list = parseTagList(value);
  const t = list.byName;
  const errors = [...list.errors];
  const warnings: string[] = [];
  const version = t.get('v') ?? null;
  const legacyDraft = version === null || /^0\.\d+$/.test(version);
  for (const r of REQUIRED) if (!t.has(r) && !(r === 'v' && legacyDraft)) errors.push(`the required tag ${r}= is missing`);
  if (version !== null && version !== '1' && !legacyDraft) errors.push(`v=${version}: only version 1 exists`);
  if (legacyDraft)
    warnings.push(
      `${version === null ? 'no v= tag' : `v=${version}`}: a pre-standard draft signature; receivers that follow RFC 6376 treat it as permerror. Update the signing software.`,
    );
  const a = t.get('a')?.toLowerCase() ?? null;
  const algorithm = ALGORITHMS.find((x) => x === a) ?? null;
  if (a !== null && !algorithm) errors.push(`a=${a}: unknown signing algorithm`);
  if (algorithm === 'rsa-sha1')
    warnings.push('a=rsa-sha1: RFC 8301 forbids SHA-1 for DKIM; many receivers ignore such signatures. Sign with rsa-sha256.');
  // d= may be written in U-labels (RFC 8616 §4): keys are asked for, and DMARC aligns, in A-labels
  const rawDomain = t.get('d');
  const domain = rawDomain === undefined ? null : (toDnsName(rawDomain) ?? rawDomain.toLowerCase().replace(/\.$/, ''));
  const selector = t.get('s') ?? null;
  const signedHeaders = (t.get('h') ?? '')
    .split(':')
    .map((h) => h.trim())
    .filter(Boolean);
  // §5.4: From MUST be signed
  if (t.has('h') && !signedHeaders.some((h) => h.toLowerCase() === 'from')) errors.push('h= does not include From, which must be signed');
  let headerCanon: Canonicalization = 'simple';
  let bodyCanon: Canonicalization = 'simple';
  const c = t.get('c');
  if (c !== undefined) {
    const [hc, bc] = c.toLowerCase().split('/');
    if ((hc !== 'simple' && hc !== 'relaxed') || (bc !== undefined && bc !== 'simple' && bc !== 'relaxed'))
      errors.push(`c=${c}: unknown canonicalization`);
    else {
      headerCanon = hc;
      bodyCanon = (bc as Canonicalization | undefined) ?? 'simple';
    }
  }
  let identity: string | null = null;
  if (t.has('i')) {
    identity = decodeDkimQuotedPrintable(t.get('i')!);
    const at = identity.lastIndexOf('@');
    const idDomain = at >= 0 ? (toDnsName(identity.slice(at + 1)) ?? identity.slice(at + 1).toLowerCase()) : '';
    // §3.5 i=: the domain MUST be the same as, or a subdomain of, d=
    if (at < 0) errors.push(`i=${identity} is not of the form [local]@domain`);
    else if (domain && idDomain !== domain && !idDomain.endsWith('.' + domain))
      errors.push(`i=${identity} is not in the signing domain d=${domain}`);
  } else if (domain) identity = '@' + domain;
  let bodyLength: number | null = null;
  if (t.has('l')) {
    const l = t.get('l')!;
    if (!/^\d{1,76}$/.test(l)) errors.push(`l=${l} is not a number`);
    else {
      bodyLength = Number(l);
      warnings.push(`l=${l}: only part of the body is signed, so content can be appended without breaking the signature.`);
    }
  }
  const queryMethods = (t.get('q') ?? 'dns/txt').split(':').map((q) => q.trim().toLowerCase());
  // "dns" alone is the pre-RFC draft spelling of dns/txt (accepted, as Mail::DKIM does)
  if (!queryMethods.some((q) => q === 'dns/txt' || q === 'dns')) errors.push(`q=${t.get('q')}: no supported key query method (dns/txt)`);
  const num = (k: string): number | null => {
    const v = t.get(k);
    if (v === undefined) return null;
    if (!/^\d{1,12}$/.test(v.trim())) {
      errors.push(`${k}=${v} is not a number`);
      return null;
    }
    return Number(v.trim());
  };
  const timestamp = num('t');
  const expiration = num('x');
  // §3.5 x=: MUST be greater than t=
  if (timestamp !== null && expiration !== null && expiration <= timestamp) errors.push(`x=${expiration} is not after t=${timestamp}`);
  const signature = stripFws(t.get('b') ?? '');
  const bodyHash = stripFws(t.get('bh') ?? '');
  if (t.has('b') && !/^[A-Za-z0-9+/]*={0,2}$/.test(signature)) errors.push('b= is not base64');
  if (t.has('bh') && !/^[A-Za-z0-9+/]*={0,2}$/.test(bodyHash)) errors.push('bh= is not base64');
  return {
    tags: list.tags,
    version,
    a,
    algorithm,
    selector,
    domain,
    signedHeaders,
    headerCanon,
    bodyCanon,
    identity,
    bodyLength,
    queryMethods,
    timestamp,
    expiration,
    signature,
    bodyHash,
    errors,
    warnings,
    legacyDraft,
  };
}
