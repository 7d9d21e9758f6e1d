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

/** The separators mail clients write (English, German, French, Spanish, Italian, Dutch, Portuguese). */
const SEPARATOR =
  /^\s*(?:-{2,}\s*(?:Forwarded message|Forwarded Message|Original Message|Weitergeleitete Nachricht|Ursprüngliche Nachricht|Message transféré|Message d'origine|Mensaje reenviado|Mensaje original|Messaggio inoltrato|Messaggio originale|Doorgestuurd bericht|Oorspronkelijk bericht|Mensagem encaminhada|Mensagem original)\s*-{2,}|_{10,}|Begin forwarded message:|Anfang der weitergeleiteten Nachricht:|Début du message réexpédié :?)\s*$/i;

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

const PSEUDO_FIELD = /^\s*([^\s:]{1,12})\s*:\s*(.*)$/;

/** The pseudo-header block that starts at `i` (blank lines and a client's empty lines skipped), or null. */
function blockAt(text: BodyLine[], i: number): { fields: HeaderField[]; end: number } | null {
  const fields: HeaderField[] = [];
  let k = i;
  while (k < text.length && text[k].text.trim() === '') k++;
  for (; k < text.length; k++) {
    const t = text[k].text;
    if (t.trim() === '') break;
    const m = PSEUDO_FIELD.exec(t);
    const name = m ? FIELD_NAMES[m[1].toLowerCase()] : undefined;
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
    const block = blockAt(text, SEPARATOR.test(text[i].text) ? i + 1 : i);
    if (!block) continue;
    // the block's From is a daemon or its Subject a bounce's: a forwarded bounce
    if (!headersSayBounce(block.fields)) continue;
    found = { headers: block.fields, start: block.end };
    i = block.end - 1;
    depth++;
  }
  return found;
}
