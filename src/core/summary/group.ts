// A group: the lines of one session (or of one message's whole story, for
// queue logs: Postfix's connection and the queue ids it made) gathered while
// the log is read, and what the format's fast reader learned from them.

import type { Direction } from './types';

export interface Group<S = unknown> {
  /** Order of opening. */
  seq: number;
  /** Its lines so far (at most MAX_GROUP_LINES), and their numbers. */
  lines: string[];
  nums: number[];
  /** lines[pinFrom…] may still be slices of a block being read (see Engine.unpin). */
  pinFrom: number;
  pinBlock: number;
  /** Lines that were not kept (past MAX_GROUP_LINES). */
  dropped: number;
  first: number;
  last: number;
  /** The fast reader met a line it does not read: the group goes to the format's parser. */
  slow: boolean;
  closed: boolean;
  /** The format's own state. */
  state: S;
  /** Neighbours in the list of open groups (OpenGroups). */
  prev: Group | null;
  next: Group | null;
}

/**
 * The open groups, as a list through the groups themselves. A Set would do,
 * but a Set that churns (a group added and removed every few lines) leaves
 * its old hash tables behind in the old generation still pointing at groups
 * long closed, and a young object that an old one points at survives every
 * minor collection until the next major one: every closed group, its lines
 * and its state would be promoted with it. Unlinking clears the pointers.
 */
export class OpenGroups {
  private head: Group | null = null;
  private tail: Group | null = null;
  size = 0;

  add(g: Group): void {
    g.prev = this.tail;
    g.next = null;
    if (this.tail) this.tail.next = g;
    else this.head = g;
    this.tail = g;
    this.size++;
  }

  delete(g: Group): void {
    if (g.prev) g.prev.next = g.next;
    else if (this.head === g) this.head = g.next;
    else return;
    if (g.next) g.next.prev = g.prev;
    else this.tail = g.prev;
    g.prev = g.next = null;
    this.size--;
  }

  /** The oldest (walk on with `next`; no iterator object per step). */
  first(): Group | null {
    return this.head;
  }

  /** A copy, oldest first (safe to close groups while going through it). */
  list(): Group[] {
    const out: Group[] = [];
    for (let g = this.head; g; g = g.next) out.push(g);
    return out;
  }

  *[Symbol.iterator](): Iterator<Group> {
    for (let g = this.head; g; g = g.next) yield g;
  }
}

/** A refusal as the fast reader saw it, with everything the summary counts. */
export interface FastRefusal {
  line: number;
  direction: Direction;
  reason: string;
  hard: boolean;
  remote: string | null;
  /** The envelope sender ("" for the null sender), or null when unknown. */
  sender: string | null;
  clientIp: string | null;
}

/** What a group came to, by the fast reader. */
export interface FastOutcome {
  refusals: FastRefusal[];
  /** Sessions the format's parser would have counted in these lines. */
  sessions: number;
  /** The client IP of each such session that has one. */
  clientIps: string[];
}
