// The receiver's attachment policy in its own words: Gmail's "… to review our attachment guidelines"
// (the tail of its 552 5.7.0 refusals, sometimes all a notice keeps of them) and "review our message content
// and attachment content guidelines" are a content refusal (policyviolation, smtp.content-rejected); the
// size and mailbox refusals that also answer 552 are not. Each row's diagnosis was written before the tool
// was run on it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const NOW = { now: () => new Date('2026-12-01T00:00:00Z') };

async function read(text: string) {
  const r = await analyze(text, NOW);
  const step = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  return { reason: r.rejections[0]?.reason, step: step?.rule };
}

describe('attachment guidelines are a content refusal', () => {
  it.each([
    ['Remote server replied: 552 5.7.0 review our attachment guidelines.'],
    [
      '552 5.7.0 Please visit https://support.google.com/mail/?p=BlockedMessage to review our message content and attachment content guidelines.',
    ],
    [
      '552-5.7.0 Our system detected an illegal attachment on your message. Please visit\n552 5.7.0 http://mail.google.com/support/bin/answer.py?answer=6590 to review our attachment guidelines.',
    ],
  ])('%s → policyviolation, smtp.content-rejected', async (text) => {
    const r = await read(text);
    expect(r.reason).toBe('policyviolation');
    expect(r.step).toBe('smtp.content-rejected');
  });

  it.each([
    // a message over the size limit is no attachment policy
    ['552 5.3.4 Message size exceeds fixed limit', 'smtp.message-too-large'],
    // a full mailbox answers 552 too
    ['552 5.2.2 <a@example.org>: Recipient mailbox is full', 'smtp.mailbox-full'],
  ])('%s → %s (not the attachment policy)', async (text, step) => expect((await read(text)).step).toBe(step));
});
