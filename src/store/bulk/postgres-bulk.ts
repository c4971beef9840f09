import { once } from 'node:events';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../schema';
import { BULK_COLUMNS, BULK_TABLES, type BulkTable } from './bulk-tables';
import { copyLine } from './copy-text';

/** Flush COPY data to the socket in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 16;

/**
 * Kysely bound to one pg client: its statements run on that connection, inside whatever
 * transaction the client has open (the pool's other connections would not see them).
 */
function kyselyOn(client: pg.PoolClient): Kysely<DB> {
  const wrapped = { query: client.query.bind(client), release() {} };
  const pool = { connect: async () => wrapped, end: async () => {} };
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }),
  });
}

/** Inserts through COPY … FROM STDIN (text format) on one dedicated pool client. */
export class PostgresBulk {
  readonly db: Kysely<DB>;

  private constructor(private readonly client: pg.PoolClient) {
    this.db = kyselyOn(client);
  }

  static async open(pool: pg.Pool): Promise<PostgresBulk> {
    const client = await pool.connect();
    try {
      // A bulk load can be redone, so it need not wait for each commit to reach the disk.
      await client.query('set synchronous_commit = off');
    } catch (e) {
      client.release(e as Error);
      throw e;
    }
    return new PostgresBulk(client);
  }

  async query(text: string): Promise<void> {
    await this.client.query(text);
  }

  async insert(table: BulkTable, rows: readonly object[]): Promise<void> {
    const columns: readonly string[] = BULK_COLUMNS[table];
    const stream = this.client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    // Failures surface through `await finished` (or the drain wait); never as unhandled.
    finished.catch(() => {});
    let chunk = '';
    for (const row of rows) {
      chunk += `${copyLine(row, columns)}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        const more = stream.write(chunk);
        chunk = '';
        if (!more) await Promise.race([once(stream, 'drain'), finished]);
      }
    }
    stream.end(chunk);
    await finished;
  }

  /** Moves each identity sequence past the largest id, so later inserts without ids work. */
  async syncIdentity(): Promise<void> {
    for (const table of BULK_TABLES) {
      await this.client.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 1), max(id) is not null) from ${table}`,
      );
    }
  }

  async close(failed: boolean): Promise<void> {
    await this.db.destroy();
    try {
      if (failed) await this.client.query('rollback');
      await this.client.query('reset synchronous_commit');
      this.client.release();
    } catch (e) {
      // A connection in an unknown state must not go back to the pool.
      this.client.release(e as Error);
    }
  }
}
