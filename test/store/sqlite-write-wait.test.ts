import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import { openStore, type Store } from '../../src/store/database';
import { patiently } from '../../src/store/sqlite-driver';
import { openWriteSession } from '../../src/store/write-session';

/**
 * An import holds SQLite's write lock on a connection of its own for its whole transaction.
 * Writers on the main connection must wait for it without stopping the process (better-sqlite3's
 * busy timeout would block the thread, so the import could never finish and the writer failed).
 */
describe('SQLite writers wait for each other asynchronously', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tierdesk-wait-'));
    store = openStore({ engine: 'sqlite', file: join(dir, 'w.db') });
    await sql`create table notes (id integer primary key, text text not null)`.execute(store.db);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from notes`.execute(store.db)).rows[0]?.n,
    );

  it('a write and a transaction on the main connection wait for an open write session', async () => {
    const session = await openWriteSession(store);
    await sql`insert into notes (text) values ('from the import')`.execute(session.db);
    let finished = 0;
    const single = sql`insert into notes (text) values ('single')`
      .execute(store.db)
      .then(() => finished++);
    const trx = store.db.transaction().execute(async (t) => {
      const before = await sql<{ n: number }>`select count(*) as n from notes`.execute(t);
      await sql`insert into notes (text) values (${`after ${before.rows[0]?.n}`})`.execute(t);
      finished++;
    });
    // Readers carry on meanwhile (WAL), and the event loop is not blocked: timers still fire.
    await new Promise((r) => setTimeout(r, 50));
    expect(await count()).toBe(0);
    expect(finished).toBe(0);
    await sql`insert into notes (text) values ('import again')`.execute(session.db);
    await session.commit();
    await Promise.all([single, trx]);
    expect(finished).toBe(2);
    const texts = (
      await sql<{ text: string }>`select text from notes order by id`.execute(store.db)
    ).rows.map((r) => r.text);
    expect(texts.slice(0, 2)).toEqual(['from the import', 'import again']);
    expect(texts).toHaveLength(4);
    // The transaction began after the import committed, so it saw its two rows (and maybe the
    // single insert): it never read a snapshot it could not write on.
    expect(texts.some((t) => t === 'after 2' || t === 'after 3')).toBe(true);
  });

  it('a write session waits for a main-connection transaction that holds the lock across awaits', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const trx = store.db.transaction().execute(async (t) => {
      await sql`insert into notes (text) values ('main first')`.execute(t);
      await gate;
      await sql`insert into notes (text) values ('main second')`.execute(t);
    });
    await new Promise((r) => setTimeout(r, 20));
    const opening = openWriteSession(store);
    await new Promise((r) => setTimeout(r, 50));
    release();
    await trx;
    const session = await opening;
    await sql`insert into notes (text) values ('session')`.execute(session.db);
    await session.commit();
    const last = (
      await sql<{ text: string }>`select text from notes order by id desc limit 3`.execute(store.db)
    ).rows.map((r) => r.text);
    expect(last).toEqual(['session', 'main second', 'main first']);
  });

  it('gives up with BUSY after the wait and names it', async () => {
    const other = new SqliteDatabase(join(dir, 'w.db'));
    other.exec('begin immediate');
    try {
      const raw = new SqliteDatabase(join(dir, 'w.db'));
      raw.pragma('busy_timeout = 0');
      const err = await patiently(() => raw.exec('begin immediate'), 30).catch((e) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('BUSY');
      raw.close();
    } finally {
      other.exec('rollback');
      other.close();
    }
  });
});
