import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  chinaMainlandCalendar,
  exportICal,
  importICal,
  parseBusinessCalendar,
} from '../../src/domain/calendar';
import { DomainError, type FieldIssue } from '../../src/domain/errors';

const sh = (local: string) => new Date(`${local}:00+08:00`);
const cn = chinaMainlandCalendar();

/** The VALIDATION issues an import throws. */
function importIssues(text: string): { message: string; issues: FieldIssue[] } {
  try {
    importICal(text);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    const e = err as DomainError;
    expect(e.code).toBe('VALIDATION');
    return { message: e.message, issues: e.details.issues as FieldIssue[] };
  }
  throw new Error('the import was expected to fail');
}

const lines = (...l: string[]) => `${l.join('\r\n')}\r\n`;

describe('iCalendar export and import', () => {
  it('round-trips the shipped calendar: dates, kinds, names, hours and coverage', () => {
    const custom = parseBusinessCalendar({
      ...cn,
      workdays: [...cn.workdays, { date: '2026-12-26', hours: [['10:00', '15:00']] }],
    });
    const text = exportICal(custom, new Date('2026-11-27T08:00:00Z'));
    const back = importICal(text);
    expect(back.holidays).toEqual(custom.holidays);
    expect(back.workdays).toEqual(custom.workdays);
    expect(back).toMatchObject({
      timeZone: 'Asia/Shanghai',
      coveredFrom: '2025-01-01',
      coveredUntil: '2026-12-31',
      name: cn.name.zh,
    });
  });

  it('writes a multi-day holiday as one all-day event with an exclusive DTEND', () => {
    const text = exportICal(cn, new Date('2026-11-27T08:00:00Z'));
    expect(text).toContain('DTSTART;VALUE=DATE:20250128\r\nDTEND;VALUE=DATE:20250205\r\n');
    expect(text).toContain('DTSTAMP:20261127T080000Z');
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(13 + 11);
  });

  it('reads a third-party feed: folding, 班 for make-up days, DURATION, cancelled events', () => {
    const feed = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'X-WR-CALNAME:节假日',
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Shanghai',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270205',
      'DTEND;VALUE=DATE:20270207',
      'SUMMARY:春节\\, 放',
      ' 假',
      'BEGIN:VALARM',
      'SUMMARY:补班 reminder',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270207',
      'SUMMARY:春节补班',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20270501',
      'DURATION:P2D',
      'SUMMARY:Labour Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270601',
      'STATUS:CANCELLED',
      'SUMMARY:withdrawn',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const r = importICal(feed);
    expect(r.name).toBe('节假日');
    expect(r.holidays.map((h) => h.date)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-05-01',
      '2027-05-02',
    ]);
    expect(r.holidays[0]!.name).toEqual({ zh: '春节, 放假', en: '春节, 放假' });
    expect(r.workdays).toEqual([
      { date: '2027-02-07', name: { zh: '春节补班', en: '春节补班' }, hours: null },
    ]);
    // No coverage in the file: the user must state it, nothing is guessed.
    expect(r.coveredUntil).toBeNull();
  });

  it('lets an imported year extend a calendar', () => {
    const extra = importICal(
      lines(
        'BEGIN:VCALENDAR',
        'X-TIERDESK-COVERED-UNTIL:20271231',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20270101',
        'SUMMARY:元旦',
        'X-TIERDESK-NAME-EN:New Year',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
    );
    const extended = parseBusinessCalendar({
      ...cn,
      holidays: [...cn.holidays, ...extra.holidays],
      coveredUntil: extra.coveredUntil,
    });
    expect(extended.holidays.at(-1)).toEqual({
      date: '2027-01-01',
      name: { zh: '元旦', en: 'New Year' },
    });
    // Thu 31 Dec 2026 17:00 + 2 h: 1 Jan 2027 is now a known holiday → Mon 4 Jan 10:00.
    expect(addBusinessTime(extended, sh('2026-12-31T17:00'), 7_200_000)).toEqual(
      sh('2027-01-04T10:00'),
    );
  });
});

describe('malformed iCalendar', () => {
  it('names the line of a bad date', () => {
    const { message, issues } = importIssues(
      lines(
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'SUMMARY:元旦',
        'DTSTART;VALUE=DATE:20251340',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
    );
    expect(message).toContain('line 5');
    expect(issues[0]).toMatchObject({ row: 5, field: 'DTSTART' });
  });

  it('names lines after folded ones by their physical position', () => {
    const { issues } = importIssues(
      lines(
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'SUMMARY:a very long',
        '  summary',
        'DTSTART;VALUE=DATE:20250101',
        'DTEND;VALUE=DATE:20241231',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
    );
    expect(issues[0]).toMatchObject({ row: 6, field: 'DTEND' });
  });

  it('refuses timed events, recurrences, unknown kinds, bad lines and unclosed blocks', () => {
    const one = (...body: string[]) =>
      importIssues(lines('BEGIN:VCALENDAR', 'BEGIN:VEVENT', ...body, 'END:VEVENT', 'END:VCALENDAR'))
        .issues[0];
    expect(one('DTSTART:20250101T090000Z')).toMatchObject({ row: 3, field: 'DTSTART' });
    expect(one('DTSTART;VALUE=DATE:20250101', 'RRULE:FREQ=YEARLY')).toMatchObject({
      row: 4,
      field: 'RRULE',
    });
    expect(one('DTSTART;VALUE=DATE:20250101', 'X-TIERDESK-KIND:vacation')).toMatchObject({
      row: 4,
    });
    expect(one('no colon here')).toMatchObject({ row: 3, field: '(line)' });
    expect(one('SUMMARY:x')).toMatchObject({ row: 2, field: 'DTSTART' });
    expect(
      importIssues(lines('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20250101'))
        .issues[0],
    ).toMatchObject({ row: 2, field: 'BEGIN' });
    expect(importIssues('hello\n').issues[0]).toMatchObject({ row: 1 });
  });

  it('refuses a date that is both a holiday and a make-up day, naming both lines', () => {
    const { message } = importIssues(
      lines(
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20250101',
        'SUMMARY:元旦',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'DTSTART;VALUE=DATE:20250101',
        'SUMMARY:补班',
        'END:VEVENT',
        'END:VCALENDAR',
      ),
    );
    expect(message).toContain('line 7');
    expect(message).toContain('line 3');
  });
});
