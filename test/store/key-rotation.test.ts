import { expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import * as contacts from '../../src/app/customers/contacts.service';
import * as customers from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import {
  countNotUnder,
  ROTATION_SETTING,
  type RotationCheckpoint,
  rotateKeys,
} from '../../src/app/security/key-rotation.service';
import { keyringFromConfig } from '../../src/app/security/keyring-config';
import { loadConfig } from '../../src/config';
import { readJsonSetting } from '../../src/store/json-settings.repository';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

const sys = systemCtx();
const K2 = 'second-key-second-key-second-key-0001';

/** The same database seen by a server restarted with TIERDESK_KEYS=k2:… TIERDESK_ACTIVE_KEY=k2. */
function withK2(deps: Deps): Deps {
  const keyring = keyringFromConfig({
    secret: deps.config.secret,
    fieldKeys: { keys: [{ id: 'k2', secret: K2 }], activeKeyId: 'k2' },
  });
  return { ...deps, keyring };
}

it('reads several keys and the active one from the environment, single secret still working', () => {
  const secret = 'primary-secret-primary-secret-000001';
  const base = { TIERDESK_SECRET: secret, TIERDESK_DATA_DIR: '/tmp/tierdesk-keys-test' };
  expect(keyringFromConfig(loadConfig(base)).activeKeyId).toBe('k1');
  const two = keyringFromConfig(
    loadConfig({ ...base, TIERDESK_KEYS: `k2:${K2}`, TIERDESK_ACTIVE_KEY: 'k2' }),
  );
  expect(two.activeKeyId).toBe('k2');
  expect(two.hashKeyId).toBe('k1');
  expect(() => loadConfig({ ...base, TIERDESK_KEYS: 'k2:short' })).toThrow(/TIERDESK_KEYS/);
  expect(() =>
    keyringFromConfig(
      loadConfig({ ...base, TIERDESK_KEYS: `k2:${K2}`, TIERDESK_ACTIVE_KEY: 'k9' }),
    ),
  ).toThrow(/TIERDESK_ACTIVE_KEY/);
});

describeEachEngine('key rotation', ({ deps }) => {
  it('re-encrypts every value under the new key in batches, resumably, hashes untouched', async () => {
    const phones: string[] = [];
    for (let i = 0; i < 7; i++) {
      const c = await customers.createCustomer(deps(), sys, customerInput());
      const phone = `1391234${String(1000 + i)}`;
      phones.push(phone);
      await contacts.addContact(deps(), sys, c.id, {
        name: `联系人${i}`,
        phone,
        email: `p${i}@example.com`,
        ...(i % 2 ? { idNumber: '11010119900307123X' } : {}),
      });
    }
    const before = await deps()
      .store.db.selectFrom('contacts')
      .select(['phone_enc', 'phone_hash'])
      .orderBy('id')
      .execute();
    expect(before.every((r) => r.phone_enc!.startsWith('v1:k1:'))).toBe(true);

    const rotated = withK2(deps());
    // Values stay readable before any rotation: k1 is still in the keyring.
    const firstCustomer = (await contacts.lookupContacts(rotated, sys, { phone: phones[0]! }))[0]!;
    expect(firstCustomer.phone).toBe(phones[0]);

    // Interrupted after two batches of three values.
    const partial = await rotateKeys(rotated, sys, { batchSize: 3, maxBatches: 2 });
    expect(partial).toMatchObject({ complete: false, rotated: 6, batches: 2 });
    const cp = await readJsonSetting<RotationCheckpoint>(deps().store.db, ROTATION_SETTING);
    expect(cp).toMatchObject({ activeKeyId: 'k2', target: 'contacts.phone_enc', rotated: 6 });

    const rest = await rotateKeys(rotated, sys, { batchSize: 3 });
    expect(rest).toMatchObject({ complete: true, resumed: true, remaining: 0 });
    expect(partial.rotated + rest.rotated).toBe(7 + 7 + 3);
    expect(await countNotUnder(rotated, 'k2')).toBe(0);

    const after = await deps()
      .store.db.selectFrom('contacts')
      .select(['phone_enc', 'email_enc', 'id_number_enc', 'phone_hash'])
      .orderBy('id')
      .execute();
    expect(after.every((r) => r.phone_enc!.startsWith('v1:k2:'))).toBe(true);
    expect(after.every((r) => r.email_enc!.startsWith('v1:k2:'))).toBe(true);
    expect(after.map((r) => r.phone_hash)).toEqual(before.map((r) => r.phone_hash));
    // Readable and still found by phone through the unchanged lookup hash.
    for (const phone of phones) {
      const found = await contacts.lookupContacts(rotated, sys, { phone });
      expect(found[0]?.phone).toBe(phone);
    }

    // Audited per batch, with counts, not per value.
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'encryption_key')
      .orderBy('seq')
      .execute();
    expect(audit.filter((a) => a.action === 'keys.rotate')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'keys.rotate_batch').length).toBeLessThan(10);

    // A second run finds nothing left to do.
    expect(await rotateKeys(rotated, sys)).toMatchObject({ rotated: 0, remaining: 0 });
  });
});
