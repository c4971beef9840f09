import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
});

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
    adminPassword: e.TIERDESK_ADMIN_PASSWORD,
    demo: e.TIERDESK_DEMO,
    demoCustomers: e.TIERDESK_DEMO_CUSTOMERS,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TZ,
    cookieSecure: e.TIERDESK_COOKIE_SECURE,
    jobs: e.TIERDESK_JOBS,
    smtp: e.TIERDESK_SMTP_URL ? { url: e.TIERDESK_SMTP_URL, from: e.TIERDESK_SMTP_FROM } : null,
    webhookTimeoutMs: e.TIERDESK_WEBHOOK_TIMEOUT_MS,
  };
}
