import type { Config } from '../config';
import type { Store } from '../store/database';
import type { FieldKeyring } from './security/field-crypto';

/** What use cases need from the outside world; built once at boot, passed to every use case. */
export interface Deps {
  store: Store;
  config: Config;
  /** Keys for personal data encrypted at rest and its lookup hashes. */
  keyring: FieldKeyring;
}
