import { sql } from 'kysely';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { publishRun } from '../../src/app/review/publish.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';

const AS_OF = '2026-11-30';

/**
 * `n` enterprise customers written by one SQL statement, each with last year's revenue in the
 * monthly rollups (what the ABCD scorecard ranks by). Far faster than generating orders.
 */
async function insertCustomers(deps: Deps, n: number): Promise<void> {
  const db = deps.store.db;
  const now = new Date().toISOString();
  if (deps.store.engine === 'sqlite') {
    await sql`insert into customers (code, name, type, region, created_at, updated_at, version)
      with recursive s(i) as (select 1 union all select i + 1 from s where i < ${n})
      select 'P' || printf('%06d', i), '发布测试客户' || i, 'enterprise', '华东', ${now}, ${now}, 1
      from s`.execute(db);
  } else {
    await sql`insert into customers (code, name, type, region, created_at, updated_at, version)
      select 'P' || lpad(i::text, 6, '0'), '发布测试客户' || i, 'enterprise', '华东', ${now}, ${now}, 1
      from generate_series(1, ${n}) i`.execute(db);
  }
  await sql`insert into customer_month_rollups (customer_id, month, order_count, revenue_minor)
    select id, '2025-06', 1 + id % 7, (id * 7919) % 100003 from customers`.execute(db);
}

/**
 * A company whose ABCD tiers were published once (from run 1), and a second run over changed
 * revenue (run 2) that moves most customers to another tier, waiting to be published.
 */
export async function seedTwoRuns(deps: Deps, n: number): Promise<{ runId: number }> {
  await insertCustomers(deps, n);
  const ctx = systemCtx('crash-test');
  const { version } = await createFromTemplate(deps, ctx, 'abcd');
  await markServiceTier(deps, ctx, version.schemeId);
  const first = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: AS_OF });
  await publishRun(deps, ctx, first.runId, { effectiveFrom: '2026-12-01' });
  // Reverse the revenue ranking, so the next run moves customers between tiers.
  await sql`update customer_month_rollups set revenue_minor = 100003 - revenue_minor`.execute(
    deps.store.db,
  );
  const second = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: AS_OF });
  return { runId: second.runId };
}

/** The current published tier of every customer, as `customerId:tier` sorted. */
export async function currentTiers(deps: Pick<Deps, 'store'>): Promise<string[]> {
  const rows = await deps.store.db
    .selectFrom('customer_tiers')
    .select(['customer_id', 'tier'])
    .execute();
  return rows.map((r) => `${r.customer_id}:${r.tier}`).sort();
}

/** The tiers a run computed, in the same form. */
export async function runTiers(deps: Deps, runId: number): Promise<string[]> {
  const rows = await deps.store.db
    .selectFrom('tier_results')
    .select(['customer_id', 'tier'])
    .where('run_id', '=', runId)
    .execute();
  return rows.map((r) => `${r.customer_id}:${r.tier}`).sort();
}

/** A customers CSV of `n` rows with codes that do not collide with seeded ones. */
export function customersCsv(n: number, prefix: string): Buffer {
  const lines = ['客户编码,客户名称,客户类型,省份,城市'];
  for (let i = 1; i <= n; i++)
    lines.push(`${prefix}${String(i).padStart(7, '0')},导入客户${i}有限公司,企业,浙江省,杭州市`);
  return Buffer.from(`${lines.join('\n')}\n`);
}
