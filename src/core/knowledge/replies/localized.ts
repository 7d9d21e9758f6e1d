// The sentences non-delivery notices write in other languages for the most
// common outcomes — the address was not found, the mailbox is full — when a
// paste carries only the sentence (the reply code was left out, or the
// notice shows none). Each pattern keeps to the few words every wording of
// the language shares ("adresse … introuvable", "Postfach … voll"), so that
// Gmail's, Outlook's and the providers' own sentences all match.

import type { ReplyKnowledge } from './types';

const SOURCES = [
  'https://support.google.com/mail/answer/6596 (Gmail: address not found, in every language of its help)',
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online (localised NDRs)',
];

export const LOCALIZED_REPLIES: ReplyKnowledge[] = [
  {
    id: 'ndr.address-not-found-localized',
    sender: 'non-delivery notices in other languages',
    text: /\badresse (?:est )?introuvable\b|\bl'adresse [^\n.]{0,40}n'(?:a pas été trouvée|existe pas)|\bno (?:se )?(?:ha )?(?:encontrado|encontró|pudo encontrar) la dirección|\bla dirección [^\n.]{0,40}no (?:existe|se (?:ha )?encontr)|\bindirizzo [^\n.]{0,30}non (?:è stato trovato|esiste)|\bendereço [^\n.]{0,30}não (?:foi encontrado|existe)|\bAdresse [^\n.]{0,40}nicht gefunden\b|\bEmpfänger(?:adresse)? [^\n.]{0,40}(?:unbekannt|existiert nicht)\b|\badres [^\n.]{0,30}niet gevonden\b|\bадрес [^\n.]{0,40}не (?:найден|существует)|\bпочтовый ящик [^\n.]{0,30}не существует/iu,
    codes: [0],
    reason: 'userunknown',
    party: 'recipient',
    meaning: "The recipient's address was not found: it is misspelt, or the mailbox no longer exists.",
    rules: ['smtp.recipient-unknown'],
    sources: SOURCES,
  },
  {
    // Japanese, Chinese and Korean notices: Outlook's "無効な受信者" (invalid recipient), "宛先不明",
    // QQ/163's "收件人不存在" / "用户不存在", "받는 사람 … 없습니다"
    id: 'ndr.invalid-recipient-cjk',
    sender: 'non-delivery notices in Japanese, Chinese, Korean',
    text: /無効な受信者|宛先不明|受信者が見つかりません|(?:宛先|アドレス)が(?:存在しません|見つかりません)|收件人(?:地址)?不存在|用户不存在|用戶不存在|无效的收件人|無效的收件人|받는 사람[^\n]{0,20}(?:없습니다|잘못)/u,
    codes: [0],
    reason: 'userunknown',
    party: 'recipient',
    meaning: "The recipient's address is invalid or was not found: it is misspelt, malformed, or the mailbox no longer exists.",
    rules: ['smtp.recipient-unknown'],
    sources: SOURCES,
  },
  {
    id: 'ndr.mailbox-full-localized',
    sender: 'non-delivery notices in other languages',
    text: /\bbo[iî]te (?:aux lettres|mail|de réception) [^\n.]{0,40}(?:pleine|saturée)|\bbuzón [^\n.]{0,40}(?:lleno|completo)|\bcasella [^\n.]{0,40}piena|\bcaixa (?:de correio|postal|de entrada) [^\n.]{0,40}(?:cheia|lotada)|\bPostfach [^\n.]{0,40}(?:voll|überschritten)\b|\bpostvak [^\n.]{0,30}vol\b|\bящик [^\n.]{0,40}переполнен/iu,
    codes: [0],
    reason: 'mailboxfull',
    party: 'recipient',
    meaning: "The recipient's mailbox is full; the recipient must make room.",
    rules: ['smtp.mailbox-full'],
    sources: SOURCES,
  },
];
