// A line-keeping MIME walker for bounces (RFC 2045/2046, RFC 6522
// multipart/report). postal-mime (a dependency, used where a whole message is
// decoded) is asynchronous and returns decoded parts without their place in
// the input; a bounce's evidence needs the input line of each Status: and
// Diagnostic-Code:, and the parse pipeline is synchronous. So the tree is
// walked here over the already numbered lines, reusing the header reader of
// mail/header-block.ts, and only leaf bodies are decoded.

import type { HeaderField } from '../../types';
import { headerValue, readHeaderBlock } from '../../mail/header-block';
import { decodeBase64, decodeQuotedPrintableLine, decodeWithCharset } from './decode';

export interface MimePart {
  headers: HeaderField[];
  /** Lowercased media type, e.g. "message/delivery-status"; "text/plain" when absent. */
  type: string;
  params: Record<string, string>;
  /** 0-based index of the first body line, and one past the last. */
  bodyStart: number;
  bodyEnd: number;
  children: MimePart[];
  depth: number;
}

/** A decoded body line and the 1-based input line it came from. */
export interface BodyLine {
  text: string;
  line: number;
}

const MAX_DEPTH = 8;

/** `type/subtype; a=b; c="d"` → type and lowercased parameter names. */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  if (!value) return { type: 'text/plain', params: {} };
  const [head, ...rest] = splitParams(value);
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    const k = p.slice(0, eq).trim().toLowerCase().replace(/\*$/, '');
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params[k] = v;
  }
  return { type: head.trim().toLowerCase() || 'text/plain', params };
}

/** Split on `;` outside quotes. */
function splitParams(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' && s[i - 1] !== '\\') q = !q;
    if (c === ';' && !q) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Walk the entity that starts at line index `start` (its header block) and
 * ends before `end`. Never throws: a missing closing boundary ends the part
 * at `end`; a part without headers gets text/plain (RFC 2045 §5.2).
 */
export function walkMime(lines: string[], start = 0, end = lines.length, depth = 0, headerless = false): MimePart {
  let headers: HeaderField[] = [];
  let bodyStart = start;
  if (!headerless) {
    const block = readHeaderBlock(lines.slice(0, end), start);
    headers = block.fields;
    bodyStart = Math.min(block.end + 1, end);
    // a part whose first line is blank has no headers
    if (!block.fields.length) bodyStart = lines[start]?.trim() === '' ? start + 1 : start;
  }
  const ct = parseContentType(headerValue(headers, 'content-type'));
  // a boundary parameter on an unindented line after Content-Type (a broken
  // fold that real bouncers write) is still the boundary
  if (ct.type.startsWith('multipart/') && !ct.params.boundary && !headerless) {
    for (let i = start; i < bodyStart && i < end; i++) {
      const m = /^\s*boundary\s*=\s*"?([^";]+)"?/i.exec(lines[i]);
      if (m) ct.params.boundary = m[1];
    }
  }
  const part: MimePart = { headers, type: ct.type, params: ct.params, bodyStart, bodyEnd: end, children: [], depth };
  if (depth >= MAX_DEPTH) return part;
  if (ct.type.startsWith('multipart/') && ct.params.boundary) {
    const open = '--' + ct.params.boundary;
    const close = open + '--';
    let partStart = -1;
    for (let i = bodyStart; i < end; i++) {
      const l = lines[i].trimEnd();
      if (l !== open && l !== close) continue;
      if (partStart >= 0) part.children.push(walkMime(lines, partStart, i, depth + 1));
      if (l === close) {
        partStart = -1;
        break;
      }
      partStart = i + 1;
    }
    if (partStart >= 0 && partStart < end) part.children.push(walkMime(lines, partStart, end, depth + 1));
  } else if (isEmbeddedMessage(ct.type) && isIdentityEncoded(part)) {
    part.children.push(walkMime(lines, bodyStart, end, depth + 1));
  }
  return part;
}

function isEmbeddedMessage(type: string): boolean {
  return type === 'message/rfc822' || type === 'message/global' || type === 'text/rfc822-headers' || type === 'message/global-headers';
}

function encodingOf(part: MimePart): string {
  return (headerValue(part.headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
}

function isIdentityEncoded(part: MimePart): boolean {
  const e = encodingOf(part);
  return e !== 'base64' && e !== 'quoted-printable';
}

/**
 * The decoded lines of a leaf part, each with the input line it came from.
 * Quoted-printable soft breaks join lines (the joined line keeps the first
 * one's number); base64 bodies are decoded whole and carry the first body line.
 */
export function bodyLines(lines: string[], part: MimePart): BodyLine[] {
  const enc = encodingOf(part);
  const charset = part.params.charset;
  const out: BodyLine[] = [];
  if (enc === 'base64') {
    const bytes = decodeBase64(lines.slice(part.bodyStart, part.bodyEnd).join(''));
    const text = decodeWithCharset(bytes, charset);
    for (const t of text.split(/\r\n|\n|\r/)) out.push({ text: t, line: part.bodyStart + 1 });
    return out;
  }
  if (enc === 'quoted-printable') {
    let acc: number[] = [];
    let first = -1;
    for (let i = part.bodyStart; i < part.bodyEnd; i++) {
      if (first < 0) first = i;
      const { bytes, soft } = decodeQuotedPrintableLine(lines[i]);
      acc.push(...bytes);
      if (soft && i < part.bodyEnd - 1) continue;
      out.push({ text: decodeWithCharset(Uint8Array.from(acc), charset), line: first + 1 });
      acc = [];
      first = -1;
    }
    return out;
  }
  for (let i = part.bodyStart; i < part.bodyEnd; i++) out.push({ text: recode(lines[i], charset), line: i + 1 });
  return out;
}

/**
 * Identity-encoded text was decoded as UTF-8 (or Windows-1252) with the whole
 * input. ISO-2022-JP is 7-bit, so it arrives as escape sequences; decode those.
 */
function recode(s: string, charset: string | undefined): string {
  if (charset && /^iso-2022-jp/i.test(charset) && s.includes('\x1b')) {
    const bytes = Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
    return decodeWithCharset(bytes, charset);
  }
  return s;
}

/** Every part of the tree, depth first, parents before children. */
export function allParts(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const visit = (p: MimePart) => {
    out.push(p);
    p.children.forEach(visit);
  };
  visit(root);
  return out;
}
