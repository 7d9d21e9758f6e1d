// Reasons on the recipient's side: the address, the mailbox, the domain, the
// receiving system. Phrases are written from the texts the MTAs and receivers
// named in each source use; sisimai's reason catalogue
// (https://libsisimai.org/en/reason/) gives the names and their definitions.

import { phrase as p, type ReasonTable } from './types';

const DEF = (anchor: string) => `https://libsisimai.org/en/reason/#${anchor}`;
const RFC5321 = 'RFC 5321 §4.2.2–4.2.3 (reply texts)';
const POSTFIX = 'Postfix smtpd(8)/local(8) reject texts (postfix.org/postconf.5.html)';
const QMAIL = 'qmail-local.c, qmail-remote.c (qmail 1.03)';
const EXCHANGE = 'learn.microsoft.com/exchange/mail-flow/non-delivery-reports-in-exchange-server';
const SENDMAIL = 'sendmail srvrsmtp.c / deliver.c texts';

export const USER_UNKNOWN: ReasonTable = {
  reason: 'userunknown',
  meaning: 'The local part of the recipient address does not exist at the receiving server.',
  definition: DEF('userunknown'),
  advice: 'generic.user-unknown',
  // a server that knows its users says so in reply to RCPT TO (RFC 5321 §3.3); the same words
  // after DATA come from a filter (sisimai's "filtered"), and in reply to MAIL FROM they are about the sender
  onlyAt: ['rcpt'],
  elsewhere: { data: 'filtered', 'end-of-data': 'filtered', unknown: 'filtered', mail: 'rejected' },
  // an address status (X.1.x), or the X.5.0 that Microsoft and others answer to a refused RCPT TO,
  // says the address was refused, whatever the notice says of the stage
  keptByCodes: ['X.1', 'X.5.0'],
  phrases: [
    p('userunknown.no-such', /\bno such (?:user|mailbox|recipient|address|account|person|local user)\b/i, `${QMAIL}; ${SENDMAIL}`),
    p(
      'userunknown.unknown-x',
      /\bunknown (?:user|recipient|mailbox|local[- ]?part|address|account|e-?mail address|or illegal alias)\b|\buser ?(?:name )?(?:unknown|not (?:found|known|local|active|exist)|does(?:n't| not) exist|invalid|is unknown)\b/i,
      `${POSTFIX} ("User unknown in local recipient table"); ${SENDMAIL} ("User unknown")`,
    ),
    p(
      'userunknown.address-not-found',
      /\b(?:mail ?box|recipient|(?<!mentioned in email )address|account|(?<!mentioned in )e-?mail address|addressee|destination) (?:name )?(?:is )?(?:unava\w{0,2}lable|not found|not present|unknown|invalid|inactive|nonexistent|non-existent|not (?:valid|available|known|local|listed))\b|\brecipient not (?:ok|exist)\b/i,
      `${RFC5321} (550 "mailbox unavailable"); ${EXCHANGE}`,
    ),
    p(
      'userunknown.does-not-exist',
      // (not "the recipient's domain does not exist": that is the domain)
      /\b(?:mail ?box|user|recipient|address|account|addressee|spectator)\b(?:(?!domain)[^.;:\n]){0,60}\b(?:does not|doesn't|did not) exist/i,
      'Gmail "The email account that you tried to reach does not exist"; Exchange "account … does not exist at the organization"',
    ),
    p(
      'userunknown.invalid-x',
      /\b(?:invalid|bad|non-?existent|nonexistant) (?:recipient|mailbox|address|user|destination(?: mailbox)?(?: address)?|e-?mail address)\b|\bbad destination mailbox address\b|#5\.1\.1 bad address/i,
      'RFC 3463 §3.2 (X.1.1 "Bad destination mailbox address"); Postfix, Exim',
    ),
    p(
      'userunknown.not-a-valid',
      /\bnot a (?:valid|known|local) (?:mailbox|user|recipient|address)\b|\bis not a known user\b|\bnot (?:a )?valid (?:user|recipient) here\b|\bnot our user\b/i,
      `${SENDMAIL}; Courier; IMail`,
    ),
    p(
      'userunknown.no-mailbox',
      /\bnot listed in (?:the )?(?:Domino Directory|public Name (?:&|and) Address Book|(?:\w+ )?directory|my list of valid)|\binvalid final delivery userid\b|\binvalid (?:\w+ ){0,2}userid\b|\bcheck if (?:the )?address is correct\b|\bno mail ?box (?:here|by that name|found|available)|\bno (?:mail ?box|account) by that name|\bno one at this address\b|\bno (?:valid|correct) recipients\b|\bno mail box available for this user\b/i,
      `${QMAIL} ("Sorry, no mailbox here by that name. (#5.1.1)"); Yandex ("No correct recipients": the address does not exist, https://yandex.com/support/mail/bounces/yandex.html)`,
    ),
    p(
      'userunknown.qmail-rcptto',
      /\bbadrcptto\b|\bbadrecipientto\b|\bnot in my validrcptto\b|\bvdeliver: invalid or unknown virtual user\b/i,
      'qmail badrcptto / validrcptto patches, vpopmail vdeliver',
    ),
    p(
      'userunknown.not-accepted',
      /\bcan'?t accept user\b|\bdestination (?:addresses were unknown|server rejected recipients)\b|\bnot an active address\b|\brecipient (?:is )?not accepted\b|\brecipient refuses to accept\b|\benvelope recipient (?:has been denied|is in my badrcptto)|\bdomain or user isn'?t in my list of allowed rcpthosts\b|\bemail name is not found\b|\bwrong or no longer valid\b|\buser missing home directory\b|<address>:? not found\b|\bno \S{1,64} in name directory\b|\brcpt \S{1,255} does not exist\b|\b(?:recipient|user) \S{1,255} was not found\b|\buser \(\S{1,255}\) unknown\b|\brecipient address rejected(?!:)|\brecipient (?:address )?(?:is )?not (?:allowed|permitted)\b/i,
      'qmail ("sorry, your envelope recipient has been denied"), Microsoft, IBM Domino ("in name directory"), Postfix ("Recipient address rejected" at RCPT TO)',
    ),
    p(
      'userunknown.address-rejected-at-rcpt',
      // a reply that is only "Address rejected" (no "sender", no reason after it) names no side; in reply to
      // RCPT TO the address it refuses is the recipient the client just gave (at MAIL FROM the sender's:
      // rejected.sender-list decides there)
      /^(?:the )?(?:e-?mail )?address rejected\b(?!\s*(?:by|due|because|for (?:policy|spam)))/i,
      'RFC 5321 §4.1.1.3 (the reply to RCPT TO is about its forward-path); "550 #5.1.0 Address rejected." quoted as a non-existent recipient by hosting help pages',
      ['rcpt'],
    ),
    p(
      'userunknown.exchange-resolver',
      /\bRESOLVER\.ADR\.Recip(?:ient)? ?NotFound\b|\brecipient not found by SMTP address lookup\b|\baddress not present in directory\b|\bemail address could not be found\b/i,
      EXCHANGE,
    ),
    p(
      'userunknown.postfix-table',
      /\bRecipient address rejected: (?:User unknown|unknown user|invalid user|undeliverable address|userunknown|invalid-recipient|Access denied)/i,
      `${POSTFIX} (local_recipient_maps, reject_unverified_recipient; access(5) REJECT on the recipient: "Access denied")`,
    ),
    p(
      'userunknown.localised',
      /\b(?:benutzer|empf[äa]nger|adresse|postfach) (?:ist )?(?:unbekannt|existiert nicht|nicht vorhanden)|\bunbekannte[rs]? (?:benutzer|empf[äa]nger)|\b(?:utilisateur|destinataire|adresse) (?:inconnu|invalide|inexistant)e?|\busuario (?:desconocido|inexistente)|\bno existe (?:dicha persona|ese usuario)|\bnessun utente simile|\bgebruiker (?:onbekend|bestaat niet)|weil die adresse nicht gefunden wurde/i,
      'German, French, Spanish, Italian and Dutch texts of Postfix/Exim localisations, GMX, Orange, Telefónica',
    ),
  ],
};

export const FILTERED: ReasonTable = {
  reason: 'filtered',
  meaning:
    "The recipient's own filter (or the receiver's per-recipient rules) refused the message after reading it; the address itself may exist.",
  definition: DEF('filtered'),
  advice: 'generic.filtered',
  // filters read the message: before DATA these words are another refusal's
  notAt: ['connect', 'helo', 'mail', 'rcpt'],
  phrases: [
    p(
      'filtered.recipient-rules',
      /\bmessage filtered\b|\buser reject|\brefuses? to (?:accept|receive) (?:your |this )?mail|\brecipient preferences\b|\bonly accepting mail from specific\b|\bblocked by the recipient\b|\bmessage rejected due to user rules\b|\bhas restricted (?:sms )?e-?mail\b|\bis not accepting any mail\b|\baccount is protected by\b|\bbounced address\b|\brecipient id refuse\b|\bnot found recipient account\b/i,
      'Facebook, AOL, AT&T, Willcom and SendGrid texts as sisimai documents them (libsisimai.org/en/reason/#filtered)',
    ),
  ],
};

export const MAILBOX_FULL: ReasonTable = {
  reason: 'mailboxfull',
  meaning: "The recipient's mailbox has no room left (a quota or the disk).",
  definition: DEF('mailboxfull'),
  advice: 'generic.mailbox-full',
  // a quota of the sender's own account ("Daily user sending quota exceeded") is no mailbox's quota
  unlessPhraseIds: ['speeding.sending-quota', 'speeding.sending-quota-localized'],
  phrases: [
    p(
      'mailboxfull.mailbox-full',
      /\bmail ?(?:box|folder|dir)\b[^.;:\n]{0,30}\b(?:full|over ?quota)\b|\bfull mail ?box\b|\b(?:user'?s?|recipient'?s?) (?:mail ?box|disk) (?:is )?full\b|\baccount is full\b/i,
      'RFC 3463 §3.3 (X.2.2 "Mailbox full"); Exchange, Postfix/Dovecot LMTP, sendmail',
    ),
    p(
      'mailboxfull.quota',
      /\bover ?quota\b|(?<!(?:message|sending|daily|hourly|rate) )\bquota (?:exceeded|exceeds|full|violation|limit)|\bexceed\w* (?:the |his |her |its |their |storage |disk |mailbox |his\/her )?quota\b|\bdisk quota\b|\b(?:mail ?box|maildir|account|user) [^.;:\n]{0,30}\bquota\b|(?<!(?:message|sending|daily|hourly|rate) )\bquota [^.;:\n]{0,30}\bexceeded\b/i,
      'Dovecot ("Quota exceeded"), qmail error_str.c ("disk quota exceeded"), Courier maildir quota',
    ),
    p(
      'mailboxfull.space',
      /\bmail ?box (?:size limit|would exceed|exceeds allowed size)|\bmail ?box\b[^.;:\n]{0,40}\bexceeded\b|\bexceeded storage allocation\b|\btoo much mail data\b|\bspace has been used up\b|\buser has too many messages\b|\bexceeding receiving limits\b|\baccount storage limit\b|\bno space left on device\b|\bnot (?:sufficient|enough) (?:disk |storage )?space\b/i,
      `${RFC5321} (552 "exceeded storage allocation"); NTT docomo; Yahoo`,
    ),
    p(
      'mailboxfull.localised',
      /\bbo[iî]te (?:du destinataire |aux lettres )?(?:est )?pleine\b|\bpostfach (?:ist )?(?:voll|[üu]berf[üu]llt)\b|\bspeicherplatz (?:ist )?(?:ersch[öo]pft|voll)\b|\bbuz[oó]n (?:est[aá] )?lleno\b|\bcasella (?:di posta )?piena\b|\bmailbox vol\b/i,
      'Orange, GMX/WEB.DE, Telefónica and Italian providers',
    ),
  ],
};

export const SUSPEND: ReasonTable = {
  reason: 'suspend',
  meaning: 'The mailbox exists but is disabled or suspended (unpaid, locked, archived).',
  definition: DEF('suspend'),
  advice: 'generic.suspended',
  phrases: [
    p(
      'suspend.disabled',
      /\b(?:mail ?box|account|user|address|recipient)(?: has been| is| was)? (?:currently |temporarily |administrativ\w* |now )?(?:disabled|suspended|deactivated|inactive|frozen|locked|terminated|archived|discontinued)\b|\b(?:disabled|suspended|inactive|deactivated|archived) (?:mail ?box|account|user|recipient)\b|\bis a deactivated mailbox\b/i,
      'RFC 3463 §3.3 (X.2.1 "Mailbox disabled"); QQ, 163.com, Gmail ("account that you tried to reach is disabled")',
    ),
    p(
      'suspend.inactive',
      /\btemporarily inactive\b|\bno longer (?:active|in use|accepts mail)\b|\bmailbox unavailable or access denied\b|\brecipient suspend\b|\buser is terminated\b|\btemporar\w* locked\b|\bboite du destinataire archivee\b|\bcompte du destinataire est bloque\b|\badministrativ\w* disabled\b|\bhas been suspended\b|\bis currently suspended\b|\buser or domain is disabled\b/i,
      'Exim/cPanel, Orange, qmail-ldap ("Mailaddress is administratively disabled"), vpopmail ("account is locked")',
    ),
  ],
};

export const HAS_MOVED: ReasonTable = {
  reason: 'hasmoved',
  meaning: 'The recipient has moved to another address and mail is not forwarded.',
  definition: DEF('hasmoved'),
  advice: 'generic.has-moved',
  phrases: [
    p(
      'hasmoved.replaced',
      /\bhas been replaced by\b|\b(?:address|mailbox|user|recipient) has (?:moved|changed)\b|\bmoved permanently\b|\bno longer (?:at|with|available at) (?:this|the)\b/i,
      'RFC 3463 §3.2 (X.1.6 "Destination mailbox has moved"); sendmail "User has moved"',
    ),
  ],
};

export const HOST_UNKNOWN: ReasonTable = {
  reason: 'hostunknown',
  meaning: 'The domain of the recipient address does not exist, or has no mail server that can be found.',
  definition: DEF('hostunknown'),
  advice: 'generic.host-unknown',
  // Postfix's "Host or domain name not found. Name service error for name=… type=MX: Host not found,
  // try again" is the resolver's TRY_AGAIN (a lookup that failed for now, e.g. a chroot without
  // resolv.conf), not a domain that does not exist: the temporary DNS failure's words win
  unlessPhraseIds: ['networkerror.dns'],
  phrases: [
    p(
      'hostunknown.no-domain',
      /\bhost or domain name not found\b|(?<!Name server: \.: )\b(?:domain|host)(?: name)? (?:does not exist|doesn't exist|not found(?!, try again)|is not reachable|unknown|must exist|is unresolvable|not registered)\b|\bunknown (?:host|domain)(?: name)?\b|\bno such (?:domain|host)\b|\bname or service not known\b|\bnxdomain\b/i,
      'Postfix ("Host or domain name not found"), Exim, sendmail ("Host unknown"), resolver errors (RFC 1035 NXDOMAIN)',
    ),
    p(
      'hostunknown.unroutable',
      /\bhost \S{1,255} not found\b|\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){1,8}\.? does not exist\b|\bunrout(?:e)?able address\b|\bmail domain mentioned in email address is unknown\b|\baccount or domain may not exist\b|\brecipient domain must exist\b|\bhost unreachable\b|\bcouldn'?t find any host\b|\ball relevant MX records point to non-existent hosts\b/i,
      `Exim ("Unrouteable address"; its dnslookup router's "all relevant MX records point to non-existent hosts"); ${QMAIL} ("Sorry, I couldn't find any host named"); cPanel`,
    ),
  ],
};

export const NOT_ACCEPT: ReasonTable = {
  reason: 'notaccept',
  meaning: 'The receiving domain or host accepts no mail at all (a null MX, RFC 7505; a host that answers 521/556, RFC 7504).',
  definition: DEF('notaccept'),
  advice: 'generic.not-accept',
  phrases: [
    p(
      'notaccept.no-mail',
      /\bdoes not accept (?:e-?)?mail\b|\b(?:host|domain|server)(?:\/domain)? (?:does not|doesn't|will not) (?:accept|receive) (?:e-?)?mail\b|\bnull ?MX\b|\bnot accepting (?:e-?)?mail\b(?! with)|\bmail receiving disabled\b|\bno mail (?:is )?accepted\b|\baccepts no mail\b/i,
      'RFC 7504 (521, 556 texts), RFC 7505 (null MX); iCloud, sendmail ("host does not accept mail")',
    ),
    p(
      'notaccept.no-mx',
      /\bno MX (?:records? )?(?:(?:was|were) )?(?:found|for)\b|\bcouldn'?t find a mail exchanger\b|\bno mail exchanger\b|\bindicated no SMTP service\b|\bno route for current request\b|\bsmtp protocol returned a permanent error\b|\b(?:doesn'?t|does not) receive (?:e-?)?mail\b/i,
      `${QMAIL} (notqmail: "Sorry, I couldn't find a mail exchanger or IP address"); Yahoo ("no MX record found for domain="); sendmail; SmarterMail ("No MX records were found for the 'example.com' domain": http://support.rackteam.com/kb/a136/common-email-delivery-errors-you-may-receive.aspx)`,
    ),
    // Postfix before 3.1 had no word for a null MX ("MX 0 ."): it called the answer malformed
    p(
      'notaccept.postfix-old-null-mx',
      /\btype=MX: Malformed or unexpected name server reply\b/i,
      'github.com/sisimai/set-of-emails/issues/4 (null MX as reported by Postfix 2.10, 3.1, sendmail 8.14, 8.16, OpenSMTPD 6.0)',
    ),
  ],
  weak: [
    // sendmail 8.14 answers a null MX with a lookup of the root name
    p('notaccept.sendmail-old-null-mx', /\bName server: \.: host not found\b/i, 'github.com/sisimai/set-of-emails/issues/4'),
  ],
};

export const SYSTEM_FULL: ReasonTable = {
  reason: 'systemfull',
  meaning: "The receiving system's storage or queue is full.",
  definition: DEF('systemfull'),
  advice: 'generic.system-full',
  phrases: [],
  weak: [
    p(
      'systemfull.storage',
      /\bmail system (?:is )?full\b|\b(?:disk|file system|queue) (?:is )?full\b|\binsufficient (?:system )?(?:storage|resources|disk space)\b|\bout of (?:disk )?space\b|\bnot enough (?:system )?resources\b|\bmailbox unavailable \(not enough free space\)/i,
      `${RFC5321} (452 "insufficient system storage"); RFC 3463 §3.4 (X.3.1); Exchange back pressure`,
    ),
  ],
};

export const SYSTEM_ERROR: ReasonTable = {
  reason: 'systemerror',
  meaning:
    'The receiving (or an intermediate) system failed on its own: a configuration error, a directory or disk failure, a loop it detected.',
  definition: DEF('systemerror'),
  advice: 'generic.system-error',
  phrases: [],
  weak: [
    p(
      'systemerror.internal',
      /\bsystem (?:error|config(?:uration)? error)\b|\binternal (?:server )?error\b|\b(?:local|server|mail system) configuration error\b|\blocal error in processing\b|\btemporary local problem\b|\bqueue file write error\b|\binterrupted system call\b|\bencountered an error while being processed\b|\bmisconfigured\b|\bservice (?:is )?currently unavailable\b|\btimeout waiting for input\b|\btransaction failed\b|\b(?:message|mail) (?:was received but it )?could not be (?:saved|stored|written)\b/i,
      `${RFC5321} (451 "local error in processing", 554 "Transaction failed"); Postfix ("queue file write error"); Microsoft`,
    ),
    p(
      'systemerror.loop',
      /\b(?:aliasing|forwarding) loop broken\b|\bloops? back to myself\b|\bwould create a mail loop\b|\bloop was found in the mail exchanger\b|\bDuplicated Message-ID\b|\bLoop (?:Alert|Back Warning)\b|\bhas detected a loop condition\b/i,
      'Postfix ("mail for … loops back to myself"), sendmail ("aliasing/forwarding loop broken"), fml list manager loop guards ("Loop Alert", "Duplicated Message-ID")',
    ),
    p(
      'systemerror.directory',
      /\bcan'?t create (?:user )?output(?: file)?\b|\bcould not load DRD\b|\b(?:unable to contact|unable to login into|timeout while performing search on|temporary failure in) LDAP\b|\bLDAP attribute\b|\bthere is no MDB\b|\bautomatic homedir creat\w+ (?:crashed|failed)|\btemporary error in automatic homedir\b|\b(?:temporary|permanent) error while executing qmail-forward\b|\bbad interpreter\b|\bunable to connect to \S{0,40} ?daemon\b/i,
      'qmail-ldap (qmail-ldap-1.03 error texts), Exchange ("no MDB"), sendmail ("Can\'t create output", also without "file": its mailfile() delivery through a .forward line, http://helpdesk.umd.edu/documents/3/3025/), RFC 3463 §3.5 (X.4.3 directory server failure)',
    ),
  ],
};

export const MAILER_ERROR: ReasonTable = {
  reason: 'mailererror',
  meaning: "The recipient's local delivery program (a pipe, procmail, a script) failed.",
  definition: DEF('mailererror'),
  advice: 'generic.mailer-error',
  phrases: [],
  weak: [
    p(
      'mailererror.program',
      /\bX-Unix;|\bmailer error\b|\bpipe to \||\bcommand (?:died|failed|output)\b|\bexit (?:status|code) \d|\bprocmail\b|\bmaildrop\b|\|\| exit |\blocal delivery failed\b|\bdelivery to (?:file|pipe|program) failed\b|\bunknown mailer error\b/i,
      'Postfix local(8)/pipe(8) ("Command died with status"), sendmail ("unknown mailer error"), procmail, maildrop',
    ),
  ],
};
