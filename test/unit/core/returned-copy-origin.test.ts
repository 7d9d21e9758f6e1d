// A bounce's returned copy ends at the sender's own server: its chain's
// "origin" is the workstation that submitted the message, which the refusing
// receiver never saw, so it is not shown as the sending server.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const caseInput = (name: string, file: string) => readFileSync(new URL(`../../fixtures/cases/${name}/${file}`, import.meta.url), 'utf8');

describe("the sending server of a bounce's returned copy", () => {
  it('is not the workstation that submitted to the sender’s own server', async () => {
    const r = await analyze(caseInput('dns-spf-lookup-limit-m365', 'input.txt'));
    expect(r.inputs[0].kind).toBe('bounce');
    expect(r.hops.some((h) => h.ip === '198.51.100.23')).toBe(true);
    expect(r.message?.origin ?? null).toBeNull();
  });
  it('is kept when it is a login, whose explanation says so', async () => {
    const r = await analyze(caseInput('in-dovecot-quota-dsn', 'input.eml'));
    expect(r.message?.origin).toMatchObject({ ip: '203.0.113.9', login: true });
  });
  it('is kept for a message that is not a bounce', async () => {
    const r = await analyze(
      'Received: from mail.sender.example (mail.sender.example [198.51.100.7]) by mx.receiver.example (Postfix) with ESMTPS id 4XyZ; Tue, 4 Mar 2025 10:11:09 +0000\nFrom: a@sender.example\nTo: b@receiver.example\nDate: Tue, 4 Mar 2025 10:11:05 +0000\nSubject: x\n\nbody\n',
    );
    expect(r.message?.origin?.ip).toBe('198.51.100.7');
  });
});
