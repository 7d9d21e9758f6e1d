// DMARC policy records (RFC 7489 §6.3, §6.4): every tag read and checked.
// The status names follow OpenDMARC's parser (opendmarc_policy_parse_dmarc),
// whose table the conformance script compares against.

import { parseTagList } from '../../text/tag-list';
import { toDnsName } from '../../dns/names';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';
export type AlignmentMode = 'relaxed' | 'strict';
export type DmarcParseStatus = 'ok' | 'empty' | 'bad-version' | 'bad-value' | 'no-policy';

export interface ReportUri {
  uri: string;
  /** mailto: address, when it is one. */
  address: string | null;
  /** The destination's domain (mailto:), lowercased. */
  domain: string | null;
  /** "!10m" size limit, as written. */
  limit: string | null;
}

export interface DmarcRecord {
  status: DmarcParseStatus;
  /** p=; null when missing or invalid. */
  policy: DmarcPolicy | null;
  /** sp= (defaults to p). */
  subdomainPolicy: DmarcPolicy | null;
  /** np= (DMARCbis, RFC 9091): policy for non-existent subdomains. */
  nonexistentPolicy: DmarcPolicy | null;
  adkim: AlignmentMode;
  aspf: AlignmentMode;
  pct: number;
  rua: ReportUri[];
  ruf: ReportUri[];
  fo: string[];
  rf: string[];
  ri: number;
  /** What is wrong (status != ok) and what is odd (status ok). */
  errors: string[];
  warnings: string[];
}

function policyValue(v: string, tag: string, warnings: string[]): DmarcPolicy | null {
  const s = v.trim().toLowerCase();
  if (s === 'none' || s === 'quarantine' || s === 'reject') return s;
  // OpenDMARC reads the policy by its first letter ("p=n"); RFC 7489 wants the word
  const full = (['none', 'quarantine', 'reject'] as const).find((p) => s.length > 0 && p.startsWith(s));
  if (full) {
    warnings.push(`${tag}=${v}: write ${tag}=${full} in full; OpenDMARC reads the abbreviation, other receivers may ignore the record.`);
    return full;
  }
  return null;
}

/** §6.4 dmarc-uri: a URI with an optional "!" size; only mailto: is used by receivers. */
function reportUris(v: string, tag: string, warnings: string[]): ReportUri[] {
  return v
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
    .map((u) => {
      const bang = /^(.*?)(?:!(\d+[kmgt]?))?$/i.exec(u)!;
      const uri = bang[1];
      const m = /^mailto:([^@\s]+@([^?\s]+))/i.exec(uri);
      if (!m) warnings.push(`${tag}=${u}: only mailto: destinations receive DMARC reports; this one is ignored.`);
      // an internationalised destination is compared and asked in A-label form (RFC 8616 §5)
      const domain = m ? (toDnsName(m[2]) ?? m[2].toLowerCase().replace(/\.$/, '')) : null;
      return { uri, address: m ? m[1] : null, domain, limit: bang[2] ?? null };
    });
}

export function parseDmarcRecord(text: string): DmarcRecord {
  const rec: DmarcRecord = {
    status: 'ok',
    policy: null,
    subdomainPolicy: null,
    nonexistentPolicy: null,
    adkim: 'relaxed',
    aspf: 'relaxed',
    pct: 100,
    rua: [],
    ruf: [],
    fo: ['0'],
    rf: ['afrf'],
    ri: 86400,
    errors: [],
    warnings: [],
  };
  const bad = (status: DmarcParseStatus, why: string): DmarcRecord => ({ ...rec, status, errors: [...rec.errors, why] });
  if (text.trim() === '') return bad('empty', 'the record is empty');
  const list = parseTagList(text);
  const first = list.tags[0];
  // §6.4: v=DMARC1 must come first (the value is case-sensitive)
  if (!first || first.name.toLowerCase() !== 'v' || first.value !== 'DMARC1')
    return bad(
      'bad-version',
      first?.name.toLowerCase() === 'v'
        ? `the version tag reads "v=${first.value}": it must be exactly v=DMARC1, ended by a semicolon`
        : 'the record must begin with v=DMARC1',
    );
  for (const e of list.errors) rec.warnings.push(e);
  for (const { name, value } of list.tags.slice(1)) {
    const v = value.trim();
    switch (name.toLowerCase()) {
      case 'p':
        rec.policy = policyValue(v, 'p', rec.warnings);
        if (!rec.policy) return bad('bad-value', `p=${v}: the policy must be none, quarantine or reject`);
        break;
      case 'sp':
        rec.subdomainPolicy = policyValue(v, 'sp', rec.warnings);
        if (!rec.subdomainPolicy) return bad('bad-value', `sp=${v}: must be none, quarantine or reject`);
        break;
      case 'np':
        rec.nonexistentPolicy = policyValue(v, 'np', rec.warnings);
        if (!rec.nonexistentPolicy) return bad('bad-value', `np=${v}: must be none, quarantine or reject`);
        break;
      case 'adkim':
      case 'aspf': {
        const mode = v.toLowerCase() === 'r' ? 'relaxed' : v.toLowerCase() === 's' ? 'strict' : null;
        if (!mode) return bad('bad-value', `${name}=${v}: must be r (relaxed) or s (strict)`);
        rec[name.toLowerCase() as 'adkim' | 'aspf'] = mode;
        break;
      }
      case 'pct': {
        if (!/^\d{1,3}$/.test(v) || Number(v) > 100) return bad('bad-value', `pct=${v}: must be a whole number from 0 to 100`);
        rec.pct = Number(v);
        break;
      }
      case 'ri':
        if (!/^\d{1,10}$/.test(v)) return bad('bad-value', `ri=${v}: must be a number of seconds`);
        rec.ri = Number(v);
        break;
      case 'rf': {
        const formats = v.split(':').map((f) => f.trim().toLowerCase());
        // §6.3 rf: report formats registered with IANA: afrf (and iodef, from the drafts)
        if (formats.some((f) => f !== 'afrf' && f !== 'iodef')) return bad('bad-value', `rf=${v}: the only failure report format is afrf`);
        rec.rf = formats;
        break;
      }
      case 'fo': {
        const opts = v.split(':').map((f) => f.trim().toLowerCase());
        if (opts.some((o) => !['0', '1', 'd', 's'].includes(o))) return bad('bad-value', `fo=${v}: options are 0, 1, d and s`);
        rec.fo = opts;
        break;
      }
      case 'rua':
        rec.rua = reportUris(v, 'rua', rec.warnings);
        break;
      case 'ruf':
        rec.ruf = reportUris(v, 'ruf', rec.warnings);
        break;
      default:
        // §6.3: unknown tags MUST be ignored
        rec.warnings.push(`unknown tag ${name}= (ignored)`);
    }
  }
  if (!rec.policy) return bad('no-policy', 'the required tag p= is missing');
  if (rec.pct < 100 && rec.policy !== 'none') rec.warnings.push(`pct=${rec.pct}: the policy applies to only ${rec.pct}% of failing mail.`);
  return rec;
}

const TAGS = 'v|p|sp|np|adkim|aspf|pct|ri|rf|fo|rua|ruf';

/**
 * The record a broken DMARC TXT was meant to be, when its slips are the common
 * ones — "v=DMARC1 p=reject" (no semicolon), v= not first, commas or spaces
 * between tags, "v=dmarc1" — so the fix can show the exact record (keeping
 * its policy and report addresses) instead of a generic starter record. Null
 * when the text does not read as an intended DMARC record or still does not
 * parse once repaired.
 */
export function repairDmarcRecord(text: string): string | null {
  if (!new RegExp(`(?:^|[;\\s,])v\\s*=\\s*DMARC1\\b`, 'i').test(text)) return null;
  const tagAt = new RegExp(`(?:^|[;\\s,]+)(${TAGS})\\s*=\\s*`, 'gi');
  const starts = [...text.matchAll(tagAt)];
  const tags = starts.map((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : text.length;
    const value = text
      .slice(m.index + m[0].length, end)
      .replace(/(?<![;\s])[;\s]+$/, '')
      .replace(/,$/, '');
    return { name: m[1].toLowerCase(), value };
  });
  const rest = tags.filter((t) => t.name !== 'v' && t.value !== '');
  const repaired = ['v=DMARC1', ...rest.map((t) => `${t.name}=${t.value}`)].join('; ');
  if (repaired === text.trim().replace(/;\s*$/, '')) return null;
  return parseDmarcRecord(repaired).status === 'ok' ? repaired : null;
}
