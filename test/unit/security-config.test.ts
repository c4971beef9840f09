import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig, securityOf } from '../../src/config';

const dir = () => mkdtempSync(join(tmpdir(), 'tierdesk-seccfg-'));

describe('sign-in security settings', () => {
  it('has limits on by default and reads every variable', () => {
    const c = loadConfig({ TIERDESK_DATA_DIR: dir() });
    expect(c.rateLimits).toEqual({ loginPerMinute: 10, globalPerMinute: 1200 });
    expect(securityOf(c)).toEqual({
      lockoutThreshold: 5,
      sessionMaxHours: 72,
      corsOrigins: [],
      embedOrigins: [],
      trustProxy: false,
    });
    const d = loadConfig({
      TIERDESK_DATA_DIR: dir(),
      TIERDESK_RATE_LIMIT_LOGIN: '0',
      TIERDESK_RATE_LIMIT_GLOBAL: '300',
      TIERDESK_LOCKOUT_THRESHOLD: '3',
      TIERDESK_SESSION_MAX_HOURS: '8',
      TIERDESK_CORS_ORIGINS: 'https://crm.example.com, http://10.0.0.5:8080',
    });
    expect(d.rateLimits).toEqual({ loginPerMinute: 0, globalPerMinute: 300 });
    expect(securityOf(d)).toMatchObject({
      lockoutThreshold: 3,
      sessionMaxHours: 8,
      corsOrigins: ['https://crm.example.com', 'http://10.0.0.5:8080'],
    });
  });

  it('names a bad variable', () => {
    const bad = (env: Record<string, string>) => {
      try {
        loadConfig({ TIERDESK_DATA_DIR: dir(), ...env });
      } catch (e) {
        return (e as ConfigError).issues.map((i) => i.variable);
      }
      return [];
    };
    expect(bad({ TIERDESK_RATE_LIMIT_LOGIN: '-1' })).toEqual(['TIERDESK_RATE_LIMIT_LOGIN']);
    expect(bad({ TIERDESK_CORS_ORIGINS: 'crm.example.com' })).toEqual(['TIERDESK_CORS_ORIGINS']);
    expect(bad({ TIERDESK_CORS_ORIGINS: 'https://crm.example.com/path' })).toEqual([
      'TIERDESK_CORS_ORIGINS',
    ]);
    expect(bad({ TIERDESK_SESSION_MAX_HOURS: '0' })).toEqual(['TIERDESK_SESSION_MAX_HOURS']);
    expect(bad({ TIERDESK_TRUST_PROXY: 'yes' })).toEqual(['TIERDESK_TRUST_PROXY']);
    expect(bad({ TIERDESK_TRUST_PROXY: '10.0.0.0/33' })).toEqual(['TIERDESK_TRUST_PROXY']);
  });

  it('reads which proxies to trust for the client address', () => {
    const trust = (v: string) =>
      securityOf(loadConfig({ TIERDESK_DATA_DIR: dir(), TIERDESK_TRUST_PROXY: v })).trustProxy;
    expect(trust('')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('false')).toBe(false);
    expect(trust('127.0.0.1, 10.0.0.0/8, ::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('gives a config built in code (tests, embedding) the default security settings', () => {
    expect(securityOf({} as never).lockoutThreshold).toBe(5);
  });
});
