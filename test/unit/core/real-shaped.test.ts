// Bounces and header sets as users actually paste them (test/fixtures/real-shaped,
// see SOURCES.md there): the kind, every refusal (recipient, codes, stage,
// reason, the IP the receiver judged), what the live checks will be about, and
// that nothing in the paste is mistaken for something else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { readEvidence } from '../../../src/core/analyze';
import { findSubjects } from '../../../src/core/subjects';
import { decodeBytes } from '../../../src/core/text/decode';

const text = (name: string) => decodeBytes(new Uint8Array(readFileSync(new URL(`../../fixtures/real-shaped/${name}`, import.meta.url))));

interface Want {
  recipient: string | null;
  code: number | null;
  enhanced: string | null;
  stage: string;
  reason: string;
  ip?: string | null;
  remote?: string | null;
  /** A piece of the refusal's text (the receiver's reply, not the notice around it). */
  text?: string;
  /** Permanent (false: a delay, an auto-reply, a receipt). */
  hard?: boolean;
}

interface Case {
  file: string;
  kind: string;
  rejections?: Want[];
  /** Header fields of the message read (the returned one in a bounce); null = none. */
  headers?: number | null;
  /** Line of the first header field read. */
  firstHeaderLine?: number;
  ip?: string | null;
  helo?: string | null;
  fromDomain?: string | null;
  mailFromDomain?: string | null;
  /** Rules that must not fail (a false finding the paste used to cause). */
  notFailing?: string[];
  /** Rules that must fail (a real defect the readers must not paper over). */
  failing?: string[];
}

const CASES: Case[] = [
  {
    // the judged IP is the one the remote server named (Microsoft's outbound), not an internal hop; that hop's HELO is not its
    file: 'b01-m365-pasted-outlook.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'anna@fabrikam.example',
        code: 550,
        enhanced: '5.7.1',
        stage: 'unknown',
        reason: 'blocked',
        ip: '198.51.100.207',
        text: 'Service unavailable; Client host [198.51.100.207] blocked using zen.spamhaus.org',
      },
    ],
    headers: 34,
    ip: '198.51.100.207',
    helo: null,
    fromDomain: 'contoso.example',
  },
  {
    // Microsoft 365's newer NDR: "Original Message Details" is not the returned copy; "Reported error:" is the reply
    file: 'b02-m365-new-ndr-text.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'jo@customer.example',
        code: 550,
        enhanced: '5.1.10',
        stage: 'unknown',
        reason: 'userunknown',
        text: 'RESOLVER.ADR.RecipientNotFound; Recipient jo@customer.example not found by SMTP address lookup',
      },
    ],
    headers: 13,
    ip: '198.51.100.25',
    mailFromDomain: 'contoso.example',
  },
  {
    file: 'b03-exchange2010-text.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'lars@partner.example',
        code: 550,
        enhanced: '5.7.1',
        // a content filter's verdict comes once the message was sent (Exchange's Content Filter agent runs at end of data)
        stage: 'end-of-data',
        reason: 'spamdetected',
        remote: 'mx.partner.example',
        text: 'Message rejected as spam by Content Filtering.',
      },
    ],
    headers: 16,
    ip: null,
  },
  {
    file: 'b04-exchange2003-text.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'ray@retail.example',
        code: 554,
        enhanced: '5.7.1',
        // relaying is decided per recipient, on RCPT TO (RFC 5321 §3.6.2)
        stage: 'rcpt',
        reason: 'norelaying',
        text: '<ray@retail.example>: Relay access denied',
      },
    ],
  },
  {
    // the bounce's own Received (Gmail's servers) is not the origin; the returned copy has no hop
    file: 'b05-gmail-address-not-found.eml',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'nobody.here@example.org',
        code: 550,
        enhanced: '5.1.1',
        stage: 'rcpt',
        reason: 'userunknown',
        remote: 'mx.example.org',
      },
    ],
    headers: 12,
    ip: null,
    fromDomain: 'gmail.com',
    notFailing: ['dkim.fail'],
  },
  // Gmail's notices copied from the page, without headers, in several languages
  {
    file: 'b06-gmail-blocked-pasted.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'claire@bigcorp.example', code: 554, enhanced: '5.7.1', stage: 'unknown', reason: 'blocked', ip: '198.51.100.203' },
    ],
    ip: '198.51.100.203',
  },
  {
    file: 'b07-gmail-de-pasted.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'info@kunde.example', code: 550, enhanced: '5.1.1', stage: 'rcpt', reason: 'userunknown' }],
  },
  {
    file: 'b08-gmail-fr-pasted.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'compta@client.example', code: null, enhanced: null, stage: 'unknown', reason: 'hostunknown' }],
  },
  {
    file: 'b09-gmail-es-delay.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'ventas@tienda.example', code: 451, enhanced: '4.7.1', stage: 'unknown', reason: 'onhold' }],
  },
  {
    file: 'b10-gmail-ja-pasted.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'sato@shop.example', code: 550, enhanced: '5.1.1', stage: 'unknown', reason: 'userunknown' }],
  },
  {
    // no returned message: a daemon's bounce is addressed to the envelope sender, whose domain is then checked
    file: 'b11-gmail-dmarc-rejected-by-gmail.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'customer@gmail.com', code: 550, enhanced: '5.7.26', stage: 'end-of-data', reason: 'authfailure' }],
    headers: null,
    mailFromDomain: 'shop.example',
  },
  {
    file: 'b12-yahoo.eml',
    kind: 'bounce',
    rejections: [{ recipient: 'dana@partner.example', code: 554, enhanced: '5.7.9', stage: 'rcpt', reason: 'policyviolation' }],
    headers: 9,
    ip: null,
  },
  {
    file: 'b13-icloud-postfix-dsn.eml',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'lena@icloud.com',
        code: 554,
        enhanced: '5.7.1',
        stage: 'end-of-data',
        reason: 'policyviolation',
        remote: 'mx01.mail.icloud.com',
      },
    ],
    headers: 9,
    // the only hop is the user's login to the sending server: no server IP in these headers
    ip: null,
    mailFromDomain: 'example.org',
  },
  {
    file: 'b14-gmx-ptr.eml',
    kind: 'bounce',
    // "refused to talk to me": GMX refused the greeting
    rejections: [
      { recipient: 'tom@gmx.de', code: 554, enhanced: '5.0.0', stage: 'connect', reason: 'requireptr', remote: 'mx00.emig.gmx.net' },
    ],
    headers: 11,
    ip: null,
  },
  {
    // GMX's own notice: "SMTP error from remote server for RCPT TO command, host: … reason: …"
    file: 'b15-gmx-outbound-de.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'info@firma.example',
        code: 550,
        enhanced: '5.1.1',
        stage: 'rcpt',
        reason: 'userunknown',
        remote: 'mx.firma.example',
        text: '<info@firma.example>: Recipient address rejected: User unknown in virtual mailbox table',
      },
    ],
    headers: 8,
  },
  {
    // Postfix "cannot find your reverse hostname, [ip]": the IP judged is the one in brackets
    file: 'b16-mailru.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'sales@kompania.example', code: 550, enhanced: '5.7.1', stage: 'rcpt', reason: 'requireptr', ip: '198.51.100.210' },
    ],
    ip: '198.51.100.210',
  },
  {
    file: 'b17-mailru-inbound-spam.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'petrov@mail.ru', code: 550, enhanced: null, stage: 'end-of-data', reason: 'spamdetected', remote: 'mxs.mail.ru' },
    ],
  },
  {
    // one Postfix paragraph pasted alone: "<a@b>: host … said:" is not a header field
    file: 'b19-yandex-inbound.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'manager@yandex.ru',
        code: 554,
        enhanced: '5.7.1',
        stage: 'end-of-data',
        reason: 'spamdetected',
        remote: 'mx.yandex.ru',
      },
    ],
  },
  {
    file: 'b20-cpanel-exim-gmail.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'client@gmail.com', code: 550, enhanced: '5.7.26', stage: 'end-of-data', reason: 'authfailure', ip: '203.0.113.44' },
    ],
    headers: 11,
    ip: '203.0.113.44',
    fromDomain: 'smallbiz.example',
  },
  {
    // Gmail's "[ip      count]" after the codes
    file: 'b21-cpanel-gmail-ratelimit-ip.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'friend@gmail.com', code: 550, enhanced: '5.7.1', stage: 'end-of-data', reason: 'spamdetected', ip: '203.0.113.44' },
    ],
    ip: '203.0.113.44',
  },
  {
    file: 'b22-postfix-zen.eml',
    kind: 'bounce',
    rejections: [{ recipient: 'jobs@agency.example', code: 554, enhanced: '5.7.1', stage: 'rcpt', reason: 'blocked', ip: '198.51.100.14' }],
    headers: 9,
    ip: '198.51.100.14',
  },
  {
    file: 'b23-qmail.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'buyer@outlook.com', code: 550, enhanced: '5.7.1', stage: 'rcpt', reason: 'blocked', ip: '198.51.100.120' }],
    headers: 10,
    ip: '198.51.100.120',
  },
  {
    // an SPF refusal names the IP: "192.0.2.77 is not allowed to send mail from …"
    file: 'b24-domino.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'vertrieb@lieferant.example', code: 550, enhanced: '5.7.1', stage: 'unknown', reason: 'authfailure', ip: '192.0.2.77' },
    ],
    ip: '192.0.2.77',
  },
  {
    // a Notes address ("Klaus Schmidt/Sales/CORP@CORP") is not the recipient; the Internet one in the words is
    file: 'b25-domino-user.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'klaus.schmidt@corp.example', code: null, enhanced: null, stage: 'unknown', reason: 'userunknown' }],
  },
  {
    file: 'b26-mimecast.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'buyer@client.example',
        code: 550,
        enhanced: null,
        stage: 'unknown',
        reason: 'policyviolation',
        text: 'Rejected by header based Anti-Spoofing policy',
      },
    ],
  },
  {
    file: 'b27-proofpoint.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'it@enterprise.example',
        code: 554,
        enhanced: null,
        stage: 'rcpt',
        reason: 'blocked',
        ip: '203.0.113.99',
        remote: 'mx0a-00123456.pphosted.com',
      },
    ],
  },
  {
    file: 'b28-barracuda.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'contact@firm.example', code: 550, enhanced: null, stage: 'rcpt', reason: 'blocked' }],
  },
  // a quarantine digest is a notice about other mail, not a bounce
  { file: 'b29-barracuda-quarantine.txt', kind: 'message', rejections: [] },
  {
    file: 'b30-mime-lost-thunderbird-copy.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'sam@remote.example', code: 550, enhanced: '5.7.1', stage: 'rcpt', reason: 'requireptr', ip: '198.51.100.33' },
    ],
    ip: '198.51.100.33',
  },
  {
    file: 'b31-base64-parts.eml',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'jan@verein.example',
        code: 552,
        enhanced: '5.2.2',
        stage: 'unknown',
        reason: 'mailboxfull',
        text: 'Mailbox voll – Postfach des Empfängers hat das Speicherlimit überschritten',
      },
    ],
  },
  {
    file: 'b32-forwarded-attachment.eml',
    kind: 'bounce',
    rejections: [
      { recipient: 'buchhaltung@kunde.example', code: 550, enhanced: '5.7.1', stage: 'unknown', reason: 'blocked', ip: '198.51.100.208' },
    ],
    headers: 5,
    ip: '198.51.100.208',
  },
  {
    // Gmail's notice forwarded inline; the original it quotes as "Forwarded message" is a rendering, not headers
    file: 'b33-gmail-forward-inline.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'support@vendor.example', code: 550, enhanced: '5.7.1', stage: 'unknown', reason: 'authfailure', ip: '198.51.100.201' },
    ],
    headers: null,
  },
  {
    // "FW: Undeliverable:": the user's note and Outlook's "-----Original Message-----" block come first
    file: 'b34-outlook-forward-inline.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'bernd@kunde.example', code: 550, enhanced: '5.1.1', stage: 'rcpt', reason: 'userunknown' }],
    headers: 6,
    ip: null,
  },
  // Gmail "Show original" selected whole: its summary table is not part of the header section
  {
    file: 'h01-gmail-show-original.txt',
    kind: 'message',
    headers: 21,
    firstHeaderLine: 11,
    ip: '198.51.100.209',
    fromDomain: 'brand.example',
    mailFromDomain: 'bounce.brand.example',
    notFailing: ['headers.duplicate', 'headers.invalid-field-name'],
  },
  {
    file: 'h01b-gmail-show-original-nobutton.txt',
    kind: 'message',
    headers: 21,
    firstHeaderLine: 10,
    ip: '198.51.100.209',
    notFailing: ['headers.duplicate', 'headers.invalid-field-name'],
  },
  {
    file: 'h02-outlook-internet-headers-m365.txt',
    kind: 'headers',
    ip: '203.0.113.61',
    helo: 'mail.vendor.example',
    mailFromDomain: 'vendor.example',
  },
  { file: 'h03-exchange-onprem-v2.txt', kind: 'headers', ip: '198.51.100.204', firstHeaderLine: 2 },
  { file: 'h04-apple-mail-raw.eml', kind: 'message', ip: '198.51.100.150', fromDomain: 'studio.example' },
  { file: 'h05-thunderbird-source.eml', kind: 'message', ip: '192.0.2.201', mailFromDomain: 'bank-alerts.example' },
  // ARC through Google Groups into Microsoft 365: the IP Microsoft judged is Google's, not the author's
  {
    file: 'h06-google-group-to-m365-arc.txt',
    kind: 'headers',
    ip: '198.51.100.202',
    mailFromDomain: 'googlegroups.com',
    fromDomain: 'strict.example',
  },
  { file: 'h07-mailman-list.eml', kind: 'message', ip: '192.0.2.60', fromDomain: 'lists.project.example' },
  { file: 'h08-ipv6-gmail.txt', kind: 'headers', ip: '2001:db8:1234:5::25', helo: 'mail.monitor.example' },
  {
    // SMTPUTF8 mail: the domains are checked as their A-labels; a UTF-8 Message-ID is valid (RFC 6532)
    file: 'h09-international.eml',
    kind: 'message',
    ip: '198.51.100.188',
    fromDomain: 'xn--bcher-kva.example',
    mailFromDomain: 'xn--bcher-kva.example',
    notFailing: ['headers.invalid-message-id'],
  },
  {
    // Microsoft's Authentication-Results has no authserv-id: its spf= result (and smtp.mailfrom) is still read
    file: 'h10-owa-copy.txt',
    kind: 'headers',
    ip: '198.51.100.206',
    mailFromDomain: 'sender.example',
    fromDomain: 'sender.example',
  },
  // a script's message with a line that lost its field name: a real defect, and the fields above it are not a summary table
  { file: 'g01-script-bad-line.eml', kind: 'message', headers: 5, firstHeaderLine: 1, failing: ['headers.invalid-field-name'] },
  // a script that broke Content-Type over unindented lines: not a lost folding, a defect receivers refuse
  { file: 'g02-script-two-bad-lines.eml', kind: 'message', headers: 4, firstHeaderLine: 1, failing: ['headers.invalid-field-name'] },
  // headers whose folding was lost on the way (every continuation at column 0)
  {
    file: 'c01-headers-unfolded.txt',
    kind: 'headers',
    headers: 10,
    ip: '203.0.113.70',
    fromDomain: 'sender.example',
    notFailing: ['headers.invalid-field-name'],
  },
  // headers quoted in a forum post
  { file: 'c02-headers-quoted.txt', kind: 'headers', headers: 11, firstHeaderLine: 3, ip: '198.51.100.90', fromDomain: 'shop.example' },
  {
    // a question with the bounce pasted in the middle; T-Online refuses the greeting
    file: 'c03-forum-question-bounce.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'patient@t-online.de',
        code: 554,
        enhanced: null,
        stage: 'connect',
        reason: 'blocked',
        ip: '198.51.100.71',
        remote: 'mx00.t-online.de',
      },
    ],
    ip: '198.51.100.71',
  },
  // a newsletter about bounces is not a bounce
  { file: 'c04-newsletter-about-550.eml', kind: 'message', rejections: [], ip: '198.51.100.80' },
  {
    // a delay warning is not a final failure
    file: 'c05-postfix-delayed.eml',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'vip@aol.com',
        code: 421,
        enhanced: '4.7.0',
        stage: 'mail',
        reason: 'badreputation',
        ip: '198.51.100.72',
        hard: false,
      },
    ],
    ip: '198.51.100.72',
  },
  {
    // Gmail still retrying ("will retry for 46 more hours"): a delay notice reports how long the
    // queue has waited for a host that never answered — sisimai's "expired" (Action delayed →
    // expired; X.4.1 no answer → expired); not a hard failure, since the queue still retries
    file: 'c06-gmail-delay-timeout.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'info@downhost.example', code: null, enhanced: null, stage: 'connect', reason: 'expired', hard: false }],
  },
  {
    // Outlook's auto-reply in German, with Auto-Submitted: auto-replied
    file: 'c07-outlook-autoreply.eml',
    kind: 'bounce',
    rejections: [{ recipient: 'max@firma.example', code: null, enhanced: null, stage: 'unknown', reason: 'vacation', hard: false }],
  },
  {
    // a read receipt (message/disposition-notification) says the message arrived
    file: 'c08-read-receipt.eml',
    kind: 'bounce',
    rejections: [{ recipient: 'bob@partner.example', code: null, enhanced: null, stage: 'unknown', reason: 'delivered', hard: false }],
  },
  {
    // Exchange's last attempt, not the earlier ones listed after it
    file: 'c09-exchange-queue-expired.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'mark@slowhost.example',
        code: null,
        enhanced: '4.4.7',
        stage: 'unknown',
        reason: 'expired',
        remote: 'slowhost.example',
        text: 'QUEUE.Expired; message expired',
      },
    ],
  },
  {
    file: 'c10-m365-forwarding-blocked.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'external@gmail.com', code: 550, enhanced: '5.7.520', stage: 'unknown', reason: 'policyviolation' }],
  },
  {
    // each recipient keeps its own words; the others' replies are not added to a block that has words
    file: 'c11-multi-recipient-exim.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'a1@one.example', code: 550, enhanced: '5.1.1', stage: 'rcpt', reason: 'userunknown', remote: 'mx.one.example' },
      { recipient: 'b2@two.example', code: 552, enhanced: '5.3.4', stage: 'end-of-data', reason: 'mesgtoobig', remote: 'mx.two.example' },
      { recipient: 'c3@three.example', code: null, enhanced: null, stage: 'unknown', reason: 'hostunknown' },
    ],
  },
  {
    file: 'c12-aol-comcast-tonline.txt',
    kind: 'bounce',
    rejections: [
      { recipient: 'u1@comcast.net', code: 554, enhanced: '5.7.1', stage: 'mail', reason: 'blocked', remote: 'mx1.comcast.net' },
    ],
  },
  {
    // a notice in German copied with the original below it: the refusal is not lost to the message reader
    file: 'd01-gmail-de-with-original.txt',
    kind: 'bounce',
    rejections: [{ recipient: 'info@kunde.example', code: 550, enhanced: '5.1.1', stage: 'rcpt', reason: 'userunknown' }],
    headers: 9,
    firstHeaderLine: 13,
  },
  {
    // a Postfix notice whose attachment lost its MIME part: the returned headers are not the recipient's words;
    // "Recipient address rejected: Access denied" is an access(5) REJECT of the recipient address (not of the client)
    file: 'd02-postfix-body-only-with-original.txt',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'boss@bigcorp.example',
        code: 550,
        enhanced: '5.7.1',
        stage: 'rcpt',
        reason: 'userunknown',
        text: 'Recipient address rejected: Access denied',
      },
    ],
    headers: 7,
    ip: null,
    mailFromDomain: 'example.net',
  },
  {
    // an NDR whose only text is HTML (base64): character references decoded, the quoted reply found
    file: 'f01-exchange-html-only.eml',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'hugo@firma.example',
        code: 550,
        enhanced: '5.1.1',
        stage: 'rcpt',
        reason: 'userunknown',
        remote: 'mx.firma.example',
        text: '<hugo@firma.example>: Recipient address rejected: User unknown in virtual alias table',
      },
    ],
  },
  // sending services' events, pasted as JSON
  {
    file: 'j01-ses-event-publishing.json',
    kind: 'bounce',
    rejections: [{ recipient: 'lee@partner.example', code: 550, enhanced: '5.7.1', stage: 'unknown', reason: 'authfailure' }],
    // the sender the event names: a DMARC refusal is checked on its domain
    mailFromDomain: 'news.example',
    fromDomain: 'news.example',
  },
  {
    file: 'j02-sns-http.json',
    kind: 'bounce',
    rejections: [{ recipient: 'gone@customer.example', code: null, enhanced: '5.1.1', stage: 'unknown', reason: 'userunknown' }],
  },
  {
    file: 'j03-sendgrid.json',
    kind: 'bounce',
    rejections: [
      { recipient: 'maria@shop.example', code: 550, enhanced: '5.7.1', stage: 'unknown', reason: 'blocked', ip: '203.0.113.5' },
      { recipient: 'old@shop.example', code: 550, enhanced: '5.1.1', stage: 'unknown', reason: 'userunknown', ip: '203.0.113.5' },
    ],
    ip: '203.0.113.5',
  },
  {
    file: 'j04-mailgun.json',
    kind: 'bounce',
    rejections: [
      {
        recipient: 'ken@corp.example',
        code: 550,
        enhanced: '5.7.606',
        stage: 'unknown',
        reason: 'blocked',
        ip: '198.51.100.200',
        remote: 'corp-example.mail.protection.outlook.com',
      },
    ],
    ip: '198.51.100.200',
    mailFromDomain: 'mg.startup.example',
    fromDomain: 'startup.example',
  },
  {
    file: 'j05-postmark.json',
    kind: 'bounce',
    rejections: [{ recipient: 'zaphod@example.com', code: 550, enhanced: '5.1.1', stage: 'unknown', reason: 'userunknown' }],
    fromDomain: 'app.example',
  },
];

describe.each(CASES)('$file', (c) => {
  const ev = readEvidence(text(c.file), { exactBytes: true });
  const subjects = findSubjects(ev);
  it(`is read as ${c.kind}`, () => expect(ev.inputs[0].kind).toBe(c.kind));
  if (c.rejections)
    it('has each refusal with its recipient, codes, stage and reason', () => {
      expect(
        ev.rejections.map((r) => ({ recipient: r.recipient, code: r.code, enhanced: r.enhanced, stage: r.stage, reason: r.reason })),
      ).toEqual(c.rejections!.map(({ recipient, code, enhanced, stage, reason }) => ({ recipient, code, enhanced, stage, reason })));
      c.rejections!.forEach((w, i) => {
        if (w.ip !== undefined) expect(ev.rejections[i].ip).toBe(w.ip);
        if (w.remote !== undefined) expect(ev.rejections[i].remote).toBe(w.remote);
        if (w.text !== undefined) expect(ev.rejections[i].text).toContain(w.text);
        if (w.hard !== undefined) expect(ev.rejections[i].hard).toBe(w.hard);
      });
    });
  if (c.headers !== undefined)
    it('reads the right header section', () => {
      expect(ev.message?.headers.length ?? null).toBe(c.headers);
    });
  if (c.firstHeaderLine !== undefined)
    it('starts the headers where they start', () => expect(ev.message?.firstLine).toBe(c.firstHeaderLine));
  // only the subjects the case names (a case that names none has no such test, rather than one that asserts nothing)
  const named = (['ip', 'helo', 'fromDomain', 'mailFromDomain'] as const).filter((k) => c[k] !== undefined);
  if (named.length)
    it(`checks the right ${named.join(', ')}`, () => {
      expect(Object.fromEntries(named.map((k) => [k, subjects[k]?.value ?? null]))).toEqual(
        Object.fromEntries(named.map((k) => [k, c[k]])),
      );
    });
  if (c.failing?.length)
    it('still finds the real defect', async () => {
      const report = await analyze(text(c.file), { exactBytes: true });
      for (const rule of c.failing!) expect(report.checklist.some((s) => s.rule === rule && s.status === 'fail')).toBe(true);
    });
  if (c.notFailing?.length)
    it('finds no false problem', async () => {
      const report = await analyze(text(c.file), { exactBytes: true });
      const failing = report.checklist
        .filter((s) => c.notFailing!.includes(s.rule) && s.status === 'fail')
        .map((s) => `${s.rule}: ${s.title}`);
      expect(failing).toEqual([]);
    });
});
