// Splitting input into lines. Every parser works on the same numbered lines,
// so that evidence line numbers agree across parsers and with the user's editor.

/** Lines of the input, without their terminators (CRLF, LF or a lone CR). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  // a final terminator does not start another line
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
