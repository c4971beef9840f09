import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/store/schema';

/**
 * Fills `count` open tickets with their clock rows inside the database (generate_series on
 * PostgreSQL, a recursive CTE on SQLite), so the load measures the engines rather than the
 * driver. Tickets spread over 1,000 customers, levels 1–4, 20 assignees (a fifth unassigned),
 * tiers A–D (a tenth without a tier), resolution due instants over 30 days from `base`;
 * every 50th ticket is breached and every 10th past its warning.
 */
export async function fillOpenTickets(
  db: Kysely<DB>,
  engine: 'sqlite' | 'postgres',
  count: number,
  base: string,
): Promise<void> {
  const pg = engine === 'postgres';
  const now = base;
  await db
    .insertInto('customers')
    .values(
      Array.from({ length: 1000 }, (_, i) => ({
        id: i + 1,
        code: `QB${i + 1}`,
        name: `队列客户${i + 1}`,
        type: 'enterprise',
        industry: null,
        region: null,
        province: null,
        city: null,
        size: null,
        owner_id: null,
        created_at: now,
        updated_at: now,
        version: 1,
        credit_code: null,
        name_key: null,
        district: null,
        region_code: null,
        source: null,
        merged_into_id: null,
      })),
    )
    .execute();
  await db
    .insertInto('users')
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        id: i + 1,
        username: `qagent${i + 1}`,
        display_name: `Agent ${i + 1}`,
        email: null,
        password_hash: 'x',
        role_id: 'service_agent',
        region: null,
        active: 1,
        locale: 'zh-CN',
        created_at: now,
        updated_at: now,
        version: 1,
      })),
    )
    .execute();
  // i = 1 … count; instants as ISO text on SQLite and timestamptz on PostgreSQL.
  const at = (secondsExpr: string) =>
    pg
      ? `(timestamptz '${base}' + (${secondsExpr}) * interval '1 second')`
      : `strftime('%Y-%m-%dT%H:%M:%fZ', '${base}', printf('%+d seconds', ${secondsExpr}))`;
  const series = pg
    ? `generate_series(1::bigint, ${count}) as g(i)`
    : `(with recursive s(i) as (select 1 union all select i + 1 from s where i < ${count}) select i from s) as g`;
  await sql
    .raw(
      `insert into tickets (id, customer_id, subject, category, category_path, level, status,
         opened_at, created_at, updated_at, assignee_id, source, channel)
       select i, 1 + i % 1000, 'ticket ' || i, 'repair', 'repair', 1 + i % 4,
         case i % 4 when 0 then 'new' when 1 then 'assigned' when 2 then 'replied' else 'in_progress' end,
         ${at('-(i % 86400)')}, ${at('-(i % 86400)')}, ${at('0')},
         case when i % 5 = 0 then null else 1 + i % 20 end, 'staff', 'phone'
       from ${series}`,
    )
    .execute(db);
  await sql
    .raw(
      `insert into ticket_slas (ticket_id, policy_version, policy_key, tier, calendar_key,
         first_reply_due_at, response_due_at, resolution_due_at, warn_at, breached,
         escalation_level, paused_ms, recomputed_at, reason, version)
       select i, 1, 'level-' || (1 + i % 4),
         case i % 10 when 0 then null when 1 then 'A' when 2 then 'B' when 3 then 'C' else 'D' end,
         'cn-mainland', ${at('(i * 7919) % 7200')}, ${at('(i * 7919) % 28800')},
         ${at('(i * 7919) % 2592000')},
         case when i % 10 = 0 then ${at('-60')} else ${at('(i * 7919) % 1944000')} end,
         case when i % 50 = 0 then 1 else 0 end, 0, 0, ${at('0')}, 'opened', 1
       from ${series}`,
    )
    .execute(db);
}
