import { api, withQuery } from './client';
import type { ExportFormat } from './customers';
import type { Page, TimelineItem } from './types';

/** Kinds of fact recorded against a customer, in the order the UI shows them. */
export const FACT_KINDS = [
  'orders',
  'payments',
  'contracts',
  'feedback',
  'surveys',
  'visits',
  'referrals',
  'competitors',
  'stagnation',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A fact as the API returns it: its id plus the kind's own fields (money as `…Minor`). */
export type Fact = Record<string, unknown> & { id: number };

export function listFacts(
  customerId: number,
  kind: FactKind,
  page: number,
  pageSize: number,
): Promise<Page<Fact>> {
  return api.get(`/api/customers/${customerId}/facts/${kind}`, { page, pageSize });
}

/** Records a fact; money goes as decimal strings ("1234.56"), dates as YYYY-MM-DD. */
export function createFact(
  customerId: number,
  kind: FactKind,
  body: Record<string, unknown>,
): Promise<Fact> {
  return api.post(`/api/customers/${customerId}/facts/${kind}`, body);
}

export function deleteFact(kind: FactKind, id: number): Promise<void> {
  return api.delete(`/api/facts/${kind}/${id}`);
}

/** Every fact of a customer on one timeline, newest first. */
export async function customerTimeline(customerId: number, limit: number): Promise<TimelineItem[]> {
  return (
    await api.get<{ items: TimelineItem[] }>(`/api/customers/${customerId}/timeline`, { limit })
  ).items;
}

/** Where the browser downloads one kind of fact of one customer (needs customers.export). */
export function factExportUrl(kind: FactKind, format: ExportFormat, customerId: number): string {
  return withQuery(`/api/export/facts/${kind}`, { format, customerId });
}
