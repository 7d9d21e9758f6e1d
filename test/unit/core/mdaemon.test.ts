import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMdaemon, looksLikeMdaemon } from '../../../src/core/parse/mdaemon';
import { splitLines } from '../../../src/core/text/lines';

const seed = splitLines(readFileSync(new URL('../../fixtures/cases/mdaemon-554/input.log', import.meta.url), 'utf8'));

describe('MDaemon parser, seed session', () => {
  const r = parseMdaemon(seed);
  const s = r.sessions![0];
  it('finds one inbound session with its peer, HELO and envelope', () => {
    expect(r.sessions).toHaveLength(1);
    expect(s.direction).toBe('inbound');
    expect(s.clientIp).toBe('80.78.72.135');
    expect(s.clientIpLine).toBe(2);
    expect(s.serverIp).toBe('192.168.1.5');
    expect(s.helo).toEqual({ name: 'accounting-pc', line: 7 });
    expect(s.mailFrom).toEqual({ address: 'reports@example.org', line: 14 });
    expect(s.rcptTo).toEqual([{ address: 'alice@example.com', line: 19 }]);
    expect(s.messageSize).toBe(389);
  });
  it('reads the PTR, SPF and DNS-BL blocks', () => {
    expect(s.logged).toEqual([
      { check: 'ptr', subject: '80.78.72.135', result: 'none', line: 4 },
      expect.objectContaining({ check: 'spf', subject: 'example.org', result: 'pass', line: 16 }),
      expect.objectContaining({ check: 'dnsbl', zone: 'relays.ordb.org', result: 'listed', line: 23 }),
    ]);
  });
  it('puts the 554 at end of data', () => {
    const r554 = s.replies.find((x) => x.code === 554)!;
    expect(r554).toMatchObject({ stage: 'end-of-data', line: 27, text: 'Message does not conform to standards' });
    expect(s.replies.find((x) => x.code === 354)!.stage).toBe('data');
  });
  it('understands every line', () => expect(r.unknownLines).toBe(0));
});

describe('MDaemon parser, other shapes', () => {
  it('groups interleaved sessions by their thread tag and reads millisecond times', () => {
    const lines = [
      'Tue 2021-03-02 10:00:00.100: 01: Session 100; child 1',
      'Tue 2021-03-02 10:00:00.101: 02: Session 101; child 2',
      'Tue 2021-03-02 10:00:00.102: 01: Accepting SMTP connection from [203.0.113.9:50001] to [192.0.2.1:25]',
      'Tue 2021-03-02 10:00:00.103: 02: Accepting SMTP connection from [198.51.100.7:50002] to [192.0.2.1:25]',
      'Tue 2021-03-02 10:00:00.104: 02: Querying DNS-BL hosts',
      'Tue 2021-03-02 10:00:00.105: 02: * zen.spamhaus.org - failed',
      'Tue 2021-03-02 10:00:00.106: 02: ---- End DNS-BL results',
      'Tue 2021-03-02 10:00:00.107: 02: --> 554 5.7.1 Blocked - see https://www.spamhaus.org/query/ip/198.51.100.7',
      'Tue 2021-03-02 10:00:00.108: 01: <-- EHLO mx.example.net',
      'Tue 2021-03-02 10:00:00.109: 01: --> 250 mx hello',
    ];
    const r = parseMdaemon(lines);
    expect(r.sessions!.map((s) => [s.id, s.clientIp])).toEqual([
      ['100', '203.0.113.9'],
      ['101', '198.51.100.7'],
    ]);
    expect(r.sessions![1].replies[0]).toMatchObject({ code: 554, enhanced: '5.7.1', stage: 'connect' });
    expect(r.sessions![1].logged[0]).toMatchObject({ zone: 'zen.spamhaus.org', result: 'listed' });
    expect(r.sessions![0].helo?.name).toBe('mx.example.net');
  });
  it('never throws on garbage and counts what it did not understand', () => {
    const r = parseMdaemon(['hello', '', 'Mon 2007-06-11 09:14:02: something new', '\u0000\u0001']);
    expect(r.unknownLines).toBe(3);
    expect(r.warnings.length).toBeGreaterThan(0);
  });
  it('is detected, and other text is not', () => {
    expect(looksLikeMdaemon(seed)).toBeGreaterThan(0.5);
    expect(looksLikeMdaemon(['Received: from a by b', 'Subject: hi'])).toBe(0);
  });
});

describe('MDaemon outbound connection lines', () => {
  it('"Socket connection established (local -> remote)" gives the server, not the local address', () => {
    const r = parseMdaemon([
      'Mon 2007-06-11 09:20:01: Attempting SMTP connection to [mx.partner.example : 25]',
      'Mon 2007-06-11 09:20:02: Socket connection established (192.168.1.5:4711 -> 198.51.100.60:25)',
      'Mon 2007-06-11 09:20:02: <-- 220 mx.partner.example ESMTP',
    ]);
    const s = r.sessions![0];
    expect(s.direction).toBe('outbound');
    expect(s.serverIp).toBe('198.51.100.60');
    expect(s.remoteHost).toBe('mx.partner.example');
  });
});
