// The machine-readable part of a DSN, message/delivery-status (RFC 3464 §2):
// one block of per-message fields, then one block per recipient, separated by
// blank lines. Each field keeps the input line it stood on.

import type { BodyLine } from './mime';

export interface DsnField {
  value: string;
  line: number;
}

export interface DsnRecipient {
  finalRecipient: DsnField | null;
  originalRecipient: DsnField | null;
  action: DsnField | null;
  status: DsnField | null;
  /** Diagnostic-Code without its type (`smtp;`), and the type. */
  diagnostic: DsnField | null;
  diagnosticType: string | null;
  remoteMta: DsnField | null;
  /** Non-standard but common: Postfix X-Postfix-Sender, Last-Attempt-Date… kept raw. */
  fields: Map<string, DsnField>;
}

export interface DeliveryStatus {
  reportingMta: DsnField | null;
  receivedFromMta: DsnField | null;
  recipients: DsnRecipient[];
}

/** Blocks of `Name: value` fields (with folded continuations), split on blank lines. */
function blocks(lines: BodyLine[]): Map<string, DsnField>[] {
  const out: Map<string, DsnField>[] = [];
  let cur: Map<string, DsnField> | null = null;
  let last: DsnField | null = null;
  for (const l of lines) {
    if (l.text.trim() === '') {
      if (cur?.size) out.push(cur);
      cur = null;
      last = null;
      continue;
    }
    if (/^[ \t]/.test(l.text) && last) {
      last.value += ' ' + l.text.trim();
      continue;
    }
    const m = /^([A-Za-z][\w-]*)\s*:\s?(.*)$/.exec(l.text);
    if (!m) continue;
    cur ??= new Map();
    const key = m[1].toLowerCase();
    last = { value: m[2].trim(), line: l.line };
    // the first occurrence wins; a repeated field in one block is a broken DSN
    if (!cur.has(key)) cur.set(key, last);
  }
  if (cur?.size) out.push(cur);
  return out;
}

/** `rfc822; user@example.com` → `user@example.com`. */
export function stripAddressType(v: string): string {
  return v
    .replace(/^[\w-]+\s*;\s*/, '')
    .replace(/^<|>$/g, '')
    .trim();
}

export function parseDeliveryStatus(lines: BodyLine[]): DeliveryStatus {
  const bs = blocks(lines);
  const result: DeliveryStatus = { reportingMta: null, receivedFromMta: null, recipients: [] };
  for (const b of bs) {
    const isRecipient = b.has('final-recipient') || b.has('original-recipient') || (b.has('action') && b.has('status'));
    if (!isRecipient) {
      result.reportingMta ??= b.get('reporting-mta') ?? null;
      result.receivedFromMta ??= b.get('received-from-mta') ?? null;
      continue;
    }
    const diag = b.get('diagnostic-code') ?? null;
    let diagnosticType: string | null = null;
    let diagnostic: DsnField | null = null;
    if (diag) {
      const m = /^([\w-]+)\s*;\s*(.*)$/s.exec(diag.value);
      diagnosticType = m ? m[1].toUpperCase() : null;
      diagnostic = { value: (m ? m[2] : diag.value).trim(), line: diag.line };
    }
    const fr = b.get('final-recipient');
    const or = b.get('original-recipient');
    result.recipients.push({
      finalRecipient: fr ? { value: stripAddressType(fr.value), line: fr.line } : null,
      originalRecipient: or ? { value: stripAddressType(or.value), line: or.line } : null,
      action: b.get('action') ?? null,
      status: b.get('status') ?? null,
      diagnostic,
      diagnosticType,
      remoteMta: b.get('remote-mta') ? { value: stripAddressType(b.get('remote-mta')!.value), line: b.get('remote-mta')!.line } : null,
      fields: b,
    });
  }
  return result;
}
