// The walk of the data (DESIGN.md): detect → parse → Evidence → live checks →
// rules → ranked checklist → Report. Pure: DNS and the clock come in options.

import type { CheckGroup, Evidence, MessageReport, PartialReport, Report, Step } from './types';
import { resolveOptions, type AnalyzeOptions, type ResolvedOptions } from './options';
import type { DnsResponse, Resolver, RRType } from './dns/resolver';
import { splitLines } from './text/lines';
import { chooseParser } from './parse/registry';
import { isLogKind, parseUnwrapped, remapLines, unwrapContainer, type Unwrapped } from './parse/container';
import { unwrapSoftBreaks } from './text/wrap';
import { splitRunTogether } from './text/run-together';
import { withoutLineNumbers } from './text/gutter';
import { buildEvidence } from './evidence';
import { forwardedBy } from './parse/forwarding';
import { findSubjects, focusSession, withSendingHostIp, withoutStandIns } from './subjects';
import { durationText, Lookup } from './dns/lookup';
import { runLiveChecks } from './checks';
import { RULES } from './rules';
import type { RuleContext } from './rules/rule';
import { authReport } from './checks/auth-report';
import { rankSteps } from './rank';
import { describeMessage } from './mail/describe';

function emptyEvidence(lines: number, warning: string): Evidence {
  return {
    inputs: [{ kind: 'unknown', lines }],
    sessions: [],
    rejections: [],
    hops: [],
    message: null,
    logged: [],
    unknownLines: lines,
    warnings: [warning],
  };
}

/** Parse only: what the input says, without DNS. */
export function readEvidence(text: string, options: AnalyzeOptions = {}): Evidence {
  const o = resolveOptions(options);
  if (text.length > o.limits.maxInputBytes) {
    return emptyEvidence(
      0,
      `The input is ${(text.length / 1048576).toFixed(1)} MB, over the limit of ${(o.limits.maxInputBytes / 1048576).toFixed(0)} MB; nothing was analysed. Cut it to the session or message in question.`,
    );
  }
  // (a code viewer's line numbers around the paste are no part of what the mail system wrote: text/gutter.ts;
  // never for a dropped file, whose bytes are exact)
  // (one or two lines numbered from 1 may be the text's own: read without the numbers unless a reader is surer of the lines as pasted)
  // (the lines as pasted are split once: the readers' caches are keyed by the array)
  const pasted = splitLines(text);
  const frame = o.exactBytes ? null : withoutLineNumbers(pasted);
  const framed = frame && (frame.sure || chooseParser(frame.lines).confidence >= chooseParser(pasted).confidence) ? frame.lines : null;
  if (framed) text = framed.join('\n');
  const lines = framed ?? pasted;
  if (!lines.some((l) => l.trim())) return emptyEvidence(lines.length, 'The input is empty.');
  // a paste a mail client or a forum wrapped whole: read as the lines the mail system wrote (text/wrap.ts),
  // unless the lines as pasted are read with more confidence
  const asPasted = chooseParser(lines);
  // (never a message: its body's lines are its own, and a dropped file's bytes are exact — DKIM's body hash)
  // (and log records whose line breaks the paste lost, several on one line: each on its own — text/run-together.ts)
  const soft = o.exactBytes || asPasted.parser?.kind === 'message' ? null : recordLines(lines);
  const softChoice = soft ? chooseParser(soft.lines) : null;
  const readSoft =
    !!softChoice?.parser &&
    softChoice.parser.kind !== 'message' &&
    preferUnwrapped(lines, asPasted, soft!.lines, softChoice, o.limits.maxReplyChars);
  const base: Unwrapped | null = readSoft ? { lines: soft!.lines, origin: soft!.origin } : null;
  const baseLines = base ? base.lines : lines;
  let parser = readSoft ? softChoice!.parser : asPasted.parser;
  // a log inside one container (a JSON log line's string, a shell string, a page's HTML): read by its log reader
  // (whose records, once out of it, may still stand several on a line: text/run-together.ts)
  const container = parser && isLogKind(parser.kind) ? null : withRecordsCut(unwrapContainer(baseLines));
  const unwrapped = container && base ? { lines: container.lines, origin: container.origin.map((o) => base.origin[o - 1]) } : container;
  const innerChoice = unwrapped ? chooseParser(unwrapped.lines) : null;
  const inner = innerChoice?.parser ?? null;
  const readInner =
    !!inner &&
    (isLogKind(inner.kind) ||
      // (no reader takes the paste as it stands: what the container holds is all there is to read)
      !parser ||
      (holdsWholeText(baseLines, unwrapped!.lines) &&
        innerReadingSurer(readSoft ? softChoice! : asPasted, baseLines, innerChoice!, o.limits.maxReplyChars)));
  if (readInner) parser = inner;
  if (!parser) {
    return emptyEvidence(
      lines.length,
      'The input was not recognised as a mail server log, a bounce, or message headers. Paste the SMTP log of the session, the bounce message, or the full headers.',
    );
  }
  // (the evidence is built on the lines read, in their order — which refusal a later success corrected,
  // which two are one — and only then moved to the paste's line numbers, where several may share one)
  const read: Unwrapped | null = readInner && unwrapped ? unwrapped : base;
  const parsed = read ? parseUnwrapped(parser, read, { exactBytes: false }) : parser.parse(lines, text, { exactBytes: o.exactBytes });
  const built = buildEvidence(parsed, lines.length, o.limits.maxReplyChars);
  const evidence = read ? remapLines(built, read.origin) : built;
  // a refusal of mail the reader's server passed on (an alias, a forwarding service): the receiver judged the forwarder
  evidence.rejections = evidence.rejections.map((r) => {
    if (r.inbound) return r;
    const f = forwardedBy(lines, r);
    return f ? { ...r, forwarded: { by: f.by, says: f.says, line: f.line } } : r;
  });
  return evidence;
}

/**
 * Whether a container holds the whole text: the paste is a line or two (a shell's $'…' or a JSON string
 * holding one reply), the container folded the text into few lines of the paste (a JSON record or a shell
 * string on one line, a page's paragraph with <br>: its lines undone are at least twice as many), or it is
 * a page's source line for line (most lines end with a <br> tag: a forum's post as HTML). A whole message
 * whose parts hold some HTML or escapes is none of these: its own lines are its text.
 */
function holdsWholeText(pasted: string[], undone: string[]): boolean {
  const text = (ls: string[]) => ls.filter((l) => l.trim());
  const lines = text(pasted);
  if (lines.length <= 2 || text(undone).length >= 2 * lines.length) return true;
  return lines.filter((l) => /<br\s*\/?>\s*$/i.test(l)).length >= 0.8 * lines.length;
}

/**
 * Whether a bounce or a message's headers inside a container (a JSON log record's string, a shell string,
 * a page's HTML) is read out of it rather than as pasted. The bounce reader finds replies inside escaped
 * text too, but reads the container's own syntax with them (a JSON record's closing `"}` taken for the
 * reply's last words, a record's other members for a notice's lines), so the same reader, or a message
 * reader where only a bounce's words were found, is surer of the lines undone.
 */
function innerReadingSurer(outerChoice: Choice, outerLines: string[], innerChoice: Choice, maxReplyChars: number): boolean {
  const inner = innerChoice.parser;
  if (!inner || outerChoice.parser?.kind !== 'bounce') return false;
  if (inner.kind === 'bounce') return innerChoice.confidence >= outerChoice.confidence;
  if (inner.kind !== 'headers' && inner.kind !== 'message') return false;
  // (a message's text inside an application's error, the reply outside it — "cannot execute command DATA
  // "From: …\n…", expected reply code 250, but received 550 5.7.1 …" — is a refusal, read as pasted)
  return innerChoice.confidence > outerChoice.confidence && refusalsFound(outerChoice, outerLines, maxReplyChars, 'coded') === 0;
}

/** The paste's lines as the mail system wrote them: a client's soft wraps undone, then records that ran together cut apart. */
function recordLines(lines: string[]): Unwrapped | null {
  const wrapped = unwrapSoftBreaks(lines);
  const cut = splitRunTogether(wrapped?.lines ?? lines);
  if (!cut) return wrapped;
  return { lines: cut.lines, origin: wrapped ? cut.origin.map((o) => wrapped.origin[o - 1]) : cut.origin };
}

/** A container's lines with the records that ran together on one of them cut apart (origins kept the container's). */
function withRecordsCut(u: Unwrapped | null): Unwrapped | null {
  const cut = u && splitRunTogether(u.lines);
  return cut ? { lines: cut.lines, origin: cut.origin.map((o) => u!.origin[o - 1]) } : u;
}

type Choice = ReturnType<typeof chooseParser>;

/**
 * How many refusals a reading of these lines finds with something said of them (a reply code, an enhanced
 * code or the words): what it recognised of a failure. A refusal with none — a bounce reader's "something
 * failed" over a notice whose reply it could not find — recognises nothing. `coded`: only those with a
 * reply code or an enhanced code.
 */
function refusalsFound(choice: Choice, lines: string[], maxReplyChars: number, count: 'said' | 'coded' = 'said'): number {
  if (!choice.parser) return 0;
  const e = buildEvidence(choice.parser.parse(lines, lines.join('\n'), { exactBytes: false }), lines.length, maxReplyChars);
  return e.rejections.filter((r) => r.code !== null || r.enhanced !== null || (count === 'said' && !!r.text.trim())).length;
}

/**
 * Whether a paste a client wrapped is read as its unwrapped lines (those the mail system wrote) rather
 * than as pasted. A reader's confidence says how sure it is of the shape, not whether it recognised the
 * failure: a wrapped Exim debug trace looks like an SMTP transcript (its "SMTP<<" lines) whose reply a
 * break cut apart, while its unwrapped lines are a bounce's refusal. So the reading that alone finds a
 * refusal (with a code or words) is read; when both or neither do, the surer reader's, the unwrapped
 * lines on a tie.
 */
function preferUnwrapped(lines: string[], asPasted: Choice, softLines: string[], soft: Choice, maxReplyChars: number): boolean {
  if (!asPasted.parser) return true;
  const sure = soft.confidence >= asPasted.confidence;
  const softFinds = refusalsFound(soft, softLines, maxReplyChars) > 0;
  // (the same reader on both: the unwrapped lines, unless joining lost the refusal the lines as pasted show —
  // short records a client's width happened to join, nullmailer's "smtp: Failed: 553 …" behind a full line)
  if (sure && soft.parser?.kind === asPasted.parser.kind) return softFinds || refusalsFound(asPasted, lines, maxReplyChars) === 0;
  const pastedFinds = refusalsFound(asPasted, lines, maxReplyChars) > 0;
  return softFinds === pastedFinds ? sure : softFinds;
}

/** LiveResults fields → the check group that fills them. */
const GROUP_OF: Record<string, CheckGroup> = {
  ptr: 'ptr',
  helo: 'helo',
  spf: 'spf',
  dkim: 'dkim',
  dmarc: 'dmarc',
  mxDomain: 'mx',
  dnsbl: 'dnsbl',
};

/** What a partial report's steps may wait on: a check group, or the sending IP itself (a bounce's host, looked up first). */
type WaitsOn = CheckGroup | 'ip';

/**
 * A rule context that tells what a rule read: a step made from a check group
 * (or a sending IP) that is still waiting is itself still waiting.
 */
function watched(ctx: RuleContext, read: Set<WaitsOn>): RuleContext {
  const live = new Proxy(ctx.live, {
    get(target, key, receiver) {
      const g = typeof key === 'string' ? GROUP_OF[key] : undefined;
      if (g) read.add(g);
      return Reflect.get(target, key, receiver);
    },
  });
  const subjects = new Proxy(ctx.subjects, {
    get(target, key, receiver) {
      if (key === 'ip') read.add('ip');
      return Reflect.get(target, key, receiver);
    },
  });
  return { ...ctx, live, subjects };
}

/**
 * Everything after parsing: subjects, live checks through `dns`, rules,
 * ranking. With `waiting` (a partial report), steps made from a check group
 * in it are marked `pending`.
 */
async function diagnose(
  evidence: Evidence,
  dns: Lookup,
  o: ResolvedOptions,
  describe: (ip: string | null) => Promise<MessageReport | undefined>,
  partial?: { settled?: (group: CheckGroup) => void; waiting?: Set<WaitsOn> },
): Promise<Report> {
  // a bounce that names the refused server but not its IP: its address, looked up first
  // a poster's stand-ins for their own names ("mydomain.com", "1.2.3.4") are never asked as real
  const real = withoutStandIns(findSubjects(evidence), o.resolver.publicDns === true);
  const found = o.live ? await withSendingHostIp(real.subjects, dns) : { subjects: real.subjects, note: null };
  const subjects = found.subjects;
  const warnings = [...evidence.warnings, ...real.notes, ...(found.note ? [found.note] : [])];
  const live = await runLiveChecks(subjects, dns, o.live, { evidence, now: o.now, dnsbl: o.dnsbl, settled: partial?.settled });
  const focus = focusSession(evidence);
  const primary = evidence.rejections.find((r) => r.stage !== 'unknown') ?? evidence.rejections[0] ?? null;
  const ctx: RuleContext = { evidence, subjects, live, focus, primary };
  const waiting = partial?.waiting;
  const waits = (read: Set<WaitsOn>) => !!waiting && [...read].some((g) => waiting.has(g));
  let steps: Step[] = RULES.flatMap((r) => {
    const read = new Set<WaitsOn>();
    const out = r.run(waiting ? watched(ctx, read) : ctx);
    return waits(read) ? out.map((s) => ({ ...s, pending: true })) : out;
  });
  // the rules' passes over all steps (Rule.revise: they keep each step in its place). For a partial, a settled step
  // stays settled only if no answer to come can change what a pass does to it: the pass must not
  // have read a waiting group, must not have changed it while other steps still wait (the
  // receiver's words go to the first failing step of their kind, which may be one still waiting,
  // or one not made yet), and must treat it the same whether the waiting steps fail or not
  for (const rule of RULES) {
    if (!rule.revise) continue;
    const pass = rule.revise.bind(rule);
    if (!waiting) {
      steps = pass(steps, ctx);
      continue;
    }
    const read = new Set<WaitsOn>();
    const before = steps;
    const out = pass(steps, watched(ctx, read));
    const anyWaiting = waits(read) || steps.some((s) => s.pending);
    const variants = (['fail', 'info'] as const).map((status) =>
      pass(
        steps.map((s) => (s.pending ? { ...s, status } : s)),
        ctx,
      ).map((s) => JSON.stringify(s)),
    );
    steps = out.map((s, i) => {
      if (s.pending) return s;
      const changed = s !== before[i];
      const failing = s.status === 'fail' || s.status === 'warn';
      const unsure = (anyWaiting && changed) || (waits(read) && failing) || variants.some((v) => v[i] !== JSON.stringify(s));
      return unsure ? { ...s, pending: true } : s;
    });
  }
  const message = await describe(subjects.ip?.value ?? null);
  return {
    version: 1,
    inputs: evidence.inputs,
    rejections: evidence.rejections,
    hops: evidence.hops,
    checklist: rankSteps(steps, primary, evidence.rejections),
    dns: dns.log,
    auth: authReport(live),
    warnings,
    live: o.live,
    generated: o.now().toISOString(),
    ...(message ? { message } : {}),
    ...(evidence.target ? { target: { domain: evidence.target.domain?.value ?? null, ip: evidence.target.ip?.value ?? null } } : {}),
  };
}

export async function analyze(text: string, options: AnalyzeOptions = {}): Promise<Report> {
  const o = resolveOptions(options);
  const evidence = readEvidence(text, options);
  const deadlineMs = o.live && o.limits.dnsDeadlineMs > 0 ? o.limits.dnsDeadlineMs : undefined;
  const lookup = new Lookup(o.resolver, o.now, o.limits.maxDnsQueries, {
    signal: o.signal,
    onAnswer: o.onDns,
    secrets: o.secrets,
    deadlineMs,
  });
  // the message's MIME reading depends only on the input and the IP shown: once per IP
  const described = new Map<string | null, Promise<MessageReport | undefined>>();
  const describe = (ip: string | null) => {
    let d = described.get(ip);
    if (!d) described.set(ip, (d = describeMessage(evidence, ip)));
    return d;
  };
  const partials = o.onPartial && o.live ? new Partials(evidence, lookup, o, describe, o.onPartial) : null;
  try {
    partials?.update();
    const report = await diagnose(evidence, lookup, o, describe, partials ? { settled: (g) => partials.settle(g) } : undefined);
    partials?.stop();
    if (lookup.deadlinePassed && lookup.unansweredAtDeadline > 0) {
      const n = lookup.unansweredAtDeadline;
      report.warnings = [
        ...report.warnings,
        `DNS took longer than the ${durationText(o.limits.dnsDeadlineMs)} this diagnosis waits: ${n} question${n === 1 ? ' was' : 's were'} still unanswered, and what depended on ${n === 1 ? 'it' : 'them'} is inconclusive. Retry, or choose a faster resolver in Settings.`,
      ];
    }
    return report;
  } finally {
    partials?.stop();
    lookup.finish();
  }
}

const ALL_GROUPS: CheckGroup[] = ['ptr', 'helo', 'spf', 'dkim', 'dmarc', 'mx', 'dnsbl'];

/** The least time between two partial reports (ms). */
const PARTIAL_EVERY_MS = 50;

/**
 * Partial reports while the answers come in (AnalyzeOptions.onPartial). Each
 * is the whole diagnosis made again from the answers that are in, with no
 * network: the checks are pure functions of their answers, so a group of
 * checks that has settled in the real run comes out exactly as it will in the
 * final report, and one that has not meets "not here yet" (a failure:
 * inconclusive wherever it is used). Which steps still wait is decided by
 * what each rule read: a step made from a group that has not settled is
 * marked `pending`. A bounce's sending host not resolved yet leaves every
 * group waiting (they are all about that host's IP).
 */
class Partials {
  private readonly done = new Set<CheckGroup>();
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private made = false;

  constructor(
    private readonly evidence: Evidence,
    private readonly lookup: Lookup,
    private readonly o: ResolvedOptions,
    private readonly describe: (ip: string | null) => Promise<MessageReport | undefined>,
    private readonly emit: (partial: PartialReport) => void,
  ) {}

  settle(group: CheckGroup): void {
    this.done.add(group);
    this.update();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Make a partial report soon: never two at once, never stale, and never in
   * the way of the questions. A partial is the whole diagnosis made again, so
   * it waits for a task of its own: the first one until the first questions
   * have left (it would otherwise run between analyze() and its fetches), the
   * next ones until a burst of answers has been taken in (PARTIAL_EVERY_MS),
   * so that the checks waiting on those answers ask their next questions
   * first. One still waiting when the diagnosis ends is dropped.
   */
  update(): void {
    if (this.stopped || this.timer !== null) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer = setTimeout(
      () => {
        this.timer = null;
        if (this.stopped) return;
        this.made = true;
        this.running = this.make()
          .catch(() => undefined)
          .finally(() => {
            this.running = null;
            if (this.again && !this.stopped) {
              this.again = false;
              this.update();
            }
          });
      },
      this.made ? PARTIAL_EVERY_MS : 0,
    );
  }

  private async make(): Promise<void> {
    const real = this.lookup;
    const notYet = new Set<string>();
    const resolver: Resolver = {
      async resolve(name: string, type: RRType): Promise<DnsResponse> {
        const r = real.answered(name, type);
        if (r) return r;
        notYet.add(`${name}/${type}`);
        return {
          name,
          type,
          rcode: 'PENDING',
          answers: [],
          ad: false,
          resolver: '',
          ms: 0,
          failure: 'PENDING',
          error: 'the answer has not come yet',
        };
      },
    };
    const view = () => new Lookup(resolver, this.o.now, this.o.limits.maxDnsQueries, { secrets: this.o.secrets });
    const pending = ALL_GROUPS.filter((g) => !this.done.has(g));
    // the sending host's address, when the checks wait for it, decides what every group is about
    await withSendingHostIp(withoutStandIns(findSubjects(this.evidence), this.o.resolver.publicDns === true).subjects, view());
    const waiting = new Set<WaitsOn>(notYet.size ? [...ALL_GROUPS, 'ip'] : pending);
    const report = await diagnose(this.evidence, view(), this.o, this.describe, { waiting });
    if (this.stopped) return;
    this.emit({ ...report, dns: [...real.log], pending });
  }
}
