import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { systemCtx } from '../../app/context';
import { type ReportContent, type ReportFigure, say } from '../../app/reports/report-content';
import { exportReport, generateReport, listReports } from '../../app/reports/reports.service';
import { withDeps } from '../with-deps';

interface RunOpts {
  cadence: 'weekly' | 'monthly' | 'adhoc';
  from?: string;
  to?: string;
  lang: 'zh-CN' | 'en';
  out?: string;
}

/** A figure as the terminal shows it: money in major units, shares in per cent. */
function shown(f: ReportFigure): string {
  if (f.value === null) return '—';
  if (f.kind === 'money') return (f.value / 100).toFixed(2);
  if (f.kind === 'percent') return `${(f.value * 100).toFixed(1)}%`;
  if (f.kind === 'number') return String(Math.round(f.value * 10_000) / 10_000);
  return String(f.value);
}

/** `tierdesk report run|list`: make an analytics report now, or list the reports made. */
export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('Analytics reports (weekly, monthly, adhoc)');
  report
    .command('run')
    .description(
      'Make a report now, store it (it appears on the reports page) and print its figures',
    )
    .addOption(
      new Option(
        '--cadence <cadence>',
        'weekly: last full week; monthly: last full month; adhoc: the months given',
      )
        .choices(['weekly', 'monthly', 'adhoc'])
        .default('weekly'),
    )
    .option('--from <month>', 'adhoc: first month, YYYY-MM')
    .option('--to <month>', 'adhoc: last month, YYYY-MM')
    .addOption(
      new Option('--lang <lang>', 'language of the title and the workbook')
        .choices(['zh-CN', 'en'])
        .default('zh-CN'),
    )
    .option('--out <file>', 'also write the report as an XLSX workbook to this file')
    .action(async (o: RunOpts) => {
      await withDeps(async (deps) => {
        const ctx = systemCtx('cli');
        const r = await generateReport(deps, ctx, {
          cadence: o.cadence,
          lang: o.lang,
          filters: { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) },
        });
        const content = r.content as ReportContent;
        console.log(`Report ${r.id}: ${r.title} (${r.periodFrom} – ${r.periodTo})`);
        for (const s of content.sections) {
          const head = say(s.title, o.lang);
          if (s.unavailable) {
            console.log(`  ${head}: ${say(s.unavailable, o.lang)}`);
            continue;
          }
          const figures = s.figures.map((f) => `${say(f.label, o.lang)} ${shown(f)}`);
          console.log(`  ${head}: ${figures.join(' · ')}`);
        }
        if (o.out) {
          const file = await exportReport(deps, ctx, r.id, o.lang);
          writeFileSync(o.out, file.body);
          console.log(`Workbook written to ${o.out}`);
        }
      });
    });
  report
    .command('list')
    .description('List the reports made, newest first')
    .option('--limit <n>', 'how many', '20')
    .action(async (o: { limit: string }) => {
      await withDeps(async (deps) => {
        const page = await listReports(deps, systemCtx('cli'), { pageSize: o.limit });
        console.table(
          page.items.map((r) => ({
            id: r.id,
            cadence: r.cadence,
            title: r.title,
            from: r.periodFrom,
            to: r.periodTo,
            created: r.createdAt,
          })),
        );
      });
    });
}
