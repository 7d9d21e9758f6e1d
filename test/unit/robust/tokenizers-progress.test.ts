// Issue 10, point 1: no loop without progress. Every hand-written tokenizer
// and scanner over input is fed every ASCII character (and some non-ASCII)
// alone, in runs, and inside the places it usually stands; each runs in a
// worker thread with a time limit, so a loop that stops advancing fails the
// test with the input that caused it instead of hanging the test run.

import { describe, expect, it } from 'vitest';
import { runBounded } from '../../support/bounded';
import { parseAddressList } from '../../../src/core/mail/address';
import { tokenizeStructured } from '../../../src/core/mail/structured';
import { parseAuthResults } from '../../../src/core/mail/authres';
import { analyze } from '../../../src/core/analyze';

const NON_ASCII = ['é', '\u00a0', '\u2028', '\u200b', '\ufeff', '😀', '\ud800', 'ß', '中'];
const CHARS = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), ...NON_ASCII];

/** Each character alone, in a run, and inside the shapes a header value or log field takes. */
function charInputs(templates: string[] = []): string[] {
  const out: string[] = [];
  for (const c of CHARS) {
    out.push(c, c.repeat(64), `a${c}b`, `x ${c} y`, `"${c}`, `(${c}`, `<${c}`, `[${c}`, `${c})`, `${c}]`, `a@b${c}`);
    for (const t of templates) out.push(t.replaceAll('%', c), t.replaceAll('%', c.repeat(16)));
  }
  return out;
}

const src = (p: string) => new URL(`../../../src/core/${p}`, import.meta.url);

// every hand-written scanner over input text, with the places its input usually takes
const SCANNERS: { module: string; fn: string; templates?: string[]; extra?: unknown[] }[] = [
  { module: 'mail/address.ts', fn: 'parseAddressList', templates: ['Support Team % <s@shop.example>', '"a" <b@c>%, d@e', 'g: a@b%;'] },
  { module: 'mail/structured.ts', fn: 'tokenizeStructured', templates: ['mx.example; spf=pass % smtp.mailfrom=a@b', 'a=(b%c) d'] },
  { module: 'mail/authres.ts', fn: 'parseAuthResults', templates: ['mx.example; spf=pass (%) smtp.mailfrom=a@b; dkim=fail%'] },
  {
    module: 'mail/received-tokens.ts',
    fn: 'tokenize',
    templates: ['from a (b [1.2.3.4]%) by c with ESMTPS id %; Mon, 1 Jan 2024 00:00:00 +0000'],
  },
  { module: 'mail/received-tokens.ts', fn: 'splitReceived', templates: ['from a (b%) by c; %'] },
  {
    module: 'mail/received.ts',
    fn: 'parseReceived',
    templates: ['from a (b [1.2.3.4]) by c (%) with % id %; Mon, 1 Jan 2024 00:00:00 +0000'],
  },
  { module: 'mail/received-spf.ts', fn: 'parseReceivedSpf', templates: ['pass (%) client-ip=1.2.3.4; envelope-from="%"'] },
  { module: 'mail/date.ts', fn: 'checkDateField', templates: ['Mon, 1 Jan 2024 00:00:00 +0000 (%)', '% 1 Jan 2024'] },
  { module: 'mail/read.ts', fn: 'decodeHeader', templates: ['=?utf-8?q?%?= =?utf-8?b?%?='] },
  { module: 'parse/bounce/decode.ts', fn: 'decodeEncodedWords', templates: ['=?utf-8?q?%?=', '=?%?q?a?='] },
  { module: 'parse/bounce/decode.ts', fn: 'decodeQuotedPrintableLine', templates: ['=%', 'a=3%='] },
  { module: 'parse/bounce/mime.ts', fn: 'parseContentType', templates: ['multipart/report; report-type="%"; boundary=%'] },
  { module: 'text/csv.ts', fn: 'csvFields', templates: ['a,"%",b', '"%""'] },
  { module: 'parse/exchange-tracking.ts', fn: 'recipientStatuses', templates: ['550 5.1.1 %;550 %', '[{LRT=%};{LED=550 %}]'] },
  { module: 'auth/spf/macro.ts', fn: 'parseMacroString', templates: ['%{i}.%', '%{%}'] },
  { module: 'auth/spf/parse.ts', fn: 'parseSpfRecord', templates: ['v=spf1 include:% ip4:% -all', 'v=spf1 exists:%{ir}.%'] },
  { module: 'text/tag-list.ts', fn: 'parseTagList', templates: ['v=1; a=%; b=%;'] },
  { module: 'text/tag-list.ts', fn: 'decodeDkimQuotedPrintable', templates: ['=%', 'a=3%'] },
  { module: 'auth/dmarc/record.ts', fn: 'parseDmarcRecord', templates: ['v=DMARC1; p=%; rua=mailto:%'] },
  { module: 'dns/names.ts', fn: 'normalizeIP', templates: ['1.2.3.%', '::%:1', '[%]'] },
  { module: 'parse/smtp-dialogue.ts', fn: 'parseReplyLine', templates: ['550 5.7.1 %', '250-%'] },
  {
    module: 'parse/postfix/line.ts',
    fn: 'readPostfixLine',
    templates: ['Jan  1 00:00:00 mx postfix/smtpd[1]: %', '2024-01-01T00:00:00 mx postfix/smtp[%]: A: to=<%>'],
  },
];

describe('every tokenizer and scanner ends on every character', () => {
  for (const s of SCANNERS) {
    it(`${s.module} ${s.fn}`, async () => {
      const inputs = charInputs(s.templates).map((x) => [x]);
      const r = await runBounded(src(s.module), s.fn, inputs, 20_000);
      expect(r.hungOn, `${s.fn} never ended on ${JSON.stringify(r.hungOn)}`).toBeUndefined();
      expect(r.finished).toBe(true);
      expect(r.threw.map((t) => `${JSON.stringify(t.args)}: ${t.error}`)).toEqual([]);
    }, 30_000);
  }
});

describe('what a stray ")" or "]" means', () => {
  it('a smiley in a display name: the address is read and the ")" is reported', () => {
    const r = parseAddressList('Support Team :) <s@shop.example>', false);
    expect(r.mailboxes.map((m) => m.address)).toEqual(['s@shop.example']);
    expect(r.problems.map((p) => p.text).join(' | ')).toMatch(/"\)" that closes no comment/);
  });
  it('a stray "]" is reported, the address kept', () => {
    const r = parseAddressList('a] <a@b.example>');
    expect(r.mailboxes.map((m) => m.address)).toEqual(['a@b.example']);
    expect(r.problems.map((p) => p.text).join(' | ')).toMatch(/"\]" that closes no domain literal/);
  });
  it('a stray ")" in Authentication-Results does not hide the results after it', () => {
    const r = parseAuthResults('mx.example; spf=pass ) smtp.mailfrom=a@b.example; dkim=pass header.d=b.example');
    expect(r.results.map((x) => `${x.method}=${x.result}`)).toEqual(['spf=pass', 'dkim=pass']);
    expect(tokenizeStructured('a)b').map((t) => t.text)).toEqual(['a', ')', 'b']);
  });
  it('a whole message with such a From: is diagnosed, the ")" named in the address step', async () => {
    const text = [
      'From: Support Team :) <s@shop.example>',
      'To: a@b.example',
      'Date: Mon, 1 Jan 2024 00:00:00 +0000',
      'Message-ID: <x@shop.example>',
      'Authentication-Results: mx.b.example; spf=pass ) smtp.mailfrom=shop.example',
      'Subject: hi',
      '',
      'body',
    ].join('\n');
    // in a worker first: before the fix this never ended
    const bounded = await runBounded(src('analyze.ts'), 'analyze', [[text]], 20_000);
    expect(bounded.finished).toBe(true);
    const report = await analyze(text);
    const step = report.checklist.find((s) => s.rule === 'headers.invalid-address');
    expect(step?.status).toBe('fail');
    expect(JSON.stringify(step)).toMatch(/closes no comment/);
  }, 30_000);
});

describe('a field broken thousands of times over', () => {
  it('says each kind of problem once or a few times, not once per character', () => {
    const dots = parseAddressList(`${'1.2.3.'.repeat(2000)} <a@b.example>`);
    expect(dots.problems.filter((p) => /unquoted "\."/.test(p.text))).toHaveLength(1);
    const colons = parseAddressList(`${':'.repeat(5000)} <a@b.example>`);
    expect(colons.problems.length).toBeLessThanOrEqual(21);
    expect(colons.problems.at(-1)?.text).toMatch(/and \d+ more problems/);
  });
});
