// Received parsing scored against two corpora in ../shared/corpora/received:
// - SpamAssassin's t/rcvd_parser.t: 101 real Received fields, each with the
//   relay's ip, rdns, helo, by, id (and ident, envfrom, auth), or "ignored"
//   for fields that are no relay hop. Scored: ip, helo, by, id of relay hops,
//   and whether ignored fields are recognised as not relays. SpamAssassin
//   writes an address-literal HELO as "!1.2.3.4!"; Mailmedic keeps "[1.2.3.4]".
// - Microsoft MHA's Received tests: whole chains (hop order, date, delay) and
//   single fields (from, by, with, id, for, via, date). MHA keeps comments in
//   its from/by/with columns ("localhost (10.0.22.21)"); the host name before
//   the comment is what is compared.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus, CorpusScore } from './corpus';
import { parseReceived } from '../../src/core/mail/received';
import { readEvidence } from '../../src/core/analyze';

interface SaCase {
  received: string;
  ignored: boolean;
  expected: Record<string, string> | null;
}

const SA_FIELDS = ['ip', 'helo', 'by', 'id'] as const;

function saHelo(h: string): string {
  const lit = /^!(.*)!$/.exec(h);
  return lit ? `[${lit[1]}]` : h;
}

function scoreSpamAssassin(
  dir: string,
  misses: string[],
): { fields: Record<string, [number, number]>; rdns: [number, number]; ignored: [number, number] } {
  const data = JSON.parse(readFileSync(path.join(dir, 'spamassassin-cases.json'), 'utf8')) as { cases: SaCase[] };
  const fields: Record<string, [number, number]> = Object.fromEntries(SA_FIELDS.map((f) => [f, [0, 0]]));
  const rdns: [number, number] = [0, 0];
  const ignored: [number, number] = [0, 0];
  data.cases.forEach((c, i) => {
    const r = parseReceived(c.received);
    if (c.ignored) {
      ignored[1]++;
      if (!r.relay) ignored[0]++;
      else misses.push(`sa#${i} ignored: parsed as a relay from ${r.ip} — ${c.received.slice(0, 140)}`);
      return;
    }
    const e = c.expected!;
    const got: Record<string, string> = { ip: r.ip ?? '', helo: r.helo ?? '', by: r.by ?? '', id: r.id ?? '' };
    for (const f of SA_FIELDS) {
      const want = f === 'helo' ? saHelo(e[f]) : e[f];
      fields[f][1]++;
      if (got[f] === want) fields[f][0]++;
      else misses.push(`sa#${i} ${f}: want "${want}", got "${got[f]}" — ${c.received.slice(0, 160)}`);
    }
    rdns[1]++;
    if ((r.rdns ?? '') === e.rdns) rdns[0]++;
  });
  return { fields, rdns, ignored };
}

interface MhaRow {
  expected: Record<string, string | number>;
}
interface MhaSuite {
  describe: string;
  headers_in_order_added: { name: string; value: string }[];
  expected_rows: MhaRow[];
  expected_total_delta: string[];
}
interface MhaSingle {
  test: string;
  header: string | null;
  expected: Record<string, string | number>;
}

/** MHA's "host (comment)" → "host"; its "a; b" joins of repeated clauses → the first. */
function mhaHost(v: string): string {
  return v
    .split('; ')[0]
    .replace(/\s*\(.*$/, '')
    .trim();
}

function mhaWith(v: string): string {
  return v
    .split('; ')[0]
    .replace(/\s*\(.*$/, '')
    .trim();
}

function compareHop(
  label: string,
  want: Record<string, string | number>,
  got: {
    from: string | null;
    by: string | null;
    with: string | null;
    id: string | null;
    for: string | null;
    via?: string | null;
    time: number | null;
  },
  tally: [number, number],
  misses: string[],
): void {
  const pairs: [string, string, string][] = [];
  if ('from' in want) pairs.push(['from', mhaHost(String(want.from)), got.from ?? '']);
  if ('by' in want) pairs.push(['by', mhaHost(String(want.by)), got.by ?? '']);
  if ('with' in want) pairs.push(['with', mhaWith(String(want.with)), got.with ?? '']);
  if ('id' in want) pairs.push(['id', String(want.id), got.id ?? '']);
  if ('for' in want) pairs.push(['for', String(want.for).replace(/^<|>$/g, ''), got.for ?? '']);
  if ('via' in want) pairs.push(['via', String(want.via), got.via ?? '']);
  pairs.push(['date', 'dateNum' in want ? String(want.dateNum) : '', got.time === null ? '' : String(got.time)]);
  for (const [f, w, g] of pairs) {
    tally[1]++;
    if (w === g) tally[0]++;
    else misses.push(`mha ${label} ${f}: want "${w}", got "${g}"`);
  }
}

function scoreMha(dir: string, misses: string[]): { fields: [number, number]; chains: [number, number] } {
  const data = JSON.parse(readFileSync(path.join(dir, 'mha-cases.json'), 'utf8')) as {
    suites: MhaSuite[];
    parseHeader_cases: MhaSingle[];
  };
  const fields: [number, number] = [0, 0];
  const chains: [number, number] = [0, 0];
  for (const s of data.suites) {
    if (!s.expected_rows.length) continue;
    // header values are whole "Received: …" fields, newest first as in a message
    const text = s.headers_in_order_added.map((h) => h.value).join('\n') + '\n';
    const ev = readEvidence(text);
    chains[1]++;
    let chainOk = ev.hops.length === s.expected_rows.length;
    if (!chainOk) misses.push(`mha ${s.describe}: ${ev.hops.length} hops, want ${s.expected_rows.length}`);
    s.expected_rows.forEach((row, i) => {
      const hop = ev.hops[i];
      if (!hop) return;
      const before = fields[0];
      compareHop(`${s.describe} hop ${i + 1}`, row.expected, { ...hop, time: hop.date ? Date.parse(hop.date) : null }, fields, misses);
      if (fields[0] - before !== Object.keys(row.expected).filter((k) => ['from', 'by', 'with', 'id', 'for', 'via'].includes(k)).length + 1)
        chainOk = false;
      const delay = row.expected.delaySort as number;
      // MHA: -1 for the first hop; otherwise milliseconds since the previous hop
      const wantDelay = delay === -1 && i === 0 ? null : Math.round(delay / 1000);
      fields[1]++;
      if (hop.delay === wantDelay || (wantDelay !== null && hop.delay !== null && Math.abs(hop.delay - wantDelay) <= 1)) fields[0]++;
      else {
        chainOk = false;
        misses.push(`mha ${s.describe} hop ${i + 1} delay: want ${wantDelay}, got ${hop.delay}`);
      }
    });
    if (chainOk) chains[0]++;
  }
  for (const c of data.parseHeader_cases) {
    if (!c.header || !/^Received:\s*\S/.test(c.header)) continue;
    const r = parseReceived(c.header.replace(/^Received:\s*/, ''));
    compareHop(c.test, c.expected, r, fields, misses);
  }
  return { fields, chains };
}

export const receivedCorpus: Corpus = {
  name: 'received',
  folder: 'received',
  async run(dir): Promise<CorpusScore> {
    const misses: string[] = [];
    const sa = scoreSpamAssassin(dir, misses);
    const mha = scoreMha(dir, misses);
    const saPassed = SA_FIELDS.reduce((n, f) => n + sa.fields[f][0], 0);
    const saTotal = SA_FIELDS.reduce((n, f) => n + sa.fields[f][1], 0);
    return {
      unit: 'SpamAssassin relay fields (ip, helo, by, id)',
      passed: saPassed,
      total: saTotal,
      misses,
      extra: [
        ...SA_FIELDS.map((f) => ({ name: `received-sa-${f}`, passed: sa.fields[f][0], total: sa.fields[f][1] })),
        { name: 'received-sa-rdns', passed: sa.rdns[0], total: sa.rdns[1] },
        { name: 'received-sa-not-relay', passed: sa.ignored[0], total: sa.ignored[1] },
        { name: 'received-mha-fields', passed: mha.fields[0], total: mha.fields[1] },
        { name: 'received-mha-chains', passed: mha.chains[0], total: mha.chains[1] },
      ],
    };
  },
};
