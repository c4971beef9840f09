import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { computeDue } from '../../app/calendars/calendar-compute.service';
import { exportCalendarICal, importCalendarICal } from '../../app/calendars/calendar-ical.service';
import { listCalendars } from '../../app/calendars/calendars.service';
import { systemCtx } from '../../app/context';
import { DomainError } from '../../domain/errors';
import { withDeps } from '../with-deps';

interface DueOpts {
  start: string;
  hours?: string;
  minutes?: string;
  days?: string;
}

/** The one duration a `due` command asks for, as the compute input expects it. */
function durationOf(o: DueOpts): { amount: number; unit: 'hours' | 'minutes' | 'working_days' } {
  const given = [
    o.hours !== undefined ? { amount: Number(o.hours), unit: 'hours' as const } : null,
    o.minutes !== undefined ? { amount: Number(o.minutes), unit: 'minutes' as const } : null,
    o.days !== undefined ? { amount: Number(o.days), unit: 'working_days' as const } : null,
  ].filter((d) => d !== null);
  if (given.length !== 1) {
    throw new DomainError('VALIDATION', 'Give exactly one of --hours, --minutes or --days', {
      issues: [{ field: 'duration', message: 'one of --hours, --minutes, --days is required' }],
    });
  }
  return given[0]!;
}

/** `tierdesk calendar list | import | export | due`: business calendars from the shell. */
export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('Business calendars (working hours, holidays, make-up working days)');

  calendar
    .command('list')
    .description('List the calendars with their time zone and covered years')
    .action(async () => {
      await withDeps(async (deps) => {
        const all = await listCalendars(deps, systemCtx());
        console.table(
          all.map((c) => ({
            key: c.key,
            name: c.name.en,
            builtin: c.builtin,
            timeZone: c.timeZone,
            alwaysOpen: c.alwaysOpen,
            coveredUntil: c.coveredUntil ?? '—',
            holidays: c.holidayCount,
            workdays: c.workdayCount,
            version: c.version,
          })),
        );
      });
    });

  calendar
    .command('import <key> <file>')
    .description('Import holidays and make-up working days from an .ics file')
    .option('--replace', 'replace every holiday and make-up day instead of merging by year')
    .option('--no-cover-years', 'do not extend coverage to the years in the file')
    .action(async (key: string, file: string, o: { replace?: boolean; coverYears: boolean }) => {
      const ics = readFileSync(file, 'utf8');
      await withDeps(async (deps) => {
        const r = await importCalendarICal(deps, systemCtx(), key, {
          ics,
          mode: o.replace ? 'replace' : 'merge',
          coverYears: o.coverYears,
        });
        console.log(
          `Imported ${r.imported.holidays} holiday(s) and ${r.imported.workdays} make-up day(s) for ${r.imported.years.join(', ') || 'no year'} into ${key} (${r.imported.mode}); covered until ${r.calendar.coveredUntil ?? '—'}, version ${r.calendar.version}`,
        );
      });
    });

  calendar
    .command('export <key>')
    .description('Write a calendar’s holidays and make-up working days as iCalendar')
    .requiredOption('--out <file>', 'the .ics file to write')
    .action(async (key: string, o: { out: string }) => {
      await withDeps(async (deps) => {
        const f = await exportCalendarICal(deps, systemCtx(), key);
        writeFileSync(o.out, f.text);
        console.log(`Wrote ${o.out}`);
      });
    });

  calendar
    .command('due <key>')
    .description('When a duration of business time from a start falls due')
    .requiredOption(
      '--start <datetime>',
      'e.g. 2026-02-13T17:00 (calendar time) or ISO with offset',
    )
    .option('--hours <n>', 'business hours')
    .option('--minutes <n>', 'business minutes')
    .option('--days <n>', 'working days (due at the close of the nth working day)')
    .action(async (key: string, o: DueOpts) => {
      const duration = durationOf(o);
      await withDeps(async (deps) => {
        const r = await computeDue(deps, systemCtx(), key, { start: o.start, duration });
        console.log(`Due ${r.dueLocal} ${r.timeZone} (${r.due})`);
      });
    });
}
