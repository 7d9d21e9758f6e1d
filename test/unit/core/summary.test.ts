// The large-log summary (src/core/summary): lines cut from bytes in any
// chunks, sessions kept whole across blocks, the fast readers against the
// parsers on every group, and bounded state on logs that never end their sessions.

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LogSummariser, sessionText, summariseText, MAX_SESSIONS_PER_REASON } from '../../../src/core/summary/summariser';
import { ByteBlocks, eachLine } from '../../../src/core/summary/chunks';
import { splitLines } from '../../../src/core/text/lines';
import { readEvidence } from '../../../src/core/analyze';
import { largeLogText, FORMATS } from '../../../scripts/make-large-log';

const logs = new URL('../../fixtures/logs/', import.meta.url);
const real = new URL('../../fixtures/real-logs/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, logs), 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);

/** Lines of `text` as ByteBlocks + eachLine give them, fed in chunks of `size` bytes. */
function linesOf(bytes: Uint8Array, size: number, blockBytes = 16): string[] {
  const b = new ByteBlocks(blockBytes);
  const out: string[] = [];
  const take = (block: string) => eachLine(block, (s, e) => out.push(block.slice(s, e)));
  for (let i = 0; i < bytes.length; i += size) b.push(bytes.subarray(i, i + size), take);
  b.end(take);
  return out;
}

/** Feed a summariser in chunks of `size` bytes. */
function summarise(text: string, size: number, opts: ConstructorParameters<typeof LogSummariser>[0] = {}) {
  const s = new LogSummariser(opts);
  const bytes = enc(text);
  for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
  return { s, r: s.finish() };
}

describe('lines from bytes (ByteBlocks, eachLine)', () => {
  const texts = [
    'a\nb\nc\n',
    'a\r\nb\r\n\r\nc',
    'x\ry\rz',
    'one\n\ntwo\r\n',
    '\ufeffbom first\nsecond',
    'héllo wörld\n日本語のログ\nend',
    '',
    '\n',
    'no terminator at all',
  ];
  it.each(texts.map((t) => [t]))('%j, in chunks of every size, gives the lines of splitLines', (t) => {
    const bytes = enc(t);
    const want = splitLines(t.replace(/^\ufeff/, ''));
    for (let size = 1; size <= Math.max(1, bytes.length); size++) expect(linesOf(bytes, size), `chunks of ${size}`).toEqual(want);
  });
  it('a CRLF split between two chunks ends one line, not two', () => {
    expect(linesOf(enc('a\r\nb'), 2, 1)).toEqual(['a', 'b']);
  });
  it('a line longer than the cut is cut and counted, not held whole', () => {
    const b = new ByteBlocks(16);
    const blocks: string[] = [];
    b.push(new Uint8Array(3 << 20).fill(97), (x) => blocks.push(x));
    b.end((x) => blocks.push(x));
    expect(b.cutLines).toBeGreaterThanOrEqual(2);
    expect(blocks.every((x) => x.length <= 1 << 20)).toBe(true);
    expect(blocks.join('').length).toBe(3 << 20);
  });
  it('bytes that are not UTF-8 are read as Windows-1252, as a whole file is', () => {
    expect(linesOf(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x78]), 2)).toEqual(['café', 'x']);
  });
});

describe('the summary agrees with analyze() of the whole log', () => {
  const names = [
    ...readdirSync(logs).map((f) => new URL(f, logs)),
    ...readdirSync(real)
      .filter((f) => /\.(log|txt|csv)$/.test(f))
      .map((f) => new URL(f, real)),
  ];
  it.each(names.map((u) => [u.pathname.split('/').pop()!, u]))('%s: refusals and reasons, read in 97-byte chunks', (_n, u) => {
    const text = readFileSync(u as URL, 'utf8');
    const { s, r } = summarise(text, 97, { blockBytes: 64, verify: true });
    const ev = readEvidence(text);
    expect(r.refusals).toBe(ev.rejections.length);
    const reasons = new Map<string, number>();
    for (const x of ev.rejections) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
    expect(Object.fromEntries(r.byReason.map((c) => [c.key, c.count]))).toEqual(Object.fromEntries(reasons));
    // the fast reader and the parser read every group alike
    expect(s.mismatches).toEqual([]);
  });
});

describe('generated logs of every format', () => {
  it.each(FORMATS.map((f) => [f]))('%s: the fast reader agrees with the parser on every session', (format) => {
    const text = largeLogText(400_000, format, 7);
    const { s, r } = summarise(text, 65_536, { verify: true });
    expect(r.kind).toBe(`${format}-log`);
    expect(r.refusals).toBeGreaterThan(50);
    expect(r.byDirection.inbound.refusals).toBeGreaterThan(0);
    expect(r.byDirection.outbound.refusals + r.byDirection.inbound.refusals).toBe(r.refusals);
    expect(s.mismatches.slice(0, 3)).toEqual([]);
    // the groups partition the refusals
    expect(r.groups.reduce((n, g) => n + g.count, 0) + r.groupsDropped).toBe(r.refusals);
    // each kept session diagnoses alone to the refusal the summary listed first
    for (const k of r.sessions.slice(0, 20)) {
      const ev = readEvidence(sessionText(k));
      expect(ev.rejections.map((x) => x.reason)).toContain(k.first.reason);
    }
  });
});

describe('sessions are whole, wherever the blocks end', () => {
  // a Postfix connection whose refusal comes 30,000 lines after its connect line: the
  // old summary read 20,000-line chunks and saw two sessions, one without its client
  const filler = Array.from(
    { length: 30_000 },
    (_, i) => `Mar  4 10:16:${String(i % 60).padStart(2, '0')} mx1 postfix/qmgr[900]: 4Q${String(i).padStart(9, '0')}x: removed`,
  );
  const text = [
    'Mar  4 10:16:10 mx1 postfix/smtpd[2100]: connect from host9.example.net[203.0.113.45]',
    ...filler,
    'Mar  4 10:16:11 mx1 postfix/smtpd[2100]: NOQUEUE: reject: RCPT from host9.example.net[203.0.113.45]: 554 5.7.1 Service unavailable; Client host [203.0.113.45] blocked using zen.spamhaus.org; from=<a@example.net> to=<b@example.com> proto=ESMTP helo=<host9>',
    'Mar  4 10:16:11 mx1 postfix/smtpd[2100]: disconnect from host9.example.net[203.0.113.45] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4',
  ].join('\n');
  it.each([
    [1 << 16, 1 << 16],
    [4096, 1000],
  ])('blocks of %i bytes, chunks of %i: one session, counted once, with its client and all its lines', (block, chunk) => {
    const { r } = summarise(text, chunk, { blockBytes: block });
    expect(r.sessionsSeen).toBe(1);
    expect(r.refusals).toBe(1);
    expect(r.topClientIps).toEqual([{ key: '203.0.113.45', count: 1 }]);
    expect(r.byRemoteHost).toEqual([{ key: 'host9.example.net', count: 1 }]);
    expect(r.groups[0]).toMatchObject({ direction: 'inbound', reason: 'blocked', clientIp: '203.0.113.45', senderDomain: 'example.net' });
    expect(r.sessions[0].lineNumbers).toEqual([1, 30_002, 30_003]);
    expect(r.evicted).toBe(0);
  });
});

describe('bounded state', () => {
  // connections that never disconnect (a log cut from a server under attack): each
  // leaves a session open; the window closes them and says so
  const lines: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    const ip = `198.18.${(i >> 8) & 255}.${i & 255}`;
    lines.push(`Mar  4 10:00:00 mx1 postfix/smtpd[${1000 + i}]: connect from unknown[${ip}]`);
    lines.push(
      `Mar  4 10:00:01 mx1 postfix/smtpd[${1000 + i}]: NOQUEUE: reject: RCPT from unknown[${ip}]: 550 5.1.1 <u${i}@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<x@spam.example> to=<u${i}@example.com> proto=ESMTP helo=<x>`,
    );
  }
  const text = lines.join('\n');
  it('sessions left open past the window are closed and counted; every refusal is still counted', () => {
    const { s, r } = summarise(text, 65_536, { window: 1000, maxOpen: 500, maxBuffered: 2000 });
    const open = (s as unknown as { openGroups: { size: number } }).openGroups.size;
    expect(open).toBe(0);
    expect(r.refusals).toBe(20_000);
    // all but those still open when the log ended (closed then, not evicted)
    expect(r.evicted).toBeGreaterThan(19_000);
    expect(r.warnings.join(' ')).toMatch(/\d+ sessions had no end/);
    // kept examples are capped per reason
    expect(r.sessions.length).toBe(MAX_SESSIONS_PER_REASON);
    expect(r.sessionsDropped).toBe(20_000 - MAX_SESSIONS_PER_REASON);
  });
  it('never holds more than its bounds while reading', () => {
    const s = new LogSummariser({ window: 1000, maxOpen: 500, maxBuffered: 2000 });
    const inner = s as unknown as { openGroups: { size: number }; buffered: number };
    const bytes = enc(text);
    let maxOpen = 0;
    let maxBuffered = 0;
    for (let i = 0; i < bytes.length; i += 4096) {
      s.push(bytes.subarray(i, i + 4096));
      maxOpen = Math.max(maxOpen, inner.openGroups.size);
      maxBuffered = Math.max(maxBuffered, inner.buffered);
    }
    s.finish();
    expect(maxOpen).toBeLessThanOrEqual(500);
    expect(maxBuffered).toBeLessThanOrEqual(2000);
  });
  it('more distinct client IPs than the counters hold: the tables stay bounded and say so', () => {
    const { r } = summarise(text, 65_536);
    expect(r.topClientIps.length).toBeLessThanOrEqual(25);
    expect(r.refusals).toBe(20_000);
    expect(r.byReason).toEqual([{ key: 'userunknown', count: 20_000 }]);
    expect(r.groups.length).toBeLessThanOrEqual(10_000);
    expect(r.groups.reduce((n, g) => n + g.count, 0) + r.groupsDropped).toBe(20_000);
  });
});

describe('what the summary keeps', () => {
  it('each refused session with its own lines, which analyze() can diagnose alone', () => {
    const s = summariseText(fixture('postfix-syslog.log'));
    const fcrdns = s.sessions.find((x) => x.clientIp === '203.0.113.45')!;
    expect(fcrdns.lineNumbers).toEqual([6, 7, 8, 9]);
    expect(fcrdns.first).toMatchObject({ reason: 'requireptr', line: 8 });
    expect(fcrdns.direction).toBe('inbound');
    const ev = readEvidence(sessionText(fcrdns));
    expect(ev.rejections.map((r) => r.reason)).toEqual(['requireptr']);
    expect(ev.sessions[0].clientIp).toBe('203.0.113.45');
  });
  it('postscreen: the session is told apart by client and port, with dnsblog’s answer', () => {
    const s = summariseText(fixture('postfix-syslog.log'));
    const ps = s.sessions.find((x) => x.clientIp === '198.51.100.23')!;
    expect(ps.lineNumbers).toEqual([1, 2, 3, 4, 5]);
  });
  it('a delivery refused by the remote is outbound, with the remote and the sender', () => {
    const s = summariseText(fixture('postfix-syslog.log'));
    expect(s.groups.find((g) => g.reason === 'blocked' && g.direction === 'outbound')).toMatchObject({
      remoteHost: 'outlook-com.olc.protection.outlook.com',
      senderDomain: 'example.com',
    });
  });
  it('MDaemon: the refused session keeps all its lines', () => {
    const seed = readFileSync(new URL('../../fixtures/cases/mdaemon-554/input.log', import.meta.url), 'utf8');
    const s = summariseText(seed);
    expect(s.kind).toBe('mdaemon-log');
    expect(s.sessions).toHaveLength(1);
    expect(s.sessions[0].lineNumbers.length).toBe(splitLines(seed).filter((l) => l.trim()).length);
    expect(s.sessions[0].text.split('\n')).toEqual(splitLines(seed).filter((l) => l.trim()));
    expect(s.sessions[0].first).toMatchObject({ reason: 'notcompliantrfc', stage: 'end-of-data' });
  });
  it('says so when the input is not a log', () => {
    const t = summariseText('hello\nworld\n');
    expect(t.kind).toBe('unknown');
    expect(t.warnings[0]).toMatch(/not recognised/);
  });
});
