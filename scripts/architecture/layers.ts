// The layers of src/ and what each may import (DESIGN.md "Layers"). Read by
// test/unit/architecture.test.ts, which fails on an import cycle, on an import
// that runs up this order, and on a file that belongs to no layer.
//
// Inside core/ the order is a dependency order: a file may import its own
// layer and any layer listed BEFORE it, never one after it. Why this order:
// - types: the plain-data vocabulary every layer speaks (it crosses the worker
//   boundary and is the JSON report), and the settings shape;
// - text: lines, charsets, the RFC 6376 tag=value grammar — no mail meaning yet;
// - knowledge: facts as data (reply texts, codes, DNSBL registry, advice), each
//   with its source; knows nothing of parsing or DNS;
// - reason: the reason engine, which reads the reply knowledge in one precedence
//   (a refusal's codes, words, stage → its reason); pure, so any reader may ask it;
// - dns: names and IPs, the Resolver interface, Lookup and replay — no transport
//   (that is net/), so everything from mail/ up may name an IP or ask a question;
// - mail: reading RFC 5322 messages (addresses, dates, Received, Authentication-Results);
// - parse: one reader per input format, built on mail/;
// - evidence: collecting the parsers' findings and classifying the refusals;
// - subjects: which IP and names the live checks are about;
// - auth: SPF, DKIM and DMARC evaluation over a Resolver;
// - checks: the live checks (they run auth/ and dns/ for the subjects);
// - rules: evidence + live results → checklist steps;
// - rank: the order of the steps;
// - analyze: the public API (analyze(), options) and the other entry points
//   (text report, permalink codec, large-log summary), which nothing below imports.

export interface Layer {
  name: string;
  /** Path prefixes under the repository root (a folder ends with "/"). */
  paths: string[];
}

export const CORE_LAYERS: Layer[] = [
  { name: 'types', paths: ['src/core/types/', 'src/core/settings.ts'] },
  { name: 'text', paths: ['src/core/text/'] },
  { name: 'knowledge', paths: ['src/core/knowledge/'] },
  { name: 'reason', paths: ['src/core/reason/'] },
  { name: 'dns', paths: ['src/core/dns/'] },
  { name: 'mail', paths: ['src/core/mail/'] },
  { name: 'parse', paths: ['src/core/parse/'] },
  { name: 'evidence', paths: ['src/core/evidence.ts', 'src/core/classify.ts'] },
  { name: 'subjects', paths: ['src/core/subjects.ts'] },
  { name: 'auth', paths: ['src/core/auth/'] },
  { name: 'checks', paths: ['src/core/checks/'] },
  { name: 'rules', paths: ['src/core/rules/'] },
  { name: 'rank', paths: ['src/core/rank.ts'] },
  {
    name: 'analyze',
    paths: ['src/core/analyze.ts', 'src/core/options.ts', 'src/core/index.ts', 'src/core/format/', 'src/core/share/', 'src/core/summary/'],
  },
];

/**
 * The rooms around core/. `imports` names the rooms a file may import from;
 * `typesOnly` the rooms it may import only types from (`import type`), so
 * that their code is not bundled where it should not run.
 */
export interface Room {
  name: string;
  paths: string[];
  imports: string[];
  typesOnly: string[];
}

export const ROOMS: Room[] = [
  { name: 'core', paths: ['src/core/'], imports: [], typesOnly: [] },
  // Constants the page and the CLI must agree on (when a file is streamed); no imports, no code.
  { name: 'shared', paths: ['src/shared/'], imports: [], typesOnly: [] },
  // The DoH transport implements core's Resolver interface (and uses its small helpers).
  { name: 'net', paths: ['src/net/'], imports: ['core'], typesOnly: [] },
  { name: 'worker', paths: ['src/worker/'], imports: ['core', 'net'], typesOnly: [] },
  // The page: core's parsers and rules run in the worker, so the UI takes core's
  // types only and receives render-ready data from the worker (worker/view/).
  { name: 'ui', paths: ['src/ui/'], imports: ['shared'], typesOnly: ['core', 'net', 'worker'] },
  {
    name: 'app',
    paths: ['src/app/', 'src/main.ts', 'src/vite-env.d.ts'],
    imports: ['core', 'net', 'worker', 'ui', 'shared'],
    typesOnly: [],
  },
  { name: 'cli', paths: ['src/cli/'], imports: ['core', 'net', 'shared'], typesOnly: [] },
];

/**
 * Known offenders, each one edge "from -> to", kept only until it is mended.
 * The check fails on any edge that breaks a rule and is not listed here, and
 * on a listed edge that no longer exists (so the list can only shrink).
 */
export const KNOWN_OFFENDERS: string[] = [];
