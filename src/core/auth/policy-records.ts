// The TXT records a domain publishes about its mail transport and brand,
// read as their senders and receivers read them: MTA-STS (RFC 8461 §3.1),
// SMTP TLS Reporting (RFC 8460 §3) and BIMI (draft-brand-indicators-for-
// message-identification §4). Each is a tag list like DKIM's (text/tag-list.ts)
// whose version tag must come first; a domain with more than one such record,
// or an invalid one, is treated by senders as publishing none.

import { parseTagList } from '../text/tag-list';

export interface PolicyRecordReading {
  /** The record's problems, in words; empty when it is valid. */
  problems: string[];
  tags: Map<string, string>;
}

function firstTag(record: string, version: string): { tags: Map<string, string>; problems: string[] } {
  const list = parseTagList(record);
  const problems = [...list.errors];
  const first = list.tags[0];
  if (!first || first.name !== 'v' || first.value !== version) problems.push(`it must start with "v=${version};"`);
  return { tags: list.byName, problems };
}

/** RFC 8461 §3.1: v=STSv1; id=<1–32 letters and digits>, the policy's version senders compare. */
export function readMtaStsRecord(record: string): PolicyRecordReading {
  const { tags, problems } = firstTag(record, 'STSv1');
  const id = tags.get('id');
  if (id === undefined) problems.push('the required id= is missing');
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id)) problems.push(`id=${id} must be 1 to 32 letters and digits`);
  return { problems, tags };
}

/** RFC 8460 §3: v=TLSRPTv1; rua=<mailto: or https: URIs, comma-separated>. */
export function readTlsRptRecord(record: string): PolicyRecordReading {
  const { tags, problems } = firstTag(record, 'TLSRPTv1');
  const rua = tags.get('rua');
  if (rua === undefined || rua.trim() === '') problems.push('the required rua= (where to send the reports) is missing');
  else
    for (const uri of rua.split(',').map((u) => u.trim()))
      if (!/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/i.test(uri)) problems.push(`rua= "${uri}" is neither a mailto: nor an https: address`);
  return { problems, tags };
}

/**
 * BIMI (draft-brand-indicators-for-message-identification §4.2): v=BIMI1;
 * l=<https URL of an SVG Tiny PS logo, or empty to decline>; a=<https URL of
 * the mark certificate (VMC/CMC), optional for some receivers>.
 */
export function readBimiRecord(record: string): PolicyRecordReading {
  const { tags, problems } = firstTag(record, 'BIMI1');
  const l = tags.get('l');
  const a = tags.get('a');
  if (l === undefined) problems.push('the logo location l= is missing (an empty l= declines BIMI)');
  else if (l !== '' && !l.split(',').every((u) => /^https:\/\/\S+$/i.test(u.trim()))) problems.push(`l=${l} must be an https: URL`);
  if (a !== undefined && a !== '' && !/^https:\/\/\S+$/i.test(a)) problems.push(`a=${a} must be an https: URL`);
  return { problems, tags };
}
