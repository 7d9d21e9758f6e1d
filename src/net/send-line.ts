// When a request handed to fetch() is really on the wire. A question's
// timeout must count from then, not from when it was queued: a browser sends
// at most six requests at once to one HTTP/1.1 origin (Chromium's
// kDefaultMaxSocketsPerGroup, Firefox's network.http.max-persistent-
// connections-per-server) and holds the rest in a queue the page cannot see.
// With a resolver that answers every question in 2 s, a timer started at
// fetch() made the seventh question onwards "time out" while they had not
// even been sent (18 of the seed case's 26).
//
// Nothing tells a page when the browser sends a request, nor which protocol
// an origin speaks (Resource Timing hides nextHopProtocol cross-origin
// without Timing-Allow-Origin, which public resolvers do not send). So each
// endpoint keeps its requests in the order they were handed over, and a
// request counts as sent once fewer than `connections` older ones are still
// open — exact for HTTP/1.1, late (never early) for HTTP/2 — until the
// endpoint shows that it multiplexes: an answer arriving while more than
// `connections` older requests are still open cannot have waited in an
// HTTP/1.1 queue, and from then on every request counts as sent when handed
// over.
//
// A resolver that has not answered anything yet and lets a question time out
// is presumed unreachable: the requests queued behind it end at once instead
// of each waiting its own turn and its own timeout (a dropped connection would
// otherwise hold the seed case for five timeouts in a row).

/** Requests one browser sends at once to one HTTP/1.1 origin (see above). */
export const BROWSER_CONNECTIONS_PER_ORIGIN = 6;

export interface Ticket {
  /** Called once, when the request counts as sent. */
  onSent: () => void;
  /** Called when the endpoint is given up (it answered nothing and one request timed out). */
  onGivenUp: () => void;
  sent: boolean;
}

export class SendLine {
  private readonly open: Ticket[] = [];
  /** The endpoint answered while more than `connections` older requests were open: it multiplexes (HTTP/2, HTTP/3). */
  multiplexed = false;
  /** Some request to the endpoint got an HTTP response. */
  answered = false;

  constructor(readonly connections: number) {
    if (!(connections >= 1)) throw new RangeError(`connections must be at least 1, got ${connections}`);
  }

  /** Requests handed over and not finished. */
  get size(): number {
    return this.open.length;
  }

  /** A request handed to fetch(): it counts as sent now, or once enough older ones finish. */
  enter(t: Ticket): void {
    this.open.push(t);
    this.release();
  }

  /**
   * The request finished: `answered` when a response came (whatever its
   * status), false when it was aborted, timed out or failed to connect.
   */
  leave(t: Ticket, answered: boolean): void {
    const i = this.open.indexOf(t);
    if (i < 0) return;
    if (answered) {
      this.answered = true;
      if (i > this.connections) this.multiplexed = true;
    }
    this.open.splice(i, 1);
    this.release();
  }

  /**
   * A request timed out. If the endpoint never answered anything, the ones
   * still waiting to be sent are given up with it (returns how many).
   */
  timedOut(t: Ticket): number {
    // the ones not sent while it was open are given up before its place frees
    const waiting = this.answered ? [] : this.open.filter((x) => x !== t && !x.sent);
    for (const w of waiting) {
      this.open.splice(this.open.indexOf(w), 1);
      w.onGivenUp();
    }
    this.leave(t, false);
    return waiting.length;
  }

  private release(): void {
    for (let i = 0; i < this.open.length; i++) {
      const t = this.open[i];
      if (!t.sent && (this.multiplexed || i < this.connections)) {
        t.sent = true;
        t.onSent();
      }
    }
  }
}
