// When a request handed to fetch() is surely on the wire. A question's
// timeout must count from then, not from when it was queued: a browser sends
// at most six requests at once to one HTTP/1.1 origin (Chromium's
// kDefaultMaxSocketsPerGroup, Firefox's network.http.max-persistent-
// connections-per-server) and holds the rest in a queue the page cannot see.
// With a resolver that answers every question in 2 s, a timer started at
// fetch() made the seventh question onwards "time out" while they had not
// even been sent (18 of the seed case's 26).
//
// Nothing tells a page when the browser sends a request, nor in which order
// it sends the ones it holds: a controlled page's requests pass through its
// service worker's fetch event first, and requests of equal priority are not
// promised to leave in the order they were made. An earlier version assumed
// hand-over order (the oldest six open requests are the ones on the wire) and
// took an answer to a younger one as proof that the endpoint multiplexes:
// from then on every queued request counted as sent, and with 2-second
// answers over HTTP/1.1 the questions still queued timed out unsent (6 of 26
// answered in Chromium). So nothing here depends on the order:
// - every open request is surely on the wire once at most `connections` are
//   open (the browser holds none back then), whichever order it chose;
// - or once the endpoint is known to multiplex: only on positive evidence,
//   the response's own protocol (Resource Timing's nextHopProtocol, readable
//   for same-origin resolvers and those that send Timing-Allow-Origin; h2 or
//   h3), never inferred from timing;
// - a request not surely sent gets no timer of its own. If the endpoint then
//   makes no progress at all for a whole timeout (no request finishes while
//   more than `connections` are open), the requests it holds on the wire have
//   waited that long whichever they are: the oldest `connections` of those
//   still uncertain are ended as stalled (in hand-over order: exact when the
//   browser keeps that order, and otherwise the next stall ends the next ones —
//   the endpoint answered nothing meanwhile, so no answer is lost that would
//   have come). Over HTTP/2 this never slows an answer: every request is
//   handed over at once; only a question that gets no answer has its timeout
//   start once the others are in.
//
// A resolver that has not answered anything yet and lets a question time out
// is presumed unreachable: the requests not surely sent end at once instead of
// each waiting its own turn and its own timeout (a dropped connection would
// otherwise hold the seed case for five timeouts in a row).

/** Requests one browser sends at once to one HTTP/1.1 origin (see above). */
export const BROWSER_CONNECTIONS_PER_ORIGIN = 6;

export interface Ticket {
  /** Called once, when the request is surely on the wire: its timeout starts. */
  onSent: () => void;
  /** Called when the endpoint is given up (it answered nothing and one request timed out). */
  onGivenUp: () => void;
  /** Called when the endpoint made no progress for a whole timeout while this request may have been on the wire. */
  onStalled: () => void;
  sent: boolean;
  /** Clock time of the hand-over to fetch() (set by the line). */
  handedAt?: number;
}

/** A response's protocol (ALPN id, as nextHopProtocol gives it) that carries many requests at once on one connection. */
export function multiplexes(protocol: string | undefined): boolean {
  return !!protocol && /^(h2|h3|hq)\b/i.test(protocol);
}

export interface SendLineOptions {
  /** A whole timeout (ms): how long the endpoint may make no progress before the oldest uncertain requests are ended. */
  timeoutMs: number;
  clock?: () => number;
}

export class SendLine {
  private readonly open: Ticket[] = [];
  /** The endpoint's responses came over a protocol that multiplexes (HTTP/2, HTTP/3): every request is on the wire when handed over. */
  multiplexed = false;
  /** Some request to the endpoint got an HTTP response. */
  answered = false;
  /** Clock time of the endpoint's last progress: a request finished, or the first was handed over to an idle endpoint. */
  private progress = 0;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private readonly timeoutMs: number;
  private readonly clock: () => number;

  constructor(
    readonly connections: number,
    o: SendLineOptions = { timeoutMs: Infinity },
  ) {
    if (!(connections >= 1)) throw new RangeError(`connections must be at least 1, got ${connections}`);
    this.timeoutMs = o.timeoutMs;
    this.clock = o.clock ?? (() => performance.now());
  }

  /** Requests handed over and not finished. */
  get size(): number {
    return this.open.length;
  }

  /** A request handed to fetch(): it counts as sent now, or once it surely is. */
  enter(t: Ticket): void {
    const now = this.clock();
    t.handedAt = now;
    if (!this.open.length) this.progress = now;
    this.open.push(t);
    this.release();
  }

  /**
   * The request finished: `answered` when a response came (whatever its
   * status), false when it was aborted, timed out or failed to connect.
   * `protocol`: the response's nextHopProtocol, when the browser tells it.
   */
  leave(t: Ticket, answered: boolean, protocol?: string): void {
    const i = this.open.indexOf(t);
    if (i < 0) return;
    if (answered) this.answered = true;
    if (answered && multiplexes(protocol)) this.multiplexed = true;
    this.open.splice(i, 1);
    this.progress = this.clock();
    this.release();
  }

  /**
   * A request timed out. If the endpoint never answered anything, the ones
   * not surely sent are given up with it (returns how many).
   */
  timedOut(t: Ticket): number {
    const waiting = this.giveUpUnsent(t);
    this.leave(t, false);
    return waiting;
  }

  private giveUpUnsent(except: Ticket | null): number {
    if (this.answered) return 0;
    const waiting = this.open.filter((x) => x !== except && !x.sent);
    for (const w of waiting) {
      this.open.splice(this.open.indexOf(w), 1);
      w.onGivenUp();
    }
    return waiting.length;
  }

  private release(): void {
    if (this.multiplexed || this.open.length <= this.connections) {
      for (const t of this.open) {
        if (!t.sent) {
          t.sent = true;
          t.onSent();
        }
      }
    }
    this.arm();
  }

  /** The oldest requests that may be on the wire and have no timer of their own. */
  private suspects(): Ticket[] {
    return this.open.slice(0, this.connections).filter((t) => !t.sent);
  }

  /** Watch for a stall while some open request has no timer of its own. */
  private arm(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
    const suspects = this.suspects();
    if (!suspects.length || !Number.isFinite(this.timeoutMs)) return;
    const from = Math.max(this.progress, ...suspects.map((t) => t.handedAt ?? 0));
    this.watchdog = setTimeout(() => this.stall(), Math.max(0, from + this.timeoutMs - this.clock()));
  }

  /** No progress for a whole timeout: the requests that may be on the wire are ended. */
  private stall(): void {
    this.watchdog = null;
    const now = this.clock();
    const ended = this.suspects().filter((t) => now - (t.handedAt ?? now) >= this.timeoutMs);
    if (!ended.length || now - this.progress < this.timeoutMs) return this.arm();
    for (const t of ended) {
      this.open.splice(this.open.indexOf(t), 1);
      t.onStalled();
    }
    this.giveUpUnsent(null);
    this.progress = now;
    this.release();
  }
}
