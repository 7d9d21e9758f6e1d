// Exchange Online's NDR prose pasted without its technical block (knowledge/replies/microsoft.ts): the words
// alone say what happened — here a recipient system that never took the connection (its 4.4.7 NDR).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { buildView } from '../../../src/worker/view/build';

const NOT_RESPONDING =
  "Your message couldn't be delivered. Despite repeated attempts to contact the recipient's email system it didn't respond.\nContact the recipient by some other means (by phone, for example) and ask them to tell their email admin that it appears that their email system isn't accepting connection requests from your email system.";

describe("Exchange Online's NDR prose", () => {
  it('a recipient system that did not respond: the queue gave up, the recipient’s side acts', async () => {
    const r = await analyze(NOT_RESPONDING);
    expect(r.inputs[0].kind).not.toBe('unknown');
    expect(r.rejections[0]).toMatchObject({ reason: 'expired', knowledge: 'microsoft.ndr-recipient-system-not-responding' });
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('smtp.delivery-expired');
    expect(buildView(r).verdict.who).toMatch(/^The recipient's side/);
  });

  it.each([
    // failing forms: the NDR's other prose is not a system that did not respond
    "Your message couldn't be delivered. The recipient's mailbox is full and can't accept messages now.",
    "Your message to a@example.org couldn't be delivered. a wasn't found at example.org.",
  ])('not a recipient system that did not respond: %s', async (text) => {
    const r = await analyze(text);
    expect(r.rejections[0]?.knowledge).not.toBe('microsoft.ndr-recipient-system-not-responding');
  });
});
