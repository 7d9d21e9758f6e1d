// Real incidents (issue 11): test/fixtures/real/<slug>/ holds what mail
// administrators really pasted in public threads (input.*), where it came from
// (SOURCE.md) and the diagnosis the thread established (expect.json, written
// before Mailmedic ever ran on it; format in test/fixtures/real/README.md).
//
// Four figures per part:
//   recognised — the input's kind is not `unknown` (for incidents a serious tool
//                should read as mail-delivery evidence);
//   reason     — the first refusal's sisimai reason is one the thread allows;
//   first step — the first checklist step whose status is fail or warn has one
//                of the rule ids the thread allows;
//   checks     — every must / must_not step and every text is (not) there.
// The held-out fifth (isHeldOut(slug)) is scored as `real-unseen` and only its
// figures leave this module: its misses are never listed (issue 11's rule).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus, CorpusScore } from './corpus';
import { isHeldOut } from './holdout';
import { analyze } from '../../src/core/index';
import { decodeBytes } from '../../src/core/text/decode';
import type { Report } from '../../src/core/types';
import { buildView } from '../../src/worker/view/build';

export const REAL_ROOT = path.join(import.meta.dirname, '../../test/fixtures/real');

export interface RealExpect {
  recognised: boolean;
  kind?: string[];
  reason?: string[];
  stage?: string[];
  first?: string[];
  must?: { rule: string; status: string[] }[];
  must_not?: { rule: string; status: string[] }[];
  text?: string[];
  offline?: boolean;
  party?: string;
  note: string;
}

export interface RealIncident {
  slug: string;
  held: boolean;
  dir: string;
  inputPath: string;
  exp: RealExpect;
}

/** Every incident folder (input + expect.json), in name order. */
export function listIncidents(root = REAL_ROOT): RealIncident[] {
  return readdirSync(root)
    .filter((d) => existsSync(path.join(root, d, 'expect.json')))
    .sort()
    .map((slug) => {
      const dir = path.join(root, slug);
      const inputPath = readdirSync(dir)
        .filter((f) => f.startsWith('input.'))
        .map((f) => path.join(dir, f))[0];
      return { slug, held: isHeldOut(slug), dir, inputPath, exp: JSON.parse(readFileSync(path.join(dir, 'expect.json'), 'utf8')) };
    });
}

/**
 * The held-out incidents whose misses have been read (scripts/conformance/holdout-read.txt):
 * they still count in `real-unseen`, but only the others make the blind figure.
 */
export function readHoldouts(file = path.join(import.meta.dirname, 'holdout-read.txt')): Set<string> {
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/** Analyses one incident offline (every collected incident is offline: no thread told what DNS said). */
export async function analyzeIncident(inc: RealIncident): Promise<Report> {
  const bytes = new Uint8Array(readFileSync(inc.inputPath));
  // a dropped .eml keeps its bytes; a paste is a paste
  return analyze(decodeBytes(bytes), { exactBytes: inc.inputPath.endsWith('.eml'), now: () => new Date('2026-12-01T00:00:00Z') });
}

/**
 * Whose move the page's verdict card says it is (worker/view/verdict.ts), as one of the
 * expectation's parties: the sender's side (the sender, or the sender's own application),
 * the recipient's side, the reader's own server (the receiver), or the forwarder that passed the
 * message on.
 */
const PARTY_OF_WORDS: [RegExp, string[]][] = [
  [/^The sender's side/, ['sender', 'application']],
  [/^The recipient's side/, ['recipient']],
  [/^Your server's administrator/, ['receiver']],
  // the receiving server's own fault when that server is not the reader's (expectations name it 'receiver' too)
  [/^The receiving server's administrator/, ['receiver']],
  [/^The forwarder/, ['forwarder']],
];

/** Whether the verdict's "who acts" names the party the thread established. */
export function partyRight(report: Report, party: string): boolean {
  const who = buildView(report).verdict.who ?? '';
  return PARTY_OF_WORDS.some(([re, parties]) => re.test(who) && parties.includes(party));
}

export interface RealScore {
  recognised: boolean;
  /** null: the expectation does not judge it. */
  reason: boolean | null;
  first: boolean | null;
  checks: boolean | null;
  /** The input kind and the first refusal's stage, where the expectation names them (the unit test checks them; no figure). */
  shape: boolean | null;
  /** What did not match, one short line each. */
  misses: string[];
}

/** The first step that says a problem is there (fail or warn). */
export function firstProblem(report: Report) {
  return report.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
}

/**
 * Reasons sisimai merged in v5.6 (December 2025): an expectation written in its newer vocabulary
 * names the union of the older reasons, which Mailmedic (and sisimai's set-of-emails) still use.
 * https://github.com/sisimai/p5-sisimai/issues/634, https://github.com/sisimai/go-sisimai/issues/307
 */
export const SISIMAI_MERGED: Record<string, string[]> = {
  ratelimited: ['speeding', 'toomanyconn'],
  emailtoolarge: ['mesgtoobig', 'exceedlimit'],
};

export function scoreReport(report: Report, exp: RealExpect): RealScore {
  const misses: string[] = [];
  const kinds = report.inputs.map((i) => i.kind);
  const isRecognised = kinds.some((k) => k !== 'unknown');
  const recognised = exp.recognised ? isRecognised : !isRecognised;
  if (!recognised) misses.push(exp.recognised ? 'not recognised (kind unknown)' : `recognised as ${kinds}, should not be`);
  const rej = report.rejections[0];
  let reason: boolean | null = null;
  if (exp.reason) {
    reason = !!rej && exp.reason.some((x) => x === rej.reason || SISIMAI_MERGED[x]?.includes(rej.reason));
    if (!reason)
      misses.push(
        `reason ${rej ? `${rej.reason} (${rej.code ?? '-'} ${rej.enhanced ?? '-'} ${rej.stage})` : 'none'}, want ${exp.reason.join('|')}`,
      );
  }
  let first: boolean | null = null;
  if (exp.first) {
    const f = firstProblem(report);
    first = !!f && exp.first.includes(f.rule);
    if (!first) misses.push(`first ${f ? `${f.rule}:${f.status}` : 'none'}, want ${exp.first.join('|')}`);
  }
  let checks: boolean | null = null;
  if (exp.must?.length || exp.must_not?.length || exp.text?.length) {
    const before = misses.length;
    const has = (rule: string, st: string[]) => report.checklist.some((s) => s.rule === rule && st.includes(s.status));
    for (const m of exp.must ?? []) if (!has(m.rule, m.status)) misses.push(`missing ${m.rule}:${m.status.join('|')}`);
    for (const m of exp.must_not ?? []) if (has(m.rule, m.status)) misses.push(`unexpected ${m.rule}:${m.status.join('|')}`);
    const text = JSON.stringify(report.checklist.map((s) => [s.title, s.fix, s.verify, s.evidence])).toLowerCase();
    for (const t of exp.text ?? []) if (!text.includes(t.toLowerCase())) misses.push(`text "${t}" not in checklist`);
    checks = misses.length === before;
  }
  let shape: boolean | null = null;
  if (exp.kind || exp.stage) {
    const before = misses.length;
    if (exp.kind && !kinds.some((k) => exp.kind!.includes(k))) misses.push(`kind ${kinds}, want ${exp.kind.join('|')}`);
    if (exp.stage && !(rej && exp.stage.includes(rej.stage))) misses.push(`stage ${rej?.stage ?? 'none'}, want ${exp.stage.join('|')}`);
    shape = misses.length === before;
  }
  return { recognised, reason, first, checks, shape, misses };
}

interface Tally {
  n: number;
  recognised: number;
  reason: [number, number];
  first: [number, number];
  checks: [number, number];
}

const tally = (): Tally => ({ n: 0, recognised: 0, reason: [0, 0], first: [0, 0], checks: [0, 0] });

function add(t: Tally, s: RealScore) {
  t.n++;
  if (s.recognised) t.recognised++;
  for (const k of ['reason', 'first', 'checks'] as const) {
    if (s[k] === null) continue;
    t[k][1]++;
    if (s[k]) t[k][0]++;
  }
}

const line = (name: string, t: Tally) =>
  `${name}: recognised ${t.recognised}/${t.n}, reason ${t.reason[0]}/${t.reason[1]}, first step ${t.first[0]}/${t.first[1]}, checks ${t.checks[0]}/${t.checks[1]}`;

export const realCorpus: Corpus = {
  name: 'real',
  folder: REAL_ROOT,
  local: true,
  async run(dir: string): Promise<CorpusScore> {
    const seen = tally();
    const unseen = tally();
    // held-out incidents whose misses nobody has read yet (holdout-read.txt)
    const blind = tally();
    const read = readHoldouts();
    // whose move it is (issue 11 point 4): [right, judged], apart from the four figures above
    const party = { seen: [0, 0], unseen: [0, 0] };
    const misses: string[] = [];
    for (const inc of listIncidents(dir)) {
      let s: RealScore;
      try {
        const report = await analyzeIncident(inc);
        s = scoreReport(report, inc.exp);
        if (inc.exp.party) {
          const p = party[inc.held ? 'unseen' : 'seen'];
          p[1]++;
          if (partyRight(report, inc.exp.party)) p[0]++;
        }
      } catch (e) {
        s = { recognised: false, reason: false, first: false, checks: false, shape: false, misses: [`threw: ${String(e)}`] };
      }
      add(inc.held ? unseen : seen, s);
      if (inc.held && !read.has(inc.slug)) add(blind, s);
      // held-out misses never leave this loop
      if (!inc.held && s.misses.length) misses.push(`${inc.slug}: ${s.misses.join('; ')}`);
    }
    return {
      passed: seen.first[0],
      total: seen.first[1],
      lines: [
        line('real', seen),
        line('real-unseen', unseen),
        line('real-unseen-blind', blind),
        `real-party: ${party.seen[0]}/${party.seen[1]} who acts as the thread established (the verdict card's words)`,
        `real-unseen-party: ${party.unseen[0]}/${party.unseen[1]}`,
      ],
      misses,
    };
  },
};
