import { type CustomerFilter, customerFilterOf } from '../../domain/auth/customer-scope';
import type { CUSTOMER_TYPES } from '../../domain/customers/customer.schema';
import { normalizeName } from '../../domain/customers/normalize';
import { scopeConditionOrTrue } from '../../store/customer-scope';
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
 * The importer's row scope over the customers a fact import writes to. A scoped importer may
 * write facts only for customers they may see: the ids of those are read in one query the
 * first time they are needed, so checking a row is a set lookup however large the file. An
 * unscoped run (`restricted` false) reads nothing and lets every customer through.
 */
export class RowScopeCheck {
  readonly filter: CustomerFilter;
  /** False for an unscoped importer: nothing to check. */
  readonly restricted: boolean;
  private ids: Set<number> | undefined;

  constructor(private readonly ac: ApplyContext) {
    this.filter = customerFilterOf(ac.ctx.actor);
    this.restricted = this.filter.kind !== 'all';
  }

  /** Reads the ids in scope (once, inside the run's transaction); nothing when unrestricted. */
  async load(): Promise<void> {
    if (!this.restricted || this.ids) return;
    const rows = await this.ac.session.db
      .selectFrom('customers as c')
      .select('c.id')
      .where(scopeConditionOrTrue(this.filter, 'c'))
      .execute();
    this.ids = new Set(rows.map((r) => Number(r.id)));
  }

  /** Whether the run may write facts for the customer; needs {@link load} when restricted. */
  allows(customerId: number): boolean {
    return !this.restricted || (this.ids?.has(customerId) ?? false);
  }

  /** A customer this run created on the importer's behalf (owned by them): in scope from now. */
  admit(customerId: number): void {
    this.ids?.add(customerId);
  }

  /** Rejects a row whose customer code leads to a customer outside the scope. */
  rejectCustomer(row: number, values: readonly string[], code: string): void {
    this.ac.report.reject(row, values, [
      {
        row,
        field: 'code',
        message: `customer ${code} is outside your row scope`,
        value: code,
        expected:
          'the code of a customer you own (or your team’s or region’s, as your role allows)',
      },
    ]);
  }
}

/**
 * Customer codes → ids, loaded once per run (merged-away codes lead to their survivor), and the
 * creation of missing customers when the run allows it. A customer created for a scoped
 * importer is theirs (as in customer imports), so it stays in their scope.
 */
export class CustomerResolver {
  private ids: Map<string, number> | undefined;
  /** The importer's row scope; {@link load} reads it with the codes. */
  readonly scope: RowScopeCheck;

  constructor(private readonly ac: ApplyContext) {
    this.scope = new RowScopeCheck(ac);
  }

  /** Loads every code (and the ids in scope) once; afterwards {@link known} needs no query. */
  async load(): Promise<Map<string, number>> {
    if (!this.ids) {
      await this.scope.load();
      this.ids = await loadCustomerCodes(this.ac.session);
    }
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
    // An actor whose scope lets nothing through could not see what they created.
    if (this.scope.filter.kind === 'none') return undefined;
    const owner = this.scope.restricted ? this.ac.ctx.actor.id : null;
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
        owner_id: owner,
        status: 'active',
        created_at: this.ac.now,
        updated_at: this.ac.now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(code, r.id);
    this.scope.admit(r.id);
    if (code === this.lastCode) this.lastId = r.id;
    this.ac.stats.customersCreated++;
    return r.id;
  }
}
