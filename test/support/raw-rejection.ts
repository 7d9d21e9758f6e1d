// A parser's refusal as tests write it: code, enhanced code, stage and text,
// on line 1 with no IP unless `extra` says otherwise.
import type { RawRejection } from '../../src/core/parse/parser';

export const raw = (
  code: number | null,
  enhanced: string | null,
  stage: RawRejection['stage'],
  text: string,
  extra: Partial<RawRejection> = {},
): RawRejection => ({ code, enhanced, stage, text, ip: null, line: 1, ...extra });
