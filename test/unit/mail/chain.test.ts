// Hops in time order and the origin: the first hop outside the receiving organisation.
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../../src/core/analyze';

function headers(...lines: string[]): string {
  return lines.join('\n') + '\nFrom: a@sender.example\nTo: b@receiver.example\nSubject: x\n';
}

describe('the Received chain', () => {
  it('orders hops oldest first with delays in seconds, and sums the transit', () => {
    const ev = readEvidence(
      headers(
        'Received: from mx.receiver.example (10.0.0.2) by mbox.receiver.example with LMTP; Tue, 4 Mar 2025 10:12:10 +0000',
        'Received: from mail.sender.example (mail.sender.example [198.51.100.7]) by mx.receiver.example (Postfix) with ESMTPS id A1; Tue, 4 Mar 2025 10:11:10 +0000',
        'Received: from app.sender.example (app.sender.example [10.1.1.1]) by mail.sender.example (Postfix) with ESMTP id B2; Tue, 4 Mar 2025 11:11:05 +0100',
      ),
    );
    expect(ev.hops.map((h) => [h.by, h.delay])).toEqual([
      ['mail.sender.example', null],
      ['mx.receiver.example', 5],
      ['mbox.receiver.example', 60],
    ]);
    expect(ev.message?.facts?.transit).toMatchObject({ seconds: 65, skewedHops: [] });
    expect(ev.hops.findIndex((h) => h.origin)).toBe(1);
    expect(ev.message?.facts?.origin).toMatchObject({ ip: '198.51.100.7', reason: 'boundary' });
  });

  it('flags a hop dated before the one below it', () => {
    const ev = readEvidence(
      headers(
        'Received: from mail.sender.example ([198.51.100.7]) by mx.receiver.example; Tue, 4 Mar 2025 10:00:00 +0000',
        'Received: from pc ([10.1.1.9]) by mail.sender.example; Tue, 4 Mar 2025 10:05:00 +0000',
      ),
    );
    expect(ev.hops[1].delay).toBe(-300);
    expect(ev.message?.facts?.transit?.skewedHops).toEqual([1]);
  });

  it('Microsoft 365: internal outlook.com hops are the receiver; the origin is the first outside', () => {
    const ev = readEvidence(
      headers(
        'Received: from AM4PEPF00027A5F.eurprd04.prod.outlook.com (2603:10a6:208:10::32) by DB9PR04MB8316.eurprd04.prod.outlook.com with HTTPS; Tue, 4 Mar 2025 10:11:11 +0000',
        'Received: from AM4PEPF00027A5F.eurprd04.prod.outlook.com (2603:10a6:20b:1::2) by AM4PEPF00027A5F.eurprd04.prod.outlook.com (2603:10a6:208:10::32) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8511.12; Tue, 4 Mar 2025 10:11:11 +0000',
        'Received: from mail.sender.example (198.51.100.7) by AM4PEPF00027A5F.mail.protection.outlook.com (10.167.16.73) with Microsoft SMTP Server id 15.20.8511.12 via Frontend Transport; Tue, 4 Mar 2025 10:11:10 +0000',
      ),
    );
    expect(ev.message?.facts?.origin).toMatchObject({ ip: '198.51.100.7', reason: 'boundary' });
  });

  it("the receiver's stated connecting IP wins (X-Forefront-Antispam-Report CIP)", () => {
    const ev = readEvidence(
      headers(
        'X-Forefront-Antispam-Report: CIP:203.0.113.20;CTRY:NL;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:relay.forwarder.example;PTR:relay.forwarder.example;CAT:NONE;',
        'Received: from relay.forwarder.example (203.0.113.20) by AM4PEPF00027A5F.mail.protection.outlook.com (10.167.16.73) with Microsoft SMTP Server id 15.20.8511.12 via Frontend Transport; Tue, 4 Mar 2025 10:11:10 +0000',
        'Received: from mail.sender.example (mail.sender.example [198.51.100.7]) by relay.forwarder.example (Postfix) with ESMTPS id C3; Tue, 4 Mar 2025 10:11:08 +0000',
      ),
    );
    expect(ev.message?.facts?.origin).toMatchObject({
      ip: '203.0.113.20',
      reason: 'stated',
      statedBy: { header: 'X-Forefront-Antispam-Report' },
    });
  });

  it('a login (authenticated submission) is not offered as the sending server', () => {
    const ev = readEvidence(
      headers(
        'Received: from [192.168.0.10] (dsl-198-51-100-200.isp.example [198.51.100.200]) (authenticated bits=0) by smtp.sender.example (8.17.1/8.17.1) with ESMTPSA id 514AB; Tue, 4 Mar 2025 11:11:00 +0100',
      ),
    );
    expect(ev.message?.facts?.origin).toMatchObject({ login: true });
    expect(ev.hops.some((h) => h.origin)).toBe(false);
  });

  it('no Received headers: a warning, no origin', () => {
    const ev = readEvidence('From: a@sender.example\nTo: b@receiver.example\nSubject: x\nDate: Tue, 4 Mar 2025 10:00:00 +0000\n');
    expect(ev.hops).toEqual([]);
    expect(ev.warnings.join(' ')).toMatch(/no Received headers/);
  });

  it('text above the headers (a "Show original" page) is skipped', () => {
    const ev = readEvidence(
      'Original Message\nMessage ID\t<x@y>\nCreated at:\tTue, Mar 4, 2025\n\nDelivered-To: b@receiver.example\nReceived: from mail.sender.example (mail.sender.example [198.51.100.7]) by mx.receiver.example with ESMTPS id A1; Tue, 4 Mar 2025 10:11:10 +0000\nFrom: a@sender.example\nSubject: x\n',
    );
    expect(ev.inputs[0].kind).toBe('headers');
    expect(ev.message?.firstLine).toBe(5);
    expect(ev.hops[0].line).toBe(6);
  });
});

describe('stated IPs copied along from an earlier receiver', () => {
  it('a Received-SPF below an older hop does not choose the origin', () => {
    const ev = readEvidence(
      headers(
        'Received: from relay.forwarder.example (relay.forwarder.example [203.0.113.20]) by mx.receiver.example (Postfix) with ESMTPS id A1; Tue, 4 Mar 2025 10:11:10 +0000',
        'Received: from mail.sender.example (mail.sender.example [198.51.100.7]) by relay.forwarder.example (Postfix) with ESMTPS id B2; Tue, 4 Mar 2025 10:11:08 +0000',
        'Received-SPF: pass (relay.forwarder.example: domain of a@sender.example designates 198.51.100.7 as permitted sender) client-ip=198.51.100.7;',
      ),
    );
    expect(ev.message?.facts?.origin).toMatchObject({ ip: '203.0.113.20', reason: 'boundary' });
  });
});
