// Documented reply texts of servers, filters, gateways and receivers (vendor-docs.table.ts, each table with its
// source): each text is explained by its knowledge entry and leads to the step it means — bare, cut short, in a
// Postfix bounce line and folded into a DSN's Diagnostic-Code — and a look-alike is not read as it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { VENDOR_TABLES } from './vendor-docs.table';
import { describeReplyTables } from './reply-tables';

describeReplyTables(VENDOR_TABLES, 'documented replies');

// Stage and party rules expressed in the entries' data (stages, ownServer), each with the form that must
// take it and the form that must not.
async function firstOf(paste: string) {
  const r = await analyze(paste);
  return {
    knowledge: r.rejections[0]?.knowledge ?? null,
    first: r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule,
  };
}

describe('stage and party rules in the vendors’ entries', () => {
  it("postscreen's 450 4.3.2 in the reader's own postscreen log is the reader's own setting (ownServer)", async () => {
    const got = await firstOf(
      'Oct 15 09:18:08 server postfix/postscreen[1301]: NOQUEUE: reject: RCPT from [209.85.210.49]:43734: 450 4.3.2 Service currently unavailable; from=<a@gmail.com>, to=<b@example.org>, proto=ESMTP, helo=<mail-ot1-f49.google.com>',
    );
    expect(got.knowledge).toBe('postscreen.retry-after-tests');
    expect(got.first).toBe('mta.local-error');
  });

  it('the same reply in a bounce the sender got is greylisting, a retry passes', async () => {
    const got = await firstOf(
      '<b@example.org>: host mx.example.org[192.0.2.80] said: 450 4.3.2 Service currently unavailable (in reply to RCPT TO command)',
    );
    expect(got.knowledge).toBe('postscreen.retry-after-tests');
    expect(got.first).toBe('smtp.greylisted');
  });

  it("hMailServer's 'The address is not valid.' at MAIL FROM is the sender address (stages)", async () => {
    const got = await firstOf(
      '<b@example.org>: host mail.example.org[192.0.2.80] said: 550 The address is not valid. (in reply to MAIL FROM command)',
    );
    expect(got.knowledge).toBe('hmailserver.sender-not-valid');
    expect(got.first).toBe('smtp.sender-invalid');
  });

  it('the same words at RCPT TO are not read as the sender address', async () => {
    const got = await firstOf(
      '<b@example.org>: host mail.example.org[192.0.2.80] said: 550 The address is not valid. (in reply to RCPT TO command)',
    );
    expect(got.knowledge).not.toBe('hmailserver.sender-not-valid');
  });
});
