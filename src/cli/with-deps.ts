import { openDeps } from '../app/bootstrap';
import type { Deps } from '../app/deps';
import { loadConfig } from '../config';

/** Runs a CLI action with an open, migrated database and closes it afterwards. */
export async function withDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const deps = await openDeps(loadConfig());
  try {
    return await fn(deps);
  } finally {
    await deps.store.close();
  }
}
