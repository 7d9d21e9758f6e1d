// Tokens found by one pass over the text, in time linear in
// the input. A regular expression of repeated labels such as
// /\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b/g is tried again from every word boundary
// and backtracks over the rest of the run each time: quadratic on a long run
// of "1.1.1.…" or "a-a-a-…". Here each character is looked at a bounded
// number of times.

/**
 * Domain-looking tokens: labels of letters, digits and hyphens joined by
 * single dots, at least two, the last starting with two or more letters (a
 * top-level domain), as in "blocked using zen.spamhaus.org".
 */
export function domainLikeTokens(text: string): string[] {
  const out: string[] = [];
  // a run of the characters a domain is made of: each character is in one run
  for (const run of text.match(/[A-Za-z0-9.-]+/g) ?? []) {
    let seq: string[] = [];
    const flush = () => {
      // the longest prefix of the labels whose last label starts with a top-level domain's letters
      while (seq.length >= 2) {
        const tld = /^[A-Za-z]{2,}/.exec(seq[seq.length - 1]);
        if (tld) {
          const first = seq[0].replace(/^-+/, '');
          if (first) out.push([first, ...seq.slice(1, -1), tld[0]].join('.'));
          break;
        }
        seq.pop();
      }
      seq = [];
    };
    for (const label of run.split('.')) {
      if (label === '') flush();
      else seq.push(label);
    }
    flush();
  }
  return out;
}
