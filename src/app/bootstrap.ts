import type { Config } from '../config';
import { openStore } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { ensureAdmin, ensureRoles } from './auth/users.service';
import { systemCtx } from './context';
import type { Deps } from './deps';
import { configureNotificationChannels } from './notifications/email-channel';
import { keyringFromConfig } from './security/keyring-config';

/** Opens the database, runs migrations and seeds roles. Every entry point starts here. */
export async function openDeps(config: Config): Promise<Deps & { applied: string[] }> {
  // A bad key setting is refused before the database is opened, let alone migrated.
  const keyring = keyringFromConfig(config);
  const store = openStore(config.database);
  try {
    const applied = await migrateToLatest(store);
    const deps: Deps = { store, config, keyring };
    // dispatchEvent runs inside callers' transactions without deps; it learns here whether
    // e-mail is on, for the server and for CLI processes alike.
    configureNotificationChannels(config);
    await ensureRoles(deps, systemCtx());
    return { ...deps, applied };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** Creates the admin user on first start; returns the generated password to print once. */
export async function ensureFirstAdmin(deps: Deps): Promise<string | undefined> {
  const r = await ensureAdmin(deps, systemCtx());
  return r.generatedPassword;
}
