import type { ParseKeys, TFunction } from 'i18next';
import type { SchemeDocument } from '../../api/tiering';

/**
 * The catalog metrics a scheme can declare, in the server's display order (its catalog lives in
 * src/domain/scheme/metric-catalog.ts). `windowed` metrics are aggregated over a time window;
 * the others are read at the as-of date.
 */
export const CATALOG_METRICS: readonly { id: string; windowed: boolean }[] = [
  { id: 'revenue', windowed: true },
  { id: 'profit', windowed: true },
  { id: 'margin_rate', windowed: true },
  { id: 'order_count', windowed: true },
  { id: 'avg_order_value', windowed: true },
  { id: 'purchase_frequency', windowed: true },
  { id: 'days_since_last_order', windowed: false },
  { id: 'tenure_months', windowed: false },
  { id: 'growth_rate', windowed: true },
  { id: 'on_time_payment_rate', windowed: true },
  { id: 'late_payments_per_quarter', windowed: true },
  { id: 'days_overdue', windowed: false },
  { id: 'collection_rate', windowed: true },
  { id: 'complaint_count', windowed: true },
  { id: 'avg_satisfaction', windowed: true },
  { id: 'referral_count', windowed: true },
  { id: 'share_of_wallet', windowed: true },
  { id: 'inventory_stagnation', windowed: false },
  { id: 'clv', windowed: false },
  { id: 'p_alive', windowed: false },
  { id: 'expected_purchases', windowed: false },
];

/** Metrics from the lifetime-value model; their names live with the CLV messages. */
const CLV_METRICS = new Set(['clv', 'p_alive', 'expected_purchases']);

/**
 * A metric id's label in the UI language: catalog metrics by name, custom fields and tags by
 * their key (they are named by whoever set them up).
 */
export function metricName(t: TFunction, id: string): string {
  if (CLV_METRICS.has(id)) return t(`clv.metricNames.${id}` as ParseKeys, { defaultValue: id });
  return t(`tiering.metricNames.${id}` as ParseKeys, { defaultValue: id });
}

/**
 * The label of a metric key as a scheme uses it: the declared label if any, else the catalog
 * name of the metric it measures, else the key.
 */
export function metricKeyLabel(
  t: TFunction,
  doc: SchemeDocument | undefined,
  key: string,
  lng: string,
): string {
  const decl = doc?.metrics.find((m) => (m.key ?? m.id) === key);
  if (decl?.label) return lng.startsWith('en') ? decl.label.en : decl.label.zh;
  return metricName(t, decl?.id ?? key);
}

/** The metric keys a scheme declares, for choosing one in a criterion, rule or tie-break. */
export function declaredMetricKeys(doc: Pick<SchemeDocument, 'metrics'> | undefined): string[] {
  return (doc?.metrics ?? [])
    .map((m) => m?.key ?? m?.id)
    .filter((k): k is string => typeof k === 'string' && k !== '');
}
