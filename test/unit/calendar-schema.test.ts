import { describe, expect, it } from 'vitest';
import {
  CHINA_MAINLAND_SOURCES,
  chinaMainlandCalendar,
  parseBusinessCalendar,
} from '../../src/domain/calendar';
import { DomainError, type FieldIssue } from '../../src/domain/errors';

const hours: [string, string][] = [['09:00', '18:00']];
const base = {
  id: 'custom',
  name: { zh: '自定义', en: 'Custom' },
  timeZone: 'Asia/Shanghai',
  weekHours: [[], hours, hours, hours, hours, hours, []],
  coveredUntil: '2026-12-31',
};

function fields(input: unknown): string[] {
  try {
    parseBusinessCalendar(input);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return ((err as DomainError).details.issues as FieldIssue[]).map((i) => i.field);
  }
  throw new Error('expected the calendar to be refused');
}

describe('business calendar schema', () => {
  it('normalises bare dates and defaults', () => {
    const cal = parseBusinessCalendar({
      ...base,
      holidays: ['2026-10-01'],
      workdays: ['2026-10-10'],
    });
    expect(cal.holidays).toEqual([{ date: '2026-10-01', name: null }]);
    expect(cal.workdays).toEqual([{ date: '2026-10-10', name: null, hours: null }]);
    expect(cal).toMatchObject({ alwaysOpen: false, coveredFrom: null });
  });

  it('names each invalid field', () => {
    expect(fields({ ...base, timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(
      fields({
        ...base,
        weekHours: [
          [],
          [
            ['09:00', '12:00'],
            ['11:00', '18:00'],
          ],
          [],
          [],
          [],
          [],
          [],
        ],
      }),
    ).toEqual(['weekHours.1.1']);
    expect(fields({ ...base, weekHours: [[], [['18:00', '09:00']], [], [], [], [], []] })).toEqual([
      'weekHours.1.0',
    ]);
    expect(fields({ ...base, weekHours: [[]] })).toEqual(['weekHours']);
    expect(fields({ ...base, holidays: ['2026-02-30'] })).toEqual(['holidays.0']);
    expect(fields({ ...base, holidays: ['2026-10-01'], workdays: ['2026-10-01'] })).toEqual([
      'workdays.0.date',
    ]);
    expect(fields({ ...base, holidays: ['2027-01-01'] })).toEqual(['holidays.0.date']);
    expect(fields({ ...base, coveredUntil: undefined })).toEqual(['coveredUntil']);
  });

  it('ships the official calendar with named entries and cited sources', () => {
    const cn = chinaMainlandCalendar();
    expect(cn.timeZone).toBe('Asia/Shanghai');
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
    expect(cn.holidays).toHaveLength(28 + 33);
    expect(cn.holidays.every((h) => h.name !== null)).toBe(true);
    expect(cn.workdays.map((w) => w.date)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(cn.workdays[0]!.name).toEqual({
      zh: '春节调休上班',
      en: 'Spring Festival make-up working day',
    });
    expect(CHINA_MAINLAND_SOURCES.map((s) => s.number)).toEqual([
      '国办发明电〔2024〕12号',
      '国办发明电〔2025〕7号',
    ]);
    // Every make-up working day falls on a weekend; every listed holiday date is unique.
    for (const w of cn.workdays)
      expect([0, 6]).toContain(new Date(`${w.date}T00:00:00Z`).getUTCDay());
    expect(new Set(cn.holidays.map((h) => h.date)).size).toBe(cn.holidays.length);
  });
});
