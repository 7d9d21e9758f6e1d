// Security gateways' and content filters' refusals (knowledge/replies/gateways.ts, content-filters.ts) and
// the sending server's own next-hop lookups (refusal-problems.ts own-next-hop-dns): the first step follows
// the kind the vendor's words name — its own IP reputation list, the content, authentication, the recipient
// organisation's block list — not the vendor. Forms written from each vendor's documentation (cited in the
// tables), in several wrappings, and near words that must not be read as them.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

async function read(text: string) {
  const r = await analyze(text);
  const first = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  return { rule: first?.rule, knowledge: r.rejections[0]?.knowledge ?? undefined, party: r.rejections[0]?.party };
}

const postfixBounce = (reply: string, stage = 'end of DATA') =>
  `<b@example.net>: host mx.example.net[198.51.100.4] said: ${reply} (in reply to ${stage} command)`;

describe('security gateways: the kind of refusal decides the step', () => {
  it.each([
    // Fortinet: the IP in FortiGuard's own reputation list is a listing at Fortinet; a URL it rates is content
    [
      'reputation.blocked',
      'fortiguard.ip-reputation',
      postfixBounce(
        '554 5.7.1 This message has been blocked because it is from a FortiGuard - AntiSpam black IP address.(connection black ip 192.0.2.10)',
      ),
    ],
    [
      'reputation.blocked',
      'fortiguard.ip-reputation',
      '550 5.7.1 Connection refused: 192.0.2.5 is listed in FortiGuard AntiSpam IP reputation database',
    ],
    [
      'smtp.content-rejected',
      'fortiguard.content',
      '550 5.7.1 This email from IP 192.0.2.10 has been rejected. The email message was detected as spam. FortiGuard AntiSpam(SPAM URL:https://example.com/x)',
    ],
    [
      'smtp.content-rejected',
      'fortiguard.content',
      '550 5.7.1 This email from IP 192.0.2.10 has been rejected. The email message was detected as spam.FortiGuard WebFilter(https://example.com/x (Malicious Websites))',
    ],
    [
      'smtp.content-rejected',
      'fortiguard.content',
      '554 5.7.1 This message has been blocked because it contains FortiGuard - AntiSpam blocking URL(s).',
    ],
    // Mimecast's published codes
    [
      'smtp.rejected',
      'mimecast.envelope-blocked',
      '550 Rejected by header based Blocked Senders - Block policy for Header From - https://community.mimecast.com/docs/DOC-1369#550',
    ],
    [
      'smtp.rejected',
      'mimecast.envelope-blocked',
      postfixBounce(
        '550 Envelope rejected - Block policy for Envelope From address - https://community.mimecast.com/docs/DOC-1369#550',
        'RCPT TO',
      ),
    ],
    ['smtp.rejected', 'mimecast.sender-address-blocked', '421 Sender address blocked - https://community.mimecast.com/docs/DOC-1369#421'],
    [
      'smtp.greylisted',
      'mimecast.greylisting',
      postfixBounce(
        '451 Internal resource is temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451 [Aj3QXapeMpqZYaeFwWhjzw.us32]',
        'RCPT TO',
      ),
    ],
    [
      'reputation.blocked',
      'mimecast.ip-temporarily-blacklisted',
      '451 IP temporarily blacklisted - https://community.mimecast.com/docs/DOC-1369#451',
    ],
    [
      'smtp.auth-failed',
      'mimecast.anti-spoofing',
      '550 Rejected by header based Anti-Spoofing policy: a@example.org - https://community.mimecast.com/docs/DOC-1369#550',
    ],
    [
      'smtp.content-rejected',
      'mimecast.content-examination',
      '550 Message bounced due to Content Examination policy - https://community.mimecast.com/docs/DOC-1369#550',
    ],
    [
      'reputation.blocked',
      'cloudmark.csi',
      '550 csi.mimecast.org Poor Reputation Sender. - https://community.mimecast.com/docs/DOC-1369#550 [vH7Ns8biNg-p6EfZ0QaVMQ.us149]',
    ],
    // MailChannels (the hosting provider's outbound relay, and inbound filtering)
    // (the receiver states SPF failed — knowledge/recorded-checks 'prohibited by SPF' — so the SPF step, not a generic one)
    ['spf.fail', 'mailchannels.spf', postfixBounce('550 5.7.1 [BFD] Sender prohibited by SPF')],
    [
      'smtp.content-rejected',
      'mailchannels.inbound-attachment',
      '550 5.7.1 [IB_FEB] Your message could not be delivered because it contained an attachment type that is not allowed',
    ],
    ['reputation.blocked', 'mailchannels.inbound-blocked', '550 [S10] Blocked'],
    // Proofpoint, Hornetsecurity, Cisco, Trend Micro, Sophos, Symantec
    [
      'reputation.blocked',
      'hornetsecurity.ip-reputation',
      '554 5.5.4 Your IP 192.0.2.10 address has a bad reputation. To unblock visit http://cloud-security.net/unblock?x=1',
    ],
    [
      'reputation.blocked',
      'proofpoint.ipcheck',
      postfixBounce('554 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.10', 'MAIL FROM'),
    ],
    [
      'reputation.blocked',
      'cisco.sbrs',
      "554 Your access to this mail system has been rejected due to the sending MTA's poor reputation. If you believe that this failure is in error, please contact the intended recipient via alternate means.",
    ],
    // (AsyncOS's default SPF reject text states the receiver's SPF result — knowledge/recorded-checks spf.failed-words —
    // so the SPF step, as for MailChannels's "prohibited by SPF")
    ['spf.fail', 'cisco.spf-prohibited', '550 #5.7.1 SPF unauthorized mail is prohibited.'],
    ['spf.fail', 'cisco.spf-prohibited', postfixBounce('550 5.7.1 SPF unauthorized mail is prohibited.')],
    [
      'reputation.blocked',
      'trendmicro.ers',
      '550 5.7.1 Your email messages have been blocked by the recipient OR by Trend Micro Email Reputation Service. Contact the recipient or his/her administrator using alternate means to resolve the issue.',
    ],
    ['reputation.blocked', 'trendmicro.ers', '450 4.7.1 <a@example.net>: Recipient address rejected: ERS-QIL'],
    ['smtp.rejected', 'sophos.block-list', '550 5.7.1 Message rejected XGEMAIL_0008'],
    ['smtp.rate-limited', 'sophos.rate', '554 5.7.28 Mail flood detected;'],
    ['smtp.content-rejected', 'symantec.content', '554 Denied (Mode: normal)'],
    ['smtp.content-rejected', 'symantec.content', '552 MS-Office file containing VBA macros found inside of the email'],
  ])('%s (%s) ← %s', async (rule, knowledge, text) => expect(await read(text)).toMatchObject({ rule, knowledge }));

  it.each([
    // the recipient organisation's own block list: only its side can lift it
    ['mimecast.envelope-blocked', '550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550'],
    ['sophos.block-list', '550 5.7.1 XGEMAIL_0009 rejected'],
  ])('the recipient acts: %s', async (knowledge, text) => expect(await read(text)).toMatchObject({ knowledge, party: 'recipient' }));

  it.each([
    // "Spam" inside a product's name is no spam verdict: Gmail's content entry must not take FortiGuard's IP refusal
    ['fortiguard.ip-reputation', '554 5.7.1 This message has been blocked because it is from a FortiGuard - AntiSpam black IP address.'],
    // Symantec's "(Mode: normal)" after a Spamhaus listing: the list is the finding, not a content verdict
    ['dnsbl.spamhaus', '554 Denied [SHXBL] - Denied by Spamhaus XBL - See http://www.spamhaus.org/query/bl?ip=192.0.2.10 (Mode: normal)'],
    // Barracuda's reputation list is BRBL; the vendor's name alone is no listing
    [
      'dnsbl.barracuda',
      '554 Service unavailable; Client host [192.0.2.10] blocked using Barracuda Reputation; http://bbl.barracudacentral.com/q.cgi?ip=192.0.2.10',
    ],
    // Mimecast's words alone are common: without Mimecast they stay a sender refusal
    ['generic.sender-rejected', '421 Sender address blocked'],
  ])('near words: %s ← %s', async (knowledge, text) => expect((await read(text)).knowledge).toBe(knowledge));

  it("Cisco's sentence copied after another server's own RBL hit is not Cisco's score", async () => {
    const r = await read(
      "550 JunkMail rejected - (pc) [203.0.113.80]:61234 is in an RBL: Your access to this mail system has been rejected due to the sending MTA's poor reputation.",
    );
    expect(r.knowledge).not.toBe('cisco.sbrs');
  });

  it.each([['550 5.7.1 Rejected due to IP reputation'], ['554 IP address 198.51.100.5 rejected [IP reputation fail]']])(
    "a gateway's own IP reputation words name the reputation block: %s",
    async (text) => expect((await read(text)).rule).toBe('reputation.blocked'),
  );

  it("Barracuda's name without its reputation list is no DNSBL listing", async () =>
    expect((await read('550 5.7.1 Message content rejected by Barracuda Networks')).rule).not.toBe('dnsbl.listed'));

  it('an IP named beside a FortiGuard URL verdict is not an IP reputation block', async () => {
    const r = await read(
      '550 5.7.1 This email from IP 192.0.2.10 has been rejected. The email message was detected as spam. FortiGuard AntiSpam(SPAM URL:https://example.com/x)',
    );
    expect(r.rule).not.toBe('reputation.blocked');
  });
});

describe('content filters on a mail server: rspamd, Amavis', () => {
  it.each([
    ['smtp.content-rejected', 'rspamd.forbidden-attachment', '554 5.7.1 Matched map: FORBIDDEN_FILE_EXTENSION'],
    ['smtp.content-rejected', 'rspamd.forbidden-attachment', postfixBounce('554 5.7.1 Forbidden attachment name extension')],
    ['smtp.content-rejected', 'rspamd.forbidden-attachment', '550 5.7.1 Message contains a banned file type (.exe)'],
    ['smtp.content-rejected', 'rspamd.forbidden-attachment', '550 5.7.1 Message rejected: attachment type not allowed'],
    ['smtp.content-rejected', 'filter.rejected-by-content-filter', '554 5.7.1 Rejected by content filter'],
    ['smtp.content-rejected', 'filter.rejected-by-content-filter', '550 5.7.1 Message rejected by DSPAM'],
    ['smtp.content-rejected', 'rspamd.spam-rejected', '554 5.7.1 Spam message rejected'],
    ['smtp.content-rejected', 'rspamd.spam-rejected', postfixBounce('554 5.7.1 rejected by rspamd filter')],
    [
      'smtp.content-rejected',
      'rspamd.spam-rejected',
      'Dec  3 10:00:01 mx postfix/cleanup[99]: 3F2A1: milter-reject: END-OF-MESSAGE from unknown[192.0.2.10]: 5.7.1 Spam message rejected; from=<a@example.org> to=<b@example.net> proto=ESMTP helo=<x>',
    ],
    [
      'smtp.content-rejected',
      'amavis.banned',
      '554 5.7.0 Reject, id=12345-01 - BANNED: P=p002,L=1/2,M=application/zip,T=zip,N=x.zip | P=p005,L=1/2/1,T=exe,N=x.exe',
    ],
    ['smtp.content-rejected', 'amavis.infected', '554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Test-Signature'],
    ['smtp.content-rejected', 'amavis.spam', '554 5.7.0 Reject, id=12345-01 - SPAM'],
    // a milter that crashed on the refusing server: that server's own error, never the sender's
    ['mta.local-error', 'pymilter.untrapped-exception', 'Error 451 4.3.0 pymilter: untrapped exception in pythonfilter'],
    ['smtp.not-compliant', 'amavis.bad-header', '554 5.6.0 Reject, id=12345-01 - BAD-HEADER: Improper use of 8-bit data in message header'],
  ])('%s (%s) ← %s', async (rule, knowledge, text) => expect(await read(text)).toMatchObject({ rule, knowledge }));

  it.each([
    // an address or list named "spam" is not a spam verdict; an unknown list address stays an unknown recipient
    ['smtp.recipient-unknown', '550 5.1.1 <spam-reports@example.net>: Recipient address rejected: User unknown in virtual mailbox table'],
    // "forbidden" alone names no attachment
    ['smtp.rejected', '550 5.7.1 Forbidden'],
  ])('near words keep their own step: %s ← %s', async (rule, text) => expect((await read(text)).rule).toBe(rule));

  it.each([
    ['Blocked spam from your server, see our policy', 'amavis.spam'],
    ['550 5.7.1 Forbidden', 'rspamd.forbidden-attachment'],
  ])('not read as the filter: %s', async (text, knowledge) => expect((await read(text)).knowledge).not.toBe(knowledge));
});

describe("the sending server's own next-hop lookups", () => {
  const deferral = (to: string, dsn: string, status: string, why: string) =>
    `Dec  3 10:00:01 host postfix/smtp[99]: 3F2A1: to=<${to}>, relay=none, delay=1, delays=0/0/1/0, dsn=${dsn}, status=${status} (Host or domain name not found. ${why})`;

  it.each([
    // a relayhost only in /etc/hosts, or a resolver that fails: an address lookup of another name, for now
    [deferral('b@example.net', '4.4.3', 'deferred', 'Name service error for name=smtp.relay.example type=A: Host not found, try again')],
    // a relayhost without [brackets] is looked up as MX: a name that is not the recipient's domain
    [deferral('b@example.net', '5.4.4', 'bounced', 'Name service error for name=smtp.relay.example type=MX: Host not found')],
    // the MX of a domain that always resolves: the server's own resolver
    [deferral('b@gmail.com', '4.4.3', 'deferred', 'Name service error for name=gmail.com type=MX: Host not found, try again')],
    // Exchange's own queue: its transport asked DNS servers that call an existing next hop nonexistent
    ['451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain'],
  ])('the own server: %s', async (text) => expect((await read(text)).rule).toBe('mta.local-error'));

  it.each([
    // the recipient's own domain not found: the recipient side
    [
      'smtp.recipient-unknown',
      deferral('b@example.net', '5.4.4', 'bounced', 'Name service error for name=example.net type=MX: Host not found'),
    ],
    // a host under the recipient's domain that does not answer for now: a lookup of the recipient's DNS
    [
      'smtp.dns-lookup-failed',
      deferral('b@example.net', '4.4.3', 'deferred', 'Name service error for name=mx.example.net type=A: Host not found, try again'),
    ],
  ])('not the own next hop: %s ← %s', async (rule, text) => expect((await read(text)).rule).toBe(rule));
});
