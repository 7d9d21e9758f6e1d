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

  // no enhanced code and words no receiver's table knows: an SMTP reply code, a sentence that says a
  // refusal, not a count, not HTTP's status phrase (knowledge/reply-line.ts)
  it.each([
    ['550 Subject contains invalid characters', 'notcompliantrfc'],
    ["550 /home/u/.forward: line 1:\n\"|/usr/bin/prog\" ... Can't create output:\nPermission denied", 'systemerror'],
    ['550 permission denied', null],
    ['554 Sorry, this server does not take mail for you', null],
    ['451 Temporary local problem - please try later', null],
    ['553-Your message was refused\n553 because of its size', null],
    // the same line under a poster's words, or in a web page's markup
    ['Hi, my mail bounces with this:\n\n550 Subject contains invalid characters\n\nThanks, Tom', 'notcompliantrfc'],
    ['<div><p>550 Subject contains invalid characters</p></div>', 'notcompliantrfc'],
  ])('a reply line alone: %s', async (text, reason) => {
    const r = await analyze(text);
    expect(r.inputs[0].kind).toBe('bounce');
    expect(r.rejections).toHaveLength(1);
    if (reason) expect(r.rejections[0].reason).toBe(reason);
  });

  it('joins a reply whose line ends on a colon with the words it announces', async () => {
    const r = await analyze("550 /home/u/.forward: line 1:\n\"|/usr/bin/prog\" ... Can't create output:\nPermission denied");
    expect(r.rejections[0].text).toMatch(/line 1: .*Can't create output: Permission denied$/);
  });

  it.each([
    'Our 550 employees wrote 4.2 million messages last year.',
    '500 errors were logged today, all denied',
    '500 ms timeout exceeded',
    '503 Service Unavailable',
    '504 Gateway Timeout: the upstream failed',
    'HTTP/1.1 550 Permission denied',
    '550 Wonderful weather in Paris today',
    '421 is the number of the road',
    '443 connection refused',
    'Release notes\n\n500 errors were fixed in this release, and login failures are gone.',
    '<p>503 Service Unavailable</p><p>The server is temporarily unable to service your request.</p>',
    'Server log\n\nHTTP/1.1 502 Bad Gateway\n550 requests failed today',
    '500 Internal Server Error',
    '450 people came to the meeting; 550 stayed home.',
    '550 5.7.1 looks like a code but this text goes on\n' + 'and on\n'.repeat(60),
  ])('is not claimed for other text: %#', async (text) => {
    const r = await analyze(text);
    expect(r.inputs[0].kind).not.toBe('bounce');
  });
});
