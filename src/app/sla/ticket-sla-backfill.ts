import { systemCtx } from '../context';
import type { Deps } from '../deps';
import { computeTicketClock } from './ticket-sla-clock';

const DONE = ['resolved', 'confirmed', 'closed'];

/**
 * Gives open tickets filed before SLA clocks existed (older data, bulk loads such as the demo)
 * their clocks, as if computed when they were opened. Idempotent: tickets that have a clock are
 * left alone. Works in batches so a large backlog never holds one long transaction.
 */
export async function backfillTicketClocks(
  deps: Deps,
  log: (msg: string) => void = () => {},
  batch = 200,
): Promise<number> {
  const ctx = systemCtx('sla-backfill');
  const db = deps.store.db;
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = (
      await db
        .selectFrom('tickets as t')
        .leftJoin('ticket_slas as s', 's.ticket_id', 't.id')
        .select('t.id')
        .where('s.ticket_id', 'is', null)
        .where('t.status', 'not in', DONE)
        .where('t.id', '>', after)
        .orderBy('t.id')
        .limit(batch)
        .execute()
    ).map((r) => Number(r.id));
    if (ids.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const id of ids) await computeTicketClock(trx, ctx, id, 'opened', deps.config.timeZone);
    });
    done += ids.length;
    after = ids[ids.length - 1] as number;
  }
  if (done) log(`  SLA clocks for ${done} open tickets`);
  return done;
}
