// The real incidents of test/fixtures/real/ (issue 11), table-driven: every
// incident is analysed (none may throw or hang); each seen incident must meet
// its expect.json (kind, reason, stage, first fail/warn step, must, must_not,
// text) unless it is in KNOWN_MISSES below, with the reason it still fails.
// The list may only shrink: a listed incident that now passes fails the test
// until it is taken off. The held-out fifth (isHeldOut) is only run here for
// "no crash"; its expectations are scored by `npm run conformance` alone.

import { describe, expect, it } from 'vitest';
import { analyzeIncident, listIncidents, scoreReport } from '../../scripts/conformance/real';

/** Seen incidents that still miss, each with why (the mechanism that fails, not the file). */
const KNOWN_MISSES: Record<string, string> = {
  // not recognised (kind unknown); reason none, want rejected|syntaxerror|hostunknown; first none, want smtp.sender-invalid|mta.local-error; text "admi...
  'exim-panel-mail-bare-hostname-sender-unroutable-russian-thread':
    'Exim log lines without their timestamp and message id are read as a bounce, not as an Exim log (first step is right)',
  // kind bounce, want exim-log
  'freenet-ipv6-no-ptr-exim-rcpt':
    'an Exim delivery line without its timestamp/id prefix ("R=dnslookup T=remote_smtp: SMTP error …") is read as a bounce, not an Exim log (first step is right)',
  // reason onhold (451 4.7.1 unknown), want blocked|rejected|undefined
  'mailu-rspamd-greylist-own-web-server-try-again':
    "reason only: greylisting (rspamd's bare 'Try again later' is known as such) is 'onhold' in Mailmedic, as Postgrey's is — sisimai has no greylisting reason and the thread's choice (blocked) is another reading; the step (smtp.greylisted) is right",
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
});
