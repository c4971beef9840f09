import { expect, it } from 'vitest';
import { invalidateCalendarCache, loadCalendar } from '../../src/app/calendars/calendar-cache';
import { importCalendarICal } from '../../src/app/calendars/calendar-ical.service';
import {
  createCalendar,
  deleteCalendar,
  ensureBuiltinCalendars,
  getCalendar,
  listCalendars,
  resetCalendar,
  updateCalendar,
} from '../../src/app/calendars/calendars.service';
import { chinaMainlandCalendar } from '../../src/domain/calendar';
import {
  findCalendar,
  updateCalendarDocument,
} from '../../src/store/calendars/calendars.repository';
import { roleCtx } from '../factories/users';
import { describeEachEngine } from '../support/engines';

const supervisor = roleCtx('service_supervisor', 7);

/** A 2027 holiday file as a team might get it: Spring Festival with one make-up Saturday. */
const ICS_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//calendars//EN',
  'BEGIN:VEVENT',
  'UID:sf-2027@test',
  'DTSTART;VALUE=DATE:20270205',
  'DTEND;VALUE=DATE:20270212',
  'SUMMARY:春节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:sf-2027-mu@test',
  'DTSTART;VALUE=DATE:20270213',
  'SUMMARY:春节补班',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describeEachEngine('business calendars in the store', ({ deps }) => {
  it('has the shipped calendars from the first start, and ensuring them again adds nothing', async () => {
    const list = await listCalendars(deps(), supervisor);
    const keys = list.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['cn-mainland', '24x7']));
    const cn = list.find((c) => c.key === 'cn-mainland')!;
    expect(cn).toMatchObject({
      builtin: true,
      version: 1,
      timeZone: 'Asia/Shanghai',
      coveredFrom: '2025-01-01',
      coveredUntil: '2026-12-31',
    });
    expect(cn.document).toEqual(chinaMainlandCalendar());
    expect(list.find((c) => c.key === '24x7')).toMatchObject({ builtin: true, alwaysOpen: true });
    expect(await ensureBuiltinCalendars(deps())).toEqual([]);
  });

  it('saves with an optimistic lock: the second save on the same version is refused', async () => {
    const made = await createCalendar(deps(), supervisor, {
      key: 'shenzhen-office',
      document: { ...chinaMainlandCalendar(), id: 'shenzhen-office' },
    });
    expect(made).toMatchObject({ key: 'shenzhen-office', builtin: false, version: 1 });
    const doc = { ...made.document, name: { zh: '深圳办公室', en: 'Shenzhen office' } };
    const saved = await updateCalendar(deps(), supervisor, made.id, { document: doc, version: 1 });
    expect(saved.version).toBe(2);
    await expect(
      updateCalendar(deps(), supervisor, made.id, { document: doc, version: 1 }),
    ).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'business_calendar')
      .where('entity_id', '=', String(made.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['calendar.create', 'calendar.update']);
    await deleteCalendar(deps(), supervisor, made.id);
    await expect(getCalendar(deps(), supervisor, made.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('merges a 2027 file into the China calendar, keeps 2025–2026, and reset restores it', async () => {
    const before = await getCalendar(deps(), supervisor, 'cn-mainland');
    const r = await importCalendarICal(deps(), supervisor, 'cn-mainland', {
      ics: ICS_2027,
      mode: 'merge',
    });
    expect(r.imported).toEqual({ mode: 'merge', holidays: 7, workdays: 1, years: ['2027'] });
    const cal = r.calendar;
    expect(cal.coveredUntil).toBe('2027-12-31');
    expect(cal.coveredFrom).toBe('2025-01-01');
    expect(cal.holidayCount).toBe(before.holidayCount + 7);
    expect(cal.workdayCount).toBe(before.workdayCount + 1);
    expect(cal.document.workdays.find((w) => w.date === '2027-02-13')?.name?.zh).toBe('春节补班');
    // The cached calendar follows the save.
    expect((await loadCalendar(deps().store.db, 'cn-mainland')).coveredUntil).toBe('2027-12-31');

    // A second merge of the same year replaces that year, it does not double it.
    const again = await importCalendarICal(deps(), supervisor, 'cn-mainland', { ics: ICS_2027 });
    expect(again.calendar.holidayCount).toBe(cal.holidayCount);

    const reset = await resetCalendar(deps(), supervisor, 'cn-mainland', {
      version: again.calendar.version,
    });
    expect(reset.document).toEqual(chinaMainlandCalendar());
    expect(reset.version).toBe(again.calendar.version + 1);
  });

  it('refuses to delete a shipped calendar and caches loads per database handle', async () => {
    await expect(deleteCalendar(deps(), supervisor, '24x7')).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    const db = deps().store.db;
    const a = await loadCalendar(db, '24x7');
    expect(await loadCalendar(db, '24x7')).toBe(a);
    invalidateCalendarCache(db);
    expect(await loadCalendar(db, '24x7')).not.toBe(a);
    await expect(loadCalendar(db, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Another process saving (here: the repository directly, no invalidation) is seen at once.
    const row = (await findCalendar(db, '24x7'))!;
    const moved = { ...(await loadCalendar(db, '24x7')), timeZone: 'Europe/Berlin' };
    expect(
      await updateCalendarDocument(db, row.id, row.version, moved, null, new Date().toISOString()),
    ).toBe(true);
    expect((await loadCalendar(db, '24x7')).timeZone).toBe('Europe/Berlin');
  });
});
