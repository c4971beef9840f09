import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import type { Deps } from '../../src/app/deps';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

/**
 * Injection and abuse through the HTTP API, on both engines: SQL metacharacters in every query
 * parameter of every list, search, export and analytics route (found from the OpenAPI document
 * the zod contracts produce, so new routes are covered without editing this file), unknown sort
 * keys, spreadsheet formula injection in exports, oversized and deeply nested bodies, and
 * prototype-pollution keys.
 */

const AS_OF = '2026-11-30';

/** What an attacker types into a filter box. None of it occurs in the seeded data. */
const PAYLOADS = [
  "' OR 1=1 --",
  '"; DROP TABLE customers; --',
  '%',
  '_',
  '\\',
  'x\u0000y',
  '𝒳\u202Eʇxǝʇ\u0301',
];

/** The quote, the LIKE wildcard and the NUL: the payloads tried on every parameter. */
const NARROW = [PAYLOADS[0], PAYLOADS[2], PAYLOADS[5]] as string[];

/**
 * Parameters that filter by text: a payload there either is refused (400) or matches nothing.
 * Anything else (paging, dates, ids, switches) must merely never break the server.
 */
const TEXT_FILTERS = new Set([
  'q',
  'tag',
  'industry',
  'region',
  'province',
  'type',
  'tier',
  'category',
  'classification',
  'kind',
  'rule',
  'segment',
  'stage',
  'status',
  'phone',
  'email',
  'code',
  'assignee',
]);

/**
 * Lists whose rows record the requests themselves: the audit trail holds the filters of the
 * exports made above, payloads included, so searching it for a payload rightly finds them.
 */
const RECORDS_REQUESTS = new Set(['/api/audit']);

/** Values that satisfy required parameters, so the parameter under test is reached. */
const REQUIRED: Record<string, string> = {
  month: '2026-11',
  point: '2026-11',
  date: AS_OF,
  from: '2026-01',
  to: '2026-11',
  token: 'no-such-token',
  customerCode: 'NOPE',
  fileName: 'x.csv',
};

interface Endpoint {
  path: string;
  params: { name: string; required: boolean; enumerated: boolean }[];
}

/** Every GET route under /api without path parameters that takes a query, from OpenAPI. */
function listEndpoints(app: FastifyInstance): Endpoint[] {
  type Param = { in: string; name: string; required?: boolean; schema?: { enum?: unknown[] } };
  const doc = app.swagger() as { paths: Record<string, { get?: { parameters?: Param[] } }> };
  const out: Endpoint[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const ps = ops.get?.parameters ?? [];
    if (!path.startsWith('/api/') || path.startsWith('/api/docs') || path.includes('{')) continue;
    const query = ps.filter((p) => p.in === 'query');
    if (!query.length) continue;
    out.push({
      path,
      params: query.map((p) => ({
        name: p.name,
        required: !!p.required,
        enumerated: Array.isArray(p.schema?.enum),
      })),
    });
  }
  return out;
}

function urlOf(path: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

/** How many records a list answer carries, or undefined when it is not a list. */
function rowsOf(res: LightMyRequestResponse): number | undefined {
  if (!String(res.headers['content-type']).includes('json')) return undefined;
  const body = res.json() as { items?: unknown[]; rows?: unknown[] };
  if (Array.isArray(body)) return body.length;
  if (Array.isArray(body.items)) return body.items.length;
  if (Array.isArray(body.rows)) return body.rows.length;
  return undefined;
}

/** Rows in a table, read straight from the database. */
async function countOf(deps: Deps, table: string): Promise<number> {
  const db = deps.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describeEachEngine('injection and abuse', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let endpoints: Endpoint[];
  const before: Record<string, number> = {};
  const TABLES = ['customers', 'orders', 'tickets', 'users', 'customer_tiers'];

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    await loadDemo(deps(), { customers: 40, seed: 11, asOf: AS_OF });
    await seedDemoTiering(deps(), AS_OF, () => {});
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    endpoints = listEndpoints(app);
    for (const t of TABLES) before[t] = await countOf(deps(), t);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('finds the list, search, export and analytics routes to attack', () => {
    const paths = endpoints.map((e) => e.path);
    for (const p of [
      '/api/customers',
      '/api/export/customers',
      '/api/tickets',
      '/api/frontline/card',
    ])
      expect(paths).toContain(p);
    expect(paths.filter((p) => p.startsWith('/api/analytics/')).length).toBeGreaterThan(20);
  });

  it('SQL metacharacters in every query parameter: 200 or 400, never a leak or a 500', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const e of endpoints) {
      const base: Record<string, string> = {};
      for (const p of e.params) if (p.required) base[p.name] = REQUIRED[p.name] ?? '1';
      if (e.params.some((p) => p.name === 'format')) base.format = 'csv';
      for (const p of e.params) {
        // Every payload where text is matched; the quote and the NUL elsewhere (they are what
        // breaks a query built by hand or a driver), and on exports, which share their
        // selection with the list beside them, to keep the sweep quick.
        const wide =
          !e.path.endsWith('/export') &&
          (TEXT_FILTERS.has(p.name) || p.name === 'sort' || p.name === 'order');
        for (const payload of wide ? PAYLOADS : NARROW) {
          const url = urlOf(e.path, { ...base, [p.name]: payload });
          const res = await admin.request({ method: 'GET', url }).catch((err: Error) => err);
          requests++;
          if (res instanceof Error) {
            failures.push(`${e.path} ${p.name}=${JSON.stringify(payload)}: ${res.message}`);
            continue;
          }
          const where = `${e.path} ${p.name}=${JSON.stringify(payload)} → ${res.statusCode}`;
          if (![200, 400, 404].includes(res.statusCode)) {
            failures.push(`${where} ${res.body.slice(0, 160)}`);
            continue;
          }
          if (res.statusCode !== 200) continue;
          if (p.enumerated || p.name === 'sort' || p.name === 'order') {
            failures.push(`${where}: a value outside the allowed list was accepted`);
          } else if (TEXT_FILTERS.has(p.name) && !RECORDS_REQUESTS.has(e.path)) {
            const n = rowsOf(res);
            if (n !== undefined && n > 0) failures.push(`${where}: ${n} rows matched`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(500);
    console.info(`injection sweep: ${requests} requests on ${endpoints.length} routes`);
  }, 300_000);

  it('an unknown sort key or order is refused with 400 on every sortable route', async () => {
    const sortable = endpoints.filter((e) => e.params.some((p) => p.name === 'sort'));
    expect(sortable.length).toBeGreaterThan(5);
    for (const e of sortable) {
      const base: Record<string, string> = {};
      for (const p of e.params) if (p.required) base[p.name] = REQUIRED[p.name] ?? '1';
      const bads: Record<string, string>[] = [
        { sort: 'name; DROP TABLE customers' },
        { sort: 'id' },
        { order: 'sideways' },
      ];
      for (const bad of bads) {
        const res = await admin.request({ method: 'GET', url: urlOf(e.path, { ...base, ...bad }) });
        expect(res.statusCode, `${e.path} ${JSON.stringify(bad)}`).toBe(400);
        expect(res.json().error.code).toBe('VALIDATION');
      }
    }
  });

  it('a search for a LIKE wildcard finds only names that contain it literally', async () => {
    await admin.request({
      method: 'POST',
      url: '/api/customers',
      payload: customerInput({ code: 'PCT1', name: '百分之百 100% 满意' }),
    });
    for (const [q, expected] of [
      ['%', ['PCT1']],
      ['100%', ['PCT1']],
      ['_', []],
      ['\\', []],
    ] as const) {
      const res = await admin.request({
        method: 'GET',
        url: urlOf('/api/customers', { q, pageSize: '100' }),
      });
      expect(res.statusCode).toBe(200);
      const codes = (res.json().items as { code: string }[]).map((c) => c.code);
      expect(codes, `q=${q}`).toEqual(expected);
    }
  });

  it('exports neutralise spreadsheet formulas in customer names, in CSV and XLSX', async () => {
    const evil = ['=1+1', '+SUM(A1:A9)', '-2+3+cmd', '@SUM(1)', '\t=1+1', '\r=1+1'];
    for (const [i, name] of evil.entries()) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/customers',
        payload: customerInput({ code: `FX${i}`, name: `${name}`, tags: [name.trim() || 'x'] }),
      });
      expect(res.statusCode, name).toBe(201);
    }
    const dangerous = /^[=+\-@\t\r]/;
    const csv = await admin.request({
      method: 'GET',
      url: '/api/export/customers?format=csv&lang=en&q=FX',
    });
    expect(csv.statusCode).toBe(200);
    const cells = csv.body
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .flatMap((line) => line.split(',').map((c) => c.replace(/^"/, '')));
    expect(cells.length).toBeGreaterThan(evil.length);
    for (const c of cells) {
      if (/^[+-]?\d+(\.\d+)?$/.test(c)) continue; // plain numbers are data
      expect(dangerous.test(c), `CSV cell ${JSON.stringify(c)}`).toBe(false);
    }
    const xlsx = await admin.request({
      method: 'GET',
      url: '/api/export/customers?format=xlsx&lang=en&q=FX',
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    let texts = 0;
    wb.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.formula, `formula in ${cell.address}`).toBeUndefined();
        if (typeof cell.value !== 'string') return;
        texts++;
        if (/^[+-]?\d+(\.\d+)?$/.test(cell.value)) return;
        expect(dangerous.test(cell.value), `XLSX ${cell.address} ${cell.value}`).toBe(false);
      });
    });
    expect(texts).toBeGreaterThan(evil.length);
  });

  it('a body over the size limit is refused with 413 in the usual error shape', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/customers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(customerInput({ code: 'BIG1', name: 'x'.repeat(1_200_000) })),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: {} });
    const got = await admin.request({ method: 'GET', url: '/api/customers/by-code/BIG1' });
    expect(got.statusCode).toBe(404);
  });

  it('deeply nested JSON is refused with 400 and the server keeps serving', async () => {
    for (const payload of [
      '['.repeat(100_000),
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `{"code":"DEEP1","name":"deep","type":"enterprise","customFields":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
    ]) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/customers',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    // Moderate nesting inside a string is just text.
    const ok = await admin.request({
      method: 'POST',
      url: '/api/customers',
      payload: customerInput({ code: 'DEEP2', name: `[{${'['.repeat(150)}` }),
    });
    expect(ok.statusCode).toBe(201);
    const alive = await app.inject({ method: 'GET', url: '/healthz' });
    expect(alive.statusCode).toBe(200);
  });

  it('a NUL character in a body or a path is refused with 400', async () => {
    const body = await admin.request({
      method: 'POST',
      url: '/api/customers',
      headers: { 'content-type': 'application/json' },
      payload: '{"code":"NUL1","name":"a\\u0000b","type":"enterprise"}',
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.code).toBe('VALIDATION');
    const path = await admin.request({ method: 'GET', url: '/api/customers/by-code/A%00B' });
    expect(path.statusCode).toBe(400);
    // An escaped backslash followed by u0000 is ordinary text.
    const text = await admin.request({
      method: 'POST',
      url: '/api/customers',
      headers: { 'content-type': 'application/json' },
      payload: '{"code":"NUL2","name":"a\\\\u0000b","type":"enterprise"}',
    });
    expect(text.statusCode).toBe(201);
    expect(text.json().name).toBe('a\\u0000b');
  });

  it('prototype-pollution keys change nothing', async () => {
    const bodies = [
      '{"code":"PP1","name":"pp","type":"enterprise","__proto__":{"isAdmin":true}}',
      '{"code":"PP2","name":"pp","type":"enterprise","constructor":{"prototype":{"isAdmin":true}}}',
      '{"code":"PP3","name":"pp","type":"enterprise","customFields":{"__proto__":{"polluted":1}}}',
    ];
    for (const payload of bodies) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/customers',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
    }
    const viaQuery = await admin.request({
      method: 'GET',
      url: '/api/customers?__proto__[polluted]=1&constructor[prototype][polluted]=1',
    });
    expect([200, 400]).toContain(viaQuery.statusCode);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    for (const code of ['PP1', 'PP2', 'PP3']) {
      const got = await admin.request({ method: 'GET', url: `/api/customers/by-code/${code}` });
      expect(got.statusCode).toBe(404);
    }
    // An agent cannot become an admin by sending such keys to sign-in either.
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"admin","password":"wrong","__proto__":{"ok":true}}',
    });
    expect(login.statusCode).toBe(400);
  });

  it('every table is intact and unchanged by the attacks', async () => {
    for (const t of TABLES) {
      const n = await countOf(deps(), t);
      // The customers added on purpose above are the only change.
      if (t === 'customers') expect(n, t).toBe((before[t] as number) + 1 + 6 + 1 + 1);
      else expect(n, t).toBe(before[t]);
    }
  });
});
