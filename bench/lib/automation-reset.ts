import type { Deps } from '../../src/app/deps';

/**
 * Removes every automation firing and what it did (term adjustments, the complaint tag,
 * notices, audit entries), so a benchmark sweeps a cached data set from the same state each time.
 * Returns how many firings were removed.
 */
export async function resetAutomation(deps: Deps): Promise<number> {
  return deps.store.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('automation_firings').executeTakeFirst();
    await trx.deleteFrom('customer_term_adjustments').where('source', '=', 'automation').execute();
    await trx.deleteFrom('customer_tags').where('tag', '=', 'complaint_history').execute();
    await trx.deleteFrom('notifications').where('kind', 'like', 'automation.%').execute();
    await trx.deleteFrom('audit_log').where('action', 'like', 'automation.%').execute();
    await trx.deleteFrom('automation_rules').execute();
    return Number(r.numDeletedRows);
  });
}
