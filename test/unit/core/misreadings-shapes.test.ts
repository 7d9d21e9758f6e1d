// Misreadings noticed in the eighth session (issue 11), each mended as a mechanism: the forms that must
// read the new way and the forms that must keep reading the old way.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { findReceiverKnowledge } from '../../../src/core/knowledge/replies';
import { findRefusalProblem } from '../../../src/core/knowledge/refusal-problems';
import { findReplies } from '../../../src/core/parse/replies/find';
import { detailNamedBy } from '../../../src/core/knowledge/enhanced-codes';
import { parseTranscript } from '../../../src/core/parse/transcript';
import { unescapedHtmlLines, wholeTexts } from '../../../src/core/text/view';

const first = async (text: string) => {
  const r = await analyze(text);
  return { r, step: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn') ?? null };
};

describe('RFC 3463 X.5.3 "Too many recipients" is a per-message limit, not a rate or a number of connections', () => {
  const facts = (code: number, enhanced: string | null, text: string) => ({
    code,
    enhanced,
    text,
    stage: 'rcpt' as const,
    hard: code >= 500,
  });
  it.each([
    [452, '4.5.3', 'Too many recipients'],
    [452, null, 'Too many recipients'],
    [552, '5.5.3', 'Too many recipients for this message'],
    [452, '4.5.3', 'Error: too much'],
    [550, null, 'Maximum number of recipients exceeded'],
  ])('%i %s %s → too-many-recipients', (code, enh, text) => {
    expect(findRefusalProblem(facts(code, enh, text))?.id).toBe('too-many-recipients');
  });
  it.each([
    [452, '4.5.3', 'Daily message limit exceeded'],
    [550, null, 'Too many recipients per hour from this sender'],
    [421, '4.7.0', 'Too many connections from your IP'],
    [550, '5.5.3', "sorry, that domain isn't in my list of allowed rcpthosts"],
  ])('%i %s %s → not it', (code, enh, text) => {
    expect(findRefusalProblem(facts(code, enh, text))?.id).not.toBe('too-many-recipients');
  });
  it('the step says to send fewer recipients per message', async () => {
    const { step } = await first(
      'Dec  1 10:00:00 mx postfix/smtp[1]: ABC123: to=<a@example.org>, relay=mx.example.org[192.0.2.7]:25, delay=1, status=deferred (host mx.example.org[192.0.2.7] said: 452 4.5.3 Too many recipients (in reply to RCPT TO command))',
    );
    expect(step?.rule).toBe('smtp.rate-limited');
    expect(step?.title).toMatch(/fewer recipients per message/);
    expect(step?.title).not.toMatch(/how fast/);
  });
});

describe("Gmail's SPF entry needs Gmail's own words: a bare X.7.27 is RFC 7505's null MX", () => {
  it.each([
    ['550 5.7.27 Sender address has null MX', null],
    ['550 5.7.27 rejected', null],
    ["550-5.7.27 Your email has been blocked because SPF authentication didn't pass for this message.", 'gmail'],
    ['550 5.7.27 SPF does not pass for example.org', 'gmail'],
  ])('%s', (text, who) => {
    const k = findReceiverKnowledge(text, 550, 'unknown');
    if (who) expect(k?.id).toMatch(/^gmail\./);
    else expect(k?.id ?? '').not.toMatch(/^gmail\./);
  });
});

describe("Outlook's NDR puts each recipient in single quotes: the quotes are no part of the address", () => {
  const NDR = (rcpt: string) =>
    [
      'Your message did not reach some or all of the intended recipients.',
      'Subject: Test 2',
      'Sent: 3/15/2010 6:23 AM',
      'The following recipient(s) could not be reached:',
      `${rcpt} on 3/15/2010 6:23 AM 550`,
      'No such user here',
    ].join('\n');
  it.each([
    ["'test@gmail.com'", 'test@gmail.com'],
    ['test@gmail.com', 'test@gmail.com'],
    ['"test@gmail.com"', 'test@gmail.com'],
  ])('%s → %s, its words without the date', async (rcpt, address) => {
    const r = await analyze(NDR(rcpt));
    expect(r.rejections[0].recipient).toBe(address);
    expect(r.rejections[0].text).not.toMatch(/3\/15\/2010/);
  });
});

describe('a field named like a command is no command: only MAIL FROM and RCPT TO take a colon (RFC 5321 §4.1.1)', () => {
  const commands = (lines: string[]) => parseTranscript(lines, lines.join('\n'), false).sessions![0].commands.map((c) => c.verb);
  it.each([
    [["  data: '550 5.7.1 <b@qq.com>... Relaying denied'"], []],
    [['  auth: { user: "a@b.example" }'], []],
    [['DATA'], ['DATA']],
    [['data'], ['DATA']],
    [['AUTH LOGIN'], ['AUTH']],
    [['MAIL FROM:<a@b.example>'], ['MAIL']],
    // a verb in lower case is a command only in the command's own shape (RFC 5321 §4.1.1)
    [['ehlo pc.example'], ['EHLO']],
    [['quit'], ['QUIT']],
    [['help or to contact <postmaster@mx.example.de> for reset. (NOWL)'], []],
    [['helo=<2.1.168.192.in-addr.arpa>'], []],
    [['HELP'], ['HELP']],
  ])('%j → %j', (lines, verbs) => {
    expect(commands(['220 mx.example ESMTP', 'EHLO pc', '250 ok', ...lines]).slice(1)).toEqual(verbs);
  });
});

describe('a number followed by a unit of size is a size, not a reply code', () => {
  it.each([
    ['550 MB limit exceeded', 0],
    ['Attachment upload failed: 450 KB limit reached', 0],
    ['552 bytes left', 0],
    ['550 5.1.1 user unknown', 1],
    ['host mx[192.0.2.1] said: 552 5.3.4 Message size exceeds fixed limit', 1],
  ])('%s → %i replies', (text, n) => expect(findReplies([text]).length).toBe(n));
  it('a size text alone is no bounce', async () => {
    const r = await analyze('550 MB limit exceeded');
    expect(r.rejections).toEqual([]);
  });
});

describe("a page's HTML escapes are undone line for line before a log reader reads its fields", () => {
  it.each([
    [
      ['a helo=&lt;pc&gt;<br />', 'b &amp; c<br />'],
      ['a helo=<pc>', 'b & c'],
    ],
    [['<p>x &lt;y&gt;</p>'], ['x <y>']],
    [['plain helo=<pc>'], null],
    [['one<br>two &lt;x&gt;'], null],
  ])('%j → %j', (lines, out) => expect(unescapedHtmlLines(lines)).toEqual(out));
  it("a Postfix log in a page's source: the HELO name, not '&lt'", async () => {
    const line =
      'Dec  3 10:00:01 mx postfix/smtpd[2211]: NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 504 5.5.2 &lt;pc&gt;: Helo command rejected: need fully-qualified hostname; from=&lt;a@b.example&gt; to=&lt;c@d.example&gt; proto=ESMTP helo=&lt;pc&gt;<br />';
    const r = await analyze(line);
    const helo = r.checklist.find((s) => s.rule === 'helo.invalid');
    expect(helo?.title).toMatch(/"pc"/);
    expect(JSON.stringify(r.checklist)).not.toMatch(/"&lt"/);
  });
});

describe('a refusal in the shapes of notices and help pages: a status name, qmail\'s "(#x.y.z)", words alone', () => {
  it.each([
    ['ROUTING SERVER FAILURE', '4.3'],
    ['Directory server failure.', '4.3'],
    ['Mailbox full', '2.2'],
    ['Bad destination mailbox address', '1.1'],
    ['  Network congestion  ', '4.5'],
    ['Mailbox full of letters', null],
    ['The mailbox is full', null],
    ['server failure', null],
  ])('%j names detail %s', (text, detail) => expect(detailNamedBy(text)).toBe(detail));

  it.each([
    ['ROUTING SERVER FAILURE', '5.4.3', 'networkerror'],
    ['Mailbox full', '5.2.2', 'mailboxfull'],
    ['Bad destination mailbox address', '5.1.1', 'userunknown'],
    ['Delivery temporarily suspended:\nMail system congestion', '4.4.5', 'systemfull'],
  ])('a paste that is only a status name: %j → %s, %s', async (text, enhanced, reason) => {
    const r = await analyze(text);
    expect(r.rejections[0]).toMatchObject({ enhanced, reason });
  });

  it('a status name inside a long text is no refusal of its own', () => {
    const prose = Array.from({ length: 20 }, (_v, i) => `Line ${i} of a long post about something else.`);
    expect(findReplies([...prose, 'Mailbox full'])).toEqual([]);
  });

  it.each([
    ['This message is looping: it already has my Delivered-To line. (#5.4.6)', '5.4.6', 'smtp.mail-loop'],
    ['Sorry, no mailbox here by that name. (#5.1.1)', '5.1.1', 'smtp.recipient-unknown'],
  ])("qmail's status after its words: %s", async (text, enhanced, rule) => {
    const { r, step } = await first(text);
    expect(r.rejections[0]).toMatchObject({ code: null, enhanced });
    expect(step?.rule).toBe(rule);
  });

  it.each([
    ['550 5.7.1 can not accept user (#5.7.1)', 550],
    ['see issue (#5.1.1)', null],
  ])('not a qmail status of its own: %s', (text, code) => {
    const found = findReplies([text]);
    if (code === null) expect(found).toEqual([]);
    else expect(found[0]?.code).toBe(code);
  });

  it.each([
    ['Forged sender domain from this server', 'rejected', 'smtp.sender-invalid'],
    ['Sender address is forged', 'rejected', 'smtp.sender-invalid'],
  ])('words alone that name a forged sender: %s', async (text, reason, rule) => {
    const { r, step } = await first(text);
    expect(r.rejections[0]?.reason).toBe(reason);
    expect(step?.rule).toBe(rule);
  });

  // the same shapes as the whole of a string an application logged or a shell printed (text/view.ts wholeTexts)
  it.each([
    ['{"level":"error","msg":"send failed","error":"ROUTING SERVER FAILURE"}', '5.4.3'],
    ["+ echo $'ROUTING SERVER FAILURE'", '5.4.3'],
    ['{"level":"error","error":"This message is looping: it already has my Delivered-To line. (#5.4.6)"}', '5.4.6'],
    ["+ echo $'Sorry, no mailbox here by that name. (#5.1.1)'", '5.1.1'],
  ])('inside a string, whole: %s → %s', async (text, enhanced) => {
    const r = await analyze(text);
    expect(r.rejections[0]).toMatchObject({ code: null, enhanced });
  });

  it.each([
    ['a status name inside a longer string', '{"error":"the ROUTING SERVER FAILURE was logged twice"}'],
    ["qmail's status inside a longer string", '{"error":"see issue (#5.1.1) for the log"}'],
  ])('not whole in its string: %s', (_n, text) => expect(findReplies([text])).toEqual([]));

  it.each([
    ['a JSON record', '{"msg":"send failed","error":"Mailbox full"}', ['{"msg":"send failed","error":"Mailbox full"}', 'send failed', 'Mailbox full']],
    ['a shell string, unescaped', "+ echo $'it\\'s full'", ["+ echo $'it\\'s full'", "it's full"]],
    ['no string with a space', '{"a":"b"}', ['{"a":"b"}']],
  ])('wholeTexts: %s', (_n, line, want) => expect(wholeTexts(line)).toEqual(want));

  it('words alone that name no refusal stay unread', async () => {
    const r = await analyze('Forged in the fires of Mount Doom');
    expect(r.rejections).toEqual([]);
  });
});
