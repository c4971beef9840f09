import type { Kysely } from 'kysely';
import type { DemoIdStart } from '../../../examples/demo';
import { BULK_TABLES } from '../../store/bulk/bulk-writer';
import { readJsonSetting } from '../../store/json-settings.repository';
import type { DB } from '../../store/schema';

/** Set, in the same transaction as the last rows, once a demo load has fully committed. */
export const DEMO_LOADED_KEY = 'demo_loaded';
/** Set while a multi-transaction load is under way; left behind if it is interrupted. */
export const DEMO_PARTIAL_KEY = 'demo_partial';

export interface PartialDemo {
  customerIdStart: number;
  codePrefix: string;
}

/** The summary of the loaded demo, or undefined when none has completed. */
export function readDemoLoaded(db: Kysely<DB>): Promise<Record<string, unknown> | undefined> {
  return readJsonSetting(db, DEMO_LOADED_KEY);
}

/** Where an interrupted load started, or undefined. */
export function readDemoPartial(db: Kysely<DB>): Promise<PartialDemo | undefined> {
  return readJsonSetting(db, DEMO_PARTIAL_KEY);
}

/** Removes a setting. */
export async function deleteSetting(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}

/** The next free id of every bulk table (explicit ids start there). */
export async function nextIds(db: Kysely<DB>): Promise<Required<DemoIdStart>> {
  const next = {} as Required<DemoIdStart>;
  for (const table of BULK_TABLES) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    next[table] = Number(r?.max ?? 0) + 1;
  }
  return next;
}

/**
 * Deletes what an interrupted load left: its customers (recognised by id range and code prefix)
 * with their facts. Demo owners stay; the next load reuses them.
 */
export async function removePartialDemo(db: Kysely<DB>, partial: PartialDemo): Promise<void> {
  const demoCustomers = db
    .selectFrom('customers')
    .select('id')
    .where('id', '>=', partial.customerIdStart)
    .where('code', 'like', `${partial.codePrefix}%`);
  await db.transaction().execute(async (trx) => {
    for (const table of ['orders', 'payments', 'tickets', 'survey_responses'] as const) {
      await trx.deleteFrom(table).where('customer_id', 'in', demoCustomers).execute();
    }
    await trx
      .deleteFrom('customers')
      .where('id', '>=', partial.customerIdStart)
      .where('code', 'like', `${partial.codePrefix}%`)
      .execute();
    await deleteSetting(trx, DEMO_PARTIAL_KEY);
  });
}
