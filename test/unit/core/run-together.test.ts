// Log records whose line breaks a web form or a chat took away (issue 11 point 1): text/run-together.ts cuts a
// line that holds several records at each record's start, and analyze() reads those records, line numbers still
// the paste's.

import { describe, expect, it } from 'vitest';
import { splitRunTogether } from '../../../src/core/text/run-together';
import { analyze } from '../../../src/core/index';

const SENT =
  'May  1 22:47:57 mx1 postfix/smtp[12145]: 59027A0B50: to=<anna@example.org>, relay=mx.example.org[192.0.2.11]:25, delay=8, delays=0.02/0.01/6/2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)';
const REJECT =
  'May  1 22:55:38 mx1 postfix/smtpd[12347]: NOQUEUE: reject: RCPT from mail.example.org[192.0.2.11]: 454 4.7.1 <list@example.net>: Relay access denied; from=<anna@example.org> to=<list@example.net> proto=ESMTP helo=<mail.example.org>';
const CONNECT = 'May  1 22:55:37 mx1 postfix/smtpd[12347]: connect from mail.example.org[192.0.2.11]';
const SENDMAIL =
  'Jun 12 09:14:01 gw sm-mta[4411]: 5BC9E1a2004411: to=<bob@example.net>, delay=00:00:02, mailer=esmtp, relay=mx.example.net. [192.0.2.7], dsn=5.0.0, stat=Service unavailable';
const SENDMAIL_FROM = 'Jun 12 09:13:59 gw sm-mta[4411]: 5BC9E1a2004411: from=<anna@example.org>, size=1024, class=0, nrcpts=1, relay=localhost';
const ISO =
  '2026-11-30T09:12:44.512+01:00 mx1 postfix/smtp[2211]: 8C1A2B3C4D: to=<bob@example.net>, relay=mx.example.net[192.0.2.7]:25, delay=1, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.7] said: 550 5.1.1 No such user (in reply to RCPT TO command))';
const ISO_CLEANUP = '2026-11-30T09:12:43.100+01:00 mx1 postfix/cleanup[2210]: 8C1A2B3C4D: message-id=<x1@example.org>';
const EXIM_1 = '2026-11-30 09:12:44 1vQz3A-0004Xy-Ab <= anna@example.org H=(pc) [192.0.2.5] P=esmtpa S=1234';
const EXIM_2 =
  '2026-11-30 09:12:45 1vQz3A-0004Xy-Ab ** bob@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.7]: SMTP error from remote mail server after RCPT TO:<bob@example.net>: 550 5.1.1 User unknown';

describe('records that ran together on one line are cut at each start', () => {
  it.each([
    ['Postfix records joined with a space', [SENT + ' ' + CONNECT + ' ' + REJECT], [SENT, CONNECT, REJECT]],
    ['Postfix records joined with nothing', [SENT + CONNECT], [SENT, CONNECT]],
    ["sendmail's records", [SENDMAIL_FROM + ' ' + SENDMAIL], [SENDMAIL_FROM, SENDMAIL]],
    ['RFC 5424 timestamps', [ISO_CLEANUP + ' ' + ISO], [ISO_CLEANUP, ISO]],
    ["Exim's mainlog records", [EXIM_1 + ' ' + EXIM_2], [EXIM_1, EXIM_2]],
    ["grep's file name before each record", ['/var/log/mail.info:' + SENT + ' /var/log/mail.info:' + REJECT], ['/var/log/mail.info:' + SENT, '/var/log/mail.info:' + REJECT]],
    ["the poster's words before the records go to a line of their own", ['Here is my log: ' + SENT + ' ' + REJECT], ['Here is my log:', SENT, REJECT]],
    ['quote marks before the first record stay with it', ['> ' + SENT + ' ' + REJECT], ['> ' + SENT, REJECT]],
  ])('%s', (_n, lines, want) => expect(splitRunTogether(lines)?.lines).toEqual(want));

  it('keeps the paste line each record came from', () => {
    expect(splitRunTogether(['Hi,', SENT + ' ' + CONNECT + ' ' + REJECT, 'Thanks'])?.origin).toEqual([1, 2, 2, 2, 3]);
  });

  it.each([
    ['one record a line', [SENT, REJECT]],
    ["a date and a time inside a record's words (no host and program after it)", [SENT.replace('Ok: queued', 'queued at May  1 22:47:59 as 4711')]],
    ["another host's record quoted inside a line (no record of this log)", [SENT + ' ' + REJECT.replace(' mx1 ', ' other ')]],
    ['an Exim record alone', [EXIM_2]],
  ])('not cut: %s', (_n, lines) => expect(splitRunTogether(lines)).toBeNull());
});

describe('a paste whose records ran together is read record by record', () => {
  const now = () => new Date('2026-12-01T00:00:00Z');
  it.each([
    ['Postfix: the refusal after a delivery on the same line', SENT + ' ' + CONNECT + ' ' + REJECT, 'postfix-log', { code: 454, stage: 'rcpt', line: 1 }],
    ['sendmail: the delivery status after its from= record', SENDMAIL_FROM + ' ' + SENDMAIL, 'sendmail-log', { line: 1 }],
    ['Postfix behind a question, the refusal on the second line', 'Why is this refused?\n' + SENT + ' ' + REJECT, 'postfix-log', { code: 454, line: 2 }],
  ])('%s', async (_n, text, kind, rejection) => {
    const r = await analyze(text, { now });
    expect(r.inputs.map((i) => i.kind)).toEqual([kind]);
    expect(r.rejections[0]).toMatchObject(rejection);
  });
});

describe("a page's source keeps its break tags for the container's reader", () => {
  it('records between <br> tags are not cut here (parse/container.ts reads them)', () => {
    expect(splitRunTogether(['<div><p>' + SENT + '<br>' + REJECT + '</p></div>'])).toBeNull();
  });
});

describe('records that ran together inside one paragraph of a page', () => {
  it('are cut (the paragraph tags at its ends are no break between them)', () => {
    expect(splitRunTogether(['<div><p>' + SENT + ' ' + REJECT + '</p></div>'])?.lines).toEqual(['<div><p>', SENT, REJECT + '</p></div>']);
  });
});
