import type { Criterion, MetricDecl, Ranking, SchemeDocument } from '../../../api/tiering';

/**
 * The editor's form values: the scheme document itself, plus switches for the optional
 * sections (segment, provisional, hysteresis) and category values as text, so one input takes
 * both codes (1, 2, 3) and words.
 */
export type FormDoc = Omit<SchemeDocument, 'criteria' | 'metrics'> & {
  criteria: (Omit<Criterion, 'map'> & { map?: { value: string; points: number }[] })[];
  metrics: (Omit<MetricDecl, 'derive'> & {
    derive?: Omit<NonNullable<MetricDecl['derive']>, 'of'> & { of: string[] };
  })[];
  _segment?: boolean;
  _provisional?: boolean;
  _hysteresis?: boolean;
};

/** Keys each criterion kind takes besides the common ones; the schema refuses any other. */
const CRITERION_KEYS: Record<Criterion['kind'], readonly string[]> = {
  bands: ['bands', 'cover', 'maxPoints'],
  linear: ['min', 'max', 'maxPoints', 'higherIsBetter'],
  percentile: ['method', 'maxPoints', 'higherIsBetter'],
  category: ['map', 'otherwise', 'maxPoints'],
  quantile: ['buckets', 'maxPoints', 'higherIsBetter'],
};
const COMMON_CRITERION_KEYS = ['id', 'label', 'metric', 'weight', 'kind', 'missing'];

const WINDOW_KEYS: Record<string, readonly string[]> = {
  last_n_months: ['months'],
  calendar_year: ['offset'],
  fiscal_year: ['startMonth', 'offset'],
  year_to_date: [],
  all_time: [],
};

const RANKING_KEYS: Record<Ranking['kind'], readonly string[]> = {
  thresholds: ['thresholds'],
  quotas: ['quotas', 'rounding', 'tieBreak'],
  cumulative_share: ['metric', 'shares', 'tieBreak'],
};

/**
 * Drops empty values (null from a cleared number input, '' from a cleared text input) and the
 * objects and lists they leave empty, because optional fields of a scheme must be absent, not
 * null. Lists keep their length so indexes in error paths still match the form.
 */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = prune(v);
    if (p === null || p === undefined || p === '') continue;
    if (typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
    out[k] = p;
  }
  return out;
}

function pick(obj: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => keys.includes(k)));
}

/** A category value or derive operand as the document wants it: a number when the text is one. */
function textOrNumber(v: string | number): string | number {
  if (typeof v === 'number') return v;
  const s = v.trim();
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
}

/** The form values for a document. */
export function toForm(doc: SchemeDocument): FormDoc {
  return {
    ...doc,
    metrics: doc.metrics.map((m) =>
      m.derive
        ? { ...m, derive: { ...m.derive, of: m.derive.of.map(String) } }
        : { ...m, derive: undefined },
    ),
    criteria: doc.criteria.map((c) =>
      c.map
        ? { ...c, map: c.map.map((e) => ({ ...e, value: String(e.value) })) }
        : { ...c, map: undefined },
    ),
    _segment: doc.appliesTo !== undefined,
    _provisional: doc.provisional !== undefined,
    _hysteresis: doc.hysteresis !== undefined,
  };
}

/**
 * The document for the form values: switched-off sections removed, each criterion, window and
 * ranking reduced to the fields of its kind (a kind changed in the form leaves the old kind's
 * fields behind), tier ranks taken from the order of the list.
 */
export function fromForm(values: FormDoc): SchemeDocument {
  const { _segment, _provisional, _hysteresis, ...rest } = values;
  const doc = prune(rest) as Record<string, unknown> & Partial<SchemeDocument>;
  if (!_segment) delete doc.appliesTo;
  if (!_provisional) delete doc.provisional;
  if (!_hysteresis) delete doc.hysteresis;

  doc.tiers = (doc.tiers ?? []).map((tier, i) => ({ ...tier, rank: i + 1 }));
  doc.metrics = (doc.metrics ?? []).map((m) => {
    const out = { ...m } as MetricDecl;
    if (out.derive) {
      const { op, of = [], buckets, higherIsBetter } = out.derive;
      // Quantile takes one metric and its buckets; the binary operations take two operands.
      out.derive =
        op === 'quantile'
          ? {
              op,
              of: of.slice(0, 1),
              ...(buckets !== undefined ? { buckets } : {}),
              ...(higherIsBetter !== undefined ? { higherIsBetter } : {}),
            }
          : { op, of: of.slice(0, 2).map(textOrNumber) };
    }
    if (out.window && !out.window.kind) delete out.window;
    if (out.window) {
      out.window = {
        kind: out.window.kind,
        ...pick(
          out.window as unknown as Record<string, unknown>,
          WINDOW_KEYS[out.window.kind] ?? [],
        ),
      } as MetricDecl['window'];
    }
    return out;
  });
  doc.criteria = (doc.criteria ?? []).map((raw) => {
    const c = raw as unknown as Record<string, unknown> & Criterion;
    const out = pick(c, [
      ...COMMON_CRITERION_KEYS,
      ...(CRITERION_KEYS[c.kind] ?? []),
    ]) as unknown as Criterion;
    // A cleared policy means the default (zero), which is what leaving it out says.
    if (out.missing && !out.missing.policy) delete out.missing;
    else if (out.missing && out.missing.policy !== 'value')
      out.missing = { policy: out.missing.policy };
    if (out.map) out.map = out.map.map((e) => ({ ...e, value: textOrNumber(e.value) }));
    return out;
  });
  const assignment = (doc.assignment ?? {}) as SchemeDocument['assignment'];
  const r = assignment.ranking;
  if (!r?.kind) delete assignment.ranking;
  else
    assignment.ranking = {
      kind: r.kind,
      ...pick(r as unknown as Record<string, unknown>, RANKING_KEYS[r.kind]),
    } as Ranking;
  doc.assignment = assignment;
  return doc as SchemeDocument;
}

/** A server path (`criteria[2].bands[1].min`) as a form name path. */
export function issuePath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}
