import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LogSummariser, sessionText, summariseLines } from '../../../src/core/summary/summariser';
import { LineSplitter } from '../../../src/core/summary/lines';
import { splitLines } from '../../../src/core/text/lines';
import { readEvidence } from '../../../src/core/analyze';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/logs/${name}`, import.meta.url), 'utf8');

describe('LineSplitter', () => {
  it.each([
    [
      ['a\nb', '\nc\n'],
      ['a', 'b', 'c'],
    ],
    [
      ['a\r', '\nb\r\n'],
      ['a', 'b'],
    ],
    [['one', ' line'], ['one line']],
    [['x\ry\n'], ['x', 'y']],
    [
      ['', 'a\n\nb'],
      ['a', '', 'b'],
    ],
  ])('%j → %j', (chunks, want) => {
    const s = new LineSplitter();
    const got = chunks.flatMap((c) => s.push(c));
    got.push(...s.end());
    expect(got).toEqual(want);
  });
});

describe('log summary', () => {
  const text = fixture('postfix-syslog.log');
  const lines = splitLines(text);
  const s = summariseLines(lines);
  it('counts refusals by reason, host, sender domain and client IP', () => {
    expect(s.kind).toBe('postfix-log');
    expect(s.lines).toBe(lines.length);
    expect(s.refusals).toBe(readEvidence(text).rejections.length);
    expect(s.byReason).toEqual(
      expect.arrayContaining([
        { key: 'blocked', count: 2 },
        { key: 'onhold', count: 2 },
        { key: 'requireptr', count: 1 },
        { key: 'spamdetected', count: 1 },
      ]),
    );
    expect(s.bySenderDomain).toEqual(
      expect.arrayContaining([
        { key: 'example.com', count: 1 },
        { key: 'office.example.org', count: 1 },
      ]),
    );
    expect(s.byRemoteHost[0]).toEqual({ key: 'mx.greylist.example', count: 2 });
    expect(s.topClientIps.map((c) => c.key)).toEqual(expect.arrayContaining(['198.51.100.23', '203.0.113.45', '192.0.2.77']));
  });
  it('keeps each refused session with its own lines, which analyze() can diagnose alone', () => {
    const fcrdns = s.sessions.find((x) => x.clientIp === '203.0.113.45')!;
    expect(fcrdns.lines.map((l) => l.n)).toEqual([6, 7, 8, 9]);
    expect(fcrdns.first).toMatchObject({ reason: 'requireptr', line: 8 });
    const ev = readEvidence(sessionText(fcrdns));
    expect(ev.rejections.map((r) => r.reason)).toEqual(['requireptr']);
    expect(ev.sessions[0].clientIp).toBe('203.0.113.45');
  });
  it('gives the same answer fed line by line in small chunks', () => {
    const inc = new LogSummariser(5);
    for (const l of lines) inc.push([l]);
    const t = inc.finish();
    expect(t.refusals).toBe(s.refusals);
    expect(t.byReason).toEqual(s.byReason);
  });
  it('says so when the input is not a log', () => {
    const t = summariseLines(['hello', 'world']);
    expect(t.kind).toBe('unknown');
    expect(t.warnings[0]).toMatch(/not recognised/);
  });
  it.each(['exim-mainlog.log', 'sendmail.log', 'exchange-tracking.log', 'exchange-protocol.log'])('summarises %s', (name) => {
    const t = summariseLines(splitLines(fixture(name)));
    expect(t.refusals).toBe(readEvidence(fixture(name)).rejections.length);
    expect(t.sessions.length).toBeGreaterThan(0);
  });
});

describe('summary of other logs', () => {
  it('MDaemon: the refused session keeps all its lines', () => {
    const seed = splitLines(readFileSync(new URL('../../fixtures/cases/mdaemon-554/input.log', import.meta.url), 'utf8'));
    const s = summariseLines(seed);
    expect(s.kind).toBe('mdaemon-log');
    expect(s.sessions).toHaveLength(1);
    expect(s.sessions[0].lines.length).toBe(seed.filter((l) => l.trim()).length);
    expect(s.sessions[0].first).toMatchObject({ reason: 'notcompliantrfc', stage: 'end-of-data' });
  });
  it('postscreen: the session is told apart by client and port', () => {
    const s = summariseLines(splitLines(fixture('postfix-syslog.log')));
    const ps = s.sessions.find((x) => x.clientIp === '198.51.100.23')!;
    expect(ps.lines.map((l) => l.n)).toEqual([1, 3, 4, 5]);
  });
});
