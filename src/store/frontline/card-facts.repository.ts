import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';

/** Everything about one customer the card reads besides tickets and contacts, in one round trip. */
export interface CardFacts {
  storedTags: string[];
  complaints: number;
  orderMonths: number;
  channels: string[];
  /** Uses counted per entitlement key and period key (`${key}\u0000${period}` → used). */
  used: Map<string, number>;
  /** Choices received and not voided, per entitlement key. */
  received: Map<string, string[]>;
}

interface FactRow {
  kind: string;
  a: string | null;
  b: string | null;
  n: number | string | null;
  m: number | string | null;
}

/**
 * The card's small facts in ONE statement (a UNION ALL of indexed lookups, each branch on the
 * customer's primary key or index prefix), because the card is on the hot path of counters and
 * hotlines and each statement costs a round trip (PostgreSQL) or a prepare (SQLite):
 * stored tags, complaints and months with orders since `fromMonth` (monthly rollups), order
 * channels since `fromDate`, entitlement balances in the periods `periodKeys` (today's month,
 * quarter, year and lifetime cover every entitlement), and choices received.
 */
export async function cardFacts(
  db: Kysely<DB>,
  customerId: number,
  p: { fromMonth: string; fromDate: string; periodKeys: readonly string[] },
): Promise<CardFacts> {
  const periods = sql.join(p.periodKeys.map((k) => sql`${k}`));
  const r = await sql<FactRow>`
    select 'tag' as kind, tag as a, cast(null as text) as b, cast(null as integer) as n, cast(null as integer) as m
      from customer_tags where customer_id = ${customerId}
    union all
    select 'roll', null, null, sum(complaints), sum(case when order_count > 0 then 1 else 0 end)
      from customer_month_rollups where customer_id = ${customerId} and month >= ${p.fromMonth}
    union all
    select 'chan', channel, null, null, null
      from orders where customer_id = ${customerId} and ordered_on >= ${p.fromDate} and channel is not null
      group by channel
    union all
    select 'bal', entitlement_key, period_key, used, null
      from entitlement_balances where customer_id = ${customerId} and period_key in (${periods})
    union all
    select 'got', entitlement_key, choice, id, null
      from entitlement_uses
      where customer_id = ${customerId} and choice is not null and voided_at is null
  `.execute(db);
  const out: CardFacts = {
    storedTags: [],
    complaints: 0,
    orderMonths: 0,
    channels: [],
    used: new Map(),
    received: new Map(),
  };
  const got: FactRow[] = [];
  for (const row of r.rows) {
    switch (row.kind) {
      case 'tag':
        if (row.a) out.storedTags.push(row.a);
        break;
      case 'roll':
        out.complaints = Number(row.n ?? 0);
        out.orderMonths = Number(row.m ?? 0);
        break;
      case 'chan':
        if (row.a) out.channels.push(row.a);
        break;
      case 'bal':
        out.used.set(`${row.a}\u0000${row.b}`, Number(row.n ?? 0));
        break;
      case 'got':
        got.push(row);
        break;
    }
  }
  // Choices in the order they were given (by use id): the union has no order of its own.
  got.sort((x, y) => Number(x.n) - Number(y.n));
  for (const row of got) {
    const list = out.received.get(row.a as string) ?? [];
    if (row.b && !list.includes(row.b)) list.push(row.b);
    out.received.set(row.a as string, list);
  }
  return out;
}
