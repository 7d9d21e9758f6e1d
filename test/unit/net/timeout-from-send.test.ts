// A question's timeout counts from when it is sent, not from when it waited
// in the browser's queue (six requests at once per HTTP/1.1 origin): with a
// resolver that answers every question in 2 s (here scaled: 300 ms answers,
// a 1 s timeout, five waves of six), every check completes. And a resolver that answers
// nothing does not hold the queue for one timeout per six questions.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
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

const ANSWER_MS = 300;
const TIMEOUT_MS = 1000;

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
      const t: Ticket & { givenUp: boolean } = {
        sent: false,
        givenUp: false,
        onSent: () => undefined,
        onGivenUp: () => (t.givenUp = true),
      };
      return t;
    });

  it('counts six as sent, the next as each older one finishes', () => {
    const line = new SendLine(6);
    const ts = tickets(8);
    ts.forEach((t) => line.enter(t));
    expect(ts.map((t) => t.sent)).toEqual([true, true, true, true, true, true, false, false]);
    line.leave(ts[2], true);
    expect(ts[6].sent).toBe(true);
    expect(ts[7].sent).toBe(false);
    expect(line.multiplexed).toBe(false);
  });

  it('an answer while more than six older requests are open: the endpoint multiplexes, everything counts as sent', () => {
    const line = new SendLine(6);
    const ts = tickets(10);
    ts.forEach((t) => line.enter(t));
    line.leave(ts[8], true);
    expect(line.multiplexed).toBe(true);
    expect(ts.every((t) => t.sent || t === ts[8])).toBe(true);
  });

  it('a timeout on an endpoint that never answered gives up the unsent; after one answer it does not', () => {
    const line = new SendLine(2);
    const ts = tickets(4);
    ts.forEach((t) => line.enter(t));
    expect(line.timedOut(ts[0])).toBe(2); // neither of the two behind it was sent
    expect(ts[2].givenUp && ts[3].givenUp).toBe(true);
    expect(line.size).toBe(1);
    const again = new SendLine(2);
    const us = tickets(4);
    us.forEach((t) => again.enter(t));
    again.leave(us[1], true);
    expect(again.timedOut(us[0])).toBe(0);
    expect(us.some((t) => t.givenUp)).toBe(false);
  });
});
