// Property-based fuzzing for issue 10, point 3 (test/unit/robust/fuzz.test.ts
// runs these in a worker thread with a time limit, so that a hang fails the
// test and names the input it was on). Each property is a fast-check run:
// text shaped like every input the parsers read (headers, logs of every MTA,
// bounces), mutations of the project's own fixtures (test/fixtures/**), the
// Share redaction and the permalink codec. What must hold: nothing throws,
// no parser fails (the registry turns a parser's exception into a warning),
// line numbers stay inside the input, every step has a known rule id and a
// known status, the report can be written as text and as JSON.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { splitLines } from '../../src/core/text/lines';
import { reportToText } from '../../src/core/format/text';
import { makeRedactor } from '../../src/core/share/redact';
import { decodePermalink, encodePermalink, PERMALINK_PREFIX, type SharedState } from '../../src/core/share/permalink';
import { platformCompression } from '../../src/worker/compression';
import { BULK_RECEIVERS } from '../../src/core/knowledge/bulk-senders';
import type { Report } from '../../src/core/types';
import { PLACES } from './adversarial';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = () => new Date('2024-01-02T00:00:00Z');
const STATUSES = new Set(['fail', 'warn', 'pass', 'info', 'inconclusive']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Every rule id the code can give: the "area.problem" literals in src/core, and the bulk senders' ids. */
function knownRuleIds(): Set<string> {
  const ids = new Set<string>();
  for (const f of files(path.join(ROOT, 'src/core')).filter((x) => x.endsWith('.ts')))
    for (const m of readFileSync(f, 'utf8').matchAll(/['`]([a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*)['`]/g)) ids.add(m[1]);
  for (const b of BULK_RECEIVERS) ids.add(`bulk.${b.id}`);
  return ids;
}
const KNOWN_RULES = knownRuleIds();

/** The project's own inputs: fixtures that are text (a NUL byte marks the binary ones), up to 256 KB. */
const FIXTURES = files(path.join(ROOT, 'test/fixtures'))
  .filter((f) => !/\.(json|md|msg)$/i.test(f) && statSync(f).size < 256 * 1024)
  .map((f) => ({ name: path.relative(ROOT, f), text: readFileSync(f, 'latin1') }))
  .filter((f) => !f.text.includes('\0'));

/** Pieces of every input the parsers read, for text that reaches deep into each of them. */
const PIECES = [
  'From: ',
  'To: ',
  'Cc: ',
  'Subject: ',
  'Date: Mon, 1 Jan 2024 00:00:00 +0000',
  'Message-ID: <',
  'Return-Path: <',
  'Received: from ',
  ' by ',
  ' with ESMTPS ',
  ' id ',
  ' for <',
  '; ',
  'Authentication-Results: mx.example; ',
  'spf=pass ',
  'dkim=fail ',
  'dmarc=fail ',
  'smtp.mailfrom=',
  'header.d=',
  'Received-SPF: softfail ',
  'DKIM-Signature: v=1; a=rsa-sha256; d=',
  ' b=',
  ' bh=',
  'ARC-Seal: i=1; ',
  'X-Spam-Status: Yes, score=9 tests=',
  'X-Forefront-Antispam-Report: CIP:',
  'MIME-Version: 1.0\n',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\n',
  '\n--b\n',
  '\n--b--\n',
  'Content-Type: message/delivery-status\n',
  'Content-Type: text/plain; charset=utf-8\n',
  'Content-Transfer-Encoding: quoted-printable\n',
  'Final-Recipient: rfc822; ',
  'Original-Recipient: rfc822;',
  'Action: failed\n',
  'Action: delayed\n',
  'Status: 5.1.1\n',
  'Remote-MTA: dns; ',
  'Diagnostic-Code: smtp; ',
  'Reporting-MTA: dns; mx.example\n',
  '550 ',
  '550-',
  '554 5.7.1 ',
  '421 4.7.0 ',
  '451 4.3.0 ',
  '250 ',
  '220 ',
  '5.7.26 ',
  '4.7.650 ',
  ' said: ',
  ' (in reply to RCPT TO command)',
  'Jan  1 00:00:00 mx postfix/smtpd[1]: ',
  'Jan  1 00:00:00 mx postfix/smtp[2]: ABC: ',
  'NOQUEUE: reject: RCPT from a.example[192.0.2.1]: ',
  'to=<',
  'from=<',
  'relay=',
  'status=bounced (',
  'status=deferred (',
  'host ',
  'connect from ',
  'lost connection after ',
  'postscreen[3]: ',
  '2024-01-01 00:00:00 1abc-000 ** ',
  '2024-01-01 00:00:00 1abc-000 <= ',
  'H=',
  ' [192.0.2.1]',
  ' F=<',
  ' rejected RCPT <',
  'SMTP error from remote mail server after RCPT TO:<',
  'R=dnslookup T=remote_smtp ',
  'Thu 2022-09-15 10:38:04.100: 05: [1] ',
  'Session 1; child 1',
  'Accepting SMTP connection from [',
  '--> ',
  '<-- ',
  'EHLO ',
  'HELO ',
  'MAIL FROM:<',
  'RCPT TO:<',
  'DATA',
  'QUIT',
  'Performing DNS-BL lookup (',
  '* zen.spamhaus.org - failed',
  'gw sendmail[8811]: 40MFe1aB008811: ',
  'ruleset=check_relay, ',
  'reject=550 5.7.1 ',
  'stat=Deferred: ',
  'dsn=5.1.1, ',
  '#Software: Microsoft Exchange Server\n',
  '#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status\n',
  '2024-04-10T09:00:06.002Z,',
  ',DSN,FAIL,',
  '"550 5.4.1 ',
  '[{LRT=};{LED=550 5.7.1 x};{FQDN=a};{IP=192.0.2.1}]',
  '$ telnet mail.example.com 25\n',
  'Remote Server returned ',
  "'550 5.7.1 ",
  'Delivery has failed to these recipients or groups:\n',
  'The mail system\n',
  '<a@b.example>: ',
  'a@b.example',
  'postmaster@',
  'MAILER-DAEMON',
  '192.0.2.1',
  '203.0.113.7',
  '2001:db8::1',
  '[::ffff:192.0.2.1]',
  'example.org',
  'xn--bcher-kva.example',
  'bücher.example',
  'zen.spamhaus.org',
  'blocked using ',
  'bl.spamcop.net',
  '=?utf-8?q?caf=C3=A9?=',
  '=?utf-8?b?w6k=?=',
  '"',
  '<',
  '>',
  '@',
  '(',
  ')',
  '[',
  ']',
  ';',
  ':',
  ',',
  '=',
  '.',
  '-',
  '\\',
  '\n',
  '\r\n',
  '\n\n',
  '\t',
  ' ',
  '  ',
  '> ',
  '\u00e9',
  '\u2028',
  '\ufeff',
  '\u0000',
  '😀',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
/** Text made of the pieces of every input format, in any order. */
export const mailish = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));

/** That text in the places each reader takes free text from (a header value, a log line's reply, a DSN field: adversarial.ts). */
export const placed = fc.tuple(fc.constantFrom(...Object.keys(PLACES)), mailish).map(([place, text]) => PLACES[place](text));

/** An edit of a fixture: positions are fractions of its length, so that they fit any file. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(400) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: mailish }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(2000) }),
  fc.record({
    op: fc.constant('byte' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    ch: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  }),
  fc.record({ op: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  // into the value of a line: after its first ": " (a header field's value, a log line's text)
  fc.record({ op: fc.constant('value' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: mailish }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  switch (e.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.len);
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + e.len) + text.slice(at);
    case 'byte':
      return text.slice(0, at) + e.ch + text.slice(at + 1);
    case 'cut':
      return text.slice(0, at);
    case 'value': {
      const lines = text.split('\n');
      // e.at may be exactly 1 (fc.double's max is inclusive): the last line, not one past it
      const k = Math.min(lines.length - 1, Math.floor(e.at * lines.length));
      const colon = lines[k].indexOf(': ');
      lines[k] = colon < 0 ? lines[k] + e.text : lines[k].slice(0, colon + 2) + e.text + lines[k].slice(colon + 2);
      return lines.join('\n');
    }
  }
}

/** A fixture of the project, edited a few times. */
export const mutatedFixture = fc
  .record({ file: fc.nat(FIXTURES.length - 1), edits: fc.array(edit, { minLength: 1, maxLength: 5 }) })
  .map(({ file, edits }) => ({ name: FIXTURES[file].name, text: edits.reduce(applyEdit, FIXTURES[file].text) }));

/** Say which input is running (the parent names it if time runs out). */
function note(x: unknown): void {
  parentPort?.postMessage({ note: x });
}

/** What every report must satisfy; throws with the reason. */
export function checkReport(text: string, r: Report): void {
  const lines = splitLines(text).length;
  const inside = (line: unknown, where: string) => {
    if (line === null || line === undefined) return;
    if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line > lines)
      throw new Error(`${where}: line ${String(line)} is outside the input's ${lines} lines`);
  };
  if (r.version !== 1) throw new Error('the report has no version 1');
  r.rejections.forEach((j, i) => inside(j.line, `rejection ${i}`));
  r.hops.forEach((h, i) => inside(h.line, `hop ${i}`));
  for (const s of r.checklist) {
    if (!KNOWN_RULES.has(s.rule)) throw new Error(`unknown rule id "${s.rule}"`);
    if (!STATUSES.has(s.status)) throw new Error(`step ${s.rule} has the unknown status "${s.status}"`);
    s.evidence.forEach((e, i) => inside(e.line, `evidence ${i} of ${s.rule}`));
  }
  const failed = r.warnings?.find((w) => /reader could not read this input/.test(w));
  if (failed) throw new Error(`a parser threw: ${failed}`);
  reportToText(r);
  JSON.stringify(r);
}

async function analyseAndCheck(text: string): Promise<void> {
  note(text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text);
  checkReport(text, await analyze(text, { now: NOW }));
}

const addressish = fc.constantFrom('zzsecret@d.example', '"zz secret"@d.example', 'zz.secret+tag@d.example');

export const PROPERTIES = {
  /** Text shaped like every input kind, through detection, every parser, the rules and the text report. */
  parsers: fc.asyncProperty(fc.oneof(mailish, placed), analyseAndCheck),
  /** The project's own fixtures, edited. */
  fixtures: fc.asyncProperty(mutatedFixture, async ({ text }) => analyseAndCheck(text)),
  /** The Share redaction: never throws; a local part asked to go is gone. */
  redaction: fc.property(
    mailish,
    addressish,
    fc.array(fc.ipV4(), { maxLength: 3 }),
    fc.array(fc.domain(), { maxLength: 3 }),
    (text, address, ips, domains) => {
      note({ text, address, ips, domains });
      const out = makeRedactor({ localParts: true, ips, domains })(`${text} ${address} ${text}`);
      const local = address.slice(0, address.lastIndexOf('@') + 1);
      if (out.includes(` ${local}`)) throw new Error(`the local part ${local} was left`);
    },
  ),
  /** The permalink codec: any fragment is refused or opened, never a throw. */
  permalinkDecode: fc.asyncProperty(
    fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => PERMALINK_PREFIX + Buffer.from(b).toString('base64url')),
    ),
    async (fragment) => {
      note(fragment);
      const r = await decodePermalink(fragment, platformCompression);
      if (!r.ok && !r.error.startsWith('This link cannot be opened')) throw new Error(`unclear refusal: ${r.error}`);
    },
  ),
  /** The permalink codec: a state travels and comes back equal. */
  permalinkRoundTrip: fc.asyncProperty(mailish, fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), async (input, done) => {
    note({ input, done });
    const state: SharedState = { v: 1, mode: 'input', input, exactBytes: false, done, dns: [], created: '2024-01-01T00:00:00Z' };
    const r = await decodePermalink(await encodePermalink(state, platformCompression), platformCompression);
    if (!r.ok) throw new Error(`refused its own link: ${r.error}`);
    if (JSON.stringify(r.state) !== JSON.stringify(state)) throw new Error('came back different');
  }),
};

export interface FuzzOutcome {
  name: string;
  runs: number;
  failed: boolean;
  seed: number;
  /** fast-check's report: the counterexample, the seed and the path to replay it. */
  message: string | null;
  replay: string | null;
}

/** Run one property; a failure comes back with how to replay it. */
export async function runFuzz(name: keyof typeof PROPERTIES, numRuns: number, seed: number, replayPath?: string): Promise<FuzzOutcome> {
  const details = await fc.check(PROPERTIES[name] as fc.IAsyncProperty<unknown[]>, {
    numRuns,
    seed,
    ...(replayPath ? { path: replayPath } : {}),
    endOnFailure: false,
  });
  const message = details.failed ? (fc.defaultReportMessage(details) ?? 'failed') : null;
  return {
    name,
    runs: details.numRuns,
    failed: details.failed,
    seed: details.seed,
    message,
    replay: details.failed
      ? `FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} FUZZ_ONLY=${name} npx vitest run test/unit/robust/fuzz.test.ts`
      : null,
  };
}
