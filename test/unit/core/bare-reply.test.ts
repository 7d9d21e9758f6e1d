// Only the receiver's reply, pasted — what users most often copy from a bounce
// or a client's error box — is read as a refusal and classified; a knowledge
// entry's commands keep a visible blank where the input names no IP.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const GMAIL_5725 = [
  '550-5.7.25 The IP address sending this message does not have a PTR record setup, or',
  '550-5.7.25 the corresponding forward DNS entry does not point to the sending IP. As a policy,',
  '550 5.7.25 Gmail does not accept messages from IPs with missing PTR records. - gsmtp',
].join('\n');

describe('a bare SMTP reply pasted alone', () => {
  it.each([
    [GMAIL_5725, 'requireptr', '5.7.25'],
    ['550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown in virtual mailbox table', 'userunknown', '5.1.1'],
    ['452 4.2.2 The email account that you tried to reach is over quota. - gsmtp', 'mailboxfull', '4.2.2'],
    // no enhanced code: a receiver's known words
    ['554 Message does not conform to standards', 'notcompliantrfc', null],
    ['550 Relay access denied', 'norelaying', null],
  ])('%s → %s', async (text, reason, enhanced) => {
    const r = await analyze(text);
    expect(r.inputs[0].kind).toBe('bounce');
    expect(r.rejections[0]).toMatchObject({ reason, enhanced });
  });

  it('joins the continuation lines into one refusal', async () => {
    const r = await analyze(GMAIL_5725);
    expect(r.rejections).toHaveLength(1);
    expect(r.rejections[0].text).toMatch(/PTR record setup.*missing PTR records/);
  });

  it('leaves a visible blank, not prose, in commands when the input names no IP', async () => {
    const r = await analyze(GMAIL_5725);
    const verify = r.checklist.flatMap((s) => s.verify);
    expect(verify).toContain('dig -x <the sending IP> +short');
    expect(verify.join(' ')).not.toMatch(/dig -x the sending IP/);
  });

  it.each([
    'Our 550 employees wrote 4.2 million messages last year.',
    '500 Internal Server Error',
    '450 people came to the meeting; 550 stayed home.',
    '550 5.7.1 looks like a code but this text goes on\n' + 'and on\n'.repeat(60),
  ])('is not claimed for other text: %#', async (text) => {
    const r = await analyze(text);
    expect(r.inputs[0].kind).not.toBe('bounce');
  });
});
