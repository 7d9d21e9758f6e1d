// What happens to a paste on its way from a mail system to Mailmedic (issue 11
// point 1): the administrator quotes it in a reply, a mail client or a forum
// re-wraps it, an application logs it inside a JSON string, a web page's source
// escapes it as HTML, the poster redacts host names and IPs, cuts the syslog
// prefix, forwards the bounce in their own language, or the copy picks up CRLF
// line ends, tabs, trailing blanks, a question before it and a signature after.
//
// Each transformation is a small pure function text → text. The metamorphic
// run (scripts/conformance/variants.ts) applies each to every seen real
// incident that Mailmedic reads right and checks that the diagnosis survives.
// The forms follow what the programs that do it write (cited per function),
// never one incident's wording.

import { createHash } from 'node:crypto';

export type Transform = (text: string) => string;

/** A fixed choice among n forms for one text (a poster uses one form per paste; across pastes each form appears). */
const pick = (text: string, n: number) => createHash('sha256').update(text).digest()[0] % n;

const linesOf = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/** A mail reply's quoting (RFC 3676 §4.5: "> " per level; many clients write ">" + " " and nest as ">> "). */
export function quote(text: string, depth = 1): string {
  const mark = '>'.repeat(depth);
  return linesOf(text)
    .map((l) => (l ? `${mark} ${l}` : mark))
    .join('\n');
}

/**
 * Soft wrap as a mail client or a forum does when it sends text as fixed lines (Thunderbird's
 * mailnews.wraplength 72, Outlook's 76/78, RFC 5322 §2.1.1's 78): a line longer than `width`
 * is broken at the last space before the limit; a word longer than the line stays whole.
 * The continuation is not indented (the client does not know the text's structure).
 */
export function rewrap(text: string, width: number): string {
  const out: string[] = [];
  for (const line of linesOf(text)) {
    let rest = line;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) break;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return out.join('\n');
}

/**
 * A JSON string escape as Go's encoding/json writes it (and many loggers: zap, logrus, pino):
 * quotes and backslashes escaped, line breaks as \n, tabs as \t, and <, >, & as \u003c, \u003e,
 * \u0026 (Go's HTML-safe default).
 */
export function jsonEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

/** The paste as the error field of one JSON log line (a structured logger's record). */
export function inJsonLog(text: string): string {
  const body = linesOf(text).join('\n').replace(/\n+$/, '');
  return `{"level":"error","ts":"2026-11-30T09:12:44.512Z","caller":"mailer/send.go:88","msg":"sending mail failed","error":"${jsonEscape(body)}"}`;
}

/**
 * A shell's quoting of a string with line breaks: bash's `printf %q` and `set -x` write it as
 * $'…' (ANSI-C quoting) with \n for line breaks and \' and \\ escaped; shown as the argument
 * of the command that printed it.
 */
export function shellEscape(text: string): string {
  const body = linesOf(text)
    .join('\n')
    .replace(/\n+$/, '')
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n');
  return `+ echo $'${body}'`;
}

/**
 * The paste as it stands in a web page's source: &, <, >, ' and " as entities (the apostrophe as
 * &#39;, as PHP's htmlspecialchars(ENT_QUOTES) and Python's html.escape write it) and each line
 * break as <br> inside a paragraph, all on one line.
 */
export function htmlEscape(text: string): string {
  const esc = (l: string) =>
    l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
  const lines = linesOf(text);
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return `<div class="post-body"><p>${lines.map(esc).join('<br>')}</p></div>`;
}

/** The same, as a forum's source often has it: one "<br />" then a line break per line. */
export function htmlEscapeLines(text: string): string {
  const esc = (l: string) =>
    l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
  const lines = linesOf(text);
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines.map((l) => esc(l) + '<br />').join('\n');
}

/**
 * Domains whose names are the point of a refusal, never the poster's own: the big receivers and
 * services whose replies Mailmedic knows by name, and blocklists. A poster redacts their own
 * hosts and addresses, not gmail.com or zen.spamhaus.org.
 */
const PUBLIC_DOMAINS =
  /(?:^|\.)(?:google\.com|gmail\.com|googlemail\.com|outlook\.com|hotmail\.com|live\.com|msn\.com|office365\.com|microsoft\.com|protection\.outlook\.com|yahoo\.[a-z.]+|yahoodns\.net|aol\.com|icloud\.com|me\.com|apple\.com|gmx\.[a-z.]+|web\.de|t-online\.de|yandex\.[a-z]+|mail\.ru|orange\.fr|free\.fr|sfr\.fr|wanadoo\.fr|laposte\.net|comcast\.net|att\.net|verizon\.net|cox\.net|spectrum\.net|charter\.net|qq\.com|163\.com|126\.com|sina\.com|naver\.com|docomo\.ne\.jp|ezweb\.ne\.jp|au\.com|softbank\.ne\.jp|mimecast\.com|pphosted\.com|barracudanetworks\.com|messagelabs\.com|sendgrid\.net|amazonaws\.com|amazonses\.com|mailgun\.org|mailchannels\.net|zoho\.[a-z]+|aruba\.it|ovh\.net|ionos\.[a-z]+|1and1\.[a-z]+|spamhaus\.org|spamcop\.net|sorbs\.net|barracudacentral\.org|uceprotect\.net|abuseat\.org|surbl\.org|uribl\.com|senderscore\.com|mailspike\.net|spameatingmonkey\.net|backscatterer\.org|dnswl\.org|example\.(?:com|net|org)|localhost|localdomain)$/i;

/** Dotted host names (two labels or more, a TLD of letters) that are not a version, a file or a queue id. */
const HOST_NAME = /(?<![\w.@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}))(?![\w-]|\.[a-z0-9])/gi;
/** File name endings and other dotted words that are no host. */
const NOT_HOST =
  /\.(?:log|txt|php|py|js|ts|java|rb|go|cs|conf|cf|cfg|ini|json|xml|html?|eml|msg|sh|exe|dll|jar|class|pl|pm|sock|pid|db|lock|gz|zip)$/i;
/** Mail addresses: their domain is redacted by the same test, their local part too when the domain is. */
const ADDRESS = /([\w.+=-]{1,64})@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b/gi;

/**
 * The poster's own host names and domains replaced with a placeholder ("[redacted]", "xxx",
 * "***" or example.com, the forms posters use), addresses at them with the placeholder's
 * address. Names of public receivers and blocklists (PUBLIC_DOMAINS) stay: they are the
 * subject, not the poster's secret. Names that are also in `keep` (what the diagnosis must
 * quote) stay too.
 */
export function redactHosts(text: string, style: 'redacted' | 'xxx' | 'stars' | 'example' = 'redacted', keep: string[] = []): string {
  const kept = (d: string) =>
    PUBLIC_DOMAINS.test(d) ||
    NOT_HOST.test(d) ||
    keep.some((k) => k.toLowerCase().includes(d.toLowerCase()) || d.toLowerCase().endsWith(k.toLowerCase()));
  const host = (d: string) =>
    style === 'redacted' ? '[redacted]' : style === 'xxx' ? 'xxx.xxx' : style === 'stars' ? '***' : hostExample(d);
  const withAddresses = text.replace(ADDRESS, (m, local: string, d: string) => {
    if (kept(d)) return m;
    return style === 'example'
      ? `user@example.com`
      : style === 'redacted'
        ? '[redacted]@[redacted]'
        : style === 'xxx'
          ? 'xxx@xxx.xxx'
          : '***@***';
  });
  return withAddresses.replace(HOST_NAME, (m, d: string) => (kept(d) || /^\d/.test(d) ? m : host(d)));
}

/** A host name's example form: the first label kept when it says the host's role (mail, mx, smtp). */
function hostExample(d: string): string {
  const first = d.split('.')[0].toLowerCase();
  return /^(?:mail|mx|smtp|mta|relay|out|in|mx\d+|mail\d+|smtp\d+)$/.test(first) ? `${first}.example.com` : 'example.com';
}

/** IPv4 addresses (not versions: four dotted numbers each 0–255). */
const IPV4 = /(?<![\d.])((?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})(?![\d.])/g;
/** IPv6 addresses with at least three groups (a time "10:16:10" has no hex group of letters and only two colons). */
const IPV6 = /(?<![\w:])((?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4})(?![\w:])/gi;

/**
 * IP addresses replaced as posters do: "[redacted]", "x.x.x.x"/"xxx.xxx.xxx.xxx", "***", or the
 * last octets starred ("203.0.*.*"). Addresses in `keep` stay.
 */
export function redactIps(text: string, style: 'redacted' | 'xxx' | 'stars' | 'partial' = 'xxx', keep: string[] = []): string {
  const v4 = text.replace(IPV4, (m) => {
    if (keep.some((k) => k.includes(m)) || /^(?:127\.|0\.)/.test(m)) return m;
    if (style === 'redacted') return '[redacted]';
    if (style === 'stars') return '***';
    if (style === 'partial') return m.split('.').slice(0, 2).join('.') + '.*.*';
    return 'xxx.xxx.xxx.xxx';
  });
  return v4.replace(IPV6, (m) => {
    // times (hh:mm:ss) and MAC-like or plain numbers are no IPv6: require a letter group or '::'
    if (!/::|[a-f]/i.test(m) || /^\d{1,2}:\d{2}(?::\d{2})?$/.test(m)) return m;
    if (keep.some((k) => k.toLowerCase().includes(m.toLowerCase()))) return m;
    return style === 'redacted' ? '[redacted]' : style === 'stars' ? '***' : 'xxxx:xxxx::xxxx';
  });
}

/**
 * The syslog prefix cut from log lines, as a poster copying only "the message" does: the BSD
 * syslog header (RFC 3164 §4.1.2: "Mmm dd hh:mm:ss host ") or an ISO/RFC 5424 timestamp and host,
 * with the program tag and pid ("postfix/smtp[1234]: ", "sm-mta[99]: ", "exim[12]: "); Exim's
 * own mainlog keeps no syslog header, only its "YYYY-MM-DD hh:mm:ss [pid] " start, which goes.
 */
const SYSLOG_PREFIX =
  /^(\s*)(?:[A-Z][a-z]{2}\s+\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?) [\w.-]+ [\w./-]+(?:\[\d+\])?: /;
const EXIM_PREFIX = /^(\s*)\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{3})?(?: [+-]\d{4})?(?: \[\d+\])? /;

export function stripSyslogPrefix(text: string): string {
  return linesOf(text)
    .map((l) => (SYSLOG_PREFIX.test(l) ? l.replace(SYSLOG_PREFIX, '$1') : l.replace(EXIM_PREFIX, '$1')))
    .join('\n');
}

/**
 * Forwarded-message blocks as mail clients write them in other languages: Outlook's header
 * block (Von:/Gesendet:/An:/Betreff:), Thunderbird's separator line and fields, Gmail's
 * "---------- Forwarded message ---------" in the local language; a line of the poster's own
 * prose before it.
 */
export const FORWARD_LANGUAGES = {
  de: {
    prose: 'Hallo, diese Meldung bekommen wir seit gestern bei jeder Mail an den Kunden:',
    block: [
      '-------- Weitergeleitete Nachricht --------',
      'Betreff: \t{SUBJ:Unzustellbar: Angebot 2026-114|Mail an Kunden kommt nicht an}',
      'Datum: \tMon, 30 Nov 2026 09:14:02 +0100',
      'Von: \t{FROM:de}',
      'An: \tbuchhaltung@example.de',
    ],
  },
  fr: {
    prose: 'Bonjour, je reçois ce message à chaque envoi vers ce destinataire, pouvez-vous m’aider ?',
    block: [
      '---------- Message transféré ---------',
      'De : {FROM:fr}',
      'Date : lun. 30 nov. 2026 à 09:14',
      'Objet : {SUBJ:Non remis : Facture 2026-114|Envoi vers le client en échec}',
      'À : <compta@example.fr>',
    ],
  },
  it: {
    prose: 'Buongiorno, ricevo questo errore quando scrivo a un cliente:',
    block: [
      '-------- Messaggio Inoltrato --------',
      'Oggetto: \t{SUBJ:Non recapitabile: Fattura 2026-114|Errore invio al cliente}',
      'Data: \tlun, 30 nov 2026 09:14:02 +0100',
      'Mittente: \t{FROM:it}',
      'A: \tamministrazione@example.it',
    ],
  },
  'it-da': {
    prose: 'Ciao, mi torna indietro questa mail, sapete perché?',
    block: [
      '----- Messaggio inoltrato -----',
      'Da: {FROM:it}',
      'Inviato: lunedì 30 novembre 2026 09:14',
      'A: ufficio@example.it',
      'Oggetto: {SUBJ:Non recapitabile: Fattura 2026-114|Errore invio al cliente}',
    ],
  },
  nl: {
    prose: 'Hoi, deze foutmelding krijgen we bij elke mail naar deze klant:',
    block: [
      'Van: {FROM:nl}',
      'Verzonden: maandag 30 november 2026 09:14',
      'Aan: administratie@example.nl',
      'Onderwerp: {SUBJ:Onbestelbaar: Factuur 2026-114|Mail naar klant komt niet aan}',
    ],
  },
  ru: {
    prose: 'Здравствуйте, при отправке письма клиенту приходит такой ответ:',
    block: [
      '-------- Пересылаемое сообщение --------',
      'От: {FROM:ru}',
      'Кому: buh@example.ru',
      'Дата: Понедельник, 30 ноября 2026, 09:14 +03:00',
      'Тема: {SUBJ:Недоставленное сообщение: Счёт 2026-114|Письмо клиенту не доходит}',
    ],
  },
  ja: {
    prose: 'お世話になっております。取引先へのメールが以下のエラーで戻ってきます。',
    block: [
      '-------- Forwarded Message --------',
      '件名: \t{SUBJ:配信不能: 請求書 2026-114|取引先へのメール送信エラー}',
      '日付: \t2026年11月30日 9:14',
      '差出人: \t{FROM:jp}',
      '宛先: \tsoumu@example.jp',
    ],
  },
  // Outlook's plain-text forward: a line of 32 underscores over the original's From/Sent/To/Subject
  // (Outlook for Windows and Outlook on the web in English)
  outlook: {
    prose: 'Hi, can you look at this? Every mail to this customer comes back like this:',
    block: [
      '________________________________',
      'From: {FROM:com}',
      'Sent: Monday, November 30, 2026 9:14 AM',
      'To: Accounts <accounts@example.com>',
      'Subject: {SUBJ:Undeliverable: Invoice 2026-114|Mail to customer not arriving}',
    ],
  },
} as const;

export type ForwardLanguage = keyof typeof FORWARD_LANGUAGES;

/** A bounce notice's words: forwarded, its block names the daemon; anything else a colleague forwarded. */
const NOTICE_WORDS =
  /Delivery Status Notification|Undeliver|Mail Delivery|could not be delivered|Diagnostic-Code:|Final-Recipient:|MAILER-DAEMON|postmaster@|returned to sender|Delivery has failed|delivery failed/i;

export function forwardedIn(text: string, lang: ForwardLanguage): string {
  const f = FORWARD_LANGUAGES[lang];
  const notice = NOTICE_WORDS.test(text);
  const block = f.block.map((l) =>
    l
      .replace(/\{FROM:(\w+)\}/, (_m, tld: string) =>
        notice ? `Mail Delivery System <MAILER-DAEMON@mx.example.${tld}>` : `Anna Schmidt <anna.schmidt@example.${tld}>`,
      )
      .replace(/\{SUBJ:([^|]*)\|([^}]*)\}/, (_m, bounce: string, colleague: string) => (notice ? bounce : colleague)),
  );
  return [f.prose, '', ...block, '', ...linesOf(text)].join('\n');
}

/** Windows line ends (a paste from Notepad, a .txt from a Windows share). */
export function crlf(text: string): string {
  return linesOf(text).join('\r\n');
}

/**
 * Tabs for spaces, as a copy out of a table, a terminal or Outlook gives: indentation and every
 * run of two or more spaces become one tab, and the space after a field's colon ("Status: 5.1.1")
 * a tab (Thunderbird's forward block, Exchange's tables).
 */
export function tabsForSpaces(text: string): string {
  return linesOf(text)
    .map((l) =>
      l
        .replace(/^ +/, '\t')
        .replace(/ {2,}/g, '\t')
        .replace(/^([A-Za-z][\w-]{0,40}:) (?=\S)/, '$1\t'),
    )
    .join('\n');
}

/** Trailing blanks on every text line (a copy from a terminal or a fixed-width view). */
export function trailingWhitespace(text: string): string {
  return linesOf(text)
    .map((l, i) => (l ? l + (i % 2 ? '   ' : ' \t') : l))
    .join('\n');
}

/** The poster's question before the paste and their signature after it. */
export function withProseAndSignature(text: string): string {
  return [
    'Hi, my mail bounces with this and I have no idea why. Any help appreciated!',
    '',
    ...linesOf(text).filter((l, i, a) => i < a.length - 1 || l),
    '',
    'Thanks in advance,',
    'Tom',
    '',
    '-- ',
    'Tom Becker | IT Services',
    'Becker & Sons GmbH, Hauptstr. 12, 12345 Musterstadt',
    'Tel. +49 30 1234567 | https://www.becker-sons.example',
  ].join('\n');
}

/**
 * A reply's quoting as a mail client that re-wraps what it quotes writes it: each line broken at
 * 72 columns with its "> " mark counted (Thunderbird's and Outlook's plain-text replies, mutt's
 * reformatting; RFC 3676 §4.5 for the mark), every piece quoted again.
 */
export function quoteWrapped(text: string, width = 72): string {
  return quote(rewrap(text, width - 2), 1);
}

/**
 * A Markdown code block as GitHub and Stack Overflow posts have it (CommonMark §4.5 fenced code
 * blocks): the paste between two "```" lines, the opening one with a language tag or none
 * ("```text", "```console", "```log", "```shell" are the tags people write for logs).
 */
export function codeFence(text: string): string {
  const tag = ['', 'text', '', 'console', 'log', 'shell'][pick(text, 6)];
  const lines = linesOf(text);
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return ['```' + tag, ...lines, '```'].join('\n');
}

/**
 * Straight quotes and dashes turned typographic, as a word processor's AutoFormat (Word, LibreOffice,
 * Google Docs) and some forums (Discourse, WordPress's wptexturize) do: a double quote after a
 * space or an opening bracket opens (“), else closes (”); a single quote likewise (‘ ’), an
 * apostrophe between letters is ’; " -- " between words becomes an en dash (" – "), "--" inside a
 * word an em dash.
 */
export function smartQuotes(text: string): string {
  return linesOf(text)
    .map((l) =>
      l
        .replace(/(^|[\s([{<])"/g, '$1\u201C')
        .replace(/"/g, '\u201D')
        .replace(/(^|[\s([{<])'/g, '$1\u2018')
        .replace(/'/g, '\u2019')
        .replace(/(?<=\S) -- (?=\S)/g, ' \u2013 ')
        .replace(/(?<=\w)--(?=\w)/g, '\u2014'),
    )
    .join('\n');
}

/**
 * The line numbers a web code viewer's gutter adds when its text is copied with them (a pastebin,
 * GitLab's and Gitea's raw views, a CI log page): "1 ", "2 " or "1: " before each line, counted from 1.
 */
export function lineNumbers(text: string): string {
  const lines = linesOf(text);
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  const colon = pick(text, 2) === 1;
  return lines.map((l, i) => (colon ? `${i + 1}: ${l}` : `${i + 1} ${l}`)).join('\n');
}

/**
 * The blank lines gone, as a copy out of a rendered page gives them when its blocks are <div>s or table rows
 * (a webmail's message view, a ticket system's page): the HTML Standard's innerText puts one line break
 * between block-level boxes and two only around a <p> ("required line break count"), so the paragraphs of a
 * notice shown in such blocks come out without the blank lines between them.
 */
export function withoutBlankLines(text: string): string {
  // (the text's own end stays: a paste's last line break is no blank line between blocks)
  const lines = linesOf(text);
  return lines.filter((l, i) => l.trim() || i === lines.length - 1).join('\n');
}

export interface Variant {
  name: string;
  /** What it does, for the figure's line. */
  apply: (text: string, keep: string[]) => string;
}

/** Every transformation of the metamorphic run, by name (the names the checked-in pair list uses). */
export const VARIANTS: Variant[] = [
  { name: 'quote', apply: (t) => quote(t, 1) },
  { name: 'quote2', apply: (t) => quote(t, 2) },
  { name: 'wrap72', apply: (t) => rewrap(t, 72) },
  { name: 'wrap78', apply: (t) => rewrap(t, 78) },
  { name: 'wrap64', apply: (t) => rewrap(t, 64) },
  { name: 'wrap100', apply: (t) => rewrap(t, 100) },
  { name: 'quote-wrap72', apply: (t) => quoteWrapped(t, 72) },
  { name: 'code-fence', apply: (t) => codeFence(t) },
  { name: 'json-log', apply: (t) => inJsonLog(t) },
  { name: 'shell', apply: (t) => shellEscape(t) },
  { name: 'html', apply: (t) => htmlEscape(t) },
  { name: 'html-lines', apply: (t) => htmlEscapeLines(t) },
  { name: 'redact-hosts', apply: (t, keep) => redactHosts(t, 'redacted', keep) },
  { name: 'redact-hosts-xxx', apply: (t, keep) => redactHosts(t, 'xxx', keep) },
  { name: 'redact-hosts-stars', apply: (t, keep) => redactHosts(t, 'stars', keep) },
  { name: 'redact-hosts-example', apply: (t, keep) => redactHosts(t, 'example', keep) },
  { name: 'redact-ips', apply: (t, keep) => redactIps(t, 'xxx', keep) },
  { name: 'redact-ips-redacted', apply: (t, keep) => redactIps(t, 'redacted', keep) },
  { name: 'redact-ips-stars', apply: (t, keep) => redactIps(t, 'stars', keep) },
  { name: 'strip-syslog', apply: (t) => stripSyslogPrefix(t) },
  ...(Object.keys(FORWARD_LANGUAGES) as ForwardLanguage[]).map((lang) => ({
    name: `forward-${lang}`,
    apply: (t: string) => forwardedIn(t, lang),
  })),
  { name: 'crlf', apply: (t) => crlf(t) },
  { name: 'tabs', apply: (t) => tabsForSpaces(t) },
  { name: 'trailing-ws', apply: (t) => trailingWhitespace(t) },
  { name: 'prose-signature', apply: (t) => withProseAndSignature(t) },
  { name: 'smart-quotes', apply: (t) => smartQuotes(t) },
  { name: 'line-numbers', apply: (t) => lineNumbers(t) },
  { name: 'no-blank-lines', apply: (t) => withoutBlankLines(t) },
];
