// The transformations of the metamorphic run (scripts/conformance/variants/transforms.ts): each
// does what the program it imitates does, and nothing else.

import { describe, expect, it } from 'vitest';
import {
  codeFence,
  crlf,
  lineNumbers,
  quoteWrapped,
  smartQuotes,
  forwardedIn,
  htmlEscape,
  htmlEscapeLines,
  inJsonLog,
  quote,
  redactHosts,
  redactIps,
  rewrap,
  shellEscape,
  stripSyslogPrefix,
  tabsForSpaces,
  trailingWhitespace,
  withProseAndSignature,
  withoutBlankLines,
  VARIANTS,
} from '../../../scripts/conformance/variants/transforms';

const LOG =
  'Mar  4 10:16:10 mx1 postfix/smtp[2211]: 4F1: to=<a@example.org>, relay=mx.example.org[192.0.2.7]:25, status=bounced (host mx.example.org[192.0.2.7] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))';

describe('quote', () => {
  it.each([
    ['a\n\nb', 1, '> a\n>\n> b'],
    ['a\nb', 2, '>> a\n>> b'],
    ['a\r\nb', 1, '> a\n> b'],
  ])('%j depth %i', (text, depth, out) => expect(quote(text, depth)).toBe(out));
});

describe('rewrap', () => {
  it('breaks a long line at the last space before the width, the rest unindented', () => {
    const out = rewrap(LOG, 72).split('\n');
    expect(out.length).toBeGreaterThan(3);
    expect(out.every((l) => l.length <= 72)).toBe(true);
    expect(out.join(' ')).toBe(LOG);
  });
  it('leaves short lines and words longer than the width alone', () => {
    expect(rewrap('short line', 72)).toBe('short line');
    const word = 'x'.repeat(100);
    expect(rewrap(word, 72)).toBe(word);
  });
});

describe('JSON, shell and HTML escaping', () => {
  it('escapes as Go encoding/json does, inside one log line', () => {
    const out = inJsonLog('550 <a@b.example> "x"\nnext\tline');
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toContain('550 \\u003ca@b.example\\u003e \\"x\\"\\nnext\\tline');
    expect(JSON.parse(out).error).toBe('550 <a@b.example> "x"\nnext\tline');
  });
  it("writes bash's $'…' with \\n and \\'", () => {
    expect(shellEscape("it's\nok\\")).toBe("+ echo $'it\\'s\\nok\\\\'");
  });
  it('writes entities and <br> on one line, or <br /> per line', () => {
    expect(htmlEscape(`<a@b> & 'x' "y"\nz\n`)).toBe('<div class="post-body"><p>&lt;a@b&gt; &amp; &#39;x&#39; &quot;y&quot;<br>z</p></div>');
    expect(htmlEscapeLines('a<b\nc')).toBe('a&lt;b<br />\nc<br />');
  });
});

describe('redaction', () => {
  it('redacts the poster’s own hosts and addresses, not public receivers or blocklists', () => {
    const t = 'host mx.customer-shop.de[192.0.2.7] said: 554 blocked using zen.spamhaus.org; from=<info@customer-shop.de> to=<x@gmail.com>';
    expect(redactHosts(t, 'redacted')).toBe(
      'host [redacted][192.0.2.7] said: 554 blocked using zen.spamhaus.org; from=<[redacted]@[redacted]> to=<x@gmail.com>',
    );
    expect(redactHosts(t, 'example')).toContain('host mx.example.com[192.0.2.7]');
    expect(redactHosts(t, 'stars')).toContain('from=<***@***>');
    expect(redactHosts(t, 'redacted', ['customer-shop.de'])).toBe(t);
  });
  it('leaves file names, versions and numbers alone', () => {
    const t = 'see main.cf and smtplib.py, version 3.4.13, 1.2.3';
    expect(redactHosts(t)).toBe(t);
  });
  it.each([
    ['xxx', 'client [xxx.xxx.xxx.xxx] at 10:16:10'],
    ['redacted', 'client [[redacted]] at 10:16:10'],
    ['partial', 'client [198.51.*.*] at 10:16:10'],
  ] as const)('IPs as %s', (style, out) => expect(redactIps('client [198.51.100.4] at 10:16:10', style)).toBe(out));
  it('redacts IPv6 addresses, not times', () => {
    expect(redactIps('from [2001:db8::25] at 10:16:10', 'stars')).toBe('from [***] at 10:16:10');
  });
});

describe('syslog prefix', () => {
  it.each([
    [LOG, LOG.replace('Mar  4 10:16:10 mx1 postfix/smtp[2211]: ', '')],
    ['2024-05-01T10:00:00.123+02:00 mail sm-mta[99]: x: stat=Sent', 'x: stat=Sent'],
    ['2024-05-01 10:00:00 [123] 1abc-00 ** a@b.example R=dnslookup', '1abc-00 ** a@b.example R=dnslookup'],
    ['550 5.1.1 user unknown', '550 5.1.1 user unknown'],
  ])('%s', (line, out) => expect(stripSyslogPrefix(line)).toBe(out));
});

describe('forwarded in another language', () => {
  it('puts prose and a localized block above; a notice gets the daemon as sender', () => {
    const out = forwardedIn('Delivery Status Notification (Failure)\n550 5.1.1', 'de').split('\n');
    expect(out[0]).toMatch(/^Hallo/);
    expect(out).toContain('Von: \tMail Delivery System <MAILER-DAEMON@mx.example.de>');
    expect(out.slice(-2)).toEqual(['Delivery Status Notification (Failure)', '550 5.1.1']);
  });
  it('a log is forwarded by a colleague', () => {
    const out = forwardedIn(LOG, 'ja');
    expect(out).toContain('差出人: \tAnna Schmidt <anna.schmidt@example.jp>');
    expect(out).toContain('件名: \t取引先へのメール送信エラー');
  });
});

describe('copy artefacts', () => {
  it('CRLF, tabs, trailing blanks, prose and signature', () => {
    expect(crlf('a\nb')).toBe('a\r\nb');
    expect(tabsForSpaces('  Status: 5.1.1\nx  y')).toBe('\tStatus: 5.1.1\nx\ty');
    expect(tabsForSpaces('Status: 5.1.1')).toBe('Status:\t5.1.1');
    expect(trailingWhitespace('a\nb\n\nc')).toBe('a \t\nb   \n\nc   ');
    const p = withProseAndSignature('550 x\n').split('\n');
    expect(p[0]).toMatch(/^Hi, my mail bounces/);
    expect(p).toContain('550 x');
    expect(p).toContain('-- ');
  });
  it('every variant is named once', () => {
    const names = VARIANTS.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('web and word-processor forms', () => {
  it('quotes and rewraps at 72 columns with the mark counted, every piece quoted', () => {
    const out = quoteWrapped(LOG, 72).split('\n');
    expect(out.length).toBeGreaterThan(3);
    expect(out.every((l) => l.startsWith('> ') && l.length <= 72)).toBe(true);
    expect(out.map((l) => l.slice(2)).join(' ')).toBe(LOG);
  });
  it('fences a paste with ``` lines, the opening one with a tag or none', () => {
    const out = codeFence('550 x\nline 2\n\n').split('\n');
    expect(out[0]).toMatch(/^```(?:|text|console|log|shell)$/);
    expect(out.slice(1)).toEqual(['550 x', 'line 2', '```']);
  });
  it.each([
    [`He said "no" -- it's 'x'`, 'He said \u201Cno\u201D \u2013 it\u2019s \u2018x\u2019'],
    [`{'a@b': (550, b'5.1.1 x')}`, '{\u2018a@b\u2019: (550, b\u20195.1.1 x\u2019)}'],
    ['swaks --server mx a--b', 'swaks --server mx a\u2014b'],
    ['no quotes here', 'no quotes here'],
  ])('smart quotes: %s', (text, out) => expect(smartQuotes(text)).toBe(out));
  it('numbers every line from 1, as "1 " or "1: "', () => {
    const out = lineNumbers('a\n\nb\n').split('\n');
    expect(out.length).toBe(3);
    expect([
      ['1 a', '2 ', '3 b'],
      ['1: a', '2: ', '3: b'],
    ]).toContainEqual(out);
  });
});

describe('withoutBlankLines', () => {
  it.each([
    ['blank lines between blocks go', 'a\n\nb\n \nc', 'a\nb\nc'],
    ["the paste's last line break stays", 'a\n\nb\n', 'a\nb\n'],
    ['a text without blank lines is unchanged', 'a\nb', 'a\nb'],
  ])('%s', (_n, text, out) => expect(withoutBlankLines(text)).toBe(out));
});
