// mta.local-error (issue 11, whose move it is): an error of the mail system's own setup is
// not a judgment of the mail, and the client's side has nothing to fix.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const firstProblem = async (text: string) => (await analyze(text)).checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule;

describe('mta.local-error', () => {
  it.each([
    [
      'a restriction Postfix cannot run',
      'Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from mail-yh0-f50.google.com[209.85.213.50]: 451 4.3.5 Server configuration error; from=<a@gmail.com> to=<b@example.net> proto=ESMTP helo=<mail-yh0-f50.google.com>',
    ],
    [
      'a policy service Postfix cannot reach',
      'Mar 18 16:56:17 mail postfix/smtpd[20787]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 451 4.3.5 <b@example.net>: Recipient address rejected: Server configuration problem; from=<a@example.net> to=<b@example.net> proto=ESMTP helo=<localhost>',
    ],
    [
      'LMTP to a private address that refuses the connection',
      '2019-04-11T19:41:56.554496+00:00 mx postfix/lmtp[238]: 87F043F2BE: to=<info@example.net>, relay=none, delay=2370, delays=2370/0.07/0/0, dsn=4.4.1, status=deferred (connect to 172.20.0.6[172.20.0.6]:2525: Connection refused)',
    ],
  ])('%s', async (_, text) => expect(await firstProblem(text)).toBe('mta.local-error'));

  it('a connection refused by a public receiver stays smtp.connection-failed (the passing form)', async () =>
    expect(
      await firstProblem(
        '2019-04-11T19:41:56.554496+00:00 mx postfix/smtp[238]: 87F043F2BE: to=<info@example.net>, relay=none, delay=2370, delays=2370/0.07/0/0, dsn=4.4.1, status=deferred (connect to mx.example.net[198.18.7.6]:25: Connection refused)',
      ),
    ).toBe('smtp.connection-failed'));

  it("a refusal for the client itself is not the server's own error", async () =>
    expect(
      await firstProblem(
        'Dec 13 10:31:48 mx postfix/smtpd[2875]: NOQUEUE: reject: RCPT from unknown[198.18.0.9]: 450 4.7.1 Client host rejected: cannot find your hostname, [198.18.0.9]; from=<a@example.org> to=<b@example.net> proto=ESMTP helo=<x>',
      ),
    ).not.toBe('mta.local-error'));
});
