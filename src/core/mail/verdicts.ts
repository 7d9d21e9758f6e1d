// Reading spam-filter verdict headers with the knowledge in
// knowledge/verdicts: every field and value said in words, with its source.
// A field or value the knowledge does not know is kept and shown as "not
// documented", never dropped.

import type { HeaderField, Verdict, VerdictItem, VerdictLevel, VerdictListItem } from '../types';
import { findSpamAssassinTest, findVerdictHeader, type VerdictField, type VerdictHeaderKnowledge } from '../knowledge/verdicts';

const SEVERITY: VerdictLevel[] = ['clean', 'skipped', 'info', 'bulk', 'spam', 'blocked', 'phish', 'malware'];

export function worstLevel(levels: (VerdictLevel | null | undefined)[]): VerdictLevel | null {
  let worst: VerdictLevel | null = null;
  for (const l of levels) if (l && (worst === null || SEVERITY.indexOf(l) > SEVERITY.indexOf(worst))) worst = l;
  return worst;
}

function describe(field: VerdictField | undefined, key: string, value: string): VerdictItem {
  if (!field) return { key, name: null, value, meaning: null, level: null };
  const v = value.trim();
  const num = Number(v);
  const hit = field.values?.find((x) =>
    typeof x.match === 'string'
      ? x.match.toLowerCase() === v.toLowerCase()
      : v !== '' && Number.isFinite(num) && num >= x.match.min && num <= x.match.max,
  );
  return {
    key,
    name: field.name,
    value,
    meaning: hit
      ? hit.meaning
      : v === ''
        ? `${field.meaning} (empty)`
        : field.values
          ? `${field.meaning} This value is not documented.`
          : field.meaning,
    level: hit?.level ?? null,
    ...(hit?.advice ? { advice: hit.advice } : {}),
  };
}

function fieldOf(k: VerdictHeaderKnowledge, key: string): VerdictField | undefined {
  return k.fields.find((f) => f.key.toLowerCase() === key.toLowerCase());
}

/** "KEY:value;KEY:value" — the value may hold colons (an IPv6 CIP). */
function readPairs(k: VerdictHeaderKnowledge, value: string): VerdictItem[] {
  const items: VerdictItem[] = [];
  for (const part of value.split(';')) {
    const p = part.trim();
    if (!p) continue;
    const colon = p.indexOf(':');
    const key = colon < 0 ? p : p.slice(0, colon).trim();
    const val = colon < 0 ? '' : p.slice(colon + 1).trim();
    items.push(describe(fieldOf(k, key), key, val));
  }
  return items;
}

function testList(names: string[], points?: Map<string, number>): VerdictListItem[] {
  return names.map((name) => {
    const t = findSpamAssassinTest(name);
    return { name, points: points?.get(name) ?? null, meaning: t?.meaning ?? null, ...(t?.rule ? { rule: t.rule } : {}) };
  });
}

/** "Yes, score=7.2 required=5.0 tests=A,B autolearn=no version=3.4.6" (and Barracuda's "SCORE=… using … tests=…"). */
function readStatus(k: VerdictHeaderKnowledge, value: string): VerdictItem[] {
  const v = value.replace(/\s+/g, ' ').trim();
  const m = /^(yes|no)\b,?\s*(.*)$/i.exec(v);
  const items: VerdictItem[] = [];
  if (!m) return [{ key: 'value', name: null, value: v, meaning: null, level: null }];
  items.push(describe(fieldOf(k, 'verdict'), 'verdict', m[1][0].toUpperCase() + m[1].slice(1).toLowerCase()));
  const rest = m[2];
  const testsAt = /\btests=/i.exec(rest);
  let tests: string | null = null;
  let pairsText = rest;
  if (testsAt) {
    const after = rest.slice(testsAt.index + 6);
    const end = /\s[a-z_]+=/i.exec(after);
    tests = (end ? after.slice(0, end.index) : after).trim();
    pairsText = rest.slice(0, testsAt.index) + (end ? after.slice(end.index) : '');
  }
  for (const p of pairsText.matchAll(/(?<![A-Za-z_])([A-Za-z_]+)=(\S*)/g)) {
    const key = p[1].toLowerCase();
    items.push(describe(fieldOf(k, key), key, p[2]));
  }
  if (tests !== null) {
    const names = tests
      .split(/[,\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    items.push({ ...describe(fieldOf(k, 'tests'), 'tests', names.join(', ')), list: testList(names) });
  }
  return items;
}

/** X-Spam-Report: one "pts rule description" line per test (from the folded raw text). */
function readReport(raw: string): VerdictItem[] {
  const lines = raw.replace(/^[^:]*:/, '').split('\n');
  const list: VerdictListItem[] = [];
  for (const l of lines) {
    const m = /^\s*(?:\*\s*)?(-?\d+(?:\.\d+)?)\s+([A-Z][A-Z0-9_]+)\s+(.*)$/.exec(l);
    if (m) {
      const t = findSpamAssassinTest(m[2]);
      list.push({ name: m[2], points: Number(m[1]), meaning: m[3].trim() || (t?.meaning ?? null), ...(t?.rule ? { rule: t.rule } : {}) });
      continue;
    }
    const more = /^\s*\*\s+(\S.*)$/.exec(l);
    if (more && list.length && !/^-?\d/.test(more[1]))
      list[list.length - 1].meaning = `${list[list.length - 1].meaning ?? ''} ${more[1].trim()}`.trim();
  }
  const summary = /\(\s*(-?[\d.]+) points?,\s*([\d.]+) required\)/i.exec(raw.replace(/\s+/g, ' '));
  const items: VerdictItem[] = [];
  if (summary)
    items.push({
      key: 'score',
      name: 'Score',
      value: `${summary[1]} of ${summary[2]} required`,
      meaning: 'Points against the threshold.',
      level: null,
    });
  items.push({
    key: 'tests',
    name: 'Tests',
    value: list.map((x) => x.name).join(', '),
    meaning: 'Each matching test with its points and description.',
    level: null,
    list,
  });
  return items;
}

/** "default: False [3.20 / 15.00]; R_SPF_ALLOW(-0.20)[+ip4:1.2.3.4]; …" */
function readRspamd(k: VerdictHeaderKnowledge, value: string): VerdictItem[] {
  const v = value.replace(/\s+/g, ' ').trim();
  const items: VerdictItem[] = [];
  const head = /^\S+:\s*(True|False)\s*\[\s*(-?[\d.]+)\s*\/\s*(-?[\d.]+)\s*\]/i.exec(v);
  if (head) {
    items.push(describe(fieldOf(k, 'verdict'), 'verdict', head[1][0].toUpperCase() + head[1].slice(1).toLowerCase()));
    items.push({ ...describe(fieldOf(k, 'score'), 'score', `${head[2]} / ${head[3]}`) });
  }
  const list: VerdictListItem[] = [];
  for (const s of v.matchAll(/(?<![A-Z0-9_])([A-Z][A-Z0-9_]+)\((-?[\d.]+)\)(?:\[([^\]]*)\])?/g)) {
    list.push({ name: s[1], points: Number(s[2]), meaning: s[3] ? `options: ${s[3]}` : null });
  }
  items.push({ ...describe(fieldOf(k, 'symbols'), 'symbols', list.map((x) => x.name).join(', ')), list });
  return items;
}

export function readVerdict(f: HeaderField): Verdict | null {
  const k = findVerdictHeader(f.name);
  if (!k) return null;
  let items: VerdictItem[];
  switch (k.format) {
    case 'pairs':
      items = readPairs(k, f.value);
      break;
    case 'single':
      items = [describe(fieldOf(k, 'value'), 'value', f.value.trim())];
      break;
    case 'spamassassin-status':
      items = readStatus(k, f.value);
      break;
    case 'spamassassin-report':
      items = readReport(f.raw);
      break;
    case 'rspamd-result':
      items = readRspamd(k, f.value);
      break;
  }
  return {
    header: f.name,
    line: f.line,
    filter: k.filter,
    meaning: k.meaning,
    items,
    level: worstLevel(items.map((i) => i.level)),
    sources: k.sources,
  };
}

export function readVerdicts(fields: HeaderField[]): Verdict[] {
  return fields.map(readVerdict).filter((v): v is Verdict => v !== null);
}
