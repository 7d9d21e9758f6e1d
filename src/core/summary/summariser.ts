// The large-log summary (pflogsumm's job, with Mailmedic's classification):
// a log of any size is read as a stream of bytes, and what is kept stays
// bounded whatever the size.
//
//   bytes ─► ByteBlocks (chunks.ts: blocks of whole lines, cut at byte level)
//         ─► the format's router (formats/*.ts): each line to its session's
//            group, with cheap string tests; most lines stop there
//         ─► a group that ends (its end line, or idle for SESSION_WINDOW_LINES)
//            is folded into counts: by the format's fast reader, or — when
//            it met a line the fast reader does not know — by the format's
//            own parser on the group's lines alone
//         ─► counts by reason, direction, remote host, sender domain, client
//            IP; groups for filtering; the first sessions of each reason,
//            with their lines, to be diagnosed with analyze() later.
//
// A session is never split by where a chunk of the file ends: groups live
// across blocks until their end. What a group holds is bounded (lines per
// group, lines buffered in all, groups open at once); a group that outlives
// the window is closed early and counted in `evicted`.

import type { Rejection, Session } from '../types';
import type { InputParser } from '../parse/parser';
import { PARSERS } from '../parse/registry';
import { buildEvidence, MAX_REPLY_CHARS } from '../evidence';
import { BLOCK_BYTES, ByteBlocks, eachLine } from './chunks';
import { BoundedCounter } from './counter';
import { RefusalGroups } from './refusal-groups';
import { OpenGroups, type FastOutcome, type FastRefusal, type Group } from './group';
import type { Sink, StreamFormat } from './format';
import { classifyRemembered, own, senderDomain } from './memo';
import { streamFormatFor } from './formats';
import { blockStream } from './formats/blocks';
import { preparePaste } from '../parse/paste';
import type { Direction, LogSummary, SummarySession } from './types';

export type { Count, LogSummary, RefusalGroup, SummarySession } from './types';

/** Lines kept per session for its diagnosis, and sessions kept. */
export const MAX_SESSION_LINES = 400;
export const MAX_SESSIONS = 2000;
export const MAX_SESSIONS_PER_REASON = 200;
/** A group stops storing lines here; a group being parsed is read in parts of this size. */
export const MAX_GROUP_LINES = 4000;
/** A group with no line for this many lines is closed (a session whose end is not in the log). */
export const SESSION_WINDOW_LINES = 100_000;
/** Lines stored in all open groups; past it the groups idle the longest are closed early. */
export const MAX_BUFFERED_LINES = 150_000;
/** Groups open at once; past it likewise. */
export const MAX_OPEN_GROUPS = 30_000;
/** Distinct refusal groups (direction, reason, host, domain, IP) kept; the rarest are dropped past it. */
export const MAX_GROUPS = 10_000;
const NONE: readonly never[] = Object.freeze([]);
/** Lines looked at to recognise the format, and at most this much text (a file without line breaks has 1 MB lines). */
const DETECT_LINES = 400;
const DETECT_CHARS = 1 << 20;
/** Open groups are checked against the window this often (lines). */
const SWEEP_EVERY = 8192;
/** A line stays a slice of its block while at most this many bytes were read after it, then is copied (see unpin). */
const PIN_BYTES = 1 << 20;

interface Options {
  /** Block size for ByteBlocks (tests use small ones to put sessions across blocks). */
  blockBytes?: number;
  window?: number;
  maxBuffered?: number;
  maxOpen?: number;
  /**
   * Tests: read every group both ways (fast reader and parser) and record
   * where they disagree in `mismatches`.
   */
  verify?: boolean;
}

interface Tally {
  direction: Direction;
  reason: string;
  hard: boolean;
  remote: string | null;
  sender: string | null;
  clientIp: string | null;
  line: number;
}

export class LogSummariser implements Sink {
  private readonly blocks: ByteBlocks;
  private format: StreamFormat | null = null;
  private parser: InputParser | null = null;
  private detected = false;
  private pending: { text: string; n: number }[] = [];
  /** The log came as a pasted excerpt (quoted, wrapped): its lines need the parsers' cleaning. */
  private pasted = false;
  private pendingChars = 0;
  private bytes = 0;
  private n = 0;
  private block = 0;
  private nextSweep = SWEEP_EVERY;
  private seq = 0;
  private readonly openGroups = new OpenGroups();
  private buffered = 0;
  private unknownLines = 0;
  private sessionsSeen = 0;
  private refusals = 0;
  private hard = 0;
  private evicted = 0;
  private longGroups = 0;
  private readonly byDirection: LogSummary['byDirection'] = {
    inbound: { refusals: 0, hard: 0 },
    outbound: { refusals: 0, hard: 0 },
    unknown: { refusals: 0, hard: 0 },
  };
  private readonly byReason = new BoundedCounter(10_000);
  private readonly byRemote = new BoundedCounter();
  private readonly bySender = new BoundedCounter();
  private readonly byIp = new BoundedCounter();
  private readonly groups = new RefusalGroups();
  private groupsDropped = 0;
  private readonly sessions: SummarySession[] = [];
  private sessionsDropped = 0;
  private readonly keptByReason = new Map<string, number>();
  private readonly warnings: string[] = [];
  private readonly window: number;
  private readonly windowSet: boolean;
  private readonly pinBlocks: number;
  private readonly maxBuffered: number;
  private readonly maxOpen: number;
  private readonly verify: boolean;
  /** Tests (verify): groups where the fast reader and the parser disagree. */
  readonly mismatches: { lines: string[]; fast: string[]; parsed: string[] }[] = [];
  /** Tests: how many groups were read each way. */
  readonly paths = { fast: 0, parsed: 0 };

  constructor(opts: Options = {}) {
    this.blocks = new ByteBlocks(opts.blockBytes);
    this.pinBlocks = Math.max(2, Math.floor(PIN_BYTES / (opts.blockBytes ?? BLOCK_BYTES)));
    this.window = opts.window ?? SESSION_WINDOW_LINES;
    this.windowSet = opts.window !== undefined;
    this.maxBuffered = opts.maxBuffered ?? MAX_BUFFERED_LINES;
    this.maxOpen = opts.maxOpen ?? MAX_OPEN_GROUPS;
    this.verify = opts.verify ?? false;
  }

  /** Add the next bytes of the log (any chunk size). */
  push(bytes: Uint8Array): void {
    this.bytes += bytes.length;
    this.blocks.push(bytes, (text) => this.readBlock(text));
  }

  /** Bytes read so far. */
  get bytesRead(): number {
    return this.bytes;
  }

  /** Read what is left and return the summary. */
  finish(): LogSummary {
    this.blocks.end((text) => this.readBlock(text));
    if (!this.detected) this.detect();
    for (const g of this.openGroups.list()) this.closeGroup(g, false);
    return this.summary();
  }

  // ---- reading ----

  private readBlock(text: string): void {
    this.block++;
    eachLine(text, (start, end) => {
      const n = ++this.n;
      if (start === end) return;
      const line = text.slice(start, end);
      if (!this.detected) {
        this.pending.push({ text: this.own(line), n });
        this.pendingChars += line.length;
        if (this.pending.length >= DETECT_LINES || this.pendingChars >= DETECT_CHARS) this.detect();
        return;
      }
      if (this.format) this.format.line(line, n);
      else this.unknownLines++;
      if (n >= this.nextSweep) this.sweep();
    });
    this.unpin();
  }

  private detect(): void {
    this.detected = true;
    let best: InputParser | null = null;
    let score = 0;
    const sample = this.pending.map((p) => p.text);
    for (const p of PARSERS) {
      // a large input is a log: the message, bounce and domain/IP readers do not summarise
      if (p.kind === 'message' || p.kind === 'bounce' || p.kind === 'domain') continue;
      const s = p.detect(sample);
      if (s > score) {
        best = p;
        score = s;
      }
    }
    if (best && score >= 0.3) {
      this.parser = best;
      // an excerpt as people paste it (quoted, wrapped by a mail client, between prompts): the
      // parser's own cleaning (parse/paste.ts) joins its lines, so it is read in runs by the parser
      const pasted = preparePaste(sample);
      this.pasted = pasted.unquoted > 0 || pasted.joined > 0;
      this.format = this.pasted ? blockStream(this, best) : streamFormatFor(best, this);
    } else
      this.warnings.push(
        'The file was not recognised as a mail server log (Postfix, Exim, Sendmail, Exchange, MDaemon); no summary was made.',
      );
    const pending = this.pending;
    this.pending = [];
    if (!this.format) {
      this.unknownLines += pending.length;
      return;
    }
    for (const p of pending) this.format.line(p.text, p.n);
  }

  // ---- the Sink a format writes to ----

  open<S>(state: S, n: number): Group<S> {
    const g: Group<S> = {
      seq: this.seq++,
      lines: [],
      nums: [],
      pinFrom: 0,
      pinBlock: this.block,
      dropped: 0,
      first: n,
      last: n,
      slow: false,
      closed: false,
      state,
      prev: null,
      next: null,
    };
    this.openGroups.add(g);
    if (this.openGroups.size > this.maxOpen) this.shed();
    return g;
  }

  add(g: Group, text: string, n: number): void {
    if (g.closed) return;
    g.last = n;
    if (g.lines.length >= MAX_GROUP_LINES) {
      if (g.slow) this.readPart(g);
      else {
        g.dropped++;
        return;
      }
    }
    if (g.pinFrom === g.lines.length) g.pinBlock = this.block;
    g.lines.push(text);
    g.nums.push(n);
    if (++this.buffered > this.maxBuffered) this.shed();
  }

  close(g: Group): void {
    this.closeGroup(g, false);
  }

  unknown(): void {
    this.unknownLines++;
  }

  /** A copy of `s` that does not keep its block alive (memo.ts, own). */
  own(s: string): string {
    return own(s);
  }

  // ---- bounds ----

  /**
   * Every few blocks: lines of open groups that still point into blocks read
   * PIN_BYTES ago are copied, so that an open session keeps its own lines,
   * not the blocks they came from. (Only the open groups are looked at; a
   * list of pinned groups would itself keep closed groups alive.)
   */
  private unpin(): void {
    if (this.block % this.pinBlocks) return;
    const old = this.block - this.pinBlocks;
    for (let g = this.openGroups.first(); g; g = g.next) {
      if (g.pinFrom < g.lines.length && g.pinBlock <= old) {
        for (let k = g.pinFrom; k < g.lines.length; k++) g.lines[k] = own(g.lines[k]);
        g.pinFrom = g.lines.length;
      }
    }
  }

  /** Close groups idle for the window. */
  private sweep(): void {
    this.nextSweep = this.n + SWEEP_EVERY;
    const before = this.n - (this.windowSet ? this.window : (this.format?.window ?? this.window));
    // walked in place (a copy of the list every few thousand lines is garbage); fold never closes another group
    for (let g = this.openGroups.first(); g;) {
      const next = g.next;
      if (g.last < before) this.closeGroup(g, true);
      g = next;
    }
  }

  /** Too much held: close the groups idle the longest until a quarter is free. */
  private shed(): void {
    const byAge = this.openGroups.list().sort((a, b) => a.last - b.last);
    for (const g of byAge) {
      if (this.openGroups.size <= (this.maxOpen * 3) >> 2 && this.buffered <= (this.maxBuffered * 3) >> 2) break;
      this.closeGroup(g, true);
    }
  }

  // ---- folding a group into the counts ----

  private closeGroup(g: Group, early: boolean): void {
    if (g.closed) return;
    this.fold(g, early);
    // a closed group may still be pointed at from an old table of a format's map: let it hold nothing
    g.lines = NONE as unknown as string[];
    g.nums = NONE as unknown as number[];
    g.state = null;
  }

  private fold(g: Group, early: boolean): void {
    g.closed = true;
    this.openGroups.delete(g);
    this.buffered -= g.lines.length;
    const format = this.format!;
    format.forget(g);
    if (early && format.endsExplicitly) this.evicted++;
    if (g.dropped) this.longGroups++;
    if (!g.slow) {
      const out = format.fast(g);
      this.paths.fast++;
      this.sessionsSeen += out.sessions;
      for (const ip of out.clientIps) this.byIp.addIp(ip);
      for (const r of out.refusals) this.tally(r);
      if (this.verify) this.check(g, out);
      if (out.refusals.length) {
        if (!this.wouldKeep(out.refusals[0].reason)) this.sessionsDropped++;
        else if (format.describe) this.keepFast(g, out.refusals, format);
        else this.readGroup(g, false);
      }
      return;
    }
    this.paths.parsed++;
    this.readGroup(g, true);
  }

  /** A slow group past MAX_GROUP_LINES: read what it has, and go on with an empty buffer. */
  private readPart(g: Group): void {
    this.readGroup(g, true);
    this.buffered -= g.lines.length;
    g.lines = [];
    g.nums = [];
    g.pinFrom = 0;
  }

  /** Parse a group's lines; count what was found when `count`, and keep the session for its diagnosis. */
  private readGroup(g: Group, count: boolean): void {
    const parsed = this.parseGroup(g);
    if (!parsed) return;
    if (count) {
      this.sessionsSeen += parsed.sessions;
      for (const ip of parsed.clientIps) this.byIp.addIp(ip);
      for (const t of parsed.tallies) this.tally(t);
    }
    if (!parsed.tallies.length) return;
    const s = parsed.owner[0];
    this.keep(g, {
      id: s?.id ?? null,
      first: parsed.rejections[0],
      t: parsed.tallies[0],
      reasons: parsed.rejections.map((r) => r.reason),
      recipients: [...(s?.rcptTo.map((r) => r.address) ?? []), ...parsed.rejections.map((r) => r.recipient)],
    });
  }

  private parseGroup(g: Group): (FastOutcome & { tallies: Tally[]; rejections: Rejection[]; owner: (Session | null)[] }) | null {
    if (!this.parser || !g.lines.length) return null;
    const pre = this.format?.preamble?.(g) ?? [];
    const lines = pre.length ? [...pre.map((p) => p.text), ...g.lines] : g.lines;
    const nums = pre.length ? [...pre.map((p) => p.n), ...g.nums] : g.nums;
    // the lines of a file as the router took them: no cleaning of pasted text (a pasted excerpt
    // was seen at detection and is read by blockStream, with the cleaning)
    const ev = buildEvidence(
      this.parser.parse(lines, '', { exactBytes: false, clean: !this.pasted }),
      lines.length,
      MAX_REPLY_CHARS,
      classifyRemembered,
    );
    const numOf = (i: number) => nums[i - 1] ?? g.first;
    const owner = ev.rejections.map((r) => ownerOf(r, ev.sessions));
    const tallies: Tally[] = ev.rejections.map((r, i) => {
      const s = owner[i];
      return {
        direction: s?.direction ?? 'unknown',
        reason: r.reason,
        hard: r.hard,
        remote: r.remote ?? s?.remoteHost ?? (s?.direction === 'inbound' ? s.clientIp : null) ?? null,
        sender: s?.mailFrom ? s.mailFrom.address : null,
        clientIp: s?.clientIp ?? null,
        line: numOf(r.line),
      };
    });
    const rejections = ev.rejections.map((r) => ({ ...r, line: numOf(r.line) }));
    return {
      refusals: tallies,
      tallies,
      rejections,
      owner,
      sessions: ev.sessions.length,
      clientIps: ev.sessions.flatMap((s) => (s.clientIp ? [s.clientIp] : [])),
    };
  }

  private tally(r: Tally | FastRefusal): void {
    this.refusals++;
    if (r.hard) this.hard++;
    const d = this.byDirection[r.direction];
    d.refusals++;
    if (r.hard) d.hard++;
    this.byReason.add(r.reason);
    this.byRemote.add(r.remote);
    const domain = senderDomain(r.sender);
    this.bySender.add(domain);
    let grp = this.groups.get(r.direction, r.reason, r.remote, domain, r.clientIp);
    if (!grp) {
      if (this.groups.size >= MAX_GROUPS) this.pruneGroups();
      grp = {
        direction: r.direction,
        reason: r.reason,
        remoteHost: r.remote === null ? null : own(r.remote),
        senderDomain: domain === null ? null : own(domain),
        clientIp: r.clientIp === null ? null : own(r.clientIp),
        count: 0,
        hard: 0,
        firstLine: r.line,
        lastLine: r.line,
        sessions: [],
      };
      this.groups.add(grp);
    }
    grp.count++;
    if (r.hard) grp.hard++;
    if (r.line < grp.firstLine) grp.firstLine = r.line;
    if (r.line > grp.lastLine) grp.lastLine = r.line;
  }

  /** Drop the groups seen once (then twice…) until half the room is free. */
  private pruneGroups(): void {
    for (let floor = 1; this.groups.size >= MAX_GROUPS >> 1; floor *= 2) this.groupsDropped += this.groups.prune(floor);
  }

  private wouldKeep(reason: string): boolean {
    return this.sessions.length < MAX_SESSIONS && (this.keptByReason.get(reason) ?? 0) < MAX_SESSIONS_PER_REASON;
  }

  /** Keep a fast-read group: its refusals' replies are read again from their lines (a parse of the group costs more). */
  private keepFast(g: Group, refusals: FastRefusal[], format: StreamFormat): void {
    const described = refusals.slice(0, 20).map((r) => format.describe!(g, r.line));
    const d = described[0];
    this.keep(g, {
      id: format.id?.(g) ?? null,
      first: {
        code: d?.code ?? null,
        enhanced: d?.enhanced ?? null,
        stage: d?.stage ?? 'unknown',
        reason: refusals[0].reason,
        text: d?.text ?? '',
        line: refusals[0].line,
      },
      t: refusals[0],
      reasons: refusals.map((r) => r.reason),
      recipients: described.map((x) => x?.recipient),
    });
  }

  /** Keep a refused group's lines and facts, so that it can be diagnosed with analyze() later. */
  private keep(
    g: Group,
    k: {
      id: string | null;
      first: SummarySession['first'];
      t: Tally | FastRefusal;
      reasons: string[];
      recipients: (string | null | undefined)[];
    },
  ): void {
    if (!this.wouldKeep(k.first.reason)) {
      this.sessionsDropped++;
      return;
    }
    this.keptByReason.set(k.first.reason, (this.keptByReason.get(k.first.reason) ?? 0) + 1);
    const upTo = Math.min(g.lines.length, MAX_SESSION_LINES);
    // joined into a new string: it keeps no block alive
    const text = g.lines.slice(0, upTo).join('\n');
    const lineNumbers = g.nums.slice(0, upTo);
    const index = this.sessions.length;
    const t = k.t;
    const domain = senderDomain(t.sender);
    const o = (x: string | null) => (x === null ? null : own(x));
    this.sessions.push({
      index,
      id: o(k.id),
      direction: t.direction,
      clientIp: o(t.clientIp),
      remoteHost: o(t.remote),
      sender: o(t.sender),
      senderDomain: o(domain),
      recipients: [...new Set(k.recipients.filter((x): x is string => !!x))].slice(0, 20).map(own),
      firstLine: g.nums[0] ?? g.first,
      lastLine: g.nums[g.nums.length - 1] ?? g.last,
      refusals: k.reasons.length,
      first: {
        code: k.first.code,
        enhanced: o(k.first.enhanced),
        stage: k.first.stage,
        reason: k.first.reason,
        text: own(k.first.text),
        line: k.first.line,
      },
      reasons: [...new Set(k.reasons)],
      text: own(text),
      lineNumbers,
      truncated: g.lines.length > MAX_SESSION_LINES || g.dropped > 0,
    });
    const grp = this.groups.get(t.direction, t.reason, t.remote, domain, t.clientIp);
    if (grp && grp.sessions.length < 5) grp.sessions.push(index);
  }

  /** Tests: the fast reader's refusals against the parser's, for one group. */
  private check(g: Group, out: FastOutcome): void {
    const parsed = this.parseGroup(g);
    const show = (r: FastRefusal | Tally) =>
      `${r.line} ${r.direction} ${r.reason} ${r.hard ? 5 : 4} remote=${r.remote ?? ''} sender=${senderDomain(r.sender) ?? ''} ip=${r.clientIp ?? ''}`;
    const fast = [...out.refusals.map(show), `sessions=${out.sessions}`, `ips=${[...out.clientIps].sort().join(',')}`];
    const want = parsed
      ? [...parsed.tallies.map(show), `sessions=${parsed.sessions}`, `ips=${[...parsed.clientIps].sort().join(',')}`]
      : ['sessions=0', 'ips='];
    if (fast.join('\n') !== want.join('\n')) this.mismatches.push({ lines: [...g.lines], fast, parsed: want });
  }

  private summary(): LogSummary {
    const warnings = [...this.warnings];
    if (this.sessionsDropped)
      warnings.push(
        `${this.sessionsDropped} more sessions had refusals; they are counted, and the first ${MAX_SESSIONS_PER_REASON} of each reason are listed.`,
      );
    if (this.evicted)
      warnings.push(
        `${this.evicted} sessions had no end in the log within ${this.window.toLocaleString('en')} lines of their last line (or too many were open at once); they were counted as they stood.`,
      );
    if (this.longGroups)
      warnings.push(`${this.longGroups} sessions had more than ${MAX_GROUP_LINES} lines; only their first lines are kept.`);
    if (this.blocks.cutLines) warnings.push(`${this.blocks.cutLines} lines longer than 1 MB were cut.`);
    if (this.byIp.droppedKeys || this.byRemote.droppedKeys || this.bySender.droppedKeys)
      warnings.push('There were too many distinct client IPs, hosts or domains to count each: the rarest were left out of the tables.');
    if (this.groupsDropped)
      warnings.push(`${this.groupsDropped} refusals of rare combinations (host, domain, IP) are counted but not in the filterable groups.`);
    const groups = this.groups.values().sort((a, b) => b.count - a.count || a.firstLine - b.firstLine);
    return {
      kind: this.format?.kind ?? 'unknown',
      bytes: this.bytes,
      lines: this.n,
      unknownLines: this.unknownLines,
      sessionsSeen: this.sessionsSeen,
      refusals: this.refusals,
      hardRefusals: this.hard,
      byDirection: this.byDirection,
      byReason: this.byReason.top(50),
      byRemoteHost: this.byRemote.top(25),
      bySenderDomain: this.bySender.top(25),
      topClientIps: this.byIp.top(25),
      groups,
      groupsDropped: this.groupsDropped,
      sessions: this.sessions,
      sessionsDropped: this.sessionsDropped,
      evicted: this.evicted,
      warnings,
    };
  }
}

/**
 * The session a refusal belongs to: the one whose replies hold its line; else
 * the latest-starting one that covers its line and names its recipient (a
 * queue's delivery rather than the connection that brought the message);
 * else the latest-starting one that covers its line.
 */
function ownerOf(r: Rejection, sessions: Session[]): Session | null {
  let byRange: Session | null = null;
  let byRecipient: Session | null = null;
  for (const s of sessions) {
    if (s.replies.some((x) => x.line === r.line)) return s;
    if (r.line < s.startLine || r.line > s.endLine) continue;
    if (!byRange || s.startLine >= byRange.startLine) byRange = s;
    if (r.recipient && s.rcptTo.some((t) => t.address === r.recipient) && (!byRecipient || s.startLine >= byRecipient.startLine))
      byRecipient = s;
  }
  return byRecipient ?? byRange;
}

/** The text of one summarised session, ready for analyze(). */
export function sessionText(s: SummarySession): string {
  return s.text;
}

/** Summarise a whole text at once (tests, small inputs). */
export function summariseText(text: string, opts: Options = {}): LogSummary {
  const s = new LogSummariser(opts);
  s.push(new TextEncoder().encode(text));
  return s.finish();
}
