import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { addContact, listContacts, lookupContacts } from '../../src/app/customers/contacts.service';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { customerInput } from '../factories/customers';
import { type CliSandbox, cliSandbox } from '../support/cli';

const sys = systemCtx();
const K2 = 'second-key-second-key-second-key-cli-01';
const K3 = 'third-key-third-key-third-key-cli-0001';
/** What an operator exports after adding key k2 and making it active. */
const WITH_K2 = { TIERDESK_KEYS: `k2:${K2}`, TIERDESK_ACTIVE_KEY: 'k2' };
const K2_CONFIG = { fieldKeys: { keys: [{ id: 'k2', secret: K2 }], activeKeyId: 'k2' } };

/** Three customers' contacts: 3 phones, 3 e-mails, 1 ID number = 7 encrypted values. */
const PEOPLE = [
  { name: '张伟', phone: '13912340001', email: 'zhang.wei@example.com', idNumber: null },
  {
    name: '李娜',
    phone: '13912340002',
    email: 'li.na@example.com',
    idNumber: '11010119900307123X',
  },
  { name: '王芳', phone: '13912340003', email: 'wang.fang@example.com', idNumber: null },
] as const;

interface StoredContact {
  id: number;
  customer_id: number;
  phone_enc: string | null;
  phone_hash: string | null;
  email_enc: string | null;
  id_number_enc: string | null;
}

let box: CliSandbox;
const customerIds: number[] = [];
let before: StoredContact[] = [];

const storedContacts = async (deps: Deps): Promise<StoredContact[]> =>
  deps.store.db
    .selectFrom('contacts')
    .select(['id', 'customer_id', 'phone_enc', 'phone_hash', 'email_enc', 'id_number_enc'])
    .orderBy('id')
    .execute();

/** Every stored ciphertext, in column order, with the key id it names. */
const keyIds = (rows: StoredContact[]) =>
  rows.flatMap((r) =>
    [r.phone_enc, r.email_enc, r.id_number_enc]
      .filter((v): v is string => v !== null)
      .map((v) => v.split(':')[1]),
  );

/** Reads the sandbox database with `over` (e.g. the k2 keyring), then closes it. */
async function reading<T>(
  fn: (deps: Deps) => Promise<T>,
  over: Parameters<CliSandbox['openDeps']>[0] = {},
): Promise<T> {
  const deps = await box.openDeps(over);
  try {
    return await fn(deps);
  } finally {
    await deps.store.close();
  }
}

const auditActions = (deps: Deps) =>
  deps.store.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'keys.%')
    .orderBy('seq')
    .execute()
    .then((rows) => rows.map((r) => r.action));

beforeAll(async () => {
  box = cliSandbox('tierdesk-keys-cli-');
  await reading(async (deps) => {
    for (const p of PEOPLE) {
      const c = await createCustomer(deps, sys, customerInput());
      customerIds.push(c.id);
      await addContact(deps, sys, c.id, {
        name: p.name,
        phone: p.phone,
        email: p.email,
        ...(p.idNumber ? { idNumber: p.idNumber } : {}),
      });
    }
    before = await storedContacts(deps);
  });
}, 60_000);

afterAll(() => box?.dispose());

it('reports every value under k1 before any rotation, and refuses a malformed TIERDESK_KEYS', async () => {
  expect(keyIds(before)).toEqual(['k1', 'k1', 'k1', 'k1', 'k1', 'k1', 'k1']);
  const status = await box.tierdesk('keys', 'status');
  expect(status.stdout).toBe('Active key: k1\nLookup-hash key: k1\n  k1\t7 values\n');

  const bad = await box
    .withEnv({ TIERDESK_KEYS: 'k2:too-short-a-secret' })
    .failing('keys', 'rotate');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toBe(
    'Invalid configuration:\n' +
      '  - TIERDESK_KEYS: TIERDESK_KEYS must be a comma-separated list of <key id>:<secret of 32 or more characters>, e.g. k2:…\n',
  );
  // The variable holds secrets: the message never repeats its value.
  expect(bad.stderr).not.toContain('too-short');
  expect(bad.stdout).toBe('');

  const unknownActive = await box
    .withEnv({ TIERDESK_KEYS: `k2:${K2}`, TIERDESK_ACTIVE_KEY: 'k9' })
    .failing('keys', 'status');
  expect(unknownActive.code).toBe(1);
  expect(unknownActive.stderr).toBe(
    'Invalid configuration:\n' +
      '  - TIERDESK_ACTIVE_KEY: is "k9", which is neither k1 nor listed in TIERDESK_KEYS\n',
  );
  expect(unknownActive.stderr).not.toContain(K2);

  // Nothing was touched by the refused runs.
  await reading(async (deps) => {
    expect(await storedContacts(deps)).toEqual(before);
    expect(await auditActions(deps)).toEqual([]);
  });
}, 60_000);

it('rotates to k2 resumably: interrupted, continued, then a no-op; data reads back under k2 only', async () => {
  const k2 = box.withEnv(WITH_K2);

  // Interrupted after one batch of two values (as if killed).
  const partial = await k2.tierdesk('keys', 'rotate', '--batch-size', '2', '--max-batches', '1');
  expect(partial.stdout).toBe(
    'Stopped after 1 batches (2 values re-encrypted under k2); run `tierdesk keys rotate` again to continue\n',
  );
  expect(partial.stderr).toBe('contacts.phone_enc: 2 values re-encrypted in 1 batches\n');
  const second = before[1]!.id;
  const midway = await k2.tierdesk('keys', 'status');
  expect(midway.stdout).toBe(
    'Active key: k2\nLookup-hash key: k1\n  k1\t5 values\n  k2\t2 values\n' +
      `Rotation to k2 interrupted at contacts.phone_enc after id ${second} (2 values so far); run \`tierdesk keys rotate\` to continue\n`,
  );

  // Continued: the rest of the phones, then e-mails and ID numbers, three values a batch.
  const rest = await k2.tierdesk('keys', 'rotate', '--batch-size', '3');
  expect(rest.stdout).toBe(
    'Done (continued an interrupted rotation): 5 values re-encrypted under k2; 0 still under another key\n',
  );
  expect(rest.stderr).toBe(
    'contacts.phone_enc: 1 values re-encrypted in 1 batches\n' +
      'contacts.email_enc: 4 values re-encrypted in 2 batches\n' +
      'contacts.id_number_enc: 5 values re-encrypted in 3 batches\n',
  );
  const done = await k2.tierdesk('keys', 'status');
  expect(done.stdout).toMatch(
    /^Active key: k2\nLookup-hash key: k1\n {2}k2\t7 values\nLast rotation to k2 finished \d{4}-\d\d-\d\dT[\d:.]+Z \(7 values\)\n$/,
  );

  const after = await reading(storedContacts);
  expect(keyIds(after)).toEqual(['k2', 'k2', 'k2', 'k2', 'k2', 'k2', 'k2']);
  for (const [i, row] of after.entries()) {
    const old = before[i]!;
    expect(row.id).toBe(old.id);
    expect(row.phone_enc).not.toBe(old.phone_enc);
    expect(row.email_enc).not.toBe(old.email_enc);
    // Lookup hashes are keyed by k1, which does not rotate: searching by phone keeps working.
    expect(row.phone_hash).toBe(old.phone_hash);
  }

  // The app started with the new keyring reads every value back as entered.
  await reading(async (deps) => {
    const read = [];
    for (const id of customerIds) read.push(...(await listContacts(deps, sys, id)));
    expect(read.map((c) => [c.name, c.phone, c.email, c.idNumber, c.masked])).toEqual(
      PEOPLE.map((p) => [p.name, p.phone, p.email, p.idNumber, false]),
    );
    const found = await lookupContacts(deps, sys, { phone: '139 1234 0002' });
    expect(found.map((c) => [c.customerId, c.email])).toEqual([
      [customerIds[1], 'li.na@example.com'],
    ]);
  }, K2_CONFIG);
  // Without k2 the values cannot be read any more: they really are under k2.
  await reading(async (deps) => {
    await expect(listContacts(deps, sys, customerIds[0]!)).rejects.toThrow(
      'encrypted value uses key "k2", which is not configured',
    );
  });

  // Running it again finds nothing to do and changes nothing.
  const again = await k2.tierdesk('keys', 'rotate');
  expect(again.stdout).toBe(
    'Done (rotation): 0 values re-encrypted under k2; 0 still under another key\n',
  );
  expect(again.stderr).toBe('');
  await reading(async (deps) => {
    expect(await storedContacts(deps)).toEqual(after);
    // One entry per batch (1 + 3), one per finished run (the interrupted one never finished).
    expect(await auditActions(deps)).toEqual([
      'keys.rotate_batch',
      'keys.rotate_batch',
      'keys.rotate_batch',
      'keys.rotate_batch',
      'keys.rotate',
      'keys.rotate',
    ]);
  });

  // Dropping k2 from the keys too early: the run stops at the first value it cannot decrypt,
  // naming it, and leaves everything as it was.
  const missing = await box
    .withEnv({ TIERDESK_KEYS: `k3:${K3}`, TIERDESK_ACTIVE_KEY: 'k3' })
    .failing('keys', 'rotate');
  expect(missing.code).toBe(1);
  expect(missing.stderr).toBe(
    `Error: contacts.phone_enc of row ${before[0]!.id} cannot be re-encrypted: encrypted value uses key "k2", which is not configured\n`,
  );
  expect(missing.stdout).toBe('');
  await reading(async (deps) => {
    expect(await storedContacts(deps)).toEqual(after);
  });
}, 120_000);
