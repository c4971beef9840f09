import type { ColumnScope } from '../../store/analytics/customer-columns.repository';
import type { CustomerScope } from '../analytics/analytics-filters';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import type { Label, ReportSectionContent } from './report-content';
import type { ReportPeriod } from './report-period';

/** What every section gets. */
export interface SectionInput {
  deps: Deps;
  /**
   * The system actor on the report's clock. Who may make a report is checked once, before any
   * section runs (analytics.manage); the sections then read what the report shows (service
   * KPIs too), since the report is a summary its readers get as a whole.
   */
  ctx: Ctx;
  period: ReportPeriod;
  /** Who is counted, as the analytics views take it. */
  scope: CustomerScope;
  /** The same scope resolved for the store (a tier filter carries its scheme). */
  columnScope: ColumnScope;
  /** The query of an analytics view over the report's window: the scope plus from/to months. */
  viewQuery: Record<string, unknown>;
}

/** What a section computes; the key and title are added from the section itself. */
export type SectionBody = Omit<ReportSectionContent, 'key' | 'title'>;

/**
 * One part of a report. `build` reads the figures and returns them as figures, tables and
 * charts in both languages, which is all the workbook and the printable page need; it may
 * return `unavailable` when there is nothing to show (no scheme, no model).
 */
export interface ReportSection {
  key: string;
  title: Label;
  build(input: SectionInput): Promise<SectionBody>;
}

/** A section body with nothing in it but the reason. */
export function unavailable(reason: Label): SectionBody {
  return { figures: [], tables: [], charts: [], unavailable: reason };
}
