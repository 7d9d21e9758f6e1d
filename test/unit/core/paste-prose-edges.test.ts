// Two ways a paste hides its own log lines from a log reader's count (issue 11 point 1):
// - the poster's paragraphs around log lines that lost their timestamps (parse/paste.ts: without a
//   timestamp nothing marks where the log starts, so the question before and the thanks after
//   counted as lines no log reader knows);
// - quote marks that only show once a container is undone (text/view.ts: "\n>     <a@b>: host …"
//   in a JSON string, "&gt; …" in HTML).

import { describe, expect, it } from 'vitest';
import { preparePaste } from '../../../src/core/parse/paste';
import { readableView } from '../../../src/core/text/view';
import { analyze } from '../../../src/core/index';

const now = () => new Date('2026-12-01T00:00:00Z');
const EXIM =
  'R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<a@example.de>: host mx.example.de [192.0.2.8]: 550 inconsistent or no DNS PTR record for 192.0.2.1';
const POSTFIX =
  'NOQUEUE: reject: RCPT from unknown[192.168.0.227]: 504 5.5.2 <NPIF65E56>: Helo command rejected: need fully-qualified hostname; from=<scan@example.com> to=<scan@example.com> proto=ESMTP helo=<NPIF65E56>';
const ASK = 'Hi, my mail bounces with this and I have no idea why. Any help appreciated!';

describe("the poster's paragraphs around log lines without timestamps", () => {
  it.each([
    ['a question before, thanks and a name after', [ASK, '', EXIM, '', 'Thanks in advance,', 'Tom'], [0, 4, 5]],
    ['only a question before', [ASK, '', POSTFIX], [0]],
    ["in the poster's language", ["J'ai un problème avec les notifications, voici le log :", '', POSTFIX, '', 'Merci !'], [0, 4]],
  ])('%s: taken off', (_n, lines, gone) => {
    const p = preparePaste(lines).lines;
    expect(p.map((l, i) => (l ? -1 : i)).filter((i) => i >= 0 && lines[i])).toEqual(gone);
    expect(p.length).toBe(lines.length);
  });

  it.each([
    ['prose alone', [ASK, '', 'Thanks in advance,', 'Tom']],
    ['no prose', [EXIM]],
    ['a paragraph with a reply in it is no prose', ['The server said 550 and nothing else.', '', EXIM]],
    ['a paragraph with an address is no prose', ['Mail to a@example.org bounces:', '', EXIM]],
  ])('%s: kept', (_n, lines) => expect(preparePaste(lines).lines).toEqual(lines));

  it.each([
    ['an Exim line', EXIM, 'exim-log'],
    ['a Postfix message', POSTFIX, 'postfix-log'],
  ])('%s between the prose is read by its log reader', async (_n, line, kind) => {
    const r = await analyze([ASK, '', line, '', 'Thanks in advance,', 'Tom', '', '-- ', 'Tom Becker | IT Services'].join('\n'), { now });
    expect(r.inputs.map((i) => i.kind)).toEqual([kind]);
    expect(r.rejections[0]).toMatchObject({ line: 3 });
  });

  // a program's trace without timestamps before the timestamped log (OpenSMTPD "smtpd -T mta"): the log too,
  // only the poster's sentence before it goes
  const TRACE = [
    'mta: 0xea6710: MTA_INIT -> MTA_BANNER',
    'mta: 0xea6710: <<< 554-mx.example.net ESMTP Service not available',
    'mta: 0xea6710: <<< 554-Bad DNS PTR resource record.',
    'mta: 0xea6710: <<< 554 For explanation visit http://postmaster.example.net/en/error-messages?c=rdns',
    'mta: 0xea6710: MTA_BANNER -> MTA_EHLO',
    '',
    'Apr 25 06:41:25 leki smtpd[29104]: smtp-out: Connected on session 69738a26af1c7fa5',
    'Apr 25 06:41:25 leki smtpd[29104]: smtp-out: Error on session 69738a26af1c7fa5: Connection closed unexpectedly',
  ];
  it('a trace without timestamps before the log stays, the question before it goes', () => {
    const lines = [ASK, '', ...TRACE];
    const p = preparePaste(lines).lines;
    expect(p[0]).toBe('');
    expect(p.slice(2)).toEqual(TRACE);
  });
  it('the trace under a question is read with its refusal', async () => {
    const r = await analyze([ASK, '', ...TRACE].join('\n'), { now });
    expect(r.inputs.map((i) => i.kind)).toEqual(['opensmtpd-log']);
    expect(r.rejections[0]).toMatchObject({ code: 554, reason: 'requireptr', line: 4 });
  });
});

describe('quote marks inside a container', () => {
  it.each([
    ['in a JSON string', ['{"error":"\\n\\u003e     \\u003ca@example.org\\u003e: host mx.example.org said: 550 5.7.1 TLS\\n\\u003e         required by recipient"}']],
    ['in HTML', ['<p>&gt;     &lt;a@example.org&gt;: host mx.example.org said: 550 5.7.1 TLS<br>&gt;         required by recipient</p>']],
  ])('%s: taken off once the container is undone', (_n, lines) => {
    const v = readableView(lines);
    expect(v.lines.filter((l) => l.trim()).every((l) => !l.trimStart().startsWith('>'))).toBe(true);
    expect(v.undone).toContain('quotes');
  });

  it('a transcript’s ">>>" inside a string stays', () => {
    expect(readableView(['{"log":"session:\\n>>> RCPT TO:\\u003ca@example.org\\u003e\\n<<< 550 5.1.1 unknown"}']).lines).toContain('>>> RCPT TO:<a@example.org>');
  });

  it('the reply quoted in a JSON string keeps its words whole', async () => {
    const r = await analyze(
      '{"level":"error","msg":"send failed","error":"\\n\\u003e     \\u003ca@example.org\\u003e: host mx.example.org[192.0.2.7] said: 550 5.7.1 TLS\\n\\u003e         required by recipient (in reply to RCPT TO command)"}',
      { now },
    );
    expect(r.rejections[0]).toMatchObject({ code: 550, text: 'TLS required by recipient' });
  });
});
