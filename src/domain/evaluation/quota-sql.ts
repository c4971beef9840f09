import type { QuotaRoundingRule } from './quota-counts';

export interface QuotaSqlOptions {
  dialect: 'sqlite' | 'postgres';
  /** Table (or schema.table) holding exactly the customers the engine ranks. */
  table: string;
  /** Column names; defaults code and score. `id` is passed through when given. */
  columns?: { id?: string; code?: string; score?: string };
  tieBreak?: readonly { column: string; order: 'desc' | 'asc' }[];
  /** Quota tiers best first; percentages with at most two decimals, adding up to 100. */
  quotas: readonly { tier: string; percent: number }[];
  rounding: QuotaRoundingRule;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function ident(name: string): string {
  const parts = name.split('.');
  if (!parts.every((p) => IDENT.test(p)))
    throw new RangeError(`not a plain SQL identifier: ${name}`);
  return parts.map((p) => `"${p}"`).join('.');
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The SQL form of quota assignment, with the same semantics as assignQuotaTiers:
 * - order: `score DESC NULLS LAST`, each tie-break column with NULLS LAST, then code in
 *   binary order (`COLLATE "C"` on PostgreSQL, `COLLATE BINARY` on SQLite — the order of
 *   JavaScript's `<` for the ASCII codes customers have); `row_number()` numbers the list;
 * - counts from exact integer arithmetic on basis points over m = count(*), as quotaCounts:
 *   largest remainder (⌊m·bp/10000⌋, leftovers by remainder desc then better tier) or
 *   cumulative (tier ends at ⌊(m·C + 5000)/10000⌋);
 * - row at position p gets the tier whose cumulative range (lo, hi] contains p.
 * Returns one row per customer: [id,] code, tier, slot (0 = first quota tier), pos.
 * The relation must hold only the customers to rank (segment, minus rule and provisional
 * placements); NULL scores and tie-break values rank last, as NaN does in memory.
 */
export function quotaAssignmentSql(o: QuotaSqlOptions): string {
  const code = ident(o.columns?.code ?? 'code');
  const score = ident(o.columns?.score ?? 'score');
  const id = o.columns?.id ? ident(o.columns.id) : undefined;
  const collate = o.dialect === 'postgres' ? 'COLLATE "C"' : 'COLLATE BINARY';
  const orderBy = [
    `${score} DESC NULLS LAST`,
    ...(o.tieBreak ?? []).map(
      (t) => `${ident(t.column)} ${t.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`,
    ),
    `${code} ${collate} ASC`,
  ].join(', ');
  const bp = o.quotas.map((q) => Math.round(q.percent * 100));
  if (bp.some((b) => b < 0) || bp.reduce((a, b) => a + b, 0) !== 10000)
    throw new RangeError('quotas must be non-negative and add up to 100%');
  const values = o.quotas.map((q, i) => `(${i}, ${literal(q.tier)}, ${bp[i]})`).join(', ');
  const running = 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';

  const counts =
    o.rounding === 'largest_remainder'
      ? `base AS (
  SELECT q.slot, q.tier, (t.m * q.bp) / 10000 AS fl, (t.m * q.bp) % 10000 AS rem
  FROM quota q CROSS JOIN total t
),
sized AS (
  SELECT slot, tier,
    fl + CASE WHEN row_number() OVER (ORDER BY rem DESC, slot ASC)
                   <= (SELECT m FROM total) - (SELECT sum(fl) FROM base)
              THEN 1 ELSE 0 END AS cnt
  FROM base
),
bounds AS (
  SELECT slot, tier, sum(cnt) OVER (ORDER BY slot ${running}) - cnt AS lo,
         sum(cnt) OVER (ORDER BY slot ${running}) AS hi
  FROM sized
)`
      : `cum AS (
  SELECT slot, tier, sum(bp) OVER (ORDER BY slot ${running}) AS c FROM quota
),
ends AS (
  SELECT cum.slot, cum.tier, (t.m * cum.c + 5000) / 10000 AS hi FROM cum CROSS JOIN total t
),
bounds AS (
  SELECT slot, tier, COALESCE(lag(hi) OVER (ORDER BY slot), 0) AS lo, hi FROM ends
)`;

  return `WITH ranked AS (
  SELECT ${id ? `${id} AS id, ` : ''}${code} AS code,
         row_number() OVER (ORDER BY ${orderBy}) AS pos
  FROM ${ident(o.table)}
),
total AS (SELECT count(*) AS m FROM ranked),
quota (slot, tier, bp) AS (VALUES ${values}),
${counts}
SELECT ${id ? 'r.id, ' : ''}r.code, b.tier, b.slot, r.pos
FROM ranked r JOIN bounds b ON r.pos > b.lo AND r.pos <= b.hi
ORDER BY r.pos`;
}

export interface CumulativeShareSqlOptions {
  dialect: 'sqlite' | 'postgres';
  /** Table (or schema.table) holding exactly the customers the engine ranks. */
  table: string;
  /** Column names; defaults code and value (the metric). `id` is passed through when given. */
  columns?: { id?: string; code?: string; value?: string };
  tieBreak?: readonly { column: string; order: 'desc' | 'asc' }[];
  /** Tiers best first with their cumulative lines (percent, two decimals, ascending, last 100). */
  shares: readonly { tier: string; upTo: number }[];
}

/**
 * The SQL form of cumulative-share assignment, with the same semantics as
 * assignCumulativeShareTiers:
 * - order: `value DESC NULLS LAST`, each tie-break column with NULLS LAST, then code in binary
 *   order; `row_number()` numbers the list;
 * - each value in whole hundredths, rounded half up from the same double arithmetic as
 *   shareUnits (`floor(v * 100 + 0.5)`; SQLite truncates with CAST, which is floor for the
 *   positive values counted), 0 when NULL or not above 0;
 * - C = running total of the rows before (an exact integer sum), T = the total; a counted row
 *   takes the first line with C·10000 < bp·T (the crossing row stays in the tier above), an
 *   uncounted row the last line. PostgreSQL sums bigints into numeric, exactly; SQLite's
 *   64-bit integers hold C·10000 while the total stays below about 9·10¹⁴ hundredths.
 * Returns one row per customer: [id,] code, tier, slot (0 = first line), pos.
 */
export function cumulativeShareSql(o: CumulativeShareSqlOptions): string {
  const code = ident(o.columns?.code ?? 'code');
  const value = ident(o.columns?.value ?? 'value');
  const id = o.columns?.id ? ident(o.columns.id) : undefined;
  const collate = o.dialect === 'postgres' ? 'COLLATE "C"' : 'COLLATE BINARY';
  const orderBy = [
    `${value} DESC NULLS LAST`,
    ...(o.tieBreak ?? []).map(
      (t) => `${ident(t.column)} ${t.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`,
    ),
    `${code} ${collate} ASC`,
  ].join(', ');
  const bp = o.shares.map((q) => Math.round(q.upTo * 100));
  const ascending = bp.every((b, i) => b > 0 && (i === 0 || b > bp[i - 1]!));
  if (!ascending || bp[bp.length - 1] !== 10000)
    throw new RangeError('shares must ascend above 0 and end at 100%');
  const values = o.shares.map((q, i) => `(${i}, ${literal(q.tier)}, ${bp[i]})`).join(', ');
  const units =
    o.dialect === 'postgres'
      ? `CAST(floor(${value} * 100 + 0.5) AS bigint)`
      : `CAST(${value} * 100 + 0.5 AS INTEGER)`;
  const last = o.shares.length - 1;
  return `WITH ranked AS (
  SELECT ${id ? `${id} AS id, ` : ''}${code} AS code,
         CASE WHEN ${value} > 0 THEN ${units} ELSE 0 END AS u,
         row_number() OVER (ORDER BY ${orderBy}) AS pos
  FROM ${ident(o.table)}
),
run AS (
  SELECT ${id ? 'id, ' : ''}code, u, pos,
         COALESCE(sum(u) OVER (ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS cprev,
         sum(u) OVER () AS total
  FROM ranked
),
share_line (slot, tier, bp) AS (VALUES ${values}),
placed AS (
  SELECT r.*, CASE WHEN r.u <= 0 THEN ${last}
    ELSE (SELECT min(l.slot) FROM share_line l WHERE r.cprev * 10000 < l.bp * r.total) END AS slot
  FROM run r
)
SELECT ${id ? 'p.id, ' : ''}p.code, l.tier, p.slot, p.pos
FROM placed p JOIN share_line l ON l.slot = p.slot
ORDER BY p.pos`;
}
