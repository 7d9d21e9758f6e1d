// Lines that the reader's OWN server writes when one of its own parts fails — its milter's key,
// its resolver, its DNSBL lookups. Such a line beside a refusal (or alone) says the refusing or
// sending server itself is broken: the step is on that server (mta.local-error or the DNSBL-error
// step), never on the remote client's PTR or a listing. Each entry: the program that logs it, the
// words, the same words pasted without their syslog prefix, and the knowledge entry it names.

export interface OwnServerLog {
  /** The knowledge entry (knowledge/replies) that explains it and names its step. */
  knowledgeId: string;
  /** The program (syslog tag, without path) that writes it. */
  program: RegExp;
  /** The message words, once the syslog prefix is read. */
  words: RegExp;
  /** The whole line pasted without a syslog prefix (the program's own log format, or the message alone). */
  bare: RegExp;
  /** The server's whole resolver fails: every lookup of its clients (PTR, DNSBL) fails with it. */
  resolverDown?: boolean;
  source: string;
}

export const OWN_SERVER_LOGS: readonly OwnServerLog[] = [
  {
    knowledgeId: 'opendkim.key-error',
    program: /^(?:opendkim|dkimpy-milter)$/i,
    words: /\b(?:can't load key from|key data is not secure|error loading key)\b/i,
    bare: /^(?:[0-9A-F]{5,}: |\d+: )?(?:can't load key from \S|key data is not secure: \S|error loading key ')/i,
    source: 'opendkim.c: "can\'t load key from %s", "key data is not secure", "error loading key \'%s\'"',
  },
  {
    // dnsblog(8) logs a failed DNSBL/DNSWL query (dnsblog.c: "lookup error for DNS query %s: %s"):
    // the server's own resolver did not answer postscreen's list question
    knowledgeId: 'postfix.dnsblog-lookup-error',
    program: /^dnsblog$/i,
    words: /\blookup error for DNS query \S/i,
    bare: /^(?:warning: )?dnsblog_query: lookup error for DNS query \S/i,
    source: 'https://github.com/vdukhovni/postfix/blob/master/postfix/src/dnsblog/dnsblog.c (dnsblog_query)',
  },
  {
    // unbound's validator cannot establish the root trust anchor (iterator/val_anchor: "failed to
    // prime trust anchor -- DNSKEY rrset is not secure"): every answer it gives is SERVFAIL, so every
    // lookup the mail server makes through it (PTR, MX, DNSBL) fails
    knowledgeId: 'unbound.trust-anchor-failure',
    program: /^unbound$/i,
    words: /\b(?:failed to prime trust anchor|could not prime trust anchor)\b/i,
    resolverDown: true,
    bare: /^(?:\[\d+\] )?unbound\[\d+:\d+\] \w+: (?:failed|could not) (?:to )?prime trust anchor\b/i,
    source: 'https://github.com/NLnetLabs/unbound/blob/master/validator/validator.c (primeResponseToKE: "failed to prime trust anchor")',
  },
];

/** The own-server failure a line reports, if any: its message (prefix dropped) and its knowledge id. */
export function ownServerLog(raw: string, program: string | null, message: string | null): { message: string; knowledgeId: string } | null {
  const name = program ? (program.split('/').pop() ?? program) : null;
  for (const k of OWN_SERVER_LOGS) {
    if (name !== null && message !== null && k.program.test(name) && k.words.test(message)) return { message, knowledgeId: k.knowledgeId };
    const t = raw.trim();
    if (k.bare.test(t)) return { message: t, knowledgeId: k.knowledgeId };
  }
  return null;
}

/** Knowledge ids of a line saying the server's own resolver is down. */
export const RESOLVER_DOWN: ReadonlySet<string> = new Set(OWN_SERVER_LOGS.filter((k) => k.resolverDown).map((k) => k.knowledgeId));

/**
 * What only the refusing server's own side writes when a client logged in to it: then a refusal in the
 * same paste was that server's answer to its own authenticated user — its restrictions, not the client's
 * reputation, decide (a Postfix relay whose smtpd_client_restrictions end in "reject" without
 * permit_sasl_authenticated before it refuses every logged-in user "Client host rejected: Access denied").
 * A client's own transcript ("235 2.7.0 Authentication successful") is not among them: it is the client's view.
 */
export const CLIENT_LOGGED_IN: readonly { words: RegExp; source: string }[] = [
  {
    // smtpd logs the login on the queue id's first line: "client=host[ip], sasl_method=PLAIN, sasl_username=u"
    words: /\bsasl_method=\w{1,30}, sasl_username=\S/i,
    source: 'Postfix smtpd(8) logging (smtpd.c: "client=%s, sasl_method=%s, sasl_username=%s"); https://www.postfix.org/SASL_README.html',
  },
  {
    // Exim's reception line names the authenticator that accepted the client: "<= a@b H=… A=dovecot_plain:user"
    words: /<= \S{1,254} .{0,300}\bA=\w{1,40}:\S/,
    source: 'Exim spec ch. 52 (Log files: "A=" the authenticator name and id on the reception line)',
  },
  {
    // the poster's own words about their server's log: "SASL authentication succeeded", "SASL login successful"
    words: /\bSASL (?:\w{1,10} )?(?:authentication|auth|login) (?:had )?(?:succeeded|successful|succeeds|was successful|worked)\b/i,
    source: 'https://www.postfix.org/SASL_README.html (the server side of SMTP AUTH)',
  },
];

/** Whether the text shows a client logged in to the server whose log or words it is. */
export function clientLoggedIn(text: string): boolean {
  return CLIENT_LOGGED_IN.some((x) => x.words.test(text));
}
