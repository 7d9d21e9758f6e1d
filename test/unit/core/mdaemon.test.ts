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
  it('groups interleaved sessions by their bracketed session id, not by the log level before it', () => {
    // MDaemon 13+: "05:" is the log level and changes within a session (github.com/qbittorrent/qBittorrent/issues/1845)
    const lines = [
      'Tue 2021-03-02 10:00:00.100: 05: [100] Session 100; child 1',
      'Tue 2021-03-02 10:00:00.101: 05: [101] Session 101; child 2',
      'Tue 2021-03-02 10:00:00.102: 05: [100] Accepting SMTP connection from [203.0.113.9:50001] to [192.0.2.1:25]',
      'Tue 2021-03-02 10:00:00.103: 05: [101] Accepting SMTP connection from 198.51.100.7:50002 to 192.0.2.1:25',
      'Tue 2021-03-02 10:00:00.104: 02: [101] Querying DNS-BL hosts',
      'Tue 2021-03-02 10:00:00.105: 02: [101] * zen.spamhaus.org - failed',
      'Tue 2021-03-02 10:00:00.106: 02: [101] ---- End DNS-BL results',
      'Tue 2021-03-02 10:00:00.107: 03: [101] --> 554 5.7.1 Blocked - see https://www.spamhaus.org/query/ip/198.51.100.7',
      'Tue 2021-03-02 10:00:00.108: 02: [100] <-- EHLO mx.example.net',
      'Tue 2021-03-02 10:00:00.109: 03: [100] --> 250 mx hello',
    ];
    const r = parseMdaemon(lines);
    expect(r.sessions!.map((s) => [s.id, s.clientIp])).toEqual([
      ['100', '203.0.113.9'],
      ['101', '198.51.100.7'],
    ]);
    expect(r.sessions![1].replies[0]).toMatchObject({ code: 554, enhanced: '5.7.1', stage: 'connect' });
    expect(r.sessions![1].logged[0]).toMatchObject({ zone: 'zen.spamhaus.org', result: 'listed', subject: '198.51.100.7' });
    expect(r.sessions![0].helo?.name).toBe('mx.example.net');
    expect(r.unknownLines).toBe(0);
  });
  it('keeps one session when only the log level changes from line to line (MDaemon 20+, no session ids)', () => {
    const lines = [
      'Tue 2026-08-18 00:00:48.993: 05: Session 09012313; child 0001',
      'Tue 2026-08-18 00:00:48.993: 05: Accepting SMTP connection from 203.0.113.10:45584 to 192.168.0.10:25',
      'Tue 2026-08-18 00:00:49.052: 03: --> 220 mail.example.com ESMTP MDaemon 24.5.0',
      'Tue 2026-08-18 00:00:49.100: 02: <-- EHLO WIN-3KD8S',
      'Tue 2026-08-18 00:00:49.101: 03: --> 250 mail.example.com Hello WIN-3KD8S',
      'Tue 2026-08-18 00:00:49.200: 02: <-- AUTH LOGIN',
      'Tue 2026-08-18 00:00:49.201: 03: --> 334 VXNlcm5hbWU6',
      'Tue 2026-08-18 00:00:49.300: 02: <-- dXNlcg==',
      'Tue 2026-08-18 12:10:38.432: 03: --> 535 5.7.8 Authentication failed',
      'Tue 2026-08-18 12:10:39.000: 05: SMTP session terminated (Bytes in/out: 120/300)',
    ];
    const r = parseMdaemon(lines);
    expect(r.sessions).toHaveLength(1);
    const s = r.sessions![0];
    expect([s.id, s.clientIp, s.serverIp, s.helo?.name]).toEqual(['09012313', '203.0.113.10', '192.168.0.10', 'WIN-3KD8S']);
    // the base64 answer to AUTH's challenge continues AUTH: the 535 answers the login, after EHLO
    expect(s.replies.find((x) => x.code === 535)).toMatchObject({ stage: 'helo', line: 9 });
  });
  it('splits untagged sessions at the dash separator and at a new connection', () => {
    const lines = [
      'Wed 2018-04-25 00:00:34: Accepting SMTP connection from [198.51.100.44:2767] to [192.0.2.2:25]',
      'Wed 2018-04-25 00:00:34: --> 220 mail.example.com ESMTP',
      'Wed 2018-04-25 00:00:35: <-- EHLO a.example.net',
      'Wed 2018-04-25 00:00:35: ----------',
      'Wed 2018-04-25 00:01:34: Accepting SMTP connection from [203.0.113.99:4444] to [192.0.2.2:25]',
      'Wed 2018-04-25 00:01:34: --> 554 5.7.1 Go away',
      'Wed 2018-04-25 00:02:00: Accepting SMTP connection from [203.0.113.98:4445] to [192.0.2.2:25]',
      'Wed 2018-04-25 00:02:00: --> 220 mail.example.com ESMTP',
      '----------',
    ];
    const r = parseMdaemon(lines);
    expect(r.sessions!.map((s) => [s.clientIp, s.startLine, s.endLine])).toEqual([
      ['198.51.100.44', 1, 3],
      ['203.0.113.99', 5, 6],
      ['203.0.113.98', 7, 8],
    ]);
    expect(r.unknownLines).toBe(0);
  });
  it('reads an outbound session of MDaemon 20+ ("*  Connection established", refusal naming our IP)', () => {
    const lines = [
      'Mon 2021-03-01 10:00:00.120: 02: [1234] Session 00001234; child 0001; thread 4567',
      'Mon 2021-03-01 10:00:00.121: 02: [1234] Parsing message <d:\\mdaemon\\queues\\remote\\md5000000123.msg>',
      'Mon 2021-03-01 10:00:00.122: 02: [1234] *  From: sender@example.com',
      'Mon 2021-03-01 10:00:00.151: 02: [1234] Attempting SMTP connection to [mx1.example.net:25]',
      'Mon 2021-03-01 10:00:00.152: 02: [1234] Waiting for socket connection...',
      'Mon 2021-03-01 10:00:00.200: 02: [1234] *  Connection established (192.0.2.10:51234 -> 203.0.113.25:25)',
      'Mon 2021-03-01 10:00:00.300: 02: [1234] <-- 220 mx1.example.net ESMTP Postfix',
      'Mon 2021-03-01 10:00:00.301: 02: [1234] --> EHLO mail.example.com',
      'Mon 2021-03-01 10:00:00.350: 02: [1234] <-- 250 8BITMIME',
      'Mon 2021-03-01 10:00:00.401: 02: [1234] --> RCPT To:<user@example.net>',
      'Mon 2021-03-01 10:00:00.500: 02: [1234] <-- 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org',
    ];
    expect(looksLikeMdaemon(lines)).toBeGreaterThan(0.5);
    const r = parseMdaemon(lines);
    const s = r.sessions![0];
    expect([s.direction, s.serverIp, s.remoteHost]).toEqual(['outbound', '203.0.113.25', 'mx1.example.net']);
    expect(s.replies.at(-1)).toMatchObject({ code: 554, stage: 'rcpt', line: 11 });
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
