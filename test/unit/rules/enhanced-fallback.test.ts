// Classification never gives up early (issue 11 point 2): when no words of a reply are known, its enhanced
// status code decides — every class.subject.detail of RFC 3463 §3 and the IANA registry
// (knowledge/enhanced-codes.ts, each with its source) gives a reason and a first step, in both classes, and the
// details whose reason alone would point at the wrong party get their own step (knowledge/refusal-problems.ts:
// X.1.8 is the sender's domain, not the IP; X.4.6 a loop; X.7.13 the sending account).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { ENHANCED_CODES } from '../../../src/core/knowledge/enhanced-codes';

const WORDLESS = 'Zqxv wobble frum';

async function read(basic: number, enhanced: string, stage = 'RCPT TO') {
  const r = await analyze(
    `<b@example.net>: host mx.example.net[192.0.2.80] said: ${basic} ${enhanced} ${WORDLESS} (in reply to ${stage} command)`,
  );
  const first = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  return { reason: r.rejections[0]?.reason, first: first?.rule };
}

// the engine's own names for "nothing decided" (sisimai: onhold when a bounce says nothing more)
const SAME: Record<string, string[]> = { undefined: ['undefined', 'onhold'] };

describe('the enhanced code decides when the words say nothing', () => {
  const cases = ENHANCED_CODES.flatMap((e) => [
    [e.code.replace('X', '5'), 550, e.reason, e.source] as const,
    [e.code.replace('X', '4'), 450, e.reason4 ?? e.reason, e.source] as const,
  ]);
  it.each(cases)('%s (basic %d) → %s, with a first step (%s)', async (code, basic, reason) => {
    const got = await read(basic, code);
    expect(got.first).toBeTruthy();
    // X.1.5 (a valid address) and X.1.10 (a recipient's null MX) at RCPT are refusals of the recipient
    // whatever the detail says; X.7.27 is also Gmail's SPF refusal — the detail does not override those
    if (['5.1.5', '4.1.5', '5.1.10', '5.7.27'].includes(code)) return;
    expect(SAME[reason] ?? [reason]).toContain(got.reason);
  });

  it.each([
    ['5.1.1', 'smtp.recipient-unknown'],
    ['5.1.2', 'smtp.recipient-unknown'],
    ['5.1.3', 'smtp.recipient-unknown'],
    ['5.1.6', 'smtp.recipient-unknown'],
    ['5.1.7', 'smtp.sender-invalid'],
    ['5.1.8', 'smtp.sender-invalid'],
    ['4.1.8', 'smtp.sender-invalid'],
    ['5.2.2', 'smtp.mailbox-full'],
    ['4.2.2', 'smtp.mailbox-full'],
    ['5.2.3', 'smtp.message-too-large'],
    ['5.3.4', 'smtp.message-too-large'],
    ['5.4.6', 'smtp.mail-loop'],
    ['5.4.7', 'smtp.delivery-expired'],
    ['4.5.3', 'smtp.rate-limited'],
    ['5.7.10', 'smtp.tls-failed'],
    ['5.7.11', 'smtp.tls-failed'],
    ['5.7.13', 'smtp.login-failed'],
    ['5.7.23', 'smtp.auth-failed'],
    ['5.7.25', 'smtp.ptr-required'],
    ['5.7.26', 'smtp.auth-failed'],
  ])('%s → %s', async (code, step) => {
    expect((await read(Number(code[0]) === 5 ? 550 : 450, code)).first).toBe(step);
  });

  it('a detail does not override a receiver that names the problem itself', async () => {
    // Microsoft's 5.1.8 is its own block of a spamming account, not the sender's domain
    const r = await analyze('550 5.1.8 Access denied, bad outbound sender. AS(42000020)');
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('reputation.blocked');
  });
});
