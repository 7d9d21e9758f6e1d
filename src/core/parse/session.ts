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
