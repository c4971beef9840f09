import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { from as copyFrom } from 'pg-copy-streams';
import { systemCtx } from '../../src/app/context';
import { listDuplicateCandidates } from '../../src/app/customers/duplicates.service';
import type { Deps } from '../../src/app/deps';
import { protectPersonal } from '../../src/app/security/personal-data';
import type { DatabaseConfig } from '../../src/config';
import { findDuplicatePairs } from '../../src/domain/customers/duplicates';
import { copyLine } from '../../src/store/bulk/copy-text';
import { loadDuplicateSubjects } from '../../src/store/duplicates.repository';
import { benchDeps, bulkCustomerRows, PG_URL, peakRssMiB } from './bench-db';
import { buildDuplicateData, type Injected } from './duplicates-data';
import { envInt } from './report';

/**
 * One step of the duplicate-detection benchmark, in a process of its own (for its peak RSS):
 *   setup <sqlite|postgres> <db file|schema> <truth.json>   customers, credit codes, contacts
 *   find  <sqlite|postgres> <db file|schema> <truth.json>   time, memory, precision and recall
 * Prints one JSON line with the figures.
 */
const [step, engine, where, truthFile] = process.argv.slice(2);
if (!step || !engine || !where || !truthFile) {
  throw new Error('usage: <setup|find> <engine> <where> <truth.json>');
}
const BASE = envInt('BENCH_CUSTOMERS', 1_000_000);
const PER_KIND = envInt('BENCH_DUPLICATES', 10_000);
const MIN_SCORE = Number(process.env.BENCH_MIN_SCORE ?? 0.8);

const database: DatabaseConfig =
  engine === 'sqlite'
    ? { engine: 'sqlite', file: where }
    : { engine: 'postgres', url: PG_URL, schema: where };

/** Writes rows with COPY on one pooled connection of a PostgreSQL store. */
async function copyRows(deps: Deps, sql: string, lines: Iterable<string>): Promise<void> {
  const client = await deps.store.pool!.connect();
  try {
    const stream = client.query(copyFrom(sql));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    done.catch(() => {});
    let chunk = '';
    for (const line of lines) {
      chunk += `${line}\n`;
      if (chunk.length > 1 << 16) {
        if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
        chunk = '';
      }
    }
    stream.end(chunk);
    await done;
  } finally {
    client.release();
  }
}

async function setup(deps: Deps) {
  const t0 = performance.now();
  const data = buildDuplicateData(BASE, PER_KIND);
  const generated = (performance.now() - t0) / 1000;
  const customersSeconds = await bulkCustomerRows(deps, data.customers);
  const t1 = performance.now();
  const now = new Date().toISOString();
  const contactRows = data.contacts.map((c) => {
    const p = protectPersonal(deps.keyring, 'phone', c.phone, 'contact.phone');
    return {
      customer_id: c.customerId,
      name: c.name,
      is_primary: 1,
      phone_enc: p.ciphertext,
      phone_hash: p.hash,
      created_at: now,
      updated_at: now,
      version: 1,
    };
  });
  const contactColumns = Object.keys(contactRows[0] ?? {});
  if (deps.store.sqlite) {
    const db = deps.store.sqlite;
    const setCode = db.prepare('update customers set credit_code = ? where id = ?');
    const addContact = db.prepare(
      `insert into contacts (${contactColumns.join(', ')}) values (${contactColumns.map((c) => `@${c}`).join(', ')})`,
    );
    db.transaction(() => {
      for (const [id, code] of data.creditCodes) setCode.run(code, id);
      for (const row of contactRows) addContact.run(row);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } else {
    await deps.store.pool!.query('create table bench_credit_codes (id integer, code text)');
    await copyRows(
      deps,
      'copy bench_credit_codes (id, code) from stdin',
      data.creditCodes.map(([id, code]) => `${id}\t${code}`),
    );
    await deps.store.pool!.query(
      `update customers c set credit_code = b.code from bench_credit_codes b where c.id = b.id;
       drop table bench_credit_codes`,
    );
    await copyRows(
      deps,
      `copy contacts (${contactColumns.join(', ')}) from stdin`,
      contactRows.map((r) => copyLine(r, contactColumns)),
    );
    await deps.store.pool!.query('analyze customers; analyze contacts');
  }
  writeFileSync(truthFile as string, JSON.stringify(data.injected));
  return {
    customers: data.customers.length,
    creditCodes: data.creditCodes.length,
    contacts: data.contacts.length,
    injected: data.injected.length,
    generateSeconds: generated,
    customersSeconds,
    extrasSeconds: (performance.now() - t1) / 1000,
  };
}

async function find(deps: Deps) {
  const injected = JSON.parse(readFileSync(truthFile as string, 'utf8')) as Injected[];
  // First the service as the list page calls it (load, detect, first page with names), so the
  // peak RSS read right after it is its own.
  const t0 = performance.now();
  const page = await listDuplicateCandidates(deps, systemCtx(), { minScore: MIN_SCORE, limit: 50 });
  const serviceSeconds = (performance.now() - t0) / 1000;
  const servicePeakRssMiB = peakRssMiB();

  // Then its two steps, timed apart.
  const heapBase = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const subjects = await loadDuplicateSubjects(deps.store.db);
  const t2 = performance.now();
  const heapSubjects = process.memoryUsage().heapUsed - heapBase;
  const pairs = findDuplicatePairs(subjects, { minSimilarity: MIN_SCORE });
  const t3 = performance.now();
  const subjectsCount = subjects.length;
  subjects.length = 0;

  // Precision and recall on the injected pairs.
  const key = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const found = new Map(pairs.map((p) => [key(p.aId, p.bId), p]));
  const dupIds = new Set(injected.map((i) => i.dupId));
  // A same-name group of n customers is reported as n−1 pairs with its first member, so a
  // duplicate of a name that several customers share is found when it is in such a pair.
  const inSameNameGroup = new Set<number>();
  for (const p of pairs) {
    if (p.reasons.includes('same_name')) {
      inSameNameGroup.add(p.aId);
      inSameNameGroup.add(p.bId);
    }
  }
  const recall: Record<
    string,
    { injected: number; found: number; withReason: number; viaGroup: number }
  > = {};
  for (const i of injected) {
    recall[i.kind] ??= { injected: 0, found: 0, withReason: 0, viaGroup: 0 };
    const r = recall[i.kind] as {
      injected: number;
      found: number;
      withReason: number;
      viaGroup: number;
    };
    r.injected++;
    const p = found.get(key(i.baseId, i.dupId));
    if (p) {
      r.found++;
      if (p.reasons.includes(i.kind)) r.withReason++;
    } else if (i.kind === 'same_name' && inSameNameGroup.has(i.dupId)) r.viaGroup++;
  }
  // Pairs among the generated customers, by first reason and by whether both are people.
  const types = new Map<number, string>();
  for (let after = 0; ; ) {
    const rows = await deps.store.db
      .selectFrom('customers')
      .select(['id', 'type'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(100_000)
      .execute();
    for (const r of rows) types.set(r.id, r.type);
    if (rows.length < 100_000) break;
    after = (rows[rows.length - 1] as { id: number }).id;
  }
  let touching = 0;
  let truePairs = 0;
  const unlabelled: Record<string, number> = {};
  const injectedKeys = new Set(injected.map((i) => key(i.baseId, i.dupId)));
  for (const p of pairs) {
    if (dupIds.has(p.aId) || dupIds.has(p.bId)) {
      touching++;
      if (injectedKeys.has(key(p.aId, p.bId))) truePairs++;
    } else {
      const people =
        types.get(p.aId) === 'individual' && types.get(p.bId) === 'individual'
          ? 'two people'
          : 'organisations';
      const r = `${p.reasons[0] as string} (${people})`;
      unlabelled[r] = (unlabelled[r] ?? 0) + 1;
    }
  }
  return {
    subjects: subjectsCount,
    pairs: pairs.length,
    loadSeconds: (t2 - t1) / 1000,
    detectSeconds: (t3 - t2) / 1000,
    serviceSeconds,
    serviceTotal: page.total,
    heapSubjectsMiB: Math.round(heapSubjects / 2 ** 20),
    recall,
    precisionOnInjected: touching ? truePairs / touching : null,
    pairsTouchingInjected: touching,
    unlabelledPairsByReason: unlabelled,
    peakRssMiB: servicePeakRssMiB,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'td-bench-dup-'));
const deps = await benchDeps(database, dataDir);
try {
  const r = step === 'setup' ? await setup(deps) : await find(deps);
  console.log(JSON.stringify({ step, engine, ...r }));
} finally {
  await deps.store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
