import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { expect, it } from 'vitest';
import { markInterruptedImports } from '../../src/app/import/import.service';
import { describeEachEngine } from '../support/engines';

describeEachEngine('a starting server and the imports left running', ({ deps }) => {
  it('marks only the runs whose process is gone', async () => {
    const db = deps().store.db;
    // A process that has exited: its pid is free (reuse within this test is not a concern).
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
      .stdout.toString()
      .trim();
    const recent = new Date(Date.now() - 60_000).toISOString();
    const old = new Date(Date.now() - 7 * 3600_000).toISOString();
    const run = async (runner: string | null, startedAt = recent) =>
      (
        await db
          .insertInto('import_runs')
          .values({
            kind: 'customers',
            file_name: `${runner}.csv`,
            mode: 'all_or_nothing',
            status: 'running',
            rows_total: 0,
            rows_created: 0,
            rows_updated: 0,
            rows_rejected: 0,
            started_at: startedAt,
            runner,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const ids = {
      live: await run(`${hostname()}:${process.pid}`),
      dead: await run(`${hostname()}:${dead}`),
      legacy: await run(null),
      otherHost: await run('elsewhere:1'),
      otherHostOld: await run('elsewhere:2', old),
    };
    expect(await markInterruptedImports(deps())).toBe(3);
    const rows = await db
      .selectFrom('import_runs')
      .select(['id', 'status'])
      .where('id', 'in', Object.values(ids))
      .execute();
    const status = new Map(rows.map((r) => [r.id, r.status]));
    expect(status.get(ids.live)).toBe('running');
    expect(status.get(ids.otherHost)).toBe('running');
    expect(status.get(ids.dead)).toBe('interrupted');
    expect(status.get(ids.legacy)).toBe('interrupted');
    expect(status.get(ids.otherHostOld)).toBe('interrupted');
  });
});
