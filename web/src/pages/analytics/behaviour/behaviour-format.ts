import { MONEY_METRICS, type NineGridMetric, RATE_METRICS } from '../../../api/analytics-behaviour';
import { formatMoney } from '../../../format';

/**
 * A threshold as the user types it (yuan for money, % for rates, plain otherwise) in the units
 * the API takes (minor units, fractions).
 */
export function toWire(metric: NineGridMetric, display: number): number {
  if (MONEY_METRICS.has(metric)) return Math.round(display * 100);
  if (RATE_METRICS.has(metric)) return display / 100;
  return display;
}

/** The inverse of toWire, for showing a threshold from the address bar in its input. */
export function fromWire(metric: NineGridMetric, wire: number): number {
  if (MONEY_METRICS.has(metric)) return wire / 100;
  if (RATE_METRICS.has(metric)) return Math.round(wire * 10000) / 100;
  return wire;
}

/** A metric value for display: money, a percentage, or a number with at most one decimal. */
export function formatMetric(metric: NineGridMetric, value: number | null, lng: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (MONEY_METRICS.has(metric)) return formatMoney(Math.round(value), lng);
  if (RATE_METRICS.has(metric)) return formatPercent(value, lng);
  return new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(value);
}

/** A fraction as a percentage with one decimal. */
export function formatPercent(fraction: number | null, lng: string): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 }).format(
    fraction,
  );
}

/** A plain number with at most `digits` decimals, or an em dash. */
export function formatNumber(value: number | null, lng: string, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(value);
}
