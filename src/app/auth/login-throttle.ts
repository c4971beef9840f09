import { securityOf } from '../../config';
import { FAILURE_MEMORY_MS, lockDurationMs, secondsLeft } from '../../domain/auth/lockout';
import { DomainError } from '../../domain/errors';
import * as throttles from '../../store/login-throttles.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';

/**
 * Counters are kept per username whether or not such a user exists, so a lock says nothing
 * about which usernames are real. Keys are lower case: `Admin` and `admin` share one counter.
 */
function keyOf(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Refuses a sign-in while its username is locked: RATE_LIMITED (429) with the seconds to wait
 * in `details.retryAfterSeconds`, audited as `auth.login_locked`. The password is not checked.
 */
export async function refuseWhileLocked(
  deps: Deps,
  ctx: Ctx,
  username: string,
  ip: string | null,
): Promise<void> {
  const row = await throttles.findThrottle(deps.store.db, keyOf(username));
  const wait = secondsLeft(row?.locked_until ?? null, ctx.now());
  if (wait === 0) return;
  await writeAudit(deps.store.db, ctx, {
    action: 'auth.login_locked',
    entity: 'user',
    after: { username, ip, retryAfterSeconds: wait },
  });
  throw new DomainError(
    'RATE_LIMITED',
    `Too many failed sign-ins for this username; try again in ${wait} s`,
    { reason: 'locked', retryAfterSeconds: wait },
  );
}

/**
 * Counts a failed sign-in and locks the username once the count reaches the threshold (one
 * minute, doubling with every further failure, at most an hour). Returns the lock's end or null.
 */
export async function recordFailure(
  deps: Deps,
  ctx: Ctx,
  username: string,
): Promise<string | null> {
  const key = keyOf(username);
  const now = ctx.now();
  const row = await throttles.findThrottle(deps.store.db, key);
  const recent = row && now.getTime() - Date.parse(row.last_failure_at) < FAILURE_MEMORY_MS;
  const failures = (recent ? row.failures : 0) + 1;
  const lockMs = lockDurationMs(failures, securityOf(deps.config).lockoutThreshold);
  const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
  await throttles.saveThrottle(deps.store.db, {
    username: key,
    failures,
    locked_until: lockedUntil,
    last_failure_at: now.toISOString(),
  });
  return lockedUntil;
}

/** Forgets a username's failures: after a successful sign-in or a password reset. */
export async function clearFailures(deps: Deps, username: string): Promise<void> {
  await throttles.clearThrottle(deps.store.db, keyOf(username));
}
