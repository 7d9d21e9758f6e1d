// Which IP and domains the live checks are about, in the shapes real inputs
// come in: a bounce whose returned headers end at the sender's own server, a
// Postfix log that interleaves the submission from localhost with the refused
// delivery, an outbound session whose receiver echoes our IP, a Postfix
// reject_rhsbl_sender refusal (a domain listed, not the IP).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import type { Report } from '../../../src/core/types';
import { tableResolver } from '../../support/table-resolver';

const text = (r: Report) => JSON.stringify(r.checklist);

const NDR = (reply: string, to = 'j.doe@partner.example') => `Delivery has failed to these recipients or groups:

${to}
Your message wasn't delivered because the recipient's email provider rejected it.

Diagnostic information for administrators:

Generating server: mail.example.com

${to}
Remote Server returned '${reply}'

Original message headers:

Received: from WS-SALES-07 (198.51.100.23) by mail.example.com (192.0.2.25)
 with Microsoft SMTP Server (version=TLS1_2,
 cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.2.1544.4; Tue, 4 Nov
 2025 09:41:12 +0100
From: Sales Team <sales@example.com>
To: <${to}>
Subject: Quotation
Date: Tue, 4 Nov 2025 09:41:10 +0100
Message-ID: <8c1f0a2e4b7d4e0c9a@mail.example.com>
`;

const ZONE = {
  'mail.example.com A': ['192.0.2.25'],
  'example.com TXT': ['v=spf1 ip4:192.0.2.0/28 -all'],
};

describe('a bounce whose returned headers end at the sender’s own server', () => {
  it('checks the last server of the sender (the one refused), not the workstation that submitted', async () => {
    const r = await analyze(NDR('550 5.7.23 The message was rejected because of Sender Policy Framework violation'), {
      resolver: tableResolver(ZONE),
    });
    const ptr = r.checklist.find((s) => s.rule === 'ptr.missing')!;
    expect(JSON.stringify(ptr)).toContain('192.0.2.25');
    expect(text(r)).not.toContain('198.51.100.23');
  });
  it('checks SPF of the From: domain when the refusal names SPF, saying it is assumed', async () => {
    const r = await analyze(NDR('550 5.7.23 The message was rejected because of Sender Policy Framework violation'), {
      resolver: tableResolver(ZONE),
    });
    const spf = r.checklist.find((s) => s.rule === 'spf.fail')!;
    expect(spf.status).toBe('fail');
    expect(spf.title).toContain('192.0.2.25');
    expect(JSON.stringify(spf.evidence)).toContain('envelope sender (MAIL FROM) is not in the input');
  });
  it('does not guess the envelope sender when the refusal is not about SPF', async () => {
    const r = await analyze(NDR('550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'), { resolver: tableResolver(ZONE) });
    expect(r.checklist.some((s) => s.rule.startsWith('spf.'))).toBe(false);
  });
  it('does not judge TLS from the sender’s own submission hop (Gmail requirements)', async () => {
    const r = await analyze(
      NDR("550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy. - gsmtp", 'someone@gmail.com'),
      { resolver: tableResolver(ZONE) },
    );
    const gmail = r.checklist.find((s) => s.rule === 'bulk.gmail');
    expect(JSON.stringify(gmail?.evidence ?? [])).not.toMatch(/✗ Mail is sent over TLS/);
  });
});

describe('Postfix: the refused delivery, not the submission from localhost', () => {
  const LOG = [
    'Nov 21 16:20:31 mail postfix/smtpd[9901]: connect from localhost[127.0.0.1]',
    'Nov 21 16:20:31 mail postfix/smtpd[9901]: 7A1C2E0F31: client=localhost[127.0.0.1]',
    'Nov 21 16:20:31 mail postfix/qmgr[812]: 7A1C2E0F31: from=<invoices@example.com>, size=5321, nrcpt=1 (queue active)',
    "Nov 21 16:20:33 mail postfix/smtp[9912]: 7A1C2E0F31: to=<friend@outlook.com>, relay=outlook-com.olc.protection.outlook.com[203.0.113.200]:25, delay=1.9, delays=0.1/0/0.8/1, dsn=5.7.515, status=bounced (host outlook-com.olc.protection.outlook.com[203.0.113.200] said: 550 5.7.515 Access denied, sending domain [EXAMPLE.COM] doesn't meet the required authentication level. (in reply to end of DATA command))",
    'Nov 21 16:20:33 mail postfix/qmgr[812]: 7A1C2E0F31: removed',
  ].join('\n');
  it('does not evaluate SPF for 127.0.0.1', async () => {
    const r = await analyze(LOG, { resolver: tableResolver({ 'example.com TXT': ['v=spf1 mx -all'] }) });
    expect(text(r)).not.toMatch(/Sending IP 127\.0\.0\.1|from 127\.0\.0\.1/);
    expect(r.checklist.find((s) => s.rule === 'spf.fail')?.status).toBe('info');
  });
});

describe('an outbound session whose receiver echoes our IP in its EHLO reply', () => {
  const LOG = [
    'Thu 2025-11-27 10:05:41: Session 0412; child 0003',
    'Thu 2025-11-27 10:05:41: Attempting SMTP connection to [mx.partner.example : 25]',
    'Thu 2025-11-27 10:05:41: Socket connection established (192.168.20.4:50877->198.51.100.45:25)',
    'Thu 2025-11-27 10:05:41: <-- 220 mx.partner.example ESMTP Sendmail 8.15.2/8.15.2',
    'Thu 2025-11-27 10:05:41: --> EHLO mail.example.com',
    'Thu 2025-11-27 10:05:41: <-- 250-mx.partner.example Hello mail.example.com [192.0.2.20], pleased to meet you',
    'Thu 2025-11-27 10:05:41: <-- 250 8BITMIME',
    'Thu 2025-11-27 10:05:41: --> MAIL From:<sales@example.com> SIZE=8812',
    'Thu 2025-11-27 10:05:41: <-- 250 2.1.0 <sales@example.com>... Sender ok',
    'Thu 2025-11-27 10:05:41: --> RCPT To:<j.smith@partner.example>',
    'Thu 2025-11-27 10:05:41: <-- 550 5.1.1 <j.smith@partner.example>... User unknown',
    'Thu 2025-11-27 10:05:41: SMTP session terminated (Bytes in/out: 402/611)',
  ].join('\n');
  it('checks the reverse DNS of that IP, the one SPF is evaluated for', async () => {
    const r = await analyze(LOG, {
      resolver: tableResolver({ '20.2.0.192.in-addr.arpa PTR': ['mail.example.com'], 'mail.example.com A': ['192.0.2.20'] }),
    });
    expect(r.checklist.find((s) => s.rule === 'ptr.mismatch')?.status).toBe('pass');
  });
});

describe('Postfix reject_rhsbl_sender: a domain is listed, not the IP nor the content', () => {
  const LOG =
    'Nov 26 18:22:06 mx postfix/smtpd[15521]: NOQUEUE: reject: RCPT from smtp.mailer.example[192.0.2.201]: 554 5.7.1 Service unavailable; Sender address [offers@promo-deals.example] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/domain/promo-deals.example; from=<offers@promo-deals.example> to=<info@example.com> proto=ESMTP helo=<smtp.mailer.example>';
  it('is a blocklist refusal of the sender domain', async () => {
    const r = await analyze(LOG);
    expect(r.rejections[0].reason).toBe('blocked');
    expect(r.checklist[0].rule).toBe('dnsbl.listed');
    expect(text(r)).toContain('dbl.spamhaus.org listed promo-deals.example');
    expect(r.checklist.some((s) => s.rule === 'smtp.content-rejected')).toBe(false);
  });
});

describe('Exim: a message received from an application, then refused by the remote', () => {
  const LOG = [
    '2025-11-20 10:15:02 1vLxYz-000AbC-1q <= newsletter@news.example.com H=app01.example.com (app01) [198.51.100.14] P=esmtp S=18233',
    "2025-11-20 10:15:04 1vLxYz-000AbC-1q ** reader@gmail.com R=dnslookup T=remote_smtp H=gmail-smtp-in.l.google.com [2a00:1450:400c:c0b::1a]: SMTP error from remote mail server after end of data: 550-5.7.26 Unauthenticated email from news.example.com is not accepted due to 550-5.7.26 domain's DMARC policy. - gsmtp",
  ].join('\n');
  it("does not take the application's HELO (app01) for ours", async () => {
    const r = await analyze(LOG);
    expect(text(r)).not.toContain('app01');
  });
});

describe('Spamhaus ZEN: the removal path of the sub-list the return code names', () => {
  const LOG =
    'Nov 24 08:12:40 mail postfix/smtp[3301]: 1D2E3F4A5B: to=<buyer@customer.example>, relay=mx1.customer.example[198.51.100.30]:25, delay=0.5, delays=0.01/0/0.2/0.3, dsn=5.7.1, status=bounced (host mx1.customer.example[198.51.100.30] said: 554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.5 (in reply to RCPT TO command))';
  it.each([
    ['127.0.0.11', /smarthost/, /infected/],
    ['127.0.0.10', /smarthost/, /infected/],
    ['127.0.0.4', /infected machine/, /PBL/],
    ['127.0.0.2', /SBL record/, /smarthost|infected/],
  ])('%s', async (code, has, hasNot) => {
    const r = await analyze(LOG, {
      resolver: tableResolver({ '2.0.0.127.zen.spamhaus.org A': ['127.0.0.2'], '5.113.0.203.zen.spamhaus.org A': [code] }),
    });
    const step = r.checklist.find((s) => s.rule === 'dnsbl.listed' && s.status === 'fail')!;
    const fixes = step.fix.filter((f) => !/^Ask the owner|^Make that name|^Use the same name|^If the line/.test(f)).join(' ');
    expect(fixes).toMatch(has);
    expect(fixes).not.toMatch(hasNot);
  });
});

describe('an IP with two PTR records, one not forward-confirmed', () => {
  const TABLE = {
    '33.2.0.192.in-addr.arpa PTR': ['host-192-0-2-33.vps.hosting.example', 'mail.example.com'],
    'mail.example.com A': ['192.0.2.33'],
  };
  const refused =
    'Nov 27 14:10:06 mail postfix/smtp[5518]: 8C7B6A5F40: to=<client@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.27]:25, delay=1, delays=0.02/0/0.41/0.57, dsn=5.7.25, status=bounced (host gmail-smtp-in.l.google.com[198.51.100.27] said: 550-5.7.25 [192.0.2.33] The IP address sending this message does not have a 550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not 550-5.7.25 point to the sending IP. - gsmtp (in reply to end of DATA command))';
  it('is the cause of a PTR refusal, with the PTR to delete', async () => {
    const r = await analyze(refused, { resolver: tableResolver(TABLE) });
    expect(r.checklist[0].rule).toBe('ptr.mismatch');
    expect(r.checklist[0].status).toBe('fail');
    expect(r.checklist[0].fix.join(' ')).toContain(
      'Delete the PTR record 33.2.0.192.in-addr.arpa. IN PTR host-192-0-2-33.vps.hosting.example.',
    );
  });
  it('passes when nothing was refused for it (RFC 8601 iprev: one name leading back is enough), naming the other', async () => {
    const r = await analyze(
      'Received: from mail.example.com (mail.example.com [192.0.2.33]) by mx.example.net with ESMTPS id 1; Thu, 27 Nov 2025 14:10:06 +0000\nFrom: a@example.com\nTo: b@example.net\nSubject: x\nDate: Thu, 27 Nov 2025 14:10:05 +0000\nMessage-ID: <1@example.com>\n',
      { resolver: tableResolver(TABLE) },
    );
    const s = r.checklist.find((x) => x.rule === 'ptr.mismatch')!;
    expect(s.status).toBe('pass');
    expect(s.detail).toContain('host-192-0-2-33.vps.hosting.example');
  });
});

describe("a refusal explained by a DNS step keeps the receiver's own advice", () => {
  it('Gmail IPv6 without PTR: the ptr.missing step carries "or send over IPv4"', async () => {
    const log =
      'Nov 23 11:02:16 mx1 postfix/qmgr[801]: 3F1A2B0C91: from=<alerts@example.org>, size=2210, nrcpt=1 (queue active)\n' +
      'Nov 23 11:02:17 mx1 postfix/smtp[4410]: 3F1A2B0C91: to=<someone@gmail.com>, relay=gmail-smtp-in.l.google.com[2a00:1450:4013:c03::1b]:25, delay=0.9, delays=0.02/0/0.3/0.58, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[2a00:1450:4013:c03::1b] said: 550-5.7.1 [2001:db8:1f0:8::25] Our system has detected that this message does not 550-5.7.1 meet IPv6 sending guidelines regarding PTR records and authentication. - gsmtp (in reply to end of DATA command))';
    const r = await analyze(log, { resolver: tableResolver({ 'example.org TXT': ['v=spf1 ip6:2001:db8:1f0:8::25 -all'] }) });
    expect(r.checklist[0].rule).toBe('ptr.missing');
    expect(r.checklist[0].fix.join(' ')).toContain('Gmail: Or send to Gmail over IPv4 only');
    expect(r.checklist.filter((s) => s.fix.some((f) => f.startsWith('Gmail: Or send'))).length).toBe(1);
  });
});
