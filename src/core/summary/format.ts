// What a log format gives the streaming summary: a router that puts each
// line in its session's group using cheap string tests (no regular
// expression for the lines that do not matter), and a fast reader that
// counts the common refusals itself. Whatever the fast reader does not know
// marks the group `slow`: it is then read by the format's own parser, on the
// group's lines alone, so that an unusual line costs time, never accuracy.

import type { InputKind } from '../types';
import type { RawRejection } from '../parse/parser';
import type { FastOutcome, Group } from './group';

/** What the engine offers a format. */
export interface Sink {
  /** A new group, starting at line n. */
  open<S>(state: S, n: number): Group<S>;
  /** Add a line to a group. */
  add(g: Group, text: string, n: number): void;
  /** The format saw the group's end. */
  close(g: Group): void;
  /** A line that is not the format's own. */
  unknown(): void;
  /** A copy of a string that does not keep the block it was sliced from alive (for map keys). */
  own(s: string): string;
}

export interface StreamFormat {
  kind: InputKind;
  /** Its sessions have an end line, so a session closed by the window was cut short (and is counted). */
  endsExplicitly: boolean;
  /** Lines after which an idle session is closed, when not the engine's SESSION_WINDOW_LINES. */
  window?: number;
  /** One non-empty line. */
  line(text: string, n: number): void;
  /** The group is closed (by its end, the window, or the end of the log): forget its keys. */
  forget(g: Group): void;
  /** The group's refusals and sessions by the fast reader (only for groups not `slow`). */
  fast(g: Group): FastOutcome;
  /**
   * A kept session's refusal at line n read again (code, stage, text,
   * recipient), without parsing the whole group; without it, the group is parsed.
   */
  describe?(g: Group, n: number): RawRejection | null;
  /** The session's id as the log names it (a queue id), for a kept session. */
  id?(g: Group): string | null;
  /** Lines the parser needs before a group's own (an Exchange log's #Fields header). */
  preamble?(g: Group): { text: string; n: number }[];
}
