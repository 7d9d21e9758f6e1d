// The reply finder (parse/replies/) and the readable view it works on
// (text/view.ts): a server's reply is found wherever a paste holds it, with
// its codes, words, stage and input line; text that only looks like one is
// not taken for a reply.
import { describe, expect, it } from 'vitest';
import { findReplies } from '../../../src/core/parse/replies';
import { readableView } from '../../../src/core/text/view';

const lines = (s: string) => s.split('\n');

interface Want {
  code: number | null;
  enhanced: string | null;
  text: RegExp;
  stage?: string;
  line?: number;
  recipient?: string;
}

describe('findReplies: a reply wherever it sits', () => {
  const cases: [string, string, Want][] = [
    [
      'Swift/Symfony Mailer: got code, with message',
      'Expected response code 250 but got code "550", with message "550 5.7.64 TenantAttribution; Relay Access Denied [X.outlook.com]',
      { code: 550, enhanced: '5.7.64', text: /^TenantAttribution; Relay Access Denied/ },
    ],
    [
      'Swift Mailer RCPT check names the stage',
      'Expected response code 250/251/252 but got code "553", with message "553 5.7.1 <a@b.example>: Sender address rejected: not owned by user c@b.example"',
      { code: 553, enhanced: '5.7.1', text: /Sender address rejected: not owned/, stage: 'rcpt' },
    ],
    [
      'Python smtplib: the dict of refused recipients',
      "SMTPRecipientsRefused: {'bob@example.net': (550, b'5.1.1 <bob@example.net>: Recipient address rejected: User unknown')}",
      { code: 550, enhanced: '5.1.1', text: /User unknown$/, stage: 'rcpt', recipient: 'bob@example.net' },
    ],
    [
      'Python smtplib: SMTPSenderRefused with escaped continuation lines',
      "> SMTPSenderRefused\n> (552, b\"5.2.3 Your message exceeded Google's message size limits. Please visit\\n5.2.3  https://support.google.com/mail/?p=MaxSizeError to view our size\\n5.2.3 guidelines. x - gsmtp\", 'a@b.example')",
      { code: 552, enhanced: '5.2.3', text: /^Your message exceeded .* to view our size guidelines\. x - gsmtp$/, stage: 'mail', line: 2 },
    ],
    [
      'JavaMail: SMTPAddressFailedException',
      'javax.mail.SendFailedException: Invalid Addresses;\n  nested exception is:\n\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <x@y.example>: Recipient address rejected: \n User unknown in virtual mailbox table\n\n\tat com.sun.mail.smtp.SMTPTransport.rcptTo(SMTPTransport.java:2079)',
      { code: 550, enhanced: '5.1.1', text: /Recipient address rejected: User unknown in virtual mailbox table$/, stage: 'rcpt', line: 3 },
    ],
    [
      '.NET: the status sentence names the code, the stack trace the command',
      'System.Net.Mail.SmtpException: Exceeded storage allocation. The server response was: Message too big\n   at System.Net.Mail.DataStopCommand.CheckResponse(SmtpStatusCode statusCode, String serverResponse)',
      { code: 552, enhanced: null, text: /^Message too big$/, stage: 'end-of-data' },
    ],
    [
      'nodemailer: the error message and its response field are one reply',
      "{ Error: Message failed: 550 Error reading data, max message size exceeded\n    at SMTPConnection._formatError (/app/node_modules/smtp-connection/lib/smtp-connection.js:466:15)\n  code: 'EMESSAGE',\n  response: '550 Error reading data, max message size exceeded',\n  responseCode: 550 }",
      { code: 550, enhanced: null, text: /^Error reading data, max message size exceeded$/, stage: 'end-of-data' },
    ],
    [
      "Exchange: Remote Server returned '…'",
      "Remote Server at mx.example.org (192.0.2.9) returned '550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent.'",
      { code: 550, enhanced: '5.7.1', text: /^Unfortunately, messages from \[192\.0\.2\.1\] weren't sent\.$/ },
    ],
    [
      'Exchange 2010: #550 … ##',
      'bob@example.net\nmx.example.net #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##',
      { code: 550, enhanced: '5.1.1', text: /^RESOLVER\.ADR\.RecipNotFound; not found$/ },
    ],
    [
      'a lone DSN block, quoted, without a code',
      '> Final-Recipient: rfc822; admin@domain.tld\n> Action: failed\n> Status: 5.4.6\n> Diagnostic-Code: X-Postfix; mail for domain.tld loops back to myself',
      { code: null, enhanced: '5.4.6', text: /^mail for domain\.tld loops back to myself$/, recipient: 'admin@domain.tld', line: 4 },
    ],
    [
      'a Diagnostic-Code folded over lines',
      'Diagnostic-Code: smtp; 550 5.1.1 <m@k.example>: Recipient address\n    rejected: User unknown in virtual alias table',
      { code: 550, enhanced: '5.1.1', text: /Recipient address rejected: User unknown in virtual alias table$/ },
    ],
    [
      'a JSON-escaped string (\\n, \\")',
      '{"errorMessage":"send failed: \\"550-5.7.1 [192.0.2.1] Our system has detected\\n550 5.7.1 unusual traffic. - gsmtp\\""}',
      { code: 550, enhanced: '5.7.1', text: /Our system has detected unusual traffic\. - gsmtp$/ },
    ],
    [
      'an HTML-escaped bounce',
      '&lt;<a href="mailto:a@b.example">a@b.example</a>&gt;: host mx.b.example[192.0.2.7] said: 550 5.1.1<br>\n    &lt;a@b.example&gt;: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      { code: 550, enhanced: '5.1.1', text: /Recipient address rejected: User unknown$/, stage: 'rcpt', line: 1 },
    ],
    [
      'a reply whose first line the paste cut off (inline continuation prefixes)',
      'The IP address sending this message does not have a 550-5.7.25 PTR record setup. As a policy, Gmail does not accept messages 550-5.7.25 from IPs with missing PTR records.',
      {
        code: 550,
        enhanced: '5.7.25',
        text: /^The IP address sending this message does not have a PTR record setup\. .* from IPs with missing PTR records\.$/,
      },
    ],
    [
      'a quoted string whose first line holds no code',
      "'Unauthenticated email from yahoo.com is not accepted due to domain\\'s\\n550-5.7.1 DMARC policy'",
      { code: 550, enhanced: '5.7.1', text: /^Unauthenticated email from yahoo\.com is not accepted due to domain's DMARC policy$/ },
    ],
    [
      'a Postfix paragraph wrapped at 72 columns with the stage at its end',
      '<x@y.example>: host mx.y.example[192.0.2.5] said: 550\n    5.7.1 Service unavailable; Client host [192.0.2.1] blocked using\n    zen.spamhaus.org (in reply to RCPT TO command)',
      {
        code: 550,
        enhanced: '5.7.1',
        text: /^Service unavailable; Client host \[192\.0\.2\.1\] blocked using zen\.spamhaus\.org$/,
        stage: 'rcpt',
        recipient: 'x@y.example',
      },
    ],
    [
      'a Postfix log line without its syslog prefix',
      'to=<u@x.example>, relay=mx.x.example[192.0.2.3]:25, status=bounced (host mx.x.example[192.0.2.3] said: 552 5.2.2 Quota exceeded (in reply to end of DATA command))',
      { code: 552, enhanced: '5.2.2', text: /^Quota exceeded$/, stage: 'end-of-data', recipient: 'u@x.example' },
    ],
    [
      'an OpenSMTPD trace: "<<<" lines with a shared prefix, before EHLO (the greeting)',
      'mta: 0xea6710: <<< 554-mx.example (mx8) ESMTP Service not available\nmta: 0xea6710: <<< 554 Bad DNS PTR resource record.\nmta: 0xea6710: MTA_BANNER -> MTA_EHLO\nmta: 0xea6710: >>> EHLO me.example',
      {
        code: 554,
        enhanced: null,
        text: /^mx\.example \(mx8\) ESMTP Service not available Bad DNS PTR resource record\.$/,
        stage: 'connect',
      },
    ],
    [
      'redacted host names and IPs are kept as written',
      'host [redacted] said: 554 5.7.1 Client host [xxx.xxx.xxx.xxx] blocked using *** (in reply to RCPT TO command)',
      { code: 554, enhanced: '5.7.1', text: /^Client host \[xxx\.xxx\.xxx\.xxx\] blocked using \*\*\*$/, stage: 'rcpt' },
    ],
    [
      'a device that logs only the code',
      '#[dcs(27)]16/03/01 20:39:28 SMTPC: received error code. [550] (8000)  ERR:',
      { code: 550, enhanced: null, text: /^$/ },
    ],
    [
      "Postfix's restriction words without a code",
      '> Recipient address rejected: unverified address: unknown mail transport error;',
      { code: null, enhanced: null, text: /^Recipient address rejected: unverified address: unknown mail transport error$/, stage: 'rcpt' },
    ],
    [
      'a transcript on one line',
      'Debug | >> RCPT TO:<u@y.example>  << 553 5.7.1 <u@y.example>: Sender address rejected: not owned by user a@y.example  >> RSET  << 250 2.0.0 Ok',
      { code: 553, enhanced: '5.7.1', text: /^<u@y\.example>: Sender address rejected: not owned by user a@y\.example$/, stage: 'rcpt' },
    ],
    [
      'a reply glued to words of a language without spaces',
      '[error] 邮件投递失败550 5.7.25 [2001:db8::69] The IP address sending this message does not\n5.7.25 have a PTR record setup.',
      { code: 550, enhanced: '5.7.25', text: /^\[2001:db8::69\] The IP address sending this message does not have a PTR record setup\.$/ },
    ],
    [
      'a library that joins the code to the words with a colon (MailCore)',
      '> 550: 5.7.1 Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137',
      { code: 550, enhanced: '5.7.1', text: /^Message rejected due to local policy\./ },
    ],
    [
      'a colon after the code, the "#" form of the enhanced code',
      '550: #5.1.0 Address rejected',
      { code: 550, enhanced: '5.1.0', text: /^Address rejected$/ },
    ],
    [
      'a colon after the code, no enhanced code',
      '550: not local sender over smtp',
      { code: 550, enhanced: null, text: /^not local sender over smtp$/ },
    ],
    // a sentence's full stop after the enhanced code (a university relay's "421 4.5.1. Connection Rate")
    [
      'a full stop after the enhanced code',
      '421 4.5.1. Connection Rate - See https://[redacted]/email/',
      { code: 421, enhanced: '4.5.1', text: /^Connection Rate - See/ },
    ],
    [
      'a full stop after a lone enhanced code',
      'The mail server responded : 4.5.1. Connection Rate',
      { code: null, enhanced: '4.5.1', text: /^Connection Rate$/ },
    ],
  ];
  it.each(cases)('%s', (_name, paste, want) => {
    const found = findReplies(lines(paste));
    expect(found.length).toBeGreaterThan(0);
    const f = found[0];
    expect({ code: f.code, enhanced: f.enhanced }).toEqual({ code: want.code, enhanced: want.enhanced });
    expect(f.text).toMatch(want.text);
    if (want.stage) expect(f.stage).toBe(want.stage);
    if (want.line) expect(f.line).toBe(want.line);
    if (want.recipient) expect(f.recipient).toBe(want.recipient);
  });

  it.each([
    // a colon after the number only joins a code to its words at the start of a reply: a line number, a port or a
    // time in prose stays no reply
    ['Line 550: the loop never ends here'],
    ['listening on 0.0.0.0:550: ok'],
  ])('takes no reply from a number with a colon in prose: %s', (paste) => {
    expect(findReplies(lines(paste)).filter((f) => f.code === 550)).toEqual([]);
  });

  it('reads several replies pasted together, each with its own IP', () => {
    const found = findReplies(
      lines(
        '550 5.7.1 Service unavailable, Client host [198.51.100.41] blocked using Spamhaus.\n\n451 4.7.650 The mail server [198.51.100.138] has been temporarily rate limited due to IP reputation.',
      ),
    );
    expect(found.map((f) => [f.code, f.enhanced, f.ip])).toEqual([
      [550, '5.7.1', '198.51.100.41'],
      [451, '4.7.650', '198.51.100.138'],
    ]);
  });

  it('keeps two replies on one line apart (.NET: the wrapper sentence, then the server error)', () => {
    const found = findReplies(
      lines(
        'The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.3 Authentication unsuccessful.',
      ),
    );
    expect(found.map((f) => [f.code, f.enhanced])).toEqual([
      [530, '5.7.57'],
      [535, '5.7.3'],
    ]);
  });

  it('reads a code the client names without the words as a reply of that code', () => {
    expect(findReplies(lines('Expected response code 250 but got code "550"')).map((f) => [f.code, f.text])).toEqual([[550, '']]);
  });

  it('counts a reply quoted twice (the wrapper quotes it again) once', () => {
    const found = findReplies(
      lines(
        'Caused by: com.sun.mail.smtp.SMTPAddressFailedException: 454 4.7.1 <a@b.example>: Relay access denied\n;\nCaused by: com.sun.mail.smtp.SMTPAddressFailedException: 454 4.7.1 <a@b.example>: Relay access denied',
      ),
    );
    expect(found).toHaveLength(1);
  });

  it.each([
    ['prose with numbers', 'Our 550 employees wrote 4.2 million messages last year.'],
    ['a key=value and a date', 'delay=450, delays=0.1/0/0/0, dsn=2.0.0, status=sent 2024-05-01 10:00:00'],
    ['an IPv6 address', 'connect to [2a00:1450:4013:c07::1b]:25'],
    ['an error number in hex', 'Error Number: 0x800CCC0E, Port 25'],
    ['an HTTP status', 'HTTP/1.1 503 Service Unavailable'],
    ['a code field', 'Server Error: 550, Error Number: 0x800CCC79'],
    ['a version number', 'Postfix 3.5.13 on Debian 5.10.0'],
    // (a dot then a digit makes a longer number: no enhanced code, whatever follows)
    ['a dotted number of four parts', 'Version 4.5.1.2 now available'],
  ])('finds no reply in %s', (_name, text) => {
    expect(findReplies(lines(text))).toEqual([]);
  });

  it('a dot and a digit after an enhanced-looking code: a longer number, not the enhanced code', () => {
    expect(findReplies(lines('550 5.1.1.4 mailbox gone')).map((f) => f.enhanced)).not.toContain('5.1.1');
  });
});

describe('readableView: escapes, markup and quotes undone, line numbers kept', () => {
  it('splits a JSON string at its escaped line breaks; every piece keeps its input line', () => {
    const v = readableView(['first', '{"m":"a\\nb \\u003cc@d\\u003e \\"q\\""}']);
    expect(v.lines).toEqual(['first', '{"m":"a', 'b <c@d> "q""}']);
    expect(v.origin).toEqual([1, 2, 2]);
    expect(v.undone).toContain('escapes');
  });
  it('turns HTML into text: entities decoded, tags dropped, <br> a line break; an address in brackets is no tag', () => {
    const v = readableView(['&lt;<a href="mailto:a@b.example">a@b.example</a>&gt;: said:<br>550 x', '<a@b.example> &#39;ok&#39;']);
    expect(v.lines).toEqual(['<a@b.example>: said:', '550 x', "<a@b.example> 'ok'"]);
    expect(v.origin).toEqual([1, 1, 2]);
  });
  it('undoes Markdown links and bold, and a line in backticks', () => {
    expect(readableView(['<**[a@b.example](mailto:a@b.example)**>: x', '`550 5.1.1 y`']).lines).toEqual([
      '<a@b.example>: x',
      '550 5.1.1 y',
    ]);
  });
  it('takes off quote marks but keeps the >>> and <<< of a transcript', () => {
    expect(readableView(['> > 550 x', '>>> RCPT TO:<a@b>', '<<< 550 5.1.1 no']).lines).toEqual([
      '550 x',
      '>>> RCPT TO:<a@b>',
      '<<< 550 5.1.1 no',
    ]);
  });
  it('drops the blank lines of a double-spaced paste, not real paragraph breaks', () => {
    const v = readableView(['a said:', '', '  550-5.7.26 x', '', '  550 5.7.26 y', '', '  (in reply to', '', '  DATA command)']);
    expect(v.lines).toEqual(['a said:', '  550-5.7.26 x', '  550 5.7.26 y', '  (in reply to', '  DATA command)']);
    expect(v.origin).toEqual([1, 3, 5, 7, 9]);
    expect(readableView(['a', '', 'b', 'c', '', '', 'd']).lines).toEqual(['a', '', 'b', 'c', '', '', 'd']);
  });
  it('leaves a Windows path alone', () => {
    expect(readableView(['C:\\temp\\new\\n.log failed: \\"x\\"']).lines).toEqual(['C:\\temp\\new\\n.log failed: \\"x\\"']);
  });
});

describe('a client library debug log is a transcript', () => {
  it('reads "Sent:" and "Got:" as the two sides of the dialogue', async () => {
    const { readEvidence } = await import('../../../src/core/analyze');
    const ev = readEvidence(
      [
        'Connecting to smtp.example.net at 465',
        'Got: 220 smtp.example.net ESMTP',
        'Sent: EHLO [redacted]',
        'Got: 250-smtp.example.net',
        'Got: 250 AUTH LOGIN PLAIN',
        'Sent: MAIL FROM:<>',
        'Got: 553 5.7.1 Sender address rejected: not owned by auth user.',
      ].join('\n'),
    );
    expect(ev.inputs[0].kind).toBe('smtp-transcript');
    expect(ev.rejections.map((r) => [r.code, r.enhanced, r.stage])).toEqual([[553, '5.7.1', 'mail']]);
  });
});

describe('a client that gives the basic code in brackets before the enhanced one', () => {
  it('"SMTP error: [451] 4.7.1 …" is the reply 451 4.7.1', () => {
    const [f] = findReplies(['SMTP error: [451] 4.7.1 Service unavailable - try again later.']);
    expect({ code: f.code, enhanced: f.enhanced, text: f.text }).toEqual({
      code: 451,
      enhanced: '4.7.1',
      text: 'Service unavailable - try again later.',
    });
  });
  it('a bracketed code whose class the enhanced code does not share is not taken', () => {
    const found = findReplies(['SMTP error: [250] 4.7.1 Service unavailable - try again later.']);
    expect(found.every((f) => f.code !== 250)).toBe(true);
  });
  it('a bracketed code without an enhanced code after it stays a code-only field', () => {
    const found = findReplies(['#[dcs(27)]16/03/01 20:39:28 SMTPC: received error code. [550] (8000)  ERR:']);
    expect(found.map((f) => [f.code, f.text])).toEqual([[550, '']]);
  });
});

describe("a webmail's error label that puts the server's code in parentheses or brackets (Roundcube's smtperror)", () => {
  it.each([
    ['SMTP Error (451): Temporary local problem - please try later', 451, /^Temporary local problem - please try later$/],
    ['Error SMTP (451): (Temporary local problem - please try later).', 451, /Temporary local problem - please try later/],
    ['Erro SMTP (550): Relay not permitted', 550, /^Relay not permitted$/],
    ['[SMTP error: [451] Temporary local problem]', 451, /^Temporary local problem/],
    ['Erro SMTP: [451] Temporary local problem - please try later', 451, /^Temporary local problem/],
  ])('%s → %i', (paste, code, text) => {
    const [f] = findReplies([paste]);
    expect(f?.code).toBe(code);
    expect(f?.text).toMatch(text);
  });

  it.each([
    // a code in parentheses after other words is no label's: still a field that names the code
    ['The server said (451): nothing more'],
    // a bracketed code field of a client log stays code-only
    ['SMTPC: received error code. [550] (8000)  ERR:'],
  ])('%s → not read as a labelled reply', (paste) => {
    const found = findReplies([paste]);
    expect(found.some((f) => f.text.length > 0 && f.via === 'opener' && /nothing more|8000/.test(f.text))).toBe(false);
  });

  it("keeps Roundcube's recipient error read at its enhanced code", () => {
    const [f] = findReplies(['SMTP Error (550): Failed to add recipient "a@b.example" (5.7.1 <a@b.example>: Relay access denied).']);
    expect(f?.enhanced).toBe('5.7.1');
  });
});

describe("PHPMailer's error without its full head: the words before 'SMTP code:', the enhanced code after 'Additional SMTP info:'", () => {
  it.each([
    // the head cut by a redaction, the code and its extra on one line
    [
      [
        'SMTP Error: data not [redacted] server error: DATA END command failed Detail: x1 Spam Rejected SMTP code: 550 Additional SMTP info: 5.2.0',
      ],
      550,
      '5.2.0',
    ],
    // wrapped by a mail client between "info:" and its code
    [
      [
        'SMTP Error: data not accepted.SMTP server error: DATA END command failed',
        'Detail: x1 Spam Rejected SMTP code: 550 Additional SMTP info:',
        '5.2.0',
      ],
      550,
      '5.2.0',
    ],
    // the extra of another class is no enhanced code of this reply
    [['Detail: x1 Spam Rejected SMTP code: 550 Additional SMTP info:', '4.2.0'], 550, null],
  ])('%j → %i %s', (paste, code, enhanced) => {
    const f = findReplies(paste).find((x) => x.code === code);
    expect(f?.text).toMatch(/Spam Rejected$/);
    expect(f?.enhanced ?? null).toBe(enhanced);
  });
});
