// A shape check for the report's `message` field, for reports that come from
// outside (a shared "findings" permalink): the page renders it only if every
// object and list it reads is there, so a tampered link cannot crash it.

import type { MessageReport } from '../types';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isArr = (x: unknown): x is unknown[] => Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const optObj = (x: unknown) => x === null || x === undefined || isObj(x);

function summaryField(x: unknown): boolean {
  return x === null || (isObj(x) && isStr(x.value) && isStr(x.raw) && isNum(x.line));
}

function authResults(x: unknown): boolean {
  return (
    isObj(x) &&
    isStr(x.authservId) &&
    isArr(x.unparsed) &&
    isArr(x.results) &&
    x.results.every((r) => isObj(r) && isStr(r.method) && isStr(r.result) && isArr(r.properties) && isArr(r.extras))
  );
}

export function validMessageReport(x: unknown): x is MessageReport {
  if (!isObj(x) || !isObj(x.summary)) return false;
  const s = x.summary;
  if (!['subject', 'from', 'sender', 'replyTo', 'to', 'cc', 'date', 'messageId', 'returnPath'].every((k) => summaryField(s[k])))
    return false;
  if (!optObj(x.origin) || !optObj(x.mailFrom) || !optObj(x.transit) || !optObj(x.mime)) return false;
  if (isObj(x.mime) && !isArr(x.mime.attachments)) return false;
  if (!isArr(x.authResults) || !x.authResults.every(authResults)) return false;
  if (!isArr(x.receivedSpf) || !x.receivedSpf.every(isObj)) return false;
  if (!isObj(x.arc) || !isArr(x.arc.instances) || !isArr(x.arc.problems)) return false;
  if (
    !x.arc.instances.every(
      (i) =>
        isObj(i) &&
        optObj(i.seal) &&
        optObj(i.signature) &&
        (i.results == null || (isObj(i.results) && authResults(i.results.authResults))),
    )
  )
    return false;
  if (!isArr(x.dkimSignatures) || !x.dkimSignatures.every((d) => isObj(d) && isArr(d.tags) && isArr(d.problems))) return false;
  if (
    !isArr(x.verdicts) ||
    !x.verdicts.every(
      (v) => isObj(v) && isArr(v.items) && isArr(v.sources) && v.items.every((i) => isObj(i) && (i.list === undefined || isArr(i.list))),
    )
  )
    return false;
  if (!isArr(x.headers) || !x.headers.every((h) => isObj(h) && isStr(h.name))) return false;
  return true;
}
