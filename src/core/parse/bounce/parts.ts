// The parts of a bounce: the notice's words (text/plain, else text/html), the
// machine-readable reports (message/delivery-status, feedback-report,
// disposition-notification) and the returned message. Parts inside a
// returned message are the original mail, not the bounce's words.

import { bodyLines, type BodyLine, type MimePart } from './mime';
import { headerValue } from '../../mail/header-block';

export interface BounceParts {
  texts: MimePart[];
  dsn: MimePart[];
  arf: MimePart[];
  mdn: MimePart[];
  returned: MimePart[];
}

export function bouncePartsOf(root: MimePart): BounceParts {
  const texts: MimePart[] = [];
  const dsn: MimePart[] = [];
  const arf: MimePart[] = [];
  const mdn: MimePart[] = [];
  const returned: MimePart[] = [];
  const visit = (p: MimePart) => {
    if (p.type === 'message/delivery-status' || p.type === 'message/global-delivery-status') dsn.push(p);
    else if (p.type === 'message/feedback-report') arf.push(p);
    else if (p.type === 'message/disposition-notification' || p.type === 'message/global-disposition-notification') mdn.push(p);
    else if (/^(?:message\/rfc822|message\/global|text\/rfc822-headers|message\/global-headers|message\/partial)$/.test(p.type)) {
      returned.push(p);
      return;
    } else if (
      !p.type.startsWith('multipart/') &&
      (p.type === 'text/plain' || p.type === 'text/html') &&
      !/attachment/i.test(headerValue(p.headers, 'content-disposition') ?? '')
    ) {
      texts.push(p);
    } else if (!p.type.startsWith('multipart/') && !p.type.startsWith('text/')) return;
    p.children.forEach(visit);
  };
  if (!root.type.startsWith('multipart/')) texts.push(root);
  else root.children.forEach(visit);
  // prefer plain text over HTML alternatives of the same words
  const plain = texts.filter((t) => t.type === 'text/plain');
  return { texts: plain.length ? plain : texts, dsn, arf, mdn, returned };
}

/** The character references Exchange and Gmail write in their HTML notices (&#39; around the reply, &quot;…). */
const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

function htmlToText(lines: BodyLine[]): BodyLine[] {
  return lines.map((l) => ({
    line: l.line,
    text: l.text
      // a tag that opens the line leaves no indentation behind (it would read as a folded line)
      .replace(/^(?:\s*<[^>]*>)+/, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^<>]*>/g, ' ')
      .replace(/&(?:#(\d{1,6})|#x([0-9a-f]{1,6})|(nbsp|lt|gt|quot|apos|amp));/gi, (m, dec: string, hex: string, name: string) => {
        if (name) return ENTITIES[name.toLowerCase()];
        const cp = dec ? Number(dec) : parseInt(hex, 16);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }),
  }));
}

/**
 * The notice's words, decoded, each with its input line; a blank line between
 * parts. A bounce forwarded inline is quoted ("> "): read without the quote
 * marks (only "> " marks: Sendmail's ">>> RCPT To:" transcript lines are not quotes).
 */
export function noticeText(lines: string[], parts: BounceParts): BodyLine[] {
  const text: BodyLine[] = [];
  for (const p of parts.texts) {
    const b = bodyLines(lines, p);
    text.push(...(p.type === 'text/html' ? htmlToText(b) : b), { text: '', line: 0 });
  }
  return text.map((l) => ({ text: l.text.replace(/^(?:>[ \t]|>$)+/, ''), line: l.line }));
}
