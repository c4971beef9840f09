import type { Config, DatabaseConfig } from '../../src/config';

/** A config for tests: fixed secret, quiet logs, demo off. */
export function testConfig(database: DatabaseConfig, over: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/tmp/tierdesk-test',
    database,
    secret: 'test-secret-test-secret-test-secret-0123',
    adminPassword: 'Admin-pass-123',
    demo: 'off',
    demoCustomers: 0,
    logLevel: 'silent',
    jobs: 'off',
    timeZone: 'Asia/Shanghai',
    cookieSecure: 'false',
    smtp: null,
    webhookTimeoutMs: 5000,
    ...over,
  };
}
