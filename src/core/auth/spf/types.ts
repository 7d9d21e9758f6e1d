// The vocabulary of SPF evaluation (RFC 7208). Plain data: it crosses the
// worker boundary and is shown in the UI (the include tree, the matched term).

/** RFC 7208 §2.6: the seven results of check_host(). */
export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

/** RFC 7208 §4.6.2: the qualifier of a mechanism. */
export type Qualifier = '+' | '-' | '~' | '?';

export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface Mechanism {
  kind: 'mechanism';
  /** The term as written in the record. */
  text: string;
  qualifier: Qualifier;
  name: MechanismName;
  /** The domain-spec (include, a, mx, ptr, exists) as written, unexpanded. */
  domainSpec: string | null;
  /** ip4/ip6: the network address. */
  network: string | null;
  /** CIDR prefix lengths (a, mx, ip4, ip6). */
  cidr4: number | null;
  cidr6: number | null;
}

export interface Modifier {
  kind: 'modifier';
  text: string;
  /** Lowercased name: redirect, exp, or an unknown modifier (ignored, §6). */
  name: string;
  value: string;
}

export type Term = Mechanism | Modifier;

/** A parsed SPF record, or why it is a permerror. */
export interface ParsedRecord {
  terms: Term[];
  mechanisms: Mechanism[];
  redirect: Modifier | null;
  exp: Modifier | null;
  /** Syntax error (RFC 7208 §4.6: any syntax error anywhere → permerror). */
  error: string | null;
}

/** What one term did during evaluation. */
export interface TermTrace {
  term: string;
  /** match: it decided the result; nomatch: evaluation went on; error: it ended evaluation with perm/temperror; skipped: never reached. */
  outcome: 'match' | 'nomatch' | 'error' | 'skipped';
  /** The names it asked about (expanded), for the tree view. */
  target?: string;
  /** Why it did or did not match, in words. */
  note?: string;
  /** include / redirect: the evaluation of the other domain. */
  child?: SpfNode;
}

/** One check_host() call: a domain, its record and what each term did. */
export interface SpfNode {
  domain: string;
  record: string | null;
  result: SpfResult;
  terms: TermTrace[];
  /** Why the node ended in none / permerror / temperror. */
  error?: string;
}

export interface SpfEvaluation {
  ip: string;
  /** The domain checked: the MAIL FROM domain, or the HELO name for a null sender. */
  domain: string;
  sender: string;
  helo: string | null;
  result: SpfResult;
  /** The term that decided the result and the domain whose record holds it. */
  matched: { domain: string; term: string } | null;
  /** DNS-querying terms evaluated (limit 10, RFC 7208 §4.6.4). */
  lookups: number;
  /** Lookups that returned no records (limit 2, RFC 7208 §4.6.4). */
  voidLookups: number;
  tree: SpfNode;
  /** The domain's own explanation (exp=, RFC 7208 §6.2) for a fail. */
  explanation: string | null;
  /** Why the result is permerror / temperror / none. */
  error: string | null;
}
