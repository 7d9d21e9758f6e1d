// Exim log lines pasted without their prefix (issue 11 point 1): the time,
// and often the message id, are lost, and the line is still Exim's by its
// shape — a flag with its address and fields, the router/transport tail of a
// failure, an inbound line opening on H=, "SMTP error from remote mail server
// after …". Such a paste is read as an Exim log, with the refusal, its stage
// and its recipient; text with no Exim shape is not taken for one.
import { describe, expect, it } from 'vitest';
import { analyze, readEvidence } from '../../../src/core/index';

const read = (text: string) => {
  const ev = readEvidence(text);
  const r = ev.rejections.find((x) => x.stage !== 'unknown') ?? ev.rejections[0] ?? null;
  return {
    kind: ev.inputs[0].kind,
    code: r?.code ?? null,
    stage: r?.stage ?? null,
    recipient: r?.recipient ?? null,
    inbound: !!r?.inbound,
  };
};

describe('Exim lines without their prefix', () => {
  it.each([
    [
      'a failure with its flag, no time or id',
      '** b@example.net R=dnslookup T=remote_smtp H=mx.example.net [198.51.100.4]: SMTP error from remote mail server after RCPT TO:<b@example.net>: 550 5.1.1 <b@example.net>: Recipient address rejected: User unknown',
      { kind: 'exim-log', code: 550, stage: 'rcpt', recipient: 'b@example.net', inbound: false },
    ],
    [
      "a failure's tail from the router on (flag and address lost)",
      'R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<b@example.net>: host mx.example.net [2001:db8::25]: 550-inconsistent or no DNS PTR record for 2001:db8::7\\n550 (see RFC 1912 2.1)',
      { kind: 'exim-log', code: 550, stage: 'rcpt', recipient: 'b@example.net', inbound: false },
    ],
    [
      'a deferral with its id but no time',
      '1rAbCd-000123-Xy == b@example.net R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [198.51.100.4]: SMTP error from remote mail server after RCPT TO:<b@example.net>: 451 4.7.1 Greylisted, try again later',
      { kind: 'exim-log', code: 451, stage: 'rcpt', recipient: 'b@example.net', inbound: false },
    ],
    [
      'an inbound refusal opening on H=',
      'H=client.example.org (helo.example.org) [192.0.2.7] F=<a@example.org> rejected RCPT <b@example.net>: 192.0.2.7 is listed in zen.spamhaus.org',
      { kind: 'exim-log', code: 550, stage: 'rcpt', recipient: 'b@example.net', inbound: true },
    ],
    [
      "an inbound deferral opening on H=, the poster's cut IP left as '[]'",
      'H=relay1.example.com (spam1.example.com) []:36752 I=[]:25 F=<a@example.org> temporarily rejected RCPT <b@example.net>: Could not complete sender verify callout',
      { kind: 'exim-log', code: 451, stage: 'rcpt', recipient: 'b@example.net', inbound: true },
    ],
    [
      "Exim's SMTP error words alone, with a poster's elision before the code",
      'SMTP error from remote mail server after MAIL FROM:<a@host> ..... 550 unroutable sender address\n** a@host: unroutable address\nFrozen (delivery error message)',
      { kind: 'exim-log', code: 550, stage: 'mail', recipient: null, inbound: false },
    ],
    [
      "an address with its router and transport, the flag lost and the fields spaced out ('R = x')",
      'b@example.net R = dnslookup T = remote_smtp defer (-1): failed to expand "interface" option for remote_smtp transport: failed to open /etc/exim4/ip: Permission denied (euid = 109 egid = 116)',
      { kind: 'exim-log', code: null, stage: 'unknown', recipient: 'b@example.net', inbound: false },
    ],
  ])('%s', (_name, text, want) => expect(read(text)).toEqual(want));

  it.each([
    ['Markdown bold, not a failure flag', '**Why does my mail bounce?**\nI get this error when sending to b@example.net, please help'],
    [
      'an indented Exim bounce body is a bounce',
      'This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  b@example.net\n    host mx.example.net [198.51.100.4]\n    SMTP error from remote mail server after RCPT TO:<b@example.net>:\n    550 5.1.1 User unknown',
    ],
    [
      "an Exim bounce's words without their indentation (the reply on the lines below)",
      'SMTP error from remote mail server after end of data:\nhost mx.example.net [198.51.100.4]: 550-5.7.26 This message does not pass authentication checks',
    ],
  ])('%s: not an Exim log', (_name, text) => expect(read(text).kind).not.toBe('exim-log'));

  it.each([
    [
      'a transport option Exim cannot expand',
      'b@example.net R=dnslookup T=remote_smtp defer (-1): failed to expand "interface" option for remote_smtp transport: lookup failed',
    ],
    [
      'a file its transport may not open',
      'b@example.net R=dnslookup T=remote_smtp defer (-1): failed to open /etc/exim4/ip: Permission denied (euid=109 egid=116)',
    ],
  ])("Exim's own configuration failing while sending is a local error: %s", async (_name, text) => {
    const r = await analyze(text);
    expect(r.rejections[0]?.knowledge).toBe('exim.local-transport-error');
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('mta.local-error');
  });

  it('a remote refusal of the same delivery is no local error', async () => {
    const r = await analyze(
      'b@example.net R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<b@example.net>: 550 5.1.1 User unknown',
    );
    expect(r.rejections[0]?.knowledge).not.toBe('exim.local-transport-error');
  });

  it("reads a poster's lowercased, elided Exim line as the refused sender", async () => {
    const r = await analyze('smtp error from remote mail after mail from:<a@host> ..... 550 unroutable sender address');
    expect(r.inputs[0].kind).toBe('exim-log');
    expect(r.checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule).toBe('smtp.sender-invalid');
  });
});

// Exim's own bounce that could not be returned fails at the ORIGINAL sender's
// address: that is no refusal of a recipient (it would read as "user unknown")
// but a note that the sender address itself takes no mail.
describe("Exim's returned bounce", () => {
  it.each([
    [
      'pasted without ids: the failure is at the address a refusal named as the sender',
      'SMTP error from remote mail server after MAIL FROM:<a@host> SIZE=1234: 550 unroutable sender address\n** a@host: unroutable address\nFrozen (delivery error message)',
      { refusals: 1, noted: true },
    ],
    [
      'with ids: the message with the null sender is the bounce',
      [
        '2024-03-01 10:00:00 1rAAAA-000001-Ab <= <> R=1rAAAA-000000-Ab U=Debian-exim P=local S=2000',
        '2024-03-01 10:00:01 1rAAAA-000001-Ab ** a@example.org R=dnslookup T=remote_smtp H=mx.example.org [198.51.100.4]: SMTP error from remote mail server after RCPT TO:<a@example.org>: 550 5.1.1 User unknown',
        '2024-03-01 10:00:01 1rAAAA-000001-Ab Frozen (delivery error message)',
      ].join('\n'),
      { refusals: 0, noted: true },
    ],
    [
      'an ordinary failure to a recipient stays a refusal',
      '2024-03-01 10:00:01 1rAAAA-000002-Ab ** b@example.net R=dnslookup T=remote_smtp H=mx.example.net [198.51.100.4]: SMTP error from remote mail server after RCPT TO:<b@example.net>: 550 5.1.1 User unknown',
      { refusals: 1, noted: false },
    ],
  ])('%s', (_name, text, want) => {
    const ev = readEvidence(text);
    expect(ev.inputs[0].kind).toBe('exim-log');
    expect({ refusals: ev.rejections.length, noted: ev.warnings.some((w) => /bounce could not be returned/.test(w)) }).toEqual(want);
  });
});
