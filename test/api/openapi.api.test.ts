import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { freshDeps } from '../support/engines';
import { testServer } from '../support/http';

const SNAPSHOT = resolve(import.meta.dirname, '../../docs/openapi.json');

it('docs/openapi.json is the current OpenAPI document (UPDATE_OPENAPI=1 rewrites it)', async () => {
  const { deps, dispose } = await freshDeps('sqlite');
  const { app } = await testServer(deps);
  const current = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
  await app.close();
  await dispose();
  expect(docs.statusCode).toBe(200);
  if (process.env.UPDATE_OPENAPI === '1') writeFileSync(SNAPSHOT, current);
  const committed = readFileSync(SNAPSHOT, 'utf8');
  expect(
    committed === current,
    'docs/openapi.json is out of date: run `UPDATE_OPENAPI=1 npx vitest run test/api/openapi.api.test.ts`',
  ).toBe(true);
});
