// The sender-authentication part of the report (Report.auth): plain data for
// the page's SPF tree, DKIM verdicts and DMARC outcome, built from the live
// checks by checks/auth-report.ts.

export interface SpfTreeView {
  domain: string;
  record: string | null;
  /** DNS-querying terms of this record and everything under it. */
  lookups: number;
  error?: string;
  /** The term of this record that matched for the sending IP, if any. */
  matched?: string;
  children: { term: string; node: SpfTreeView }[];
}

export interface AuthReport {
  spf: {
    domain: string;
    identity: 'mailfrom' | 'helo';
    ip: string | null;
    /** null when no IP was known to evaluate for. */
    result: string | null;
    matched: { domain: string; term: string } | null;
    lookups: number | null;
    totalLookups: number;
    error: string | null;
    explanation: string | null;
    tree: SpfTreeView;
  } | null;
  dkim: {
    hasBody: boolean;
    exactBytes: boolean;
    signatures: {
      line: number;
      domain: string | null;
      selector: string | null;
      algorithm: string | null;
      canonicalization: string;
      result: string;
      reason: string;
      bodyHash: string;
      headerSignature: string;
      keyType: string | null;
      keyBits: number | null;
      testing: boolean;
      warnings: string[];
    }[];
  } | null;
  dmarc: {
    domain: string;
    fromKnown: boolean;
    policyDomain: string | null;
    record: string | null;
    lookup: string;
    policy: string | null;
    pct: number;
    result: string;
    disposition: string | null;
    spf: { domain: string; result: string; aligned: boolean } | null;
    dkim: { domain: string; result: string; aligned: boolean }[];
  } | null;
}
