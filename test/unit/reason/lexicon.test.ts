// The reason words of other languages (src/core/knowledge/reasons/lexicon.ts): each row is a sentence a
// non-delivery notice or a receiver writes in that language, with the reason it names, the first step an
// administrator should see and who acts. Each is read bare (the words alone, as copied out of a notice),
// inside a notice in that language whose English reply line is missing (alone, and with the returned
// message's headers below it), as a Postfix bounce line with a
// catch-all code (so the words, not the code, must decide), and in a DSN's Diagnostic-Code. `not` is a
// sentence with some of the same words that names another thing: it must not be read as the row's reason.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';
import { LANGUAGES, type LexiconReason } from '../../../src/core/knowledge/reasons/lexicon';

interface Row {
  lang: string;
  reason: LexiconReason;
  text: string;
  not: string;
}

const FIRST: Record<LexiconReason, string> = {
  userunknown: 'smtp.recipient-unknown',
  mailboxfull: 'smtp.mailbox-full',
  suspend: 'smtp.recipient-unknown',
  mesgtoobig: 'smtp.message-too-large',
  hostunknown: 'smtp.recipient-unknown',
  norelaying: 'smtp.relay-denied',
  spamdetected: 'smtp.content-rejected',
  blocked: 'reputation.blocked',
  expired: 'smtp.delivery-expired',
  // (the English words of a network error lead to the generic step too: no step of its own names them)
  networkerror: 'smtp.rejected',
};
const PARTY: Record<LexiconReason, string> = {
  userunknown: 'recipient',
  mailboxfull: 'recipient',
  suspend: 'recipient',
  mesgtoobig: 'sender',
  hostunknown: 'recipient',
  norelaying: 'sender',
  spamdetected: 'receiver-policy',
  blocked: 'sender',
  // (the queue and the way between the servers: nobody's move is named, as for the English words)
  expired: 'unknown',
  networkerror: 'unknown',
};
/** The SMTP command the reason's refusal answers, and a catch-all code that names no reason of its own. */
const STAGE: Record<LexiconReason, [string, string]> = {
  userunknown: ['RCPT TO', '550 5.0.0'],
  mailboxfull: ['RCPT TO', '550 5.0.0'],
  suspend: ['RCPT TO', '550 5.0.0'],
  hostunknown: ['RCPT TO', '550 5.0.0'],
  norelaying: ['RCPT TO', '550 5.0.0'],
  mesgtoobig: ['end of DATA', '554 5.0.0'],
  spamdetected: ['end of DATA', '554 5.0.0'],
  blocked: ['RCPT TO', '550 5.0.0'],
  expired: ['RCPT TO', '550 5.0.0'],
  networkerror: ['RCPT TO', '550 5.0.0'],
};

/** A notice's heading in each language (the text above the recipient in a localised notice); a wrapper only. */
const HEADING: Record<string, string> = {
  de: 'Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:',
  fr: 'La remise à ces destinataires ou groupes a échoué :',
  es: 'No se pudo entregar a estos destinatarios o grupos:',
  it: 'Recapito non riuscito per questi destinatari o gruppi:',
  pt: 'Falha na entrega a estes destinatários ou grupos:',
  nl: 'Bezorging is mislukt voor deze geadresseerden of groepen:',
  pl: 'Dostarczenie do tych adresatów lub grup nie powiodło się:',
  cs: 'Vaše zpráva nemohla být doručena.',
  ru: 'Не удалось выполнить доставку следующим получателям или группам:',
  ja: '以下の受信者またはグループへの配信に失敗しました:',
  zh: '无法传递到以下收件人或组:',
  ko: '다음 받는 사람 또는 그룹에게 배달하지 못했습니다.',
  tr: 'Bu alıcılara veya gruplara teslim başarısız oldu:',
  sv: 'Det gick inte att leverera till följande mottagare eller grupper:',
  da: 'Levering til disse modtagere eller grupper mislykkedes:',
  no: 'Levering til disse mottakerne eller gruppene mislyktes:',
  fi: 'Toimitus seuraaville vastaanottajille tai ryhmille epäonnistui:',
  hu: 'A kézbesítés a következő címzetteknek vagy csoportoknak sikertelen volt:',
  el: 'Η παράδοση σε αυτούς τους παραλήπτες ή ομάδες απέτυχε:',
  ro: 'Livrarea către acești destinatari sau grupuri a eșuat:',
  vi: 'Không gửi được tới những người nhận hoặc nhóm này:',
  id: 'Pengiriman ke penerima atau grup ini gagal:',
};

const ROWS: Row[] = [
  // German
  { lang: 'de', reason: 'userunknown', text: 'Der Empfänger ist unbekannt.', not: 'Die Domäne des Empfängers wurde nicht gefunden.' },
  { lang: 'de', reason: 'userunknown', text: 'Die E-Mail-Adresse existiert nicht.', not: 'Die E-Mail-Adresse wurde geändert.' },
  { lang: 'de', reason: 'mailboxfull', text: 'Das Postfach des Empfängers ist voll.', not: 'Das Postfach des Empfängers ist wieder frei.' },
  {
    lang: 'de',
    reason: 'mailboxfull',
    text: 'Speicherkontingent des Empfängers überschritten',
    not: 'Zeitlimit des Empfängers überschritten',
  },
  {
    lang: 'de',
    reason: 'suspend',
    text: 'Das Postfach des Empfängers wurde deaktiviert.',
    not: 'Die Weiterleitung des Empfängers wurde deaktiviert.',
  },
  {
    lang: 'de',
    reason: 'mesgtoobig',
    text: 'Die Nachricht ist zu groß für das Postfach des Empfängers.',
    not: 'Die Nachricht ist zu spät eingetroffen.',
  },
  {
    lang: 'de',
    reason: 'hostunknown',
    text: 'Die Domäne des Empfängers existiert nicht.',
    not: 'Die Domäne des Empfängers ist erreichbar.',
  },
  { lang: 'de', reason: 'norelaying', text: 'Relaying nicht erlaubt', not: 'Relaying für angemeldete Benutzer' },
  { lang: 'de', reason: 'spamdetected', text: 'Die Nachricht wurde als Spam eingestuft.', not: 'Bitte prüfen Sie Ihren Spam-Ordner.' },
  // French
  {
    lang: 'fr',
    reason: 'userunknown',
    text: "L'adresse e-mail du destinataire est inconnue.",
    not: 'Le domaine du destinataire est introuvable.',
  },
  { lang: 'fr', reason: 'userunknown', text: 'Utilisateur inconnu', not: 'Utilisateur authentifié' },
  {
    lang: 'fr',
    reason: 'mailboxfull',
    text: 'La boîte aux lettres du destinataire est pleine.',
    not: 'La boîte aux lettres du destinataire est ouverte.',
  },
  { lang: 'fr', reason: 'mailboxfull', text: 'Quota du destinataire dépassé', not: 'Délai du destinataire dépassé' },
  { lang: 'fr', reason: 'suspend', text: 'Le compte du destinataire est désactivé.', not: 'Le compte du destinataire est actif.' },
  { lang: 'fr', reason: 'mesgtoobig', text: 'Le message est trop volumineux.', not: 'Le message est trop ancien.' },
  { lang: 'fr', reason: 'hostunknown', text: 'Le nom de domaine est introuvable.', not: 'Le nom de domaine est réservé.' },
  { lang: 'fr', reason: 'norelaying', text: 'Relais refusé', not: 'Relais de messagerie configuré' },
  {
    lang: 'fr',
    reason: 'spamdetected',
    text: 'Votre message a été considéré comme spam.',
    not: 'Votre message a été considéré comme urgent.',
  },
  // Spanish
  { lang: 'es', reason: 'userunknown', text: 'El usuario no existe.', not: 'El dominio del destinatario no existe.' },
  { lang: 'es', reason: 'userunknown', text: 'Dirección de correo desconocida', not: 'Dirección IP desconocida' },
  { lang: 'es', reason: 'mailboxfull', text: 'El buzón del destinatario está lleno.', not: 'El buzón del destinatario está activo.' },
  {
    lang: 'es',
    reason: 'suspend',
    text: 'La cuenta del destinatario está deshabilitada.',
    not: 'La cuenta del destinatario está verificada.',
  },
  { lang: 'es', reason: 'mesgtoobig', text: 'El mensaje es demasiado grande.', not: 'El mensaje es demasiado antiguo.' },
  { lang: 'es', reason: 'hostunknown', text: 'El dominio no existe.', not: 'El dominio no responde.' },
  { lang: 'es', reason: 'norelaying', text: 'Retransmisión denegada', not: 'Retransmisión completada' },
  { lang: 'es', reason: 'spamdetected', text: 'El mensaje fue detectado como spam.', not: 'El mensaje fue detectado como duplicado.' },
  // Italian
  { lang: 'it', reason: 'userunknown', text: 'Utente inesistente', not: 'Dominio inesistente' },
  {
    lang: 'it',
    reason: 'userunknown',
    text: "L'indirizzo del destinatario non esiste.",
    not: "L'indirizzo del mittente è stato verificato.",
  },
  { lang: 'it', reason: 'mailboxfull', text: 'La casella del destinatario è piena.', not: 'La casella del destinatario è attiva.' },
  {
    lang: 'it',
    reason: 'suspend',
    text: 'La casella del destinatario è stata disattivata.',
    not: 'La casella del destinatario è stata creata.',
  },
  { lang: 'it', reason: 'mesgtoobig', text: 'Il messaggio è troppo grande.', not: 'Il messaggio è troppo vecchio.' },
  { lang: 'it', reason: 'hostunknown', text: 'Il dominio non esiste.', not: 'Il dominio non risponde.' },
  { lang: 'it', reason: 'norelaying', text: 'Relay non consentito', not: 'Relay configurato correttamente' },
  {
    lang: 'it',
    reason: 'spamdetected',
    text: 'Il messaggio è stato considerato come spam.',
    not: 'Il messaggio è stato considerato come letto.',
  },
  // Portuguese
  { lang: 'pt', reason: 'userunknown', text: 'Usuário inexistente', not: 'Domínio inexistente' },
  {
    lang: 'pt',
    reason: 'mailboxfull',
    text: 'A caixa postal do destinatário está cheia.',
    not: 'A caixa postal do destinatário está ativa.',
  },
  { lang: 'pt', reason: 'suspend', text: 'A conta do destinatário está desativada.', not: 'A conta do destinatário está verificada.' },
  { lang: 'pt', reason: 'mesgtoobig', text: 'A mensagem é muito grande.', not: 'A mensagem é muito antiga.' },
  { lang: 'pt', reason: 'hostunknown', text: 'O domínio não existe.', not: 'O domínio não responde.' },
  {
    lang: 'pt',
    reason: 'spamdetected',
    text: 'A mensagem foi classificada como spam.',
    not: 'A mensagem foi classificada como importante.',
  },
  // Dutch
  { lang: 'nl', reason: 'userunknown', text: 'Gebruiker onbekend', not: 'Gebruiker aangemeld' },
  {
    lang: 'nl',
    reason: 'mailboxfull',
    text: 'Het postvak van de geadresseerde is vol.',
    not: 'Het postvak van de geadresseerde is verplaatst.',
  },
  {
    lang: 'nl',
    reason: 'suspend',
    text: 'Het account van de ontvanger is geblokkeerd.',
    not: 'Het account van de ontvanger is geverifieerd.',
  },
  { lang: 'nl', reason: 'mesgtoobig', text: 'Het bericht is te groot.', not: 'Het bericht is te laat.' },
  { lang: 'nl', reason: 'hostunknown', text: 'Het domein bestaat niet.', not: 'Het domein reageert niet.' },
  // Polish
  { lang: 'pl', reason: 'userunknown', text: 'Użytkownik nie istnieje', not: 'Domena odbiorcy nie istnieje' },
  { lang: 'pl', reason: 'userunknown', text: 'Nie ma takiego użytkownika', not: 'Nie ma takiego połączenia' },
  { lang: 'pl', reason: 'mailboxfull', text: 'Skrzynka odbiorcy jest przepełniona.', not: 'Skrzynka odbiorcy jest aktywna.' },
  { lang: 'pl', reason: 'suspend', text: 'Konto odbiorcy zostało zablokowane.', not: 'Konto odbiorcy zostało utworzone.' },
  { lang: 'pl', reason: 'mesgtoobig', text: 'Wiadomość jest zbyt duża.', not: 'Wiadomość jest zbyt stara.' },
  { lang: 'pl', reason: 'hostunknown', text: 'Domena nie istnieje', not: 'Domena nie odpowiada' },
  { lang: 'pl', reason: 'spamdetected', text: 'Wiadomość została uznana za spam.', not: 'Wiadomość została uznana za ważną.' },
  // Czech
  { lang: 'cs', reason: 'userunknown', text: 'Uživatel neexistuje', not: 'Doména neexistuje' },
  { lang: 'cs', reason: 'mailboxfull', text: 'Schránka příjemce je plná.', not: 'Schránka příjemce je aktivní.' },
  { lang: 'cs', reason: 'mesgtoobig', text: 'Zpráva je příliš velká.', not: 'Zpráva je příliš stará.' },
  // Russian / Ukrainian
  { lang: 'ru', reason: 'userunknown', text: 'Пользователь не найден', not: 'Домен получателя не найден' },
  { lang: 'ru', reason: 'userunknown', text: 'Нет такого пользователя', not: 'Нет такого соединения' },
  { lang: 'ru', reason: 'mailboxfull', text: 'Почтовый ящик получателя переполнен.', not: 'Почтовый ящик получателя проверен.' },
  { lang: 'ru', reason: 'suspend', text: 'Почтовый ящик получателя заблокирован.', not: 'Почтовый ящик получателя создан.' },
  { lang: 'ru', reason: 'mesgtoobig', text: 'Письмо слишком большое.', not: 'Письмо слишком короткое.' },
  { lang: 'ru', reason: 'hostunknown', text: 'Домен не существует', not: 'Домен не отвечает' },
  { lang: 'ru', reason: 'spamdetected', text: 'Письмо распознано как спам.', not: 'Письмо распознано как важное.' },
  { lang: 'ru', reason: 'userunknown', text: 'Користувач не існує', not: 'Сервер не існує' },
  // Japanese
  { lang: 'ja', reason: 'userunknown', text: '宛先のユーザは存在しません。', not: '宛先のユーザは在席していません。' },
  { lang: 'ja', reason: 'mailboxfull', text: '受信者のメールボックスがいっぱいです。', not: '受信者のメールボックスが移動しました。' },
  { lang: 'ja', reason: 'mesgtoobig', text: 'メッセージサイズが大きすぎます。', not: 'メッセージが遅すぎます。' },
  { lang: 'ja', reason: 'hostunknown', text: 'ドメインが存在しません。', not: 'ドメインが応答しません。' },
  { lang: 'ja', reason: 'spamdetected', text: 'このメールは迷惑メールと判定されました。', not: 'このメールは重要と判定されました。' },
  // Chinese
  { lang: 'zh', reason: 'userunknown', text: '收件人不存在', not: '收件人已读' },
  { lang: 'zh', reason: 'mailboxfull', text: '收件人邮箱空间不足', not: '收件人邮箱已验证' },
  { lang: 'zh', reason: 'suspend', text: '收件人邮箱已被冻结', not: '收件人邮箱已被验证' },
  { lang: 'zh', reason: 'mesgtoobig', text: '邮件大小超过限制', not: '邮件发送成功' },
  { lang: 'zh', reason: 'hostunknown', text: '域名不存在', not: '域名已注册' },
  { lang: 'zh', reason: 'spamdetected', text: '邮件被判定为垃圾邮件', not: '邮件被判定为正常邮件' },
  // Korean
  { lang: 'ko', reason: 'userunknown', text: '수신자가 존재하지 않습니다.', not: '수신자가 메일을 읽었습니다.' },
  { lang: 'ko', reason: 'mailboxfull', text: '받는 사람의 메일함이 가득 찼습니다.', not: '받는 사람의 메일함이 정리되었습니다.' },
  { lang: 'ko', reason: 'mesgtoobig', text: '메일 크기가 제한을 초과했습니다.', not: '메일 전송이 완료되었습니다.' },
  { lang: 'ko', reason: 'spamdetected', text: '스팸으로 분류되었습니다.', not: '받은 편지함으로 분류되었습니다.' },
  // the sending IP blocked or on a block list, in each language
  { lang: 'de', reason: 'blocked', text: 'Ihre IP-Adresse wurde gesperrt.', not: 'Ihre IP-Adresse wurde geändert.' },
  { lang: 'de', reason: 'blocked', text: 'Der Server steht auf einer schwarzen Liste.', not: 'Der Server steht auf einer Warteliste.' },
  { lang: 'fr', reason: 'blocked', text: 'Votre adresse IP est bloquée.', not: 'Votre adresse IP est autorisée.' },
  { lang: 'es', reason: 'blocked', text: 'La dirección IP ha sido bloqueada.', not: 'La dirección IP ha sido registrada.' },
  { lang: 'it', reason: 'blocked', text: "L'indirizzo IP è stato bloccato.", not: "L'indirizzo IP è stato registrato." },
  { lang: 'pt', reason: 'blocked', text: 'O endereço IP foi bloqueado.', not: 'O endereço IP foi registrado.' },
  { lang: 'nl', reason: 'blocked', text: 'Uw IP-adres is geblokkeerd.', not: 'Uw IP-adres is gewijzigd.' },
  { lang: 'pl', reason: 'blocked', text: 'Twój adres IP jest zablokowany.', not: 'Twój adres IP jest nowy.' },
  { lang: 'ru', reason: 'blocked', text: 'Ваш IP-адрес заблокирован.', not: 'Ваш IP-адрес изменён.' },
  { lang: 'ja', reason: 'blocked', text: '送信元IPアドレスがブロックされています。', not: '送信元IPアドレスが変更されました。' },
  { lang: 'zh', reason: 'blocked', text: '发信IP被禁止', not: '发信IP已更换' },
  { lang: 'ko', reason: 'blocked', text: 'IP가 차단되었습니다', not: 'IP가 변경되었습니다' },
  // the queue gave up after days, and the network or DNS failed, in the languages that had no words for them
  {
    lang: 'de',
    reason: 'expired',
    text: 'Die Nachricht konnte seit 5 Tagen nicht zugestellt werden.',
    not: 'Die Nachricht wurde vor 5 Tagen zugestellt.',
  },
  { lang: 'de', reason: 'networkerror', text: 'Netzwerkfehler beim Senden der Nachricht', not: 'Netzwerk des Empfängers erreichbar' },
  {
    lang: 'fr',
    reason: 'expired',
    text: "Le message n'a pas pu être remis depuis 5 jours.",
    not: 'Le message a été remis il y a 5 jours.',
  },
  { lang: 'fr', reason: 'networkerror', text: 'Erreur réseau lors de la remise du message', not: 'Réseau du destinataire joignable' },
  { lang: 'es', reason: 'expired', text: 'El mensaje no se pudo entregar en 5 días.', not: 'El mensaje se entregó en 5 días.' },
  { lang: 'es', reason: 'networkerror', text: 'Error de red al entregar el mensaje', not: 'Red del destinatario disponible' },
  {
    lang: 'it',
    reason: 'expired',
    text: 'Non è stato possibile recapitare il messaggio entro 5 giorni.',
    not: 'Il messaggio è stato recapitato entro 5 giorni.',
  },
  { lang: 'it', reason: 'networkerror', text: 'Errore di rete durante il recapito', not: 'Rete del destinatario raggiungibile' },
  { lang: 'pt', reason: 'expired', text: 'Não foi possível entregar a mensagem em 5 dias.', not: 'A mensagem foi entregue em 5 dias.' },
  { lang: 'pt', reason: 'networkerror', text: 'Erro de rede ao entregar a mensagem', not: 'Rede do destinatário disponível' },
  {
    lang: 'nl',
    reason: 'expired',
    text: 'Het bericht kon binnen 5 dagen niet worden bezorgd.',
    not: 'Het bericht is binnen 5 dagen bezorgd.',
  },
  { lang: 'nl', reason: 'networkerror', text: 'Netwerkfout bij het bezorgen van het bericht', not: 'Netwerk van de ontvanger bereikbaar' },
  {
    lang: 'pl',
    reason: 'expired',
    text: 'Nie udało się dostarczyć wiadomości w ciągu 5 dni.',
    not: 'Wiadomość dostarczono w ciągu 5 dni.',
  },
  { lang: 'pl', reason: 'networkerror', text: 'Błąd sieci podczas dostarczania', not: 'Sieć odbiorcy dostępna' },
  { lang: 'cs', reason: 'expired', text: 'Zprávu se nepodařilo doručit během 5 dnů.', not: 'Zpráva byla doručena během 5 dnů.' },
  { lang: 'cs', reason: 'networkerror', text: 'Chyba sítě při doručování', not: 'Síť příjemce je dostupná' },
  { lang: 'ru', reason: 'expired', text: 'Письмо не удалось доставить в течение 5 дней.', not: 'Письмо доставлено в течение 5 дней.' },
  { lang: 'ru', reason: 'networkerror', text: 'Сетевая ошибка при доставке письма', not: 'Сеть получателя доступна' },
  { lang: 'ja', reason: 'expired', text: '5日間経過したため配信できませんでした。', not: '5日前に配信されました。' },
  { lang: 'ja', reason: 'networkerror', text: 'ネットワークエラーが発生しました。', not: 'ネットワークは正常です。' },
  { lang: 'zh', reason: 'expired', text: '邮件5天内无法投递', not: '邮件5天内已投递' },
  { lang: 'zh', reason: 'networkerror', text: '发送时出现网络错误', not: '网络连接正常' },
  { lang: 'ko', reason: 'expired', text: '5일 동안 배달하지 못했습니다.', not: '5일 전에 배달되었습니다.' },
  { lang: 'ko', reason: 'networkerror', text: '네트워크 오류가 발생했습니다.', not: '네트워크가 정상입니다.' },
  // Turkish
  { lang: 'tr', reason: 'userunknown', text: 'Kullanıcı bulunamadı', not: 'Alan adı bulunamadı' },
  { lang: 'tr', reason: 'mailboxfull', text: 'Alıcının posta kutusu dolu.', not: 'Alıcının posta kutusu aktif.' },
  { lang: 'tr', reason: 'mesgtoobig', text: 'İleti çok büyük.', not: 'İleti çok eski.' },
  { lang: 'tr', reason: 'hostunknown', text: 'Alan adı bulunamadı', not: 'Alan adı kayıtlı' },
  { lang: 'tr', reason: 'spamdetected', text: 'İleti spam olarak algılandı.', not: 'İleti önemli olarak işaretlendi.' },
  { lang: 'tr', reason: 'expired', text: 'İleti 5 gün boyunca teslim edilemedi.', not: 'İleti 5 gün önce teslim edildi.' },
  { lang: 'tr', reason: 'networkerror', text: 'Ağ hatası oluştu.', not: 'Ağ bağlantısı normal.' },
  // Swedish
  { lang: 'sv', reason: 'userunknown', text: 'Mottagaren finns inte.', not: 'Domänen finns inte.' },
  { lang: 'sv', reason: 'mailboxfull', text: 'Mottagarens postlåda är full.', not: 'Mottagarens postlåda är aktiv.' },
  { lang: 'sv', reason: 'mesgtoobig', text: 'Meddelandet är för stort.', not: 'Meddelandet är för gammalt.' },
  { lang: 'sv', reason: 'hostunknown', text: 'Domänen finns inte.', not: 'Domänen svarar inte.' },
  { lang: 'sv', reason: 'spamdetected', text: 'Meddelandet har klassats som skräppost.', not: 'Meddelandet har klassats som viktigt.' },
  { lang: 'sv', reason: 'expired', text: 'Meddelandet kunde inte levereras inom 5 dagar.', not: 'Meddelandet levererades inom 5 dagar.' },
  { lang: 'sv', reason: 'networkerror', text: 'Nätverksfel vid leveransen', not: 'Nätverket fungerar' },
  // Danish
  { lang: 'da', reason: 'userunknown', text: 'Modtageren findes ikke.', not: 'Domænet findes ikke.' },
  { lang: 'da', reason: 'mailboxfull', text: 'Modtagerens postkasse er fuld.', not: 'Modtagerens postkasse er aktiv.' },
  { lang: 'da', reason: 'mesgtoobig', text: 'Meddelelsen er for stor.', not: 'Meddelelsen er for gammel.' },
  { lang: 'da', reason: 'hostunknown', text: 'Domænet findes ikke.', not: 'Domænet svarer ikke.' },
  { lang: 'da', reason: 'spamdetected', text: 'Beskeden blev markeret som spam.', not: 'Beskeden blev markeret som læst.' },
  {
    lang: 'da',
    reason: 'expired',
    text: 'Meddelelsen kunne ikke leveres inden for 5 dage.',
    not: 'Meddelelsen blev leveret inden for 5 dage.',
  },
  { lang: 'da', reason: 'networkerror', text: 'Netværksfejl under leveringen', not: 'Netværket fungerer' },
  // Norwegian
  { lang: 'no', reason: 'userunknown', text: 'Mottakeren finnes ikke.', not: 'Domenet finnes ikke.' },
  { lang: 'no', reason: 'mailboxfull', text: 'Mottakerens postboks er full.', not: 'Mottakerens postboks er aktiv.' },
  { lang: 'no', reason: 'mesgtoobig', text: 'Meldingen er for stor.', not: 'Meldingen er for gammel.' },
  { lang: 'no', reason: 'hostunknown', text: 'Domenet finnes ikke.', not: 'Domenet svarer ikke.' },
  { lang: 'no', reason: 'spamdetected', text: 'Meldingen ble merket som spam.', not: 'Meldingen ble merket som lest.' },
  { lang: 'no', reason: 'expired', text: 'Meldingen kunne ikke leveres innen 5 dager.', not: 'Meldingen ble levert innen 5 dager.' },
  { lang: 'no', reason: 'networkerror', text: 'Nettverksfeil under leveringen', not: 'Nettverket fungerer' },
  // Finnish
  { lang: 'fi', reason: 'userunknown', text: 'Vastaanottajaa ei löydy.', not: 'Toimialuetta ei löydy.' },
  { lang: 'fi', reason: 'mailboxfull', text: 'Vastaanottajan postilaatikko on täynnä.', not: 'Vastaanottajan postilaatikko on käytössä.' },
  { lang: 'fi', reason: 'mesgtoobig', text: 'Viesti on liian suuri.', not: 'Viesti on liian vanha.' },
  { lang: 'fi', reason: 'hostunknown', text: 'Toimialuetta ei löydy.', not: 'Toimialue ei vastaa.' },
  { lang: 'fi', reason: 'spamdetected', text: 'Viesti luokiteltiin roskapostiksi.', not: 'Viesti luokiteltiin tärkeäksi.' },
  { lang: 'fi', reason: 'expired', text: 'Viestiä ei voitu toimittaa 5 päivän aikana.', not: 'Viesti toimitettiin 5 päivän aikana.' },
  { lang: 'fi', reason: 'networkerror', text: 'Verkkovirhe toimituksessa', not: 'Verkko toimii' },
  // Hungarian
  { lang: 'hu', reason: 'userunknown', text: 'A címzett nem létezik.', not: 'A tartomány nem létezik.' },
  { lang: 'hu', reason: 'mailboxfull', text: 'A címzett postafiókja megtelt.', not: 'A címzett postafiókja aktív.' },
  { lang: 'hu', reason: 'mesgtoobig', text: 'Az üzenet túl nagy.', not: 'Az üzenet túl régi.' },
  { lang: 'hu', reason: 'hostunknown', text: 'A tartomány nem létezik.', not: 'A tartomány nem válaszol.' },
  {
    lang: 'hu',
    reason: 'spamdetected',
    text: 'Az üzenetet levélszemétnek minősítette a szerver.',
    not: 'Az üzenetet fontosnak minősítette a szerver.',
  },
  { lang: 'hu', reason: 'expired', text: 'Az üzenetet 5 napig nem sikerült kézbesíteni.', not: 'Az üzenetet 5 napja kézbesítették.' },
  { lang: 'hu', reason: 'networkerror', text: 'Hálózati hiba a kézbesítés során', not: 'A hálózat működik' },
  // Greek
  { lang: 'el', reason: 'userunknown', text: 'Ο παραλήπτης δεν υπάρχει.', not: 'Ο τομέας δεν υπάρχει.' },
  {
    lang: 'el',
    reason: 'mailboxfull',
    text: 'Το γραμματοκιβώτιο του παραλήπτη είναι γεμάτο.',
    not: 'Το γραμματοκιβώτιο του παραλήπτη είναι ενεργό.',
  },
  { lang: 'el', reason: 'mesgtoobig', text: 'Το μήνυμα είναι πολύ μεγάλο.', not: 'Το μήνυμα είναι πολύ παλιό.' },
  { lang: 'el', reason: 'hostunknown', text: 'Ο τομέας δεν υπάρχει.', not: 'Ο τομέας δεν απαντά.' },
  { lang: 'el', reason: 'spamdetected', text: 'Το μήνυμα χαρακτηρίστηκε ως ανεπιθύμητο.', not: 'Το μήνυμα χαρακτηρίστηκε ως σημαντικό.' },
  {
    lang: 'el',
    reason: 'expired',
    text: 'Δεν ήταν δυνατή η παράδοση του μηνύματος εντός 5 ημερών.',
    not: 'Το μήνυμα παραδόθηκε εντός 5 ημερών.',
  },
  { lang: 'el', reason: 'networkerror', text: 'Σφάλμα δικτύου κατά την παράδοση', not: 'Το δίκτυο λειτουργεί' },
  // Romanian
  { lang: 'ro', reason: 'userunknown', text: 'Destinatarul nu există.', not: 'Domeniul nu există.' },
  {
    lang: 'ro',
    reason: 'mailboxfull',
    text: 'Căsuța poștală a destinatarului este plină.',
    not: 'Căsuța poștală a destinatarului este activă.',
  },
  { lang: 'ro', reason: 'mesgtoobig', text: 'Mesajul este prea mare.', not: 'Mesajul este prea vechi.' },
  { lang: 'ro', reason: 'hostunknown', text: 'Domeniul nu există.', not: 'Domeniul nu răspunde.' },
  { lang: 'ro', reason: 'spamdetected', text: 'Mesajul a fost marcat ca spam.', not: 'Mesajul a fost marcat ca citit.' },
  { lang: 'ro', reason: 'expired', text: 'Mesajul nu a putut fi livrat în 5 zile.', not: 'Mesajul a fost livrat în 5 zile.' },
  { lang: 'ro', reason: 'networkerror', text: 'Eroare de rețea la livrare', not: 'Rețeaua funcționează' },
  // Vietnamese
  { lang: 'vi', reason: 'userunknown', text: 'Người nhận không tồn tại.', not: 'Người nhận đã đọc thư.' },
  { lang: 'vi', reason: 'mailboxfull', text: 'Hộp thư của người nhận đã đầy.', not: 'Hộp thư của người nhận đã được tạo.' },
  { lang: 'vi', reason: 'mesgtoobig', text: 'Thư quá lớn.', not: 'Thư quá cũ.' },
  { lang: 'vi', reason: 'hostunknown', text: 'Tên miền không tồn tại.', not: 'Tên miền đã được đăng ký.' },
  { lang: 'vi', reason: 'spamdetected', text: 'Thư bị đánh dấu là thư rác.', not: 'Thư bị đánh dấu là đã đọc.' },
  { lang: 'vi', reason: 'expired', text: 'Không thể gửi thư trong 5 ngày.', not: 'Thư đã được gửi trong 5 ngày.' },
  { lang: 'vi', reason: 'networkerror', text: 'Lỗi mạng khi gửi thư', not: 'Mạng hoạt động bình thường' },
  // Indonesian / Malay
  { lang: 'id', reason: 'userunknown', text: 'Penerima tidak ditemukan.', not: 'Domain tidak ditemukan.' },
  { lang: 'id', reason: 'mailboxfull', text: 'Kotak surat penerima penuh.', not: 'Kotak surat penerima aktif.' },
  { lang: 'id', reason: 'mesgtoobig', text: 'Pesan terlalu besar.', not: 'Pesan terlalu lama.' },
  { lang: 'id', reason: 'hostunknown', text: 'Domain tidak ditemukan.', not: 'Domain tidak merespons.' },
  { lang: 'id', reason: 'spamdetected', text: 'Pesan ditandai sebagai spam.', not: 'Pesan ditandai sebagai penting.' },
  { lang: 'id', reason: 'expired', text: 'Pesan tidak dapat dikirim dalam 5 hari.', not: 'Pesan telah dikirim dalam 5 hari.' },
  { lang: 'id', reason: 'networkerror', text: 'Kesalahan jaringan saat pengiriman', not: 'Jaringan berfungsi normal' },
];

const RCPT = 'someone@example.net';

function forms(row: Row): [string, string][] {
  const [stage, code] = STAGE[row.reason];
  const reply = `${code} ${row.text}`;
  const notice = [HEADING[row.lang], '', RCPT, row.text, ''].join('\n');
  const log = `Dec  4 10:00:00 mail postfix/smtp[123]: 4F1A2B3C4D: to=<${RCPT}>, relay=mx.example.net[192.0.2.80]:25, delay=1, delays=0/0/0.5/0.5, dsn=${code.split(' ')[1]}, status=bounced (host mx.example.net[192.0.2.80] said: ${reply} (in reply to ${stage} command))`;
  const dsn = [
    'From: Mail Delivery System <MAILER-DAEMON@mail.example.org>',
    'To: <owner@example.org>',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
    '',
    '--B1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    HEADING[row.lang],
    '',
    // Postfix writes the reply, and the command it answered, in the readable part beside the DSN
    `<${RCPT}>: host mx.example.net[192.0.2.80] said: ${reply} (in reply to ${stage} command)`,
    '',
    '--B1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.example.org',
    '',
    `Final-Recipient: rfc822; ${RCPT}`,
    'Action: failed',
    `Status: ${code.split(' ')[1]}`,
    'Remote-MTA: dns; mx.example.net',
    `Diagnostic-Code: smtp; ${reply}`,
    '',
    '--B1--',
    '',
  ].join('\n');
  // the notice as a mail client shows it when copied whole: the returned message's headers below it
  const returned = [
    notice,
    'Return-Path: <owner@example.org>',
    'From: Owner <owner@example.org>',
    `To: ${RCPT}`,
    'Subject: Invoice',
    'Date: Fri, 4 Dec 2026 10:00:00 +0100',
    'Message-ID: <a1b2c3@example.org>',
    '',
    'Hello',
  ].join('\n');
  // (a bare sentence about a queue that gave up or a network that failed is not taken for a refusal on its
  // own, in English either: it needs the notice, the log line or the DSN around it)
  const quiet = row.reason === 'expired' || row.reason === 'networkerror';
  return [
    ...(quiet ? [] : [['bare', row.text] as [string, string]]),
    ['notice without its reply line', notice],
    ['notice with the returned headers below', returned],
    ['Postfix log line, catch-all code', log],
    ['DSN, catch-all code', dsn],
  ];
}

async function read(text: string) {
  const r = await analyze(text);
  const first = r.checklist.find((s) => s.status === 'fail' || s.status === 'warn');
  const j = r.rejections[0];
  return { reason: j?.reason, first: first?.rule, party: j?.party };
}

describe('the lexicon of reason words in other languages', () => {
  it('every language cites its sources, and every row names a language and a reason it has', () => {
    for (const l of LANGUAGES) expect(l.sources.length, l.lang).toBeGreaterThan(0);
    for (const row of ROWS)
      expect(LANGUAGES.find((l) => l.lang === row.lang)?.words[row.reason], `${row.lang} ${row.reason}`).toBeDefined();
  });

  it.each(ROWS.map((r) => [`${r.lang} ${r.reason}: ${r.text}`, r] as const))('its words match %s, and not the look-alike', (_n, row) => {
    const words = LANGUAGES.find((l) => l.lang === row.lang)!.words[row.reason]!;
    expect(words.test(row.text)).toBe(true);
    expect(words.test(row.not)).toBe(false);
  });

  const cases = ROWS.flatMap((row) =>
    forms(row).map(([form, paste]) => [`${row.lang} ${row.reason} (${form}): ${row.text}`, row, paste] as const),
  );
  it.each(cases)('%s', async (_n, row, paste) => {
    const got = await read(paste);
    expect(got.reason).toBe(row.reason);
    expect(got.first).toBe(FIRST[row.reason]);
    expect(got.party).toBe(PARTY[row.reason]);
  });

  it.each(ROWS.map((r) => [`${r.lang}: ${r.not}`, r] as const))('a look-alike is not read as the reason: %s', async (_n, row) => {
    expect((await read(row.not)).reason).not.toBe(row.reason);
    expect((await read(`${STAGE[row.reason][1]} ${row.not}`)).reason).not.toBe(row.reason);
  });
});
