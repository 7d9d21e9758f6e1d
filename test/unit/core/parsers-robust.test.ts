import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARSERS } from '../../../src/core/parse/registry';
import { chooseParser } from '../../../src/core/parse/registry';
import { splitLines } from '../../../src/core/text/lines';

const dir = new URL('../../fixtures/logs/', import.meta.url);
const fixtures = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8'));

/** A deterministic scramble: lines of every fixture cut, shuffled and mixed with noise. */
function scrambled(seed: number): string[] {
  let x = seed;
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const pool = fixtures.flatMap((t) => splitLines(t));
  const noise = [
    '',
    '\u0000',
    '-->',
    '<--',
    ':',
    '550',
    '5.7.1',
    'Content-Type: multipart/report; boundary="',
    '--',
    '{"notificationType":"Bounce"',
    '=?utf-8?B?',
    '#Fields:',
  ];
  return Array.from({ length: 200 }, () => {
    const l = rnd(3) ? pool[rnd(pool.length)] : noise[rnd(noise.length)];
    return rnd(4) ? l : l.slice(0, rnd(l.length + 1));
  });
}

describe('parsers never throw on bad input', () => {
  it.each(PARSERS.map((p) => [p.kind, p] as const))('%s', (_k, p) => {
    for (let seed = 1; seed <= 30; seed++) {
      const lines = scrambled(seed);
      expect(() => p.detect(lines)).not.toThrow();
      const r = p.parse(lines, lines.join('\n'), { exactBytes: false });
      expect(
        r.warnings.some((w) => /could not read this input/.test(w)),
        `${p.kind} seed ${seed}: ${r.warnings.join(' ')}`,
      ).toBe(false);
    }
  });
});

describe('detection', () => {
  it.each([
    [
      'message',
      [
        'Received: from a (a [192.0.2.1]) by b; Mon, 1 Jul 2024 10:00:00 +0000',
        'From: a@example.com',
        'To: b@example.org',
        'Subject: hi',
        'Date: Mon, 1 Jul 2024 10:00:00 +0000',
      ],
    ],
    [
      'mdaemon-log',
      [
        'Mon 2007-06-11 09:14:02: Session 1; child 1',
        'Mon 2007-06-11 09:14:02: Accepting SMTP connection from [192.0.2.1 : 1234]',
        'Mon 2007-06-11 09:14:02: --> 220 mx ESMTP',
      ],
    ],
    ['postfix-log', ['Mar  4 10:16:10 mx1 postfix/smtpd[2100]: connect from unknown[192.0.2.45]']],
    ['unknown', ['hello', 'world']],
  ])('%s', (kind, lines) => {
    const { parser } = chooseParser(lines);
    expect(parser?.kind ?? 'unknown').toBe(kind);
  });

  // A bounce quoted under a header block whose daemon sender the poster redacted: the mail system's own
  // notice template in the text is the second sign, so no header-only message reading wins
  const redactedBounce = (opening: string) => [
    '> From [redacted]@[redacted]',
    '> To: info@example.com',
    '> Re: Undelivered Mail Returned to Sender',
    '> ',
    `> ${opening}`,
    '> ',
    '> b@example.net: host mx.example.net[192.0.2.2]',
    '>     said: 550 5.7.1 Client host rejected: cannot find your hostname, [192.0.2.1] (in reply to RCPT TO command)',
  ];
  it.each([
    ['Postfix', 'This is the mail system at host [redacted].', 'bounce'],
    ['qmail', 'Hi. This is the qmail-send program at [redacted].', 'bounce'],
    ['Exim', 'This message was created automatically by mail delivery software.', 'bounce'],
    // (a person's words about a bounce are no template: the header block stays the surer reading)
    ['a person', 'I got this when I wrote to the list, can someone help?', 'message'],
  ])('a quoted %s notice under a redacted sender', (_who, opening, kind) => {
    expect(chooseParser(redactedBounce(opening)).parser?.kind).toBe(kind);
  });
});
