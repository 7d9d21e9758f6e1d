// Reasons on the sender's side: the sending IP or host, its reverse DNS, the
// envelope sender, authentication (SPF, DKIM, DMARC, SMTP AUTH, TLS), relaying,
// the message's size and form.

import { phrase as p, type ReasonTable } from './types';

const DEF = (anchor: string) => `https://libsisimai.org/en/reason/#${anchor}`;
const POSTFIX = 'Postfix smtpd(8) reject texts (postfix.org/postconf.5.html)';

export const MESG_TOO_BIG: ReasonTable = {
  reason: 'mesgtoobig',
  meaning: 'The message is larger than the receiving system accepts.',
  definition: DEF('mesgtoobig'),
  advice: 'generic.message-too-big',
  // X.2.3 is the per-mailbox limit (exceedlimit), whatever the words
  unlessCode: ['X.2.3'],
  phrases: [
    p(
      'mesgtoobig.size',
      /\bmessage (?:is )?too (?:big|large)\b|\b(?:message|mail|email) size (?:exceeds|too large|limit)|\bsize limit\b|(?<!header )\bsize (?:exceeds|exceeded)\b|\bexceed\w* (?:the )?(?:fixed )?(?:maximum|max) (?:allowed |inbound |incoming )?(?:message )?size\b|\bmax(?:imum)? (?:allowed )?message size\b|\bmessage file too big\b|\bmessage (?:length|size) exceeds\b|\bline limit exceeded\b|\btaille limite du message\b|\btoo big for (?:the )?system\b|\b(?:is )?(?:more|larger|bigger|greater) than \d+ ?(?:bytes|[KM]i?B)\b/i,
      `RFC 1870 §6.1 (SIZE: 552 "message size exceeds fixed maximum message size"); ${POSTFIX} ("message file too big"); qmail ("exceeds my databytes limit")`,
    ),
  ],
};

export const EXCEED_LIMIT: ReasonTable = {
  reason: 'exceedlimit',
  meaning: "The message exceeds a limit of the recipient's mailbox (its own size limit), below the system's.",
  definition: DEF('exceedlimit'),
  advice: 'generic.exceed-limit',
  phrases: [
    p(
      'exceedlimit.administrative',
      /\bexceeds? (?:the )?administrative limit\b|\bheader size exceeds (?:the )?limit\b|\bexceeded the maximum size the user accepts\b|\bexceeds? (?:the )?recipient'?s? (?:size|message) limit\b/i,
      'RFC 3463 §3.3 (X.2.3 "Message length exceeds administrative limit"); qmail-ldap',
    ),
  ],
};

export const NO_RELAYING: ReasonTable = {
  reason: 'norelaying',
  meaning: 'The server is not a destination for the recipient domain and does not relay for this client (it did not authenticate).',
  definition: DEF('norelaying'),
  advice: 'generic.no-relaying',
  // a refusal of the connection or greeting is about the client, not about a relay attempt
  notAt: ['connect', 'helo'],
  phrases: [
    p(
      'norelaying.denied',
      /\brelay(?:ing)?\)? (?:access )?(?:is )?(?:denied|not (?:permitted|allowed)|prohibited|refused)\b|\b(?:unable|not permitted|not allowed|not authori[sz]ed|cannot|can't) (?:to )?relay\b|\bwe do not relay\b|\bno relaying\b|\bnot an open relay\b|\bas a relay\b|\binsecure mail relay\b|\bnot a gateway\b|\bnot configured to relay\b|\bnot configured to use this MX host\b|\brelaying mail to \S{1,255} is not allowed\b|\bnot allowed to relay through\b|\bwe don'?t handle mail for\b|(?<!or user )\bisn'?t in my list of allowed rcpthosts?\b|\bthat domain isn'?t in my list\b|\brelay through this server without (?:SMTP )?authentication\b|\bnot local host\b|\bspecified domain is not allowed\b|\bsend to a non-local e-?mail address\b|\bnot our customer\b/i,
      // (qmail-smtpd: "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", its first words kept
      // when a client's box wraps the rest away; cPanel's Exim: "is not permitted to relay through this server
      // without authentication")
      `RFC 5321 §3.6.2; ${POSTFIX} ("Relay access denied"); sendmail ("Relaying denied"); Exim ("relay not permitted"); qmail-smtpd (rcpthosts); cPanel Exim ACL; MailEnable; VIPRE Email Security ("Your domain is not configured to use this MX host": the recipient domain is not on the gateway, https://vipre.freshdesk.com/support/solutions/articles/1000290396-email-rejection-reasons)`,
    ),
    // the same refusal in a mail client's own words, without the server's reply: Apple Mail on iOS/macOS
    // ("The recipient … was rejected by the server because it does not allow relaying"), and servers that
    // say it as "relaying disallowed"; a qualifier between the verb and "relaying" names the same refusal
    // (E-Post Mail Server: "I don't allow unauthorized relaying"; "third-party relay not permitted"); and the words
    // that name whom the relay was for between "relaying" and its verdict (Exim 3: "relaying to <address>
    // prohibited by administrator")
    p(
      'norelaying.client-words',
      /\b(?:does not|doesn'?t|do not|don'?t|will not|won'?t|cannot|can'?t) (?:allow|permit|accept) (?:(?:unauthori[sz]ed|unauthenticated|third[- ]party|open|anonymous|external|outbound|remote) )?relay(?:ing)?\b|\b(?:refused|refuses) to (?:allow|permit) relay(?:ing)?\b|\b(?:unauthori[sz]ed|unauthenticated|third[- ]party|anonymous) relay(?:ing)? (?:is )?(?:not (?:allowed|permitted)|denied|prohibited|refused|disallowed)\b|\brelay(?:ing)? (?:is )?(?:disallowed|disabled)\b|\brelay(?:ing)? (?:to|for|from) (?:<address>|\S{1,255}) (?:is )?(?:prohibited|denied|not (?:allowed|permitted)|refused)\b/i,
      'https://support.tigertech.net/iphone-relaying (iOS Mail: "was rejected by the server because it does not allow relaying"); https://support.microsoft.com/office/65b494a4-0a15-433e-829f-e73651e0245e (relay-prohibited errors); https://www.e-postinc.jp/faq/faq01-79.html (E-Post Mail Server: "550 5.7.1 Sorry [account@domain] , I don\'t allow unauthorized relaying .")',
    ),
    // sendmail's "Relaying denied" as Outlook's translated error boxes and Microsoft's localized help pages
    // quote it (Spanish, Italian, Portuguese, French, German), and as localized servers word it; qmail's
    // relay refusal translated the same way keeps the name of its control file ("553 este domínio não consta na
    // minha lista de rcpthosts autorizados", Microsoft's Portuguese help page): a list of rcpthosts named in
    // another language is that refusal (the English sentence keeps its own phrase above)
    p(
      'norelaying.denied-localized',
      /(?<!\p{L})(?:lista|liste|elenco|lijst|списк[еа])(?!\p{L})[^.\n]{0,40}\brcpthosts\b|\bretransmisi[oó]n denegada\b|\binoltro (?:negato|non consentito)\b|\bretransmiss[aã]o negada\b|\brelais (?:refus|interdit|non autoris)|\brelay(?:ing)? (?:verweigert|nicht erlaubt|nicht gestattet|geweigerd|niet toegestaan)\b|\bweiterleitung (?:verweigert|nicht erlaubt)\b/iu,
      'https://support.microsoft.com/es-es/office/mensajes-de-error-al-enviar-o-recibir-correo-electrónico-en-outlook (Outlook error 0x800CCC79, translated: "Retransmisión denegada", "Inoltro negato", "Retransmissão Negada"); http://office.microsoft.com/pt-br/outlook-help/recebo-um-erro-550-553-ou-de-retransmissao-proibida-ao-enviar-emails-HA010080002.aspx (qmail rcpthosts, translated)',
    ),
  ],
};

export const AUTH_FAILURE: ReasonTable = {
  reason: 'authfailure',
  meaning: 'SPF, DKIM, DMARC (or ARC) did not pass for the message, and the receiver refuses such mail.',
  definition: DEF('authfailure'),
  advice: 'generic.auth-failure',
  phrases: [
    p(
      'authfailure.spf',
      /\bSPF\b.{0,30}\b(?:fail|check|reject|not pass|did not|softfail|permerror|temperror|hard ?fail)|\b(?:fail|failed|failing|not pass)\w* (?:the )?SPF\b|\bsender policy framework\b|\bdoes not designate\b|\b(?:rejected|refused|blocked|denied) (?:per|due to|by|because of) (?:the )?(?:[\w.-]{1,80}'?s )?SPF (?:policy|record)\b|\bbad SPF records?\b|\bnot (?:permitted|authori[sz]ed|designated) (?:by SPF|to send (?:mail )?(?:from|on behalf|as))|\bper it'?s spf record\b|\bspf\.pobox\.com\b/i,
      'RFC 7208 §8.4 (fail texts of pyspf, libspf2, policyd-spf); RFC 7372 §3.2 (X.7.23); Proofpoint ("Email rejected per SPF policy"), MailChannels ("rejected due to the domain\'s SPF policy")',
    ),
    p(
      'authfailure.dkim-dmarc',
      /\bDMARC\b.{0,40}\b(?:fail|reject|policy|not pass)|\b(?:rejected|refused) (?:by|due to|per) DMARC\b|\bDKIM\b.{0,40}\b(?:fail|invalid|not pass|required)|\bno (?:valid|passing) DKIM\b/i,
      'RFC 7489 §6.6.4 (DMARC policy), RFC 7372 §3.1 (X.7.20–X.7.22), OpenDMARC',
    ),
    p(
      'authfailure.authentication-level',
      /\b(?:SPF|DKIM|DMARC|sender|domain) authentication (?:checks? )?(?:failed|failure)\b|\bdoes(?:n't| not) meet the (?:required )?authentication (?:level|requirements)\b|\bspf settings\b|\brequires all senders to authenticate\b|\bsender is unauthenticated\b/i,
      'Microsoft 365 (5.7.515, 5.7.509), Gmail (5.7.26), Yahoo sender requirements',
    ),
  ],
};

export const REQUIRE_PTR: ReasonTable = {
  reason: 'requireptr',
  meaning: 'The receiver requires the sending IP to have a reverse DNS (PTR) name that resolves back to it.',
  definition: DEF('requireptr'),
  advice: 'generic.require-ptr',
  phrases: [
    p(
      'requireptr.no-ptr',
      /\b(?:no|missing|without|lacks?|have no|has no|invalid|bad) (?:a )?(?:valid )?(?:PTR|reverse DNS|rDNS|reverse hostname|DNS PTR|DNS reverse)\b|\bPTR record\b|\bptr-records\b|\breverse (?:DNS|hostname|lookup|dns lookup|address)\b.{0,20}\b(?:fail(?:ed|ure)|missing|not found|does not match|mismatch|required|rejected|check)|\breverse DNS (?:for|of|entry|name)\b|\bfix (?:your )?reverse DNS\b/i,
      'RFC 7372 §3.3 (X.7.25); Gmail ("does not have a PTR record setup"); T-Online, GMX ("Bad DNS PTR resource record"); FORPSI/Aruba bizsmtp ("no DNS reverse for <ip>"); Comcast ("421 … Reverse DNS failure : Try again later", http://postmaster.comcast.net/mail-error-codes.html)',
    ),
    p(
      'requireptr.hostname',
      /\bcannot find your (?:reverse )?host ?name\b|\bcannot resolve your (?:IP|address)\b|\bIP name (?:lookup failed|possibly forged)\b|\bunresolvable (?:relay )?host ?name\b|\bmismatches client ip\b|\bdoes not match (?:the )?(?:client|connecting) IP\b|\bforward[- ]confirmed\b|\bFCrDNS\b|\bunverif(?:i|y)able sending IPs?\b|\bcorresponding forward DNS entry does not point to the sending IP\b|\binvalid rDNS record\b|\bcustom reverse DNS name\b/i,
      `${POSTFIX} (reject_unknown_client_hostname: "cannot find your hostname"); sendmail ("IP name lookup failed"); Exim`,
    ),
  ],
};

export const NOT_COMPLIANT_RFC: ReasonTable = {
  reason: 'notcompliantrfc',
  meaning:
    'The message itself breaks the Internet Message Format (RFC 5322): duplicate or missing header fields, bare line feeds, 8-bit headers.',
  definition: DEF('notcompliantrfc'),
  advice: 'generic.not-compliant',
  phrases: [
    p(
      'notcompliantrfc.rfc5322',
      /\bnot (?:RFC|rfc) ?(?:5322|2822|822)? ?complian|\b(?:RFC|rfc) ?(?:5322|2822|822) (?:violation|non-?complian)|\b(?:does not|doesn't) conform to (?:RFC|standards|the RFC)|\brfcmessagenoncompliant\b/i,
      'RFC 5322 §3.6; Gmail ("This message is not RFC 5322 compliant", support.google.com/mail/?p=RfcMessageNonCompliant); MDaemon',
    ),
    p(
      'notcompliantrfc.header',
      /\bduplicate (?:header|From|Subject|Date|Message-ID)\b|\b(?:multiple|more than one) (?:From|Subject|Date|Message-ID|To|Sender)(?: header)?s?\b|\bmultiple addresses in (?:From|Sender)\b|\b(?:missing|no|invalid|malformed) (?:a )?(?:valid )?(?:Date|From|Message-ID|header)s? (?:header|field)|\bheader (?:syntax|is malformed|too long)\b|\bbare (?:<?LF>?|linefeed)\b|\bmalformed (?:message|mime|header)\b|"?\b(?:Date|From|To|Message-ID|Subject)"? header (?:is )?(?:missing|invalid|malformed)\b|\bfollow RFC ?5322\b|\bBAD HEADER\b|\b(?:Subject|From|To|Cc|Date|Sender|Reply-To|header)s? (?:field )?(?:contains?|has|with) (?:(?:invalid|illegal|unencoded|non-ASCII|8-?bit|forbidden) )+char(?:acter)?s\b/i,
      'RFC 5322 §3.6 (required and single-occurrence fields); RFC 5321 §2.3.8 (bare LF); Exchange, Gmail; amavisd-new ("BAD HEADER"); RFC 5322 §2.2 / RFC 2047 (a field body is US-ASCII, other characters encoded): "550 Subject contains invalid characters" (VDX, https://www.vdx.nl/faq/email/email-overige/waarom-krijg-ik-de-melding-550-subject-contains-invalid-characters)',
    ),
  ],
};

export const BAD_REPUTATION: ReasonTable = {
  reason: 'badreputation',
  meaning: 'The receiver judged the sending IP or domain by its own reputation data (not a public blocklist).',
  definition: DEF('badreputation'),
  advice: 'generic.bad-reputation',
  // "is in an RBL … poor reputation": a public blocklist is named, and that is the finding to check
  unlessPhraseIds: ['blocked.dnsbl'],
  phrases: [
    p(
      'badreputation.reputation',
      /\b(?:low|poor|bad|negative|very low|none\/bad) (?:e-?mail |sender |IP |domain |IP\/domain )?reputation\b|\breputation (?:is too low|score|problems?|of the sending)\b|\bip\/domain reputation\b|\bsending MTA'?s poor reputation\b|\brate limited due to IP reputation\b|\bsender ?score\b|\b(?:due to|because of|based on) (?:(?:its|the|your|a|an|poor|bad|low|negative|sender|sending|IP|domain)\s){0,3}reputation\b|\bIP reputation (?:fail(?:ed|ure)?|check(?: failed)?|too low)\b/i,
      'Gmail (421 4.7.0 "low reputation"), T-Online ("None/bad reputation"), Microsoft, Validity Sender Score; gateways\' "rejected due to IP reputation", "[IP reputation fail]" (sisimai issue 469)',
    ),
  ],
};

export const CONTENT_ERROR: ReasonTable = {
  reason: 'contenterror',
  meaning: 'The receiver could not accept the content or encoding of the message (MIME, 8-bit data, too many Received fields).',
  definition: DEF('contenterror'),
  advice: 'generic.content-error',
  // spam filters answer with X.6.x too: their words say more
  unlessPhrasesOf: ['spamdetected'],
  phrases: [
    p(
      'contenterror.media',
      /\bimproper use of 8-bit data\b|\binvalid mime\b|\bmime (?:complexity|headers? (?:invalid|error))|\bimproperly-formatted binary\b|\bunnecessary base64\b|\btoo many received\b|\bheader size exceeds maximum\b|\bmessage header size, or recipient list\b|\billegal (?:character|content)\b|\bcontent (?:error|not allowed)\b|\bmedia (?:error|not supported)\b|\b8-?bit (?:data|characters?) (?:in|not allowed)|\bconversion (?:required|failed)\b/i,
      'RFC 3463 §3.7 (X.6.x); Exchange, Gmail MIME texts',
    ),
  ],
  weak: [
    p(
      'contenterror.content',
      /\b(?:message|mail) (?:content|body) (?:error|is invalid|not allowed)\b|\bimproper (?:message|content)\b/i,
      'RFC 3463 §3.7',
    ),
  ],
};

/**
 * Words that say the SENDER address was what a restriction judged, whatever command the reply answered:
 * Postfix answers its sender restrictions at RCPT TO (smtpd_delay_reject=yes, the default) with
 * "<addr>: Sender address rejected: <why>", so a recipient-side "why" (User unknown in … table,
 * undeliverable address: … 550 5.1.1) is about the sender there, as at MAIL FROM (RFC 5321 §3.3).
 */
export const SENDER_NAMED = p(
  'rejected.sender-named',
  /\bSender address rejected:/i,
  'https://www.postfix.org/postconf.5.html#smtpd_delay_reject; Postfix src/smtpd/smtpd_check.c ("Sender address rejected: …")',
);

export const REJECTED: ReasonTable = {
  reason: 'rejected',
  meaning: 'The receiver refused the envelope sender (its address or domain), not the recipient.',
  definition: DEF('rejected'),
  advice: 'generic.sender-rejected',
  // "address rejected", "access denied" are broad: they decide at MAIL FROM or DATA, or where the code names nothing else
  onlyWhenCodeSilentExceptAt: ['mail', 'data'],
  phrases: [
    p(
      'rejected.sender',
      /(?<!unauthenticated )\bsender(?:'?s)? (?:e-?mail )?(?:address |domain )?(?:rejected|denied|refused|blocked|not (?:allowed|permitted|authori[sz]ed|pre-approved|accepted)|(?:is )?(?:blacklisted|invalid|a spammer|spammer|unknown|empty)|was rejected|verify failed|verification failed|is in my black ?list)|\bsender (?:domain|address) (?:must exist|does not exist|not found|is empty)|\bdomain of sender address\b|\b(?:bogus|invalid|bad) (?:mail from|sender)\b(?! ip)|\bunrout(?:e)?able sender\b|\bemetteur invalide\b|\bforged sender(?: (?:address|domain))?\b|\bsender (?:address |domain )?(?:is |was |looks )?forged\b/i,
      `RFC 3463 §3.2 (X.1.7, X.1.8); ${POSTFIX} ("Sender address rejected"); Exim ("Sender verify failed"); qmail ("sender was rejected"); a sender the receiver judges forged, RFC 7208 §1 and §2.4 (a MAIL FROM domain used from a host it does not authorise: Cleanmail's "Forged sender domain from this server" for a bluewin.ch sender sent outside Bluewin's SPF, https://www.cleanmail.ch/stricter-rules-for-bluewin/)`,
    ),
    p(
      'rejected.envelope',
      /\b(?:mail ?from(?! <?\[?\d{1,3}\.\d)|envelope[- ]sender|envelope from|return-path)\b.{0,40}\b(?:rejected|refused|denied|not allowed|invalid|not owned)|\bnull sender is not allowed\b|\bunauthori[sz]ed (?:envelope[- ])?sender\b|\bempty (?:e-?mail )?address\b|\bempty envelope senders?\b|\bno third-party DSNs\b|\breturned mail not accepted\b|\bbatv (?:failed|validation|defense)|\bbatv: no tag\b|\bunsigned dsn\b|\bfully qualified (?:e-?mail )?address required\b|\bdomain name required for sender address\b|\bcan'?t determine purported responsible address\b|\bfrom: domain is invalid\b|\bmx records for \S{1,255} (?:do not|are)|\bsending this from a different address\b/i,
      'RFC 5321 §3.3 (MAIL FROM); SonicWall and McAfee BATV texts; Sender ID (RFC 4406) "purported responsible address"; university and corporate gateways refusing their own domain from outside ("Unauthorised Envelope Sender")',
    ),
    // a bare "Address rejected" names no side: in reply to MAIL FROM (or to DATA, where only the envelope is left
    // to refuse) it is the sender's address; in reply to RCPT TO the recipient's (userunknown.address-rejected-at-rcpt);
    // where the command is not known it says nothing about the side, and the enhanced code decides (RFC 3463 X.1.7/
    // X.1.8 the sender's, X.1.0–X.1.3 an address of any side)
    p(
      'rejected.address-rejected-at-mail',
      /(?<!recipient |sender ip |5\.1\.0 )\baddress rejected\b/i,
      'RFC 5321 §3.3 (the reply to MAIL FROM is about the reverse-path); RFC 3463 §3.2',
      ['mail', 'data'],
    ),
    p(
      'rejected.sender-list',
      /\badministrative prohibition\b|\bdelivery not authori[sz]ed, message refused\b|\byour (?:envelope )?sender has been denied\b|(?<!\bIP )\b(?:e-?mail )?address (?:that )?(?:has been|is) blacklisted\b|\bthis server does not accept mail from\b|\b(?:not|never) accept mail from\b(?! (?:dynamic|hosts|your ip|ip))|\bisn'?t on the recipient'?s list of senders\b|\bon (?:the )?senderfilterconfig list\b|\bnot allowed to post to this mailing list\b|\bnot a member of this (?:mailing )?list\b|\bNOT MEMBER article\b|\bnot a registered gateway user\b|\bsender is spammer\b|\brecipient addresses rejected ?: access denied\b|\baccess denied \(in reply to mail from command\)|\bspam reporting address\b|\bnot owned by user\b|\brelay(?:ing)? disallowed as\b|\bmust be the same as the (?:authenticated|login) (?:user|account)\b|\b(?:mail ?from|from|sender)(?: address)? must (?:equal|match|be (?:the )?same as) (?:the )?(?:authori[sz]ed|authenticated|authori[sz]ation|auth|login|logged[- ]in) (?:user|account)\b|\bfrom (?:address|header)\b[^.\n]{0,40}\b(?:authenticated|login) (?:user|account)\b[^.\n]{0,20}\bmust (?:be the same|match)\b|\b(?:group|list|mailbox|recipient)\b[^\n]{0,60}\bonly accepts (?:messages|mail|e-?mail) from\b|\b(?:do not|don'?t|may not) have (?:the )?permission to (?:post|send)(?: messages)? to\b|\bnot in (?:the |its )?allowed[- ]senders list\b|\bmail from\"?\s{0,2}(?:address )?(?:doesn'?t|does not|don'?t) (?:conform|match|correspond) (?:with|to) (?:the )?(?:authentication|authenticated (?:user|account)|login)\b/i,
      'Exim ("administrative prohibition"), MessageLabs, Exchange (SenderFilterConfig; a restricted group: "only accepts messages from people in its organization", 5.7.124 "not in the allowed-senders list"), McAfee, Mailman, Google Groups ("you may not have permission to post messages to the group"); submission servers refusing a sender the login does not own (Postfix "not owned by user", Zoho "Relaying disallowed as <sender>", "the from address and the authenticated user must be the same"); \'"MAIL FROM" doesn\'t conform with authentication\' (https://github.com/PHPMailer/PHPMailer/issues/885)',
    ),
  ],
};

export const SECURITY_ERROR: ReasonTable = {
  reason: 'securityerror',
  meaning:
    'The server required authentication or encryption the client did not provide, or found the credentials or the certificate wrong.',
  definition: DEF('securityerror'),
  advice: 'generic.security-error',
  phrases: [
    // a server that says it requires authentication names the whole refusal, whatever generic prefix its MTA put
    // in front: Postfix prints "Client host rejected:" before the text of any check_client_access map, and a
    // hosting provider's map text that explains a missing SMTP login ("Client host rejected: … This mail server
    // requires authentication", Locaweb, in Portuguese and English) is not a judgment of the client's IP, so these
    // words decide before the broad client-block words (BLOCKED comes after this table)
    p(
      'securityerror.auth-required',
      /\b(?:server|relay|service|host) requires? (?:SMTP |smtp-?)?auth(?:entication)?\b|\brequires? SMTP auth(?:entication)?\b|(?<!\p{L})(?:[eé] )?necess[aá]ria (?:a )?autentica[cç][aã]o(?!\p{L})|(?<!\p{L})autentica[cç][aã]o (?:[eé] )?(?:necess[aá]ria|obrigat[oó]ria)(?!\p{L})|(?<!\p{L})requiere autenticaci[oó]n(?!\p{L})/iu,
      'Postfix access(5) ("Client host rejected:" before a map\'s text); https://wiki.locaweb.com/pt-br/Email_Locaweb_-_Envio_Autenticado (Locaweb: "Para envio de mensagens e necessaria autenticacao … /This mail server requires authentication"); RFC 4954 §6 (530 5.7.0 Authentication required)',
    ),
  ],
  weak: [
    p(
      'securityerror.auth',
      /\bauthentication (?:is )?required\b|\b(?:SMTP |SASL )?authentication (?:failed|failure|unsuccessful)\b|\bauthentication credentials invalid\b|\bunauthenticated senders? (?:are )?not allowed\b|\bmust authenticate\b|\bnot authenticated\b|\b(?:invalid|bad) (?:login|credentials|password)\b|\byou don'?t authenticate\b|\bauthentification (?:invalide|requise)\b|\bauthentication turned on in your e-?mail client\b|\bturn on (?:SMTP )?authentication\b|\bnot authori[sz]ed to send mail, authentication is required\b|\bverification failure\b|\bSMTP AUTH(?:entication)? (?:is )?required\b/i,
      'RFC 4954 §6 (530, 535); RFC 5248 (X.7.8); Postfix ("SASL authentication failed"); Orange ("authentification requise")',
    ),
    p(
      'securityerror.tls',
      /\bmust issue a STARTTLS\b|\b(?:TLS|STARTTLS|encryption) (?:is )?required\b|\brequires? (?:TLS|encryption)\b|\bTLS required but not supported\b|\bcertificate (?:verification )?(?:failed|error)\b|\bREQUIRETLS\b/i,
      'RFC 3207 §4 (530 "Must issue a STARTTLS command first"); RFC 8689 (REQUIRETLS); SendGrid',
    ),
    // the sender address the login may not use, in the words of servers that name the authentication rather
    // than the address's owner ('"MAIL FROM" doesn't conform with authentication', 'sender does not match
    // the authenticated user'): a login policy (Postfix reject_sender_login_mismatch's kind)
    p(
      'securityerror.sender-login',
      /(?:\bMAIL FROM"?|\bsender(?: address)?|\bfrom address|\benvelope sender)\W{0,3} (?:does not|doesn'?t|did not|do not) (?:conform|match|correspond|agree) (?:with|to) (?:the |your )?(?:authenticat\w*|login|logged[- ]in (?:user|account)|SMTP AUTH|auth(?:orized)? user)\b/i,
      "https://www.postfix.org/postconf.5.html#reject_sender_login_mismatch; https://github.com/PHPMailer/PHPMailer/issues/885 (a server's '\"MAIL FROM\" doesn't conform with authentication', SMTP code 436)",
    ),
    p(
      'securityerror.ses',
      /\bnot subscribed to ses\b|\bnot authori[sz]ed to perform ses:|\bis a dead domain\b/i,
      'Amazon SES error texts (docs.aws.amazon.com/ses)',
    ),
  ],
};

export const SYNTAX_ERROR: ReasonTable = {
  reason: 'syntaxerror',
  meaning: 'The client sent a command or an argument the server could not interpret.',
  definition: DEF('syntaxerror'),
  advice: 'generic.syntax-error',
  phrases: [],
  weak: [
    p(
      'syntaxerror.command',
      /\bsyntax error\b|\bsyntactically invalid\b|\bcommand (?:unrecognized|not recognized|not implemented)\b|\bunrecognized command\b|\bbad sequence of commands\b|\binvalid command\b|\bparameter not implemented\b|\bincorrectly constructed\b/i,
      'RFC 5321 §4.2.2 (500, 501, 502, 503, 504 texts)',
    ),
  ],
};

export const BLOCKED: ReasonTable = {
  reason: 'blocked',
  meaning:
    'The receiver refused the sending IP or host itself: its own block list, a DNS blocklist, a policy on the address range or the HELO name.',
  definition: DEF('blocked'),
  advice: 'generic.blocked',
  phrases: [
    p(
      'blocked.client',
      /\bclient host (?:\[?\S{1,80}\]? )?(?:rejected|blocked)\b|\b(?:your|the|sending|source|client|sender) (?:IP|address|host|network|server|mail server)\b.{0,40}\b(?:blocked|banned|rejected|denied|not allowed|listed|refused|blacklisted|forbidden)\b|\b(?:IP|host) (?:address )?(?:is )?(?:blocked|banned|refused|denied)\b|\bconnection (?:is )?(?:blocked|banned|denied)\b|\bconnection (?:refused|rejected) from\b|\bblocked (?:IP|host)\b|\bbanned (?:sending )?IP\b|\bbad sender ip address\b|\bsender ip address rejected\b|\bextreme bad ip profile\b|\binvalid ip for sending\b|\b(?:ip(?: address)?|mail server(?: at)?|access ip|access from ip address) \S{1,255} (?:is |has been )?(?:blocked|rejected|blacklisted)\b|\bis not allowed to send mail from\b|\bsending mta or the sender has not passed validation\b/i,
      `${POSTFIX} ("Client host rejected"); Microsoft ("banned sending IP"); Orange, SFR, free.fr texts`,
    ),
    p(
      'blocked.dnsbl',
      /\bblocked using\b|\bblack ?list(?:ed)?\b|\bblock ?list(?:ed)?\b|\b(?:RBL|DNSBL)\b|\bspamcop\.net\/bl\b|\bbarracudacentral\b|\babuseat\.org\b|\bspamhaus (?:xbl|sbl|pbl|zen)\b|\bdnsbl:\S{1,40}\b|\blisted as abusive\b|:blocked\)|\bcsi\.cloudmark\.com\b|\bcloudmark (?:csi|sender intelligence)\b/i,
      'DNSBL refusal texts of Postfix (reject_rbl_client), Exim (dnslists), sendmail (dnsbl feature); Spamhaus, SpamCop, Barracuda',
    ),
    p(
      // sendmail's errno text for ECONNREFUSED (sendmail/err.c errstring: "Connection refused by <host>"): no SMTP
      // reply was read, yet sisimai counts it as blocked (a receiver's firewall refusing a listed IP says the
      // same); the step is the connection's (knowledge/replies/session.ts connection.refused), which says both
      'blocked.connection-refused',
      /\bconnection refused by (?!\[?(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|::1\b|localhost\b))/i,
      'sendmail ("Deferred: Connection refused by <host>"), sendmail/err.c',
      undefined,
      'connection.refused',
    ),
    p(
      'blocked.connection',
      /\bconnection (?:was )?dropped\b(?! due to socket ?error)|\bconnection reset by peer\b|\bnot allowed to connect\b|\bnot currently accepting mail from your ip\b|\besmtp not accepting connections\b|\bservice not available, closing transmission channel\b|\bafter initial connection\b|\bgo away\b|\bno access from mail server\b|\bserver access forbidden\b/i,
      // (not Exchange's "Connection dropped due to SocketError": it names a transport failure, knowledge/replies/session.ts;
      // not a refusal by a loopback or private address, RFC 6890/1918: no receiver's policy is there — the
      // sending system's own relay or local service did not listen)
      'sendmail ("Connection refused by"), Exim ("SMTP error from remote mail server after initial connection"), iCloud, Microsoft',
    ),
    p(
      'blocked.helo-dynamic',
      /\bhelo command rejected\b|\bdynamic(?:ally assigned)? (?:IPs?|address|pool|range)\b|\bdynamic\/zombied\b|\bhosts with dynamic ip\b|\bdial-?up\b|\b(?:ERS-)?DUL\b|\bsender IP found in\b|\bresidential (?:IP|address|range)\b|\buse (?:the )?(?:smtp|mail) server of your ISP\b|\buse your (?:ISP|provider)'?s? (?:smtp|mail|relay)\b|\bmay not be mail exchanger\b|\bopen proxy\b|\blooks suspiciously like spammer\b/i,
      `${POSTFIX} ("Helo command rejected"); mail.ru ("we do not accept mail from dynamic IPs"); sendmail ("Rejecting open proxy"); qmail`,
    ),
    p(
      'blocked.sending-spam',
      /\btoo many (?:spams|unwanted messages) (?:have been sent )?from\b|\byou are sending spam\b|\bcurrently sending spam\b|\bspam ips blocked\b/i,
      'free.fr ("too many spams from your IP"), EarthLink, mail.ru texts: the IP is refused for what it sent',
    ),
    p(
      'blocked.spam-from-ip',
      /\bpart of their network is on our block list\b|\bconfirm this mail server\b|\byour server requires confirmation\b|\bwas blocked by\b|\bblocked (?:- see|by|for abuse)\b|\brefused - see http\b|\b550 blocked\b|\byour access to submit messages to this e-?mail system has been rejected\b|\bis blocked by (?:earthlink|rbl)\b/i,
      'free.fr, Microsoft (S3150), EarthLink, AT&T texts; Exchange connection filtering ("Your access to submit messages to this e-mail system has been rejected", sisimai Blocked)',
    ),
  ],
};
