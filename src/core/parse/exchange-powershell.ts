// Exchange message tracking as administrators paste it from PowerShell
// (Get-MessageTrackingLog, learn.microsoft.com/powershell/module/exchange/get-messagetrackinglog):
//   Format-List   "EventId                 : FAIL" records, long values wrapped
//                 onto lines indented to the value column, records apart by a blank line;
//   Format-Table  a header row, a row of dashes under each column, then rows
//                 (column starts taken from the dashes; the last column runs on);
//   Export-Csv    "#TYPE …MessageTrackingEvent", then a quoted header of property
//                 names (arrays come out as "System.String[]" unless joined).
// Exchange Online's Get-MessageTraceDetail prints "Event : Fail" and
// "Detail : Reason: [{LED=550 5.1.10 …};…]" the same way. Every record becomes
// a tracking event for TrackingReader, so the rows mean what the log's mean.

import type { InputParser, ParseResult } from './parser';
import { csvFields } from '../text/csv';
import { TRACKING_FIELDS, TrackingReader } from './exchange-tracking';

/** Property names that mark tracking output (PowerShell's, any case). */
const PROPS =
  /^(?:EventId|RecipientStatus|Recipients|MessageSubject|Sender|ClientIp|ClientHostname|ServerHostname|ServerIp|InternalMessageId|MessageId|Timestamp|Source|ConnectorId|SourceContext|ReturnPath|OriginalClientIp|Event|Detail|Action|Data|Date|RecipientAddress|SenderAddress|Status|FromIP|ToIP|Received|Subject|MessageTraceId)$/i;

const LIST_LINE = /^([A-Za-z][A-Za-z0-9]*)\s*:\s?(.*)$/;

/** A PowerShell prompt, a command line, or a blank at the top: not part of the output. */
const PROMPT = /^(?:\[PS\]\s*)?(?:PS\s+)?[A-Za-z]:\\[^>]*>|^PS>\s/;

/** A record's properties, where it starts, and where its refusal text (RecipientStatus, Detail) stands. */
type Record_ = { fields: Map<string, string>; line: number; statusLine?: number };

/** Map PowerShell property names (and Get-MessageTrace's) onto the tracking log's field names. */
function canonical(fields: Map<string, string>): (field: string) => string {
  const by = new Map<string, string>();
  for (const [k, v] of fields) {
    const key = k.toLowerCase().replace(/[\s_-]/g, '');
    by.set(TRACKING_FIELDS[key] ?? key, v);
  }
  // Get-MessageTrace / Get-MessageTraceDetail (Exchange Online)
  if (!by.has('event-id') && by.has('event')) by.set('event-id', by.get('event')!);
  if (!by.has('event-id') && /^(?:failed|deferred|filteredasspam|quarantined)$/i.test(by.get('status') ?? ''))
    by.set('event-id', /^deferred$/i.test(by.get('status')!) ? 'DEFER' : 'FAIL');
  if (!by.has('recipient-address') && by.has('recipientaddress')) by.set('recipient-address', by.get('recipientaddress')!);
  if (!by.has('sender-address') && by.has('senderaddress')) by.set('sender-address', by.get('senderaddress')!);
  if (!by.has('recipient-status') && by.has('detail')) by.set('recipient-status', (by.get('detail') ?? '').replace(/^Reason:\s*/i, ''));
  if (!by.has('client-ip') && by.has('fromip')) by.set('client-ip', by.get('fromip')!);
  return (f) => by.get(f) ?? '';
}

function formatList(lines: string[]): Record_[] {
  const out: Record_[] = [];
  let cur: Record_ | null = null;
  let last: string | null = null;
  /** PowerShell pads the names of one record so that every colon stands in the same column. */
  let colon = -1;
  lines.forEach((raw, i) => {
    if (!raw.trim()) {
      cur = null;
      last = null;
      return;
    }
    const m = LIST_LINE.exec(raw);
    if (m && (PROPS.test(m[1]) || (cur && raw.indexOf(':') === colon))) {
      // a property seen again starts the next record (records pasted without the blank line)
      if (!cur || cur.fields.has(m[1])) {
        cur = { fields: new Map(), line: i + 1 };
        out.push(cur);
        colon = raw.indexOf(':');
      }
      cur.fields.set(m[1], m[2].trim());
      if (/^(?:RecipientStatus|Detail)$/i.test(m[1])) cur.statusLine = i + 1;
      last = m[1];
      return;
    }
    // a long value wrapped onto the next lines, indented to the value column
    if (cur && last && /^\s{4,}\S/.test(raw)) cur.fields.set(last, `${cur.fields.get(last)} ${raw.trim()}`.trim());
  });
  return out.filter((r) => r.fields.size >= 3);
}

function formatTable(lines: string[]): Record_[] {
  const out: Record_[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!/^-{2,}(?:\s+-{2,})*\s*$/.test(lines[i]) || !lines[i - 1].trim()) continue;
    const header = lines[i - 1];
    const starts = [...lines[i].matchAll(/-+/g)].map((m) => m.index!);
    const names = starts.map((s, k) => header.slice(s, starts[k + 1] ?? header.length).trim());
    if (names.filter((n) => PROPS.test(n.replace(/\s+/g, ''))).length < 2) continue;
    for (let j = i + 1; j < lines.length && lines[j].trim(); j++) {
      const row = lines[j];
      const fields = new Map<string, string>();
      names.forEach((n, k) => fields.set(n.replace(/\s+/g, ''), row.slice(starts[k], starts[k + 1] ?? row.length).trim()));
      out.push({ fields, line: j + 1 });
      i = j;
    }
  }
  return out;
}

function exportCsv(lines: string[]): Record_[] {
  const out: Record_[] = [];
  let names: string[] | null = null;
  lines.forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#TYPE')) return;
    const cols = csvFields(raw);
    if (!names) {
      if (cols.filter((c) => PROPS.test(c)).length >= 3 && cols.every((c) => /^[A-Za-z]*$/.test(c))) names = cols;
      return;
    }
    const fields = new Map<string, string>();
    names.forEach((n, k) => fields.set(n, cols[k] ?? ''));
    out.push({ fields, line: i + 1 });
  });
  return out;
}

function shape(lines: string[]): 'list' | 'table' | 'csv' | null {
  const head = lines.slice(0, 400);
  // a header row of property names only ("RunspaceId","Timestamp",…,"EventId",…)
  const csvHeader = (l: string) => /^"?[A-Za-z]+"?(?:,"?[A-Za-z]+"?){3,}\s*$/.test(l) && /\bEventId\b/.test(l);
  if (head.some((l) => /^#TYPE .*(?:MessageTracking|MessageTrace)/i.test(l)) || head.some(csvHeader)) return 'csv';
  const listNames = new Set(head.map((l) => LIST_LINE.exec(l)?.[1]).filter((n): n is string => !!n && PROPS.test(n)));
  if (listNames.has('EventId') || listNames.has('Event') || (listNames.has('RecipientStatus') && listNames.size >= 3)) return 'list';
  for (let i = 1; i < head.length; i++)
    if (/^-{2,}(?:\s+-{2,})+\s*$/.test(head[i]) && /\bEventId\b|\bRecipient ?Address\b|\bRecipientStatus\b/.test(head[i - 1]))
      return 'table';
  return null;
}

/**
 * Sure when the shape is there: the rows quote refusal texts (an NDR's words,
 * "delivery failed to all alternate hosts") that would otherwise make the
 * paste look like a bounce, which it ties with and, listed before it, beats.
 */
export function looksLikeExchangePowershell(lines: string[]): number {
  return shape(lines) ? 1 : 0;
}

export function parseExchangePowershell(lines: string[]): ParseResult {
  const kind = shape(lines);
  const records = kind === 'list' ? formatList(lines) : kind === 'table' ? formatTable(lines) : kind === 'csv' ? exportCsv(lines) : [];
  const reader = new TrackingReader();
  for (const r of records) reader.row(canonical(r.fields), r.line, r.statusLine);
  const used = new Set(records.map((r) => r.line));
  // what is not a record: prompts, the command, blank and wrapped lines are expected
  const unknown =
    kind === 'table'
      ? lines.filter((l, i) => l.trim() && !used.has(i + 1) && !PROMPT.test(l) && !/^-{2,}/.test(l) && !/\bEventId\b|\bRecipient/.test(l))
          .length
      : 0;
  return {
    kind: 'exchange-log',
    sessions: reader.sessions,
    rejections: reader.rejections,
    unknownLines: unknown,
    warnings: records.length ? [] : ['No Get-MessageTrackingLog record was found in the PowerShell output.'],
  };
}

export const exchangePowershellParser: InputParser = {
  kind: 'exchange-log',
  detect: looksLikeExchangePowershell,
  parse: (lines) => parseExchangePowershell(lines),
};
