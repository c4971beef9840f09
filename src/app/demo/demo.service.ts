import { DEMO_DEFAULTS, generateDemo } from '../../../examples/demo';
import { DomainError } from '../../domain/errors';
import { type BulkCounts, type BulkWriter, openBulkWriter } from '../../store/bulk/bulk-writer';
import { writeJsonSetting } from '../../store/json-settings.repository';
import { refreshRollups } from '../../store/metrics/rollups';
import { writeAudit } from '../audit';
import { type Ctx, systemCtx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { queueDemoClvFit } from './demo-clv';
import { type LoadDemoInput, loadDemoInput } from './demo-options';
import { ensureDemoOwners } from './demo-owners';
import {
  DEMO_LOADED_KEY,
  DEMO_PARTIAL_KEY,
  deleteSetting,
  nextIds,
  readDemoLoaded,
  readDemoPartial,
  removePartialDemo,
} from './demo-state';

export interface DemoSummary {
  customers: number;
  orders: number;
}

export interface DemoProgress extends BulkCounts {
  /** Customers written so far, out of `total`. */
  done: number;
  total: number;
}

export interface DemoLoadResult extends DemoSummary {
  payments: number;
  tickets: number;
  surveyResponses: number;
  owners: number;
  seed: number;
  asOf: string;
}

export interface LoadDemoOptions extends LoadDemoInput {
  onProgress?: (p: DemoProgress) => void;
  ctx?: Ctx;
  /** Customers loaded in one transaction at most (default 20,000); larger loads commit in steps. */
  singleTransactionLimit?: number;
  /** Rows per transaction when a load commits in steps (default 200,000). */
  rowsPerCommit?: number;
}

const SINGLE_TRANSACTION_LIMIT = 20_000;
/** Rows per transaction in a stepped load: big enough to amortise commits, small enough for WAL. */
const ROWS_PER_COMMIT = 200_000;

function rowsIn(c: BulkCounts): number {
  return c.customers + c.orders + c.payments + c.tickets + c.survey_responses;
}

/**
 * Streams generated rows into the writer. A small load is one transaction; a large one commits
 * every `rowsPerCommit` rows (with the identity sequences kept ahead of the written ids), and
 * the caller's final transaction marks it complete.
 */
async function stream(
  writer: BulkWriter,
  input: LoadDemoInput,
  ownerIds: number[],
  idStart: Awaited<ReturnType<typeof nextIds>>,
  stepped: boolean,
  rowsPerCommit: number,
  onProgress: LoadDemoOptions['onProgress'],
): Promise<BulkCounts> {
  const totals: BulkCounts = {
    customers: 0,
    orders: 0,
    payments: 0,
    tickets: 0,
    survey_responses: 0,
  };
  let pending = 0;
  for (const batch of generateDemo({ ...input, ownerIds, idStart })) {
    if (stepped && pending === 0) await writer.begin();
    const counts = await writer.write(batch);
    for (const k of Object.keys(totals) as (keyof BulkCounts)[]) totals[k] += counts[k];
    pending += rowsIn(counts);
    if (stepped && (pending >= rowsPerCommit || batch.done === batch.total)) {
      await writer.syncIdentity();
      await writer.commit();
      pending = 0;
    }
    onProgress?.({ ...totals, done: batch.done, total: batch.total });
  }
  return totals;
}

/**
 * Loads a generated demo data set: demo owners (account and sales managers who cannot sign in),
 * then customers with orders, invoices, tickets and survey answers, through the bulk writer.
 * `settings.demo_loaded` and the audit row are written in the last transaction, so an
 * interrupted load is never taken for a loaded one; its leftovers are removed on the next try.
 */
export async function loadDemo(deps: Deps, options: LoadDemoOptions): Promise<DemoLoadResult> {
  const { onProgress, ctx = systemCtx(), singleTransactionLimit, rowsPerCommit, ...raw } = options;
  const input = parseInput(loadDemoInput, raw, 'Invalid demo options');
  requirePermission(ctx, 'demo.load');
  const db = deps.store.db;
  if (await readDemoLoaded(db)) {
    throw new DomainError('CONFLICT', 'Demo data is already loaded in this database');
  }
  const partial = await readDemoPartial(db);
  if (partial) await removePartialDemo(db, partial);
  const idStart = await nextIds(db);
  const stepped = input.customers > (singleTransactionLimit ?? SINGLE_TRANSACTION_LIMIT);
  const now = ctx.now().toISOString();
  const writer = await openBulkWriter(deps.store);
  try {
    await writer.begin();
    const ownerIds = await ensureDemoOwners(writer.db, now);
    if (stepped) {
      const marker = { customerIdStart: idStart.customers, codePrefix: DEMO_DEFAULTS.codePrefix };
      await writeJsonSetting(writer.db, DEMO_PARTIAL_KEY, marker, now);
      await writer.commit();
    }
    const totals = await stream(
      writer,
      input,
      ownerIds,
      idStart,
      stepped,
      rowsPerCommit ?? ROWS_PER_COMMIT,
      onProgress,
    );
    if (stepped) await writer.begin();
    await writer.syncIdentity();
    const result: DemoLoadResult = {
      customers: totals.customers,
      orders: totals.orders,
      payments: totals.payments,
      tickets: totals.tickets,
      surveyResponses: totals.survey_responses,
      owners: ownerIds.length,
      seed: input.seed ?? DEMO_DEFAULTS.seed,
      asOf: input.asOf ?? DEMO_DEFAULTS.asOf,
    };
    // The bulk path bypasses the fact services, so the monthly rollups are rebuilt here, inside
    // the last transaction: tiering reads them.
    await refreshRollups(writer.db, deps.store.engine);
    await deleteSetting(writer.db, DEMO_PARTIAL_KEY);
    await writeJsonSetting(writer.db, DEMO_LOADED_KEY, { ...result, at: now }, now);
    await writeAudit(writer.db, ctx, { action: 'demo.load', entity: 'demo', after: result });
    await writer.commit();
    return result;
  } catch (e) {
    await writer.rollback();
    throw e;
  } finally {
    await writer.close();
  }
}

/**
 * On start: loads `config.demoCustomers` demo customers when TIERDESK_DEMO is 'on', or 'auto'
 * and the database has no customers (or only an interrupted demo load). Returns undefined when
 * nothing was loaded, including when a demo is already in place, so repeated starts are no-ops.
 */
export async function loadDemoIfEmpty(
  deps: Deps,
  log: (msg: string) => void,
): Promise<DemoSummary | undefined> {
  const { demo, demoCustomers } = deps.config;
  if (demo === 'off' || demoCustomers <= 0) return undefined;
  const db = deps.store.db;
  if (await readDemoLoaded(db)) return undefined;
  if (demo === 'auto' && !(await readDemoPartial(db))) {
    const any = await db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
    if (any) return undefined;
  }
  log(`  Loading demo data (${demoCustomers} customers) …`);
  const r = await loadDemo(deps, { customers: demoCustomers });
  await queueDemoClvFit(deps, r.asOf);
  return { customers: r.customers, orders: r.orders };
}
