import {
  type BusinessCalendar,
  exportICal,
  type ICalImport,
  importICal,
  parseBusinessCalendar,
} from '../../domain/calendar';
import { notFound } from '../../domain/errors';
import { findCalendar } from '../../store/calendars/calendars.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { requireCalendarReader } from './calendar-access';
import { parseCalendarDocument } from './calendar-document';
import { importCalendarInput } from './calendar-input';
import { getCalendar, saveDocument } from './calendars.service';

const yearOf = (date: string) => date.slice(0, 4);
const minDate = (a: string | null, b: string | null) =>
  a === null || b === null ? null : a < b ? a : b;
const maxDate = (a: string | null, b: string | null) =>
  a === null || b === null ? null : a > b ? a : b;

/**
 * The calendar after taking in a file. merge: the file decides every holiday and make-up day of
 * the years it has events in; other years stay. replace: the file's days are all there is.
 * Coverage comes from the file's X-TIERDESK-COVERED-* lines, else (coverYears) from the whole
 * years it has events in, else stays; a merge only ever widens it.
 */
export function applyICal(
  cal: BusinessCalendar,
  file: ICalImport,
  mode: 'merge' | 'replace',
  coverYears: boolean,
): BusinessCalendar {
  const dates = [...file.holidays, ...file.workdays].map((d) => d.date).sort();
  const years = new Set(dates.map(yearOf));
  const keep = <T extends { date: string }>(list: T[]) =>
    mode === 'replace' ? [] : list.filter((d) => !years.has(yearOf(d.date)));
  let from = file.coveredFrom;
  let until = file.coveredUntil;
  if (coverYears && dates.length) {
    from ??= `${yearOf(dates[0]!)}-01-01`;
    until ??= `${yearOf(dates[dates.length - 1]!)}-12-31`;
  }
  const coveredFrom =
    mode === 'merge' && from !== null ? minDate(cal.coveredFrom, from) : (from ?? cal.coveredFrom);
  const coveredUntil =
    mode === 'merge' && until !== null
      ? maxDate(cal.coveredUntil, until)
      : (until ?? cal.coveredUntil);
  const byDate = <T extends { date: string }>(a: T, b: T) => a.date.localeCompare(b.date);
  return {
    ...cal,
    timeZone: mode === 'replace' && file.timeZone ? file.timeZone : cal.timeZone,
    holidays: [...keep(cal.holidays), ...file.holidays].sort(byDate),
    workdays: [...keep(cal.workdays), ...file.workdays].sort(byDate),
    coveredFrom,
    coveredUntil,
  };
}

/**
 * Imports holidays and make-up working days from an iCalendar text into a calendar. File errors
 * name their line; the result is validated like any edit and saved with the audit, or nothing
 * is saved.
 */
export async function importCalendarICal(
  deps: Deps,
  ctx: Ctx,
  idOrKey: number | string,
  raw: unknown,
) {
  requirePermission(ctx, 'service.manage');
  const input = parseInput(importCalendarInput, raw, 'Invalid iCalendar import');
  const row = await findCalendar(deps.store.db, idOrKey);
  if (!row) throw notFound('Business calendar', idOrKey);
  const file = importICal(input.ics);
  const current = parseBusinessCalendar(row.document);
  const next = parseCalendarDocument(applyICal(current, file, input.mode, input.coverYears));
  const summary = {
    mode: input.mode,
    holidays: file.holidays.length,
    workdays: file.workdays.length,
    years: [...new Set([...file.holidays, ...file.workdays].map((d) => yearOf(d.date)))].sort(),
  };
  await saveDocument(deps, ctx, row, input.version ?? row.version, next, 'calendar.import', {
    import: summary,
  });
  return { imported: summary, calendar: await getCalendar(deps, ctx, row.id) };
}

/** A calendar's holidays and make-up working days as an iCalendar text, with a file name. */
export async function exportCalendarICal(deps: Deps, ctx: Ctx, idOrKey: number | string) {
  requireCalendarReader(ctx);
  const row = await findCalendar(deps.store.db, idOrKey);
  if (!row) throw notFound('Business calendar', idOrKey);
  const cal = parseBusinessCalendar(row.document);
  return { fileName: `${row.key}.ics`, text: exportICal(cal, ctx.now()) };
}
