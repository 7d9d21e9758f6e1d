// A question's timeout counts from when it is sent, not from when it waited
// in the browser's queue (six requests at once per HTTP/1.1 origin): with a
// resolver that answers every question in 2 s (here scaled: 600 ms answers,
// a 2 s timeout, five waves of six), every check completes. And a resolver that answers
// nothing does not hold the queue for one timeout per six questions.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../../src/core/index';
import { DohResolver } from '../../../src/net/doh';
import { SendLine, type Ticket } from '../../../src/net/send-line';
import { startDohServer, type DohServer, type Zone } from '../../support/doh-server';
import { queueingFetch } from '../../support/browser-fetch';

const dir = new URL('../../fixtures/cases/mdaemon-554/', import.meta.url);
const input = readFileSync(new URL('input.log', dir), 'utf8');
const zone = JSON.parse(readFileSync(new URL('zone.json', dir), 'utf8')) as Zone;

let server: DohServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

// The ratio is what the test is about: a hand-over timer times out the fourth wave and later
// (4 × 600 ms > 2 s), a send timer none. The absolute sizes leave 1.4 s of slack per question
// for a loaded machine's event loop (300 ms against 1 s failed under load).
const ANSWER_MS = 600;
const TIMEOUT_MS = 2000;

describe('a slow resolver behind a browser’s six connections', () => {
  it('every question is answered: the timeout counts from the send', async () => {
    server = await startDohServer({ zone, delay: ANSWER_MS });
    const report = await analyze(input, {
      resolver: new DohResolver({ endpoints: [server.url], timeoutMs: TIMEOUT_MS, fetch: queueingFetch(fetch, 6) }),
    });
    const timedOut = report.dns.filter((q) => q.rcode === 'TIMEOUT');
    expect(report.dns.length).toBeGreaterThan(20);
    expect(timedOut.map((q) => q.name)).toEqual([]);
    expect(report.checklist.filter((s) => s.status === 'inconclusive').map((s) => s.rule)).toEqual([]);
  });

  // a page is not told in which order the browser sends what it holds (a service worker's fetch
  // event comes first; equal priorities promise no order): a line that assumed hand-over order and
  // took an answer to a younger request as proof of multiplexing timed out the queued ones unsent
  for (const order of ['lifo', 'random'] as const) {
    it(`every question is answered whatever order the browser sends in (${order})`, async () => {
      server = await startDohServer({ zone, delay: ANSWER_MS });
      const report = await analyze(input, {
        resolver: new DohResolver({ endpoints: [server.url], timeoutMs: TIMEOUT_MS, fetch: queueingFetch(fetch, 6, order) }),
      });
      expect(report.dns.length).toBeGreaterThan(20);
      expect(report.dns.filter((q) => q.rcode === 'TIMEOUT').map((q) => `${q.name} ${q.error}`)).toEqual([]);
      expect(report.checklist.filter((s) => s.status === 'inconclusive').map((s) => s.rule)).toEqual([]);
    });
  }

  it('(the fault it mends: a timer started at the hand-over times out questions still waiting to be sent)', async () => {
    server = await startDohServer({ zone, delay: ANSWER_MS });
    // connections: Infinity is the old model, every request counted as sent when handed over
    const report = await analyze(input, {
      resolver: new DohResolver({
        endpoints: [server.url],
        timeoutMs: TIMEOUT_MS,
        fetch: queueingFetch(fetch, 6),
        connectionsPerEndpoint: Infinity,
      }),
    });
    expect(report.dns.filter((q) => q.rcode === 'TIMEOUT').length).toBeGreaterThan(5);
  });

  it('a resolver that answers nothing: the questions queued behind the first timeout are not sent at all', async () => {
    server = await startDohServer({ zone, fault: 'hang' });
    const report = await analyze(input, {
      resolver: new DohResolver({ endpoints: [server.url], timeoutMs: 1000, fetch: queueingFetch(fetch, 6) }),
    });
    expect(report.dns.length).toBeGreaterThan(20);
    expect(report.dns.every((q) => q.rcode === 'TIMEOUT')).toBe(true);
    // the six on the wire (at most: on a loaded machine fetch may not have written some of them
    // before the first timeout aborts them); none of those queued behind them
    expect(server.seen.length).toBeGreaterThan(0);
    expect(server.seen.length).toBeLessThanOrEqual(6);
    expect(report.dns.filter((q) => /not sent/.test(q.error ?? '')).length).toBe(report.dns.length - 6);
  });
});

describe('the send line', () => {
  const tickets = (n: number) =>
    Array.from({ length: n }, () => {
      const t: Ticket & { givenUp: boolean; stalled: boolean } = {
        sent: false,
        givenUp: false,
        stalled: false,
        onSent: () => undefined,
        onGivenUp: () => (t.givenUp = true),
        onStalled: () => (t.stalled = true),
      };
      return t;
    });
  afterEach(() => void vi.useRealTimers());

  it('at most six open: all on the wire; more: none surely, until at most six are open again', () => {
    const line = new SendLine(6);
    const six = tickets(6);
    six.forEach((t) => line.enter(t));
    expect(six.every((t) => t.sent)).toBe(true);
    const more = tickets(3);
    more.forEach((t) => line.enter(t));
    // which of the nine the browser holds back is not known: none of the three counts as sent
    expect(more.map((t) => t.sent)).toEqual([false, false, false]);
    line.leave(six[0], true);
    line.leave(more[2], true); // an answer to a younger one: the order is not known, it proves nothing
    expect(line.multiplexed).toBe(false);
    expect(more[0].sent || more[1].sent).toBe(false);
    line.leave(six[1], true);
    expect(more[0].sent && more[1].sent).toBe(true);
  });

  it('multiplexing is learnt from the response’s protocol, never from timing', () => {
    const line = new SendLine(6);
    const ts = tickets(10);
    ts.forEach((t) => line.enter(t));
    expect(ts.map((t) => t.sent)).toEqual([true, true, true, true, true, true, false, false, false, false]);
    line.leave(ts[9], true, 'http/1.1');
    expect(line.multiplexed).toBe(false);
    expect(ts[6].sent || ts[7].sent).toBe(false);
    line.leave(ts[8], true, 'h2');
    expect(line.multiplexed).toBe(true);
    expect(ts.slice(0, 8).every((t) => t.sent)).toBe(true);
  });

  it('no progress for a whole timeout: a request that may be on the wire without a timer of its own is ended as stalled', () => {
    vi.useFakeTimers();
    const line = new SendLine(2, { timeoutMs: 1000, clock: () => Date.now() });
    const [a, b, c, d] = tickets(4);
    [a, b, c, d].forEach((t) => line.enter(t));
    expect([a.sent, b.sent, c.sent, d.sent]).toEqual([true, true, false, false]);
    vi.advanceTimersByTime(300);
    line.leave(a, true); // one connection free: c or d is on the wire now, the page is not told which
    expect(c.sent || d.sent).toBe(false);
    vi.advanceTimersByTime(999);
    expect(c.stalled || d.stalled).toBe(false);
    vi.advanceTimersByTime(1);
    // the oldest uncertain one (the right one when the browser keeps hand-over order); b has its own timer
    expect([b.stalled, c.stalled, d.stalled]).toEqual([false, true, false]);
    expect(d.sent && !d.givenUp).toBe(true); // two open again: surely on the wire, its own timeout runs
    expect(line.size).toBe(2);
  });

  it('progress restarts the watch', () => {
    vi.useFakeTimers();
    const line = new SendLine(1, { timeoutMs: 1000, clock: () => Date.now() });
    const [a, b, c] = tickets(3);
    [a, b, c].forEach((t) => line.enter(t));
    line.leave(a, true);
    vi.advanceTimersByTime(800);
    line.leave(c, true); // c answered (the browser sent it before b): progress
    expect(b.sent).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(b.stalled).toBe(false); // alone: its own timer (the resolver's) ends it, not the watch
  });

  it('a timeout on an endpoint that never answered gives up the ones not surely sent; after one answer it does not', () => {
    const line = new SendLine(2);
    const ts = tickets(4);
    ts.forEach((t) => line.enter(t));
    expect(line.timedOut(ts[0])).toBe(2); // the two behind the first two were not surely sent
    expect(ts[2].givenUp && ts[3].givenUp).toBe(true);
    expect(ts[1].givenUp).toBe(false); // on the wire: its own timer
    expect(line.size).toBe(1);
    const again = new SendLine(2);
    const us = tickets(4);
    us.forEach((t) => again.enter(t));
    again.leave(us[1], true);
    expect(again.timedOut(us[0])).toBe(0);
    expect(us.some((t) => t.givenUp)).toBe(false);
  });
});
