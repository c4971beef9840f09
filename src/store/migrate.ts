import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Store } from './database';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-customer-file';
import * as m0003 from './migrations/0003-import-tracking';
import * as m0004 from './migrations/0004-monthly-rollups';
import * as m0005 from './migrations/0005-tiering';
import * as m0006 from './migrations/0006-result-indexes';
import * as m0007 from './migrations/0007-review-cycles';
import * as m0008 from './migrations/0008-jobs';
import * as m0009 from './migrations/0009-relationship-lifecycle';
import * as m0010 from './migrations/0010-tier-policies';
import * as m0011 from './migrations/0011-order-queue';
import * as m0012 from './migrations/0012-entitlements';
import * as m0013 from './migrations/0013-automation';
import * as m0014 from './migrations/0014-webhooks';
import * as m0015 from './migrations/0015-account-visits';
import * as m0016 from './migrations/0016-business-calendars';
import * as m0017 from './migrations/0017-service-tickets';
import * as m0018 from './migrations/0018-sla-policies';
import * as m0019 from './migrations/0019-feedback-surveys';
import * as m0020 from './migrations/0020-ticket-sla';
import * as m0021 from './migrations/0021-clv-models';
import * as m0022 from './migrations/0022-analytics-reports';
import * as m0023 from './migrations/0023-row-scopes';
import * as m0024 from './migrations/0024-sign-in-security';
import * as m0025 from './migrations/0025-audit-chain';
import * as m0026 from './migrations/0026-import-runner';

/** Migrations are compiled in, so the packaged CLI never depends on a folder layout at runtime. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-customer-file': m0002,
  '0003-import-tracking': m0003,
  '0004-monthly-rollups': m0004,
  '0005-tiering': m0005,
  '0006-result-indexes': m0006,
  '0007-review-cycles': m0007,
  '0008-jobs': m0008,
  '0009-relationship-lifecycle': m0009,
  '0010-tier-policies': m0010,
  '0011-order-queue': m0011,
  '0012-entitlements': m0012,
  '0013-automation': m0013,
  '0014-webhooks': m0014,
  '0015-account-visits': m0015,
  '0016-business-calendars': m0016,
  '0017-service-tickets': m0017,
  '0018-sla-policies': m0018,
  '0019-feedback-surveys': m0019,
  '0020-ticket-sla': m0020,
  '0021-clv-models': m0021,
  '0022-analytics-reports': m0022,
  '0023-row-scopes': m0023,
  '0024-sign-in-security': m0024,
  '0025-audit-chain': m0025,
  '0026-import-runner': m0026,
};

/** Every migration this code knows, oldest first (a backup naming others is newer). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider,
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migration failed${name}: ${(error as Error).message ?? String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
