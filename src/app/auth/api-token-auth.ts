import { API_TOKEN_PREFIX } from '../../domain/auth/api-token.schema';
import type { Permission } from '../../domain/auth/permissions';
import { isRowScope } from '../../domain/auth/row-scope';
import * as tokens from '../../store/api-tokens.repository';
import { findUserWithRole } from '../../store/sessions.repository';
import * as repo from '../../store/users.repository';
import type { Deps } from '../deps';
import { hashApiToken } from './api-tokens.service';
import type { SessionInfo } from './sessions.service';

/** Why a bearer token was refused (for the audit of the refusal). */
export type TokenRefusal = 'malformed' | 'unknown' | 'expired' | 'revoked' | 'disabled';

/** Recording every use would write on every request; a minute is precise enough for a list. */
const LAST_USE_EVERY_MS = 60_000;

const SHAPE = new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/**
 * The actor behind an API token: its user, with the token's permissions narrowed to those the
 * user's role holds now (a role that lost a permission takes it from its tokens too), and the
 * user's row scope, team and region. Refused when malformed, unknown, expired, revoked, or
 * when the user is disabled. Records the use at most once a minute.
 */
export async function resolveApiToken(
  deps: Deps,
  secret: string,
  now: Date,
  ip: string | null,
): Promise<{ session: SessionInfo } | { refused: TokenRefusal }> {
  if (!SHAPE.test(secret)) return { refused: 'malformed' };
  const db = deps.store.db;
  const row = await tokens.findTokenByHash(db, hashApiToken(secret));
  if (!row) return { refused: 'unknown' };
  if (row.revoked_at) return { refused: 'revoked' };
  if (Date.parse(String(row.expires_at)) <= now.getTime()) return { refused: 'expired' };
  const owner = await findUserWithRole(db, row.user_id);
  if (owner?.user.active !== 1) return { refused: 'disabled' };
  const granted = JSON.parse(row.permissions) as string[];
  const permissions = granted.filter((p) => owner.permissions.includes(p)) as Permission[];
  const last = row.last_used_at ? Date.parse(String(row.last_used_at)) : 0;
  if (now.getTime() - last >= LAST_USE_EVERY_MS) {
    await tokens.touchToken(db, row.id, now.toISOString(), ip);
  }
  const u = owner.user;
  return {
    session: {
      actor: {
        id: u.id,
        name: u.username,
        roleId: u.role_id,
        permissions,
        region: u.region,
        rowScope: isRowScope(owner.rowScope) ? owner.rowScope : 'own',
        team: u.team ?? null,
      },
      user: repo.toUser(u),
      // Bearer requests carry no ambient authority, so they need no CSRF token.
      csrfToken: '',
      expiresAt: String(row.expires_at),
      apiTokenId: row.id,
    },
  };
}
