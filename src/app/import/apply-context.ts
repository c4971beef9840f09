import type { CUSTOMER_TYPES } from '../../domain/customers/customer.schema';
import { normalizeName } from '../../domain/customers/normalize';
import { loadCustomerCodes } from '../../store/imports/customer-codes';
import type { WriteSession } from '../../store/write-session';
import type { Ctx } from '../context';
import type { ImportReport } from './import-report';

export interface ImportOptions {
  /** Orders and payments: create a customer for an unknown code instead of rejecting the row. */
  createMissingCustomers: boolean;
  /** Type of customers created that way. */
  newCustomerType: (typeof CUSTOMER_TYPES)[number];
}

export interface ImportStats {
  created: number;
  updated: number;
  customersCreated: number;
}

/** What every target's applier shares during one import run. */
export interface ApplyContext {
  session: WriteSession;
  runId: number;
  now: string;
  ctx: Ctx;
  report: ImportReport;
  options: ImportOptions;
  stats: ImportStats;
  /** Rough number of data rows in the file, estimated from its size; 0 when unknown. */
  expectedRows: number;
  /** Customers whose facts this run writes, for refreshing their monthly rollups. */
  touched: TouchedCustomers;
}

/** Past this many customers the list is not kept: the rollups of all customers are rebuilt. */
const TOUCHED_LIST_MAX = 50_000;

/**
 * The customers whose facts a run writes (and, for a fact moved to another customer, the one it
 * left), collected while the rows are written, so that no query over the facts is needed at the
 * end. A large run keeps no list: it asks for every customer's rollups to be rebuilt, which
 * refreshRollups does anyway for more than a few thousand customers.
 */
export class TouchedCustomers {
  private ids: Set<number> | undefined = new Set();

  add(id: number): void {
    if (!this.ids) return;
    this.ids.add(id);
    if (this.ids.size > TOUCHED_LIST_MAX) this.ids = undefined;
  }

  /** The customers written, or undefined for "too many: all of them". */
  list(): number[] | undefined {
    return this.ids ? [...this.ids] : undefined;
  }
}

/**
 * Customer codes → ids, loaded once per run (merged-away codes lead to their survivor), and the
 * creation of missing customers when the run allows it.
 */
export class CustomerResolver {
  private ids: Map<string, number> | undefined;

  constructor(private readonly ac: ApplyContext) {}

  /** Loads every code once; afterwards {@link known} answers without a query. */
  async load(): Promise<Map<string, number>> {
    this.ids ??= await loadCustomerCodes(this.ac.session);
    return this.ids;
  }

  private lastCode: string | undefined;
  private lastId: number | undefined;

  /** The id for a code already in the database or created by this run; needs {@link load}. */
  known(code: string): number | undefined {
    // Exports sorted by customer repeat a code row after row: the last answer is kept.
    if (code === this.lastCode) return this.lastId;
    const id = this.ids?.get(code);
    this.lastCode = code;
    this.lastId = id;
    return id;
  }

  /** The id for a code, creating the customer when allowed; undefined when unknown. */
  async resolve(code: string, name: string | undefined): Promise<number | undefined> {
    const ids = await this.load();
    const known = ids.get(code);
    if (known !== undefined || !this.ac.options.createMissingCustomers) return known;
    const displayName = name ?? code;
    const r = await this.ac.session.db
      .insertInto('customers')
      .values({
        code,
        name: displayName,
        name_key: normalizeName(displayName),
        type: this.ac.options.newCustomerType,
        industry: null,
        region: null,
        province: null,
        city: null,
        district: null,
        region_code: null,
        credit_code: null,
        size: null,
        source: 'import',
        owner_id: null,
        status: 'active',
        created_at: this.ac.now,
        updated_at: this.ac.now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(code, r.id);
    if (code === this.lastCode) this.lastId = r.id;
    this.ac.stats.customersCreated++;
    return r.id;
  }
}
