// One line of comma-separated values (RFC 4180 §2: a field in double quotes
// may hold commas, and "" inside it is one quote). Exchange's message tracking
// and protocol logs and Get-MessageTrace exports are CSV; the reader and the
// large-log summariser split their lines here. Written by hand: one line at a
// time with no quoted line breaks (Exchange writes none) is twenty lines, less
// than a CSV library's line-at-a-time interface would take to drive.

/** The fields of one CSV line. */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
