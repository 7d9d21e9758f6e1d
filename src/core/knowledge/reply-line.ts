// What tells an SMTP reply line pasted alone ("550 Subject contains invalid characters") from other
// text that opens with a three-digit number: an HTTP status line, a count ("450 people came"), a
// size or a duration ("500 MB limit"). Facts as data; the test that reads them is parse/bounce/detect.ts.

/**
 * HTTP's reason phrases (RFC 9110 §15, RFC 6585 §4–5 for 429 and 431): their numbers are SMTP's too
 * (421, 451, 500–504), and "500 Internal Server Error" or "503 Service Unavailable" pasted alone is a
 * web server's answer, never a mail server's (RFC 5321 §4.2.2 words its replies otherwise).
 */
export const HTTP_REASON_PHRASES: readonly string[] = [
  'Bad Request',
  'Unauthorized',
  'Payment Required',
  'Forbidden',
  'Not Found',
  'Method Not Allowed',
  'Not Acceptable',
  'Proxy Authentication Required',
  'Request Timeout',
  'Conflict',
  'Gone',
  'Length Required',
  'Precondition Failed',
  'Content Too Large',
  'Payload Too Large',
  'Request Entity Too Large',
  'URI Too Long',
  'Unsupported Media Type',
  'Range Not Satisfiable',
  'Expectation Failed',
  'Misdirected Request',
  'Unprocessable Content',
  'Unprocessable Entity',
  'Upgrade Required',
  'Too Many Requests',
  'Request Header Fields Too Large',
  'Unavailable For Legal Reasons',
  'Internal Server Error',
  'Not Implemented',
  'Bad Gateway',
  'Service Unavailable',
  'Service Temporarily Unavailable',
  'Gateway Timeout',
  'Gateway Time-out',
  'HTTP Version Not Supported',
];

/** Marks of an HTTP exchange around the number (a status line, a request line, a header). */
export const HTTP_CONTEXT = /\bHTTP\/\d(?:\.\d)?\b|^\s*(?:GET|POST|PUT|DELETE|HEAD|PATCH) \/\S*|^\s*(?:Content-Length|Server|Location|Set-Cookie):\s/im;

/**
 * Words a refusal says why with. RFC 5321 §4.2.2–4.2.3 words its 4xx/5xx texts with them ("Requested
 * action not taken", "mailbox unavailable", "aborted", "local error", "not allowed", "exceeded storage",
 * "Transaction failed", "Syntax error", "Bad sequence", "not implemented"), and servers' own texts use
 * the same few ("denied", "rejected", "refused", "invalid", "unknown", "Permission denied"): a reply
 * line pasted alone says one; a count or a headline that opens with a number does not.
 */
export const REFUSAL_WORDS =
  /\b(?:not (?:taken|allowed|permitted|accepted|available|found|exist|implemented|authori[sz]ed|valid|recogni[sz]ed|local)|unavailable|aborted|error|exceed(?:s|ed)?|insufficient|fail(?:s|ed|ure)?|syntax|bad|denied|rejected|refused|refuse|invalid|illegal|unknown|forbidden|blocked|disabled|prohibited|unable|cannot|can'?t|couldn'?t|no such|too (?:many|large|big|long)|full|quota|sorry|try again|temporar(?:y|ily)|must|required|unauthori[sz]ed|unrecogni[sz]ed|violat(?:ion|es|ed)|(?:does ?n[o']?t|don'?t) (?:conform|match|comply|exist))\b/i;

/**
 * A number that counts or measures what follows it ("500 errors today", "450 people", "500 ms", "550 MB"):
 * a lowercase plural noun or a unit right after it. A reply's text opens otherwise (a capital, an address,
 * a path, a host, "sorry", "relay not permitted", "access denied").
 */
export const COUNTED: readonly RegExp[] = [
  // a lowercase plural ("errors", "users"; not "access", "address"): a capital opens a reply's sentence
  /^(?:[a-z]+[^s\W]s|people|men|women|children)\b/,
  /^(?:[mµn]?s|secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|[kmgt]i?b|bytes?|px|percent|times)\b|^%/iu,
];
