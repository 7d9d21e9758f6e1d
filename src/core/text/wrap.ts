// Whether a line was soft-wrapped onto the next (issue 11 point 1): a mail
// client or a forum that sends text as fixed lines breaks a long line at the
// last space before its width (Thunderbird's mailnews.wraplength 72, Outlook's
// 76, RFC 5322 §2.1.1's 78; RFC 3676 §4.2 for format=flowed). So a wrapped line
// is one the next line's first word would not have fitted on: its length, a
// space and that word pass the narrowest common width, 72. A long line (60 or
// more) counts too, as before: a client may also break inside a word.

/** The narrowest width mail clients and forums wrap at. */
export const WRAP_WIDTH = 72;
/** A line this long may have been broken by a client wherever. */
export const WRAP_LONG = 60;
/** Shorter than this, a line is its own, whatever follows (a heading, a label). */
const WRAP_SHORTEST = 24;

export function softWrapped(line: string, next: string): boolean {
  const len = line.trimEnd().length;
  if (len >= WRAP_LONG) return true;
  if (len < WRAP_SHORTEST) return false;
  const word = /^\s*(\S+)/.exec(next)?.[1] ?? '';
  return len + 1 + word.length > WRAP_WIDTH;
}

// ---- a paste wrapped whole ----
//
// A paste that went through a mail client or a forum as fixed lines was wrapped whole: every line
// longer than the client's width broke at the last space before it, and the continuation carries
// no mark (no indentation, no quote: the client does not know the text's structure). Its width
// shows in the paste itself: no line that could have been broken is longer than it, and the
// lines it broke end where the next line's first word would not have fitted. Undoing that gives
// back the lines the mail system wrote, for every reader at once (a log line whose continuation
// would be read as a line of its own, a reply whose words a break cut apart, a stack frame whose
// "(file:line)" went to the next line).

/** The widths clients and forums wrap at lie between these (RFC 5322 §2.1.1's 78, Thunderbird's 72, Outlook's 76, 64 and 100 of some web forms). */
const NARROWEST_WRAP = 60;
const WIDEST_WRAP = 100;

/**
 * The width a paste was wrapped at, or null when it shows none: the narrowest width between 60 and
 * 100 that every line respects — a longer line holds no space where it could have been broken
 * (a client keeps a word longer than the line whole) — and that some line reaches. When no line
 * reaches it (every break came before a word longer than the line, as a stack frame's
 * "(C:\…\smtp-connection.js:528:15)"), only the widest width is sure: 100 — unless the breaks show
 * that narrowest width (breaksShowWidth: lines that end just short of it before a longer word).
 */
export function wrapWidth(lines: string[]): number | null {
  for (let w = NARROWEST_WRAP; w <= WIDEST_WRAP; w++) {
    let reached = false;
    let fits = true;
    for (const raw of lines) {
      const l = raw.trimEnd();
      if (l.length === w) reached = true;
      if (l.length > w && l.lastIndexOf(' ', w) > 0) {
        fits = false;
        break;
      }
    }
    if (fits) return reached || breaksShowWidth(lines, w) ? w : WIDEST_WRAP;
  }
  return null;
}

/** How far below its width a wrapped line may end (the next word did not fit: a word's length). */
const NEAR_WIDTH = 12;

/**
 * Whether the breaks show a paste wrapped at `atLeast` (the narrowest width every line respects) when no
 * line reaches it — a client at 64 columns whose lines end at 59 before a long word: some line ends near
 * that limit (within NEAR_WIDTH) and its next line's first word would not have fitted on it, and no such
 * line's length, a space and that word fit within `atLeast` (then it was no break, and the paste no
 * wrap at that width). Lines the next one cannot continue (a record of its own) and sentences that end
 * where the next begins are no breaks. The width is then the narrowest one the breaks allow: every
 * width up to the smallest break is consistent, and the narrowest undoes the most breaks.
 */
function breaksShowWidth(lines: string[], atLeast: number): boolean {
  let smallest = Infinity;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i].trimEnd();
    const next = lines[i + 1];
    if (l.length < atLeast - NEAR_WIDTH || !next.trim() || ownRecord(l, next)) continue;
    if (/[.!?]$/.test(l) && /^\p{Lu}/u.test(next)) continue;
    smallest = Math.min(smallest, l.length + firstWord(next).length);
  }
  return Number.isFinite(smallest) && smallest >= atLeast && smallest <= WIDEST_WRAP;
}

/**
 * A line that starts a record of its own, never a wrapped line's continuation: indented, a
 * timestamp (syslog, ISO, a bracketed one), a header or DSN field ("Status: 5.1.1"), a reply
 * line ("550-5.7.1 …", RFC 5321 §4.2) or an enhanced code opening one (smtplib), a quote mark, a
 * list item, a code fence, a MIME boundary.
 */
const OWN_RECORD =
  /^(?:\s|\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?[A-Z][a-z]{2}\s{1,2}\d{1,2} \d{2}:\d{2}:\d{2}|[245]\d\d(?:[ -]|$)|[245]\.\d{1,3}\.\d{1,3}\s|>|[-*•]\s|\d{1,3}[.)]\s|`{3}|~{3}|--\S)/;

/** A header or DSN field opening a line ("Status: 5.1.1", "Diagnostic-Code: smtp; …"). */
const FIELD_START = /^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*:\s/;

/**
 * Fields written inline, one after another behind commas ("…, Conta: 'Teste', Servidor: 'smtp…', Protocolo:
 * SMTP, Resposta do Servidor: '553 …'"): Outlook's and Outlook Express's error boxes list the account, the
 * server, the protocol and the server's response so, in every language. A header block or a DSN writes one
 * field a line and never so.
 */
const INLINE_FIELDS = /, \p{Lu}[\p{L}-]*(?: \(?\p{L}[\p{L}()-]*){0,3}: \S/u;

/**
 * Whether a line opens a record of its own after `prev`: OWN_RECORD, or a field opening it — unless the line
 * before lists its fields inline (INLINE_FIELDS): then a client's break inside that list put a field (a
 * Spanish "Servidor: …") at the line start, and it continues the line before.
 */
function ownRecord(prev: string, l: string, next?: string): boolean {
  return OWN_RECORD.test(l) || (FIELD_START.test(l) && !INLINE_FIELDS.test(prev) && !loneLabel(prev, l, next));
}

/**
 * The names of a message's common header fields (RFC 5322 §3.6, RFC 2045, RFC 8601, RFC 7208) and of a
 * delivery status report's (RFC 3464 §2.2–2.3): a line that opens with one is a field wherever it stands.
 * (Only the names a line can open with: text/ sits below knowledge/ and mail/, whose tables of these fields
 * — knowledge/header-fields.ts, mail/header-block.ts — it cannot import.)
 */
const MAIL_OR_DSN_FIELD =
  /^(?:Received|From|To|Cc|Bcc|Subject|Date|Message-ID|Return-Path|Reply-To|Sender|MIME-Version|Content-Type|Content-Transfer-Encoding|DKIM-Signature|Authentication-Results|Received-SPF|In-Reply-To|References|X-Mailer|Delivered-To|Final-Recipient|Original-Recipient|Reporting-MTA|Received-From-MTA|Action|Status|Diagnostic-Code|Remote-MTA|Arrival-Date|Last-Attempt-Date|Will-Retry-Until|X-Postfix-Queue-ID|X-Postfix-Sender):/i;

/**
 * A "Word: …" line between two lines of prose, none of them a field: a header block or a DSN writes its
 * fields one after another, so a label alone there is a word a client's break put at the line start
 * (a wrapped application error's "…: Error: Can't send mail", "… is in an 550 / RBL: https://…"). Only
 * where the paste also shows the break (the caller's width test: the line before was full).
 */
function loneLabel(prev: string, l: string, next: string | undefined): boolean {
  if (!prev.trim() || FIELD_START.test(prev) || /^\s/.test(prev)) return false;
  // (a header's or a DSN's own field name stays a field: "Status: 5.1.1" under a notice's words)
  if (MAIL_OR_DSN_FIELD.test(l)) return false;
  if (next !== undefined && (FIELD_START.test(next) || /^\s+\S/.test(next))) return false;
  // (a label that names a reply or a program's record, "Error: 550 …", stays a record: the reply finders read it so)
  return !/^[A-Za-z-]+:\s+[245]\d\d\b/.test(l);
}

/** The first word of a line (what a client would have had to fit on the line before). */
const firstWord = (l: string) => /^(\S*)/.exec(l)![1];

/** A first word's shape: its digits (a hex number's digits and letters: "@4000…" stamps, queue ids) all alike. */
const shape = (w: string) => (/^[^\w]*[0-9a-f]+[^\w]*$/i.test(w) && /\d/.test(w) ? w.replace(/[0-9a-f]/gi, '0') : w.replace(/\d/g, '0'));

/** Two lines open alike: the same first word (of four characters or more), digits aside. */
function sameOpening(a: string, b: string): boolean {
  const wa = shape(firstWord(a));
  return wa.length >= 4 && wa === shape(firstWord(b));
}

export interface Unwrapped {
  lines: string[];
  /** For each line, the 1-based input line it starts on. */
  origin: number[];
  /** How many breaks were undone. */
  joined: number;
}

/**
 * The paste with a client's soft wraps undone (each broken line joined again, with one space), or
 * null when it shows no width (wrapWidth) or no break to undo. A paste that opens with a header
 * block keeps that block as it is (a message's folding is RFC 5322's, read by the message reader).
 * A reply's quote that was wrapped again (a wrapped paste quoted, "> " added, and wrapped once more:
 * "> a1" / "a2" / "> b1" / "b2") is undone twice: first the outer breaks, then, inside each run of
 * lines behind the same quote marks, the breaks of the text they quote, at that text's own width.
 */
export function unwrapSoftBreaks(input: string[]): Unwrapped | null {
  let from = 0;
  if (input.slice(0, 3).filter((l) => /^[A-Za-z][\w-]*:\s/.test(l)).length === 3) {
    while (from < input.length && input[from].trim()) from++;
    // (unless a line of the block is neither a field nor a fold (RFC 5322 §2.2.3: a fold starts with white
    // space): no mail system writes that, a client's wrap does — a DSN block pasted at 72 columns, its
    // Diagnostic-Code broken onto lines of their own; the block is then unwrapped like the rest)
    if (input.slice(0, from).some((l) => !/^[A-Za-z][\w-]*:/.test(l) && !/^\s/.test(l))) from = 0;
  }
  const width = wrapWidth(input);
  const outer = width === null ? null : joinBreaks(input, width, from);
  const once = outer ?? { lines: input, origin: input.map((_l, i) => i + 1), joined: 0 };
  const inner = joinQuoted(once.lines, from);
  if (!inner) return outer?.joined ? outer : null;
  return { lines: inner.lines, origin: inner.origin.map((o) => once.origin[o - 1]), joined: once.joined + inner.joined };
}

/** A reply's quote marks ("> ", "> > ", ">>"), as a client writes them before each quoted line. */
const QUOTED = /^(?:> ?)+/;

/** The breaks inside runs of lines behind the same quote marks, at the width of the quoted text. */
function joinQuoted(input: string[], from: number): Unwrapped | null {
  const marks = input.map((l, i) => (i >= from ? (QUOTED.exec(l)?.[0] ?? null) : null));
  const texts = input.flatMap((l, i) => (marks[i] === null ? [] : [l.slice(marks[i]!.length)]));
  if (texts.length < 2) return null;
  const width = wrapWidth(texts);
  if (width === null) return null;
  const lines: string[] = [];
  const origin: number[] = [];
  let joined = 0;
  for (let i = 0; i < input.length;) {
    const m = marks[i];
    if (m === null) {
      lines.push(input[i]);
      origin.push(i + 1);
      i++;
      continue;
    }
    let j = i;
    while (j < input.length && marks[j] === m) j++;
    const run = joinBreaks(
      input.slice(i, j).map((l) => l.slice(m.length)),
      width,
      0,
    );
    run.lines.forEach((l, k) => {
      lines.push(m + l);
      origin.push(i + run.origin[k]);
    });
    joined += run.joined;
    i = j;
  }
  return joined ? { lines, origin, joined } : null;
}

/** The breaks of lines wrapped at `width` joined (from line `from` on): see unwrapSoftBreaks. */
function joinBreaks(input: string[], width: number, from: number): Unwrapped {
  const lines: string[] = input.slice(0, from);
  const origin: number[] = lines.map((_l, i) => i + 1);
  let joined = 0;
  let record = '';
  for (let i = from; i < input.length; i++) {
    const prev = i > from ? input[i - 1].trimEnd() : '';
    const l = input[i];
    // (a line that ends with its program's tag, "postfix/smtpd[17756]:", has its message on the next one,
    // whatever that looks like: "NOQUEUE: reject: …" is no header field there — unless the next one is
    // quoted: a reply's quote marks are the client's, and joinQuoted reads the quoted lines)
    const own =
      (ownRecord(prev, l, input[i + 1]) && !(/\]:$/.test(prev) && /^[^\s>]/.test(l))) ||
      // a line that opens the way the record before it opened is the next record ("@4000…" qmail's
      // TAI64N stamps, "R=dnslookup …" lines, a list of like sentences): digits may differ
      sameOpening(record, l) ||
      // a sentence that ends where the next begins: the writer's own line break, or one no word runs across
      (/[.!?]$/.test(prev) && /^\p{Lu}/u.test(l));
    if (prev && l.trim() && !own && prev.length + 1 + firstWord(l).length > width) {
      lines[lines.length - 1] = lines[lines.length - 1].trimEnd() + ' ' + l.trim();
      joined++;
      continue;
    }
    lines.push(l);
    origin.push(i + 1);
    record = l;
  }
  return { lines, origin, joined };
}
