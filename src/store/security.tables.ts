import type { Generated } from 'kysely';

/**
 * API tokens for integrations. Only the SHA-256 of the secret is stored (`token_hash`); the
 * `prefix` (the first characters of the secret) lets a person recognise a token in a list.
 */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  /** JSON array of permission names, a subset of the owner's permissions when created. */
  permissions: string;
  created_at: string;
  created_by: number | null;
  expires_at: string;
  last_used_at: string | null;
  last_used_ip: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

/** Failed sign-ins in a row per username (known or not), for lockout with backoff. */
export interface LoginThrottlesTable {
  username: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

export interface SecurityTables {
  api_tokens: ApiTokensTable;
  login_throttles: LoginThrottlesTable;
}
