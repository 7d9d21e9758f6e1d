// The page's words for the engine's values: statuses, and (issue 15) input
// kinds and refusal reasons, in a person's words first; the engine's own
// names (rule ids, sisimai reasons) are shown small beside them.

import type { StepStatus } from './types';

export const STATUS_WORDS: Record<StepStatus, string> = {
  fail: 'Fail',
  warn: 'Warning',
  pass: 'Pass',
  info: 'Info',
  inconclusive: 'Not checked',
  pending: 'Checking…',
};
