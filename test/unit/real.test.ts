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
  // first smtp.ptr-required:warn, want mta.local-error
  'anonaddy-docker-gateway-ip-no-reverse-hostname-mynetworks':
    "an inbound refusal of a private (Docker gateway) client address is not read as the own server's networking hiding the real clients",
  // first dnsbl.listed:fail, want smtp.receiver-dnsbl-error|mta.local-error
  'dms-postscreen-zen-open-resolver-answer-rejects-all-inbound':
    "an inbound postscreen 'blocked using zen.spamhaus.org' by the reader's own server leads with the client's listing (advice for the sender); the own server's DNSBL answer handling is not considered",
  // not recognised (kind unknown); first none, want mta.local-error
  // reason filtered (550 - unknown), want rejected|securityerror|policyviolation|norelaying; first smtp.recipient-unknown:fail, want smtp.sender-invalid
  'es-mattermost-yahoo-550-mailbox-unavailable-feedback-email-from':
    "Yahoo's '550 Request failed; Mailbox unavailable' is read as an unknown recipient; the app's own prefix 'Error ajuste \"Dirección Desde\"' (the From setting, Spanish) is not used to place it on the sender",
  // text "svemula-all-emp@xilinx.com" not in checklist
  'm365-5-7-133-git-send-email-to-internal-groups':
    'text only: the refused group address of the Exchange NDR is not quoted in the checklist',
  // reason blocked (550 - rcpt), want authfailure|securityerror|rejected|policyviolation; first reputation.blocked:fail, want spf.fail
  'mailu-alias-forward-freenet-550-not-allowed-to-send-mail-from':
    "'<ip> is not allowed to send mail from <domain>' (freenet's SPF wording) is read as an IP reputation block, not as SPF failing for the forwarded sender's domain",
  // reason onhold (451 4.7.1 unknown), want blocked|rejected|undefined
  'mailu-rspamd-greylist-own-web-server-try-again':
    "reason only: greylisting (rspamd's bare 'Try again later' is known as such) is 'onhold' in Mailmedic, as Postgrey's is — sisimai has no greylisting reason and the thread's choice (blocked) is another reading; the step (smtp.greylisted) is right",
  // first smtp.not-compliant:fail, want headers.missing-from|headers.invalid-address
  'mattermost-gmail-5-7-1-missing-valid-from-empty-feedback-email-json':
    "Gmail's 'Messages missing a valid address in From: header' (in a JSON-escaped log fragment, From shown as <\"\">) gets the generic not-compliant step, not the missing/invalid From step",
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
