// Exchange Online's NDR states the failure in fixed user-facing sentences above its "Diagnostic information for
// administrators", and a paste often keeps only them. Each sentence is read in the notice's two frames — Exchange
// Online's "Your message to <address> couldn't be delivered." and Exchange 2013+'s "Delivery has failed to these
// recipients or groups:" with the address on its own line — and alone, with the entry that explains it, the reason,
// the first step and who acts; and a similar sentence that must not be read as that entry. The sentences are
// Microsoft's (NDRs as received: https://pastebin.com/gJSdfVeR, https://pastebin.com/e6yfDi5v; the codes behind them:
// https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

type Row = { sentence: string; id: string; reason: string; first: string; party: string; not: string };

const ROWS: Row[] = [
  {
    sentence: 'someone wasn’t found at example.org.',
    id: 'microsoft.ndr-name-not-recognized',
    reason: 'userunknown',
    first: 'smtp.recipient-unknown',
    party: 'recipient',
    not: 'The file wasn’t found at the path you gave.',
  },
  {
    sentence:
      "The email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.",
    id: 'microsoft.ndr-name-not-recognized',
    reason: 'userunknown',
    first: 'smtp.recipient-unknown',
    party: 'recipient',
    not: "The web page you entered couldn't be found.",
  },
  {
    sentence: "Your message couldn't be delivered because the recipient's email system couldn't be reached.",
    id: 'microsoft.ndr-recipient-system-not-responding',
    reason: 'expired',
    first: 'smtp.connection-failed',
    party: 'recipient',
    not: "The recipient couldn't be reached by phone.",
  },
  {
    sentence: "The recipient's email system didn't respond.",
    id: 'microsoft.ndr-recipient-system-not-responding',
    reason: 'expired',
    first: 'smtp.connection-failed',
    party: 'recipient',
    not: "The recipient didn't respond to our letters.",
  },
  {
    sentence: "The recipient's email provider rejected your message because it didn't pass the email authentication checks.",
    id: 'microsoft.ndr-failed-authentication',
    reason: 'authfailure',
    first: 'spf.fail',
    party: 'sender',
    not: 'Your message passed the email authentication checks.',
  },
  {
    sentence: "Your message can't be delivered because delivery to this address is restricted.",
    id: 'microsoft.sender-not-authenticated-for',
    reason: 'securityerror',
    first: 'smtp.rejected',
    party: 'recipient',
    not: 'Access to this building is restricted.',
  },
  {
    sentence:
      "Your message couldn't be delivered because you weren't recognized as a valid sender. The most common reason for this is that your email address is suspected of sending spam and it's no longer allowed to send messages outside of your organization.",
    id: 'microsoft.5.7.50x-spam-abuse',
    reason: 'blocked',
    first: 'reputation.blocked',
    party: 'sender',
    not: 'You were recognized as a valid sender.',
  },
];

const forms = (sentence: string): [string, string][] => [
  ['Exchange Online', `Your message to someone@example.org couldn't be delivered.\n${sentence}\nsender Office 365 someone`],
  ['Exchange 2013+', `Delivery has failed to these recipients or groups:\n\nsomeone@example.org\n${sentence}`],
  ['alone', sentence],
  // a web page's copy escapes its apostrophes
  ['HTML apostrophes', sentence.replace(/['’]/g, '&#39;')],
];

async function read(text: string) {
  const rep = await analyze(text);
  const j = rep.rejections[0];
  return {
    kind: rep.inputs[0]?.kind,
    knowledge: j?.knowledge ?? null,
    reason: j?.reason,
    party: j?.party,
    first: rep.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule,
  };
}

describe("Exchange Online's NDR sentences", () => {
  it.each(
    ROWS.flatMap((row) => forms(row.sentence).map(([form, text]) => [`${row.sentence.slice(0, 60)}… (${form})`, row, text] as const)),
  )('%s', async (_name, row, text) => {
    const got = await read(text);
    expect(got.kind).toBe('bounce');
    expect(got.knowledge).toBe(row.id);
    expect(got.reason).toBe(row.reason);
    expect(got.first).toBe(row.first);
    expect(got.party).toBe(row.party);
  });

  it.each(ROWS.map((row) => [row.not, row] as const))('not read as its entry: %s', async (not, row) => {
    expect((await read(not)).knowledge).not.toBe(row.id);
  });
});
