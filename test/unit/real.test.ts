// The real incidents of test/fixtures/real/ (issue 11), table-driven: every
// incident is analysed (none may throw or hang); each seen incident must meet
// its expect.json (kind, reason, stage, first fail/warn step, must, must_not,
// text) unless it is in KNOWN_MISSES below, with the reason it still fails.
// The list may only shrink: a listed incident that now passes fails the test
// until it is taken off. The held-out fifth (isHeldOut) is only run here for
// "no crash"; its expectations are scored by `npm run conformance` alone.

import { describe, expect, it } from 'vitest';
import { analyzeIncident, listIncidents, readHoldouts, scoreReport } from '../../scripts/conformance/real';

/** Seen incidents that still miss, each with why (the mechanism that fails, not the file). */
const KNOWN_MISSES: Record<string, string> = {
  // reason authfailure (- - unknown), want rejected|securityerror|policyviolation|blocked
  'c4-spf-ip-is-not-allowed-to-send-mail-from-domain-help-page':
    "reason only: an SPF refusal ('[SPF] 1.2.3.4 is not allowed to send mail from …') is authfailure — sisimai's reason for SPF/DKIM/DMARC failures — which the expectation (written before the run) does not list: a gap in the expectation's vocabulary; the step (spf.fail) is right",
  // first dnsbl.listed:fail, want smtp.receiver-dnsbl-error|mta.local-error
  'dms-postscreen-zen-open-resolver-answer-rejects-all-inbound':
    "an inbound postscreen 'blocked using zen.spamhaus.org' by the reader's own server leads with the client's listing (advice for the sender); the own server's DNSBL answer handling is not considered",
  // first spf.fail:fail, want ptr.missing|ptr.mismatch|smtp.ptr-required
  'es-posteio-gmail-550-5-7-1-no-authentication-floating-ip-ptr':
    "Gmail's '550 5.7.1 … does not have authentication information or fails to pass authentication checks' names SPF/DKIM (Google's error reference), and the paste names no sending IP: the thread's cause (a DigitalOcean floating IP without a PTR) needs the IP and live DNS, which an offline reading of this paste cannot have",
  // reason systemfull (452 4.3.1 mail), want systemerror|mailboxfull|onhold|mailererror
  'exchange-2010-own-server-452-4-3-1-insufficient-system-resources-disk-full':
    "reason only: Exchange's '452 4.3.1 Insufficient system resources' is read as systemfull (RFC 3463 X.3.1 'Mail system full', sisimai's reading) — not in the expectation's list; the step (mta.local-error: the refusing server's own resources) and who acts are right",
  // reason authfailure (550 5.1.0 unknown), want rejected|securityerror|policyviolation|blocked
  'forpsi-550-5-1-0-blocked-by-spf-help-page':
    "reason only: '550 5.1.0 … blocked by SPF' is authfailure (sisimai's reason for SPF failures), which the expectation (written before the run) does not list: a gap in the expectation's vocabulary; the step (spf.fail) is right",
  // reason filtered (550 - unknown), want userunknown|rejected
  'infosphere-550-cant-accept-user-5-7-1-mistyped-local-recipient':
    "reason only: \"550 can't accept user... (#5.7.1)\" (a submission server refusing a non-existent local recipient) is classified 'filtered' from the qmail-style (#5.7.1) policy status; the step (smtp.recipient-unknown) is right",
  // first smtp.rejected:fail, want smtp.auth-required|smtp.relay-denied
  'ja-arena-554-5-7-1-client-host-rejected-access-denied-smtp-auth-off':
    "Postfix's bare '554 5.7.1 <…>: Client host rejected: Access denied' from a provider's submission server (the client sent without SMTP AUTH) is read as a generic refusal (smtp.rejected), the same family as docker-postfix-client-restrictions-lack-sasl-…: a client restriction ending in reject is not read as 'authenticate first'",
  // reason authfailure (550 5.7.1 unknown), want rejected|securityerror|policyviolation
  'mailchannels-550-5-7-1-sender-not-authorized-to-send-from-domain-kb':
    "reason only: MailChannels' '550 5.7.1 This sender is not authorized to send from domain.com' is SPF's sentence without its name, read as authfailure (sisimai's reason for SPF failures), which the expectation does not list; the step (spf.fail) is right",
  // reason authfailure (550 5.7.1 unknown), want policyviolation|securityerror|rejected; stage unknown, want end-of-data|data
  'mailcow-sogo-vacation-reply-unsigned-gmail-550-5-7-1-dmarc':
    "stage: a Postfix status line ending '(in reply to end of DATA command)).' (a full stop after the closing parenthesis) keeps the '(in reply to …)' inside the reply text, so the stage stays unknown. Reason: the expectation lists no authfailure (sisimai's reason for DMARC failures) — a gap in the expectation's vocabulary, not in the thread's reading; the first step (dmarc.fail) is right",
  // reason onhold (451 4.7.1 unknown), want blocked|rejected|undefined
  'mailu-rspamd-greylist-own-web-server-try-again':
    "reason only: greylisting (rspamd's bare 'Try again later' is known as such) is 'onhold' in Mailmedic, as Postgrey's is — sisimai has no greylisting reason and the thread's choice (blocked) is another reading; the step (smtp.greylisted) is right",
  // reason filtered (550 - unknown), want userunknown|norelaying|securityerror; first smtp.recipient-unknown:fail, want smtp.auth-required|smtp.relay-denied
  'outlook-ndr-550-no-such-user-here-unauthenticated-outbound-host-kb':
    "the host's outgoing server answers an unauthenticated client's mail to the internet with '550 No such user here': the words (and cPanel's documented meaning of them) say the mailbox is unknown, and nothing in the paste says the client did not log in, so the step follows the words; the reason is 'filtered' because the Outlook notice's \"'a@b' on <date> 550\" line leaves the code at the line's end and the words on the next line",
  // first smtp.auth-failed:fail, want smtp.rejected|spf.fail|dmarc.fail
  'mimecast-accredit-554-5-3-0-header-anti-spoofing-platform-sends-as-customer-domain':
    "first step only: Mimecast's 'Rejected by header based Anti-Spoofing policy' leads with smtp.auth-failed (the receiver refused on the sender's authentication: SPF/DKIM/DMARC together), which the expectation (written before the run, when that step's id was not known to the collector) does not list; the anti-spoofing entry (knowledge/replies/gateways.ts) is right about the mechanism. Who acts: the recipient organisation's own policy refused a platform sending as its domain (the fix is its bypass), while the verdict says the sender's side — the 'internal domain from an external source' case of anti-spoofing is not told apart from plain spoofing",
  // not recognised (kind unknown); first none, want mta.local-error|dkim.fail
  // kind bounce, want postfix-log
  'postfix-deferred-greylisted-by-postgrey-mangled-log':
    'a mangled Postfix status line (parts of the prefix lost) is read as a bounce; the step is right',
  // reason notaccept (- - connect), want hostunknown|networkerror|expired; who acts: wrong, want sender
  'smartermail-bounce-no-mx-records-found-mistyped-recipient-domain':
    "reason only (and who acts): SmarterMail's 'No MX records were found for the … domain' is read with the existing 'no MX record found' wording as notaccept (sisimai: the destination takes no mail), which the expectation does not list; the step (smtp.recipient-unknown) is right. Who acts: a recipient domain without MX is given to the recipient's side, while here it was the sender's typo",
  // reason suspend (550 - unknown), want speeding|rejected|mailboxfull|userunknown|filtered
  'zh-qq-550-mailbox-unavailable-or-access-denied-recipient-flooded':
    "reason only: 'Mailbox unavailable or access denied' is in the suspend table (a recipient's mailbox that takes no mail: sisimai's reading of these words), while QQ Mail's own explanation (quoted by the page) is a recipient flooded with mail and refused for a while — the step (smtp.recipient-unknown) and who acts (the recipient's side) are right; only the reason's name differs, and no sample of the words from another receiver tells whether the suspend reading should go",
  // reason mesgtoobig (- - end-of-data), want mailboxfull; first smtp.message-too-large:fail, want smtp.mailbox-full
  'zh-263-mail-size-limit-exceeded-recipient-mailbox-over-quota':
    "263 enterprise mail answers a mailbox over quota with 'mail size limit exceeded' (its help page: 信箱超容), while 1&1/IONOS uses the same words for a message too large (sisimai's lhost-einsundeins-02); the paste names neither the 263 host nor the recipient's domain, so nothing tells the two receivers apart and the general reading (the message's size) stays",
};

const incidents = listIncidents();

describe('real incidents', () => {
  it.each(incidents.map((i) => [i.slug, i] as const))('%s', async (_slug, inc) => {
    const report = await analyzeIncident(inc);
    expect(report.version).toBe(1);
    if (inc.held) return;
    const { misses } = scoreReport(report, inc.exp);
    if (inc.slug in KNOWN_MISSES) expect(misses, `${inc.slug} now passes: take it off KNOWN_MISSES`).not.toEqual([]);
    else expect(misses).toEqual([]);
  });

  it('lists as known misses only seen incidents that exist', () => {
    const seen = new Set(incidents.filter((i) => !i.held).map((i) => i.slug));
    expect(Object.keys(KNOWN_MISSES).filter((s) => !seen.has(s))).toEqual([]);
  });

  it('records as read only held-out incidents that exist', () => {
    const held = new Set(incidents.filter((i) => i.held).map((i) => i.slug));
    const read = [...readHoldouts()];
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((s) => !held.has(s))).toEqual([]);
  });
});
