// Permalinks (DESIGN.md "Permalinks"): the state goes into the URL fragment,
// never the query string, so no server receives it. JSON → deflate-raw →
// base64url, behind a version prefix. Decoding validates the shape and caps
// the decompressed size; a bad link gives a clear message, never a throw.
// Compression comes in as a parameter (CompressionStream in the page, the
// same in Node tests) so that core stays free of host APIs.

import type { DnsLogEntry, Report } from '../types';

export const PERMALINK_PREFIX = 'mm1.';

export interface SharedState {
  v: 1;
  /** `input`: the pasted text travels; `findings`: only the report does. */
  mode: 'input' | 'findings';
  input?: string;
  exactBytes?: boolean;
  report?: Report;
  /** Keys (stepKey) of the checklist steps the user ticked as done. */
  done: string[];
  /** The DNS answers seen, with their time. */
  dns: DnsLogEntry[];
  /** When the link was made (ISO 8601). */
  created: string;
}

export interface Compression {
  compress(data: Uint8Array): Promise<Uint8Array>;
  /** Resolves null when the output would exceed maxBytes, or the data is corrupt. */
  decompress(data: Uint8Array, maxBytes: number): Promise<Uint8Array | null>;
}

export interface PermalinkLimits {
  /** Longest fragment accepted (characters). */
  maxFragment: number;
  /** Largest decompressed JSON accepted (bytes). */
  maxJson: number;
  /**
   * Most checklist steps, and evidence lines in all, a findings-only link may
   * carry. What it stops: the page draws every step of a shared report at
   * once, and a crafted link with 20,000 steps (a few hundred KB compressed)
   * blocked the page for 20 s and took 2.7 GB. A diagnosis has a few dozen
   * steps; a report too large for a link is shared with its input instead.
   */
  maxSteps: number;
  maxEvidence: number;
}

export const DEFAULT_PERMALINK_LIMITS: PermalinkLimits = {
  maxFragment: 2_000_000,
  maxJson: 8 * 1024 * 1024,
  maxSteps: 1000,
  maxEvidence: 10_000,
};

/** Why a findings-only report is too large for a link (PermalinkLimits.maxSteps, maxEvidence), or null. */
export function findingsTooLarge(
  report: unknown,
  limits: Pick<PermalinkLimits, 'maxSteps' | 'maxEvidence'> = DEFAULT_PERMALINK_LIMITS,
): string | null {
  const steps = isObj(report) && isArr(report.checklist) ? report.checklist : [];
  if (steps.length > limits.maxSteps)
    return `its findings have ${steps.length} checklist steps, more than the ${limits.maxSteps} a link may carry (a diagnosis has a few dozen); share the input instead`;
  let evidence = 0;
  for (const st of steps) evidence += isObj(st) && isArr(st.evidence) ? st.evidence.length : 0;
  if (evidence > limits.maxEvidence)
    return `its findings have ${evidence} evidence lines, more than the ${limits.maxEvidence} a link may carry; share the input instead`;
  return null;
}

/** A stable key for a step, to remember it as done across re-analyses. */
export function stepKey(step: { rule: string; title: string }): string {
  return `${step.rule}|${step.title}`;
}

function toBase64url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export async function encodePermalink(state: SharedState, c: Compression): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return PERMALINK_PREFIX + toBase64url(await c.compress(json));
}

export type DecodeResult = { ok: true; state: SharedState } | { ok: false; error: string };

const isStr = (x: unknown): x is string => typeof x === 'string';
const isArr = Array.isArray;

function validDns(x: unknown): x is DnsLogEntry {
  const e = x as DnsLogEntry;
  return (
    !!e &&
    isStr(e.name) &&
    isStr(e.type) &&
    isStr(e.rcode) &&
    isStr(e.resolver) &&
    isArr(e.answers) &&
    e.answers.every(isStr) &&
    typeof e.ms === 'number'
  );
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isLine = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const strings = (x: unknown): boolean => isArr(x) && x.every(isStr);

/**
 * A findings-only link carries a report that the page draws as it is, so
 * every part the page reads item by item is checked here: a link is
 * anyone's text, and one malformed evidence line must give the "cannot be
 * opened" message, not a half-drawn page (the optional panels, auth and the
 * message view, are checked by their own readers and drawn behind error
 * boundaries).
 */
function validStep(s: unknown): boolean {
  return (
    isObj(s) &&
    isStr(s.rule) &&
    isStr(s.status) &&
    isStr(s.title) &&
    (s.detail === undefined || isStr(s.detail)) &&
    isArr(s.evidence) &&
    s.evidence.every((e) => isObj(e) && isStr(e.text) && isLine(e.line)) &&
    strings(s.fix) &&
    strings(s.verify) &&
    (s.sources === undefined || strings(s.sources))
  );
}

function validReport(x: unknown): x is Report {
  const r = x as Report;
  return (
    isObj(r) &&
    r.version === 1 &&
    isArr(r.inputs) &&
    r.inputs.every((i) => isObj(i) && isStr(i.kind) && isLine(i.lines)) &&
    isArr(r.rejections) &&
    r.rejections.every((j) => isObj(j) && isStr(j.text) && isLine(j.line) && isStr(j.stage) && isStr(j.reason)) &&
    isArr(r.hops) &&
    r.hops.every(isObj) &&
    isArr(r.dns) &&
    r.dns.every(validDns) &&
    (r.warnings === undefined || strings(r.warnings)) &&
    isArr(r.checklist) &&
    r.checklist.every(validStep)
  );
}

/** Check that parsed JSON has the SharedState shape; returns the reason when not. */
export function validateState(
  x: unknown,
  limits: Pick<PermalinkLimits, 'maxSteps' | 'maxEvidence'> = DEFAULT_PERMALINK_LIMITS,
): string | null {
  const s = x as SharedState;
  if (!s || typeof s !== 'object') return 'not an object';
  if (s.v !== 1) return `unknown version ${String((s as { v?: unknown }).v)}`;
  if (s.mode !== 'input' && s.mode !== 'findings') return 'unknown mode';
  if (s.mode === 'input' && !isStr(s.input)) return 'the input is missing';
  // counted before the shape is checked item by item
  const tooLarge = s.mode === 'findings' ? findingsTooLarge(s.report, limits) : null;
  if (tooLarge) return tooLarge;
  if (s.mode === 'findings' && !validReport(s.report)) return 'the findings are malformed';
  if (!isArr(s.done) || !s.done.every(isStr)) return 'the checklist progress is malformed';
  if (!isArr(s.dns) || !s.dns.every(validDns)) return 'the DNS answers are malformed';
  if (!isStr(s.created)) return 'the creation time is missing';
  return null;
}

export async function decodePermalink(
  fragment: string,
  c: Compression,
  limits: PermalinkLimits = DEFAULT_PERMALINK_LIMITS,
): Promise<DecodeResult> {
  const f = fragment.replace(/^#/, '');
  const bad = (why: string): DecodeResult => ({ ok: false, error: `This link cannot be opened: ${why}.` });
  if (!f.startsWith(PERMALINK_PREFIX)) return bad('it is not a Mailmedic link of a version this app knows');
  if (f.length > limits.maxFragment) return bad(`it is longer than ${limits.maxFragment} characters`);
  const bytes = fromBase64url(f.slice(PERMALINK_PREFIX.length));
  if (!bytes) return bad('it is not valid base64url (was it cut or changed?)');
  const json = await c.decompress(bytes, limits.maxJson);
  if (!json) return bad('its data is corrupt or would unpack to more than the size limit');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(json));
  } catch {
    return bad('its data is not valid JSON');
  }
  const why = validateState(parsed, limits);
  return why ? bad(why) : { ok: true, state: parsed as SharedState };
}
