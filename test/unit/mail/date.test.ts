import { describe, expect, it } from 'vitest';
import { checkDateField, formatMailDate, readMailDate } from '../../../src/core/mail/date';

describe('readMailDate (lenient, for Received)', () => {
  it.each([
    ['Tue, 4 Mar 2025 11:11:05 +0100 (CET)', Date.UTC(2025, 2, 4, 10, 11, 5)],
    ['4 Mar 2025 10:11:09 -0000', Date.UTC(2025, 2, 4, 10, 11, 9)],
    ['Sun, 22 Apr 2018 02:54:16.987 +0000 (UTC)', Date.UTC(2018, 3, 22, 2, 54, 16, 987)],
    ['2018-04-22 02:54:17.028704749 +0000 UTC', Date.UTC(2018, 3, 22, 2, 54, 17, 28)],
    ['Sun Nov 13 14:50:12 2005', Date.UTC(2005, 10, 13, 14, 50, 12)],
    ['8 Mar 04 12:23:56 -0000', Date.UTC(2004, 2, 8, 12, 23, 56)],
    ['Mon, 08 Mar 2004 16:13:23 -0800 (PST)', Date.UTC(2004, 2, 9, 0, 13, 23)],
    ['Thu, 23 Sep 2004 14:35:29 -0600 (MDT)', Date.UTC(2004, 8, 23, 20, 35, 29)],
    ['Fri, 19 May 2006 14:50:48 EST', Date.UTC(2006, 4, 19, 19, 50, 48)],
    ['Thur, 29 Mar 2018 14:35:36 +0000', Date.UTC(2018, 2, 29, 14, 35, 36)],
    ['Tue, 029 Apr 2019 23:34:45 -0800 (PST)', Date.UTC(2019, 3, 30, 7, 34, 45)],
    ['Apr 29 23:34:45 2005 +0000', Date.UTC(2005, 3, 29, 23, 34, 45)],
  ])('%s', (text, ms) => {
    expect(readMailDate(text)?.ms).toBe(ms);
  });
  it.each(['', 'yesterday', '32 Jan 2024 10:00:00 +0000', '29 Feb 2023 10:00:00 +0000'])('%j is no date', (text) => {
    expect(readMailDate(text)).toBeNull();
  });
  it('a date without time only when allowed', () => {
    expect(readMailDate('22 Apr 2018', true)).toBeNull();
    expect(readMailDate('22 Apr 2018')?.ms).toBe(Date.UTC(2018, 3, 22));
  });
});

describe('checkDateField (strict RFC 5322 §3.3)', () => {
  it.each([
    ['Tue, 4 Mar 2025 11:11:05 +0100', []],
    ['4 Mar 2025 11:11 +0100', []],
    ['Tue, 4 Mar 2025 11:11:05 +0100 (CET)', []],
    ['Tue, 4 Mar 25 11:11:05 +0100', ['obsolete']],
    ['Tue, 4 Mar 2025 11:11:05 GMT', ['obsolete']],
    ['Tue, 4 Mar 2025 11:11:05 CET', ['syntax']],
    ['Mon, 4 Mar 2025 11:11:05 +0100', ['invalid']],
    ['Tue, 4 Mar 2025 25:11:05 +0100', ['invalid']],
    ['Tue, 4 Mar 2025 11:11:05 +1900', ['invalid']],
    ['2025-03-04 11:11:05', ['syntax']],
    ['Dienstag, 4. März 2025', ['syntax']],
  ])('%s', (value, kinds) => {
    expect(checkDateField(value).problems.map((p) => p.kind)).toEqual(kinds);
  });
  it('formats a date for a fix', () => {
    expect(formatMailDate(Date.UTC(2025, 2, 4, 10, 11, 5))).toBe('Tue, 4 Mar 2025 10:11:05 +0000');
    expect(checkDateField(formatMailDate(Date.UTC(2031, 11, 31, 23, 59, 59))).problems).toEqual([]);
  });
});
