// The frame a web page puts around a paste:
//
// - a code viewer's gutter of line numbers, copied with the text: a pastebin's, GitLab's and Gitea's
//   views, a CI job's log page ("1 Dec  3 10:00:01 mx postfix/…", "2 …", or "1: …"). Every line
//   carries the next number, counted by one; the mail system wrote none of them. Taken off line for
//   line (the count of lines kept, so that evidence line numbers stay the paste's own);
// - the fences of a Markdown code block (CommonMark §4.5: a line of three or more backticks or
//   tildes, the opening one with an info string such as "text" or "console"), as GitHub issues and
//   Stack Overflow posts hold logs and bounces. The readers know them where they meet them (the
//   readable view, the log readers' noise, a header section's end); blanking them before every
//   reader cost more than it mended (a paste fenced whole read worse), so they stay.

/** A gutter's number before a line: padded or not, then a space, a tab or ": " (or the line's end, for an empty line). */
const NUMBERED = /^ {0,6}(\d{1,6})(:?)(?:[ \t]|$)/;

/** Fewest lines a gutter must number to be one whatever they hold (one or two numbered lines can be anything). */
const MIN_NUMBERED = 3;

/**
 * The lines without a gutter of line numbers, or null when they have none: every line (blank lines at
 * the end aside) opens with a number one more than the line before's, all with the same separator.
 * `sure` when three lines or more are numbered so; one or two lines numbered from 1 may be a gutter's
 * or the text's own ("1 message could not be delivered"): the caller reads them both ways.
 */
export function withoutLineNumbers(lines: string[]): { lines: string[]; sure: boolean } | null {
  let end = lines.length;
  while (end > 0 && !lines[end - 1].trim()) end--;
  if (!end) return null;
  let sep: string | null = null;
  let prev = -1;
  const out = lines.slice();
  for (let i = 0; i < end; i++) {
    const m = NUMBERED.exec(lines[i]);
    if (!m) return null;
    const n = Number(m[1]);
    if (prev >= 0 ? n !== prev + 1 : end < MIN_NUMBERED && n !== 1) return null;
    if (sep !== null && m[2] !== sep) return null;
    sep = m[2];
    prev = n;
    out[i] = lines[i].slice(m[0].length);
  }
  return { lines: out, sure: end >= MIN_NUMBERED };
}

/** A code fence line: three or more backticks or tildes, an info string of one word or none. */
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})[\w+.#-]{0,30}\s*$/;

/** Whether a line is a Markdown code block's fence (CommonMark §4.5). */
export function isCodeFence(line: string): boolean {
  return FENCE.test(line);
}
