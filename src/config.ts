import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Checks an IANA time zone name with the runtime's own tz database. */
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a whole number between 0 and 65535' })
    .int('PORT must be a whole number between 0 and 65535')
    .min(0, 'PORT must be a whole number between 0 and 65535')
    .max(65535, 'PORT must be a whole number between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  TIERDESK_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine(
      (v) =>
        /^(postgres|postgresql):\/\//.test(v) || /^(sqlite:|file:)/.test(v) || v === ':memory:',
      'DATABASE_URL must start with postgres://, postgresql://, sqlite: or file:',
    )
    .optional(),
  TIERDESK_SECRET: z
    .string()
    .min(32, 'TIERDESK_SECRET must be at least 32 characters long')
    .optional(),
  // More encryption keys for personal data, "id:secret,id:secret"; holds secrets, never echoed.
  TIERDESK_KEYS: z
    .string()
    .optional()
    .refine(
      (v) => !v || v.split(',').every((p) => /^[A-Za-z0-9_-]{1,32}:.{32,}$/.test(p.trim())),
      'TIERDESK_KEYS must be a comma-separated list of <key id>:<secret of 32 or more characters>, e.g. k2:…',
    ),
  TIERDESK_ACTIVE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'TIERDESK_ACTIVE_KEY must be a key id such as k2')
    .optional(),
  TIERDESK_ADMIN_PASSWORD: z
    .string()
    .min(10, 'TIERDESK_ADMIN_PASSWORD must be at least 10 characters long')
    .optional(),
  TIERDESK_DEMO: z.enum(['auto', 'off', 'on']).default('auto'),
  TIERDESK_DEMO_CUSTOMERS: z.coerce.number().int().min(0).max(100_000).default(2000),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  TZ: z
    .string()
    .default('Asia/Shanghai')
    .refine(isTimeZone, 'TZ must be an IANA time zone such as Asia/Shanghai'),
  TIERDESK_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TIERDESK_JOBS: z.enum(['on', 'off'], { error: 'TIERDESK_JOBS must be on or off' }).default('on'),
  // Empty means e-mail is off; the value holds credentials, so messages never repeat it.
  TIERDESK_SMTP_URL: z
    .string()
    .optional()
    .refine(
      (v) => !v || isSmtpUrl(v),
      'TIERDESK_SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:pass@host:587',
    ),
  TIERDESK_SMTP_FROM: z
    .string()
    .trim()
    .min(3, 'TIERDESK_SMTP_FROM must be a sender address such as Tierdesk <desk@example.com>')
    .default('Tierdesk <tierdesk@localhost>'),
  TIERDESK_WEBHOOK_TIMEOUT_MS: z.coerce
    .number({ error: 'TIERDESK_WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds' })
    .int('TIERDESK_WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds')
    .min(100, 'TIERDESK_WEBHOOK_TIMEOUT_MS must be at least 100')
    .max(120_000, 'TIERDESK_WEBHOOK_TIMEOUT_MS must be at most 120000')
    .default(5000),
  TIERDESK_RATE_LIMIT_LOGIN: perMinute('TIERDESK_RATE_LIMIT_LOGIN', 10),
  TIERDESK_RATE_LIMIT_GLOBAL: perMinute('TIERDESK_RATE_LIMIT_GLOBAL', 1200),
  TIERDESK_LOCKOUT_THRESHOLD: z.coerce
    .number({ error: 'TIERDESK_LOCKOUT_THRESHOLD must be a whole number' })
    .int('TIERDESK_LOCKOUT_THRESHOLD must be a whole number')
    .min(1, 'TIERDESK_LOCKOUT_THRESHOLD must be at least 1')
    .max(100, 'TIERDESK_LOCKOUT_THRESHOLD must be at most 100')
    .default(5),
  TIERDESK_SESSION_MAX_HOURS: z.coerce
    .number({ error: 'TIERDESK_SESSION_MAX_HOURS must be a whole number of hours' })
    .int('TIERDESK_SESSION_MAX_HOURS must be a whole number of hours')
    .min(1, 'TIERDESK_SESSION_MAX_HOURS must be at least 1')
    .max(24 * 90, 'TIERDESK_SESSION_MAX_HOURS must be at most 2160 (90 days)')
    .default(72),
  TIERDESK_CORS_ORIGINS: originList('TIERDESK_CORS_ORIGINS'),
  TIERDESK_EMBED_ORIGINS: originList('TIERDESK_EMBED_ORIGINS'),
  TIERDESK_TRUST_PROXY: z
    .string()
    .optional()
    .refine(
      (v) => trustProxyOf(v) !== undefined,
      'TIERDESK_TRUST_PROXY must be true, false, or a comma-separated list of proxy addresses or CIDR ranges such as 10.0.0.0/8',
    ),
});

/**
 * The proxies whose X-Forwarded-For the server believes: false (none, the default), true (any),
 * or addresses/CIDR ranges. Undefined for a value that is none of these.
 */
function trustProxyOf(v: string | undefined): boolean | string[] | undefined {
  const t = v?.trim() ?? '';
  if (t === '' || t === 'false') return false;
  if (t === 'true') return true;
  const parts = t.split(',').map((p) => p.trim());
  const ok = parts.every((p) => {
    const [addr, bits, ...rest] = p.split('/');
    if (rest.length > 0 || !addr || isIP(addr) === 0) return false;
    if (bits === undefined) return true;
    const max = isIP(addr) === 4 ? 32 : 128;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
  });
  return ok ? parts : undefined;
}

/** A comma-separated list of origins; empty or unset means none. */
function originList(variable: string) {
  return z
    .string()
    .optional()
    .refine(
      (v) => !v || v.split(',').every((o) => isOrigin(o.trim())),
      `${variable} must be a comma-separated list of origins such as https://crm.example.com`,
    );
}

/** Splits a comma-separated list of origins. */
function originsOf(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** A per-IP, per-minute request limit; 0 turns the limit off. */
function perMinute(variable: string, fallback: number) {
  const msg = `${variable} must be a whole number of requests a minute (0 turns the limit off)`;
  return z.coerce.number({ error: msg }).int(msg).min(0, msg).max(1_000_000, msg).default(fallback);
}

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
function isOrigin(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v;
  } catch {
    return false;
  }
}

/** An SMTP URL nodemailer understands: smtp:// (STARTTLS when offered) or smtps:// (TLS). */
function isSmtpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'smtp:' || u.protocol === 'smtps:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string; schema?: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Secret for keyed hashes and encryption keys; never logged. */
  secret: string;
  /**
   * Encryption keys besides `secret` (which is always key "k1" and the lookup-hash key) and the
   * one new values are encrypted with (see app/security/keyring-config.ts). Left out: k1 only.
   */
  fieldKeys?: { keys: { id: string; secret: string }[]; activeKeyId?: string };
  adminPassword: string | undefined;
  demo: 'auto' | 'off' | 'on';
  demoCustomers: number;
  logLevel: (typeof LOG_LEVELS)[number];
  timeZone: string;
  cookieSecure: 'auto' | 'true' | 'false';
  /** Whether `serve` runs the job runner and scheduler (tests start one themselves). */
  jobs: 'on' | 'off';
  /** Outgoing e-mail; null when TIERDESK_SMTP_URL is empty (e-mail off). */
  smtp: { url: string; from: string } | null;
  /** How long one webhook call may take before it counts as a failed attempt. */
  webhookTimeoutMs: number;
  /**
   * Requests a minute per client IP (0 = no limit). `loadConfig` always sets it; a config built
   * in code (tests, embedding) may leave it out to run without rate limiting.
   */
  rateLimits?: { loginPerMinute: number; globalPerMinute: number };
  /** Sign-in hardening; anything left out takes the defaults of `securityOf`. */
  security?: Partial<SecurityConfig>;
}

/** Sign-in hardening settings (see docs/guide/sign-in-and-api-tokens.md). */
export interface SecurityConfig {
  /** Failed sign-ins in a row for one username before it is locked (then 1 min, doubling). */
  lockoutThreshold: number;
  /** Absolute lifetime of a session, however active it is. */
  sessionMaxHours: number;
  /** Origins allowed to call the API from a browser; empty = the UI's own origin only. */
  corsOrigins: string[];
  /**
   * Origins whose pages may frame the embeddable pages (/embed/…); empty = any. Every other
   * page may not be framed at all.
   */
  embedOrigins: string[];
  /**
   * The reverse proxies whose X-Forwarded-For is believed (Fastify's trustProxy). Rate limits,
   * the lockout log and session addresses use the client address it yields; trusting a header
   * anyone can send would let a client pick its own address, so the default is none.
   */
  trustProxy: boolean | string[];
}

const SECURITY_DEFAULTS: SecurityConfig = {
  lockoutThreshold: 5,
  sessionMaxHours: 72,
  corsOrigins: [],
  embedOrigins: [],
  trustProxy: false,
};

/** The sign-in hardening settings of a config, with defaults for anything it leaves out. */
export function securityOf(config: Config): SecurityConfig {
  return { ...SECURITY_DEFAULTS, ...config.security };
}

/** Raised for a bad environment; the message names each bad variable and what it expects. */
export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${issues.map((i) => `  - ${i.variable}: ${i.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Turns DATABASE_URL (or its absence) into a typed database target. */
export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { engine: 'sqlite', file: join(dataDir, 'tierdesk.db') };
  if (url === ':memory:') return { engine: 'sqlite', file: ':memory:' };
  if (url.startsWith('sqlite:') || url.startsWith('file:')) {
    const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
    return { engine: 'sqlite', file: file || join(dataDir, 'tierdesk.db') };
  }
  return { engine: 'postgres', url };
}

/** Reads TIERDESK_SECRET, or the one stored in the data folder, or creates and stores one. */
function resolveSecret(given: string | undefined, dataDir: string): string {
  if (given) return given;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Reads and validates the environment once. Throws ConfigError naming every bad variable.
 * `env` is injectable so tests can check bad values without touching process.env.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.TIERDESK_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir),
    secret: resolveSecret(e.TIERDESK_SECRET, dataDir),
    fieldKeys: {
      keys: (e.TIERDESK_KEYS ?? '')
        .split(',')
        .filter((p) => p.trim())
        .map((p) => {
          const at = p.indexOf(':');
          return { id: p.slice(0, at).trim(), secret: p.slice(at + 1).trim() };
        }),
      ...(e.TIERDESK_ACTIVE_KEY ? { activeKeyId: e.TIERDESK_ACTIVE_KEY } : {}),
    },
    adminPassword: e.TIERDESK_ADMIN_PASSWORD,
    demo: e.TIERDESK_DEMO,
    demoCustomers: e.TIERDESK_DEMO_CUSTOMERS,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TZ,
    cookieSecure: e.TIERDESK_COOKIE_SECURE,
    jobs: e.TIERDESK_JOBS,
    smtp: e.TIERDESK_SMTP_URL ? { url: e.TIERDESK_SMTP_URL, from: e.TIERDESK_SMTP_FROM } : null,
    webhookTimeoutMs: e.TIERDESK_WEBHOOK_TIMEOUT_MS,
    rateLimits: {
      loginPerMinute: e.TIERDESK_RATE_LIMIT_LOGIN,
      globalPerMinute: e.TIERDESK_RATE_LIMIT_GLOBAL,
    },
    security: {
      lockoutThreshold: e.TIERDESK_LOCKOUT_THRESHOLD,
      sessionMaxHours: e.TIERDESK_SESSION_MAX_HOURS,
      corsOrigins: originsOf(e.TIERDESK_CORS_ORIGINS),
      embedOrigins: originsOf(e.TIERDESK_EMBED_ORIGINS),
      trustProxy: trustProxyOf(e.TIERDESK_TRUST_PROXY) ?? false,
    },
  };
}
