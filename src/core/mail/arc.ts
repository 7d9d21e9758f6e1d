// The ARC set (RFC 8617): per instance i=1..N an ARC-Seal (AS),
// ARC-Message-Signature (AMS) and ARC-Authentication-Results (AAR). This
// reads the chain's order and each seal's cv= (the chain validation the
// sealer recorded) and checks its structure (RFC 8617 §5.1.1: instances
// 1..N, one of each header per instance, cv=none only on i=1 and pass after).
// The signatures themselves are not verified here. Tag lists are read with
// the DKIM tag-list reader (text/tag-list.ts), the same grammar (RFC 8617 §4.1.2).

import type { ArcChain, ArcInstance, HeaderField } from '../types';
import { parseAuthResults } from './authres';
import { parseTagList } from '../text/tag-list';

/** RFC 8617 §4.2.1: at most 50 instances. */
const MAX_INSTANCES = 50;

function instanceOf(value: string): number | null {
  const m = /^\s*i\s*=\s*(\d+)\s*;/.exec(value);
  return m ? Number(m[1]) : null;
}

export function readArc(fields: HeaderField[]): ArcChain {
  const byI = new Map<number, ArcInstance>();
  const problems: ArcChain['problems'] = [];
  const get = (i: number) => {
    let x = byI.get(i);
    if (!x) byI.set(i, (x = { i, seal: null, signature: null, results: null }));
    return x;
  };
  for (const f of fields) {
    const name = f.name.toLowerCase();
    if (!name.startsWith('arc-')) continue;
    const i = name === 'arc-authentication-results' ? instanceOf(f.value) : Number(parseTagList(f.value).byName.get('i'));
    if (!i || !Number.isInteger(i) || i < 1) {
      problems.push({ text: `${f.name} has no valid instance number i=`, line: f.line });
      continue;
    }
    const inst = get(i);
    const dup = (what: string) => problems.push({ text: `Two ${what} headers for instance i=${i}`, line: f.line });
    if (name === 'arc-seal') {
      if (inst.seal) dup('ARC-Seal');
      const { tags, byName } = parseTagList(f.value);
      inst.seal = {
        line: f.line,
        cv: byName.get('cv')?.toLowerCase() ?? null,
        d: byName.get('d') ?? null,
        s: byName.get('s') ?? null,
        tags,
      };
    } else if (name === 'arc-message-signature') {
      if (inst.signature) dup('ARC-Message-Signature');
      const { tags, byName } = parseTagList(f.value);
      inst.signature = { line: f.line, d: byName.get('d') ?? null, s: byName.get('s') ?? null, h: byName.get('h') ?? null, tags };
    } else if (name === 'arc-authentication-results') {
      if (inst.results) dup('ARC-Authentication-Results');
      inst.results = { line: f.line, authResults: parseAuthResults(f.value.replace(/^\s*i\s*=\s*\d+\s*;/, '')) };
    }
  }
  const instances = [...byI.values()].sort((a, b) => a.i - b.i);
  if (!instances.length) return { instances, structure: 'none', problems, latestCv: null };
  if (instances.length > MAX_INSTANCES)
    problems.push({ text: `${instances.length} ARC instances, more than the 50 RFC 8617 allows`, line: 0 });
  instances.forEach((inst, k) => {
    const line = inst.seal?.line ?? inst.signature?.line ?? inst.results?.line ?? 0;
    if (inst.i !== k + 1) problems.push({ text: `ARC instance i=${k + 1} is missing (the chain jumps to i=${inst.i})`, line });
    for (const [part, name] of [
      [inst.seal, 'ARC-Seal'],
      [inst.signature, 'ARC-Message-Signature'],
      [inst.results, 'ARC-Authentication-Results'],
    ] as const)
      if (!part) problems.push({ text: `Instance i=${inst.i} has no ${name}`, line });
    const cv = inst.seal?.cv;
    if (inst.seal && inst.i === 1 && cv !== 'none')
      problems.push({ text: `The first ARC-Seal must say cv=none, it says cv=${cv ?? '(nothing)'}`, line });
    if (inst.seal && inst.i > 1 && cv !== 'pass')
      problems.push({
        text: `ARC-Seal i=${inst.i} says cv=${cv ?? '(nothing)'}: the chain was already broken when this hop sealed it`,
        line,
      });
  });
  const latestCv = instances[instances.length - 1].seal?.cv ?? null;
  return { instances, structure: problems.length ? 'invalid' : 'valid', problems, latestCv };
}
