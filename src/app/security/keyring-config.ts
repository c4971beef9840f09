import { type Config, ConfigError } from '../../config';
import { FieldKeyring, type KeyMaterial } from './field-crypto';

/** Id of the key derived from TIERDESK_SECRET, which also keys the lookup hashes. */
export const PRIMARY_KEY_ID = 'k1';

/**
 * The keyring of a deployment. TIERDESK_SECRET is always key "k1" and stays the lookup-hash key,
 * so hashes written before a rotation keep finding their rows; TIERDESK_KEYS adds keys and
 * TIERDESK_ACTIVE_KEY picks the one new values are encrypted with (default: the last listed,
 * or k1 when none are). Listing k1 again with the same secret is allowed; with another, refused.
 * @example keyringFromConfig({ ...config, fieldKeys: { keys: [{ id: 'k2', secret }], activeKeyId: 'k2' } })
 */
export function keyringFromConfig(config: Pick<Config, 'secret' | 'fieldKeys'>): FieldKeyring {
  const keys: KeyMaterial[] = [{ id: PRIMARY_KEY_ID, secret: config.secret }];
  for (const k of config.fieldKeys?.keys ?? []) {
    if (k.id === PRIMARY_KEY_ID) {
      if (k.secret !== config.secret) {
        throw new ConfigError([
          {
            variable: 'TIERDESK_KEYS',
            message: `lists key "${PRIMARY_KEY_ID}" with a secret other than TIERDESK_SECRET; k1 is always TIERDESK_SECRET`,
          },
        ]);
      }
      continue;
    }
    keys.push(k);
  }
  const active = config.fieldKeys?.activeKeyId ?? keys[keys.length - 1]!.id;
  if (!keys.some((k) => k.id === active)) {
    throw new ConfigError([
      {
        variable: 'TIERDESK_ACTIVE_KEY',
        message: `is "${active}", which is neither k1 nor listed in TIERDESK_KEYS`,
      },
    ]);
  }
  return new FieldKeyring({ keys, activeKeyId: active, hashKeyId: PRIMARY_KEY_ID });
}
