import { spawn } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PG_URL } from './bench-db';

/** Customer columns copied as they are; owner_id is left null (the users are not copied). */
const CUSTOMER_COLUMNS = [
  'id',
  'code',
  'name',
  'type',
  'industry',
  'region',
  'province',
  'city',
  'size',
  'created_at',
  'updated_at',
  'version',
  'credit_code',
  'name_key',
  'district',
  'region_code',
  'source',
  'merged_into_id',
  'custom_fields',
  'status',
];

const ROLLUP_COLUMNS = `customer_id, month, order_count, revenue_minor, costed_revenue_minor,
  cost_minor, quantity, first_order_on, last_order_on, invoices_due, invoices_on_time,
  invoices_late, invoices_unpaid, amount_due_minor, amount_paid_minor, days_late_sum,
  complaints, feedback, surveys, survey_score_sum, referrals, visits`.replace(/\s+/g, ' ');

/**
 * Drops a table's secondary indexes (and, with `withPrimaryKey`, its primary key, which nothing
 * references for the rollups) before a bulk copy, returning the statements that rebuild them:
 * one sort per index afterwards is much cheaper than millions of index insertions.
 */
async function dropIndexes(
  client: pg.Client,
  schema: string,
  table: string,
  withPrimaryKey: boolean,
): Promise<string[]> {
  const rebuild: string[] = [];
  const pk = await client.query<{ name: string; def: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
     where conrelid = $1::regclass and contype = 'p'`,
    [`${schema}.${table}`],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = $1 and i.tablename = $2
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname
                       and c.conrelid = $3::regclass)`,
    [schema, table, `${schema}.${table}`],
  );
  for (const ix of indexes.rows) {
    await client.query(`drop index ${schema}."${ix.name}"`);
    rebuild.push(ix.def);
  }
  if (withPrimaryKey)
    for (const c of pk.rows) {
      await client.query(`alter table ${table} drop constraint "${c.name}"`);
      rebuild.push(`alter table ${table} add constraint "${c.name}" ${c.def}`);
    }
  return rebuild;
}

/**
 * Fills a migrated PostgreSQL schema with what a re-tier reads: the customers and their monthly
 * rollups, copied from the SQLite database (CSV from the sqlite3 shell piped into COPY). The raw
 * orders and invoices are not copied: `runTiering` reads only the rollups (the ABCD scheme has
 * no overdue-days or stock metric), and loading 20 million fact rows into PostgreSQL would take
 * the whole time budget of the benchmark. The rollups' foreign key to customers is not checked
 * row by row during the copy (session_replication_role = replica; the rows come from a
 * database that enforced it), and indexes are dropped during the copy and rebuilt after it.
 * Returns the seconds and row counts.
 */
export async function copyTieringTables(
  sqliteFile: string,
  schema: string,
  log: (line: string) => void,
): Promise<{ seconds: number; customers: number; rollups: number }> {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`set search_path = ${schema}`);
    const counts = { customers: 0, rollups: 0 };
    const jobs = [
      {
        table: 'customers',
        columns: CUSTOMER_COLUMNS.join(', '),
        select: `select ${CUSTOMER_COLUMNS.join(', ')} from customers order by id`,
        key: 'customers' as const,
      },
      {
        table: 'customer_month_rollups',
        columns: ROLLUP_COLUMNS,
        select: `select ${ROLLUP_COLUMNS} from customer_month_rollups order by customer_id, month`,
        key: 'rollups' as const,
      },
    ];
    await client.query("set maintenance_work_mem = '1GB'");
    for (const job of jobs) {
      let t = performance.now();
      const rebuild = await dropIndexes(client, schema, job.table, job.key === 'rollups');
      if (job.key === 'rollups') await client.query('set session_replication_role = replica');
      // The sqlite3 shell writes CSV straight into COPY: export and load overlap on two cores.
      const shell = spawn('sqlite3', ['-readonly', '-csv', sqliteFile, job.select], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number | null>((resolve) => shell.on('close', resolve));
      const r = client.query(
        copyFrom(`copy ${job.table} (${job.columns}) from stdin with (format csv)`),
      );
      await pipeline(shell.stdout, r);
      if ((await exited) !== 0) throw new Error(`sqlite3 failed exporting ${job.table}`);
      counts[job.key] = Number(r.rowCount);
      await client.query('set session_replication_role = origin');
      const copied = (performance.now() - t) / 1000;
      t = performance.now();
      for (const statement of rebuild) await client.query(statement);
      log(
        `  ${job.table}: export + copy ${copied.toFixed(1)} s, ` +
          `indexes ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    await client.query(
      `select setval(pg_get_serial_sequence('customers', 'id'), (select max(id) from customers))`,
    );
    await client.query('analyze customers');
    await client.query('analyze customer_month_rollups');
    return { seconds: (performance.now() - t0) / 1000, ...counts };
  } finally {
    await client.end();
  }
}
