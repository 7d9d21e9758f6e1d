// A paste wrapped whole by a mail client or a forum (issue 11 point 1, mechanism "unwrap not undone"):
// src/core/text/wrap.ts finds the width the paste was wrapped at and joins the lines it broke, and
// analyze() reads those lines (every reader at once), line numbers still the paste's.

import { describe, expect, it } from 'vitest';
import { unwrapSoftBreaks, wrapWidth } from '../../../src/core/text/wrap';
import { analyze } from '../../../src/core/index';
import { rewrap } from '../../../scripts/conformance/variants/transforms';

/** A client's soft wrap, as the metamorphic run makes it (scripts/conformance/variants/transforms.ts), as lines. */
const wrap = (text: string, width: number): string[] => rewrap(text, width).split('\n');

const EXIM =
  'R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<a@example.de>: host mx.example.de [2001:db8::8:115]: 550-inconsistent or no DNS PTR record for 2001:db8:849::aa:ef7d (see RFC 1912 2.1)';
const POSTFIX =
  'NOQUEUE: reject: RCPT from unknown[192.168.0.227]: 504 5.5.2 <NPIF65E56>: Helo command rejected: need fully-qualified hostname; from=<scan@example.com> to=<scan@example.com> proto=ESMTP helo=<NPIF65E56>';
const DOCKER =
  'postfix-mailcow_1    | Feb  8 20:30:05 mail postfix/smtpd[17756]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 450 4.7.1 Client host rejected: cannot find your reverse hostname';
const NODE = [
  '{ Error: Invalid login: 535 Error: authentication failed',
  '    at SMTPConnection._formatError (C:\\Users\\me\\app\\node_modules\\smtp-connection\\lib\\smtp-connection.js:528:15)',
  '    at SMTPConnection._actionAUTHComplete (C:\\Users\\me\\app\\node_modules\\smtp-connection\\lib\\smtp-connection.js:1231:30)',
  "  code: 'EAUTH',",
  "  response: '535 Error: authentication failed',",
  '  responseCode: 535,',
  "  command: 'AUTH PLAIN' }",
].join('\n');

const longest = (lines: string[]) => lines.reduce((m, l) => Math.max(m, l.length), 0);

describe('the width a paste was wrapped at', () => {
  it.each([
    ['a line wrapped at 72 (its longest line sets the width)', wrap(POSTFIX, 72), longest(wrap(POSTFIX, 72))],
    ['the same at 78', wrap(POSTFIX, 78), longest(wrap(POSTFIX, 78))],
    ['a word longer than the line kept whole does not count against it', ['a'.repeat(40) + ' ' + 'b'.repeat(31), 'c'.repeat(120)], 72],
    ['breaks only before words longer than any line: only 100 is sure', wrap(NODE, 72), 100],
  ])('%s', (_n, lines, width) => expect(wrapWidth(lines)).toBe(width));

  it.each([
    ['a line longer than 100 columns with spaces in it', [POSTFIX]],
    ['lines of 150 columns (a log as written)', [POSTFIX + ' ' + POSTFIX.slice(0, 40)]],
  ])('none: %s', (_n, lines) => expect(wrapWidth(lines)).toBeNull());
});

describe('the breaks undone', () => {
  it.each([
    ['an Exim line without its timestamp, wrapped at 72', wrap(EXIM, 72), [EXIM]],
    ['a Postfix message without its prefix, wrapped at 64', wrap(POSTFIX, 64), [POSTFIX]],
    ['a stack frame whose (file:line) went to the next line', wrap(NODE, 72), NODE.split('\n')],
    ["a line that ends with its program's tag: the message that looks like a field is its continuation", wrap(DOCKER, 72), [DOCKER]],
    [
      'an error box listing its fields inline: a field a break put at a line start continues the list',
      [
        "Assunto: 'Teste', Conta: 'Teste', Servidor: 'smtp.example.com.br', Protocolo: SMTP, Resposta do",
        "Servidor: '553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)', Porta: 25",
      ],
      [
        "Assunto: 'Teste', Conta: 'Teste', Servidor: 'smtp.example.com.br', Protocolo: SMTP, Resposta do Servidor: '553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)', Porta: 25",
      ],
    ],
    [
      'a label a break put between two lines of prose ("Error:", "RBL:"): it continues the line before',
      [
        'Failed to send e-mail for job: jk94f2d8y0q: someone@example.com.tr:',
        'Error: Can\'t send mail - all recipients were rejected: 550-"JunkMail',
        'rejected - (localhost.localdomain) [192.0.2.1]:44964 is in an 550',
        'RBL: https://www.spamhaus.org/query/ip/192.0.2.1"',
      ],
      [
        'Failed to send e-mail for job: jk94f2d8y0q: someone@example.com.tr: Error: Can\'t send mail - all recipients were rejected: 550-"JunkMail rejected - (localhost.localdomain) [192.0.2.1]:44964 is in an 550 RBL: https://www.spamhaus.org/query/ip/192.0.2.1"',
      ],
    ],
    [
      'a DSN block whose Diagnostic-Code a client broke onto lines that are neither fields nor folds',
      [
        'Final-Recipient: rfc822; admin@example.co.in',
        'Action: failed',
        'Status: 4.0.0',
        "Diagnostic-Code: smtp; DNS Error: 1965958 DNS type 'mx' lookup of",
        'example.co.in responded with code NOERROR',
        'Last-Attempt-Date: Wed, 18 Jul 2018 10:54:19 -0700 (PDT)',
      ],
      [
        'Final-Recipient: rfc822; admin@example.co.in',
        'Action: failed',
        'Status: 4.0.0',
        "Diagnostic-Code: smtp; DNS Error: 1965958 DNS type 'mx' lookup of example.co.in responded with code NOERROR",
        'Last-Attempt-Date: Wed, 18 Jul 2018 10:54:19 -0700 (PDT)',
      ],
    ],
  ])('%s', (_n, lines, want) => expect(unwrapSoftBreaks(lines)?.lines).toEqual(want));

  it('a wrapped paste quoted and wrapped again: both wraps undone, the quote marks kept', () => {
    const twice = wrap(
      wrap(POSTFIX, 76)
        .map((l) => '> ' + l)
        .join('\n'),
      72,
    );
    expect(twice.some((l) => !l.startsWith('>'))).toBe(true);
    expect(unwrapSoftBreaks(twice)?.lines).toEqual(['> ' + POSTFIX]);
  });

  it('a quote whose lines are short is left as it is', () => {
    expect(unwrapSoftBreaks(['> Hi,', '> the mail to Anna bounced.', '> Tom'])).toBeNull();
  });

  it('keeps each line where the paste has it', () => {
    const u = unwrapSoftBreaks(['intro', '', ...wrap(EXIM, 72), '', ...wrap(POSTFIX, 72)])!;
    expect(u.origin).toEqual([1, 2, 3, 7, 8]);
  });

  // each of these lines is a record of its own, however full the line before it is
  it.each([
    [
      "a header block whose lines are all fields or folds (RFC 5322 folding is the message reader's)",
      [
        'Final-Recipient: rfc822; admin@example.co.in',
        'Action: failed',
        "Diagnostic-Code: smtp; DNS Error: 1965958 DNS type 'mx' lookup of example.co.in had",
        ' no relevant answers.',
      ],
    ],
    [
      'labels in a run after prose (a list of fields): each its own line',
      [
        'The server wrote these details about the last delivery attempt it made:',
        'Error: 4.4.1 connection timed out while talking to the remote mail server',
        'Server: mx.example.net',
      ],
    ],
    [
      'a multi-line reply',
      [
        '550-5.7.1 [192.0.2.1] The IP you are using to send mail is not authorized',
        '550-5.7.1 to send email directly to our servers. Please use the SMTP relay at',
        '550 5.7.1 your service provider instead. Learn more at https://support.example',
      ],
    ],
    ['DSN fields', ['Diagnostic-Code: smtp; 550 5.1.1 <someone@example.org>: Recipient address', 'Status: 5.1.1', 'Action: failed']],
    [
      'a field after a line that lists no fields inline (a header block)',
      ['Subject: Undelivered Mail Returned to Sender, the second attempt of the day here', 'Date: Mon, 30 Nov 2026 09:14:02 +0100'],
    ],
    [
      'indented continuations',
      [
        'host mx.example.org[192.0.2.1] said: 550 5.1.1 <someone@example.org>: Recipient',
        '    address rejected: User unknown in virtual mailbox table (in reply to RCPT',
      ],
    ],
    [
      'timestamped log lines',
      [
        'May 11 11:33:24 mail postfix/smtp[1050]: A23D128724C: to=<a@example.org>, relay=x',
        'May 11 11:33:25 mail postfix/smtp[1050]: A23D128724C: removed',
      ],
    ],
    ['short lines (nothing was wrapped)', ['Hi, my mail bounces.', 'Any idea why?', 'Thanks']],
    [
      "qmail's lines, each opening with its TAI64N stamp",
      [
        '@400000005f1b2c3d0a1b2c3d starting delivery 3: msg 88 to remote bob@example.net',
        '@400000005f1b2c3d0a1b2c3e delivery 3: deferral: Unable_to_run_qmail-remote./',
      ],
    ],
    [
      'lines that open alike (a list)',
      Array.from({ length: 4 }, (_v, i) => `Line ${i} of a long note about our mail server migration plans, for all`),
    ],
    [
      'sentences that end where the line ends',
      [
        'The server at the other end closed the connection before the greeting.',
        "Nothing was sent, so your message wasn't refused by its words at all.",
      ],
    ],
  ])('not joined: %s', (_n, lines) => expect(unwrapSoftBreaks(lines)).toBeNull());
});

describe('a wrapped paste is read as its lines were written', () => {
  const now = () => new Date('2026-12-01T00:00:00Z');
  it.each([
    ['an Exim line without its timestamp (was read as a bounce)', wrap(EXIM, 72), 'exim-log', { code: 550, reason: 'requireptr', line: 1 }],
    ['a Postfix message without its prefix (was not recognised)', wrap(POSTFIX, 72), 'postfix-log', { code: 504, line: 1 }],
    [
      "nodemailer's error with its frames wrapped (the reply ran on into the frames)",
      wrap(NODE, 72),
      'bounce',
      { code: 535, reason: 'securityerror' },
    ],
    [
      'a Postfix message wrapped, quoted in a reply and wrapped again',
      wrap(
        wrap(POSTFIX, 76)
          .map((l) => '> ' + l)
          .join('\n'),
        72,
      ),
      'postfix-log',
      { code: 504, line: 1 },
    ],
  ])('%s', async (_n, lines, kind, rejection) => {
    const r = await analyze(lines.join('\n'), { now });
    expect(r.inputs.map((i) => i.kind)).toEqual([kind]);
    expect(r.rejections[0]).toMatchObject(rejection);
  });

  it('a refusal on a later line keeps its line number in the paste', async () => {
    const lines = ['Hello, this comes back:', '', ...wrap(POSTFIX, 72)];
    const r = await analyze(lines.join('\n'), { now });
    expect(r.rejections[0]).toMatchObject({ code: 504, line: 3 });
  });
});

// The choice between the lines as pasted and their unwrapped reading (analyze.ts preferUnwrapped): by what
// each reading recognised of the failure, not by which reader is surer of the shape.
describe('a wrapped paste: the reading that recognises the refusal is the one read', () => {
  const now = () => new Date('2026-12-01T00:00:00Z');
  // an Exim debug trace (exim -d): its "SMTP<<" lines look like a transcript's; wrapped at 100, the
  // reply's and the LOG line's ends go to lines of their own and the transcript reader finds no refusal
  const EXIM_DEBUG = [
    ' 308 T: remote_smtp for anna@example.org',
    '  308 Connecting to us-smtp-inbound-1.examples.com [192.0.2.250]:25 ... connected',
    '  308   SMTP<< 220 us-smtp-1.examples.com ESMTP; Thu, 01 Oct 2020 13:57:11 -0400',
    '',
    '...',
    '',
    '  308   SMTP<< 451 Internal resource temporarily unavailable - https://community.examples.com/docs/DOC-1369#451 [AB12CD]',
    '  308 LOG: MAIN',
    '  308   H=us-smtp-inbound-1.examples.com [192.0.2.250]: SMTP error from remote mail server after RCPT TO:<anna@example.org>: 451 Internal resource temporarily unavailable - https://community.examples.com/docs/DOC-1369#451 [AB12CD]',
    '  308   SMTP>> QUIT',
    '  308   SMTP(close)>>',
  ].join('\n');
  // a bare reply a client broke in two: as pasted, a transcript's reply line and a line after it
  const BARE =
    '554 IP=<Ihre.IP.Adresse> - None/bad reputation. Ask your postmaster for help or to contact <postmaster@mx.example.de> for reset. (NOWL)';
  // an Outlook error box (Portuguese): one line of "Campo: valor" pairs; wrapped at 64, a break puts
  // "Servidor: '553 …'" at a line start (text/wrap.ts INLINE_FIELDS: it continues the list)
  const BOX =
    "A mensagem não pôde ser enviada porque um de seus destinatários foi recusado pelo servidor. O endereço de email recusado era 'ana@example.com.br'. Assunto: 'Teste', Conta: 'Teste', Servidor: 'smtp.example.com.br', Protocolo: SMTP, Resposta do Servidor: '553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)', Porta: 25, Secure Sockets Layer (SSL): Não, Erro do Servidor: 553, Número do Erro: 0x800CCC79.";
  it.each([
    ['an Exim debug trace wrapped at 100: its unwrapped lines show the 451', wrap(EXIM_DEBUG, 100), 'bounce', { code: 451, stage: 'rcpt' }],
    ['a bare reply broken in two: read as the bare reply it was, not a transcript', wrap(BARE, 72), 'bounce', { code: 554 }],
    ['the same reply unbroken', [BARE], 'bounce', { code: 554 }],
    ['an error box wrapped at 64, a field at a line start: its unwrapped lines show the 553', wrap(BOX, 64), 'bounce', { code: 553 }],
    // nullmailer's short records, one of them full enough that a width would join the next to it: the lines
    // as pasted keep the refusal the joined ones lose, so they are read (analyze.ts preferUnwrapped)
    [
      'nullmailer records a client wrapped at 72: the refusal on its own line is kept',
      [
        'Starting delivery: host: smtp.example.com protocol: smtp file:',
        '1635188050.26893',
        'From: <root@example.org (fcron)> to: <someone@example.net>',
        'Message-Id: <1635188050.541402.26892.nullmailer@host.example.org>',
        'smtp: Failed: 553 Relaying disallowed as root@example.org (fcron)',
        'Sending failed: Permanent error in sending the message',
      ],
      'nullmailer-log',
      { code: 553 },
    ],
  ])('%s', async (_n, lines, kind, rejection) => {
    const r = await analyze(lines.join('\n'), { now });
    expect(r.inputs.map((i) => i.kind)).toEqual([kind]);
    expect(r.rejections[0]).toMatchObject(rejection);
  });
});
