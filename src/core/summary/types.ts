// What the large-log summary gives: plain data (it crosses the worker
// boundary and is printed as JSON by the CLI).

import type { InputKind, Rejection, Session } from '../types';

export interface Count {
  key: string;
  count: number;
}

export type Direction = Session['direction'];

/**
 * Refusals that share everything the page filters on. `inbound`: the log's
 * own server refused a client (your server refused); `outbound`: the log's
 * server was refused by the remote it delivered to (you were refused).
 */
export interface RefusalGroup {
  direction: Direction;
  reason: string;
  /** Inbound: the client's host name (or its IP when it had none); outbound: the server that refused. */
  remoteHost: string | null;
  /** The envelope sender's domain ("<>" for a bounce). */
  senderDomain: string | null;
  /** Inbound: the client's IP. */
  clientIp: string | null;
  count: number;
  /** Permanent (5xx) refusals among them. */
  hard: number;
  firstLine: number;
  lastLine: number;
  /** The kept sessions of this group (indexes into `sessions`), at most a few. */
  sessions: number[];
}

/** One session with at least one refusal, with the lines to diagnose it. */
export interface SummarySession {
  /** Stable within one summary: index in `sessions`. */
  index: number;
  id: string | null;
  direction: Direction;
  clientIp: string | null;
  remoteHost: string | null;
  sender: string | null;
  senderDomain: string | null;
  recipients: string[];
  firstLine: number;
  lastLine: number;
  refusals: number;
  /** The first refusal, as classified. */
  first: Pick<Rejection, 'code' | 'enhanced' | 'stage' | 'reason' | 'text' | 'line'>;
  reasons: string[];
  /**
   * The session's own lines, at most MAX_SESSION_LINES, joined with "\n"
   * (one string, not an object per line: the summary crosses to the page by
   * structured clone, whose cost is per object), and their numbers in the log.
   */
  text: string;
  lineNumbers: number[];
  truncated: boolean;
}

export interface DirectionCount {
  refusals: number;
  hard: number;
}

export interface LogSummary {
  kind: InputKind;
  /** Bytes read. */
  bytes: number;
  lines: number;
  /** Lines that were not the log format's own (other programs' lines, noise). */
  unknownLines: number;
  sessionsSeen: number;
  refusals: number;
  hardRefusals: number;
  byDirection: Record<Direction, DirectionCount>;
  byReason: Count[];
  byRemoteHost: Count[];
  bySenderDomain: Count[];
  topClientIps: Count[];
  /** Refusals grouped for filtering (direction, reason, remote host, sender domain, client IP), most first. */
  groups: RefusalGroup[];
  /** Refusals counted above but in no group (past MAX_GROUPS distinct groups). */
  groupsDropped: number;
  sessions: SummarySession[];
  /** Sessions with refusals beyond the kept ones (counted, not kept). */
  sessionsDropped: number;
  /**
   * Sessions closed before their end was seen, because no line of theirs came
   * for SESSION_WINDOW_LINES lines (or too many were open at once). Formats
   * whose sessions have no end line (sendmail) close every session this way;
   * it is not counted for them.
   */
  evicted: number;
  warnings: string[];
}
