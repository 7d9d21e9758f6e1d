// Dates in mail headers. Two readers:
// - `readMailDate`: lenient, for Received and other trace fields, where real
//   servers write RFC 5322 dates, obsolete forms (RFC 5322 §4.3: two-digit
//   years, named zones), asctime ("Sun Nov 13 14:50:12 2005", tis fwtk smtpd),
//   ISO-like stamps ("2018-04-22 02:54:17.028704749 +0000 UTC", SendGrid) and
//   fractional seconds ("02:54:16.987 +0000", SendGrid again).
// - `checkDateField`: strict RFC 5322 §3.3 for the Date: header, listing every
//   way a value departs from the grammar.
// Hand-written: Date.parse() accepts different things in different engines,
// and the evidence must be the same in Node, the worker and every browser.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Zone names: RFC 5322 §4.3 (UT, GMT, and the North American ones), plus
 * names real servers write although no RFC allows them (CET, MEST, BST, UTC…),
 * with their usual meaning. Minutes east of UTC.
 */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  // not in any RFC, but common in Received fields
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  mez: 60,
  mesz: 120,
  bst: 60,
  wet: 0,
  west: 60,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  hst: -600,
  akst: -540,
  akdt: -480,
};
const RFC5322_ZONE_NAMES = new Set(['ut', 'gmt', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt']);

export interface MailDate {
  /** Milliseconds since the epoch (UTC). */
  ms: number;
  /** The zone offset written, in minutes east of UTC; null when none was written. */
  zone: number | null;
  /** ISO 8601 in UTC. */
  iso: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  // RFC 5322 §4.3: 00-49 → 2000-2049, 50-99 → 1950-1999; three digits → +1900
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (y.length === 3) return 1900 + n;
  return n;
}

function zoneMinutes(z: string | undefined): number | null | undefined {
  if (!z) return null;
  const num = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (num) {
    const m = Number(num[2]) * 60 + Number(num[3]);
    return num[1] === '-' ? -m : m;
  }
  const name = z.replace(/[()]/g, '').toLowerCase();
  if (name in ZONES) return ZONES[name];
  // RFC 5322 §4.3: military single letters "SHOULD all be considered equivalent to -0000"
  if (/^[a-ik-z]$/.test(name)) return 0;
  return undefined;
}

function build(
  year: number,
  month: number,
  day: number,
  h: number,
  mi: number,
  s: number,
  frac: string,
  zone: number | null,
): MailDate | null {
  if (month < 0 || month > 11 || day < 1 || day > daysInMonth(year, month) || h > 23 || mi > 59 || s > 60) return null;
  const ms = Date.UTC(year, month, day, h, mi, Math.min(s, 59), frac ? Math.floor(Number('0.' + frac) * 1000) : 0) - (zone ?? 0) * 60000;
  if (!Number.isFinite(ms)) return null;
  return { ms, zone, iso: new Date(ms).toISOString() };
}

// "[Sun, ] 22 Apr 2018 [02:54:16[.987]] [+0000|GMT|…] [(UTC)]"
const RFC_DATE =
  /(?:^|[\s,])0?(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}\b|\([A-Za-z]{1,5}\)))?)?/;
// "Sun Nov 13 14:50:12 2005" (asctime; the weekday may be missing), optionally with a zone after the time or the year
const ASCTIME =
  /(?<![A-Za-z])(?:([A-Za-z]{3})[a-z]*,?\s+)?([A-Za-z]{3})[a-z]*\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\s+([A-Z]{1,5}|[+-]\d{4}))?\s+(\d{4})/;
// "2018-04-22 02:54:17.028704749 +0000 UTC", "2018-04-22T02:54:17Z"
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})[T\s]+(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}\b)?/;

/**
 * Read a date as mail servers write it; null when there is none.
 * `requireTime`: a bare date ("22 Apr 2018") is accepted only when false.
 */
export function readMailDate(text: string, requireTime = false): MailDate | null {
  const t = text.replace(/\s+/g, ' ').trim();
  let m = ISO_DATE.exec(t);
  if (m) {
    const zone = zoneMinutes(m[8]);
    return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), m[7] ?? '', zone ?? 0);
  }
  m = RFC_DATE.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase());
    if (month >= 0 && (m[4] !== undefined || !requireTime)) {
      const zone = zoneMinutes(m[8]);
      return build(
        twoDigitYear(m[3]),
        month,
        Number(m[1]),
        Number(m[4] ?? 0),
        Number(m[5] ?? 0),
        Number(m[6] ?? 0),
        m[7] ?? '',
        zone === undefined ? null : zone,
      );
    }
  }
  m = ASCTIME.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase());
    if (month >= 0) {
      const zone = zoneMinutes(m[7]);
      return build(Number(m[8]), month, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), '', zone ?? null);
    }
  }
  return null;
}

/** One way a Date: value departs from RFC 5322 §3.3. */
export interface DateProblem {
  /** `syntax`: not a date-time at all; `obsolete`: an RFC 5322 §4.3 form; `invalid`: impossible values. */
  kind: 'syntax' | 'obsolete' | 'invalid';
  text: string;
}

export interface DateCheck {
  date: MailDate | null;
  problems: DateProblem[];
}

// date-time = [ day-of-week "," ] date time [CFWS]   (RFC 5322 §3.3)
const STRICT =
  /^(?:([A-Za-z]+)\s*,\s*)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{2,})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[A-Za-z]+)\s*(\(.*\))?\s*$/;

/** Check a Date: header value against RFC 5322 §3.3 (and §4.3 obsolete forms). */
export function checkDateField(value: string): DateCheck {
  const problems: DateProblem[] = [];
  const v = value.replace(/\s+/g, ' ').trim();
  const m = STRICT.exec(v);
  if (!m) {
    const lenient = readMailDate(v, true);
    problems.push({
      kind: 'syntax',
      text: lenient
        ? `"${v}" is not in the RFC 5322 form "Mon, 11 Jun 2007 09:14:02 +0200" (day, month name, 4-digit year, time, numeric zone)`
        : `"${v}" is not a date in any form a mail program reads`,
    });
    return { date: lenient, problems };
  }
  const [, dow, day, mon, year, hh, mm, ss, zone] = m;
  const month = MONTHS.indexOf(mon.toLowerCase());
  if (month < 0 || mon.length !== 3) problems.push({ kind: 'syntax', text: `"${mon}" is not one of the month names Jan…Dec` });
  if (dow && !DAYS.includes(dow.toLowerCase())) problems.push({ kind: 'syntax', text: `"${dow}" is not one of the day names Mon…Sun` });
  if (year.length < 4)
    problems.push({ kind: 'obsolete', text: `two-digit year "${year}" (RFC 5322 §4.3: obsolete; write all four digits)` });
  else if (Number(year) < 1900) problems.push({ kind: 'invalid', text: `year ${year} is before 1900 (RFC 5322 §3.3)` });
  if (!/^[+-]\d{4}$/.test(zone)) {
    const z = zone.toLowerCase();
    problems.push(
      RFC5322_ZONE_NAMES.has(z) || /^[a-ik-z]$/.test(z)
        ? { kind: 'obsolete', text: `zone name "${zone}" (RFC 5322 §4.3: obsolete; write a numeric offset such as +0000)` }
        : { kind: 'syntax', text: `"${zone}" is not a time zone RFC 5322 allows; write a numeric offset such as +0100` },
    );
  } else {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(3));
    if (zm > 59 || zh * 60 + zm > 14 * 60)
      problems.push({ kind: 'invalid', text: `zone ${zone} is not a real UTC offset (they run from -1200 to +1400)` });
  }
  const h = Number(hh);
  const mi = Number(mm);
  const s = Number(ss ?? 0);
  if (h > 23 || mi > 59 || s > 60) problems.push({ kind: 'invalid', text: `time ${hh}:${mm}${ss ? ':' + ss : ''} does not exist` });
  const y = twoDigitYear(year);
  if (month >= 0 && (Number(day) < 1 || Number(day) > daysInMonth(y, month)))
    problems.push({ kind: 'invalid', text: `${mon} ${y} has no day ${day}` });
  const date = month >= 0 ? build(y, month, Number(day), Math.min(h, 23), Math.min(mi, 59), s, '', zoneMinutes(zone) ?? 0) : null;
  if (date && dow && DAYS.includes(dow.toLowerCase())) {
    // the weekday is of the local date written, not of the UTC instant
    const local = new Date(Date.UTC(y, month, Number(day)));
    const actual = DAYS[local.getUTCDay()];
    if (actual !== dow.toLowerCase())
      problems.push({ kind: 'invalid', text: `${day} ${mon} ${y} was a ${actual[0].toUpperCase() + actual.slice(1)}, not a ${dow}` });
  }
  return { date, problems };
}

/** An RFC 5322 date-time for a moment, in UTC: for fixes ("Date: …"). */
export function formatMailDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = DAYS[d.getUTCDay()];
  const mon = MONTHS[d.getUTCMonth()];
  return `${day[0].toUpperCase()}${day.slice(1)}, ${d.getUTCDate()} ${mon[0].toUpperCase()}${mon.slice(1)} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
