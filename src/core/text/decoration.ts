// The marks a program or a post puts in front of a line to show its place, not its words: a tree's
// branches ("└──", "├─", "│   ", "|-- ", "`-- ", "↳"), a list's bullet or number ("•", "▸", "* ", "- ",
// "1. ", "2) "), and a logger's level tag ("[ERROR]", "ERROR:", Android logcat's "E/Tag( 123):", Python
// logging's "ERROR:root:"). nodemailer's old debug output prints each reply under "SERVER 1:" behind a
// "└──" branch; a CLI's error report, a chat client's or a forum's list puts "• " or "1. " before the
// pasted reply. Taken off, the line starts where the program's own text does — a reply's code, a
// command — so that every reader sees it at the start of a line (RFC 5321 §4.2: a reply line starts
// with its code).

/** Box-drawing (U+2500–U+257F) and arrows of trees, bullets, ASCII tree branches, list markers. */
const MARK = String.raw`(?:[\u2500-\u257F\u21B3\u21AA\u2192]+-*|[\u2022\u25E6\u25AA\u25AB\u25B8\u25B9\u25BA\u25CF\u25CB\u25A0\u25A1\u2023\u2043\u00B7\u2219](?=\s)|[|\x60+]--+>?|\\_|[*+\-](?=\s)|\(?\d{1,3}[.)](?=\s))`;

/** A logger's level tag before a message: "[ERROR]", "ERROR:", "E/Mailer( 1234):", "ERROR:root:". */
const LEVEL = String.raw`(?:\[(?:ERROR|ERR|WARN(?:ING)?|INFO|DEBUG|FATAL|SEVERE|CRIT(?:ICAL)?|NOTICE|TRACE|E|W|I)\]|(?:ERROR|WARN(?:ING)?|FATAL|SEVERE|CRITICAL)(?::[\w.$-]{1,60})?:|[EWIDVF]\/[\w.$-]{1,60}\s?(?:\(\s{0,6}\d{1,7}\))?:)`;

/** The whole run of marks (and level tags) that opens a line, with the spaces between them. */
export const LEADING_DECORATION = new RegExp(String.raw`^\s*(?:(?:${MARK}|${LEVEL})\s*)+`, 'u');

/** Only marks (and level tags): the text before a code that is still the start of its line. */
export const ONLY_DECORATION = new RegExp(String.raw`^\s*(?:(?:${MARK}|${LEVEL})\s*)*$`, 'u');

/** The line without the marks in front (unchanged when it has none). */
export function withoutDecoration(line: string): string {
  const m = LEADING_DECORATION.exec(line);
  return m ? line.slice(m[0].length) : line;
}
