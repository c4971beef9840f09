import {
  type LocalizedText,
  type MetricDirection,
  type MetricUnit,
  resolveMetric,
  suggestMetric,
} from './metric-catalog';
import {
  type DeriveOp,
  type DeriveOperand,
  type MetricDecl,
  metricKeyOf,
} from './metric-decl.schema';
import type { SchemeIssue } from './scheme-issue';

/** What the rest of the scheme needs to know about one declared metric key. */
export interface MetricInfo {
  key: string;
  /** Catalog id (or custom./tag: id) of a measured metric; undefined when derived. */
  id?: string;
  label: LocalizedText;
  unit: MetricUnit;
  direction: MetricDirection;
  range?: readonly [number, number];
  /**
   * A derived metric's formula: operands are metric keys or constants; `buckets` and
   * `higherIsBetter` (resolved from the source metric) are set for quantiles.
   */
  derive?: {
    op: DeriveOp;
    of: readonly DeriveOperand[];
    buckets?: number;
    higherIsBetter?: boolean;
  };
  /** Position in `metrics`, for error paths. */
  index: number;
}

/**
 * Resolves the scheme's metric declarations: catalog ids, windows (required for windowed
 * metrics, refused for metrics read at the as-of date), unique keys, and derived metrics whose
 * inputs exist and do not depend on themselves. Returns the keys that resolved.
 */
export function checkMetrics(
  decls: readonly MetricDecl[],
  issues: SchemeIssue[],
): Map<string, MetricInfo> {
  const out = new Map<string, MetricInfo>();
  // Derived metrics without a stated unit, to be given their operand's unit where it carries.
  const unitFromOperand = new Set<string>();
  const firstAt = new Map<string, number>();
  decls.forEach((d, i) => {
    const key = metricKeyOf(d);
    const seen = firstAt.get(key);
    if (seen !== undefined) {
      issues.push({
        path: ['metrics', i, d.key !== undefined ? 'key' : 'id'],
        message: `duplicate metric key ${key} (also metrics[${seen}]); give one of them another key`,
      });
      return;
    }
    firstAt.set(key, i);
    if (d.derive) {
      const { op, of, buckets, higherIsBetter } = d.derive;
      const unit = op === 'percent_of' ? 'percent' : op === 'quantile' ? 'score' : 'number';
      const info: MetricInfo = {
        key,
        label: d.label ?? { zh: key, en: key },
        unit: d.unit ?? unit,
        direction: d.higherIsBetter === false ? 'lower' : 'higher',
        derive: { op, of },
        index: i,
      };
      if (buckets !== undefined) {
        info.derive!.buckets = buckets;
        // A bucket number: conditions outside 1…buckets can never hold and are refused.
        info.range = [1, buckets];
      }
      if (higherIsBetter !== undefined) info.derive!.higherIsBetter = higherIsBetter;
      if (d.unit === undefined) unitFromOperand.add(key);
      out.set(key, info);
      return;
    }
    const def = resolveMetric(d.id!);
    if (!def) {
      const hint = suggestMetric(d.id!);
      issues.push({
        path: ['metrics', i, 'id'],
        message: `unknown metric ${d.id}${hint ? ` (did you mean ${hint}?)` : ''}; use a catalog id, custom.<field key> or tag:<name>`,
      });
      return;
    }
    if (def.windowed && !d.window) {
      issues.push({
        path: ['metrics', i, 'window'],
        message: `${def.id} is aggregated over time and needs a window, e.g. { "kind": "last_n_months", "months": 12 }`,
      });
    }
    if (!def.windowed && d.window && d.window.kind !== 'all_time') {
      issues.push({
        path: ['metrics', i, 'window'],
        message: `${def.id} is read at the as-of date and takes no window`,
      });
    }
    const info: MetricInfo = {
      key,
      id: def.id,
      label: d.label ?? def.label,
      unit: d.unit ?? def.unit,
      direction:
        d.higherIsBetter === undefined ? def.direction : d.higherIsBetter ? 'higher' : 'lower',
      index: i,
    };
    if (def.range) info.range = def.range;
    out.set(key, info);
  });
  checkDerived(out, issues);
  resolveDerived(out, unitFromOperand);
  return out;
}

/** Metric keys among a formula's operands (constants left out). */
export function operandKeys(m: Pick<MetricInfo, 'derive'>): string[] {
  return (m.derive?.of ?? []).filter((o): o is string => typeof o === 'string');
}

/**
 * Fills in what a derived metric takes from its operands: a metric scaled by a constant
 * (revenue_6m / 6, revenue × 1.13, points + 100) keeps that metric's unit, so a monthly
 * average still reads as money; a quantile orders customers by its metric's direction unless
 * the formula says otherwise.
 */
function resolveDerived(metrics: Map<string, MetricInfo>, unitFromOperand: Set<string>): void {
  const resolving = new Set<string>();
  const resolve = (m: MetricInfo): void => {
    const d = m.derive;
    if (!d || resolving.has(m.key)) return;
    resolving.add(m.key);
    const keys = operandKeys(m);
    const source = keys.length === 1 ? metrics.get(keys[0]!) : undefined;
    if (source) resolve(source);
    if (d.op === 'quantile') {
      d.higherIsBetter ??= source ? source.direction === 'higher' : true;
    } else if (unitFromOperand.has(m.key) && source && d.of.length === 2 && d.op !== 'percent_of') {
      const scaled = d.op === 'ratio' ? typeof d.of[1] === 'number' : true;
      if (scaled) m.unit = source.unit;
    }
    unitFromOperand.delete(m.key);
  };
  for (const m of metrics.values()) resolve(m);
}

function checkDerived(metrics: Map<string, MetricInfo>, issues: SchemeIssue[]): void {
  for (const m of metrics.values()) {
    m.derive?.of.forEach((ref, j) => {
      if (typeof ref === 'string' && !metrics.has(ref)) {
        issues.push({
          path: ['metrics', m.index, 'derive', 'of', j],
          message: `unknown metric ${ref}; declare it in metrics before deriving from it`,
        });
      }
    });
  }
  // Depth-first search; an edge back into the current path closes a cycle.
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string): void => {
    state.set(key, 'open');
    stack.push(key);
    const m = metrics.get(key)!;
    m.derive?.of.forEach((ref, j) => {
      if (typeof ref !== 'string' || !metrics.has(ref)) return;
      const s = state.get(ref);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(ref)), ref].join(' → ');
        issues.push({
          path: ['metrics', m.index, 'derive', 'of', j],
          message: `cyclic derivation ${cycle}: a metric cannot depend on itself`,
        });
      } else if (s === undefined) {
        visit(ref);
      }
    });
    stack.pop();
    state.set(key, 'done');
  };
  for (const key of metrics.keys()) if (!state.has(key)) visit(key);
}

/** Metric keys in an order where every derived metric comes after its inputs. */
export function evaluationOrder(metrics: Map<string, MetricInfo>): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (key: string) => {
    if (done.has(key)) return;
    done.add(key);
    const m = metrics.get(key);
    for (const ref of m ? operandKeys(m) : []) visit(ref);
    out.push(key);
  };
  for (const key of metrics.keys()) visit(key);
  return out;
}
