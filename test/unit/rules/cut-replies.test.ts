// A reply cut short (issue 11, point 2: a truncated reply is read for what it does say): a log or a wrapped paste
// that kept only the first line of a multi-line reply still names the receiver's judgment. Each row: the cut
// reply, the step it must give, and a near-miss whose code or words mean another thing.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const firstProblem = async (text: string) => (await analyze(text)).checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule;

describe('replies cut at the end of their first line', () => {
  it("Gmail's 421 4.7.28 rate limit, cut after 'unusual rate of'", async () => {
    expect(await firstProblem('421-4.7.28 [192.0.2.9      15] Our system has detected an unusual rate of')).toBe('smtp.rate-limited');
    // the permanent form is Gmail's block, not a rate the queue waits out
    expect(
      await firstProblem(
        '550-5.7.28 [192.0.2.9      15] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been blocked.',
      ),
    ).not.toBe('smtp.rate-limited');
  });

  it('a sender-domain deferral cut after its subject is still about the sender domain', async () => {
    expect(await firstProblem('451 4.1.8 Domain of sender address')).toBe('smtp.sender-invalid');
    expect(await firstProblem('451 4.1.1 Domain of recipient address')).not.toBe('smtp.sender-invalid');
  });
});
