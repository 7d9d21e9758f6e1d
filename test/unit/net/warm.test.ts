// Opening a resolver's connection ahead of the questions (DohResolver.warm):
// one question that carries nothing of the input, once in a while, never
// offline, and nothing kept that the diagnosis could mistake for an answer.
import { afterEach, describe, expect, it } from 'vitest';
import { DohResolver } from '../../../src/net/doh';
import { startDohServer, type DohServer } from '../../support/doh-server';
import { until } from '../../support/until';

let server: DohServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

// Waits for a question the test expects to arrive; a fixed sleep only where the
// test checks that nothing arrives (a slow machine can then only let a defect
// through, never fail a sound build).
const arrived = (n: number) => until(() => (server?.seen.length ?? 0) >= n, `${n} question(s) at the server`);
const settle = () => new Promise((r) => setTimeout(r, 150));

describe('DohResolver.warm', () => {
  it("asks the first endpoint the root's NS, once while the connection is fresh", async () => {
    server = await startDohServer({ zone: { records: [] } });
    let now = 0;
    const r = new DohResolver({ endpoints: [server.url], clock: () => now });
    r.warm();
    await arrived(1);
    expect(server.seen.map((q) => `${q.name || '.'} ${q.type}`)).toEqual(['. NS']);
    now += 10_000;
    r.warm();
    await r.resolve('example.org', 'MX');
    now += 25_000; // 25 s after the last question: still fresh
    r.warm();
    await settle();
    expect(server.seen.length).toBe(2);
    now += 30_000;
    r.warm();
    await arrived(3);
    await settle();
    expect(server.seen.length).toBe(3);
  });

  it('asks nothing offline; keeps no answer', async () => {
    server = await startDohServer({ zone: { records: [] } });
    const off = new DohResolver({ endpoints: [server.url], isOffline: () => true });
    off.warm();
    await settle();
    expect(server.seen).toEqual([]);
    const r = new DohResolver({ endpoints: [server.url] });
    r.warm();
    await arrived(1);
    await r.resolve('.', 'NS');
    expect(server.seen.length).toBe(2); // the warm-up's answer was not cached
  });
});
