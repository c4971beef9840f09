import type { Deps } from '../../src/app/deps';
import { bulkInsert } from '../../src/store/bulk/bulk-writer';
import { cdnowTransactions } from './cdnow';

/** A customer of a lifetime-value test, and its orders (amounts in minor units, may be ≤ 0). */
export interface ClvTestCustomer {
  code: string;
  name?: string;
  region?: string | null;
  industry?: string | null;
  ownerId?: number | null;
  orders: { date: string; amountMinor: number }[];
}

/**
 * Writes customers with their orders straight to the tables, as a bulk load does (no rollups:
 * the fit reads orders). Returns each customer's id by code.
 */
export async function loadClvCustomers(
  deps: Deps,
  customers: readonly ClvTestCustomer[],
): Promise<Map<string, number>> {
  const db = deps.store.db;
  const max = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const maxOrder = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  let id = Number(max?.id ?? 0);
  let orderId = Number(maxOrder?.id ?? 0);
  const now = '2026-01-01T00:00:00.000Z';
  const ids = new Map<string, number>();
  const customerRows = customers.map((c) => {
    id++;
    ids.set(c.code, id);
    return {
      id,
      code: c.code,
      name: c.name ?? `客户${c.code}`,
      name_key: c.code.toLowerCase(),
      type: 'enterprise',
      industry: c.industry === undefined ? '零售' : c.industry,
      region: c.region === undefined ? '华东' : c.region,
      province: null,
      city: null,
      region_code: null,
      size: 'small',
      owner_id: c.ownerId ?? null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
  });
  const orderRows = customers.flatMap((c) =>
    c.orders.map((o) => {
      orderId++;
      return {
        id: orderId,
        customer_id: ids.get(c.code)!,
        order_no: `CLV${String(orderId).padStart(9, '0')}`,
        ordered_on: o.date,
        amount_minor: o.amountMinor,
        cost_minor: null,
        currency: 'CNY',
        category: null,
        channel: null,
        rush: 0,
        created_at: now,
      };
    }),
  );
  await bulkInsert(deps.store, { customers: customerRows, orders: orderRows });
  return ids;
}

/** The CDNOW sample as customers `CD0001`… with their purchases (dollars as cents). */
export function cdnowCustomers(): ClvTestCustomer[] {
  const byId = new Map<string, ClvTestCustomer>();
  for (const t of cdnowTransactions()) {
    const code = `CD${t.customerId.padStart(4, '0')}`;
    let c = byId.get(code);
    if (!c) {
      c = { code, orders: [] };
      byId.set(code, c);
    }
    c.orders.push({ date: t.date, amountMinor: Math.round(t.amount * 100) });
  }
  return [...byId.values()];
}

/**
 * Customers drawn from the BG/NBD story with a fixed seed: each buys at its own weekly rate
 * (exponential across customers) from a first day in `startYear`, may drop out after each
 * purchase (probability uniform in 0–0.5), and stops at `until`. Amounts come from `amount`
 * (customer index and purchase number) so spend can be zero or anything else.
 */
export function simulatedBuyers(
  prefix: string,
  count: number,
  opts: {
    seed?: number;
    startYear?: number;
    until?: string;
    amount?: (customer: number, purchase: number) => number;
  } = {},
): ClvTestCustomer[] {
  let state = (opts.seed ?? 1) >>> 0 || 1;
  // xorshift32: deterministic and dependency-free.
  const uniform = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state + 0.5) / 4_294_967_296;
  };
  const year = opts.startYear ?? 2024;
  const end = Date.UTC(
    Number((opts.until ?? `${year + 1}-12-31`).slice(0, 4)),
    Number((opts.until ?? `${year + 1}-12-31`).slice(5, 7)) - 1,
    Number((opts.until ?? `${year + 1}-12-31`).slice(8, 10)),
  );
  // Each customer has a typical spend of its own (¥20–¥420) and varies ±40 % around it.
  const amount =
    opts.amount ??
    ((c: number, k: number) =>
      Math.round((2_000 + ((c * 7919) % 101) * 400) * (0.6 + ((k * 0.618_034) % 1) * 0.8)));
  const out: ClvTestCustomer[] = [];
  for (let c = 0; c < count; c++) {
    const rate = -Math.log(uniform()) * 0.4; // purchases a week
    const dropout = uniform() * 0.5;
    let day = Date.UTC(year, 0, 1) + Math.floor(uniform() * 365) * 86_400_000;
    const orders: { date: string; amountMinor: number }[] = [];
    for (let k = 0; day <= end; k++) {
      orders.push({ date: new Date(day).toISOString().slice(0, 10), amountMinor: amount(c, k) });
      if (uniform() < dropout || rate === 0) break;
      day += Math.max(1, Math.round((-Math.log(uniform()) / rate) * 7)) * 86_400_000;
    }
    out.push({ code: `${prefix}${String(c + 1).padStart(4, '0')}`, orders });
  }
  return out;
}
