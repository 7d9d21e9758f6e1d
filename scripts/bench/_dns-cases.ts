// Shared by the DNS bench sections (dns-critical-path, dns-chromium): the
// cases, and the critical path of a case derived from how the analysis asks.
//
// The critical path is the longest chain of questions each of which could
// only be asked once another's answer was in. It is measured on the code,
// then held to account:
// 1. Rounds. An in-memory resolver answers nothing until the analysis is idle
//    (no new question for a while), then every question at once: the
//    questions asked before any answer are round 1, those asked once round 1
//    was answered are round 2, and so on.
// 2. Causes. For each question A, the analysis runs again with A's answer
//    held back one round: the questions that move a round later waited for A.
// 3. Reasons. Each such wait must have a reason in the data, or it is a
//    needless wait in the code (printed as such, and not counted in the
//    path): B's name is in A's answer (PTR → its name's A, an SPF include, an
//    MX host), B asks about the same name (a DNSBL's TXT after its A said
//    "listed"), B is the list's never-listed test point that vouches for A's
//    listing (RFC 5782 §5), or A's answer was negative and B is what one asks
//    instead (no PTR → the names that could be given one; no DMARC record at
//    a subdomain → the organizational domain's).
// The path counts only waits with a reason. So a check started late, or a
// question asked after an answer it does not need, shows as time over the
// critical path, never as a longer path.

import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/index';
import type { DnsResponse, Resolver, RRType } from '../../src/core/dns/resolver';
import { DohResolver } from '../../src/net/doh';
import { startDohServer, type Zone } from '../../test/support/doh-server';

export interface Case {
  name: string;
  input: string;
  zone: Zone;
}

export function seedCase(): Case {
  const dir = new URL('../../test/fixtures/cases/mdaemon-554/', import.meta.url);
  return {
    name: 'seed: mdaemon-554',
    input: readFileSync(new URL('input.log', dir), 'utf8'),
    zone: JSON.parse(readFileSync(new URL('zone.json', dir), 'utf8')) as Zone,
  };
}

/** A sender with chains: a PTR to confirm, a listing to explain, SPF with an include. */
export function chainCase(): Case {
  const seed = seedCase();
  const input = seed.input.replace('EHLO accounting-pc', 'EHLO mail.example.org');
  const records = [
    ...(seed.zone.records ?? []).filter((r) => r.name !== 'example.org'),
    { name: '135.72.78.80.in-addr.arpa', type: 'PTR', data: 'mail.example.org' },
    { name: 'mail.example.org', type: 'A', data: '80.78.72.135' },
    { name: '135.72.78.80.zen.spamhaus.org', type: 'A', data: '127.0.0.4' },
    { name: '135.72.78.80.zen.spamhaus.org', type: 'TXT', data: 'https://check.spamhaus.org/' },
    { name: 'example.org', type: 'TXT', data: 'v=spf1 include:_spf.example.net -all' },
    { name: '_spf.example.net', type: 'TXT', data: 'v=spf1 ip4:80.78.72.128/27 -all' },
  ];
  return { name: 'chains: PTR→A, listed→TXT, SPF include', input, zone: { ...seed.zone, records } };
}

interface Asked {
  key: string;
  name: string;
  type: string;
  round: number;
  answer: DnsResponse;
}

/** Quiet time after which the analysis counts as waiting for answers. */
const IDLE_MS = 40;

/** The rounds of one analysis (see above), with `hold`'s answer kept back one round. */
async function rounds(c: Case, answers: Resolver, hold?: string): Promise<Map<string, Asked>> {
  const asked = new Map<string, Asked>();
  const waiting: { key: string; release: () => void; held: boolean }[] = [];
  let round = 1;
  let last = performance.now();
  let fetching = 0;
  const resolver: Resolver = {
    async resolve(name: string, type: RRType): Promise<DnsResponse> {
      const key = `${name} ${type}`;
      const at = round;
      last = performance.now();
      fetching++;
      const answer = await answers.resolve(name, type);
      fetching--;
      asked.set(key, { key, name, type, round: at, answer });
      await new Promise<void>((release) => waiting.push({ key, release, held: false }));
      last = performance.now();
      return answer;
    },
  };
  let done = false;
  const run = analyze(c.input, { resolver, limits: { dnsDeadlineMs: 0 } }).finally(() => (done = true));
  while (!done) {
    await new Promise((r) => setTimeout(r, 5));
    if (done || fetching > 0 || performance.now() - last < IDLE_MS) continue;
    if (!waiting.length) continue;
    round++;
    const now = waiting.splice(0);
    for (const w of now) {
      if (w.key === hold && !w.held) {
        w.held = true;
        waiting.push(w);
      } else w.release();
    }
    last = performance.now();
  }
  await run;
  return asked;
}

function hostnames(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)+/g) ?? []).filter((h) =>
    /[a-z]/.test(h.split('.').pop()!),
  );
}

type Reason = 'name in the answer' | 'same name' | 'after a negative answer' | 'checks a listing' | 'none';

/** The labels two names end with in common. */
function sharedSuffix(a: string, b: string): number {
  const x = a.split('.').reverse();
  const y = b.split('.').reverse();
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function reasonFor(a: Asked, b: Asked): Reason {
  if (a.name === b.name) return 'same name';
  const names = a.answer.answers.flatMap((r) => hostnames(r.exchange ?? r.data));
  if (names.some((n) => b.name === n || b.name.endsWith('.' + n))) return 'name in the answer';
  const records = a.answer.answers.filter((r) => r.type === a.type);
  if (a.answer.failure || a.answer.rcode !== 'NOERROR' || !records.length) return 'after a negative answer';
  // a list's never-listed test point, asked to vouch for its "listed" (RFC 5782 §5): same zone
  if (b.type === 'A' && a.type === 'A' && sharedSuffix(a.name, b.name) >= 2 && records.every((r) => r.data.startsWith('127.')))
    return 'checks a listing';
  return 'none';
}

export interface CriticalPath {
  /** Round trips on the longest chain of waits with a reason. */
  depth: number;
  chain: string[];
  /** Rounds the code took (the same, unless some wait has no reason). */
  rounds: number;
  questions: number;
  /** Waits with no reason in the data: a needless serial await in the code. */
  needless: string[];
}

export async function criticalPath(c: Case): Promise<CriticalPath> {
  const server = await startDohServer({ zone: c.zone });
  try {
    const answers = new DohResolver({ endpoints: [server.url], cache: false, connectionsPerEndpoint: Infinity });
    const base = await rounds(c, answers);
    const byRound = [...base.values()].sort((x, y) => x.round - y.round);
    const top = Math.max(...byRound.map((q) => q.round));
    // direct causes: holding A back one round moves B (asked the round after A) one round later
    const parents = new Map<string, { a: Asked; reason: Reason }[]>();
    for (const a of byRound.filter((q) => q.round < top)) {
      const moved = await rounds(c, answers, a.key);
      for (const b of byRound) {
        if (b.round !== a.round + 1) continue;
        const m = moved.get(b.key);
        if (m && m.round > b.round) parents.set(b.key, [...(parents.get(b.key) ?? []), { a, reason: reasonFor(a, b) }]);
      }
    }
    const depth = new Map<string, { d: number; chain: string[] }>();
    const needless: string[] = [];
    for (const b of byRound) {
      let best = { d: 1, chain: [b.key] };
      for (const { a, reason } of parents.get(b.key) ?? []) {
        if (reason === 'none') {
          needless.push(`${b.key} waited for ${a.key}`);
          continue;
        }
        const da = depth.get(a.key)!;
        if (da.d + 1 > best.d) best = { d: da.d + 1, chain: [...da.chain, `(${reason})`, b.key] };
      }
      depth.set(b.key, best);
    }
    let longest = { d: 0, chain: [] as string[] };
    for (const v of depth.values()) if (v.d > longest.d) longest = v;
    return { depth: longest.d, chain: longest.chain, rounds: top, questions: base.size, needless };
  } finally {
    await server.close();
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
