// From a header block to the message's facts: the Received chain, its origin
// and which authentication headers can be believed (trust.ts), what the
// receiver recorded (recorded-checks.ts), the envelope sender (envelope.ts),
// the DKIM signatures present, the filters' verdicts, the dates, and the
// summary fields decoded. Pure and synchronous; the MIME body is read later
// (describe.ts) because postal-mime is asynchronous.

import { decodeWords } from 'postal-mime';
import type { HeaderField, Hop, LoggedCheck, MessageFacts, SummaryField } from '../types';
import { transitOf } from './chain';
import { readArc } from './arc';
import { parseDkimSignature } from './dkim-signature';
import { readVerdicts } from './verdicts';
import { readMailDate } from './date';
import { fieldsNamed } from './header-block';
import { readTrace, receiverFieldCount } from './trust';
import { recordedChecks } from './recorded-checks';
import { envelopeSender } from './envelope';
import { bareLineEnds } from './line-ends';

export interface MessageReading {
  facts: MessageFacts;
  hops: Hop[];
  /** What the receiver recorded (trusted Authentication-Results / Received-SPF), as logged checks. */
  logged: LoggedCheck[];
  warnings: string[];
}

/** Decode RFC 2047 encoded-words for display; never throws. */
export function decodeHeader(value: string): string {
  try {
    return decodeWords(value);
  } catch {
    return value;
  }
}

function summary(fields: HeaderField[], name: string): SummaryField | null {
  const f = fieldsNamed(fields, name)[0];
  return f ? { name: f.name, value: decodeHeader(f.value), raw: f.value, line: f.line } : null;
}

export function readMessageHeaders(
  fields: HeaderField[],
  opts: { text?: string; exactBytes?: boolean; lastLine?: number } = {},
): MessageReading {
  const trace = readTrace(fields);
  const { received, hops, origin } = trace;
  const warnings: string[] = [];
  if (!received.length)
    warnings.push(
      'There are no Received headers: these are the headers of a message as written, before any server handled it (or they were cut off).',
    );
  else if (!origin) warnings.push('No hop from a public IP address was found in the Received headers, so there is no sending IP to check.');

  const dateField = summary(fields, 'date');
  const date = dateField ? readMailDate(dateField.raw, true) : null;
  const firstHop = hops.find((h) => h.date);
  const facts: MessageFacts = {
    summary: {
      subject: summary(fields, 'subject'),
      from: summary(fields, 'from'),
      sender: summary(fields, 'sender'),
      replyTo: summary(fields, 'reply-to'),
      to: summary(fields, 'to'),
      cc: summary(fields, 'cc'),
      date: dateField ? { ...dateField, iso: date?.iso ?? null } : null,
      messageId: summary(fields, 'message-id'),
      returnPath: summary(fields, 'return-path'),
    },
    origin,
    mailFrom: envelopeSender(fields, trace),
    transit: transitOf(hops),
    // how long the sending program held the message before the first hop
    submitDelay: date && firstHop ? Math.round(Date.parse(firstHop.date!) - date.ms) / 1000 : null,
    authResults: trace.authResults,
    arc: readArc(fields),
    receivedSpf: trace.receivedSpf,
    dkimSignatures: dkimSignatures(fields),
    verdicts: readVerdicts(fields),
    relayHops: hops.filter((h) => h.relay).length,
    smtputf8: hops.some((h) => /^utf8/i.test(h.with ?? '')),
    bareLineEnds:
      opts.exactBytes && opts.text && fields.length
        ? bareLineEnds(opts.text, fields[0].line, opts.lastLine ?? fields[fields.length - 1].line)
        : [],
    receiverFieldCount: receiverFieldCount(fields, trace.originIndex),
  };
  return { facts, hops, logged: recordedChecks(trace), warnings };
}

/** The DKIM signatures, read as the verifier reads them (mail/dkim-signature.ts), for the header view. */
function dkimSignatures(fields: HeaderField[]): MessageFacts['dkimSignatures'] {
  return fieldsNamed(fields, 'dkim-signature').map((f) => {
    const sig = parseDkimSignature(f.value);
    return {
      line: f.line,
      d: sig.domain,
      s: sig.selector,
      a: sig.a,
      tags: sig.tags.map((t) => ({ name: t.name, value: t.value.replace(/\s+/g, ' ') })),
      problems: [...sig.errors, ...sig.warnings],
    };
  });
}
