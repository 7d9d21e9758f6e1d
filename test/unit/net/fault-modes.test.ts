// Every way a resolver can fail, against the project's DoH fixture server,
// through a whole diagnosis: each ends with the DNS-derived steps
// inconclusive and the log's own verdicts kept — the report says what the
// receiver logged and nothing that DNS did not say. The oracle is the same
// diagnosis offline: a failed resolver may not give a verdict that the input
// alone does not give.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { DohResolver, MAX_ANSWER_BYTES } from '../../../src/net/doh';
import { downResolverUrl, FAULTS, startDohServer, type DohServer, type Fault, type Zone } from '../../support/doh-server';
import type { Report } from '../../../src/core/types';

const root = path.join(import.meta.dirname, '../../fixtures/cases');
const CASES = ['mdaemon-554', 'gmail-5726-dmarc', 'dns-spf-two-records'].map((name) => {
  const dir = path.join(root, name);
  const file = ['input.log', 'input.txt', 'input.eml']
    .map((f) => path.join(dir, f))
    .find((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    })!;
  return { name, input: readFileSync(file, 'utf8'), zone: JSON.parse(readFileSync(path.join(dir, 'zone.json'), 'utf8')) as Zone };
});

/** The per-question timeout where a fault is about time (a hang, a slow answer). */
const TIMEOUT_MS = 400;

const verdicts = (r: Report) =>
  r.checklist
    .filter((s) => s.status === 'fail' || s.status === 'warn' || s.status === 'pass')
    .map((s) => `${s.rule}:${s.status}`)
    .sort();

const offline = new Map<string, Report>();
beforeAll(async () => {
  for (const c of CASES) offline.set(c.name, await analyze(c.input, {}));
});

/** Every fault mode, and two that are not answers at all: too slow, and nobody listening. */
const MODES: (Fault | 'slow' | 'down')[] = [...FAULTS, 'slow', 'down'];

describe.each(CASES)('$name, every question failing', (c) => {
  let servers: DohServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });

  it.each(MODES)('%s: inconclusive, the log’s own verdicts kept, no verdict from DNS', async (mode) => {
    let url: string;
    if (mode === 'down') url = await downResolverUrl();
    else {
      const server = await startDohServer({
        zone: c.zone,
        ...(mode === 'slow' ? { delay: TIMEOUT_MS + 600 } : { fault: mode }),
        junkBytes: 8 * 1048576,
      });
      servers.push(server);
      url = server.url;
    }
    // a short timeout only where time is the fault (a loaded machine must not turn SERVFAIL into TIMEOUT)
    const timeoutMs = mode === 'hang' || mode === 'slow' ? TIMEOUT_MS : 10_000;
    const report = await analyze(c.input, { resolver: new DohResolver({ endpoints: [url], timeoutMs }) });
    const base = offline.get(c.name)!;
    // the same verdicts as the input alone gives: none added by a failed resolver, none lost
    expect(verdicts(report)).toEqual(verdicts(base));
    // the same first step: the refusal's own explanation
    expect(report.checklist[0].rule).toBe(base.checklist[0].rule);
    // every question failed, and says how
    expect(report.dns.length).toBeGreaterThan(0);
    for (const q of report.dns) {
      if (mode === 'servfail' || mode === 'refused') expect(q.rcode).toBe(mode.toUpperCase());
      else expect(['TIMEOUT', 'HTTP', 'MALFORMED', 'NETWORK']).toContain(q.rcode);
    }
    // and the steps that needed DNS say they could not tell
    const dnsSteps = report.checklist.filter((s) => s.status === 'inconclusive');
    expect(dnsSteps.length).toBeGreaterThan(0);
  });
});

describe('an answer followed by 50 MB of junk', () => {
  it('is refused as it streams in: at most a DNS message and one chunk are read', async () => {
    const server = await startDohServer({ zone: CASES[0].zone, fault: 'junk' });
    let read = 0;
    const counting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!res.body) return res;
      const counted = res.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, ctrl) {
            read += chunk.length;
            ctrl.enqueue(chunk);
          },
        }),
      );
      return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
    };
    try {
      const r = await new DohResolver({ endpoints: [server.url], fetch: counting }).resolve('example.org', 'TXT');
      expect(r.failure).toBe('MALFORMED');
      expect(r.error).toMatch(/larger than a DNS message can be \(65535 bytes\)/);
      expect(read).toBeLessThan(MAX_ANSWER_BYTES + 1048576);
      // and the server was stopped well before its 50 MB
      await new Promise((res) => setTimeout(res, 100));
      expect(server.junkSent).toBeLessThan(50 * 1048576);
    } finally {
      await server.close();
    }
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    let bodyRead = false;
    const fake: typeof fetch = async () =>
      ({
        ok: true,
        status: 200,
        headers: new Headers({ 'content-type': 'application/dns-message', 'content-length': String(50 * 1048576) }),
        body: {
          cancel: async () => undefined,
          getReader: () => {
            bodyRead = true;
            throw new Error('read');
          },
        },
        arrayBuffer: async () => {
          bodyRead = true;
          return new ArrayBuffer(0);
        },
      }) as unknown as Response;
    const r = await new DohResolver({ endpoints: ['https://dns.example/dns-query'], fetch: fake }).resolve('example.org', 'TXT');
    expect(r.failure).toBe('MALFORMED');
    expect(bodyRead).toBe(false);
  });
});

describe('each fault is named in the query log', () => {
  let server: DohServer;
  beforeAll(async () => {
    const faults = Object.fromEntries(FAULTS.map((f) => [`${f}.example`, f]));
    server = await startDohServer({ zone: { records: [], faults }, junkBytes: 4 * 1048576 });
  });
  afterAll(() => server.close());
  it.each([
    ['http404', 'HTTP', /HTTP 404/],
    ['html', 'MALFORMED', /not a DNS message.*text\/html/],
    ['tc', 'MALFORMED', /truncated/],
    ['cut', 'MALFORMED', /not a DNS message/],
    ['wrong-type', 'MALFORMED', /another question \(wrong-type\.example A\)/],
    ['query', 'MALFORMED', /not a DNS response/],
    ['junk', 'MALFORMED', /larger than a DNS message/],
  ] as const)('%s → %s', async (fault, failure, error) => {
    const r = await new DohResolver({ endpoints: [server.url] }).resolve(`${fault}.example`, 'TXT');
    expect(r.failure).toBe(failure);
    expect(r.error).toMatch(error);
  });
});
