// A forwarded message's block on top of a paste, recognised by shape in any language
// (src/core/text/forward-block.ts), and what the readers then see. Forms from the mail
// clients' own output: Thunderbird (separator, then Subject/Date/From/To with a tab),
// Gmail ("---------- Forwarded message ---------", From/Date/Subject/To), Outlook (no
// separator: From/Sent/To/Subject), each in the client's language.

import { describe, expect, it } from 'vitest';
import { forwardBlockOnTop, withoutForwardBlock } from '../../../src/core/text/forward-block';
import { analyze } from '../../../src/core/index';

const BODY = [
  '',
  'This is the mail system at host mx.example.net.',
  '',
  '<a@example.org>: host mx.example.org[192.0.2.7] said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
];

const FORMS: [string, string[]][] = [
  [
    'German Thunderbird',
    [
      '-------- Weitergeleitete Nachricht --------',
      'Betreff: \tUnzustellbar: Angebot',
      'Datum: \tMon, 30 Nov 2026 09:14:02 +0100',
      'Von: \tMail Delivery System <MAILER-DAEMON@mx.example.de>',
      'An: \tb@example.de',
    ],
  ],
  [
    'French Gmail',
    [
      '---------- Message transféré ---------',
      'De : Mail Delivery System <MAILER-DAEMON@mx.example.fr>',
      'Date : lun. 30 nov. 2026 à 09:14',
      'Objet : Non remis : Facture',
      'À : <c@example.fr>',
    ],
  ],
  [
    'Russian',
    [
      '-------- Пересылаемое сообщение --------',
      'От: Anna <anna@example.ru>',
      'Кому: buh@example.ru',
      'Дата: Понедельник, 30 ноября 2026, 09:14 +03:00',
      'Тема: Письмо не доходит',
    ],
  ],
  [
    'Japanese without separator, after prose',
    [
      'お世話になっております。以下のエラーで戻ってきます。',
      '',
      '差出人: Anna <anna@example.jp>',
      '日付: 2026年11月30日 9:14',
      '件名: 配信不能',
    ],
  ],
  [
    'Dutch Outlook without separator',
    [
      'Van: Mail Delivery System <MAILER-DAEMON@mx.example.nl>',
      'Verzonden: maandag 30 november 2026 09:14',
      'Aan: a@example.nl',
      'Onderwerp: Onbestelbaar: Factuur',
    ],
  ],
  [
    'Italian after prose',
    [
      'Ciao, mi torna indietro questa mail:',
      '',
      'Da: Mail Delivery System <MAILER-DAEMON@mx.example.it>',
      'Inviato: lunedì 30 novembre 2026 09:14',
      'A: ufficio@example.it',
      'Oggetto: Non recapitabile',
    ],
  ],
];

describe('forward block by shape', () => {
  it.each(FORMS)('%s: found, and blanked with the prose before it', (_name, block) => {
    const lines = [...block, ...BODY];
    const b = forwardBlockOnTop(lines);
    expect(b).not.toBeNull();
    expect(b!.end).toBe(block.length);
    const out = withoutForwardBlock(lines);
    expect(out).toHaveLength(lines.length);
    expect(out.slice(0, block.length).every((l) => l === '')).toBe(true);
    expect(out.slice(block.length)).toEqual(BODY);
  });

  it.each([
    [
      'a message’s own header section',
      ['From: a@example.org', 'To: b@example.net', 'Date: Mon, 30 Nov 2026 09:14:02 +0100', 'Subject: hi', ...BODY],
    ],
    ['a header section with its own fields', ['Received: from x', 'Von: a@example.org', 'Datum: 30.11.2026 09:14', 'Betreff: x', ...BODY]],
    ['fields without an address', ['----- Original -----', 'Betreff: x', 'Datum: 30.11.2026 09:14', 'Status: 5.1.1', ...BODY]],
    [
      'a log line before the fields',
      ['Mar  4 10:16:10 mx1 postfix/smtp[1]: x', '', 'Von: a <a@example.de>', 'Datum: 30.11.2026 09:14', 'Betreff: x', ...BODY],
    ],
    ['a block with nothing after it', ['---- Forwarded ----', 'From: a <a@example.org>', 'Date: 30.11.2026 09:14', 'Subject: x']],
    [
      'a DSN’s per-recipient fields',
      [
        'Final-Recipient: rfc822; a@example.org',
        'Action: failed',
        'Status: 5.1.1',
        'Last-Attempt-Date: Mon, 30 Nov 2026 09:14:02 +0100',
        ...BODY,
      ],
    ],
  ])('not a forward block: %s', (_name, lines) => {
    expect(forwardBlockOnTop(lines)).toBeNull();
    expect(withoutForwardBlock(lines)).toBe(lines);
  });

  it('keeps the block for a bounce reader, dropping only the prose', () => {
    const lines = [
      'Ciao, mi torna indietro:',
      '',
      '-------- Messaggio Inoltrato --------',
      'Oggetto: x',
      'Data: lun, 30 nov 2026 09:14',
      'Mittente: <MAILER-DAEMON@mx.example.it>',
      ...BODY,
    ];
    const out = withoutForwardBlock(lines, true);
    expect(out.slice(0, 2)).toEqual(['', '']);
    expect(out.slice(2)).toEqual(lines.slice(2));
  });
});

describe('a log forwarded in another language is read as the log', () => {
  const log =
    'Mar  4 10:16:10 mx1 postfix/smtp[2211]: A1B2C3D4E5: to=<a@example.org>, relay=mx.example.org[192.0.2.7]:25, status=bounced (host mx.example.org[192.0.2.7] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))';
  it.each([
    [
      'Japanese',
      [
        'お世話になっております。',
        '',
        '-------- Forwarded Message --------',
        '件名: \tメール送信エラー',
        '日付: \t2026年11月30日 9:14',
        '差出人: \tAnna <anna@example.jp>',
        '宛先: \tb@example.jp',
        '',
        log,
      ],
    ],
    [
      'German',
      [
        'Hallo, siehe unten:',
        '',
        'Von: Anna <anna@example.de>',
        'Gesendet: Montag, 30. November 2026 09:14',
        'An: b@example.de',
        'Betreff: Mail kommt nicht an',
        '',
        log,
      ],
    ],
  ])('%s', async (_name, lines) => {
    const r = await analyze(lines.join('\n'), { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.inputs.map((i) => i.kind)).toEqual(['postfix-log']);
    expect(r.rejections[0]).toMatchObject({ reason: 'userunknown', stage: 'rcpt', line: lines.length });
  });
});

describe("a reply under a colleague's forward is read as the reply alone", () => {
  // the block is about the colleague's own mail (no daemon, no bounce subject): not the notice's headers —
  // the reply keeps the stage its own words give it (X.1.7: the sender's address, MAIL FROM)
  const reply = '501 5.1.7 Bad address mailbox syntax.';
  it.each([
    [
      'German Thunderbird',
      ['Hallo, siehe unten:', '', '-------- Weitergeleitete Nachricht --------', 'Betreff: \tMail kommt nicht an', 'Datum: \tMon, 30 Nov 2026 09:14:02 +0100', 'Von: \tAnna <anna@example.de>', 'An: \tb@example.de'],
    ],
    [
      'English Outlook without separator',
      ['From: Anna <anna@example.com>', 'Sent: Monday, November 30, 2026 9:14 AM', 'To: b@example.com', 'Subject: mail does not go out'],
    ],
    [
      'Outlook rule of underscores',
      ['________________________________', 'From: Anna <anna@example.com>', 'Sent: Monday, November 30, 2026 9:14 AM', 'To: b@example.com', 'Subject: mail does not go out'],
    ],
  ])('%s', async (_name, block) => {
    const r = await analyze([...block, '', reply].join('\n'), { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections[0]).toMatchObject({ code: 501, enhanced: '5.1.7', stage: 'mail', reason: 'rejected' });
    // the block's addresses are nobody's failed recipient
    expect(r.rejections[0].recipient ?? null).toBeNull();
  });

  it("a forwarded bounce's block (a daemon's From) still stands for the bounce's headers", async () => {
    const lines = [...FORMS[0][1], ...BODY];
    const r = await analyze(lines.join('\n'), { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(r.rejections[0]).toMatchObject({ reason: 'userunknown', stage: 'rcpt', recipient: 'a@example.org' });
  });
});
