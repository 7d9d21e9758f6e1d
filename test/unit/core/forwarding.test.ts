// A message a forwarder passed on (issue 11 point 4): the marks that show
// forwarding are read in the refusal's words and the lines near it
// (knowledge/forwarding.ts, parse/forwarding.ts), and words that only look
// like forwarding are not taken for it.
import { describe, expect, it } from 'vitest';
import { readEvidence } from '../../../src/core/index';

/** The first refusal's forwarding evidence (the input must hold a refusal, or the row proves nothing). */
function forwarded(text: string) {
  const rejections = readEvidence(text).rejections;
  expect(rejections.length).toBeGreaterThan(0);
  return rejections[0].forwarded ?? null;
}

describe('forwarding marks', () => {
  it.each([
    [
      'Exim names the address a redirect generated it from',
      'b@example.net\n    (ultimately generated from a@example.org)\n    host mx.example.net [198.51.100.4]\n    SMTP error from remote mail server after end of data:\n    550 5.7.26 The MAIL FROM domain [example.com] fails to pass SPF checks with the ip: [192.0.2.7]',
    ],
    [
      'the envelope sender is SRS-rewritten',
      'Return-Path: <SRS0=ab12=XY=example.com=alice@forward.example.org>\n<b@example.net>: host mx.example.net[198.51.100.4] said: 550 5.7.1 SPF check failed (in reply to end of DATA command)',
    ],
    [
      'a forwarding rule logged its failed delivery',
      '[error][2024-11-02 00:12:28] 550 Mail content denied\n[error][2024-11-02 00:12:28] Forward Error: delivery to b@example.net failed',
    ],
    [
      'a forwarding service reports its next hop ("upstream (host) error")',
      "upstream (mx.example.net.) error: permanent error (550): 5.7.1 messages from [192.0.2.7] weren't sent, part of their network is on our block list (S3150).",
    ],
    [
      "the refusal names the reporting relay's own IP",
      '<a@example.net>: host relay.example.org[192.0.2.7] said: 550 Error for a@example.net of "response=550 5.7.0 Blocked - see https://dnsbl.example/lookup?ip=192.0.2.7" (in reply to end of DATA command)',
    ],
    [
      "the receiver's words say the mail was forwarded",
      "Remote Server returned '550 5.7.520 Access denied, Your organization does not allow external forwarding. AS(7555)'",
    ],
  ])('%s: forwarded', (_name, text) => expect(forwarded(text)).not.toBeNull());

  it.each([
    [
      'a person forwarded the bounce to the admin',
      '---------- Forwarded message ---------\nFrom: Mail Delivery Subsystem <mailer-daemon@example.net>\n\n<b@example.net>: host mx.example.net[198.51.100.4] said: 550 5.7.1 Client host [192.0.2.7] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
    ],
    [
      "Gmail's PTR text speaks of forward DNS",
      '550-5.7.25 The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP.',
    ],
    ['a mail forwarding loop is a routing error', '<b@example.net>: mail forwarding loop for b@example.net'],
    [
      'a local alias expansion (Postfix "expanded from") is no forwarder',
      '<root@host.example.net> (expanded from <root>): Host or domain name not found. Name service error for name=host.example.net type=A: Host not found',
    ],
    [
      "the refusal names another IP than the reporting host's",
      '<a@example.net>: host mx.example.net[198.51.100.4] said: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org (in reply to RCPT TO command)',
    ],
  ])('%s: not forwarded', (_name, text) => expect(forwarded(text)).toBeNull());
});
