// The message conformance rules (headers.*): what receivers mean by "does
// not conform to standards".

import type { Rule } from '../rule';
import { missingDate, missingFrom } from './required';
import { duplicateHeaders } from './duplicate';
import { invalidAddress, missingSender } from './address';
import { invalidDate } from './date';
import { invalidMessageId, missingMessageId } from './message-id';
import { eightBitHeaders } from './eight-bit';
import { lineLength } from './line-length';
import { bareNewline } from './bare-newline';
import { invalidFieldName } from './field-name';
import { missingMimeVersion } from './mime-version';
import { verdictSpam } from './verdict';
import { clockSkew, slowHop } from './transit';

export const HEADER_RULES: Rule[] = [
  missingDate,
  missingFrom,
  duplicateHeaders,
  invalidAddress,
  missingSender,
  invalidDate,
  missingMessageId,
  invalidMessageId,
  eightBitHeaders,
  lineLength,
  bareNewline,
  invalidFieldName,
  missingMimeVersion,
  verdictSpam,
  clockSkew,
  slowHop,
];
