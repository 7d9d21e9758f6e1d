// The shape of verdict-header knowledge: what a spam filter's header says,
// field by field and value by value, each with its source. The reader
// (core/mail/verdicts.ts) is code; these are facts.

import type { VerdictLevel } from '../../types';

export interface VerdictValue {
  /** An exact value (case-insensitive), or an inclusive numeric range. */
  match: string | { min: number; max: number };
  meaning: string;
  level?: VerdictLevel;
  /** What the sender (or the receiving admin) can do about it. */
  advice?: string;
}

export interface VerdictField {
  /** The key as the header writes it ("SCL", "SFV"); for single-value headers, "value". */
  key: string;
  /** A short name: "Spam confidence level". */
  name: string;
  meaning: string;
  values?: VerdictValue[];
  /** The value is a list (SpamAssassin tests=, Microsoft CAT can hold one). */
  list?: boolean;
}

export interface VerdictHeaderKnowledge {
  id: string;
  /** Lowercased header name. */
  header: string;
  /** Who writes it. */
  filter: string;
  /**
   * How the value is laid out:
   * - `pairs`: "KEY:value;KEY:value" (Microsoft);
   * - `single`: one value (X-MS-Exchange-Organization-SCL: 5);
   * - `spamassassin-status`: "Yes, score=7.2 required=5.0 tests=A,B autolearn=no version=3.4.6";
   * - `spamassassin-report`: one "pts rule description" line per rule;
   * - `rspamd-result`: "default: False [3.20 / 15.00]; SYMBOL(score)[options]; …".
   */
  format: 'pairs' | 'single' | 'spamassassin-status' | 'spamassassin-report' | 'rspamd-result';
  meaning: string;
  fields: VerdictField[];
  sources: string[];
}
