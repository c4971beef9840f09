import type { MetricInfo } from './check-metrics';
import { type Condition, conditionShape } from './condition.schema';
import type { IssuePath, SchemeIssue } from './scheme-issue';

interface Interval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
  /** Where each bound came from, for the message. */
  loFrom?: string;
  hiFrom?: string;
  missingAt?: string;
  presentAt?: string;
}

const pathText = (p: IssuePath) =>
  p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
const leafText = (c: Condition) =>
  c.op === 'missing' || c.op === 'present'
    ? `${c.metric} is ${c.op}`
    : `${c.metric} ${c.op} ${c.value}`;

/**
 * Finds a condition that can never hold, conservatively: a comparison outside the metric's
 * range, or comparisons joined by `all` that no single value satisfies
 * (`revenue >= 10 AND revenue < 5`), a metric required both missing and present, a tag both
 * required and excluded, or attribute lists with nothing in common. `any` fails only when
 * every alternative fails; `not` is never judged. Returns the first issue, at the exact leaf.
 */
export function findContradiction(
  c: Condition,
  metrics: ReadonlyMap<string, MetricInfo>,
  path: IssuePath,
): SchemeIssue | undefined {
  const shape = conditionShape(c);
  if (shape === 'metric') return leafAlone(c, metrics, path);
  if (shape === 'any') {
    const found = c.any!.map((a, i) => findContradiction(a, metrics, [...path, 'any', i]));
    if (found.every((f) => f !== undefined)) return found[0];
    return undefined;
  }
  if (shape !== 'all') return undefined;
  for (let i = 0; i < c.all!.length; i++) {
    const f = findContradiction(c.all![i]!, metrics, [...path, 'all', i]);
    if (f) return f;
  }
  return conjunction(c, metrics, path);
}

function leafAlone(
  c: Condition,
  metrics: ReadonlyMap<string, MetricInfo>,
  path: IssuePath,
): SchemeIssue | undefined {
  const info = metrics.get(c.metric!);
  const iv = start(info);
  if (narrow(iv, c, pathText(path))) return undefined;
  return {
    path: [...path, 'value'],
    message: `${leafText(c)} can never hold: ${c.metric} lies between ${info?.range?.[0]} and ${info?.range?.[1]}`,
  };
}

function start(info: MetricInfo | undefined): Interval {
  const [lo, hi] = info?.range ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  return { lo, loOpen: false, hi, hiOpen: false };
}

/** Applies one comparison to an interval; false when the interval becomes empty. */
function narrow(iv: Interval, c: Condition, at: string): boolean {
  const op = c.op!;
  const v = c.value!;
  if (op === 'missing') {
    iv.missingAt = at;
    return iv.presentAt === undefined && iv.loFrom === undefined && iv.hiFrom === undefined;
  }
  if (op === 'present') {
    iv.presentAt = at;
    return iv.missingAt === undefined;
  }
  // Every comparison is false on a missing value.
  if (iv.missingAt !== undefined) return false;
  if (op === '!=') return true;
  if ((op === '>=' || op === '>' || op === '==') && (v > iv.lo || (v === iv.lo && op === '>'))) {
    iv.lo = v;
    iv.loOpen = op === '>';
    iv.loFrom = at;
  }
  if ((op === '<=' || op === '<' || op === '==') && (v < iv.hi || (v === iv.hi && op === '<'))) {
    iv.hi = v;
    iv.hiOpen = op === '<';
    iv.hiFrom = at;
  }
  return iv.lo < iv.hi || (iv.lo === iv.hi && !iv.loOpen && !iv.hiOpen);
}

/** Collects the leaves joined by `all` (flattening nested `all`) and checks them together. */
function conjunction(
  c: Condition,
  metrics: ReadonlyMap<string, MetricInfo>,
  path: IssuePath,
): SchemeIssue | undefined {
  const intervals = new Map<string, Interval>();
  const tags = new Map<string, { want: boolean; at: string }>();
  const attrs = new Map<string, { allowed: Set<string>; at: string }>();
  const leaves: { c: Condition; path: IssuePath }[] = [];
  const flatten = (n: Condition, p: IssuePath) => {
    if (!n.all) leaves.push({ c: n, path: p });
    else
      n.all.forEach((x, i) => {
        flatten(x, [...p, 'all', i]);
      });
  };
  flatten(c, path);

  for (const { c: leaf, path: p } of leaves) {
    const at = pathText(p);
    if (leaf.metric !== undefined) {
      const iv = intervals.get(leaf.metric) ?? start(metrics.get(leaf.metric));
      intervals.set(leaf.metric, iv);
      const before = { ...iv };
      if (!narrow(iv, leaf, at)) {
        const other = before.missingAt ?? before.presentAt ?? before.loFrom ?? before.hiFrom;
        return {
          path: [...p, leaf.op === 'missing' || leaf.op === 'present' ? 'op' : 'value'],
          message: `${leafText(leaf)} contradicts ${other ? `the condition at ${other}` : `the range of ${leaf.metric}`}: no value satisfies both, so this can never hold`,
        };
      }
      continue;
    }
    const neg = leaf.not;
    const tag = leaf.tag ?? (neg && neg.tag !== undefined ? neg.tag : undefined);
    if (tag !== undefined) {
      const want = leaf.tag !== undefined;
      const prev = tags.get(tag);
      if (prev && prev.want !== want) {
        return {
          path: leaf.tag !== undefined ? [...p, 'tag'] : [...p, 'not', 'tag'],
          message: `tag ${tag} is both required and excluded (see ${prev.at}), so this can never hold`,
        };
      }
      tags.set(tag, { want, at });
      continue;
    }
    if (leaf.attribute !== undefined) {
      const prev = attrs.get(leaf.attribute);
      const allowed = new Set(
        prev ? leaf.in!.filter((v) => prev.allowed.has(v)) : (leaf.in as string[]),
      );
      if (allowed.size === 0) {
        return {
          path: [...p, 'in'],
          message: `${leaf.attribute} cannot be in [${leaf.in!.join(', ')}] and also match ${prev!.at}, so this can never hold`,
        };
      }
      attrs.set(leaf.attribute, { allowed, at });
    }
  }
  return undefined;
}
