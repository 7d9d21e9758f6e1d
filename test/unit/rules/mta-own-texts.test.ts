// The sending MTA's OWN words about a delivery it could not make (issue 11, point 2: classification never gives
// up early): no receiver's reply, only the MTA's status — Exim's retry database, its dnslookup router, sendmail's
// MX-loop guard and EX_CONFIG status, sendmail's errno text for a refused connection. Each row is a log line or
// DSN as the MTA writes it (its source named in the knowledge entry), the first step an administrator should
// see, and a near-miss that must NOT get that step (the same MTA's neighbouring text, or the words with a
// receiver's reply code).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const firstProblem = async (text: string) => (await analyze(text)).checklist.find((s) => s.status === 'fail' || s.status === 'warn')?.rule;

const EXIM = (s: string) => `2026-12-04 10:00:01 1vQx2a-000123-AB ${s}`;
const SENDMAIL = (s: string) => `Dec  4 10:00:01 mx sm-mta[4711]: 4B1A0C0D012345: ${s}`;
const POSTFIX = (s: string) => `Dec  4 10:00:01 mx ${s}`;

const rows: [name: string, text: string, first: string, nearMiss: string, notFirst: string][] = [
  [
    "Exim's retry database: no host of the domain is due (the cause is an earlier failure)",
    EXIM("== bob@example.com R=dnslookup T=remote_smtp defer (-53): retry time not reached for any host for 'example.com'"),
    'smtp.connection-failed',
    // the long-failure variant is a queue that gave up: expired, not one more deferral
    EXIM('** bob@example.com: retry time not reached for any host after a long failure period'),
    'smtp.connection-failed',
  ],
  [
    "Exim's dnslookup router: every MX of the domain names a host that does not resolve",
    EXIM('** bob@example.com R=dnslookup: all relevant MX records point to non-existent hosts'),
    'smtp.recipient-unknown',
    EXIM('** bob@example.com R=dnslookup: all relevant MX records were checked'),
    'smtp.recipient-unknown',
  ],
  [
    "sendmail's EX_CONFIG status (its MX-loop guard, most often)",
    SENDMAIL('to=<bob@example.com>, delay=00:00:00, mailer=esmtp, pri=30000, relay=example.com, dsn=5.3.5, stat=Local configuration error'),
    'mta.local-error',
    // a receiver that calls ITS configuration wrong in a reply is not the reader's own sendmail
    SENDMAIL(
      'to=<bob@example.com>, delay=00:00:01, mailer=esmtp, pri=30000, relay=mx.example.com. [192.0.2.7], dsn=5.0.0, stat=Service unavailable',
    ),
    'mta.local-error',
  ],
  [
    "sendmail's mail-loop guard in a DSN",
    '----- The following addresses had permanent fatal errors -----\n<bob@example.com>\n    (reason: 553 5.3.5 mail.example.com. config error: mail loops back to me (MX problem?))\n',
    'smtp.mail-loop',
    '----- The following addresses had permanent fatal errors -----\n<bob@example.com>\n    (reason: 553 5.3.5 mail.example.com. config error: please contact the postmaster)\n',
    'smtp.mail-loop',
  ],
  [
    "sendmail's errno text for a refused TCP connection: the connection's step, not the sender's reputation",
    'This is a delivery status notification\n\nWarning: could not send message for past 4 hours\n\n   ----- Transcript of session follows -----\n<bob@example.com>... Deferred: Connection refused by mx.example.com.\n\nWill keep trying until message is 5 days old\n',
    'smtp.connection-failed',
    // an SMTP reply at connection that says it refuses the client is the receiver's judgment of the client
    'This is a delivery status notification\n\n   ----- Transcript of session follows -----\n... while talking to mx.example.com.:\n<<< 554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org\n<bob@example.com>... 554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org\n',
    'smtp.connection-failed',
  ],
  [
    'Postfix pipe(8)/local(8): the delivery command failed (its output says why)',
    POSTFIX(
      'postfix/local[123]: 4A1B2C3D4E: to=<bob@example.org>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=5.3.0, status=bounced (Command died with status 1: "/usr/bin/procmail". Command output: procmail: Couldn\'t create "/var/mail/bob")',
    ),
    'mta.local-error',
    // the mailbox size limit is the mailbox's, not a broken command
    POSTFIX(
      'postfix/local[123]: 4A1B2C3D4E: to=<bob@example.org>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=5.2.2, status=bounced (cannot update mailbox /var/mail/bob for user bob. error writing message: File too large)',
    ),
    'mta.local-error',
  ],
  [
    'Postfix qmgr: the transport named for the domain does not run',
    POSTFIX(
      'postfix/error[123]: 4A1B2C3D4E: to=<bob@example.com>, relay=none, delay=0.1, delays=0/0/0/0, dsn=4.3.0, status=deferred (mail transport unavailable)',
    ),
    'mta.local-error',
    POSTFIX(
      'postfix/smtp[123]: 4A1B2C3D4E: to=<bob@example.com>, relay=mx.example.com[192.0.2.7]:25, delay=1, delays=0/0/0.5/0.5, dsn=4.7.1, status=deferred (host mx.example.com[192.0.2.7] said: 450 4.7.1 <bob@example.com>: Recipient address rejected: Greylisted (in reply to RCPT TO command))',
    ),
    'mta.local-error',
  ],
  [
    "Dovecot's internal error over LMTP: the mailbox server's own fault, not a content filter",
    POSTFIX(
      'postfix/lmtp[123]: 4A1B2C3D4E: to=<bob@example.org>, relay=mail.example.org[private/dovecot-lmtp], delay=0.1, delays=0/0/0/0.1, dsn=4.2.0, status=deferred (host mail.example.org[private/dovecot-lmtp] said: 451 4.2.0 <bob@example.org> Internal error occurred. Refer to server log for more information. (in reply to end of DATA command))',
    ),
    'mta.local-error',
    POSTFIX(
      'postfix/lmtp[123]: 4A1B2C3D4E: to=<bob@example.org>, relay=mail.example.org[private/dovecot-lmtp], delay=0.1, delays=0/0/0/0.1, dsn=5.2.2, status=bounced (host mail.example.org[private/dovecot-lmtp] said: 552 5.2.2 <bob@example.org> Quota exceeded (mailbox for user is full) (in reply to end of DATA command))',
    ),
    'mta.local-error',
  ],
  [
    'sendmail refused a recipient at RCPT TO: its "<b>... User unknown" note is the only line that says so',
    `${SENDMAIL('<bob@example.org>... User unknown')}\n${SENDMAIL('from=<alice@gmail.com>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA, relay=mail-ed1-f54.google.com [209.85.208.54]')}`,
    'smtp.recipient-unknown',
    // a progress note is no refusal
    `${SENDMAIL('<bob@example.org>... Connecting to local...')}\n${SENDMAIL('from=<alice@gmail.com>, size=100, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=mail-ed1-f54.google.com [209.85.208.54]')}`,
    'smtp.recipient-unknown',
  ],
  [
    "Exchange's own queue status: it could not connect (its '421 4.2.1 Unable to connect', no receiver's reply)",
    'Delivery has failed to these recipients or groups:\n\nbob@example.com\n\nDiagnostic information for administrators:\n\nGenerating server: EX01.corp.example.net\n\nbob@example.com\nRemote Server returned \'550 4.4.7 QUEUE.Expired; message expired [Message=451 4.4.0 Primary target IP address responded with: "421 4.2.1 Unable to connect." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was 192.0.2.7:25]\'',
    'smtp.connection-failed',
    // a receiver that does answer 421 with its own words judged the client
    "Remote Server returned '421 4.7.0 [TSS04] Messages from 192.0.2.9 temporarily deferred due to unexpected volume or user complaints'",
    'smtp.connection-failed',
  ],
  [
    'Exchange servers of one organisation that cannot authenticate to each other',
    '451 4.4.0 Primary target IP address responded with: "451 5.7.3 Cannot achieve Exchange Server authentication." Attempted failover to alternate host, but that did not succeed.',
    'mta.local-error',
    '451 4.4.0 Primary target IP address responded with: "451 4.7.1 Greylisted, please try again later." Attempted failover to alternate host, but that did not succeed.',
    'mta.local-error',
  ],
  [
    "Gmail's own delay notice: it could not connect to the recipient's server (no reply code at all)",
    'Delivery incomplete\n\nThere was a temporary problem delivering your message to bob@example.com. Gmail will retry for 47 more hours. You will be notified if the delivery fails permanently.\n\nThe response was:\nThe recipient server did not accept our requests to connect. Learn more at https://support.google.com/mail/answer/7720 [mx.example.com. 192.0.2.7: timed out]\n',
    'smtp.connection-failed',
    // the same notice quoting the recipient server's refusal of the address is about the address
    "Address not found\n\nYour message wasn't delivered to bob@example.com because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table\n",
    'smtp.connection-failed',
  ],
];

describe("the sending MTA's own status texts", () => {
  it.each(rows)('%s', async (_, text, first, nearMiss, notFirst) => {
    expect(await firstProblem(text)).toBe(first);
    expect(await firstProblem(nearMiss)).not.toBe(notFirst);
  });

  it("Postfix's reply to a HELO without a name is a HELO refusal; its reply to a MAIL FROM without an address is not", async () => {
    expect(await firstProblem('501 5.5.2 Syntax: HELO hostname')).toBe('smtp.helo-rejected');
    expect(await firstProblem('501 5.5.4 Syntax: MAIL FROM:<address>')).not.toBe('smtp.helo-rejected');
  });

  it('a sendmail note beside its own delivery line is not a second refusal', async () => {
    const report = await analyze(
      `${SENDMAIL('to=<bob@example.com>, delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=120000, relay=mx.example.com. [192.0.2.7], dsn=5.1.1, stat=User unknown')}\n${SENDMAIL('<bob@example.com>... User unknown')}`,
    );
    expect(report.rejections.map((r) => r.line)).toEqual([1]);
  });
});
