// The reason words of other languages, as a lexicon: for each language, the
// few words its refusals and non-delivery notices use for the common reasons
// (the address is unknown, the mailbox is full or disabled, the message too
// big, the domain not found, relaying refused, the message taken for spam).
// A notice in the sender's language (Outlook's and Gmail's localised
// notices, a hosting panel's translated bounce, a provider's own reply) often
// carries only those words — the English reply line was cut off, or the
// notice never had one — so the reason engine reads them as it reads the
// English words: each language's phrases join their reason's first-pass
// table (knowledge/reasons/index.ts), under the same stage rules (user
// unknown counts at RCPT TO; spam words only after DATA).
//
// Each pattern keeps to the words every wording of its language shares
// ("Postfach … voll", "ящик … переполнен"), not one sentence; gaps are bounded
// and no quantifier is nested (linear time). Letters outside ASCII have no
// \b in JavaScript, so the words are bounded by (?<!\p{L}) / (?!\p{L}).
// The sources are the receivers' and vendors' own pages in that language.

import { phrase, type ReasonPhrase } from './types';

export interface Language {
  /** ISO 639-1 code. */
  lang: string;
  name: string;
  /** Where the words come from: pages in that language that quote or explain them. */
  sources: string[];
  /** The words for each reason (sisimai's vocabulary). */
  words: Partial<Record<LexiconReason, RegExp>>;
}

export type LexiconReason = 'userunknown' | 'mailboxfull' | 'suspend' | 'mesgtoobig' | 'hostunknown' | 'norelaying' | 'spamdetected' | 'blocked';

/** A word not inside a longer word (for letters \b does not know). */
const L = String.raw`(?<!\p{L})`;
const R = String.raw`(?!\p{L})`;
/** Up to n words between two words of a phrase (bounded, linear). */
const gap = (n: number) => String.raw`(?:[^\s.;:!?]{1,30}\s+){0,${n}}`;
const re = (src: string) => new RegExp(src, 'iu');
/**
 * Not the recipient's DOMAIN ("le domaine du destinataire est introuvable", "el dominio del destinatario
 * no existe"): those words name the domain, a reason of its own (hostunknown).
 */
/** Not an IP address ("dirección IP desconocida"): the words name the client, not the recipient. */
const NOT_IP = String.raw`(?!\s+ip(?:v[46])?${R})`;
const NOT_DOMAIN = String.raw`(?<!(?:domain|domäne|domaine|dominio|domínio|domein|domena|doména|домен)\S{0,4}\s+(?:\S{1,12}\s+){0,2})`;

const OUTLOOK_NDR = (ll: string) =>
  `https://support.microsoft.com/${ll}/office/45e048ac-f7b1-4c0f-b525-081cb34f1062 (Outlook.com: fix bounced messages — the notices' sentences in this language)`;
const EXO_NDR = (ll: string) =>
  `https://learn.microsoft.com/${ll}/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online (Exchange Online NDRs, this language's page)`;
const GMAIL_NDR = (hl: string) => `https://support.google.com/mail/answer/6596?hl=${hl} (Gmail: bounced and rejected messages, in this language)`;

export const LANGUAGES: Language[] = [
  {
    lang: 'de',
    name: 'German',
    sources: [
      EXO_NDR('de-de'),
      OUTLOOK_NDR('de-de'),
      GMAIL_NDR('de'),
      'https://postmaster.web.de/de/fehlermeldungen (WEB.DE postmaster: Fehlermeldungen)',
      'https://www.msxfaq.de/internet/ndr.htm (Exchange-Unzustellbarkeitsberichte auf Deutsch)',
    ],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:benutzer|empf[äa]nger|e-?mail-?adresse|postfach|konto|mailbox)${R}${NOT_IP}\s+${gap(3)}(?:ist\s+)?(?:unbekannt|existiert\s+nicht|nicht\s+(?:vorhanden|gefunden|bekannt)|ung[üu]ltig)${R}|${L}(?:unbekannte[rs]?|ung[üu]ltige[rs]?)\s+(?:benutzer|empf[äa]nger|e-?mail-?adresse|postfach)${R}|${L}kein(?:en)?\s+(?:solche[rn]?\s+)?(?:benutzer|empf[äa]nger|postfach)\s+(?:mit\s+diesem\s+namen|vorhanden)`,
      ),
      mailboxfull: re(
        String.raw`${L}(?:postfach|mailbox|posteingang|speicherplatz)${R}\s+${gap(4)}(?:ist\s+)?(?:voll|[üu]berf[üu]llt|[üu]berlastet|ersch[öo]pft)${R}|${L}(?:postfach|speicher)(?:kontingent|gr[öo][ßs]e|quota|limit)\s+${gap(2)}(?:ist\s+)?(?:[üu]berschritten|ersch[öo]pft|erreicht)${R}|${L}(?:quota|kontingent)\s+(?:des\s+(?:postfachs|empf[äa]ngers)\s+)?(?:ist\s+)?[üu]berschritten${R}`,
      ),
      suspend: re(
        String.raw`${L}(?:postfach|konto|benutzerkonto|e-?mail-?konto|mailbox|empf[äa]ngerpostfach)${R}${NOT_IP}\s+${gap(3)}(?:ist\s+|wurde\s+)?(?:deaktiviert|gesperrt|stillgelegt|inaktiv|vor[üu]bergehend\s+gesperrt)${R}`,
      ),
      mesgtoobig: re(
        String.raw`${L}(?:nachricht|e-?mail|mail)${R}\s+${gap(4)}(?:ist\s+)?zu\s+gro[ßs]${R}|${L}(?:nachrichten|e-?mail|mail)?gr[öo][ßs]e\s+${gap(3)}(?:[üu]berschreitet|[üu]berschritten)|${L}gr[öo][ßs]enbeschr[äa]nkung${R}`,
      ),
      hostunknown: re(
        String.raw`${L}(?:die\s+)?(?:domain|dom[äa]ne|dom[äa]nenname|zieldom[äa]ne|empf[äa]ngerdom[äa]ne)${R}\s+${gap(3)}(?:existiert\s+nicht|wurde\s+nicht\s+gefunden|nicht\s+gefunden|ist\s+unbekannt|unbekannt|nicht\s+vorhanden)${R}`,
      ),
      norelaying: re(
        String.raw`${L}(?:relaying|relay|weiterleitung|weitergabe)${R}\s+${gap(2)}(?:nicht\s+(?:erlaubt|gestattet|zul[äa]ssig)|verweigert|abgelehnt)${R}`,
      ),
      spamdetected: re(
        String.raw`${L}(?:als|wegen)\s+spam\s+${gap(1)}(?:eingestuft|erkannt|abgelehnt|zur[üu]ckgewiesen|markiert|klassifiziert)|${L}spam-?verdacht${R}|${L}verdacht\s+auf\s+spam${R}`,
      ),
      blocked: re(String.raw`${L}(?:IP-?Adresse|IP|Absender-?IP|Server)${R}\s+${gap(3)}(?:ist\s+|wurde\s+)?(?:gesperrt|blockiert)${R}|${L}(?:auf\s+(?:der|einer)\s+)?schwarze[nr]?\s+Liste${R}|${L}Blacklist\s+(?:gesetzt|eingetragen)${R}`),
    },
  },
  {
    lang: 'fr',
    name: 'French',
    sources: [
      EXO_NDR('fr-fr'),
      OUTLOOK_NDR('fr-fr'),
      GMAIL_NDR('fr'),
      'https://postmaster.orange.fr/ (Orange postmaster: codes et messages)',
      'https://assistance.free.fr/ (Free: messages d\'erreur de la messagerie)',
    ],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:utilisateur|destinataire|adresse(?:\s+(?:e-?mail|électronique|de\s+messagerie))?|compte)${R}${NOT_IP}\s+${gap(2)}(?:est\s+)?(?:inconnue?|inexistante?|introuvable|invalide|n'existe\s+pas|non\s+trouvée?)${R}|${L}aucun\s+(?:utilisateur|destinataire|compte)\s+(?:de\s+ce\s+nom|avec\s+cette\s+adresse|correspondant)`,
      ),
      mailboxfull: re(
        String.raw`${L}bo[iî]te${R}\s+${gap(4)}(?:est\s+)?(?:pleine|saturée|remplie)${R}|${L}quota\s+${gap(3)}(?:est\s+)?(?:dépassé|atteint|excédé)${R}|${L}espace\s+de\s+stockage\s+${gap(2)}(?:est\s+)?(?:plein|saturé|insuffisant)${R}`,
      ),
      suspend: re(
        String.raw`${L}(?:compte|bo[iî]te(?:\s+aux\s+lettres|\s+mail)?|adresse)${R}${NOT_IP}\s+${gap(3)}(?:est\s+|a\s+été\s+)?(?:désactivée?|suspendue?|bloquée?|inactive?|fermée?)${R}`,
      ),
      mesgtoobig: re(
        String.raw`${L}(?:message|courriel|e-?mail)${R}\s+${gap(3)}(?:est\s+)?trop\s+(?:volumineux|gros|grand|lourd)${R}|${L}taille\s+${gap(4)}(?:est\s+)?(?:dépassée|dépasse|excède|supérieure\s+à\s+la\s+limite)${R}|${L}taille\s+(?:limite|maximale)\s+(?:du\s+message\s+)?(?:atteinte|dépassée)${R}`,
      ),
      hostunknown: re(
        String.raw`${L}(?:le\s+)?(?:nom\s+de\s+)?domaine${R}\s+${gap(3)}(?:est\s+)?(?:inconnu|introuvable|inexistant|n'existe\s+pas|n'a\s+pas\s+été\s+trouvé)${R}`,
      ),
      norelaying: re(String.raw`${L}(?:relais|relayage)${R}\s+${gap(2)}(?:refusé|interdit|non\s+autorisé|non\s+permis)${R}`),
      spamdetected: re(
        String.raw`${L}(?:considéré|identifié|détecté|classé|reconnu|signalé)e?\s+comme\s+(?:un\s+|du\s+)?(?:spam|courrier\s+indésirable|pourriel)${R}|${L}suspicion\s+de\s+spam${R}`,
      ),
      blocked: re(String.raw`${L}(?:adresse\s+IP|IP)${R}\s+${gap(3)}(?:est\s+|a\s+été\s+)?(?:bloquée?|bannie?|blacklistée?)${R}|${L}liste\s+noire${R}`),
    },
  },
  {
    lang: 'es',
    name: 'Spanish',
    sources: [
      EXO_NDR('es-es'),
      OUTLOOK_NDR('es-es'),
      GMAIL_NDR('es'),
      'https://www.movistar.es/particulares/atencion-cliente/ (Telefónica/Movistar correo: mensajes de error)',
    ],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:usuario|destinatario|dirección(?:\s+de\s+correo(?:\s+electrónico)?)?|cuenta|buzón)${R}${NOT_IP}\s+${gap(2)}(?:es\s+)?(?:desconocid[oa]|inexistente|no\s+existe|no\s+válid[oa]|no\s+encontrad[oa]|no\s+se\s+encontró)${R}|${L}no\s+existe\s+(?:el|la|dicho|ese|esa)\s+(?:usuario|destinatario|buzón|cuenta|dirección)${R}`,
      ),
      mailboxfull: re(
        String.raw`${L}buzón${R}\s+${gap(4)}(?:está\s+)?(?:llen[oa]|complet[oa]|saturad[oa])${R}|${L}cuota\s+${gap(3)}(?:excedida|superada|agotada)${R}|${L}(?:ha\s+)?(?:excedido|superado)\s+(?:su\s+|la\s+)?cuota${R}`,
      ),
      suspend: re(
        String.raw`${L}(?:cuenta|buzón)${R}${NOT_IP}\s+${gap(3)}(?:está\s+|ha\s+sido\s+)?(?:deshabilitad[oa]|desactivad[oa]|suspendid[oa]|bloquead[oa]|inactiv[oa])${R}`,
      ),
      mesgtoobig: re(
        String.raw`${L}(?:mensaje|correo)${R}\s+${gap(3)}(?:es\s+)?demasiado\s+(?:grande|extenso|pesado)${R}|${L}tamaño\s+${gap(4)}(?:excedido|superado|excede|supera)${R}`,
      ),
      hostunknown: re(
        String.raw`${L}(?:el\s+)?dominio${R}\s+${gap(3)}(?:es\s+)?(?:desconocido|inexistente|no\s+existe|no\s+(?:se\s+)?(?:pudo\s+)?(?:encontr|resolv)\S*)`,
      ),
      norelaying: re(
        String.raw`${L}(?:relay|reenvío|retransmisión|relevo)${R}\s+${gap(2)}(?:no\s+(?:está\s+)?(?:permitid[oa]|autorizad[oa])|denegad[oa]|rechazad[oa])${R}`,
      ),
      spamdetected: re(
        String.raw`${L}(?:considerad|detectad|identificad|marcad|clasificad|catalogad)[oa]\s+como\s+(?:correo\s+no\s+deseado|spam|correo\s+basura)${R}|${L}sospecha\s+de\s+spam${R}`,
      ),
      blocked: re(String.raw`${L}(?:dirección\s+IP|IP)${R}\s+${gap(3)}(?:está\s+|ha\s+sido\s+|fue\s+)?(?:bloquead[ao]|bloqueada|vetad[ao])${R}|${L}lista\s+negra${R}`),
    },
  },
  {
    lang: 'it',
    name: 'Italian',
    sources: [
      EXO_NDR('it-it'),
      OUTLOOK_NDR('it-it'),
      GMAIL_NDR('it'),
      'https://aiuto.libero.it/articolo/mail/messaggi-di-errore-piu-frequenti-dopo-invio-email (Libero: messaggi di errore più frequenti)',
      'https://aiuto.virgilio.it/articolo/mail/messaggi-di-errore-piu-frequenti-dopo-invio-email/ (Virgilio: messaggi di errore)',
      'https://guide.hosting.aruba.it/email/risoluzione-errori-comuni-e-consigli/risoluzione-errori-comuni.aspx (Aruba: errori comuni)',
    ],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:utente|destinatario|indirizzo(?:\s+(?:e-?mail|di\s+posta))?|casella(?:\s+(?:di\s+posta|postale))?|account)${R}${NOT_IP}\s+${gap(2)}(?:è\s+)?(?:inesistente|sconosciut[oa]|non\s+esiste|non\s+valid[oa]|non\s+trovat[oa])${R}|${L}nessun\s+utente\s+(?:simile|con\s+questo\s+nome)`,
      ),
      mailboxfull: re(
        String.raw`${L}(?:casella|cassetta\s+postale)${R}\s+${gap(4)}(?:è\s+)?(?:piena|satura|esaurita)${R}|${L}quota\s+${gap(2)}(?:superata|esaurita|raggiunta)${R}|${L}spazio\s+${gap(2)}esaurito${R}|${L}over\s*quota${R}`,
      ),
      suspend: re(
        String.raw`${L}(?:casella|account|utenza|cassetta\s+postale)${R}${NOT_IP}\s+${gap(3)}(?:è\s+|è\s+stata\s+|è\s+stato\s+)?(?:disattivat[oa]|sospes[oa]|disabilitat[oa]|bloccat[oa])${R}`,
      ),
      mesgtoobig: re(
        String.raw`${L}messaggio${R}\s+${gap(3)}(?:è\s+)?troppo\s+(?:grande|grosso|pesante|voluminoso)${R}|${L}dimension[ei]\s+${gap(4)}(?:superat[ae]|supera|eccede|eccedono)${R}`,
      ),
      hostunknown: re(String.raw`${L}(?:il\s+)?dominio${R}\s+${gap(3)}(?:è\s+)?(?:inesistente|sconosciuto|non\s+esiste|non\s+trovato)${R}`),
      norelaying: re(
        String.raw`${L}(?:relay|relaying|inoltro)${R}\s+${gap(2)}(?:non\s+(?:è\s+)?(?:consentito|permesso|autorizzato)|negato|rifiutato)${R}`,
      ),
      spamdetected: re(
        String.raw`${L}(?:considerat|identificat|riconosciut|classificat|rilevat)[oa]\s+come\s+(?:posta\s+indesiderata|spam)${R}|${L}sospetto\s+spam${R}`,
      ),
      blocked: re(String.raw`${L}(?:indirizzo\s+IP|IP)${R}\s+${gap(3)}(?:è\s+|è\s+stato\s+)?(?:bloccat[oa]|bannat[oa])${R}|${L}lista\s+nera${R}|${L}blacklist\s+di\s+${gap(1)}`),
    },
  },
  {
    lang: 'pt',
    name: 'Portuguese',
    sources: [
      EXO_NDR('pt-br'),
      OUTLOOK_NDR('pt-br'),
      GMAIL_NDR('pt-BR'),
      'https://ajuda.uol.com.br/ (UOL Mail: mensagens de erro)',
    ],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:usuário|utilizador|destinatário|endereço(?:\s+de\s+e-?mail)?|conta|caixa\s+postal)${R}${NOT_IP}\s+${gap(2)}(?:é\s+)?(?:desconhecid[oa]|inexistente|não\s+existe|inválid[oa]|não\s+(?:foi\s+)?encontrad[oa])${R}`,
      ),
      mailboxfull: re(
        String.raw`${L}caixa(?:\s+(?:de\s+correio|postal|de\s+entrada))?${R}\s+${gap(4)}(?:está\s+)?(?:cheia|lotada|sem\s+espaço)${R}|${L}(?:cota|quota)\s+${gap(2)}(?:excedida|esgotada|ultrapassada)${R}`,
      ),
      suspend: re(
        String.raw`${L}(?:conta|caixa(?:\s+postal|\s+de\s+correio)?)${R}${NOT_IP}\s+${gap(3)}(?:está\s+|foi\s+)?(?:desativad[oa]|suspens[oa]|bloquead[oa]|inativ[oa]|desabilitad[oa])${R}`,
      ),
      mesgtoobig: re(
        String.raw`${L}mensagem${R}\s+${gap(3)}(?:é\s+)?(?:muito|demasiado)\s+grande${R}|${L}tamanho\s+${gap(4)}(?:excedido|excede|ultrapassa|ultrapassado)${R}`,
      ),
      hostunknown: re(String.raw`${L}(?:o\s+)?domínio${R}\s+${gap(3)}(?:é\s+)?(?:desconhecido|inexistente|não\s+existe|não\s+(?:foi\s+)?encontrado)${R}`),
      norelaying: re(
        String.raw`${L}(?:relay|retransmissão|reencaminhamento)${R}\s+${gap(2)}(?:não\s+(?:é\s+)?(?:permitid[oa]|autorizad[oa])|negad[oa]|recusad[oa])${R}`,
      ),
      spamdetected: re(
        String.raw`${L}(?:considerad|identificad|detectad|classificad|marcad)[oa]\s+como\s+(?:spam|lixo\s+eletr[oô]nico|lixo\s+electr[oó]nico|correio\s+indesejado)${R}|${L}suspeita\s+de\s+spam${R}`,
      ),
      blocked: re(String.raw`${L}(?:endereço\s+IP|IP)${R}\s+${gap(3)}(?:está\s+|foi\s+)?(?:bloquead[oa]|banid[oa])${R}|${L}lista\s+negra${R}`),
    },
  },
  {
    lang: 'nl',
    name: 'Dutch',
    sources: [EXO_NDR('nl-nl'), OUTLOOK_NDR('nl-nl'), GMAIL_NDR('nl'), 'https://www.kpn.com/service/ (KPN Mail: foutmeldingen)'],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:gebruiker|ontvanger|geadresseerde|e-?mailadres|adres|postvak|mailbox|account)${R}${NOT_IP}\s+${gap(2)}(?:is\s+)?(?:onbekend|bestaat\s+niet|niet\s+gevonden|ongeldig)${R}|${L}onbekende\s+(?:gebruiker|ontvanger|geadresseerde)${R}`,
      ),
      mailboxfull: re(
        String.raw`${L}(?:postvak|mailbox|brievenbus|postbus)${R}\s+${gap(4)}(?:is\s+)?(?:vol|overvol)${R}|${L}(?:quotum|quota|opslaglimiet)\s+${gap(2)}(?:is\s+)?(?:overschreden|bereikt)${R}`,
      ),
      suspend: re(
        String.raw`${L}(?:account|postvak|mailbox)${R}${NOT_IP}\s+${gap(3)}(?:is\s+)?(?:uitgeschakeld|geblokkeerd|gedeactiveerd|inactief|opgeschort)${R}`,
      ),
      mesgtoobig: re(String.raw`${L}(?:bericht|e-?mail)${R}\s+${gap(3)}(?:is\s+)?te\s+groot${R}|${L}berichtgrootte\s+${gap(3)}overschr\S*`),
      hostunknown: re(String.raw`${L}(?:het\s+)?domein${R}\s+${gap(3)}(?:bestaat\s+niet|is\s+onbekend|onbekend|niet\s+gevonden)${R}`),
      norelaying: re(String.raw`${L}(?:relay|relayen|doorsturen)${R}\s+${gap(2)}(?:is\s+)?(?:niet\s+toegestaan|geweigerd)${R}`),
      spamdetected: re(
        String.raw`${L}(?:aangemerkt|herkend|beschouwd|geclassificeerd|gemarkeerd)\s+als\s+(?:spam|ongewenste\s+e-?mail)${R}|${L}vermoedelijk\s+spam${R}`,
      ),
      blocked: re(String.raw`${L}(?:IP-?adres|IP)${R}\s+${gap(3)}(?:is\s+)?(?:geblokkeerd|op\s+de\s+zwarte\s+lijst)${R}|${L}zwarte\s+lijst${R}`),
    },
  },
  {
    lang: 'pl',
    name: 'Polish',
    sources: [
      EXO_NDR('pl-pl'),
      OUTLOOK_NDR('pl-pl'),
      GMAIL_NDR('pl'),
      'https://pomoc.poczta.interia.pl/news-dlaczego-wiadomosc-nie-zostala-dostarczona,nId,6589600 (Interia: dlaczego wiadomość nie została dostarczona)',
      'https://pomoc.wp.pl/dlaczego-mam-problem-z-wysylaniem (WP / o2: wiadomość zwrotna)',
    ],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:użytkownik|adresat|odbiorca|adres(?:\s+e-?mail)?|konto|skrzynka)${R}${NOT_IP}\s+${gap(2)}nie\s+istnieje${R}|${L}nieznany\s+(?:użytkownik|adresat|odbiorca|adres)${R}|${L}nie\s+ma\s+takiego\s+(?:użytkownika|adresu|konta|adresata)${R}|${L}nie\s+znaleziono\s+(?:użytkownika|adresata|odbiorcy|konta)${R}`,
      ),
      mailboxfull: re(
        String.raw`${L}skrzynk[aię]${R}\s+${gap(3)}(?:jest\s+)?(?:pełna|przepełniona|zapełniona)${R}|${L}(?:przepełniona|pełna)\s+skrzynka${R}|${L}przekroczon[oay]\s+(?:limit|quot[aęy]|pojemnoś\S*)|${L}brak\s+miejsca\s+w\s+skrzynce${R}`,
      ),
      suspend: re(
        String.raw`${L}(?:konto|skrzynka)${R}${NOT_IP}\s+${gap(3)}(?:jest\s+|zostało\s+|została\s+)?(?:zablokowan[ea]|wyłączon[ea]|nieaktywn[ea]|zawieszon[ea]|dezaktywowan[ea])${R}`,
      ),
      mesgtoobig: re(
        String.raw`${L}wiadomoś[ćc]${R}\s+${gap(3)}(?:jest\s+)?(?:zbyt|za)\s+duża${R}|${L}przekroczon[oay]\s+(?:maksymaln[aąy]\s+)?(?:rozmiar|wielkoś\S*)`,
      ),
      hostunknown: re(String.raw`${L}domena${R}\s+${gap(3)}nie\s+istnieje${R}|${L}nieznana\s+domena${R}|${L}nie\s+znaleziono\s+domeny${R}`),
      norelaying: re(
        String.raw`${L}(?:przekazywanie|przekaźnikowanie|relay)${R}\s+${gap(2)}(?:jest\s+)?(?:niedozwolone|zabronione|odrzucone)${R}`,
      ),
      spamdetected: re(
        String.raw`${L}(?:uznan|rozpoznan|zakwalifikowan|oznaczon)[aoy]\s+${gap(1)}(?:jako|za)\s+spam${R}|${L}podejrzeni[ea]\s+spamu${R}`,
      ),
      blocked: re(String.raw`${L}(?:adres\s+IP|IP)${R}\s+${gap(3)}(?:jest\s+|został\s+)?(?:zablokowany|zbanowany)${R}|${L}czarn(?:ej|a|ą)\s+list(?:ie|a|ę)${R}`),
    },
  },
  {
    lang: 'cs',
    name: 'Czech and Slovak',
    sources: [
      'https://napoveda.seznam.cz/uzivatel-neexistuje (Seznam: Uživatel neexistuje)',
      EXO_NDR('cs-cz'),
      GMAIL_NDR('cs'),
      GMAIL_NDR('sk'),
    ],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:uživatel|adresát|příjemce|schránka|účet|adresa|používateľ|schránka)${R}${NOT_IP}\s+${gap(2)}(?:neexistuje|nebyl\s+nalezen|neexistujúci)${R}|${L}(?:neznámý|neexistující)\s+(?:uživatel|adresát|příjemce|adresa|schránka)${R}`,
      ),
      mailboxfull: re(
        String.raw`${L}schránka${R}\s+${gap(3)}(?:je\s+)?(?:plná|přeplněná|zaplněná)${R}|${L}(?:plná|přeplněná)\s+schránka${R}|${L}překročen[aá]\s+(?:kvóta|kapacita)${R}`,
      ),
      suspend: re(String.raw`${L}(?:schránka|účet)${R}${NOT_IP}\s+${gap(3)}(?:je\s+|byla?\s+)?(?:zablokován[aá]?|deaktivován[aá]?|zrušen[aá]?)${R}`),
      mesgtoobig: re(String.raw`${L}zpráva${R}\s+${gap(3)}(?:je\s+)?příliš\s+velká${R}|${L}překročen[aá]\s+(?:maximální\s+)?velikost${R}`),
      hostunknown: re(String.raw`${L}doména${R}\s+${gap(3)}neexistuje${R}`),
      spamdetected: re(String.raw`${L}(?:označen|vyhodnocen|rozpoznán)[aáo]?\s+jako\s+spam${R}|${L}podezření\s+na\s+spam${R}`),
      blocked: re(String.raw`${L}(?:IP\s+adresa|IP)${R}\s+${gap(3)}(?:je\s+|byla\s+)?(?:zablokovaná|blokovaná)${R}|${L}(?:černé|černá)\s+listin[ěa]${R}`),
    },
  },
  {
    lang: 'ru',
    name: 'Russian and Ukrainian',
    sources: [
      EXO_NDR('ru-ru'),
      OUTLOOK_NDR('ru-ru'),
      GMAIL_NDR('ru'),
      'https://help.mail.ru/mail/ (Почта Mail.ru: ошибки доставки)',
      'https://yandex.ru/support/mail/ (Яндекс Почта: отчёты о недоставке)',
      'https://mail.i.ua/err/ (i.ua: сторінки помилок)',
    ],
    words: {
      userunknown: re(
        String.raw`${NOT_DOMAIN}${L}(?:пользовател[ья]|получател[ья]|адрес(?:ат)?|(?:почтов(?:ый|ого)\s+)?ящик|аккаунт|учётн\S*\s+запис\S*|учетн\S*\s+запис\S*|користувач\S*|скриньк\S*)${R}${NOT_IP}\s+${gap(3)}не\s+(?:найден\S*|существует|існує|знайдено)${R}|${L}нет\s+такого\s+(?:пользователя|ящика|адреса|получателя)${R}|${L}(?:неизвестный|несуществующий)\s+(?:пользователь|получатель|адрес)${R}|${L}немає\s+такого\s+користувача${R}`,
      ),
      mailboxfull: re(
        String.raw`${L}(?:ящик|скриньк\S*)${R}\s+${gap(3)}(?:переполнен\S*|заполнен\S*|переповнен\S*)|${L}превышен[аоы]?\s+(?:квота|лимит|размер\s+(?:почтового\s+)?ящика)${R}|${L}(?:недостаточно|нет)\s+(?:свободного\s+)?места\s+в\s+(?:почтовом\s+)?ящике${R}`,
      ),
      suspend: re(
        String.raw`${L}(?:ящик|аккаунт|учётн\S*\s+запис\S*|учетн\S*\s+запис\S*|скриньк\S*)${R}${NOT_IP}\s+${gap(3)}(?:заблокирован\S*|отключ[её]н\S*|неактивен|заморожен\S*|заблоковано)`,
      ),
      mesgtoobig: re(
        String.raw`${L}(?:сообщени[ея]|письмо)${R}\s+${gap(3)}слишком\s+(?:больш\S*|велик\S*)|${L}(?:превышен|превышает)\s+${gap(2)}размер${R}|${L}размер\s+(?:письма|сообщения)\s+превыша\S*`,
      ),
      hostunknown: re(String.raw`${L}домен${R}\s+${gap(3)}не\s+(?:существует|найден|існує)${R}|${L}(?:неизвестный|несуществующий)\s+домен${R}`),
      norelaying: re(String.raw`${L}(?:релей|пересылка|ретрансляция|relay)${R}\s+${gap(2)}(?:запрещ[её]н\S*|не\s+разреш[её]н\S*)`),
      spamdetected: re(
        String.raw`${L}(?:распознан|определен|определён|признан|классифицирован|отмечен)[оа]?\s+как\s+спам${R}|${L}подозрени[еюя]\s+на\s+спам${R}|${L}похоже\s+на\s+спам${R}`,
      ),
      blocked: re(String.raw`${L}(?:IP-?адрес|IP)${R}\s+${gap(3)}(?:заблокирован\S*|заблоковано|в\s+ч[её]рном\s+списке)|${L}ч[её]рн(?:ом|ый|ого)\s+спис(?:ке|ок|ка)${R}`),
    },
  },
  {
    lang: 'ja',
    name: 'Japanese',
    sources: [
      EXO_NDR('ja-jp'),
      OUTLOOK_NDR('ja-jp'),
      GMAIL_NDR('ja'),
      'https://help.sakura.ad.jp/rs/2265 (さくらのレンタルサーバ: エラーメールの内容)',
      'https://faq.megaegg.jp/faq_detail.html?id=296 (メガエッグ: エラーメールの主なメッセージ)',
    ],
    words: {
      userunknown: re(
        String.raw`宛先不明|(?:ユーザー?|宛先|(?:メール)?アドレス|受信者|アカウント)(?:名)?(?:は|が)?(?:存在しません|見つかりません|不明です)|存在しない(?:ユーザー?|(?:メール)?アドレス|宛先|アカウント)`,
      ),
      mailboxfull: re(
        String.raw`(?:メールボックス|受信箱|メールボックスの容量|ボックス)(?:の容量)?(?:が|は)?(?:いっぱい|一杯|満杯|容量オーバー|容量超過)|容量(?:オーバー|超過|を超え)`,
      ),
      suspend: re(String.raw`(?:アカウント|メールボックス|メールアドレス)(?:は|が)?(?:停止|無効|凍結|利用停止)(?:されて|中|です)`),
      mesgtoobig: re(
        String.raw`(?:メッセージ|メール)(?:の)?サイズ(?:が|は)?(?:大きすぎ|制限を超え|上限を超え|超過)|サイズ制限を超え`,
      ),
      hostunknown: re(String.raw`ドメイン(?:名)?(?:が|は)?(?:存在しません|見つかりません)|存在しないドメイン`),
      norelaying: re(String.raw`(?:中継|リレー)(?:を|は|が)?(?:拒否|禁止|許可されていません)`),
      spamdetected: re(String.raw`(?:迷惑メール|スパム)(?:と判定|として(?:判定|検出|拒否))`),
      blocked: re(String.raw`(?:IPアドレス|送信元IP|IP)(?:が|は)?(?:ブロック|拒否|ブラックリスト)|ブラックリストに(?:登録|掲載)`),
    },
  },
  {
    lang: 'zh',
    name: 'Chinese',
    sources: [
      EXO_NDR('zh-cn'),
      OUTLOOK_NDR('zh-cn'),
      GMAIL_NDR('zh-CN'),
      'https://www.emailhost.com.cn/service.html?article_category=25&brd=1 (企业邮箱退信说明: 收件人不存在, 收件容量满, 邮件过大, 域名不存在)',
      'https://blog.sina.com.cn/s/blog_8dc13ec50101fxxr.html (新浪邮箱 SMTP 错误码说明)',
    ],
    words: {
      userunknown: re(
        String.raw`(?:用户|用戶|收件人|收件者|邮箱|郵箱|信箱|邮件地址|地址|帐户|账户|帳戶|帐号|账号|帳號)(?:地址)?(?:不存在|未找到|找不到)|无此用户|無此用戶|查无此人|查無此人`,
      ),
      mailboxfull: re(
        String.raw`(?:邮箱|郵箱|信箱|收件箱|收件容量|容量|空间|空間)(?:空间|空間|容量)?(?:已满|已滿|满了|滿了|不足)|超出(?:配额|配額|容量|空间|空間)`,
      ),
      suspend: re(String.raw`(?:邮箱|郵箱|信箱|帐户|账户|帳戶|帐号|账号|帳號|用户|用戶)(?:已)?(?:被)?(?:冻结|凍結|停用|禁用|锁定|鎖定|注销|註銷)`),
      mesgtoobig: re(String.raw`邮件(?:大小)?(?:过大|過大|太大)|郵件(?:大小)?(?:过大|過大|太大)|(?:邮件|郵件)大小超(?:过|過|出)|附件(?:过大|過大|太大)`),
      hostunknown: re(String.raw`(?:收件人)?域名(?:不存在|无法解析|無法解析)`),
      norelaying: re(String.raw`(?:不允许|不允許|拒绝|拒絕)(?:转发|轉發|中继|中繼)|中继被拒绝`),
      spamdetected: re(String.raw`(?:判定|识别|識別|认定|認定)为垃圾邮件|疑似垃圾邮件|垃圾邮件特征|(?:判定|識別)為垃圾郵件`),
      blocked: re(String.raw`(?:IP|发信IP|發信IP)(?:地址)?(?:被|已被)?(?:封禁|封锁|封鎖|禁止|屏蔽|拒绝|拒絕)|黑名单|黑名單`),
    },
  },
  {
    lang: 'ko',
    name: 'Korean',
    sources: [EXO_NDR('ko-kr'), OUTLOOK_NDR('ko-kr'), GMAIL_NDR('ko'), 'https://help.naver.com/ (네이버 메일 고객센터: 반송 메일)'],
    words: {
      userunknown: re(
        String.raw`(?:사용자|수신자|받는\s?사람|메일\s?주소|계정|주소)(?:가|이|를|을)?\s?(?:존재하지\s?않|찾을\s?수\s?없)|존재하지\s?않는\s?(?:사용자|계정|메일\s?주소|주소)`,
      ),
      mailboxfull: re(String.raw`(?:메일함|사서함|편지함)[^\n]{0,12}(?:가득|꽉\s?차|용량\s?초과|초과)|용량(?:이|을)?\s?초과`),
      suspend: re(String.raw`(?:계정|메일함|사서함)[^\n]{0,10}(?:정지|비활성|잠겨|휴면)`),
      mesgtoobig: re(String.raw`(?:메일|메시지)[^\n]{0,6}크기[^\n]{0,10}(?:초과|너무\s?큽)`),
      hostunknown: re(String.raw`도메인[^\n]{0,10}(?:존재하지\s?않|찾을\s?수\s?없)`),
      norelaying: re(String.raw`(?:릴레이|중계)[^\n]{0,6}(?:거부|허용되지)`),
      spamdetected: re(String.raw`스팸(?:으로)?\s?(?:분류|판단|간주|판정)`),
      blocked: re(String.raw`IP[^\n]{0,10}(?:차단|블랙리스트)|블랙리스트에\s?(?:등록|포함)`),
    },
  },
];

/** The lexicon's phrases for one reason, one per language ("mailboxfull.lang-de"), each with its language's sources. */
export function lexiconPhrases(reason: string): ReasonPhrase[] {
  return LANGUAGES.flatMap((l) => {
    const text = l.words[reason as LexiconReason];
    return text ? [phrase(`${reason}.lang-${l.lang}`, text, `${l.name}: ${l.sources.join('; ')}`)] : [];
  });
}
