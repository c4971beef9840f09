import { PERMISSIONS } from '../../domain/auth/permissions';
import { DomainError } from '../../domain/errors';
import type { CustomerScope } from '../analytics/analytics-filters';
import { scopeOf } from '../analytics/customer-columns';
import { type Ctx, SYSTEM_ACTOR } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { label, type ReportContent, type ReportSectionContent } from './report-content';
import type { ReportPeriod } from './report-period';
import { describeScope } from './report-scope-text';
import type { ReportSection, SectionInput } from './report-section';
import { REPORT_SECTIONS } from './report-sections';

/** Called after each section, for progress. */
export type SectionProgress = (done: number, total: number, key: string) => Promise<void> | void;

/**
 * Computes every section of a report. The scope is resolved first, so a bad filter (a tier
 * without a scheme) fails the whole report with an error naming the field; a section that fails
 * on its own is kept as unavailable with the reason, so one broken figure does not lose the
 * Monday report.
 */
export async function computeReport(
  deps: Deps,
  ctx: Ctx,
  input: {
    period: ReportPeriod;
    scope: CustomerScope;
    asOf: string;
    sections?: readonly ReportSection[];
  },
  onProgress?: SectionProgress,
): Promise<ReportContent> {
  const { period, scope } = input;
  const columnScope = await scopeOf(deps, ctx, scope);
  // Sections call the views as a trusted actor; a user with a row scope keeps it, so a report
  // they make counts only the customers they may see.
  const sectionCtx: Ctx = {
    actor:
      customerFilter(ctx).kind === 'all'
        ? SYSTEM_ACTOR
        : { ...ctx.actor, permissions: [...PERMISSIONS] },
    now: ctx.now,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  };
  const common: SectionInput = {
    deps,
    ctx: sectionCtx,
    period,
    scope,
    columnScope,
    viewQuery: { ...dropUndefined(scope), from: period.window.from, to: period.window.to },
  };
  const list = input.sections ?? REPORT_SECTIONS;
  const sections: ReportSectionContent[] = [];
  for (const s of list) {
    let body: Omit<ReportSectionContent, 'key' | 'title'>;
    try {
      body = await s.build(common);
    } catch (e) {
      const reason = e instanceof DomainError || e instanceof Error ? e.message : String(e);
      body = {
        figures: [],
        tables: [],
        charts: [],
        unavailable: label(`无法计算：${reason}`, `Could not be computed: ${reason}`),
      };
    }
    sections.push({ key: s.key, title: s.title, ...body });
    await onProgress?.(sections.length, list.length, s.key);
  }
  return {
    version: 1,
    title: period.title,
    cadence: period.cadence,
    generatedAt: ctx.now().toISOString(),
    asOf: input.asOf,
    days: period.days,
    monthToDate: period.monthToDate,
    window: period.window,
    filters: dropUndefined(scope),
    scopeText: await describeScope(deps, scope),
    sections,
  };
}

/** The filters without empty ones, as stored and shown. */
export function dropUndefined<T extends object>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
