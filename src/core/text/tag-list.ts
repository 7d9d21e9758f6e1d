// The DKIM tag=value list (RFC 6376 §3.2), shared by DKIM-Signature fields
// and key records, ARC-Seal and ARC-Message-Signature (RFC 8617 §4.1.2) and,
// with other tag names, DMARC records (RFC 7489 §6.4).

import type { Tag } from '../types';

export interface TagList {
  tags: Tag[];
  /** First value of each tag name (tag names are case-sensitive, §3.2). */
  byName: Map<string, string>;
  /** Syntax problems: a tag without "=", a duplicate tag, an invalid name. */
  errors: string[];
}

/** §3.2: tag-name = ALPHA *ALNUMPUNC (ALNUMPUNC = ALPHA / DIGIT / "_"). */
const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function parseTagList(text: string): TagList {
  const tags: Tag[] = [];
  const byName = new Map<string, string>();
  const errors: string[] = [];
  // a trailing ";" is allowed (tag-list = tag-spec *( ";" tag-spec ) [ ";" ])
  const specs = text.split(';');
  specs.forEach((spec, i) => {
    if (spec.trim() === '') {
      if (i !== specs.length - 1) errors.push('empty tag between two ";"');
      return;
    }
    const eq = spec.indexOf('=');
    if (eq < 0) {
      errors.push(`"${spec.trim()}" has no "="`);
      return;
    }
    const name = spec.slice(0, eq).replace(/[ \t\r\n]+/g, '');
    const value = spec.slice(eq + 1).replace(/^[ \t\r\n]+|(?<![ \t\r\n])[ \t\r\n]+$/g, '');
    if (!TAG_NAME.test(name)) {
      errors.push(`invalid tag name "${name}"`);
      return;
    }
    // §3.2: "Tags with duplicate names MUST NOT occur within a single tag-list"
    if (byName.has(name)) {
      errors.push(`tag "${name}" appears twice`);
      return;
    }
    tags.push({ name, value });
    byName.set(name, value);
  });
  return { tags, byName, errors };
}

/** Remove all folding whitespace (base64 values: b=, bh=, p=). */
export function stripFws(s: string): string {
  return s.replace(/[ \t\r\n]+/g, '');
}

/** RFC 6376 §2.11 DKIM-Quoted-Printable: "=XX" hex escapes, whitespace ignored. */
export function decodeDkimQuotedPrintable(s: string): string {
  const raw = stripFws(s);
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (raw.charCodeAt(i) < 0x80) bytes.push(raw.charCodeAt(i));
    else {
      // a character written as itself (an SMTPUTF8 i=, RFC 8616 §4): its UTF-8 bytes
      const c = String.fromCodePoint(raw.codePointAt(i)!);
      bytes.push(...utf8.encode(c));
      i += c.length - 1;
    }
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}
