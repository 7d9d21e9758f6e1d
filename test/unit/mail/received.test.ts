// Received fields as today's servers write them (the SpamAssassin and MHA
// corpora are scored separately by npm run conformance). Each row: the field
// value and the fields that must be read from it.
import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/core/mail/received';

type Want = Partial<ReturnType<typeof parseReceived>>;

const CASES: [string, string, Want][] = [
  [
    'Postfix with TLS',
    'from mail.sender.example (mail.sender.example [198.51.100.7]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client certificate requested) by mx.receiver.example (Postfix) with ESMTPS id 4XyZ1q2w3e for <bob@receiver.example>; Tue, 4 Mar 2025 11:11:05 +0100 (CET)',
    {
      helo: 'mail.sender.example',
      rdns: 'mail.sender.example',
      ip: '198.51.100.7',
      by: 'mx.receiver.example',
      byProduct: 'Postfix',
      with: 'ESMTPS',
      id: '4XyZ1q2w3e',
      for: 'bob@receiver.example',
      tls: 'TLSv1.3 TLS_AES_256_GCM_SHA384',
      relay: true,
      time: Date.UTC(2025, 2, 4, 10, 11, 5),
    },
  ],
  [
    'Postfix, client without reverse DNS',
    'from WIN-PC01 (unknown [192.0.2.33]) by mx.receiver.example (Postfix) with SMTP id 3F1A2B; Mon, 6 Jan 2025 09:30:00 +0000',
    { helo: 'WIN-PC01', rdns: null, rdnsNote: 'unknown', ip: '192.0.2.33', with: 'SMTP', id: '3F1A2B' },
  ],
  [
    'Exim 4 with helo= and TLS',
    'from host-203-0-113-9.isp.example ([203.0.113.9] helo=laptop.local) by mx.receiver.example with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <anna@sender.example>) id 1tPq2R-000aBc-1x for bob@receiver.example; Tue, 04 Mar 2025 10:11:09 +0000',
    {
      helo: 'laptop.local',
      rdns: 'host-203-0-113-9.isp.example',
      ip: '203.0.113.9',
      with: 'esmtps',
      id: '1tPq2R-000aBc-1x',
      envelopeFrom: 'anna@sender.example',
      tls: 'TLS_AES_256_GCM_SHA384',
    },
  ],
  [
    'Exim, HELO equal to the reverse name',
    'from mail.sender.example ([198.51.100.7]) by mx.receiver.example with esmtp (Exim 4.97) id 1tPq2R-0001; Tue, 04 Mar 2025 10:11:09 +0000',
    { helo: 'mail.sender.example', rdns: 'mail.sender.example', ip: '198.51.100.7' },
  ],
  [
    'Sendmail, authenticated submission',
    'from [192.168.1.20] (dsl-198-51-100-200.isp.example [198.51.100.200]) (authenticated bits=0) by smtp.sender.example (8.17.1/8.17.1) with ESMTPSA id 514AB1c2003456 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO) for <bob@receiver.example>; Tue, 4 Mar 2025 11:11:00 +0100',
    {
      helo: '[192.168.1.20]',
      rdns: 'dsl-198-51-100-200.isp.example',
      ip: '198.51.100.200',
      with: 'ESMTPSA',
      id: '514AB1c2003456',
      tls: 'TLSv1.3 TLS_AES_256_GCM_SHA384',
      auth: 'authenticated bits=0',
    },
  ],
  [
    'qmail, network and local',
    'from unknown (HELO mail.sender.example) (198.51.100.7) by mx.receiver.example with SMTP; 4 Mar 2025 10:11:09 -0000',
    { helo: 'mail.sender.example', rdns: null, ip: '198.51.100.7', with: 'SMTP', time: Date.UTC(2025, 2, 4, 10, 11, 9) },
  ],
  [
    'qmail invoked by uid',
    '(qmail 12345 invoked by uid 89); 4 Mar 2025 10:11:09 -0000',
    { ip: null, relay: false, by: null, time: Date.UTC(2025, 2, 4, 10, 11, 9) },
  ],
  [
    'Microsoft 365 front door',
    'from mail.sender.example (198.51.100.7) by AM4PEPF00027A5F.mail.protection.outlook.com (10.167.16.73) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8511.12 via Frontend Transport; Tue, 4 Mar 2025 10:11:10 +0000',
    {
      helo: 'mail.sender.example',
      rdns: null,
      ip: '198.51.100.7',
      by: 'AM4PEPF00027A5F.mail.protection.outlook.com',
      with: 'Microsoft SMTP Server',
      via: 'Frontend Transport',
      id: '15.20.8511.12',
      tls: 'TLS1_3 TLS_AES_256_GCM_SHA384',
    },
  ],
  [
    'Microsoft 365 internal hop over IPv6, HTTPS',
    'from AM4PEPF00027A5F.eurprd04.prod.outlook.com (2603:10a6:208:10::32) by DB9PR04MB8316.eurprd04.prod.outlook.com with HTTPS; Tue, 4 Mar 2025 10:11:11 +0000',
    { ip: '2603:10a6:208:10::32', helo: null, with: 'HTTPS' },
  ],
  [
    'Exchange 2003 SMTPSVC',
    'from EXCH01.corp.example ([10.0.0.5]) by gw.corp.example with Microsoft SMTPSVC(6.0.3790.4675); Mon, 6 Jan 2025 10:00:00 +0100',
    { helo: 'EXCH01.corp.example', ip: '10.0.0.5', with: 'Microsoft SMTPSVC', byProduct: null },
  ],
  [
    'Gmail MX with trailing-dot reverse name',
    'from mail-ej1-f41.google.com (mail-ej1-f41.google.com. [209.85.218.41]) by mx.receiver.example (Postfix) with ESMTPS id 4XyZ for <bob@receiver.example>; Tue, 4 Mar 2025 10:11:09 +0000 (UTC)',
    { rdns: 'mail-ej1-f41.google.com', ip: '209.85.218.41' },
  ],
  [
    'Gmail internal hop (by an IPv6 address, no from)',
    'by 2002:a05:7010:5c8f:b0:3d4:1a2b:9c1 with SMTP id x15csp1234567mdx; Tue, 4 Mar 2025 02:11:09 -0800 (PST)',
    {
      ip: null,
      relay: false,
      by: '2002:a05:7010:5c8f:b0:3d4:1a2b:9c1',
      with: 'SMTP',
      id: 'x15csp1234567mdx',
      time: Date.UTC(2025, 2, 4, 10, 11, 9),
    },
  ],
  [
    'Gmail submission with Google Transport Security',
    'from [192.168.0.10] ([203.0.113.50]) by smtp.gmail.com with ESMTPSA id a1b2c3 for <bob@receiver.example> (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256 bits=128/128); Tue, 04 Mar 2025 02:11:00 -0800 (PST)',
    { helo: '[192.168.0.10]', ip: '203.0.113.50', with: 'ESMTPSA', auth: 'ESMTPSA' },
  ],
  [
    'MDaemon, unverified client',
    'from client.sender.example (unverified [198.51.100.9]) by mail.receiver.example (MDaemon PRO v23.5.2) with ESMTP id md5001004567890.msg for <bob@receiver.example>; Tue, 04 Mar 2025 11:11:09 +0100',
    { helo: 'client.sender.example', rdns: null, ip: '198.51.100.9', byProduct: 'MDaemon PRO v23.5.2', id: 'md5001004567890.msg' },
  ],
  [
    'IPv6 literal with IPv6: tag and a port',
    'from mail.sender.example (mail.sender.example [IPv6:2001:db8::25]:41234) by mx.receiver.example with ESMTP id X1; Tue, 4 Mar 2025 10:11:09 +0000',
    { ip: '2001:db8::25' },
  ],
  [
    'IPv4 with a port in brackets',
    'from ([198.51.100.7]:52011 helo=mail.sender.example) by mx.receiver.example with esmtp id Y2; Tue, 4 Mar 2025 10:11:09 +0000',
    { ip: '198.51.100.7', helo: 'mail.sender.example', from: null },
  ],
  [
    'IPv4-mapped IPv6',
    'from mail.sender.example ([::ffff:198.51.100.7]) by mx.receiver.example with esmtp; Tue, 4 Mar 2025 10:11:09 +0000',
    { ip: '198.51.100.7' },
  ],
  [
    'fetchmail retrieval is not a relay',
    'from pop.provider.example [198.51.100.1] by localhost with POP3 (fetchmail-6.4.37) for <me@localhost> (single-drop); Tue, 04 Mar 2025 10:11:09 +0100',
    { relay: false },
  ],
  [
    'SendGrid, date without a semicolon',
    'by filter0383p1iad2.sendgrid.net with SMTP id filter0383p1iad2-15318-5AB8F728-C 2018-03-26 13:35:36.270951634 +0000 UTC',
    { by: 'filter0383p1iad2.sendgrid.net', id: 'filter0383p1iad2-15318-5AB8F728-C', time: Date.UTC(2018, 2, 26, 13, 35, 36, 270) },
  ],
  [
    'Sendmail, reverse name may be forged',
    'from mx56.sender.example (64-119-196-56.rev.isp.example [64.119.196.56] (may be forged)) by mail.receiver.example (8.17.1/8.17.1) with ESMTP id i8FJcSRZ007847; Wed, 15 Sep 2004 21:38:31 +0200',
    { rdns: '64-119-196-56.rev.isp.example', rdnsNote: 'forged', ip: '64.119.196.56' },
  ],
  [
    'Cisco Secure Email with TLS in the protocol',
    'from unknown (HELO mail.sender.example) ([198.51.100.7]) by esa1.receiver.iphmx.com with ESMTP/TLS/ECDHE-RSA-AES256-GCM-SHA384; 04 Mar 2025 10:11:09 +0000',
    { helo: 'mail.sender.example', ip: '198.51.100.7', with: 'ESMTP', tls: 'ECDHE-RSA-AES256-GCM-SHA384', rdns: null },
  ],
  [
    'Mimecast, two with clauses',
    'from mail.sender.example (mail.sender.example [198.51.100.7]) by relay.mimecast.com with ESMTP with STARTTLS (version=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384) id uk-mta-12-AbCdEf; Tue, 04 Mar 2025 10:11:09 +0000',
    { ip: '198.51.100.7', with: 'ESMTP', tls: 'TLSv1.3 TLS_AES_256_GCM_SHA384', id: 'uk-mta-12-AbCdEf' },
  ],
  [
    'Yahoo webmail (via HTTP)',
    'from 203.0.113.50 by web12.mail.example.yahoo.com via HTTP; Tue, 04 Mar 2025 02:11:00 PST',
    { ip: '203.0.113.50', helo: null, with: 'HTTP', auth: 'HTTP', via: 'HTTP' },
  ],
  ['garbage never throws', 'from ((( [[ by ;;; with', { relay: false }],
  ['empty', '', { relay: false, ip: null, by: null, time: null }],
];

describe('parseReceived', () => {
  it.each(CASES)('%s', (_name, value, want) => {
    expect(parseReceived(value)).toMatchObject(want);
  });
});

// A ")" outside any comment used to stop the tokenizer from advancing: it
// pushed empty words until memory ran out, and the page's worker hung on a
// pasted header. Each of these must finish and still find what it can.
describe('parseReceived with unbalanced parentheses', () => {
  it.each([
    ['a stray ")"', 'from a.example) by mx.example.net; Tue, 4 Mar 2025 10:00:00 +0000', { from: 'a.example', by: 'mx.example.net' }],
    [
      '"))" after the literal',
      'from a.example ([192.0.2.9])) by mx.example.net; Tue, 4 Mar 2025 10:00:00 +0000',
      { ip: '192.0.2.9', by: 'mx.example.net' },
    ],
    [
      'a quote that swallows the "("',
      'from "><img/src=y>.example (helo <img src=x onerror="f(1)">) by mx.example.net; Tue, 4 Mar 2025 10:00:00 +0000',
      // garbage in: nothing sure comes out, but it comes out (it used to hang)
      {},
    ],
  ])('%s', (_why, value, want) => {
    expect(parseReceived(value)).toMatchObject(want);
  });
});
