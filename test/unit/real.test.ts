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
  // first dnsbl.listed:fail, want smtp.receiver-dnsbl-error|mta.local-error
  'dms-postscreen-zen-open-resolver-answer-rejects-all-inbound':
    "an inbound postscreen 'blocked using zen.spamhaus.org' by the reader's own server leads with the client's listing (advice for the sender); the own server's DNSBL answer handling is not considered",
  // not recognised (kind unknown); first none, want mta.local-error
  // reason filtered (550 - unknown), want rejected|securityerror|policyviolation|norelaying; first smtp.recipient-unknown:fail, want smtp.sender-invalid
  'es-mattermost-yahoo-550-mailbox-unavailable-feedback-email-from':
    "Yahoo's '550 Request failed; Mailbox unavailable' is read as an unknown recipient; the app's own prefix 'Error ajuste \"Dirección Desde\"' (the From setting, Spanish) is not used to place it on the sender",
  // reason systemfull (452 4.3.1 mail), want systemerror|mailboxfull|onhold|mailererror
  'exchange-2010-own-server-452-4-3-1-insufficient-system-resources-disk-full':
    "reason only: Exchange's '452 4.3.1 Insufficient system resources' is read as systemfull (RFC 3463 X.3.1 'Mail system full', sisimai's reading) — not in the expectation's list; the step (mta.local-error: the refusing server's own resources) and who acts are right",
  // reason securityerror (554 5.7.1 end-of-data), want blocked|badreputation|spamdetected|rejected; first smtp.rejected:fail, want dnsbl.listed|reputation.blocked
  'fortiguard-554-5-7-1-black-ip-vps-postfix-appeal-form':
    "FortiGuard's 'blocked because it is from a FortiGuard - AntiSpam black IP address.(connection black ip …)' wrapped across lines ('black' / 'IP address') is not read as a vendor IP block list: the wrapped phrase does not match, so only the generic 5.7.1 step is given",
  // reason onhold (451 4.7.1 unknown), want blocked|rejected|undefined
  'mailu-rspamd-greylist-own-web-server-try-again':
    "reason only: greylisting (rspamd's bare 'Try again later' is known as such) is 'onhold' in Mailmedic, as Postgrey's is — sisimai has no greylisting reason and the thread's choice (blocked) is another reading; the step (smtp.greylisted) is right",
  // reason none, want norelaying|securityerror|rejected; first none, want smtp.auth-required|smtp.relay-denied; stage none, want rcpt
  'nodemailer-sendmail-550-5-7-1-relaying-denied-ip-name-lookup-failed':
    "nodemailer's old debug transcript ('SERVER 1:' / 'CLIENT 1:' headings, replies under '└──' tree prefixes) is taken as a transcript but the prefixed lines are not read as replies, so sendmail's '550 5.7.1 … Relaying denied. IP name lookup failed' is never found",
  // reason onhold (550 - end-of-data), want blocked|badreputation|rejected; first smtp.rejected:fail, want reputation.blocked|dnsbl.listed
  'plesk-kb-server-ip-blacklisted-plesk-info-bounce-lines':
    "a reply whose code line holds only a label ('PLESK_INFO: 550 SC-001') and whose text follows on the next, unindented line ('(SNT004-MC4F35) Unfortunately, messages from … block list (S3140).') is read as the bare text 'SC-001': the continuation is not joined, so the first refusal is undecided; the later Gmail/Proofpoint/Yahoo lines are read right",
  // not recognised (kind unknown); first none, want mta.local-error|dkim.fail
  // kind bounce, want postfix-log
  'postfix-deferred-greylisted-by-postgrey-mangled-log':
    'a mangled Postfix status line (parts of the prefix lost) is read as a bounce; the step is right',
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
