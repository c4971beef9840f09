import { DomainError } from '../errors';
import { TAG_METRIC_PREFIX } from '../scheme/metric-catalog';
import type { EvaluationInput } from './evaluation-input';
import type { Plan } from './plan';
import { quantileBucket } from './quantile';
import { presentValues } from './score-criteria';

const bad = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError('VALIDATION', message, details);

/**
 * Checks the input (checkInput) and returns
 * one Float64Array per metric key: measured columns as given, tag metrics as 0/1, derived
 * metrics computed (NaN when an input is missing or a ratio divides by zero; a constant
 * operand is the same number on every row). A quantile's population is the customers of
 * `segment` (everyone when null) that have a value; customers outside it get NaN.
 */
export function metricColumns(
  plan: Plan,
  input: EvaluationInput,
  segment: Uint8Array | null = null,
): Map<string, Float64Array> {
  checkInput(plan, input);
  const { n } = input;
  const out = new Map<string, Float64Array>();
  for (const m of plan.metrics) {
    if (m.derive) {
      const operand = (o: string | number) => (typeof o === 'number' ? o : out.get(o)!);
      const [a, b] = m.derive.of;
      out.set(
        m.key,
        m.derive.op === 'quantile'
          ? quantileColumn(out.get(a as string)!, segment, m.derive)
          : derive(m.derive.op, operand(a!), operand(b!), n),
      );
    } else if (m.id?.startsWith(TAG_METRIC_PREFIX)) {
      const flags = input.tags?.[m.id.slice(TAG_METRIC_PREFIX.length)];
      const col = new Float64Array(n);
      if (flags) for (let i = 0; i < n; i++) col[i] = flags[i] ? 1 : 0;
      out.set(m.key, col);
    } else {
      const col = input.metrics[m.key];
      if (!col) throw bad(`the input lacks the metric column ${m.key}`, { metric: m.key });
      if (col.length !== n) throw bad(`metric column ${m.key} must hold ${n} rows`);
      out.set(m.key, col);
    }
  }
  return out;
}

/**
 * Checks that the input has n rows in every column and carries the attribute columns, previous
 * tiers and tenure the plan reads; throws a VALIDATION DomainError otherwise.
 */
export function checkInput(plan: Plan, input: EvaluationInput): void {
  const { n } = input;
  if (!Number.isInteger(n) || n < 0) throw bad(`n must be a whole number ≥ 0, got ${n}`);
  if (input.ids.length !== n || input.codes.length !== n)
    throw bad(`ids and codes must hold n = ${n} rows`, {
      ids: input.ids.length,
      codes: input.codes.length,
    });
  for (const a of plan.requires.attributes) {
    const col = input.attributes?.[a];
    if (!col) throw bad(`the input lacks the attribute column ${a}`, { attribute: a });
    if (col.codes.length !== n) throw bad(`attribute column ${a} must hold ${n} rows`);
  }
  for (const [tag, col] of Object.entries(input.tags ?? {}))
    if (col.length !== n) throw bad(`tag column ${tag} must hold ${n} rows`);
  const prev = input.previous;
  if (prev && (prev.tier.length !== n || (prev.belowCount && prev.belowCount.length !== n)))
    throw bad(`previous tiers must hold ${n} rows`);
  if (prev?.tier.some((t) => t >= plan.tiers.length))
    throw bad(`previous tiers must be indexes into the plan's ${plan.tiers.length} tiers, or -1`);
  if (plan.requires.tenure && (!input.tenureMonths || input.tenureMonths.length !== n))
    throw bad(`the scheme has provisional tiers: tenureMonths must hold ${n} rows`);
}

/** Bucket by row (see quantileBucket); NaN for a missing value or a row outside the segment. */
function quantileColumn(
  values: Float64Array,
  segment: Uint8Array | null,
  d: { buckets?: number; higherIsBetter?: boolean },
): Float64Array {
  const bucket = quantileBucket(presentValues(values, segment), d.buckets!, d.higherIsBetter!);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++)
    out[i] = segment && !segment[i] ? Number.NaN : bucket(values[i]!);
  return out;
}

/** One operand: a column, or a constant that stands for the same value on every row. */
type Operand = Float64Array | number;

function derive(op: string, a: Operand, b: Operand, n: number): Float64Array {
  const out = new Float64Array(n);
  const at = (x: Operand, i: number) => (typeof x === 'number' ? x : x[i]!);
  for (let i = 0; i < n; i++) {
    const x = at(a, i);
    const y = at(b, i);
    let v: number;
    if (op === 'ratio') v = y === 0 ? Number.NaN : x / y;
    else if (op === 'percent_of') v = y === 0 ? Number.NaN : (100 * x) / y;
    else if (op === 'difference') v = x - y;
    else if (op === 'sum') v = x + y;
    else v = x * y;
    out[i] = v;
  }
  return out;
}
