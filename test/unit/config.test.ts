import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const dir = () => mkdtempSync(join(tmpdir(), 'tdcfg-'));

describe('config', () => {
  it('defaults to SQLite under the data folder, port 3000, Asia/Shanghai', () => {
    const d = dir();
    const c = loadConfig({ TIERDESK_DATA_DIR: d });
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ engine: 'sqlite', file: join(d, 'tierdesk.db') });
    expect(c.timeZone).toBe('Asia/Shanghai');
  });

  it('switches to PostgreSQL with a postgres:// URL', () => {
    const c = loadConfig({ TIERDESK_DATA_DIR: dir(), DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(c.database).toEqual({ engine: 'postgres', url: 'postgres://u@h:5432/db' });
  });

  it('generates a secret on first run, stores it privately, and reuses it', () => {
    const d = dir();
    const a = loadConfig({ TIERDESK_DATA_DIR: d });
    const b = loadConfig({ TIERDESK_DATA_DIR: d });
    expect(a.secret).toHaveLength(43);
    expect(b.secret).toBe(a.secret);
    expect(readFileSync(join(d, 'secret'), 'utf8').trim()).toBe(a.secret);
    expect(statSync(join(d, 'secret')).mode & 0o077).toBe(0);
  });

  it('names every bad variable and what it expects', () => {
    let err: unknown;
    try {
      loadConfig({
        TIERDESK_DATA_DIR: dir(),
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        TZ: 'Mars/Olympus',
        DATABASE_URL: 'mysql://x',
        TIERDESK_SECRET: 'short',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const vars = (err as ConfigError).issues.map((i) => i.variable);
    expect(vars).toEqual(
      expect.arrayContaining(['PORT', 'LOG_LEVEL', 'TZ', 'DATABASE_URL', 'TIERDESK_SECRET']),
    );
    expect((err as ConfigError).message).toContain('PORT must be a whole number');
    expect((err as ConfigError).message).not.toContain('short');
  });
});
