// What every log reader builds while it reads: sessions (a session with
// nothing known yet starts here, so that a field added to Session gets its
// empty value in one place), found again by the reader's own keys, and the
// refusals, checks and unread lines around them.

import type { InputKind, LoggedCheck, Session } from '../types';
import type { RawRejection } from './parser';

export function emptySession(
  kind: InputKind,
  id: string | null,
  startLine: number,
  direction: Session['direction'] = 'unknown',
  endLine = startLine,
): Session {
  return {
    id,
    kind,
    direction,
    clientIp: null,
    clientIpLine: 0,
    serverIp: null,
    remoteHost: null,
    helo: null,
    mailFrom: null,
    rcptTo: [],
    commands: [],
    replies: [],
    logged: [],
    messageSize: null,
    startLine,
    endLine,
  };
}

/**
 * The sessions a log reader has built, in the order they began, filed under
 * the reader's keys (a message id, a connection, a process), and the refusals,
 * the checks logged outside any session and the count of lines not understood.
 * The reader's handlers (one per kind of line) find or open sessions here.
 */
export class SessionBook {
  readonly sessions: Session[] = [];
  readonly rejections: RawRejection[] = [];
  readonly logged: LoggedCheck[] = [];
  unknownLines = 0;
  private readonly byKey = new Map<string, Session>();

  constructor(readonly kind: InputKind) {}

  /** The session filed under `key`, if any. */
  get(key: string): Session | undefined {
    return this.byKey.get(key);
  }

  /** A new session, filed under `key` (null: under none). */
  open(key: string | null, id: string | null, line: number, direction: Session['direction']): Session {
    const s = emptySession(this.kind, id, line, direction);
    this.sessions.push(s);
    if (key !== null) this.byKey.set(key, s);
    return s;
  }

  /** The session under `key`, or a new one opened there. */
  find(key: string, id: string | null, line: number, direction: Session['direction']): Session {
    return this.byKey.get(key) ?? this.open(key, id, line, direction);
  }

  /** `key` names that session from now on (too). */
  file(key: string, s: Session): void {
    this.byKey.set(key, s);
  }

  /** The session filed last under a key starting with `prefix` that passes `test` (the latest open connection of a client). */
  last(prefix: string, test: (s: Session) => boolean): Session | undefined {
    let found: Session | undefined;
    for (const [k, s] of this.byKey) if (k.startsWith(prefix) && test(s)) found = s;
    return found;
  }

  /** `key` no longer names a session (its connection closed); the session stays in the list. */
  close(key: string): void {
    this.byKey.delete(key);
  }
}

/** The sessions a log says anything about (an address, a command or a reply): a reader's empty openings are dropped. */
export function sessionsWithContent(sessions: Session[]): Session[] {
  return sessions.filter((s) => s.clientIp || s.serverIp || s.mailFrom || s.rcptTo.length || s.replies.length);
}

/**
 * How sure a reader is that lines are its program's: the share of the first
 * 200 non-empty lines whose body (`bodyOf`, the line without its log prefix)
 * fits one of the reader's shapes — 0 unless at least one fits a shape only
 * that program writes (`own`), since some shapes (a bare "info:" note, a reply
 * line, a header) are anyone's.
 */
export function shareOfShapes<K extends string>(
  lines: string[],
  shapes: Record<K, RegExp>,
  bodyOf: (line: string) => string,
  own: (shape: K) => boolean,
): number {
  const entries = Object.entries(shapes) as [K, RegExp][];
  let seen = 0;
  let hits = 0;
  let owned = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    if (++seen > 200) break;
    const body = bodyOf(l);
    const shape = entries.find(([, re]) => re.test(body))?.[0];
    if (shape === undefined) continue;
    hits++;
    if (own(shape)) owned++;
  }
  return seen && owned ? hits / seen : 0;
}
