// Typographic quotes folded to ASCII for reading words. A reply copied from a web page, a
// forum or a word processor often has its apostrophes "smartened" (domain’s, don’t), and a
// receiver's own text read against a table of its words ("domain's DMARC policy") must still
// match. Only for matching: the text quoted back to the reader stays as pasted.

const SINGLE = /[\u2018\u2019\u201A\u201B\u02BC\u2032\u00B4\u0060]/g;
const DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** The text with typographic single and double quotes (and primes, acute accents used as apostrophes) as ASCII ' and ". */
export function plainQuotes(text: string): string {
  return text.replace(SINGLE, "'").replace(DOUBLE, '"');
}
