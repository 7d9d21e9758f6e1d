// A bounce forwarded inline: the user who got the NDR passes it on ("FW:
// Undeliverable: …"), and the mail client writes a separator and a small
// block of the bounce's headers above its text — Outlook "-----Original
// Message-----" then From:/Sent:/To:/Subject:, Gmail "---------- Forwarded
// message ---------" then From:/Date:/Subject:/To:, Thunderbird "--------
// Forwarded Message --------", Apple Mail "Begin forwarded message:", each
// also in the user's language. That block says who sent the bounce (the
// daemon) and to whom (the original sender), so it stands in for the
// bounce's own headers, and the bounce's words start after it.

import type { HeaderField } from '../../types';
import type { BodyLine } from './mime';
import { headersSayBounce } from './detect';

/**
 * The separators mail clients write: dashes around a few words in any language ("-------- Forwarded
 * Message --------", "-------- Пересылаемое сообщение --------", "----- 転送メッセージ -----"), a rule
 * of underscores (Outlook), or the opener sentences of Apple Mail and others.
 */
const SEPARATOR =
  /^\s*(?:-{2,}\s*[\p{L}\p{M}'’ ]{3,60}?\s*-{2,}|_{10,}|Begin forwarded message:|Anfang der weitergeleiteten Nachricht:|Début du message réexpédié :?)\s*$/iu;

/** The field names of those blocks, in the same languages, mapped to the header they stand for. */
const FIELD_NAMES: Record<string, string> = {
  from: 'From',
  von: 'From',
  de: 'From',
  da: 'From',
  van: 'From',
  sent: 'Date',
  gesendet: 'Date',
  envoyé: 'Date',
  enviado: 'Date',
  inviato: 'Date',
  verzonden: 'Date',
  date: 'Date',
  datum: 'Date',
  fecha: 'Date',
  data: 'Date',
  to: 'To',
  an: 'To',
  à: 'To',
  a: 'To',
  para: 'To',
  aan: 'To',
  cc: 'Cc',
  subject: 'Subject',
  betreff: 'Subject',
  objet: 'Subject',
  asunto: 'Subject',
  oggetto: 'Subject',
  onderwerp: 'Subject',
  assunto: 'Subject',
};

const PSEUDO_FIELD = /^\s*([^\s:：]{1,12})\s*[:：]\s*(.*)$/;

/**
 * A label in a language the table above does not know (От:/Тема:, 差出人:/件名:, Mittente:…) is
 * read by its value's shape, as text/forward-block.ts recognises the block: the first value with
 * a mail address is the sender, the next the recipient, a value with a time of day the date, and
 * the first other value the subject. Only after a separator line, or for a label in a non-Latin
 * script: on top of a paste, an ASCII label may be a real header section's field.
 */
const ADDRESS = /[^\s<>@"]+@[^\s<>@"]+\.[a-z]{2,}|<[^<>\s]+@[^<>\s]+>/i;
const TIME_OF_DAY = /\b\d{1,2}[:.]\d{2}\b/;
function fieldByShape(value: string, seen: Set<string>): string | undefined {
  if (ADDRESS.test(value)) return seen.has('From') ? (seen.has('To') ? 'Cc' : 'To') : 'From';
  if (TIME_OF_DAY.test(value) && !seen.has('Date')) return 'Date';
  return seen.has('Subject') ? undefined : 'Subject';
}

/** The pseudo-header block that starts at `i` (blank lines and a client's empty lines skipped), or null. */
function blockAt(text: BodyLine[], i: number, afterSeparator = false): { fields: HeaderField[]; end: number } | null {
  const fields: HeaderField[] = [];
  let k = i;
  while (k < text.length && text[k].text.trim() === '') k++;
  for (; k < text.length; k++) {
    const t = text[k].text;
    if (t.trim() === '') break;
    const m = PSEUDO_FIELD.exec(t);
    const seen = new Set(fields.map((f) => f.name));
    const name = m
      ? (FIELD_NAMES[m[1].toLowerCase()] ?? (afterSeparator || /[^\x00-\x7f]/.test(m[1]) ? fieldByShape(m[2], seen) : undefined))
      : undefined;
    if (!m || !name) {
      // Thunderbird puts the value on the next line when it is long; anything else ends the block
      if (fields.length && /^\s/.test(t)) {
        fields[fields.length - 1].value += ' ' + t.trim();
        continue;
      }
      break;
    }
    fields.push({ name, value: m[2].trim(), raw: t, line: text[k].line, lineCount: 1 });
  }
  const names = new Set(fields.map((f) => f.name));
  return names.has('From') && names.has('Subject') && fields.length >= 3 ? { fields, end: k } : null;
}

export interface ForwardedBounce {
  /** The bounce's headers as the forwarding client wrote them. */
  headers: HeaderField[];
  /** Index in the text of the first line of the bounce's own words. */
  start: number;
}

/**
 * The innermost forwarded bounce in the text: a separator (or a bare From:/
 * Subject: block at the very top) whose block names a bounce's sender or
 * subject. Null when the text is not a forwarded bounce.
 */
export function forwardedBounce(text: BodyLine[]): ForwardedBounce | null {
  let found: ForwardedBounce | null = null;
  for (let i = 0, depth = 0; i < text.length && depth < 4; i++) {
    const top = !found && text.slice(0, i).every((l) => l.text.trim() === '');
    if (!SEPARATOR.test(text[i].text) && !top) continue;
    const sep = SEPARATOR.test(text[i].text);
    const block = blockAt(text, sep ? i + 1 : i, sep);
    if (!block) continue;
    // the block's From is a daemon or its Subject a bounce's: a forwarded bounce
    if (!headersSayBounce(block.fields)) continue;
    found = { headers: block.fields, start: block.end };
    i = block.end - 1;
    depth++;
  }
  return found;
}
