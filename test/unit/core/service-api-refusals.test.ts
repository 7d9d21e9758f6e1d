// A sending service's API refusing a recipient it suppresses (knowledge/replies/services.ts): Postmark's error
// 406 "inactive recipient", pasted as the exception's fields — read as words alone, the sender's side to act.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { buildView } from '../../../src/worker/view/build';
import { findReceiverKnowledge } from '../../../src/core/knowledge/replies';

describe('a sending service refusing a suppressed recipient', () => {
  it.each([
    '422\nYou tried to send to a recipient that has been marked as inactive.\nFound inactive addresses: test@test.com.\nInactive recipients are ones that have generated a hard bounce or a spam complaint.\n406',
    'Postmark::InactiveRecipientError: You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: a@example.org. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.',
  ])('%s', async (text) => {
    const r = await analyze(text);
    expect(r.rejections[0]?.knowledge).toBe('postmark.inactive-recipient');
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('smtp.recipient-unknown');
    expect(buildView(r).verdict.who).toMatch(/^The sender's side/);
  });

  it.each([
    // failing forms: Postmark's other refusals are not about a suppressed recipient
    "The 'From' address you supplied (a@example.org) is not a Sender Signature on your account.",
    'Inactive recipients are the ones nobody wrote to for a year',
  ])('not a suppressed recipient: %s', (text) => {
    expect(findReceiverKnowledge(text, null, 'unknown')?.id).not.toBe('postmark.inactive-recipient');
  });
});
